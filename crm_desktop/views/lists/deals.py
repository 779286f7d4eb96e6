"""The Deals list tab: search by number or title, filters (stage, status, owner, opened dates,
deleted), the table. The client card shows the same page for one client's deals."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.lists import DealFilter, DealRow
from crm_desktop.services.parties import catalogue
from crm_desktop.services.users import list_users
from crm_desktop.views.itemmodels.deals import DealsModel, deal_source, deals_model
from crm_desktop.views.lists.base import ListPage, compact
from crm_desktop.views.widgets.fields import OptionalDateEdit

SETTINGS_KEY = "lists/deals"

# status filter: (DealFilter.status, label)
STATUS_CHOICES: tuple[tuple[str, str], ...] = (
    ("open", QT_TRANSLATE_NOOP("DealListPage", "In progress")),
    ("won", QT_TRANSLATE_NOOP("DealListPage", "Won")),
    ("lost", QT_TRANSLATE_NOOP("DealListPage", "Lost")),
)


def _uuid(value: object) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


class DealListPage(ListPage[DealFilter, DealRow]):
    """The deals that match the search and the filters, sorted in SQL, read page by page.

    ``client_id``: only that client's deals (the client card's Deals tab).

    Signals:
        open_requested("deal", id): a row was double-clicked or Enter pressed on it.
    """

    kind = "deal"
    settings_key = SETTINGS_KEY

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        client_id: uuid.UUID | None = None,
        background: bool = True,
    ) -> None:
        self.db = db
        self.client_id = client_id
        default = DealFilter(client_id=client_id)
        model: DealsModel = deals_model(db, default, background=background)
        super().__init__(model, lambda flt: deal_source(db, flt), default, parent)
        model.setParent(self)
        self.model: DealsModel = model
        self.view.setObjectName("dealsTable")
        self.search_box.setToolTip(self.tr("Search by the deal's number or the start of its title"))

        self.stage = QComboBox(self)
        self.stage.setObjectName("stageFilter")
        self.stage.setToolTip(self.tr("Stage"))
        self.stage.addItem(self.tr("All stages"), None)
        for item in catalogue(db, "deal_stage"):
            self.stage.addItem(item.name, str(item.id))  # a QVariant keeps a str as is
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.setToolTip(self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), None)
        for code, label in STATUS_CHOICES:
            self.status.addItem(QCoreApplication.translate("DealListPage", label), code)
        self.owner = QComboBox(self)
        self.owner.setObjectName("ownerFilter")
        self.owner.setToolTip(self.tr("Responsible manager"))
        self.owner.addItem(self.tr("All managers"), None)
        for user in list_users(db):
            self.owner.addItem(user.full_name, str(user.id))
        self.opened_from = OptionalDateEdit(self)
        self.opened_from.setObjectName("openedFrom")
        self.opened_from.setToolTip(self.tr("Opened on or after"))
        self.opened_to = OptionalDateEdit(self)
        self.opened_to.setObjectName("openedTo")
        self.opened_to.setToolTip(self.tr("Opened on or before"))
        self.show_deleted = QCheckBox(self.tr("Show deleted"), self)
        self.show_deleted.setObjectName("showDeleted")
        for combo in (self.stage, self.status, self.owner):
            compact(combo)
            combo.currentIndexChanged.connect(self._on_filter_changed)
            self.filters.addWidget(combo)
        self.filters.addWidget(QLabel(self.tr("Opened:"), self))
        for edit in (self.opened_from, self.opened_to):
            edit.value_changed.connect(self._on_filter_changed)
            self.filters.addWidget(edit)
        self.show_deleted.toggled.connect(self._on_filter_changed)
        self.filters.addWidget(self.show_deleted)
        if client_id is not None:
            client = [c.sort_key for c in model.columns].index("client")
            self.view.setColumnHidden(client, True)  # the client is the card's own
        self.model.refresh()

    def current_filter(self) -> DealFilter:
        return DealFilter(
            client_id=self.client_id,
            stage_id=_uuid(self.stage.currentData()),
            status=self.status.currentData(),
            owner_id=_uuid(self.owner.currentData()),
            opened_from=self.opened_from.value(),
            opened_to=self.opened_to.value(),
            include_deleted=self.show_deleted.isChecked(),
            search=self.search_box.text().strip(),
        )

    @Slot()
    def _on_filter_changed(self, *_args: Any) -> None:
        self.apply_filter()
