"""The counterparty card («Контрагент»): Requisites (with the client link), Bank accounts,
Contact persons, History."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
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
from crm_desktop.errors import QT_TRANSLATE_NOOP, UserError
from crm_desktop.services import cards
from crm_desktop.services import parties as p
from crm_desktop.services.parties import (
    BankAccountDraft,
    CounterpartyDetails,
    CounterpartyDraft,
)
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.cards.base import (
    CardPage,
    combo_index,
    fill_combo,
    form_layout,
    set_combo_data,
    text_or_none,
)
from crm_desktop.views.cards.dialogs import Confirm, LinkDialog, PartyPicker
from crm_desktop.views.cards.links import LinkTable
from crm_desktop.views.widgets.edit_table import EditableTable, TableColumn

BANK_COLUMNS = (
    TableColumn("bik", QT_TRANSLATE_NOOP("CardFields", "BIK"), width_chars=10),
    TableColumn("account", QT_TRANSLATE_NOOP("CardFields", "Settlement account"), width_chars=25),
    TableColumn("corr_account", QT_TRANSLATE_NOOP("CardFields", "Corr. account"), width_chars=25),
    TableColumn("bank_name", QT_TRANSLATE_NOOP("CardFields", "Bank"), stretch=True),
    TableColumn("is_main", QT_TRANSLATE_NOOP("CardFields", "Main"), "check", width_chars=8),
)


class CounterpartyCard(CardPage):
    """A legal entity, entrepreneur or person that documents are made out to.

    Fields a legal form does not have are disabled (and not saved): an ИП has no KPP, a private
    person neither KPP nor OGRN; the OGRN field is called OGRNIP for an entrepreneur.
    """

    kind = "counterparty"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        *,
        client_id: uuid.UUID | None = None,
    ) -> None:
        self._details: CounterpartyDetails | None = None
        self._preset_client = client_id
        self._client_id: uuid.UUID | None = None
        self._legal_kinds: dict[uuid.UUID, str] = {}
        super().__init__(db, actor, record_id, parent)

    # --- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self.tabs.addTab(self._build_requisites(), self.tr("Requisites"))
        self.tabs.addTab(self._build_bank_accounts(), self.tr("Bank accounts"))
        self.tabs.addTab(self._build_contacts(), self.tr("Contact persons"))

    def _build_requisites(self) -> QWidget:
        page = QWidget(self)
        forms = p.catalogue(self.db, "legal_form")
        self._legal_kinds = {f.id: f.extra.get("kind", "legal") for f in forms}
        self.legal_form = QComboBox(page)
        fill_combo(
            self.legal_form,
            [(f"{f.name} — {f.extra.get('full_name', '')}", f.id) for f in forms],
            empty=False,
        )
        self.legal_form.currentIndexChanged.connect(self._on_legal_form_changed)
        self.full_name = QLineEdit(page)
        self.full_name.setObjectName("fullName")
        self.short_name = QLineEdit(page)
        self.inn = QLineEdit(page)
        self.inn.setObjectName("inn")
        self.inn.setMaxLength(12)
        self.kpp = QLineEdit(page)
        self.kpp.setMaxLength(9)
        self.ogrn = QLineEdit(page)
        self.ogrn.setMaxLength(15)
        for short in (self.inn, self.kpp, self.ogrn):
            short.setMaximumWidth(200)
        self.legal_address = QLineEdit(page)
        self.postal_address = QLineEdit(page)
        self.same_address = QPushButton(self.tr("Same as legal"), page)
        self.same_address.clicked.connect(
            lambda: self.postal_address.setText(self.legal_address.text())
        )
        postal = QWidget(page)
        postal_layout = QHBoxLayout(postal)
        postal_layout.setContentsMargins(0, 0, 0, 0)
        postal_layout.addWidget(self.postal_address, 1)
        postal_layout.addWidget(self.same_address)
        self.watch(self.postal_address)

        self.client_name = QLineEdit(page)
        self.client_name.setReadOnly(True)
        self.client_name.setPlaceholderText(self.tr("Not linked to a client"))
        self.choose_client_button = QPushButton(self.tr("Choose…"), page)
        self.open_client_button = QPushButton(self.tr("Open"), page)
        self.clear_client_button = QPushButton(self.tr("Clear"), page)
        self.choose_client_button.clicked.connect(self.choose_client)
        self.open_client_button.clicked.connect(self._on_open_client_clicked)
        self.clear_client_button.clicked.connect(lambda: self.set_client(None))
        client = QWidget(page)
        client_layout = QHBoxLayout(client)
        client_layout.setContentsMargins(0, 0, 0, 0)
        client_layout.addWidget(self.client_name, 1)
        client_layout.addWidget(self.choose_client_button)
        client_layout.addWidget(self.open_client_button)
        client_layout.addWidget(self.clear_client_button)

        self.notes = QPlainTextEdit(page)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(110)
        self.ogrn_label = QLabel(self.tr("OGRN:"), page)
        self.kpp_label = QLabel(self.tr("KPP:"), page)

        form = form_layout()
        form.addRow(self.tr("Client:"), self.field("client_id", client))
        form.addRow(self.tr("Legal form:"), self.field("legal_form_id", self.legal_form))
        form.addRow(self.tr("Full name:"), self.field("full_name", self.full_name))
        form.addRow(self.tr("Short name:"), self.field("short_name", self.short_name))
        form.addRow(self.tr("INN:"), self.field("inn", self.inn))
        form.addRow(self.kpp_label, self.field("kpp", self.kpp))
        form.addRow(self.ogrn_label, self.field("ogrn", self.ogrn))
        form.addRow(self.tr("Legal address:"), self.field("legal_address", self.legal_address))
        form.addRow(self.tr("Postal address:"), self.field("postal_address", postal))
        notes_group = QGroupBox(self.tr("Notes"), page)
        QVBoxLayout(notes_group).addWidget(self.field("notes", self.notes))
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(notes_group)
        layout.addStretch(1)
        return page

    def _build_bank_accounts(self) -> QWidget:
        page = QWidget(self)
        self.bank_accounts = EditableTable(
            BANK_COLUMNS,
            tr_context="CardFields",
            new_row=lambda: {"is_main": not self.bank_accounts.rows()},
            parent=page,
        )
        self.bank_accounts.table.setObjectName("bankAccountsTable")
        layout = QVBoxLayout(page)
        layout.addWidget(self.table("bank_accounts", self.bank_accounts))
        return page

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
        return self.contacts

    # --- the client link -----------------------------------------------------------------------

    def set_client(self, client_id: uuid.UUID | None, name: str | None = None) -> None:
        """Link to a client (None: to none); an edit, saved with the card."""
        if client_id is not None and name is None:
            try:
                name = cards.party_name(self.db, "client", client_id)
            except UserError as error:
                messages.report_error(self, error)
                return
        changed = client_id != self._client_id
        self._client_id = client_id
        self.client_name.setText(name or "")
        self.open_client_button.setEnabled(client_id is not None)
        self.clear_client_button.setEnabled(client_id is not None)
        if changed:
            self._on_edited()

    def client_id(self) -> uuid.UUID | None:
        return self._client_id

    def choose_client(self) -> bool:
        picked = PartyPicker.ask(self, self.db, "client", title=self.tr("Choose the client"))
        if picked is None:
            return False
        self.set_client(picked.party.id, picked.party.name)
        return True

    @Slot()
    def _on_open_client_clicked(self) -> None:
        if self._client_id is not None:
            self.open_requested.emit("client", self._client_id)

    # --- legal form ----------------------------------------------------------------------------

    def legal_kind(self) -> str:
        return self._legal_kinds.get(self.legal_form.currentData(), "legal")

    @Slot()
    def _on_legal_form_changed(self, *_args: Any) -> None:
        kind = self.legal_kind()
        self.kpp.setEnabled(kind == "legal")
        self.kpp_label.setEnabled(kind == "legal")
        self.ogrn.setEnabled(kind != "person")
        self.ogrn_label.setEnabled(kind != "person")
        self.ogrn_label.setText(self.tr("OGRNIP:") if kind == "individual" else self.tr("OGRN:"))

    # --- binding -------------------------------------------------------------------------------

    def fetch(self) -> CounterpartyDetails:
        assert self.record_id is not None
        return p.get_counterparty(self.db, self.record_id)

    def fill_new(self) -> None:
        set_combo_data(self.legal_form, next(iter(self._legal_kinds), None))
        self._on_legal_form_changed()
        self._client_id = None
        self.set_client(self._preset_client)
        self.bank_accounts.set_rows([])

    def fill(self, details: CounterpartyDetails) -> None:
        self._details = details
        set_combo_data(self.legal_form, details.legal_form_id)
        self._on_legal_form_changed()
        self.full_name.setText(details.full_name)
        self.short_name.setText(details.short_name)
        self.inn.setText(details.inn or "")
        self.kpp.setText(details.kpp or "")
        self.ogrn.setText(details.ogrn or "")
        self.legal_address.setText(details.legal_address or "")
        self.postal_address.setText(details.postal_address or "")
        self.notes.setPlainText(details.notes or "")
        self._client_id = None
        self.set_client(details.client_id)
        self.bank_accounts.set_rows(
            [
                {
                    "id": a.id,
                    "bik": a.bik,
                    "account": a.account,
                    "corr_account": a.corr_account,
                    "bank_name": a.bank_name,
                    "is_main": a.is_main,
                }
                for a in details.bank_accounts
            ]
        )

    def collect(self) -> CounterpartyDraft:
        kind = self.legal_kind()
        return CounterpartyDraft(
            legal_form_id=self.legal_form.currentData(),
            full_name=self.full_name.text().strip(),
            short_name=text_or_none(self.short_name.text()),
            inn=text_or_none(self.inn.text()),
            kpp=text_or_none(self.kpp.text()) if kind == "legal" else None,
            ogrn=text_or_none(self.ogrn.text()) if kind != "person" else None,
            legal_address=text_or_none(self.legal_address.text()),
            postal_address=text_or_none(self.postal_address.text()),
            client_id=self._client_id,
            notes=text_or_none(self.notes.toPlainText()),
            bank_accounts=tuple(
                BankAccountDraft(
                    bik=(row.get("bik") or "").strip(),
                    account=(row.get("account") or "").strip(),
                    bank_name=(row.get("bank_name") or "").strip(),
                    corr_account=text_or_none(row.get("corr_account") or ""),
                    is_main=bool(row.get("is_main")),
                    id=row.get("id"),
                )
                for row in self.bank_accounts.rows()
            ),
        )

    def write(self, draft: CounterpartyDraft) -> CounterpartyDetails:
        if self.record_id is None:
            return p.create_counterparty(self.db, self.actor, draft)
        assert self.version is not None
        return p.update_counterparty(self.db, self.actor, self.record_id, self.version, draft)

    def draft_of(self, details: CounterpartyDetails) -> CounterpartyDraft:
        return CounterpartyDraft(
            legal_form_id=details.legal_form_id,
            full_name=details.full_name,
            short_name=details.short_name,
            inn=details.inn,
            kpp=details.kpp,
            ogrn=details.ogrn,
            legal_address=details.legal_address,
            postal_address=details.postal_address,
            client_id=details.client_id,
            notes=details.notes,
            bank_accounts=tuple(
                BankAccountDraft(a.bik, a.account, a.bank_name, a.corr_account, a.is_main, a.id)
                for a in details.bank_accounts
            ),
        )

    def describe(self, draft: CounterpartyDraft) -> list[tuple[str, str]]:
        form = combo_index(self.legal_form, draft.legal_form_id)
        client = ""
        if draft.client_id is not None:
            client = (
                self.client_name.text()
                if draft.client_id == self._client_id
                else cards.party_name(self.db, "client", draft.client_id) or ""
            )
        accounts = "\n".join(
            f"{a.bik} {a.account} {a.corr_account or ''} {a.bank_name}".replace("  ", " ")
            for a in draft.bank_accounts
        )
        return [
            ("client_id", client),
            ("legal_form_id", self.legal_form.itemText(form) if form >= 0 else ""),
            ("full_name", draft.full_name),
            ("short_name", draft.short_name or draft.full_name),
            ("inn", draft.inn or ""),
            ("kpp", draft.kpp or ""),
            ("ogrn", draft.ogrn or ""),
            ("legal_address", draft.legal_address or ""),
            ("postal_address", draft.postal_address or ""),
            ("bank_accounts", accounts),
            ("notes", draft.notes or ""),
        ]

    def record_name(self) -> str:
        return self._details.short_name if self._details is not None else ""

    def kind_title(self) -> str:
        return self.tr("Counterparty")

    def new_title(self) -> str:
        return self.tr("New counterparty")

    # --- contacts ------------------------------------------------------------------------------

    def refresh_related(self) -> None:
        saved = self.record_id is not None
        self.contacts.setEnabled(saved)
        self.contacts.set_notice(
            None if saved else self.tr("Save the counterparty first to add contact persons.")
        )
        if self.record_id is None:
            self.contacts.set_rows([])
            return
        try:
            links = cards.contacts_of_counterparty(self.db, self.record_id)
        except UserError as error:
            self.general_error.show_error(messages.user_message(error))
            return
        self.contacts.set_rows(
            [((link.contact_name, link.position, link.role), link) for link in links]
        )

    @Slot(object)
    def _open_contact(self, link: p.LinkDetails | None) -> None:
        if link is not None:
            self.open_requested.emit("contact", link.contact_id)

    @Slot()
    def _on_new_contact_clicked(self) -> None:
        if self.record_id is not None:
            self.new_requested.emit("contact", {"link_counterparty_id": self.record_id})

    def add_existing_contact(self) -> bool:
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
            p.link_counterparty_contact,
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
            p.link_counterparty_contact,
            self.record_id,
            link.contact_id,
            position=position,
            role=role,
        )

    def unlink_contact(self) -> bool:
        link = self.contacts.current()
        if link is None:
            return False
        question = self.tr("Unlink «{contact}» from this counterparty? The person stays.").format(
            contact=link.contact_name
        )
        if not Confirm.ask(self, self.tr("Unlink"), question):
            return False
        return self._link_call(p.unlink, link.id)
