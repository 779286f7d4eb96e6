"""The task card («Задача»): what to do and by when, for whom, what it concerns; Done, Cancel
and Reopen; its files (the Files tab, once the task is saved). A manager sets tasks for himself
only (the assignee is fixed); a supervisor chooses anyone."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import PermissionDeniedError, UserError, ValidationError
from crm_desktop.services import tasks as t
from crm_desktop.services.tasks import TASK_PRIORITIES, TaskDetails, TaskDraft
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.activities.common import (
    DealField,
    LinkField,
    LocalDateTimeEdit,
    escape_html,
    primary_client,
)
from crm_desktop.views.activities.files import ActivityFilesTab
from crm_desktop.views.activities.labels import (
    OVERDUE_COLOR,
    priority_label,
    task_status_label,
    when_text,
)
from crm_desktop.views.cards.base import (
    CardPage,
    combo_index,
    fill_combo,
    form_layout,
    set_combo_data,
    text_or_none,
)
from crm_desktop.views.cards.dialogs import Confirm


def _info(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMinimumHeight(24)
    return label


class TaskCard(CardPage):
    """A task. A new one takes the links it is made from (``client_id``, ``contact_id``,
    ``deal_id``, ``lead_id``, ``claim_id``, ``interaction_id``); it is due tomorrow at 10:00
    unless ``due_at`` says otherwise."""

    kind = "task"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        *,
        client_id: uuid.UUID | None = None,
        contact_id: uuid.UUID | None = None,
        deal_id: uuid.UUID | None = None,
        lead_id: uuid.UUID | None = None,
        claim_id: uuid.UUID | None = None,
        interaction_id: uuid.UUID | None = None,
        due_at: datetime | None = None,
        title: str | None = None,
    ) -> None:
        self._details: TaskDetails | None = None
        self._preset: dict[str, Any] = {
            "client_id": client_id,
            "contact_id": contact_id,
            "deal_id": deal_id,
            "due_at": due_at,
            "title": title,
        }
        self._hidden_links: dict[str, uuid.UUID | None] = {
            "lead_id": lead_id,
            "claim_id": claim_id,
            "interaction_id": interaction_id,
        }
        super().__init__(db, actor, record_id, parent)

    # --- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self.tabs.addTab(self._build_main(), self.tr("Main"))
        self.files = ActivityFilesTab(self.db, self.actor, "task", self)
        self.files.changed.connect(self._on_files_changed)
        self.tabs.addTab(self.files, self.tr("Files"))

    def _build_main(self) -> QWidget:
        page = QWidget(self)
        self.done_button = QPushButton(self.tr("Done"), page)
        self.done_button.setObjectName("taskDone")
        self.done_button.setToolTip(self.tr("Mark the task done (who and when are recorded)"))
        self.cancel_button = QPushButton(self.tr("Cancel task"), page)
        self.cancel_button.setObjectName("taskCancel")
        self.reopen_button = QPushButton(self.tr("Reopen"), page)
        self.reopen_button.setObjectName("taskReopen")
        self.done_button.clicked.connect(self.complete)
        self.cancel_button.clicked.connect(self.cancel)
        self.reopen_button.clicked.connect(self.reopen)
        self.state_note = QLabel(page)
        self.state_note.setObjectName("stateNote")
        actions = QHBoxLayout()
        for button in (self.done_button, self.cancel_button, self.reopen_button):
            actions.addWidget(button)
        actions.addWidget(self.state_note, 1)

        self.title_edit = QLineEdit(page)
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("What to do: call back, send the proposal…"))
        self.due_at = LocalDateTimeEdit(page)
        self.due_at.setObjectName("dueAt")
        self.priority = QComboBox(page)
        self.priority.setObjectName("priority")
        for code in TASK_PRIORITIES:
            self.priority.addItem(priority_label(code), code)
        self.priority.setMaximumWidth(180)
        self.assignee = QComboBox(page)
        self.assignee.setObjectName("assignee")
        fill_combo(
            self.assignee,
            [(u.full_name, u.id) for u in list_users(self.db, active_only=True)],
            empty=False,
        )
        if not self.actor.is_supervisor:
            self.assignee.setEnabled(False)
            self.assignee.setToolTip(
                self.tr("A manager sets tasks only for himself; a supervisor can choose anyone.")
            )
        self.status = _info(page)
        self.status.setObjectName("taskStatus")
        self.author = _info(page)
        self.author.setObjectName("author")
        self.done_info = _info(page)
        self.done_info.setObjectName("doneInfo")
        self.client = LinkField(self.db, "client", self.tr("The client"), page)
        self.client.setObjectName("client")
        self.contact = LinkField(self.db, "contact", self.tr("The contact person"), page)
        self.contact.setObjectName("contact")
        self.deal = DealField(self.db, page)
        self.deal.setObjectName("deal")
        self.interaction = QLabel(page)
        self.interaction.setObjectName("interactionLink")
        self.interaction.setTextFormat(Qt.TextFormat.RichText)
        self.interaction.linkActivated.connect(self._on_interaction_link_activated)
        self.description = QPlainTextEdit(page)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)

        top = form_layout()
        top.addRow(self.tr("Task:"), self.field("title", self.title_edit))
        left = form_layout()
        left.addRow(self.tr("Due:"), self.field("due_at", self.due_at))
        left.addRow(self.tr("Priority:"), self.field("priority", self.priority))
        left.addRow(self.tr("Assignee:"), self.field("assignee_id", self.assignee))
        left.addRow(self.tr("Status:"), self.field("status", self.status))
        left.addRow(self.tr("Author:"), self.author)
        left.addRow(self.tr("Done:"), self.done_info)
        right = form_layout()
        right.addRow(self.tr("Client:"), self.field("client_id", self.client))
        right.addRow(self.tr("Deal:"), self.field("deal_id", self.deal))
        right.addRow(self.tr("Contact person:"), self.field("contact_id", self.contact))
        right.addRow(self.tr("Interaction:"), self.field("interaction_id", self.interaction))
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 2)
        columns.setColumnStretch(1, 3)
        description_group = QGroupBox(self.tr("Description"), page)
        QVBoxLayout(description_group).addWidget(self.field("description", self.description))
        layout = QVBoxLayout(page)
        layout.addLayout(actions)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addWidget(description_group, 1)

        self.due_at.dateTimeChanged.connect(self._on_edited)
        self.client.changed.connect(self._on_client_changed)
        self.contact.changed.connect(self._on_contact_changed)
        self.watch(self.deal.combo)
        for link in (self.client, self.contact, self.deal):
            link.open_requested.connect(self.open_requested.emit)
        return page

    # --- binding -------------------------------------------------------------------------------

    def fetch(self) -> TaskDetails:
        assert self.record_id is not None
        return t.get_task(self.db, self.record_id)

    def fill_new(self) -> None:
        preset = self._preset
        self.title_edit.setText(preset["title"] or "")
        due = preset["due_at"]
        if due is None:
            local = datetime.now(UTC).astimezone()
            due = (local + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
        self.due_at.set_value(due)
        set_combo_data(self.priority, "normal")
        set_combo_data(self.assignee, self.actor.user_id)
        self.client.set_value(preset["client_id"])
        self.contact.set_value(preset["contact_id"])
        if preset["client_id"] is None and preset["contact_id"] is not None:
            self.client.set_value(primary_client(self.db, preset["contact_id"]))
        self.deal.set_client(self.client.value(), keep=preset["deal_id"])
        self.status.setText(task_status_label("open"))
        self.author.setText(self.actor.full_name)
        self.done_info.setText("")
        self._show_interaction(self._hidden_links["interaction_id"])
        self.description.setPlainText("")
        self._update_actions()

    def fill(self, details: TaskDetails) -> None:
        self._details = details
        self._hidden_links = {
            "lead_id": details.lead_id,
            "claim_id": details.claim_id,
            "interaction_id": details.interaction_id,
        }
        self.title_edit.setText(details.title)
        self.due_at.set_value(details.due_at)
        set_combo_data(self.priority, details.priority)
        if combo_index(self.assignee, details.assignee_id) < 0:
            self.assignee.addItem(details.assignee or "", details.assignee_id)
        set_combo_data(self.assignee, details.assignee_id)
        status = task_status_label(details.status)
        overdue = details.status == "open" and details.due_at < datetime.now(UTC)
        self.status.setText(status)
        self.status.setStyleSheet(f"color: {OVERDUE_COLOR};" if overdue else "")
        if overdue:
            self.status.setText(self.tr("{status}, overdue").format(status=status))
        self.author.setText(details.author or "")
        self.done_info.setText(
            f"{when_text(details.done_at)}, {details.done_by}"
            if details.done_at is not None
            else ""
        )
        self.client.set_value(details.client_id)
        self.contact.set_value(details.contact_id)
        self.deal.set_client(details.client_id, keep=details.deal_id)
        self._show_interaction(details.interaction_id)
        self.description.setPlainText(details.description or "")
        self.files.set_read_only(details.deleted_at is not None)
        self._update_actions()

    def refresh_related(self) -> None:
        self.files.show_in(self.tabs, self.record_id)

    def _show_interaction(self, interaction_id: uuid.UUID | None) -> None:
        if interaction_id is None:
            self.interaction.setText("")
            return
        from crm_desktop.services.interactions import get_interaction

        try:
            subject = get_interaction(self.db, interaction_id).subject
        except UserError:
            subject = self.tr("(deleted)")
        self.interaction.setText(f'<a href="open">{escape_html(subject)}</a>')

    def collect(self) -> TaskDraft:
        return TaskDraft(
            title=self.title_edit.text().strip(),
            due_at=self.due_at.value(),
            description=text_or_none(self.description.toPlainText()),
            assignee_id=self.assignee.currentData(),
            priority=self.priority.currentData(),
            client_id=self.client.value(),
            contact_id=self.contact.value(),
            deal_id=self.deal.value(),
            lead_id=self._hidden_links["lead_id"],
            claim_id=self._hidden_links["claim_id"],
            interaction_id=self._hidden_links["interaction_id"],
        )

    def write(self, draft: TaskDraft) -> TaskDetails:
        try:
            if self.record_id is None:
                return t.create_task(self.db, self.actor, draft)
            assert self.version is not None
            return t.update_task(self.db, self.actor, self.record_id, self.version, draft)
        except PermissionDeniedError as error:
            if error.field is None:
                raise
            raise ValidationError({error.field: error.message}) from error

    def draft_of(self, details: TaskDetails) -> TaskDraft:
        return details.as_draft()

    def describe(self, draft: TaskDraft) -> list[tuple[str, str]]:
        index = combo_index(self.assignee, draft.assignee_id)
        return [
            ("title", draft.title),
            ("due_at", when_text(draft.due_at)),
            ("priority", priority_label(draft.priority)),
            ("assignee_id", self.assignee.itemText(index) if index >= 0 else ""),
            ("description", draft.description or ""),
        ]

    def record_name(self) -> str:
        return self._details.title if self._details is not None else ""

    def kind_title(self) -> str:
        return self.tr("Task")

    def new_title(self) -> str:
        return self.tr("New task")

    # --- commands ------------------------------------------------------------------------------

    def complete(self) -> bool:
        """Mark the task done (saving the changes first); who and when are recorded."""
        return self._change(t.complete_task)

    def cancel(self) -> bool:
        question = self.tr("Cancel this task? It stays in the lists as cancelled.")
        if not Confirm.ask(self, self.plain_title(), question):
            return False
        return self._change(t.cancel_task)

    def reopen(self) -> bool:
        return self._change(t.reopen_task)

    def _change(self, call: Any) -> bool:
        """Save the changes first (if any), then change the state through the service."""
        if (self.record_id is None or self.is_dirty()) and not self.save():
            return False
        assert self.record_id is not None
        self.clear_errors()
        try:
            details = call(self.db, self.actor, self.record_id, expected_version=self.version)
        except UserError as error:
            messages.report_error(self, error)
            return False
        self._take(details)
        self.history.stale = True
        self.saved.emit(self.kind, self.record_id)
        return True

    def _update_actions(self) -> None:
        status = self._details.status if self._details is not None else "open"
        self.done_button.setEnabled(status == "open")
        self.cancel_button.setEnabled(status == "open" and self.record_id is not None)
        self.reopen_button.setEnabled(status != "open")
        self.state_note.setText("")

    # --- slots ---------------------------------------------------------------------------------

    @Slot()
    def _on_client_changed(self) -> None:
        self._on_edited()
        self.deal.set_client(self.client.value(), keep=None)

    @Slot()
    def _on_contact_changed(self) -> None:
        self._on_edited()
        contact_id = self.contact.value()
        if contact_id is not None and self.client.value() is None:
            client_id = primary_client(self.db, contact_id)
            if client_id is not None:
                self.client.set_value(client_id)
                self.deal.set_client(client_id, keep=self.deal.value())

    @Slot()
    def _on_files_changed(self) -> None:
        self.files.show_in(self.tabs, self.record_id)
        self.history.stale = True

    @Slot(str)
    def _on_interaction_link_activated(self, _link: str) -> None:
        interaction_id = self._hidden_links["interaction_id"]
        if interaction_id is not None:
            self.open_requested.emit("interaction", interaction_id)
