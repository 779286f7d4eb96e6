"""The Claims list tab («Претензии клиентов») and the Claims tab of the client and deal cards.

Search by the claim's number or the start of the partner's name; filters: status, open only,
reason, culprit department, the period of the claim date. The rows are read page by page
(keyset, sorted in SQL) on a worker thread. Enter or a double click opens the claim's card;
«New claim» asks for a new one (for the card's client / deal on a card's tab).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QWidget

from crm_desktop.db import Database
from crm_desktop.services.claims import CLAIM_STATUSES, ClaimFilter, ClaimRow
from crm_desktop.services.claims import claim_reasons as service_claim_reasons
from crm_desktop.services.claims import departments as service_departments
from crm_desktop.services.uow import Actor
from crm_desktop.views.claims.itemmodels import (
    ClaimsModel,
    claim_source,
    claims_model,
    status_label,
)
from crm_desktop.views.lists.base import ListPage, compact
from crm_desktop.views.widgets.fields import OptionalDateEdit

SETTINGS_KEY = "lists/claims"


def _uuid(value: object) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


class ClaimListPage(ListPage[ClaimFilter, ClaimRow]):
    """The claims that match the search and the filters, newest first, read page by page.

    ``partner_id`` / ``deal_id``: only that client's or deal's claims (a card's Claims tab:
    the partner column is hidden on a client's card).

    Signals:
        open_requested("claim", id): a row was double-clicked or Enter pressed on it.
        new_requested("claim", preset): «New claim» was pressed; ``preset`` is a dict of the new
            card's keywords (``partner_id``, ``deal_id`` when the list is a card's).
    """

    new_requested = Signal(str, object)

    kind = "claim"
    settings_key = SETTINGS_KEY

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        actor: Actor | None = None,
        partner_id: uuid.UUID | None = None,
        deal_id: uuid.UUID | None = None,
        background: bool = True,
    ) -> None:
        self.db = db
        self.actor = actor
        self.partner_id = partner_id
        self.deal_id = deal_id
        default = ClaimFilter(partner_id=partner_id, deal_id=deal_id)
        model: ClaimsModel = claims_model(db, default, background=background)
        super().__init__(model, lambda flt: claim_source(db, flt), default, parent)
        model.setParent(self)
        self.model: ClaimsModel = model
        self.view.setObjectName("claimsTable")
        self.search_box.setToolTip(
            self.tr("Search by the claim's number or the start of the partner's name")
        )

        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.setToolTip(self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), None)
        for code in CLAIM_STATUSES:
            self.status.addItem(status_label(code), code)
        self.open_only = QCheckBox(self.tr("Open only"), self)
        self.open_only.setObjectName("openOnly")
        self.open_only.setToolTip(self.tr("Registered or under investigation"))
        self.reason = QComboBox(self)
        self.reason.setObjectName("reasonFilter")
        self.reason.setToolTip(self.tr("Reason"))
        self.reason.addItem(self.tr("All reasons"), None)
        for item in service_claim_reasons(db):
            self.reason.addItem(item.name, str(item.id))  # a QVariant keeps a str as is
        self.department = QComboBox(self)
        self.department.setObjectName("departmentFilter")
        self.department.setToolTip(self.tr("Culprit department"))
        self.department.addItem(self.tr("All departments"), None)
        for item in service_departments(db):
            self.department.addItem(item.name, str(item.id))
        self.claimed_from = OptionalDateEdit(self)
        self.claimed_from.setObjectName("claimedFrom")
        self.claimed_from.setToolTip(self.tr("Claimed on or after"))
        self.claimed_to = OptionalDateEdit(self)
        self.claimed_to.setObjectName("claimedTo")
        self.claimed_to.setToolTip(self.tr("Claimed on or before"))
        self.new_button = QPushButton(self.tr("New claim"), self)
        self.new_button.setObjectName("newClaim")
        self.new_button.setToolTip(self.tr("Register a new claim"))
        self.new_button.clicked.connect(self._on_new_button_clicked)

        for combo in (self.status, self.reason, self.department):
            compact(combo)
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.filters.addWidget(self.status)
        self.open_only.toggled.connect(self._on_filter_changed)
        self.filters.addWidget(self.open_only)
        self.filters.addWidget(self.reason)
        self.filters.addWidget(self.department)
        self.filters.addWidget(QLabel(self.tr("Date:"), self))
        for edit in (self.claimed_from, self.claimed_to):
            edit.value_changed.connect(self._on_filter_changed)
            self.filters.addWidget(edit)
        self.filters.addWidget(self.new_button)
        if partner_id is not None:
            partner = [c.sort_key for c in model.columns].index("partner")
            self.view.setColumnHidden(partner, True)  # the partner is the card's own
        self.model.refresh()  # the first page now: a few milliseconds on an index

    def current_filter(self) -> ClaimFilter:
        return ClaimFilter(
            status=self.status.currentData(),
            open_only=self.open_only.isChecked(),
            partner_id=self.partner_id,
            deal_id=self.deal_id,
            reason_id=_uuid(self.reason.currentData()),
            culprit_department_id=_uuid(self.department.currentData()),
            claimed_from=self.claimed_from.value(),
            claimed_to=self.claimed_to.value(),
            search=self.search_box.text().strip(),
        )

    def new_preset(self) -> dict[str, Any]:
        """The keywords of a new claim's card from this list (its client and deal)."""
        preset: dict[str, Any] = {}
        if self.partner_id is not None:
            preset["partner_id"] = self.partner_id
        if self.deal_id is not None:
            preset["deal_id"] = self.deal_id
        return preset

    @Slot()
    def _on_filter_changed(self, *_args: Any) -> None:
        self.apply_filter()

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.new_requested.emit(self.kind, self.new_preset())


class ClaimsTab(ClaimListPage):
    """The Claims tab of a client's card (``partner_id``) or a deal's card (``deal_id``; give
    the deal's client as ``partner_id`` too so a new claim gets both).

    Connect ``open_requested`` to the card's own ``open_requested`` and ``new_requested`` to
    its ``new_requested``; call :meth:`refresh` when a claim was saved.
    """

    def __init__(
        self,
        db: Database,
        actor: Actor | None = None,
        partner_id: uuid.UUID | None = None,
        deal_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        *,
        background: bool = True,
    ) -> None:
        if partner_id is None and deal_id is None:
            raise ValueError("ClaimsTab needs partner_id or deal_id")
        super().__init__(
            db,
            parent,
            actor=actor,
            partner_id=partner_id,
            deal_id=deal_id,
            background=background,
        )
        self.setObjectName("claimsTab")
        self.department.hide()  # a card's tab is short: the essentials only
        self.claimed_from.hide()
        self.claimed_to.hide()
        for i in range(self.filters.count()):
            item = self.filters.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                widget.hide()


__all__ = ["ClaimListPage", "ClaimsTab"]
