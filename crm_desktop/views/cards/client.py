"""The client card («Клиент (партнёр)»): Main, Counterparties, Contacts, Relations, Deals,
History."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
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
from crm_desktop.errors import UserError
from crm_desktop.services import merge
from crm_desktop.services import parties as p
from crm_desktop.services.leads import LeadOrigin, lead_of_client
from crm_desktop.services.parties import CLIENT_ROLES, ClientDetails, ClientDraft
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.cards.base import (
    CardPage,
    combo_index,
    fill_combo,
    form_layout,
    set_combo_data,
    text_or_none,
)
from crm_desktop.views.cards.channels import ChannelsTable, describe_channels, drafts_of
from crm_desktop.views.cards.dialogs import Confirm, LinkDialog, PartyPicker, RelationDialog
from crm_desktop.views.cards.labels import role_label, yes_no
from crm_desktop.views.cards.links import LinkTable
from crm_desktop.views.widgets.fields import IntLineEdit

if TYPE_CHECKING:
    from crm_desktop.views.lists.deals import DealListPage


class ClientCard(CardPage):
    """A client: its own fields and phones on Main; its counterparties, contacts and relations
    on their tabs (changed at once, apart from Save); its history."""

    kind = "client"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._details: ClientDetails | None = None
        self._relation_kinds: list[p.CatalogueItem] = []
        self.deals: DealListPage | None = None  # made once the client has an id
        super().__init__(db, actor, record_id, parent)

    # --- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self._relation_kinds = [
            k
            for k in p.catalogue(self.db, "relation_kind")
            if k.extra.get("applies_to") == "client"
        ]
        self.tabs.addTab(self._build_main(), self.tr("Main"))
        self.tabs.addTab(self._build_counterparties(), self.tr("Counterparties"))
        self.tabs.addTab(self._build_contacts(), self.tr("Contact persons"))
        self.tabs.addTab(self._build_relations(), self.tr("Relations"))
        self.tabs.addTab(self._build_activities(), self.tr("Interactions"))
        self.tabs.addTab(self.tasks_tab, self.tr("Tasks"))
        self.tabs.addTab(self._build_deals(), self.tr("Deals"))
        self.claims_page = QWidget(self)
        self._claims_layout = QVBoxLayout(self.claims_page)
        self._claims_layout.setContentsMargins(0, 0, 0, 0)
        self.claims_tab: Any = None
        self.tabs.addTab(self.claims_page, self.tr("Claims"))
        self.merge_action = self.add_more_action(self.tr("Merge into another client…"))
        self.merge_action.triggered.connect(self.merge_into)

    def _refresh_claims(self) -> None:
        if self.record_id is None:
            return
        if self.claims_tab is None:
            from crm_desktop.views.claims import ClaimsTab

            self.claims_tab = ClaimsTab(
                self.db, self.actor, partner_id=self.record_id, parent=self.claims_page
            )
            self.claims_tab.open_requested.connect(self.open_requested.emit)
            self.claims_tab.new_requested.connect(self.new_requested.emit)
            self._claims_layout.addWidget(self.claims_tab)
        else:
            self.claims_tab.refresh()

    def _build_activities(self) -> QWidget:
        """The Interactions and Tasks tabs (the second is ``self.tasks_tab``)."""
        # imported here: the activity widgets use the cards' building blocks
        from crm_desktop.views.activities.tabs import InteractionsTab, TasksTab

        self.interactions_tab = InteractionsTab(self.db, self.actor, self)
        self.interactions_tab.setObjectName("interactionsTab")
        self.tasks_tab = TasksTab(self.db, self.actor, self)
        self.tasks_tab.setObjectName("tasksTab")
        for tab in (self.interactions_tab, self.tasks_tab):
            tab.open_requested.connect(self.open_requested.emit)
            tab.new_requested.connect(self.new_requested.emit)
        return self.interactions_tab

    def _build_main(self) -> QWidget:
        page = QWidget(self)
        self.lead_origin = QLabel(page)
        self.lead_origin.setObjectName("leadOrigin")
        self.lead_origin.setTextFormat(Qt.TextFormat.RichText)
        self.lead_origin.linkActivated.connect(self._on_lead_origin_link_activated)
        self.lead_origin.hide()
        self._lead: LeadOrigin | None = None
        self.name = QLineEdit(page)
        self.name.setObjectName("name")
        self.role_boxes: dict[str, QCheckBox] = {}
        roles = QWidget(page)
        roles_layout = QHBoxLayout(roles)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        for role in CLIENT_ROLES:
            box = QCheckBox(role_label(role), roles)
            self.role_boxes[role] = box
            roles_layout.addWidget(box)
            self.watch(box)
        roles_layout.addStretch(1)
        self.circle = QComboBox(page)
        fill_combo(
            self.circle,
            [(c.name, c.id) for c in p.catalogue(self.db, "client_circle")],
            empty=True,
        )
        self.owner = QComboBox(page)
        fill_combo(
            self.owner,
            [(u.full_name, u.id) for u in list_users(self.db, active_only=False)],
            empty=False,
        )
        self.source = QComboBox(page)
        fill_combo(
            self.source, [(s.name, s.id) for s in p.catalogue(self.db, "info_source")], empty=True
        )
        self.industry = QLineEdit(page)
        self.head_count = IntLineEdit(page, maximum=10_000_000)
        self.head_count.setMaximumWidth(140)
        self.archived = QCheckBox(self.tr("Archived (hidden from lists)"), page)
        self.channels = ChannelsTable(default_subkind="work", parent=page)
        self.channels.setMinimumHeight(150)
        self.notes = QPlainTextEdit(page)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)

        left = form_layout()
        left.addRow(self.tr("Circle:"), self.field("circle_id", self.circle))
        left.addRow(self.tr("Responsible manager:"), self.field("owner_id", self.owner))
        left.addRow(self.tr("Source:"), self.field("source_id", self.source))
        right = form_layout()
        right.addRow(self.tr("Industry:"), self.field("industry", self.industry))
        right.addRow(self.tr("Head-count:"), self.field("head_count", self.head_count))
        right.addRow("", self.archived)
        self.watch(self.archived)

        top = form_layout()
        top.addRow(self.tr("Name:"), self.field("name", self.name))
        roles_box = self.field("roles", roles)
        top.addRow(self.tr("Roles:"), roles_box)

        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)

        channels_group = QGroupBox(self.tr("Company phones, e-mails, messengers"), page)
        QVBoxLayout(channels_group).addWidget(self.table("channels", self.channels))
        notes_group = QGroupBox(self.tr("Notes"), page)
        QVBoxLayout(notes_group).addWidget(self.field("notes", self.notes))

        layout = QVBoxLayout(page)
        layout.addWidget(self.lead_origin)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addWidget(channels_group, 2)
        layout.addWidget(notes_group, 1)
        return page

    def _build_counterparties(self) -> QWidget:
        self.counterparties = LinkTable(
            [self.tr("Counterparty"), self.tr("INN"), self.tr("KPP"), self.tr("Legal form")],
            widths=(320, 130, 110),
            parent=self,
        )
        self.counterparties.table.setObjectName("counterpartiesTable")
        self.open_counterparty_button = self.counterparties.add_button(
            self.tr("Open"), needs_row=True
        )
        self.new_counterparty_button = self.counterparties.add_button(self.tr("New counterparty…"))
        self.counterparties.finish_buttons()
        self.open_counterparty_button.clicked.connect(
            lambda: self._open("counterparty", self.counterparties.current())
        )
        self.new_counterparty_button.clicked.connect(self._on_new_counterparty_clicked)
        self.counterparties.activated.connect(lambda cp: self._open("counterparty", cp))
        self.label_for("counterparties", self.counterparties.error, self.counterparties.table)
        return self.counterparties

    def _build_contacts(self) -> QWidget:
        self.contacts = LinkTable(
            [self.tr("Contact person"), self.tr("Position"), self.tr("Role")],
            widths=(300, 220),
            parent=self,
        )
        self.contacts.table.setObjectName("contactsTable")
        self.open_contact_button = self.contacts.add_button(self.tr("Open"), needs_row=True)
        self.add_contact_button = self.contacts.add_button(self.tr("Add existing…"))
        self.new_contact_button = self.contacts.add_button(self.tr("New contact person…"))
        self.edit_link_button = self.contacts.add_button(
            self.tr("Position and role…"), needs_row=True
        )
        self.unlink_button = self.contacts.add_button(self.tr("Unlink"), needs_row=True)
        self.contacts.finish_buttons()
        self.open_contact_button.clicked.connect(
            lambda: self._open_contact(self.contacts.current())
        )
        self.contacts.activated.connect(self._open_contact)
        self.add_contact_button.clicked.connect(self.add_existing_contact)
        self.new_contact_button.clicked.connect(self._on_new_contact_clicked)
        self.edit_link_button.clicked.connect(self.edit_contact_link)
        self.unlink_button.clicked.connect(self.unlink_contact)
        self.label_for("contacts", self.contacts.error, self.contacts.table)
        return self.contacts

    def _build_relations(self) -> QWidget:
        self.relations = LinkTable(
            [self.tr("This client is"), self.tr("Client"), self.tr("Comment")],
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

    def _build_deals(self) -> QWidget:
        page = self.deals_tab = QWidget(self)
        page.setObjectName("dealsTab")
        self.new_deal_button = QPushButton(self.tr("New deal…"), page)
        self.new_deal_button.setObjectName("newDeal")
        self.new_deal_button.clicked.connect(self._on_new_deal_clicked)
        self.deals_notice = QLabel(page)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_deal_button)
        buttons.addWidget(self.deals_notice, 1)
        self._deals_layout = QVBoxLayout(page)
        self._deals_layout.addLayout(buttons)
        return page

    def _show_deals(self) -> None:
        """The client's deals: the Deals list page filtered to this client."""
        if self.record_id is None:
            return
        if self.deals is not None and self.deals.client_id == self.record_id:
            self.deals.refresh()
            return
        # imported here: the deals list uses the deal screens' labels, which use the cards
        from crm_desktop.views.lists.deals import DealListPage

        if self.deals is not None:
            self.deals.deleteLater()
        self.deals = DealListPage(self.db, self.deals_tab, client_id=self.record_id)
        self.deals.open_requested.connect(self.open_requested.emit)
        self.deals.model.load_failed.connect(self._on_deals_load_failed)
        self._deals_layout.addWidget(self.deals, 1)

    # --- binding -------------------------------------------------------------------------------

    def fetch(self) -> ClientDetails:
        assert self.record_id is not None
        return p.get_client(self.db, self.record_id)

    def fill_new(self) -> None:
        self.role_boxes["client"].setChecked(True)
        set_combo_data(self.owner, self.actor.user_id)

    def fill(self, details: ClientDetails) -> None:
        self._details = details
        self.name.setText(details.name)
        for role, box in self.role_boxes.items():
            box.setChecked(role in details.roles)
        set_combo_data(self.circle, details.circle_id)
        if details.owner_id is not None and combo_index(self.owner, details.owner_id) < 0:
            self.owner.addItem(str(details.owner_id), details.owner_id)
        set_combo_data(self.owner, details.owner_id)
        set_combo_data(self.source, details.source_id)
        self.industry.setText(details.industry or "")
        self.head_count.set_value(details.head_count)
        self.archived.setChecked(details.is_archived)
        self.channels.load(details.channels)
        self.notes.setPlainText(details.notes or "")

    def collect(self) -> ClientDraft:
        return ClientDraft(
            name=self.name.text().strip(),
            roles=frozenset(role for role, box in self.role_boxes.items() if box.isChecked()),
            circle_id=self.circle.currentData(),
            owner_id=self.owner.currentData(),
            source_id=self.source.currentData(),
            industry=text_or_none(self.industry.text()),
            head_count=self.head_count.value(),
            notes=text_or_none(self.notes.toPlainText()),
            is_archived=self.archived.isChecked(),
            channels=self.channels.drafts(),
        )

    def write(self, draft: ClientDraft) -> ClientDetails:
        if self.record_id is None:
            return p.create_client(self.db, self.actor, draft)
        assert self.version is not None
        return p.update_client(self.db, self.actor, self.record_id, self.version, draft)

    def draft_of(self, details: ClientDetails) -> ClientDraft:
        return ClientDraft(
            name=details.name,
            roles=details.roles,
            circle_id=details.circle_id,
            owner_id=details.owner_id,
            source_id=details.source_id,
            industry=details.industry,
            head_count=details.head_count,
            notes=details.notes,
            is_archived=details.is_archived,
            channels=drafts_of(details.channels),
        )

    def describe(self, draft: ClientDraft) -> list[tuple[str, str]]:
        def item_text(combo: QComboBox, value: Any) -> str:
            index = combo_index(combo, value)
            return combo.itemText(index) if index >= 0 else ""

        return [
            ("name", draft.name),
            ("roles", ", ".join(role_label(r) for r in CLIENT_ROLES if r in draft.roles)),
            ("circle_id", item_text(self.circle, draft.circle_id)),
            ("owner_id", item_text(self.owner, draft.owner_id)),
            ("source_id", item_text(self.source, draft.source_id)),
            ("industry", draft.industry or ""),
            ("head_count", "" if draft.head_count is None else str(draft.head_count)),
            ("is_archived", yes_no(draft.is_archived)),
            ("channels", describe_channels(draft.channels)),
            ("notes", draft.notes or ""),
        ]

    def record_name(self) -> str:
        return self._details.name if self._details is not None else ""

    def kind_title(self) -> str:
        return self.tr("Client")

    def new_title(self) -> str:
        return self.tr("New client")

    # --- linked lists --------------------------------------------------------------------------

    def refresh_related(self) -> None:
        saved = self.record_id is not None
        for widget in (self.counterparties, self.contacts, self.relations):
            widget.setEnabled(saved)
            widget.set_notice(
                None if saved else self.tr("Save the client first to add links here.")
            )
        self.merge_action.setEnabled(saved)
        self.interactions_tab.set_link(client_id=self.record_id)
        self.tasks_tab.set_link(client_id=self.record_id)
        self._refresh_claims()
        self._show_lead_origin()
        self.new_deal_button.setEnabled(saved)
        self.deals_notice.setText(
            "" if saved else self.tr("Save the client first to add links here.")
        )
        if self.record_id is None:
            for widget in (self.counterparties, self.contacts, self.relations):
                widget.set_rows([])
            return
        try:
            counterparties = p.counterparties_of_client(self.db, self.record_id)
            contacts = p.contacts_of_client(self.db, self.record_id)
            relations = p.client_relations(self.db, self.record_id)
        except UserError as error:
            self.general_error.show_error(messages.user_message(error))
            return
        self.counterparties.set_rows(
            [((cp.short_name, cp.inn, cp.kpp, cp.legal_form), cp.id) for cp in counterparties]
        )
        self.contacts.set_rows(
            [((link.contact_name, link.position, link.role), link) for link in contacts]
        )
        rows = []
        for rel in relations:
            outgoing = rel.from_id == self.record_id
            other = rel.to_name if outgoing else rel.from_name
            kind = rel.kind_name if outgoing else rel.reverse_name
            rows.append(((kind, other, rel.comment), rel))
        self.relations.set_rows(rows)
        self._show_deals()

    def _show_lead_origin(self) -> None:
        """«Пришёл из лида № … от …» with a link to the lead, when the client came from one."""
        self._lead = None
        if self.record_id is not None:
            try:
                self._lead = lead_of_client(self.db, self.record_id)
            except UserError:
                self._lead = None
        lead = self._lead
        if lead is None:
            self.lead_origin.hide()
            return
        text = self.tr("Came from lead {number} of {date}").format(
            number=lead.number, date=lead.received_at.astimezone().strftime("%d.%m.%Y")
        )
        if lead.source_name:
            text += f" ({lead.source_name})"
        self.lead_origin.setText(f'<a href="lead">{_escape(text)}</a>')
        self.lead_origin.show()

    @Slot(str)
    def _on_lead_origin_link_activated(self, _link: str) -> None:
        if self._lead is not None:
            self.open_requested.emit("lead", self._lead.id)

    def _open(self, kind: str, record_id: Any) -> None:
        if record_id is not None:
            self.open_requested.emit(kind, record_id)

    @Slot(object)
    def _open_contact(self, link: p.LinkDetails | None) -> None:
        if link is not None:
            self.open_requested.emit("contact", link.contact_id)

    @Slot(object)
    def _open_relation(self, rel: p.RelationDetails | None) -> None:
        if rel is not None:
            other = rel.to_id if rel.from_id == self.record_id else rel.from_id
            self.open_requested.emit("client", other)

    @Slot()
    def _on_new_counterparty_clicked(self) -> None:
        if self.record_id is not None:
            self.new_requested.emit("counterparty", {"client_id": self.record_id})

    @Slot()
    def _on_new_deal_clicked(self) -> None:
        if self.record_id is not None:
            self.new_requested.emit("deal", {"client_id": self.record_id})

    @Slot(object)
    def _on_deals_load_failed(self, error: object) -> None:
        if isinstance(error, UserError):
            self.general_error.show_error(messages.user_message(error))

    @Slot()
    def _on_new_contact_clicked(self) -> None:
        if self.record_id is not None:
            self.new_requested.emit("contact", {"link_client_id": self.record_id})

    def add_existing_contact(self) -> bool:
        """Pick a contact (with position and role) and link it to this client."""
        if self.record_id is None:
            return False
        linked = [link.contact_id for link in self.contacts.payloads()]
        picked = PartyPicker.ask(
            self,
            self.db,
            "contact",
            title=self.tr("Add a contact person"),
            exclude=linked,
            with_link=True,
        )
        if picked is None:
            return False
        return self._link_call(
            p.link_client_contact,
            self.record_id,
            picked.party.id,
            position=picked.position,
            role=picked.role,
        )

    def edit_contact_link(self) -> bool:
        link = self.contacts.current()
        if link is None or self.record_id is None:
            return False
        answer = LinkDialog.ask(self, link.contact_name, link.position, link.role)
        if answer is None:
            return False
        position, role = answer
        return self._link_call(
            p.link_client_contact, self.record_id, link.contact_id, position=position, role=role
        )

    def unlink_contact(self) -> bool:
        link = self.contacts.current()
        if link is None:
            return False
        question = self.tr("Unlink «{contact}» from this client? The person stays.").format(
            contact=link.contact_name
        )
        if not Confirm.ask(self, self.tr("Unlink"), question):
            return False
        return self._link_call(p.unlink, link.id)

    def add_relation(self) -> bool:
        if self.record_id is None:
            return False
        choice = RelationDialog.ask(self, self.db, "client", self.record_id, self._relation_kinds)
        if choice is None:
            return False
        return self._link_call(
            p.relate_clients, choice.from_id, choice.to_id, choice.kind_id, choice.comment
        )

    def remove_relation(self) -> bool:
        rel = self.relations.current()
        if rel is None:
            return False
        other = rel.to_name if rel.from_id == self.record_id else rel.from_name
        question = self.tr("Remove the relation to «{client}»?").format(client=other)
        if not Confirm.ask(self, self.tr("Remove"), question):
            return False
        return self._link_call(p.unrelate, rel.id)

    # --- merge ---------------------------------------------------------------------------------

    def merge_into(self) -> bool:
        """Merge this client into another (the survivor): everything moves there."""
        if self.record_id is None or self.version is None:
            return False
        if self.is_dirty() and not self.save():
            return False
        picked = PartyPicker.ask(
            self,
            self.db,
            "client",
            title=self.tr("Merge into which client?"),
            exclude=[self.record_id],
        )
        if picked is None:
            return False
        question = self.tr(
            "Merge «{duplicate}» into «{survivor}»? Its counterparties, contacts, phones and "
            "relations move to «{survivor}», and «{duplicate}» is deleted."
        ).format(duplicate=self.record_name(), survivor=picked.party.name)
        if not Confirm.ask(self, self.tr("Merge clients"), question):
            return False
        try:
            survivor = p.get_client(self.db, picked.party.id)
            merge.merge_clients(
                self.db, self.actor, survivor.id, survivor.version, self.record_id, self.version
            )
        except UserError as error:
            messages.report_error(self, error)
            return False
        self.saved.emit(self.kind, survivor.id)
        self.open_requested.emit("client", survivor.id)
        self.close_requested.emit()
        return True


__all__ = ["ClientCard"]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
