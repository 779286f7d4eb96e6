"""The Counterparties list tab: search, kind and deleted filters, the table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.lists import CounterpartyFilter, CounterpartyRow
from crm_desktop.views.itemmodels.counterparties import (
    CounterpartiesModel,
    counterparties_model,
    counterparty_source,
)
from crm_desktop.views.lists.base import ListPage, compact

SETTINGS_KEY = "lists/counterparties"

# kind filter: (CounterpartyFilter.legal_kind, label in the plural)
KIND_CHOICES: tuple[tuple[str, str], ...] = (
    ("legal", QT_TRANSLATE_NOOP("CounterpartyListPage", "Organisations")),
    ("individual", QT_TRANSLATE_NOOP("CounterpartyListPage", "Sole traders")),
    ("person", QT_TRANSLATE_NOOP("CounterpartyListPage", "Private persons")),
)


class CounterpartyListPage(ListPage[CounterpartyFilter, CounterpartyRow]):
    """All counterparties that match the search and the filters, read page by page.

    Signals:
        open_requested("counterparty", id): a row was double-clicked or Enter pressed on it.
    """

    kind = "counterparty"
    settings_key = SETTINGS_KEY

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, background: bool = True
    ) -> None:
        self.db = db
        model: CounterpartiesModel = counterparties_model(db, background=background)
        super().__init__(
            model, lambda flt: counterparty_source(db, flt), CounterpartyFilter(), parent
        )
        model.setParent(self)
        self.model: CounterpartiesModel = model
        self.view.setObjectName("counterpartiesTable")
        self.search_box.setToolTip(self.tr("Search by name, INN or OGRN"))

        self.legal_kind = QComboBox(self)
        self.legal_kind.setObjectName("kindFilter")
        self.legal_kind.setToolTip(self.tr("Kind of counterparty"))
        self.legal_kind.addItem(self.tr("All kinds"), None)
        for code, label in KIND_CHOICES:
            self.legal_kind.addItem(QCoreApplication.translate("CounterpartyListPage", label), code)
        compact(self.legal_kind)
        self.show_deleted = QCheckBox(self.tr("Show deleted"), self)
        self.show_deleted.setObjectName("showDeleted")
        self.legal_kind.currentIndexChanged.connect(self._on_filter_changed)
        self.show_deleted.toggled.connect(self._on_filter_changed)
        self.filters.addWidget(self.legal_kind)
        self.filters.addWidget(self.show_deleted)
        self.model.refresh()

    def current_filter(self) -> CounterpartyFilter:
        return CounterpartyFilter(
            legal_kind=self.legal_kind.currentData(),
            include_deleted=self.show_deleted.isChecked(),
            search=self.search_box.text().strip(),
        )

    @Slot()
    def _on_filter_changed(self, *_args: Any) -> None:
        self.apply_filter()
