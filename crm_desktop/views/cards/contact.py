"""The contact person card («Контактное лицо»): Main (the person and their phones, e-mails,
messengers), Clients and counterparties (links with position and role), Relations, History."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError
from crm_desktop.services import cards
from crm_desktop.services import parties as p
from crm_desktop.services.parties import ContactDetails, ContactDraft
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.cards.base import CardPage, form_layout, text_or_none
from crm_desktop.views.cards.channels import ChannelsTable, describe_channels, drafts_of
from crm_desktop.views.cards.dialogs import Confirm, LinkDialog, PartyPicker, RelationDialog
from crm_desktop.views.cards.labels import date_text
from crm_desktop.views.cards.links import LinkTable
from crm_desktop.views.widgets.fields import OptionalDateEdit


class ContactCard(CardPage):
    """A person who orders, pays, signs or decides, for one or more clients/counterparties.

    A new contact opened from a client's (counterparty's) card is linked to it when first saved.
    """

    kind = "contact"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        *,
        link_client_id: uuid.UUID | None = None,
        link_counterparty_id: uuid.UUID | None = None,
    ) -> None:
        self._details: ContactDetails | None = None
        self._link_client_id = link_client_id
        self._link_counterparty_id = link_counterparty_id
        self._relation_kinds: list[p.CatalogueItem] = []
        super().__init__(db, actor, record_id, parent)

    # --- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self.linked_interactions = 0  # waiting interactions the last save linked to this person
        self._relation_kinds = [
            k
            for k in p.catalogue(self.db, "relation_kind")
            if k.extra.get("applies_to") == "contact"
        ]
        self.tabs.addTab(self._build_main(), self.tr("Main"))
        self.tabs.addTab(self._build_links(), self.tr("Clients and counterparties"))
        self.tabs.addTab(self._build_relations(), self.tr("Relations"))
        # imported here: the activity widgets use the cards' building blocks
        from crm_desktop.views.activities.tabs import InteractionsTab, TasksTab

        self.interactions_tab = InteractionsTab(self.db, self.actor, self)
        self.interactions_tab.setObjectName("interactionsTab")
        self.tasks_tab = TasksTab(self.db, self.actor, self)
        self.tasks_tab.setObjectName("tasksTab")
        for tab in (self.interactions_tab, self.tasks_tab):
            tab.open_requested.connect(self.open_requested.emit)
            tab.new_requested.connect(self.new_requested.emit)
        self.tabs.addTab(self.interactions_tab, self.tr("Interactions"))
        self.tabs.addTab(self.tasks_tab, self.tr("Tasks"))

    def _build_main(self) -> QWidget:
        page = QWidget(self)
        self.last_name = QLineEdit(page)
        self.last_name.setObjectName("lastName")
        self.first_name = QLineEdit(page)
        self.middle_name = QLineEdit(page)
        self.position = QLineEdit(page)
        self.birthday = OptionalDateEdit(page)
        self.birthday.setMaximumWidth(160)
        self.notes = QPlainTextEdit(page)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        self.channels = ChannelsTable(default_subkind="mobile", parent=page)
        self.channels.setMinimumHeight(150)

        left = form_layout()
        left.addRow(self.tr("Last name:"), self.field("last_name", self.last_name))
        left.addRow(self.tr("First name:"), self.field("first_name", self.first_name))
        left.addRow(self.tr("Middle name:"), self.field("middle_name", self.middle_name))
        right = form_layout()
        right.addRow(self.tr("Position:"), self.field("position", self.position))
        right.addRow(self.tr("Birthday:"), self.field("birthday", self.birthday))
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        channels_group = QGroupBox(self.tr("Phones, e-mails, messengers"), page)
        QVBoxLayout(channels_group).addWidget(self.table("channels", self.channels))
        notes_group = QGroupBox(self.tr("Notes"), page)
        QVBoxLayout(notes_group).addWidget(self.field("notes", self.notes))
        layout = QVBoxLayout(page)
        layout.addLayout(columns)
        layout.addWidget(channels_group, 2)
        layout.addWidget(notes_group, 1)
        return page

    def _build_links(self) -> QWidget:
        page = QSplitter(Qt.Orientation.Vertical, self)
        page.setChildrenCollapsible(False)
        clients_group = QGroupBox(self.tr("Clients"), page)
        self.clients = LinkTable(
            [self.tr("Client"), self.tr("Position"), self.tr("Role")],
            widths=(320, 200),
            parent=clients_group,
        )
        self.clients.table.setObjectName("clientsTable")
        self.open_client_button = self.clients.add_button(self.tr("Open"), needs_row=True)
        self.link_client_button = self.clients.add_button(self.tr("Link to a client…"))
        self.edit_client_link_button = self.clients.add_button(
            self.tr("Position and role…"), needs_row=True
        )
        self.unlink_client_button = self.clients.add_button(self.tr("Unlink"), needs_row=True)
        self.clients.finish_buttons()
        QVBoxLayout(clients_group).addWidget(self.clients)

        cps_group = QGroupBox(self.tr("Counterparties"), page)
        self.counterparties = LinkTable(
            [self.tr("Counterparty"), self.tr("Position"), self.tr("Role")],
            widths=(320, 200),
            parent=cps_group,
        )
        self.counterparties.table.setObjectName("counterpartiesTable")
        self.open_cp_button = self.counterparties.add_button(self.tr("Open"), needs_row=True)
        self.link_cp_button = self.counterparties.add_button(self.tr("Link to a counterparty…"))
        self.edit_cp_link_button = self.counterparties.add_button(
            self.tr("Position and role…"), needs_row=True
        )
        self.unlink_cp_button = self.counterparties.add_button(self.tr("Unlink"), needs_row=True)
        self.counterparties.finish_buttons()
        QVBoxLayout(cps_group).addWidget(self.counterparties)
        page.addWidget(clients_group)
        page.addWidget(cps_group)

        self.open_client_button.clicked.connect(lambda: self._open_link(self.clients.current()))
        self.clients.activated.connect(self._open_link)
        self.open_cp_button.clicked.connect(lambda: self._open_link(self.counterparties.current()))
        self.counterparties.activated.connect(self._open_link)
        self.link_client_button.clicked.connect(lambda: self.link_to("client"))
        self.link_cp_button.clicked.connect(lambda: self.link_to("counterparty"))
        self.edit_client_link_button.clicked.connect(lambda: self.edit_link("client"))
        self.edit_cp_link_button.clicked.connect(lambda: self.edit_link("counterparty"))
        self.unlink_client_button.clicked.connect(lambda: self.unlink("client"))
        self.unlink_cp_button.clicked.connect(lambda: self.unlink("counterparty"))
        return page

    def _build_relations(self) -> QWidget:
        self.relations = LinkTable(
            [self.tr("This person is"), self.tr("Contact person"), self.tr("Comment")],
            widths=(220, 320),
            parent=self,
        )
        self.relations.table.setObjectName("relationsTable")
        self.open_relation_button = self.relations.add_button(self.tr("Open"), needs_row=True)
        self.add_relation_button = self.relations.add_button(self.tr("Add…"))
        self.remove_relation_button = self.relations.add_button(self.tr("Remove"), needs_row=True)
        self.relations.finish_buttons()
        self.open_relation_button.clicked.connect(
            lambda: self._open_relation(self.relations.current())
        )
        self.relations.activated.connect(self._open_relation)
        self.add_relation_button.clicked.connect(self.add_relation)
        self.remove_relation_button.clicked.connect(self.remove_relation)
        return self.relations

    # --- binding -------------------------------------------------------------------------------

    def fetch(self) -> ContactDetails:
        assert self.record_id is not None
        return p.get_contact(self.db, self.record_id)

    def fill_new(self) -> None:
        self.channels.set_rows([])

    def fill(self, details: ContactDetails) -> None:
        self._details = details
        self.last_name.setText(details.last_name)
        self.first_name.setText(details.first_name or "")
        self.middle_name.setText(details.middle_name or "")
        self.position.setText(details.position or "")
        self.birthday.set_value(details.birthday)
        self.notes.setPlainText(details.notes or "")
        self.channels.load(details.channels)

    def collect(self) -> ContactDraft:
        return ContactDraft(
            last_name=self.last_name.text().strip(),
            first_name=text_or_none(self.first_name.text()),
            middle_name=text_or_none(self.middle_name.text()),
            position=text_or_none(self.position.text()),
            birthday=self.birthday.value(),
            notes=text_or_none(self.notes.toPlainText()),
            channels=self.channels.drafts(),
        )

    def write(self, draft: ContactDraft) -> ContactDetails:
        if self.record_id is None:
            details = p.create_contact(self.db, self.actor, draft)
        else:
            assert self.version is not None
            details = p.update_contact(self.db, self.actor, self.record_id, self.version, draft)
        self._link_waiting_interactions(details.id)
        return details

    def _link_waiting_interactions(self, contact_id: uuid.UUID) -> None:
        """Calls and e-mails registered by a phone or an address alone that this person's
        channels now match are linked to them (the contact is saved either way)."""
        from crm_desktop.services.interactions import link_unmatched_for_contact

        try:
            linked = link_unmatched_for_contact(self.db, self.actor, contact_id)
        except UserError:
            return
        if linked:
            self.linked_interactions = linked

    def after_created(self) -> None:
        """Link the new person to the client/counterparty whose card asked for them."""
        assert self.record_id is not None
        try:
            if self._link_client_id is not None:
                p.link_client_contact(
                    self.db,
                    self.actor,
                    self._link_client_id,
                    self.record_id,
                    position=text_or_none(self.position.text()),
                )
            if self._link_counterparty_id is not None:
                p.link_counterparty_contact(
                    self.db,
                    self.actor,
                    self._link_counterparty_id,
                    self.record_id,
                    position=text_or_none(self.position.text()),
                )
        except UserError as error:
            messages.report_error(self, error)
        self._link_client_id = self._link_counterparty_id = None
        self.refresh_related()

    def draft_of(self, details: ContactDetails) -> ContactDraft:
        return ContactDraft(
            last_name=details.last_name,
            first_name=details.first_name,
            middle_name=details.middle_name,
            position=details.position,
            birthday=details.birthday,
            notes=details.notes,
            channels=drafts_of(details.channels),
        )

    def describe(self, draft: ContactDraft) -> list[tuple[str, str]]:
        return [
            ("last_name", draft.last_name),
            ("first_name", draft.first_name or ""),
            ("middle_name", draft.middle_name or ""),
            ("position", draft.position or ""),
            ("birthday", date_text(draft.birthday)),
            ("channels", describe_channels(draft.channels)),
            ("notes", draft.notes or ""),
        ]

    def record_name(self) -> str:
        return self._details.full_name if self._details is not None else ""

    def kind_title(self) -> str:
        return self.tr("Contact person")

    def new_title(self) -> str:
        return self.tr("New contact person")

    # --- links and relations -------------------------------------------------------------------

    def refresh_related(self) -> None:
        saved = self.record_id is not None
        self.interactions_tab.set_link(contact_id=self.record_id)
        self.tasks_tab.set_link(contact_id=self.record_id)
        for widget in (self.clients, self.counterparties, self.relations):
            widget.setEnabled(saved)
            widget.set_notice(
                None if saved else self.tr("Save the contact person first to add links here.")
            )
        if self.record_id is None:
            for widget in (self.clients, self.counterparties, self.relations):
                widget.set_rows([])
            return
        try:
            clients = p.clients_of_contact(self.db, self.record_id)
            counterparties = cards.counterparties_of_contact(self.db, self.record_id)
            relations = cards.contact_relations(self.db, self.record_id)
        except UserError as error:
            self.general_error.show_error(messages.user_message(error))
            return
        self.clients.set_rows(
            [((link.owner_name, link.position, link.role), ("client", link)) for link in clients]
        )
        self.counterparties.set_rows(
            [
                ((link.owner_name, link.position, link.role), ("counterparty", link))
                for link in counterparties
            ]
        )
        rows = []
        for rel in relations:
            outgoing = rel.from_id == self.record_id
            other = rel.to_name if outgoing else rel.from_name
            kind = rel.kind_name if outgoing else rel.reverse_name
            rows.append(((kind, other, rel.comment), rel))
        self.relations.set_rows(rows)

    def _table_of(self, owner: str) -> LinkTable:
        return self.clients if owner == "client" else self.counterparties

    @Slot(object)
    def _open_link(self, payload: tuple[str, p.LinkDetails] | None) -> None:
        if payload is not None:
            owner, link = payload
            self.open_requested.emit(owner, link.owner_id)

    @Slot(object)
    def _open_relation(self, rel: p.RelationDetails | None) -> None:
        if rel is not None:
            other = rel.to_id if rel.from_id == self.record_id else rel.from_id
            self.open_requested.emit("contact", other)

    def _link_fn(self, owner: str) -> Any:
        return p.link_client_contact if owner == "client" else p.link_counterparty_contact

    def link_to(self, owner: str) -> bool:
        """Link this person to a client or counterparty chosen in the picker."""
        if self.record_id is None:
            return False
        linked = [link.owner_id for _o, link in self._table_of(owner).payloads()]
        title = (
            self.tr("Link to a client") if owner == "client" else self.tr("Link to a counterparty")
        )
        picked = PartyPicker.ask(self, self.db, owner, title=title, exclude=linked, with_link=True)
        if picked is None:
            return False
        return self._link_call(
            self._link_fn(owner),
            picked.party.id,
            self.record_id,
            position=picked.position,
            role=picked.role,
        )

    def edit_link(self, owner: str) -> bool:
        payload = self._table_of(owner).current()
        if payload is None or self.record_id is None:
            return False
        _owner, link = payload
        answer = LinkDialog.ask(self, link.owner_name, link.position, link.role)
        if answer is None:
            return False
        position, role = answer
        return self._link_call(
            self._link_fn(owner), link.owner_id, self.record_id, position=position, role=role
        )

    def unlink(self, owner: str) -> bool:
        payload = self._table_of(owner).current()
        if payload is None:
            return False
        _owner, link = payload
        question = self.tr("Unlink this person from «{owner}»?").format(owner=link.owner_name)
        if not Confirm.ask(self, self.tr("Unlink"), question):
            return False
        return self._link_call(p.unlink, link.id)

    def add_relation(self) -> bool:
        if self.record_id is None:
            return False
        choice = RelationDialog.ask(self, self.db, "contact", self.record_id, self._relation_kinds)
        if choice is None:
            return False
        return self._link_call(
            p.relate_contacts, choice.from_id, choice.to_id, choice.kind_id, choice.comment
        )

    def remove_relation(self) -> bool:
        rel = self.relations.current()
        if rel is None:
            return False
        other = rel.to_name if rel.from_id == self.record_id else rel.from_name
        question = self.tr("Remove the relation to «{contact}»?").format(contact=other)
        if not Confirm.ask(self, self.tr("Remove"), question):
            return False
        return self._link_call(p.unrelate, rel.id)
