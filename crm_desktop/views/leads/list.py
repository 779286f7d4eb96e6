"""The Leads list tab («Лиды»): search by number, name, phone or e-mail, filters (status,
source, owner, received period), the table (newest first) and the New lead button."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from crm_desktop.db import Database
from crm_desktop.services.leads import LEAD_STATUSES, LeadFilter, LeadRow
from crm_desktop.services.parties import catalogue
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views.leads.itemmodels import (
    STATUS_CONTEXT,
    STATUS_LABELS,
    LeadsModel,
    lead_source,
    leads_model,
)
from crm_desktop.views.lists.base import ListPage, compact
from crm_desktop.views.widgets.fields import OptionalDateEdit

SETTINGS_KEY = "lists/leads"


def _uuid(value: object) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


class LeadsList(ListPage[LeadFilter, LeadRow]):
    """The leads that match the search and the filters, sorted in SQL, read page by page.

    Signals:
        open_requested("lead", id): a row was double-clicked or Enter pressed on it.
        new_requested("lead"): the New lead button was pressed.
    """

    new_requested = Signal(str)

    kind = "lead"
    settings_key = SETTINGS_KEY

    def __init__(
        self,
        db: Database,
        actor: Actor | None = None,
        parent: QWidget | None = None,
        *,
        background: bool = True,
    ) -> None:
        self.db = db
        self.actor = actor
        default = LeadFilter()
        model: LeadsModel = leads_model(db, default, background=background)
        super().__init__(model, lambda flt: lead_source(db, flt), default, parent)
        model.setParent(self)
        self.model: LeadsModel = model
        self.setObjectName("leadsList")
        self.view.setObjectName("leadsTable")
        self.search_box.setToolTip(
            self.tr("Search by the lead's number, the start of the name, a phone or an e-mail")
        )

        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.setToolTip(self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), None)
        for code in LEAD_STATUSES:
            self.status.addItem(
                QCoreApplication.translate(STATUS_CONTEXT, STATUS_LABELS[code]), code
            )
        self.source = QComboBox(self)
        self.source.setObjectName("sourceFilter")
        self.source.setToolTip(self.tr("Source"))
        self.source.addItem(self.tr("All sources"), None)
        for item in catalogue(db, "info_source"):
            self.source.addItem(item.name, str(item.id))  # a QVariant keeps a str as is
        self.owner = QComboBox(self)
        self.owner.setObjectName("ownerFilter")
        self.owner.setToolTip(self.tr("Responsible manager"))
        self.owner.addItem(self.tr("All managers"), None)
        for user in list_users(db):
            self.owner.addItem(user.full_name, str(user.id))
        self.received_from = OptionalDateEdit(self)
        self.received_from.setObjectName("receivedFrom")
        self.received_from.setToolTip(self.tr("Received on or after"))
        self.received_to = OptionalDateEdit(self)
        self.received_to.setObjectName("receivedTo")
        self.received_to.setToolTip(self.tr("Received on or before"))
        self.new_button = QPushButton(self.tr("New lead"), self)
        self.new_button.setObjectName("newLead")
        self.new_button.setToolTip(self.tr("Open the card of a new lead"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        for combo in (self.status, self.source, self.owner):
            compact(combo)
            combo.currentIndexChanged.connect(self._on_filter_changed)
            self.filters.addWidget(combo)
        self.filters.addWidget(QLabel(self.tr("Received:"), self))
        for edit in (self.received_from, self.received_to):
            edit.value_changed.connect(self._on_filter_changed)
            self.filters.addWidget(edit)
        self.filters.addWidget(self.new_button)
        self.model.refresh()  # the first page now: a few milliseconds on an index

    def current_filter(self) -> LeadFilter:
        return LeadFilter(
            status=self.status.currentData(),
            owner_id=_uuid(self.owner.currentData()),
            source_id=_uuid(self.source.currentData()),
            received_from=self.received_from.value(),
            received_to=self.received_to.value(),
            search=self.search_box.text().strip(),
        )

    @Slot()
    def _on_filter_changed(self, *_args: Any) -> None:
        self.apply_filter()

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.new_requested.emit(self.kind)


__all__ = ["LeadsList"]
