"""The Interactions section: the keyset-paged list with filters (kind, status, period,
responsible, client) and subject search; "Group by subject" shows how many each subject has; the
chain of the selected interaction is shown beside the list."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services import interactions as it
from crm_desktop.services.interactions import (
    INTERACTION_KINDS,
    INTERACTION_STATUSES,
    InteractionFilter,
    InteractionRow,
)
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.activities.common import compact_table, item
from crm_desktop.views.activities.itemmodels import (
    InteractionsModel,
    interaction_source,
    interactions_model,
)
from crm_desktop.views.activities.labels import (
    kind_label,
    kind_with_direction,
    local_tz,
    status_label,
    when_text,
)
from crm_desktop.views.cards.dialogs import PartyPicker
from crm_desktop.views.cards.links import LinkTable
from crm_desktop.views.lists.base import ListPage, compact
from crm_desktop.views.widgets.fields import OptionalDateEdit

SETTINGS_KEY = "lists/interactions"


class InteractionListPage(ListPage[InteractionFilter, InteractionRow]):
    """All interactions (or one client's), newest first.

    Signals:
        open_requested("interaction", id): a row (or a chain entry) was activated.
    """

    kind = "interaction"
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
        self._client_id = client_id
        default = InteractionFilter(client_id=client_id)
        model: InteractionsModel = interactions_model(db, default, background=background)
        super().__init__(model, lambda flt: interaction_source(db, flt), default, parent)
        model.setParent(self)
        self.model: InteractionsModel = model
        self.view.setObjectName("interactionsTable")
        self.search_box.setToolTip(self.tr("Search by the beginning of the subject"))

        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for code in INTERACTION_KINDS:
            self.kind_filter.addItem(kind_label(code), code)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code in INTERACTION_STATUSES:
            self.status_filter.addItem(status_label(code), code)
        self.responsible = QComboBox(self)
        self.responsible.setObjectName("responsibleFilter")
        self.responsible.addItem(self.tr("All managers"), None)
        for user in list_users(db):
            self.responsible.addItem(user.full_name, str(user.id))
        self.date_from = OptionalDateEdit(self)
        self.date_from.setToolTip(self.tr("On or after"))
        self.date_to = OptionalDateEdit(self)
        self.date_to.setToolTip(self.tr("On or before"))
        self.client_button = QToolButton(self)
        self.client_button.setObjectName("clientFilter")
        self.client_button.setText(self.tr("All clients"))
        self.client_button.setToolTip(self.tr("Only one client's interactions (click to choose)"))
        self.client_button.clicked.connect(self.choose_client)
        self.group = QCheckBox(self.tr("Group by subject"), self)
        self.group.setObjectName("groupBySubject")
        for combo in (self.kind_filter, self.status_filter, self.responsible):
            compact(combo)
            combo.currentIndexChanged.connect(self._on_filter_changed)
            self.filters.addWidget(combo)
        self.filters.addWidget(QLabel(self.tr("Period:"), self))
        for edit in (self.date_from, self.date_to):
            edit.value_changed.connect(self._on_filter_changed)
            self.filters.addWidget(edit)
        if client_id is None:
            self.filters.addWidget(self.client_button)
        self.filters.addWidget(self.group)
        self.group.toggled.connect(self._on_group_toggled)

        # the list (or the subjects) on the left, the chain of the selected one on the right
        layout = self.layout()
        assert layout is not None
        layout.removeWidget(self.view)
        self.subjects = QTableWidget(0, 0, self)
        self.subjects.setObjectName("subjectsTable")
        compact_table(self.subjects, [self.tr("Subject"), self.tr("Count"), self.tr("Latest")])
        self.subjects.horizontalHeader().resizeSection(0, 420)
        self.subjects.itemActivated.connect(self._on_subject_activated)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.subjects)
        self.chain = LinkTable(
            [self.tr("When"), self.tr("Kind"), self.tr("Subject")], widths=(110, 110), parent=self
        )
        self.chain.table.setObjectName("chainTable")
        self.chain.activated.connect(self._on_chain_activated)
        chain_box = QWidget(self)
        chain_layout = QVBoxLayout(chain_box)
        chain_layout.setContentsMargins(0, 0, 0, 0)
        chain_title = QLabel(self.tr("Chain of the selected interaction"), chain_box)
        chain_title.setContentsMargins(8, 4, 0, 0)
        chain_layout.addWidget(chain_title)
        chain_layout.addWidget(self.chain, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(chain_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([880, 420])
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.splitter, 1)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.model.set_order("start_at", True)

    def current_filter(self) -> InteractionFilter:
        start, end = it.local_period(self.date_from.value(), self.date_to.value(), local_tz())
        responsible = self.responsible.currentData()
        return InteractionFilter(
            kind=self.kind_filter.currentData(),
            status=self.status_filter.currentData(),
            start_from=start,
            start_to=end,
            responsible_id=uuid.UUID(str(responsible)) if responsible else None,
            client_id=self._client_id,
            search=self.search_box.text().strip(),
        )

    def choose_client(self) -> bool:
        picked = PartyPicker.ask(self, self.db, "client", title=self.tr("Only this client"))
        self._client_id = picked.party.id if picked is not None else None
        self.client_button.setText(picked.party.name if picked else self.tr("All clients"))
        self.apply_filter()
        self._refresh_subjects()
        return picked is not None

    def show_chain(self, interaction_id: uuid.UUID | None) -> None:
        if interaction_id is None:
            self.chain.set_rows([])
            return
        try:
            entries = it.chain(self.db, interaction_id)
        except UserError as error:
            self.chain.error.show_error(messages.user_message(error))
            return
        self.chain.set_rows(
            [
                (
                    (
                        when_text(e.row.start_at),
                        kind_with_direction(e.row.kind, e.row.direction),
                        "    " * e.depth
                        + ("▶ " if e.row.id == interaction_id else "")
                        + e.row.subject,
                    ),
                    e.row.id,
                )
                for e in entries
            ]
        )

    def _refresh_subjects(self) -> None:
        if not self.group.isChecked():
            return
        flt = self.current_filter()
        try:
            hits = it.interaction_search(self.db, flt)
            summary = it.subjects_summary(self.db, flt, hits=hits)
        except UserError as error:
            messages.report_error(self, error)
            return
        self.subjects.setRowCount(len(summary))
        for row, s in enumerate(summary):
            self.subjects.setItem(row, 0, item(s.subject))
            self.subjects.setItem(row, 1, item(str(s.count)))
            self.subjects.setItem(row, 2, item(when_text(s.last_start)))

    def apply_filter(self) -> None:
        super().apply_filter()
        self._refresh_subjects()

    @Slot()
    def _on_filter_changed(self, *_args: Any) -> None:
        self.apply_filter()

    @Slot(bool)
    def _on_group_toggled(self, grouped: bool) -> None:
        self.stack.setCurrentWidget(self.subjects if grouped else self.view)
        self._refresh_subjects()

    @Slot()
    def _on_subject_activated(self, cell: Any) -> None:
        """A subject's interactions: back to the list, searched by that subject."""
        found = self.subjects.item(cell.row(), 0)
        if found is None:
            return
        subject = found.text()
        self.group.setChecked(False)
        self.search_box.setText(subject)
        self.apply_filter()

    @Slot()
    def _on_current_row_changed(self, current: Any, _previous: Any) -> None:
        record_id = self.model.row_id(current.row()) if current.isValid() else None
        self.show_chain(record_id)

    @Slot(object)
    def _on_chain_activated(self, record_id: Any) -> None:
        if record_id is not None:
            self.open_requested.emit("interaction", record_id)


__all__ = ["InteractionListPage"]
