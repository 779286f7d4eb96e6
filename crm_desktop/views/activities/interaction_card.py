"""The interaction card («Взаимодействие»): a call, meeting, e-mail or planned interaction, what
it concerns, who it was with (a contact, or the phone or e-mail it was given as until someone
links it), its result; Reply continues the chain, shown on its own tab; its files (the Files
tab, once the interaction is saved)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services import interactions as it
from crm_desktop.services.interactions import (
    INTERACTION_KINDS,
    INTERACTION_STATUSES,
    MAX_DURATION_MIN,
    ContactMatch,
    InteractionDetails,
    InteractionDraft,
)
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.activities.common import (
    DealField,
    LinkField,
    LocalDateTimeEdit,
    compact_table,
    escape_html,
    item,
    primary_client,
)
from crm_desktop.views.activities.files import ActivityFilesTab
from crm_desktop.views.activities.labels import (
    direction_label,
    duration_text,
    kind_label,
    kind_with_direction,
    status_label,
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
from crm_desktop.views.cards.dialogs import PartyPicker
from crm_desktop.views.cards.links import LinkTable

DIRECTED = ("call", "email")


class ContactMatchDialog(QDialog):
    """The contacts whose phone or e-mail matches the participant text; "Find another…"
    searches all contacts. ``ask`` returns the chosen contact's id and name."""

    def __init__(
        self, db: Database, text: str, matches: list[ContactMatch], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._matches = matches
        self.chosen: tuple[uuid.UUID, str] | None = None
        self.setWindowTitle(self.tr("Link to contact"))
        self.resize(680, 360)
        intro = QLabel(
            self.tr("Contacts whose phone or e-mail matches «{text}»:").format(text=text)
            if matches
            else self.tr("No contact has the phone or e-mail «{text}».").format(text=text),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(matches), 0, self)
        compact_table(
            self.table,
            [self.tr("Contact person"), self.tr("Position"), self.tr("Client"), self.tr("Matched")],
        )
        for row, match in enumerate(matches):
            for column, text_ in enumerate(
                (match.name, match.position, match.client, match.matched)
            ):
                self.table.setItem(row, column, item(text_))
        for column, width in enumerate((220, 150, 170)):
            self.table.horizontalHeader().resizeSection(column, width)
        if matches:
            self.table.selectRow(0)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(self)
        self.link_button = buttons.addButton(
            self.tr("Link"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.link_button.setEnabled(bool(matches))
        self.other_button = buttons.addButton(
            self.tr("Find another…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self._on_other_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.chosen is None:
            row = self.table.currentRow()
            if not 0 <= row < len(self._matches):
                return
            match = self._matches[row]
            self.chosen = (match.contact_id, match.name)
        super().accept()

    @Slot()
    def _on_other_clicked(self) -> None:
        picked = PartyPicker.ask(self, self._db, "contact", title=self.tr("Link to contact"))
        if picked is not None:
            self.chosen = (picked.party.id, picked.party.name)
            super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, text: str, matches: list[ContactMatch]
    ) -> tuple[uuid.UUID, str] | None:
        dialog = cls(db, text, matches, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen


class InteractionCard(CardPage):
    """An interaction. A new one takes the links it is made from (``client_id``, ``contact_id``,
    ``deal_id``, ``lead_id``, ``claim_id``, ``proposal_id``), ``kind`` ("planned" for a planned
    one), and ``parent_id`` when it replies to another (links and subject come from it)."""

    kind = "interaction"

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
        proposal_id: uuid.UUID | None = None,
        parent_id: uuid.UUID | None = None,
        interaction_kind: str | None = None,
        participant_text: str | None = None,
        now: datetime | None = None,
    ) -> None:
        self._details: InteractionDetails | None = None
        self._preset = InteractionDraft(
            kind=interaction_kind if interaction_kind in INTERACTION_KINDS else "call",
            subject="",
            client_id=client_id,
            contact_id=contact_id,
            deal_id=deal_id,
            lead_id=lead_id,
            claim_id=claim_id,
            proposal_id=proposal_id,
            participant_text=participant_text,
        )
        self._parent_id = parent_id
        self._now = now
        self._hidden_links: dict[str, uuid.UUID | None] = {
            "lead_id": lead_id,
            "claim_id": claim_id,
            "proposal_id": proposal_id,
        }
        super().__init__(db, actor, record_id, parent)

    # --- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self.tabs.addTab(self._build_main(), self.tr("Main"))
        self.tabs.addTab(self._build_chain(), self.tr("Chain"))
        self.files = ActivityFilesTab(self.db, self.actor, "interaction", self)
        self.files.changed.connect(self._on_files_changed)
        self.tabs.addTab(self.files, self.tr("Files"))

    def _build_main(self) -> QWidget:
        page = QWidget(self)
        self.reply_button = QPushButton(self.tr("Reply…"), page)
        self.reply_button.setObjectName("reply")
        self.reply_button.setToolTip(
            self.tr("Register the next interaction of this conversation (a reply)")
        )
        self.reply_button.clicked.connect(self.reply)
        self.parent_note = QLabel(page)
        self.parent_note.setObjectName("parentNote")
        self.parent_note.setTextFormat(Qt.TextFormat.RichText)
        self.parent_note.linkActivated.connect(self._on_parent_link_activated)
        actions = QHBoxLayout()
        actions.addWidget(self.reply_button)
        actions.addWidget(self.parent_note, 1)

        self.subject = QLineEdit(page)
        self.subject.setObjectName("subject")
        self.interaction_kind = QComboBox(page)
        self.interaction_kind.setObjectName("interactionKind")
        for code in INTERACTION_KINDS:
            self.interaction_kind.addItem(kind_label(code), code)
        self.direction = QComboBox(page)
        self.direction.setObjectName("direction")
        fill_combo(self.direction, [(direction_label(c), c) for c in ("in", "out")], empty=True)
        self.status = QComboBox(page)
        self.status.setObjectName("status")
        for code in INTERACTION_STATUSES:
            self.status.addItem(status_label(code), code)
        self.start_at = LocalDateTimeEdit(page)
        self.start_at.setObjectName("startAt")
        self.duration = QSpinBox(page)
        self.duration.setObjectName("duration")
        self.duration.setRange(0, MAX_DURATION_MIN)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setMaximumWidth(120)
        self.responsible = QComboBox(page)
        self.responsible.setObjectName("responsible")
        fill_combo(
            self.responsible,
            [(u.full_name, u.id) for u in list_users(self.db, active_only=False)],
            empty=False,
        )
        self.contact = LinkField(self.db, "contact", self.tr("The contact person"), page)
        self.contact.setObjectName("contact")
        self.participant_text = QLineEdit(page)
        self.participant_text.setObjectName("participantText")
        self.participant_text.setPlaceholderText(
            self.tr("A phone or an e-mail, when the person is not in the contacts yet")
        )
        self.link_button = QPushButton(self.tr("Link to contact…"), page)
        self.link_button.setObjectName("linkParticipant")
        self.link_button.clicked.connect(self.link_to_contact)
        participant_row = QWidget(page)
        participant_layout = QHBoxLayout(participant_row)
        participant_layout.setContentsMargins(0, 0, 0, 0)
        participant_layout.addWidget(self.participant_text, 1)
        participant_layout.addWidget(self.link_button)
        self.client = LinkField(self.db, "client", self.tr("The client"), page)
        self.client.setObjectName("client")
        self.deal = DealField(self.db, page)
        self.deal.setObjectName("deal")
        self.description = QPlainTextEdit(page)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.result = QPlainTextEdit(page)
        self.result.setObjectName("result")
        self.result.setTabChangesFocus(True)
        self.result.setPlaceholderText(self.tr("What was agreed, what happens next"))

        kind_row = QWidget(page)
        kind_layout = QHBoxLayout(kind_row)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(self.field("kind", self.interaction_kind), 1)
        kind_layout.addWidget(self.field("direction", self.direction), 1)

        top = form_layout()
        top.addRow(self.tr("Subject:"), self.field("subject", self.subject))
        left = form_layout()
        left.addRow(self.tr("Kind:"), kind_row)
        left.addRow(self.tr("Status:"), self.field("status", self.status))
        left.addRow(self.tr("When:"), self.field("start_at", self.start_at))
        left.addRow(self.tr("Duration:"), self.field("duration_min", self.duration))
        left.addRow(self.tr("Responsible:"), self.field("responsible_id", self.responsible))
        right = form_layout()
        right.addRow(self.tr("Client:"), self.field("client_id", self.client))
        right.addRow(self.tr("Deal:"), self.field("deal_id", self.deal))
        right.addRow(self.tr("Contact person:"), self.field("contact_id", self.contact))
        right.addRow(self.tr("Phone or e-mail:"), self.field("participant_text", participant_row))
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 2)
        columns.setColumnStretch(1, 3)
        description_group = QGroupBox(self.tr("Description"), page)
        QVBoxLayout(description_group).addWidget(self.field("description", self.description))
        result_group = QGroupBox(self.tr("Result"), page)
        QVBoxLayout(result_group).addWidget(self.field("result", self.result))

        layout = QVBoxLayout(page)
        layout.addLayout(actions)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addWidget(description_group, 1)
        layout.addWidget(result_group, 1)

        self.start_at.dateTimeChanged.connect(self._on_edited)
        self.duration.valueChanged.connect(self._on_edited)
        self.contact.changed.connect(self._on_contact_changed)
        self.client.changed.connect(self._on_client_changed)
        self.watch(self.deal.combo)
        self.contact.open_requested.connect(self.open_requested.emit)
        self.client.open_requested.connect(self.open_requested.emit)
        self.deal.open_requested.connect(self.open_requested.emit)
        self.interaction_kind.currentIndexChanged.connect(self._on_kind_changed)
        self.participant_text.textChanged.connect(self._update_link_button)
        return page

    def _build_chain(self) -> QWidget:
        self.chain = LinkTable(
            [
                self.tr("When"),
                self.tr("Kind"),
                self.tr("Subject"),
                self.tr("Who"),
                self.tr("Status"),
                self.tr("Result"),
            ],
            widths=(120, 140, 280, 180, 100),
            parent=self,
        )
        self.chain.table.setObjectName("chainTable")
        self.open_chain_button = self.chain.add_button(self.tr("Open"), needs_row=True)
        self.chain_reply_button = self.chain.add_button(self.tr("Reply…"))
        self.chain.finish_buttons()
        self.open_chain_button.clicked.connect(lambda: self._open_interaction(self.chain.current()))
        self.chain.activated.connect(self._open_interaction)
        self.chain_reply_button.clicked.connect(self.reply)
        return self.chain

    # --- binding -------------------------------------------------------------------------------

    def fetch(self) -> InteractionDetails:
        assert self.record_id is not None
        return it.get_interaction(self.db, self.record_id)

    def fill_new(self) -> None:
        preset = self._preset
        now = self._now or datetime.now(UTC)
        start = now
        if self._parent_id is not None:
            try:
                parent = it.get_interaction(self.db, self._parent_id)
            except UserError as error:
                self.general_error.show_error(messages.user_message(error))
            else:
                preset = replace(
                    preset,
                    kind=parent.kind if parent.kind != "planned" else "call",
                    direction={"in": "out", "out": "in"}.get(parent.direction or ""),
                    subject=parent.subject,
                    client_id=preset.client_id or parent.client_id,
                    contact_id=preset.contact_id or parent.contact_id,
                    participant_text=preset.participant_text or parent.participant_text,
                    deal_id=preset.deal_id or parent.deal_id,
                )
                for name in self._hidden_links:
                    self._hidden_links[name] = self._hidden_links[name] or getattr(parent, name)
                self.parent_note.setText(
                    self.tr("Reply to {link}").format(
                        link=f'<a href="parent">{escape_html(parent.subject)}</a> '
                        f"({when_text(parent.start_at)})"
                    )
                )
        if preset.kind == "planned":
            start = now + timedelta(days=1)
        if preset.kind in DIRECTED and preset.direction is None:
            preset = replace(preset, direction="out" if preset.kind == "email" else "in")
        status = "planned" if preset.kind == "planned" else "done"
        self._show_draft(replace(preset, start_at=start, status=status))
        set_combo_data(self.responsible, self.actor.user_id)
        self._show_chain([])

    def fill(self, details: InteractionDetails) -> None:
        self._details = details
        self._hidden_links = {
            "lead_id": details.lead_id,
            "claim_id": details.claim_id,
            "proposal_id": details.proposal_id,
        }
        self._show_draft(details.as_draft(), client=details.client, contact=details.contact)
        if details.deal_id is not None:
            self.deal.set_value(details.deal_id, details.deal)
        if (
            details.responsible_id is not None
            and combo_index(self.responsible, details.responsible_id) < 0
        ):
            self.responsible.addItem(details.responsible or "", details.responsible_id)
        set_combo_data(self.responsible, details.responsible_id)
        self.parent_note.setText(
            f'<a href="parent">{escape_html(self.tr("Reply to an earlier interaction"))}</a>'
            if details.parent_id
            else ""
        )

    def _show_draft(
        self, draft: InteractionDraft, *, client: str | None = None, contact: str | None = None
    ) -> None:
        self.subject.setText(draft.subject)
        set_combo_data(self.interaction_kind, draft.kind)
        set_combo_data(self.direction, draft.direction)
        set_combo_data(self.status, draft.status)
        if draft.start_at is not None:
            self.start_at.set_value(draft.start_at)
        self.duration.setValue(draft.duration_min)
        self.contact.set_value(draft.contact_id, contact)
        self.participant_text.setText(draft.participant_text or "")
        self.client.set_value(draft.client_id, client)
        self.deal.set_client(draft.client_id, keep=draft.deal_id)
        self.description.setPlainText(draft.description or "")
        self.result.setPlainText(draft.result or "")
        self._update_direction()
        self._update_link_button()

    def collect(self) -> InteractionDraft:
        kind = self.interaction_kind.currentData()
        return InteractionDraft(
            kind=kind,
            subject=self.subject.text().strip(),
            start_at=self.start_at.value(),
            direction=self.direction.currentData() if kind in DIRECTED else None,
            description=text_or_none(self.description.toPlainText()),
            duration_min=self.duration.value(),
            result=text_or_none(self.result.toPlainText()),
            status=self.status.currentData(),
            responsible_id=self.responsible.currentData(),
            contact_id=self.contact.value(),
            participant_text=text_or_none(self.participant_text.text()),
            client_id=self.client.value(),
            deal_id=self.deal.value(),
            lead_id=self._hidden_links["lead_id"],
            claim_id=self._hidden_links["claim_id"],
            proposal_id=self._hidden_links["proposal_id"],
        )

    def write(self, draft: InteractionDraft) -> InteractionDetails:
        if self.record_id is None:
            if self._parent_id is not None:
                return it.reply_to(self.db, self.actor, self._parent_id, draft)
            return it.create_interaction(self.db, self.actor, draft)
        assert self.version is not None
        return it.update_interaction(self.db, self.actor, self.record_id, self.version, draft)

    def draft_of(self, details: InteractionDetails) -> InteractionDraft:
        return details.as_draft()

    def describe(self, draft: InteractionDraft) -> list[tuple[str, str]]:
        return [
            ("subject", draft.subject),
            ("kind", kind_label(draft.kind)),
            ("direction", direction_label(draft.direction)),
            ("status", status_label(draft.status)),
            ("start_at", when_text(draft.start_at)),
            ("duration_min", duration_text(draft.duration_min)),
            ("participant_text", draft.participant_text or ""),
            ("description", draft.description or ""),
            ("result", draft.result or ""),
        ]

    def record_name(self) -> str:
        return self._details.subject if self._details is not None else ""

    def kind_title(self) -> str:
        return self.tr("Interaction")

    def new_title(self) -> str:
        return self.tr("New interaction")

    # --- related -------------------------------------------------------------------------------

    def refresh_related(self) -> None:
        saved = self.record_id is not None
        self.files.show_in(self.tabs, self.record_id)
        self.reply_button.setEnabled(saved)
        self.chain_reply_button.setEnabled(saved)
        self.chain.set_notice(None if saved else self.tr("Save the interaction first."))
        self._update_link_button()
        if self.record_id is None:
            self._show_chain([])
            return
        try:
            entries = it.chain(self.db, self.record_id)
        except UserError as error:
            self.general_error.show_error(messages.user_message(error))
            return
        self._show_chain(entries)

    def _show_chain(self, entries: list[it.ChainEntry]) -> None:
        rows = []
        for entry in entries:
            row = entry.row
            mark = "" if row.id != self.record_id else "▶ "
            rows.append(
                (
                    (
                        when_text(row.start_at),
                        kind_with_direction(row.kind, row.direction),
                        "    " * entry.depth + mark + row.subject,
                        row.participant,
                        status_label(row.status),
                        (row.result or "").split("\n", 1)[0],
                    ),
                    row.id,
                )
            )
        self.chain.set_rows(rows)
        self.tabs.setTabText(
            self.tabs.indexOf(self.chain),
            self.tr("Chain ({count})").format(count=len(entries)) if entries else self.tr("Chain"),
        )

    # --- commands ------------------------------------------------------------------------------

    def reply(self) -> bool:
        """A new interaction answering this one, in its own tab."""
        if self.record_id is None:
            return False
        self.new_requested.emit("interaction", {"parent_id": self.record_id})
        return True

    def link_to_contact(self) -> bool:
        """Link the participant to a contact: those whose phone or e-mail matches first."""
        text = self.participant_text.text().strip()
        try:
            if self.record_id is not None and not self.is_dirty():
                matches = it.match_participant(self.db, self.record_id)
            else:
                matches = it.match_participant_text(self.db, text)
        except UserError as error:
            messages.report_error(self, error)
            return False
        chosen = ContactMatchDialog.ask(self, self.db, text, matches)
        if chosen is None:
            return False
        return self.link_participant(*chosen)

    def link_participant(self, contact_id: uuid.UUID, name: str | None = None) -> bool:
        """Link at once when the card is saved and unchanged; otherwise fill the field."""
        if self.record_id is None or self.is_dirty():
            self.contact.set_value(contact_id, name)
            self._on_contact_changed()
            return True
        try:
            details = it.link_participant(self.db, self.actor, self.record_id, contact_id)
        except UserError as error:
            messages.report_error(self, error)
            return False
        self._take(details)
        self.history.stale = True
        self.saved.emit(self.kind, self.record_id)
        return True

    # --- slots ---------------------------------------------------------------------------------

    def _update_direction(self) -> None:
        directed = self.interaction_kind.currentData() in DIRECTED
        self.direction.setEnabled(directed)
        if not directed:
            self.direction.setCurrentIndex(0)
        elif self.direction.currentData() is None and not self._loading:
            set_combo_data(self.direction, "in")

    def _update_link_button(self, *_args: object) -> None:
        self.link_button.setEnabled(
            self.contact.value() is None and bool(self.participant_text.text().strip())
        )

    @Slot()
    def _on_kind_changed(self, *_args: object) -> None:
        self._update_direction()
        if self._loading:
            return
        kind = self.interaction_kind.currentData()
        status = self.status.currentData()
        if kind == "planned" and status not in it.OPEN_STATUSES:
            set_combo_data(self.status, "planned")

    @Slot()
    def _on_contact_changed(self) -> None:
        self._on_edited()
        self._update_link_button()
        contact_id = self.contact.value()
        if contact_id is not None and self.client.value() is None:
            client_id = primary_client(self.db, contact_id)
            if client_id is not None:
                self.client.set_value(client_id)
                self.deal.set_client(client_id, keep=self.deal.value())

    @Slot()
    def _on_client_changed(self) -> None:
        self._on_edited()
        self.deal.set_client(self.client.value(), keep=None)

    @Slot(object)
    def _open_interaction(self, record_id: Any) -> None:
        if record_id is not None and record_id != self.record_id:
            self.open_requested.emit("interaction", record_id)

    @Slot(str)
    def _on_parent_link_activated(self, _link: str) -> None:
        parent = self._details.parent_id if self._details is not None else self._parent_id
        if parent is not None:
            self.open_requested.emit("interaction", parent)

    @Slot()
    def _on_files_changed(self) -> None:
        self.files.show_in(self.tabs, self.record_id)
        self.history.stale = True
