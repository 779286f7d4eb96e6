"""«Зарегистрировать взаимодействие»: a call, meeting or e-mail written down while it happens.

One "who" field takes a phone number, an e-mail or a name: a phone or an e-mail finds the
contacts that have it (``match_participant_text``), a name searches the contacts
(``contact_search`` / ``contact_page``). When nobody matches, the phone or e-mail typed is kept as
the participant text, to be linked when the contact is created. Enter saves; an optional
follow-up task is set in the same go.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import Message, PermissionDeniedError, UserError, ValidationError
from crm_desktop.services import interactions as it
from crm_desktop.services import tasks as t
from crm_desktop.services.cards import party_name
from crm_desktop.services.interactions import MAX_DURATION_MIN, InteractionDraft
from crm_desktop.services.lists import ContactFilter, PageRequest, contact_page, contact_search
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.activities.common import LocalDateTimeEdit, primary_client
from crm_desktop.views.activities.labels import direction_label, kind_label
from crm_desktop.views.cards.base import set_combo_data, text_or_none
from crm_desktop.views.widgets.fields import ErrorLabel, FieldBox

SEARCH_DELAY_MS = 250
NAMES_SHOWN = 8
KINDS = ("call", "meeting", "email")
DIRECTED = ("call", "email")
PAYLOAD = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Candidate:
    """A contact the "who" text found."""

    contact_id: uuid.UUID
    name: str
    detail: str  # "Менеджер · Ромашка · +7 495 123-45-67"
    client_id: uuid.UUID | None = None


class RegisterInteractionDialog(QDialog):
    """Register an interaction that is happening (or just happened), with a follow-up task.

    ``client_id``, ``contact_id``, ``deal_id``, ``lead_id``, ``claim_id``: what it concerns
    (from the card it was opened on). ``now``: the clock (tests).

    Signals:
        registered(id): the interaction was saved (the dialog then closes).
    """

    registered = Signal(object)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        client_id: uuid.UUID | None = None,
        contact_id: uuid.UUID | None = None,
        deal_id: uuid.UUID | None = None,
        lead_id: uuid.UUID | None = None,
        claim_id: uuid.UUID | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self._client_id = client_id
        self._deal_id = deal_id
        self._lead_id = lead_id
        self._claim_id = claim_id
        self._now = now or (lambda: datetime.now(UTC))
        self._candidates: list[Candidate] = []
        self.interaction_id: uuid.UUID | None = None  # once saved
        self.task_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Register interaction"))
        self.setObjectName("registerInteraction")
        self.setMinimumWidth(560)

        self.interaction_kind = QComboBox(self)
        self.interaction_kind.setObjectName("interactionKind")
        for code in KINDS:
            self.interaction_kind.addItem(kind_label(code), code)
        self.direction = QComboBox(self)
        self.direction.setObjectName("direction")
        for code in ("in", "out"):
            self.direction.addItem(direction_label(code), code)
        kind_row = QWidget(self)
        kind_layout = QHBoxLayout(kind_row)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(self.interaction_kind, 1)
        kind_layout.addWidget(self.direction, 1)

        self.who = QLineEdit(self)
        self.who.setObjectName("who")
        self.who.setClearButtonEnabled(True)
        self.who.setPlaceholderText(self.tr("Phone, e-mail or name"))
        self.who.installEventFilter(self)
        self.matches = QListWidget(self)
        self.matches.setObjectName("matches")
        self.matches.setMaximumHeight(self.fontMetrics().height() * 6 + 12)
        self.matches.setAlternatingRowColors(True)
        self.matches.hide()
        self.client_note = QLabel(self)
        self.client_note.setObjectName("clientNote")
        self.client_note.setWordWrap(True)
        who_box = QWidget(self)
        who_layout = QVBoxLayout(who_box)
        who_layout.setContentsMargins(0, 0, 0, 0)
        who_layout.setSpacing(2)
        who_layout.addWidget(self.who)
        who_layout.addWidget(self.matches)
        who_layout.addWidget(self.client_note)

        self.subject = QLineEdit(self)
        self.subject.setObjectName("subject")
        self.subject.setPlaceholderText(self.tr("What it is about"))
        self.result_edit = QLineEdit(self)
        self.result_edit.setObjectName("result")
        self.result_edit.setPlaceholderText(self.tr("What was agreed"))
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4 + 12)
        self.duration = QSpinBox(self)
        self.duration.setObjectName("duration")
        self.duration.setRange(0, MAX_DURATION_MIN)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setMaximumWidth(120)
        self.start_at = LocalDateTimeEdit(self)
        self.start_at.setObjectName("startAt")
        self.start_at.set_value(self._now())

        self.follow_up = QGroupBox(self.tr("Follow-up task"), self)
        self.follow_up.setObjectName("followUp")
        self.follow_up.setCheckable(True)
        self.follow_up.setChecked(False)
        self.task_title = QLineEdit(self.follow_up)
        self.task_title.setObjectName("taskTitle")
        self.task_title.setPlaceholderText(self.tr("Call back, send the proposal…"))
        self.task_due = LocalDateTimeEdit(self.follow_up)
        self.task_due.setObjectName("taskDue")
        local = self._now().astimezone()
        self.task_due.set_value(
            (local + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
        )
        self._boxes: dict[str, FieldBox] = {}
        task_form = QFormLayout(self.follow_up)
        task_form.addRow(self.tr("Task:"), self._box("task_title", self.task_title))
        task_form.addRow(self.tr("Due:"), self._box("task_due", self.task_due))

        self.general_error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Enter)"))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        form.addRow(self.tr("Kind:"), self._box("kind", kind_row))
        form.addRow(self.tr("Who:"), self._box("participant_text", who_box))
        form.addRow(self.tr("Subject:"), self._box("subject", self.subject))
        form.addRow(self.tr("Result:"), self._box("result", self.result_edit))
        form.addRow(self.tr("Notes:"), self._box("description", self.notes))
        timing = QWidget(self)
        timing_layout = QHBoxLayout(timing)
        timing_layout.setContentsMargins(0, 0, 0, 0)
        timing_layout.addWidget(self._box("start_at", self.start_at))
        timing_layout.addWidget(QLabel(self.tr("Duration:"), self))
        timing_layout.addWidget(self._box("duration_min", self.duration))
        timing_layout.addStretch(1)
        form.addRow(self.tr("When:"), timing)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.who.textChanged.connect(self._on_who_text_changed)
        self.matches.currentRowChanged.connect(self._show_client)
        self.matches.itemActivated.connect(lambda _item: self.save())
        self.interaction_kind.currentIndexChanged.connect(self._update_direction)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self, self.save)

        if contact_id is not None:
            name = party_name(db, "contact", contact_id) or ""
            self.who.blockSignals(True)
            self.who.setText(name)
            self.who.blockSignals(False)
            self._set_candidates([Candidate(contact_id, name, "", client_id)], keep_text=False)
        self._show_client()
        self.who.setFocus()

    def _box(self, name: str, editor: QWidget) -> FieldBox:
        box = FieldBox(editor, self)
        self._boxes[name] = box
        return box

    # --- the "who" search ------------------------------------------------------------------------

    def search_now(self) -> list[Candidate]:
        """Find the contacts the "who" text means; the typed phone/e-mail stays choosable."""
        self._timer.stop()
        text = self.who.text().strip()
        found: list[Candidate] = []
        try:
            phones, emails = it.participant_keys(text)
            if phones or emails:
                found = [
                    Candidate(
                        m.contact_id,
                        m.name,
                        " · ".join(x for x in (m.position, m.client, m.matched) if x),
                        m.client_id,
                    )
                    for m in it.match_participant_text(self.db, text)
                ]
            elif len(text) >= 2:
                flt = ContactFilter(client_id=None, search=text)
                hits = contact_search(self.db, flt)
                rows = contact_page(self.db, flt, PageRequest("name", limit=NAMES_SHOWN), hits=hits)
                found = [
                    Candidate(
                        row.id,
                        row.name,
                        " · ".join(x for x in (row.position, row.client, row.phone) if x),
                    )
                    for _key, row in rows
                ]
        except UserError as error:
            self.general_error.show_error(messages.user_message(error))
        self._set_candidates(found, keep_text=bool(text))
        return found

    def _set_candidates(self, found: list[Candidate], *, keep_text: bool) -> None:
        self._candidates = found
        self.matches.blockSignals(True)
        try:
            self.matches.clear()
            for candidate in found:
                text = candidate.name + (f"  —  {candidate.detail}" if candidate.detail else "")
                entry = QListWidgetItem(text, self.matches)
                entry.setData(PAYLOAD, candidate.contact_id)
            if keep_text:
                typed = self.who.text().strip()
                keep = QListWidgetItem(
                    self.tr("Not in the contacts: keep «{text}», link later").format(text=typed)
                    if not found
                    else self.tr("None of them: keep «{text}» as typed").format(text=typed),
                    self.matches,
                )
                font = keep.font()
                font.setItalic(True)
                keep.setFont(font)
            self.matches.setCurrentRow(0 if self.matches.count() else -1)
        finally:
            self.matches.blockSignals(False)
        self.matches.setVisible(self.matches.count() > 0)
        self._show_client()

    def chosen_contact(self) -> Candidate | None:
        row = self.matches.currentRow()
        return self._candidates[row] if 0 <= row < len(self._candidates) else None

    def choose(self, contact_id: uuid.UUID | None) -> None:
        """Choose the candidate ``contact_id`` (None: keep the text as typed)."""
        for row in range(self.matches.count()):
            if self.matches.item(row).data(PAYLOAD) == contact_id:
                self.matches.setCurrentRow(row)
                return

    @Slot()
    def _show_client(self, *_args: object) -> None:
        contact = self.chosen_contact()
        client_id = self._client_id
        if client_id is None and contact is not None:
            client_id = contact.client_id or primary_client(self.db, contact.contact_id)
        name = party_name(self.db, "client", client_id) if client_id is not None else None
        self.client_note.setText(self.tr("Client: {name}").format(name=name) if name else "")
        self.client_note.setVisible(bool(name))

    @Slot(str)
    def _on_who_text_changed(self, _text: str) -> None:
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the "who" field move through the contacts found."""
        if watched is self.who and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.count():
                if self._timer.isActive():
                    self.search_now()
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
                self.matches.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    # --- saving --------------------------------------------------------------------------------

    def collect(self) -> InteractionDraft:
        if self._timer.isActive():
            self.search_now()
        kind = self.interaction_kind.currentData()
        contact = self.chosen_contact()
        text = self.who.text().strip()
        phones, emails = it.participant_keys(text)
        keep_text = contact is None or bool(phones or emails)
        return InteractionDraft(
            kind=kind,
            subject=self.subject.text().strip(),
            start_at=self.start_at.value(),
            direction=self.direction.currentData() if kind in DIRECTED else None,
            description=text_or_none(self.notes.toPlainText()),
            duration_min=self.duration.value(),
            result=text_or_none(self.result_edit.text()),
            status="done",
            contact_id=contact.contact_id if contact is not None else None,
            participant_text=(text or None) if keep_text else None,
            client_id=self._client_id,
            deal_id=self._deal_id,
            lead_id=self._lead_id,
            claim_id=self._claim_id,
        )

    def save(self) -> bool:
        """Save the interaction (and the follow-up task); errors next to their fields."""
        self._clear_errors()
        if self.follow_up.isChecked() and not self.task_title.text().strip():
            self._boxes["task_title"].show_error(self.tr("Write what is to be done."))
            self.task_title.setFocus()
            return False
        if self.interaction_id is None:
            try:
                details = it.create_interaction(self.db, self.actor, self.collect())
            except ValidationError as error:
                self._show_errors(error.field_errors)
                return False
            except UserError as error:
                self.general_error.show_error(messages.user_message(error))
                return False
            self.interaction_id = details.id
        if self.follow_up.isChecked() and self.task_id is None:
            try:
                task = t.create_task(
                    self.db,
                    self.actor,
                    t.TaskDraft(
                        title=self.task_title.text().strip(),
                        due_at=self.task_due.value(),
                        interaction_id=self.interaction_id,
                    ),
                )
            except (ValidationError, PermissionDeniedError) as error:
                errors = (
                    error.field_errors
                    if isinstance(error, ValidationError)
                    else {error.field or "": error.message}
                )
                self._show_errors({_TASK_FIELDS.get(k, k): m for k, m in errors.items()})
                self._freeze_interaction()
                return False
            except UserError as error:
                self.general_error.show_error(messages.user_message(error))
                self._freeze_interaction()
                return False
            self.task_id = task.id
        self.registered.emit(self.interaction_id)
        self.accept()
        return True

    def _freeze_interaction(self) -> None:
        """The interaction is saved; only the task is left to fix."""
        widgets: tuple[QWidget, ...] = (
            self.interaction_kind,
            self.direction,
            self.who,
            self.matches,
            self.subject,
            self.result_edit,
            self.notes,
            self.duration,
            self.start_at,
        )
        for widget in widgets:
            widget.setEnabled(False)
        self.follow_up.setCheckable(False)

    def _clear_errors(self) -> None:
        for box in self._boxes.values():
            box.clear_error()
        self.general_error.clear_error()

    def _show_errors(self, errors: dict[str, Message]) -> None:
        general: list[str] = []
        first: QWidget | None = None
        for name, message in errors.items():
            text = messages.message_text(message)
            box = self._boxes.get(_FIELD_BOX.get(name, name))
            if box is None:
                general.append(text)
                continue
            box.show_error(text)
            first = first or box.editor
        if general:
            self.general_error.show_error("\n".join(general))
        if first is not None:
            first.setFocus()

    @Slot()
    def _update_direction(self, *_args: object) -> None:
        kind = self.interaction_kind.currentData()
        self.direction.setVisible(kind in DIRECTED)
        if kind == "email":
            set_combo_data(self.direction, "out")

    # --- running ----------------------------------------------------------------------------

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        db: Database,
        actor: Actor,
        **links: uuid.UUID | None,
    ) -> uuid.UUID | None:
        """Show the dialog modally; the new interaction's id, or None if cancelled."""
        dialog = cls(db, actor, parent, **links)  # type: ignore[arg-type]
        dialog.exec()
        return dialog.interaction_id


# service field → the box its error goes to
_FIELD_BOX = {"contact_id": "participant_text", "direction": "kind"}
_TASK_FIELDS = {"title": "task_title", "due_at": "task_due", "assignee_id": "task_title"}
