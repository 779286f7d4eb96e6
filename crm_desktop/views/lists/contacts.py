"""The Contacts list tab: search, the deleted filter, the table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QWidget

from crm_desktop.db import Database
from crm_desktop.services.lists import ContactFilter, ContactRow
from crm_desktop.views.itemmodels.contacts import ContactsModel, contact_source, contacts_model
from crm_desktop.views.lists.base import ListPage

SETTINGS_KEY = "lists/contacts"


class ContactListPage(ListPage[ContactFilter, ContactRow]):
    """All contact persons that match the search, read page by page.

    Signals:
        open_requested("contact", id): a row was double-clicked or Enter pressed on it.
    """

    kind = "contact"
    settings_key = SETTINGS_KEY

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, background: bool = True
    ) -> None:
        self.db = db
        model: ContactsModel = contacts_model(db, background=background)
        super().__init__(model, lambda flt: contact_source(db, flt), ContactFilter(), parent)
        model.setParent(self)
        self.model: ContactsModel = model
        self.view.setObjectName("contactsTable")
        self.search_box.setToolTip(self.tr("Search by name, phone or e-mail"))
        self.show_deleted = QCheckBox(self.tr("Show deleted"), self)
        self.show_deleted.setObjectName("showDeleted")
        self.show_deleted.toggled.connect(self._on_filter_changed)
        self.filters.addWidget(self.show_deleted)
        self.model.refresh()

    def current_filter(self) -> ContactFilter:
        return ContactFilter(
            include_deleted=self.show_deleted.isChecked(), search=self.search_box.text().strip()
        )

    @Slot()
    def _on_filter_changed(self, *_args: Any) -> None:
        self.apply_filter()
