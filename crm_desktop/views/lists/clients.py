"""The Clients list tab: search, filters (owner, circle, role, archived, deleted), the table."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.lists import ClientFilter, ClientRow
from crm_desktop.services.parties import catalogue
from crm_desktop.services.users import list_users
from crm_desktop.views.itemmodels.clients import ClientsModel, client_source, clients_model
from crm_desktop.views.lists.base import ListPage, compact

SETTINGS_KEY = "lists/clients"

# role filter: (ClientFilter.role, label in the plural)
ROLE_CHOICES: tuple[tuple[str, str], ...] = (
    ("client", QT_TRANSLATE_NOOP("ClientListPage", "Clients")),
    ("supplier", QT_TRANSLATE_NOOP("ClientListPage", "Suppliers")),
    ("dealer", QT_TRANSLATE_NOOP("ClientListPage", "Dealers")),
    ("competitor", QT_TRANSLATE_NOOP("ClientListPage", "Competitors")),
    ("carrier", QT_TRANSLATE_NOOP("ClientListPage", "Carriers")),
    ("other", QT_TRANSLATE_NOOP("ClientListPage", "Others")),
)


def _uuid(value: object) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


class ClientListPage(ListPage[ClientFilter, ClientRow]):
    """All clients that match the search and the filters, sorted in SQL, read page by page.

    Signals:
        open_requested("client", id): a row was double-clicked or Enter pressed on it.
    """

    kind = "client"
    settings_key = SETTINGS_KEY

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, background: bool = True
    ) -> None:
        self.db = db
        model: ClientsModel = clients_model(db, background=background)
        super().__init__(model, lambda flt: client_source(db, flt), ClientFilter(), parent)
        model.setParent(self)
        self.model: ClientsModel = model
        self.view.setObjectName("clientsTable")
        self.search_box.setToolTip(self.tr("Search by name, INN, phone or e-mail"))

        self.owner = QComboBox(self)
        self.owner.setObjectName("ownerFilter")
        self.owner.setToolTip(self.tr("Owner manager"))
        self.owner.addItem(self.tr("All managers"), None)
        for user in list_users(db):
            self.owner.addItem(user.full_name, str(user.id))  # a QVariant keeps a str as is
        self.circle = QComboBox(self)
        self.circle.setObjectName("circleFilter")
        self.circle.setToolTip(self.tr("Client circle"))
        self.circle.addItem(self.tr("All circles"), None)
        for item in catalogue(db, "client_circle"):
            self.circle.addItem(item.name, str(item.id))
        self.role = QComboBox(self)
        self.role.setObjectName("roleFilter")
        self.role.setToolTip(self.tr("Role"))
        self.role.addItem(self.tr("All roles"), None)
        for code, label in ROLE_CHOICES:
            self.role.addItem(QCoreApplication.translate("ClientListPage", label), code)
        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.setObjectName("showArchived")
        self.show_deleted = QCheckBox(self.tr("Show deleted"), self)
        self.show_deleted.setObjectName("showDeleted")
        for combo in (self.owner, self.circle, self.role):
            compact(combo)
            combo.currentIndexChanged.connect(self._on_filter_changed)
            self.filters.addWidget(combo)
        for box in (self.show_archived, self.show_deleted):
            box.toggled.connect(self._on_filter_changed)
            self.filters.addWidget(box)
        self.model.refresh()  # the first page now: a few milliseconds on an index

    def current_filter(self) -> ClientFilter:
        return ClientFilter(
            owner_id=_uuid(self.owner.currentData()),
            circle_id=_uuid(self.circle.currentData()),
            role=self.role.currentData(),
            include_archived=self.show_archived.isChecked(),
            include_deleted=self.show_deleted.isChecked(),
            search=self.search_box.text().strip(),
        )

    @Slot()
    def _on_filter_changed(self, *_args: Any) -> None:
        self.apply_filter()
