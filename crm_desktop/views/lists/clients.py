"""The Clients list tab: the paged clients table (search and filters come later)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QVBoxLayout, QWidget

from crm_desktop.db import Database
from crm_desktop.views.itemmodels.clients import ClientsModel, clients_model
from crm_desktop.views.lists.paged_view import PagedTableView

SETTINGS_KEY = "lists/clients"


class ClientListPage(QWidget):
    """All live clients, sorted in SQL, read page by page as the user scrolls."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: ClientsModel = clients_model(db, parent=self)
        self.view = PagedTableView(self.model, settings_key=SETTINGS_KEY, parent=self)
        self.view.setObjectName("clientsTable")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.model.refresh()  # count and first page: a few milliseconds, keyset on an index

    def refresh(self) -> None:
        self.model.refresh()

    def save_state(self, settings: QSettings) -> None:
        self.view.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        self.view.restore_state(settings)
