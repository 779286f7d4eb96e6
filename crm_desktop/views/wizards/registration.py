"""«Помощник регистрации нового партнёра»: the new partner registration wizard.

Pages: kind (company / private person) → client data (or the person) → legal-entity requisites
(optional) → contact persons → bank account (optional) → duplicate check → summary. Each "Next"
checks its page through :mod:`crm_desktop.services.registration` (``check_*``; nothing is
written) and shows every problem under its field; "Finish" registers everything in one
transaction with :func:`~crm_desktop.services.registration.register_partner`. A problem found
only then (a circle's mandatory field, say) takes the user back to the page that has the field.

Every page names its fields as ``register_partner`` reports them (``client.name``,
``counterparty.inn``, ``contacts[0].channels[1]``), so the same error routing serves "Next" and
"Finish".
"""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, Message, UserError, ValidationError
from crm_desktop.services import duplicates
from crm_desktop.services import parties as p
from crm_desktop.services import registration as reg
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.widgets.fields import ErrorLabel
from crm_desktop.views.wizards.fields import FieldErrors, make_hint


class PageId(IntEnum):
    KIND = 0
    CLIENT = 1
    PERSON = 2
    REQUISITES = 3
    CONTACTS = 4
    BANK = 5
    DUPLICATES = 6
    SUMMARY = 7


# why a candidate looks like the new partner, in the user's words
REASON_TEXTS: dict[str, str] = {
    duplicates.SAME_INN_KPP: QT_TRANSLATE_NOOP("RegistrationWizard", "same INN and KPP"),
    duplicates.SAME_INN: QT_TRANSLATE_NOOP("RegistrationWizard", "same INN"),
    duplicates.SAME_PHONE: QT_TRANSLATE_NOOP("RegistrationWizard", "same phone"),
    duplicates.SAME_EMAIL: QT_TRANSLATE_NOOP("RegistrationWizard", "same e-mail"),
    duplicates.SAME_NAME: QT_TRANSLATE_NOOP("RegistrationWizard", "similar name"),
}

# suggestions for a contact's role with the client (free text: the user may type another)
CONTACT_ROLES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("RegistrationWizard", "Decision maker"),
    QT_TRANSLATE_NOOP("RegistrationWizard", "Buyer"),
    QT_TRANSLATE_NOOP("RegistrationWizard", "Accountant"),
    QT_TRANSLATE_NOOP("RegistrationWizard", "Technical expert"),
    QT_TRANSLATE_NOOP("RegistrationWizard", "Influences the decision"),
)

_CONTACT_KEY = re.compile(r"^contacts\[(\d+)\]\.(.+)$")


def wizard_text(text: str) -> str:
    """``text`` (marked in the "RegistrationWizard" context) in the UI language."""
    return QCoreApplication.translate("RegistrationWizard", text)


def reason_text(reason: str) -> str:
    return wizard_text(REASON_TEXTS.get(reason, reason))


def candidate_reasons(candidate: duplicates.DuplicateCandidate) -> str:
    """Why ``candidate`` matched, in words: «тот же телефон (+74951234567), похожее название»."""
    parts = []
    for reason in candidate.reasons:
        value = candidate.matched.get(reason)
        text = reason_text(reason)
        if value and reason != duplicates.SAME_NAME:
            text = f"{text} ({value})"
        parts.append(text)
    return ", ".join(parts)


def _text(edit: QLineEdit) -> str | None:
    value = edit.text().strip()
    return value or None


def _line(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def _prefixed(prefix: str, errors: Mapping[str, Message]) -> dict[str, Message]:
    return {f"{prefix}{name}": message for name, message in errors.items()}


def _catalogue_combo(
    parent: QWidget, name: str, items: Sequence[p.CatalogueItem], empty: str | None
) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    if empty is not None:
        combo.addItem(empty, None)
    for item in items:
        combo.addItem(item.name, item.id)
    return combo


def _combo_id(combo: QComboBox) -> uuid.UUID | None:
    value = combo.currentData()
    return value if isinstance(value, uuid.UUID) else None


def select_data(combo: QComboBox, value: object) -> None:
    """Choose the item whose data equals ``value`` (by value: ``findData`` compares Python
    objects by identity)."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return


class _Page(QWizardPage):
    """A page with field errors and the wizard it belongs to."""

    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.general_error = ErrorLabel(self)
        self.general_error.setObjectName("pageError")
        self.errors = FieldErrors(self.general_error)

    def claims(self, name: str) -> bool:
        """Whether this page has a field for the error ``name`` (wizard-level)."""
        return self.errors.label(name) is not None

    def show_errors(self, errors: Mapping[str, Message]) -> None:
        self.errors.show(errors)


# --- kind ----------------------------------------------------------------------------------------


class KindPage(_Page):
    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Kind of partner"))
        self.setSubTitle(self.tr("Who is the new partner: a company or a private person?"))
        self.company = QRadioButton(self.tr("&Company"), self)
        self.company.setObjectName("kindCompany")
        company_hint = QLabel(
            self.tr(
                "An organisation or an individual entrepreneur: the client, its legal entity "
                "with requisites and bank account, and its contact persons."
            ),
            self,
        )
        self.person = QRadioButton(self.tr("&Private person"), self)
        self.person.setObjectName("kindPerson")
        person_hint = QLabel(
            self.tr(
                "A private buyer: the client and its contact person are created at once from "
                "the person's name, phone and e-mail."
            ),
            self,
        )
        self.company.setChecked(True)
        layout = QVBoxLayout(self)
        for button, hint in ((self.company, company_hint), (self.person, person_hint)):
            make_hint(hint)
            hint.setIndent(24)
            layout.addWidget(button)
            layout.addWidget(hint)
            layout.addSpacing(12)
        layout.addStretch(1)

    def kind(self) -> reg.PartnerKind:
        return "person" if self.person.isChecked() else "company"

    def set_kind(self, kind: reg.PartnerKind) -> None:
        (self.person if kind == "person" else self.company).setChecked(True)

    def nextId(self) -> int:
        return PageId.PERSON if self.kind() == "person" else PageId.CLIENT


# --- client data ---------------------------------------------------------------------------------


class ClientPage(_Page):
    """The client as a whole: its name, circle, source, industry and company phone/e-mail."""

    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Client"))
        self.setSubTitle(
            self.tr("How the client is called in the office, and how to reach the company.")
        )
        self.name = _line(self, "clientName", self.tr("e.g. Romashka LLC"))
        self.circle = _catalogue_combo(
            self, "clientCircle", wizard.circles, self.tr("— not chosen —")
        )
        if wizard.circles:
            self.circle.setCurrentIndex(1)
        self.source = _catalogue_combo(
            self, "clientSource", wizard.sources, self.tr("— not chosen —")
        )
        self.industry = _line(self, "clientIndustry")
        self.head_count = _line(self, "clientHeadCount")
        self.head_count.setValidator(QIntValidator(0, 10_000_000, self.head_count))
        self.phone = _line(self, "clientPhone", "+7 495 123-45-67")
        self.email = _line(self, "clientEmail", "info@example.ru")
        self.notes = _line(self, "clientNotes")
        form = QFormLayout()
        e = self.errors
        e.add_row(form, self.tr("&Name:"), self.name, "client.name")
        e.add_row(form, self.tr("Ci&rcle:"), self.circle, "client.circle_id")
        e.add_row(form, self.tr("&Source:"), self.source, "client.source_id")
        e.add_row(form, self.tr("&Industry:"), self.industry, "client.industry")
        e.add_row(form, self.tr("&Head-count:"), self.head_count, "client.head_count")
        self.phone_error = e.add_row(form, self.tr("&Phone:"), self.phone, "client.channels")
        self.email_error = e.add_row(form, self.tr("&E-mail:"), self.email)
        e.add_row(form, self.tr("&Comment:"), self.notes, "client.notes")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)

    def channels(self) -> tuple[p.ChannelDraft, ...]:
        """The company's phone and e-mail, in order; their error names follow that order."""
        channels: list[p.ChannelDraft] = []
        for kind, edit, label in (
            ("phone", self.phone, self.phone_error),
            ("email", self.email, self.email_error),
        ):
            value = _text(edit)
            if value is None:
                continue
            self.errors.register(label, edit, f"client.channels[{len(channels)}]")
            channels.append(
                p.ChannelDraft(
                    kind, value, subkind="work" if kind == "phone" else None, is_primary=True
                )
            )
        return tuple(channels)

    def draft(self) -> p.ClientDraft:
        head_count = self.head_count.text().strip()
        return p.ClientDraft(
            name=self.name.text(),
            circle_id=_combo_id(self.circle),
            source_id=_combo_id(self.source),
            industry=_text(self.industry),
            head_count=int(head_count) if head_count.isdigit() else None,
            notes=_text(self.notes),
            channels=self.channels(),
        )

    def validatePage(self) -> bool:
        return self.owner.check_page(
            self, lambda: reg.check_client(self.owner.db, self.draft()), "client."
        )

    def nextId(self) -> int:
        return PageId.REQUISITES


# --- a person: the private client, or one contact person of a company -----------------------------


class PersonFields(QWidget):
    """Name parts, phone and e-mail of a person; error names ``<prefix>last_name`` …"""

    changed = Signal()

    def __init__(
        self, parent: QWidget | None, errors: FieldErrors, prefix: str, *, with_job: bool
    ) -> None:
        super().__init__(parent)
        self.errors = errors
        self.prefix = prefix
        self.with_job = with_job
        self.last_name = _line(self, "lastName")
        self.first_name = _line(self, "firstName")
        self.middle_name = _line(self, "middleName")
        self.position = _line(self, "position")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        self.role.setEditable(True)
        self.role.addItem("")
        for role in CONTACT_ROLES:
            self.role.addItem(wizard_text(role))
        self.phone = _line(self, "phone", "+7 916 123-45-67")
        self.email = _line(self, "email", "name@example.ru")
        self.signs = QCheckBox(self.tr("Signs documents for the legal entity"), self)
        self.signs.setObjectName("signs")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        add = errors.add_row
        self.last_name_error = add(
            self.form, self.tr("&Last name:"), self.last_name, f"{prefix}last_name"
        )
        add(self.form, self.tr("&First name:"), self.first_name, f"{prefix}first_name")
        add(self.form, self.tr("&Middle name:"), self.middle_name, f"{prefix}middle_name")
        if with_job:
            add(self.form, self.tr("P&osition:"), self.position, f"{prefix}position")
            add(self.form, self.tr("&Role:"), self.role, f"{prefix}role")
        else:
            self.position.hide()
            self.role.hide()
            self.signs.hide()
        self.phone_error = add(self.form, self.tr("P&hone:"), self.phone)
        self.email_error = add(self.form, self.tr("E-&mail:"), self.email)
        if with_job:
            self.form.addRow("", self.signs)
        for edit in (self.last_name, self.first_name, self.middle_name, self.position):
            edit.textChanged.connect(self.changed)
        self.role.currentTextChanged.connect(self.changed)
        self.phone.textChanged.connect(self.changed)
        self.email.textChanged.connect(self.changed)

    def full_name(self) -> str:
        parts = (self.last_name.text(), self.first_name.text(), self.middle_name.text())
        return " ".join(x.strip() for x in parts if x.strip())

    def is_blank(self) -> bool:
        edits = (
            self.last_name,
            self.first_name,
            self.middle_name,
            self.position,
            self.phone,
            self.email,
        )
        return not any(e.text().strip() for e in edits) and not self.role.currentText().strip()

    def channels(self, *names: str) -> tuple[p.ChannelDraft, ...]:
        """Phone and e-mail; each is also known under ``<name>channels[i]`` for ``names``."""
        channels: list[p.ChannelDraft] = []
        for kind, edit, label in (
            ("phone", self.phone, self.phone_error),
            ("email", self.email, self.email_error),
        ):
            value = _text(edit)
            if value is None:
                continue
            for name in (self.prefix, *names):
                self.errors.register(label, edit, f"{name}channels[{len(channels)}]")
            subkind = "mobile" if kind == "phone" else None
            channels.append(p.ChannelDraft(kind, value, subkind=subkind, is_primary=True))
        return tuple(channels)

    def draft(self) -> p.ContactDraft:
        return p.ContactDraft(
            last_name=self.last_name.text(),
            first_name=_text(self.first_name),
            middle_name=_text(self.middle_name),
            position=_text(self.position) if self.with_job else None,
            channels=self.channels(),
        )

    def entry(self, *, primary: bool) -> reg.ContactEntry:
        role = self.role.currentText().strip() or None
        return reg.ContactEntry(
            self.draft(),
            position=_text(self.position),
            role=role,
            is_primary=primary,
            signs_for_counterparty=self.signs.isChecked(),
        )


class PersonPage(_Page):
    """A private person: the client and its contact person in one."""

    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Private person"))
        self.setSubTitle(
            self.tr("The person becomes the client and its contact person at the same time.")
        )
        self.person = PersonFields(self, self.errors, "contacts[0].", with_job=False)
        self.errors.register(self.person.phone_error, self.person.phone, "client.channels")
        self.errors.register(self.person.last_name_error, self.person.last_name, "client.name")
        self.circle = _catalogue_combo(
            self, "personCircle", wizard.circles, self.tr("— not chosen —")
        )
        if wizard.circles:
            self.circle.setCurrentIndex(1)
        self.source = _catalogue_combo(
            self, "personSource", wizard.sources, self.tr("— not chosen —")
        )
        self.notes = _line(self, "personNotes")
        form = self.person.form  # one form, so that the labels line up
        self.errors.add_row(form, self.tr("Ci&rcle:"), self.circle, "client.circle_id")
        self.errors.add_row(form, self.tr("&Source:"), self.source, "client.source_id")
        self.errors.add_row(form, self.tr("&Comment:"), self.notes, "client.notes")
        layout = QVBoxLayout(self)
        layout.addWidget(self.person)
        layout.addWidget(self.general_error)
        layout.addStretch(1)

    def client_draft(self) -> p.ClientDraft:
        return p.ClientDraft(
            name="",  # named after the person by register_partner
            circle_id=_combo_id(self.circle),
            source_id=_combo_id(self.source),
            notes=_text(self.notes),
            channels=self.person.channels("client."),
        )

    def entry(self) -> reg.ContactEntry:
        return self.person.entry(primary=True)

    def validatePage(self) -> bool:
        owner = self.owner

        def check() -> None:
            errors: dict[str, Message] = {}
            try:
                reg.check_contact(self.person.draft())
            except ValidationError as exc:
                errors.update(_prefixed("contacts[0].", exc.field_errors))
            client = replace(self.client_draft(), name=self.person.full_name() or "-")
            try:
                reg.check_client(owner.db, client)
            except ValidationError as exc:
                for name, message in _prefixed("client.", exc.field_errors).items():
                    if not name.startswith("client.channels["):  # the person's, shown once
                        errors.setdefault(name, message)
            if errors:
                raise ValidationError(errors)

        return owner.check_page(self, check, "")

    def nextId(self) -> int:
        return PageId.DUPLICATES


# --- requisites ----------------------------------------------------------------------------------


class RequisitesPage(_Page):
    """The legal entity documents are made out to; optional."""

    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Requisites"))
        self.setSubTitle(
            self.tr(
                "The legal entity invoices and contracts are made out to. You can add it "
                "later from the client's card."
            )
        )
        self.enter_now = QCheckBox(self.tr("&Enter the requisites of the legal entity now"), self)
        self.enter_now.setObjectName("requisitesEnabled")
        self.enter_now.setChecked(True)
        self.legal_form = QComboBox(self)
        self.legal_form.setObjectName("legalForm")
        for item in wizard.legal_forms:
            label = item.name
            if item.extra.get("full_name") and item.extra["full_name"] != item.name:
                label = f"{item.name} — {item.extra['full_name']}"
            self.legal_form.addItem(label, item.id)
        self.full_name = _line(
            self, "fullName", self.tr("e.g. Limited Liability Company «Romashka»")
        )
        self.short_name = _line(self, "shortName", self.tr("e.g. Romashka LLC"))
        self.inn = _line(self, "inn")
        self.kpp = _line(self, "kpp")
        self.ogrn = _line(self, "ogrn")
        self.legal_address = _line(self, "legalAddress")
        self.postal_address = _line(self, "postalAddress")
        self.ogrn_label = QLabel(self.tr("&OGRN:"), self)
        form = QFormLayout()
        e = self.errors
        e.add_row(form, self.tr("&Legal form:"), self.legal_form, "counterparty.legal_form_id")
        e.add_row(form, self.tr("&Full name:"), self.full_name, "counterparty.full_name")
        e.add_row(form, self.tr("S&hort name:"), self.short_name, "counterparty.short_name")
        e.add_row(form, self.tr("&INN:"), self.inn, "counterparty.inn")
        e.add_row(form, self.tr("&KPP:"), self.kpp, "counterparty.kpp")
        e.add_row(form, self.ogrn_label, self.ogrn, "counterparty.ogrn")
        e.add_row(
            form, self.tr("Le&gal address:"), self.legal_address, "counterparty.legal_address"
        )
        e.add_row(
            form, self.tr("&Postal address:"), self.postal_address, "counterparty.postal_address"
        )
        self.fields = QWidget(self)
        self.fields.setLayout(form)
        self.errors.register(self.general_error, self.enter_now, "client.counterparties")
        layout = QVBoxLayout(self)
        layout.addWidget(self.enter_now)
        layout.addWidget(self.fields)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.enter_now.toggled.connect(self._update_enabled)
        self.legal_form.currentIndexChanged.connect(self._update_enabled)
        self._update_enabled()

    def legal_kind(self) -> str:
        """legal | individual | person, from the chosen legal form."""
        chosen = _combo_id(self.legal_form)
        for item in self.owner.legal_forms:
            if item.id == chosen:
                return item.extra.get("kind", "legal")
        return "legal"

    @Slot()
    def _update_enabled(self) -> None:
        on = self.enter_now.isChecked()
        self.fields.setEnabled(on)
        kind = self.legal_kind()
        self.kpp.setEnabled(on and kind == "legal")
        self.ogrn.setEnabled(on and kind != "person")
        self.ogrn_label.setText(self.tr("&OGRNIP:") if kind == "individual" else self.tr("&OGRN:"))

    def initializePage(self) -> None:
        """Offer the client's name and the legal form it starts or ends with."""
        name = self.owner.client_page.name.text().strip()
        if name and not self.full_name.text() and not self.short_name.text():
            self.full_name.setText(name)
            self.short_name.setText(name)
            words = set(re.findall(r"\w+", name.upper()))
            for item in self.owner.legal_forms:
                if item.name.upper() in words:
                    select_data(self.legal_form, item.id)
                    break

    def draft(
        self, bank_accounts: tuple[p.BankAccountDraft, ...] = ()
    ) -> p.CounterpartyDraft | None:
        if not self.enter_now.isChecked():
            return None
        legal_form_id = _combo_id(self.legal_form)
        return p.CounterpartyDraft(
            legal_form_id=legal_form_id if legal_form_id is not None else uuid.UUID(int=0),
            full_name=self.full_name.text(),
            short_name=_text(self.short_name),
            inn=_text(self.inn),
            kpp=_text(self.kpp) if self.kpp.isEnabled() else None,
            ogrn=_text(self.ogrn) if self.ogrn.isEnabled() else None,
            legal_address=_text(self.legal_address),
            postal_address=_text(self.postal_address),
            bank_accounts=bank_accounts,
        )

    def validatePage(self) -> bool:
        draft = self.draft()
        if draft is None:
            self.errors.clear()
            return True
        return self.owner.check_page(
            self, lambda: reg.check_counterparty(self.owner.db, draft), "counterparty."
        )

    def nextId(self) -> int:
        return PageId.CONTACTS


# --- contact persons -----------------------------------------------------------------------------


class ContactForm(QWidget):
    """One contact person of the company, with its own error lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.general_error = ErrorLabel(self)
        self.errors = FieldErrors(self.general_error)
        self.fields = PersonFields(self, self.errors, "", with_job=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)
        layout.addWidget(self.general_error)
        layout.addStretch(1)

    def title(self) -> str:
        return self.fields.full_name() or QCoreApplication.translate(
            "RegistrationWizard", "(new contact person)"
        )


class ContactsPage(_Page):
    """The company's contact persons: a list on the left, the chosen one's form on the right."""

    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Contact persons"))
        self.setSubTitle(
            self.tr("Who orders, pays, signs and decides. A form left empty is not saved.")
        )
        self.list = QListWidget(self)
        self.list.setObjectName("contactList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMaximumWidth(240)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setObjectName("addContact")
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.remove_button.setObjectName("removeContact")
        self.stack = QStackedWidget(self)
        self.forms: list[ContactForm] = []
        self.errors.register(self.general_error, self.list, "contacts", "client.contacts")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addLayout(buttons)
        top = QHBoxLayout()
        top.addLayout(left)
        top.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.general_error)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.add_button.clicked.connect(self.add_contact)
        self.remove_button.clicked.connect(self.remove_contact)
        self.add_contact()

    @Slot()
    def add_contact(self) -> ContactForm:
        form = ContactForm(self.stack)
        self.forms.append(form)
        self.stack.addWidget(form)
        item = QListWidgetItem(form.title(), self.list)
        form.fields.changed.connect(lambda: item.setText(form.title()))
        self.list.setCurrentRow(len(self.forms) - 1)
        form.fields.last_name.setFocus()
        self._update_buttons()
        return form

    @Slot()
    def remove_contact(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        form = self.forms.pop(row)
        self.list.takeItem(row)
        self.stack.removeWidget(form)
        form.deleteLater()
        if not self.forms:
            self.add_contact()
        self._update_buttons()

    def current_form(self) -> ContactForm:
        return self.forms[max(self.list.currentRow(), 0)]

    @Slot(int)
    def _on_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.forms):
            self.stack.setCurrentWidget(self.forms[row])

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.forms))

    def filled(self) -> list[ContactForm]:
        return [form for form in self.forms if not form.fields.is_blank()]

    def entries(self) -> tuple[reg.ContactEntry, ...]:
        return tuple(
            form.fields.entry(primary=index == 0) for index, form in enumerate(self.filled())
        )

    def claims(self, name: str) -> bool:
        return name in ("contacts", "client.contacts") or bool(_CONTACT_KEY.match(name))

    def show_errors(self, errors: Mapping[str, Message]) -> None:
        filled = self.filled()
        per_form: dict[int, dict[str, Message]] = {}
        rest: dict[str, Message] = {}
        for name, message in errors.items():
            match = _CONTACT_KEY.match(name)
            if match and int(match.group(1)) < len(filled):
                index = self.forms.index(filled[int(match.group(1))])
                per_form.setdefault(index, {})[match.group(2)] = message
            else:
                rest[name] = message
        for index, form in enumerate(self.forms):
            form.errors.show(per_form.get(index, {}), focus=False)
        self.errors.show(rest, focus=False)
        if per_form:
            first = min(per_form)
            self.list.setCurrentRow(first)
            self.forms[first].errors.show(per_form[first])

    def validatePage(self) -> bool:
        for form in self.forms:  # names of the channels follow what is filled in now
            form.fields.channels()
        errors: dict[str, Message] = {}
        for index, form in enumerate(self.filled()):
            try:
                reg.check_contact(form.fields.draft())
            except ValidationError as exc:
                errors.update(_prefixed(f"contacts[{index}].", exc.field_errors))
        self.show_errors(errors)
        return not errors

    def nextId(self) -> int:
        return (
            PageId.BANK if self.owner.requisites_page.enter_now.isChecked() else PageId.DUPLICATES
        )


# --- bank account --------------------------------------------------------------------------------

_BANK = "counterparty.bank_accounts[0]."


class BankPage(_Page):
    """The legal entity's main bank account; optional."""

    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Bank account"))
        self.setSubTitle(
            self.tr("The settlement account for invoices. You can add it later as well.")
        )
        self.enter_now = QCheckBox(self.tr("&Add a bank account now"), self)
        self.enter_now.setObjectName("bankEnabled")
        self.bik = _line(self, "bik", "044525225")
        self.account = _line(self, "account")
        self.corr_account = _line(self, "corrAccount")
        self.bank_name = _line(self, "bankName", self.tr("e.g. PJSC Sberbank"))
        form = QFormLayout()
        e = self.errors
        e.add_row(form, self.tr("&BIK:"), self.bik, f"{_BANK}bik")
        e.add_row(form, self.tr("Settlement a&ccount:"), self.account, f"{_BANK}account")
        e.add_row(
            form, self.tr("Co&rrespondent account:"), self.corr_account, f"{_BANK}corr_account"
        )
        e.add_row(form, self.tr("Ban&k:"), self.bank_name, f"{_BANK}bank_name")
        self.fields = QWidget(self)
        self.fields.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enter_now)
        layout.addWidget(self.fields)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.enter_now.toggled.connect(self.fields.setEnabled)
        self.fields.setEnabled(False)

    def drafts(self) -> tuple[p.BankAccountDraft, ...]:
        if not self.enter_now.isChecked():
            return ()
        return (
            p.BankAccountDraft(
                bik=self.bik.text(),
                account=self.account.text(),
                bank_name=self.bank_name.text(),
                corr_account=_text(self.corr_account),
                is_main=True,
            ),
        )

    def validatePage(self) -> bool:
        draft = self.owner.requisites_page.draft(self.drafts())
        if draft is None or not draft.bank_accounts:
            self.errors.clear()
            return True
        return self.owner.check_page(
            self, lambda: reg.check_counterparty(self.owner.db, draft), "counterparty."
        )

    def nextId(self) -> int:
        return PageId.DUPLICATES


# --- duplicate check -----------------------------------------------------------------------------

CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole


class DuplicatesPage(_Page):
    """Partners already registered that look like the new one; open one of them, or go on."""

    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Duplicate check"))
        self.setSubTitle(
            self.tr(
                "Partners already registered with the same INN, phone or e-mail, or a similar "
                "name. Nothing has been saved yet."
            )
        )
        self.candidates: list[duplicates.DuplicateCandidate] = []
        self.summary = QLabel(self)
        self.summary.setObjectName("duplicatesSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("duplicates")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Partner"), self.tr("Why it looks the same")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnWidth(0, 300)
        self.open_button = QPushButton(self.tr("&Open this partner instead"), self)
        self.open_button.setObjectName("openExisting")
        self.open_button.setEnabled(False)
        hint = QLabel(
            self.tr("If the new partner is none of these, press Next to go on with registration."),
            self,
        )
        make_hint(hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.general_error)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection_changed)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        self.open_button.clicked.connect(self.open_selected)

    def initializePage(self) -> None:
        self.tree.clear()
        self.errors.clear()
        try:
            self.candidates = reg.duplicates_of(self.owner.db, self.owner.registration())
        except UserError as exc:
            self.candidates = []
            self.errors.show_general(messages.user_message(exc))
        for candidate in self.candidates:
            item = QTreeWidgetItem(self.tree, [candidate.name, candidate_reasons(candidate)])
            item.setData(0, CLIENT_ID_ROLE, candidate.client_id)
            item.setToolTip(1, item.text(1))
        if self.candidates:
            self.summary.setText(
                self.tr(
                    "Found %n partner(s) that may be the one you are registering:",
                    None,
                    len(self.candidates),
                )
            )
            self.tree.show()
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)
        else:
            self.summary.setText(self.tr("No partner like this one is registered yet."))
            self.tree.hide()
        self.open_button.setVisible(bool(self.candidates))
        self._on_tree_selection_changed()

    def reason_texts(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item.text(1) for item in items if item is not None]

    def selected_client_id(self) -> uuid.UUID | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(0, CLIENT_ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    @Slot()
    def _on_tree_selection_changed(self) -> None:
        self.open_button.setEnabled(self.selected_client_id() is not None)

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_double_clicked(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.open_selected()

    @Slot()
    def open_selected(self) -> None:
        client_id = self.selected_client_id()
        if client_id is not None:
            self.owner.open_existing(client_id)

    def nextId(self) -> int:
        return PageId.SUMMARY


# --- summary -------------------------------------------------------------------------------------


class SummaryPage(_Page):
    """What Finish will create; the registration itself happens in :meth:`validatePage`."""

    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(
            self.tr("Nothing has been saved yet. Press Finish to register the partner.")
        )
        self.view = QTextBrowser(self)
        self.view.setObjectName("summary")
        self.view.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.general_error)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        self.errors.clear()
        self.view.setHtml(self.owner.summary_html())

    def claims(self, name: str) -> bool:
        return False

    def validatePage(self) -> bool:
        return self.owner.finish()

    def nextId(self) -> int:
        return -1


# --- the wizard ----------------------------------------------------------------------------------


class RegistrationWizard(QWizard):
    """New partner registration; nothing is written before Finish.

    After ``accept()``: :attr:`registration_result` holds what was created, or
    :attr:`existing_client_id` the partner the user chose to open instead; :attr:`client_id`
    is either.

    Signals:
        registered(client_id): the partner was registered (Finish succeeded).
    """

    registered = Signal(object)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.registration_result: reg.RegistrationResult | None = None
        self.existing_client_id: uuid.UUID | None = None
        self.legal_forms = p.catalogue(db, "legal_form")
        self.circles = p.catalogue(db, "client_circle")
        self.sources = p.catalogue(db, "info_source")
        self.setObjectName("registrationWizard")
        self.setWindowTitle(self.tr("New partner registration wizard"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(760, 600)
        self.kind_page = KindPage(self)
        self.client_page = ClientPage(self)
        self.person_page = PersonPage(self)
        self.requisites_page = RequisitesPage(self)
        self.contacts_page = ContactsPage(self)
        self.bank_page = BankPage(self)
        self.duplicates_page = DuplicatesPage(self)
        self.summary_page = SummaryPage(self)
        self.pages: dict[PageId, _Page] = {
            PageId.KIND: self.kind_page,
            PageId.CLIENT: self.client_page,
            PageId.PERSON: self.person_page,
            PageId.REQUISITES: self.requisites_page,
            PageId.CONTACTS: self.contacts_page,
            PageId.BANK: self.bank_page,
            PageId.DUPLICATES: self.duplicates_page,
            PageId.SUMMARY: self.summary_page,
        }
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        self.setStartId(PageId.KIND)

    @classmethod
    def run(cls, parent: QWidget | None, db: Database, actor: Actor) -> uuid.UUID | None:
        """Show the wizard; the id of the client to open (new or existing), None if cancelled."""
        wizard = cls(db, actor, parent)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        return wizard.client_id

    @property
    def client_id(self) -> uuid.UUID | None:
        if self.existing_client_id is not None:
            return self.existing_client_id
        return self.registration_result.client_id if self.registration_result is not None else None

    @property
    def kind(self) -> reg.PartnerKind:
        return self.kind_page.kind()

    def registration(self) -> reg.PartnerRegistration:
        """What the pages say now, as the service's input."""
        if self.kind == "person":
            return reg.PartnerRegistration(
                kind="person",
                client=self.person_page.client_draft(),
                contacts=(self.person_page.entry(),),
            )
        return reg.PartnerRegistration(
            kind="company",
            client=self.client_page.draft(),
            counterparty=self.requisites_page.draft(self.bank_page.drafts()),
            contacts=self.contacts_page.entries(),
        )

    def check_page(self, page: _Page, check: Callable[[], object], prefix: str) -> bool:
        """Run ``check`` (a service call that raises ValidationError); show what it says."""
        try:
            check()
        except ValidationError as exc:
            page.show_errors(_prefixed(prefix, exc.field_errors))
            return False
        except UserError as exc:
            page.errors.clear()
            page.errors.show_general(messages.user_message(exc))
            return False
        page.errors.clear()
        return True

    def open_existing(self, client_id: uuid.UUID) -> None:
        """Leave without registering: the caller opens ``client_id``'s card instead."""
        self.existing_client_id = client_id
        QDialog.done(self, QDialog.DialogCode.Accepted)

    def finish(self) -> bool:
        """Register everything in one transaction; on a problem, go to the page that has it."""
        try:
            self.registration_result = reg.register_partner(
                self.db, self.actor, self.registration()
            )
        except ValidationError as exc:
            self._route_errors(exc.field_errors)
            return False
        except UserError as exc:
            self.summary_page.errors.show_general(messages.user_message(exc))
            return False
        self.registered.emit(self.registration_result.client_id)
        return True

    def _route_errors(self, errors: Mapping[str, Message]) -> None:
        visited = [PageId(i) for i in self.visitedIds()]
        per_page: dict[PageId, dict[str, Message]] = {}
        unclaimed: dict[str, Message] = {}
        for name, message in errors.items():
            owner = next((i for i in visited if self.pages[i].claims(name)), None)
            if owner is None:
                unclaimed[name] = message
            else:
                per_page.setdefault(owner, {})[name] = message
        target = min(per_page, key=visited.index) if per_page else PageId.SUMMARY
        per_page.setdefault(target, {}).update(unclaimed)
        for page_id, page_errors in per_page.items():
            if page_id != target:
                self.pages[page_id].show_errors(page_errors)
        while self.currentId() != target and self.currentId() != self.startId():
            self.back()
        self.pages[target].show_errors(per_page[target])

    # --- summary ---------------------------------------------------------------------------------

    def _name_of(self, items: Sequence[p.CatalogueItem], item_id: uuid.UUID | None) -> str:
        return next((i.name for i in items if i.id == item_id), "")

    def summary_html(self) -> str:
        registration = self.registration()
        client = registration.client
        rows: list[tuple[str, str]] = []

        def section(title: str) -> None:
            rows.append((f"<h3>{html.escape(title)}</h3>", ""))

        def row(label: str, value: str | None) -> None:
            if value:
                rows.append((html.escape(label), html.escape(value)))

        def channels(drafts: Sequence[p.ChannelDraft]) -> None:
            row(self.tr("Phone:"), ", ".join(c.value for c in drafts if c.kind == "phone"))
            row(self.tr("E-mail:"), ", ".join(c.value for c in drafts if c.kind == "email"))

        if registration.kind == "person":
            person = self.person_page.person
            section(self.tr("Client and contact person (private person)"))
            row(self.tr("Last, first and middle name:"), person.full_name())
            channels(person.draft().channels)
        else:
            section(self.tr("Client"))
            row(self.tr("Name:"), client.name.strip())
            channels(client.channels)
            row(self.tr("Industry:"), client.industry)
            row(
                self.tr("Head-count:"),
                str(client.head_count) if client.head_count is not None else "",
            )
        row(self.tr("Circle:"), self._name_of(self.circles, client.circle_id))
        row(self.tr("Source:"), self._name_of(self.sources, client.source_id))
        row(self.tr("Responsible:"), self.actor.full_name)
        row(self.tr("Comment:"), client.notes)
        counterparty = registration.counterparty
        if counterparty is not None:
            section(self.tr("Counterparty (legal entity)"))
            row(self.tr("Legal form:"), self._name_of(self.legal_forms, counterparty.legal_form_id))
            row(self.tr("Full name:"), counterparty.full_name.strip())
            row(self.tr("Short name:"), counterparty.short_name)
            row(self.tr("INN:"), counterparty.inn)
            row(self.tr("KPP:"), counterparty.kpp)
            individual = self.requisites_page.legal_kind() == "individual"
            row(self.tr("OGRNIP:") if individual else self.tr("OGRN:"), counterparty.ogrn)
            row(self.tr("Legal address:"), counterparty.legal_address)
            row(self.tr("Postal address:"), counterparty.postal_address)
            for account in counterparty.bank_accounts:
                row(
                    self.tr("Bank account:"),
                    self.tr("{account} in {bank}, BIK {bik}").format(
                        account=account.account.strip(),
                        bank=account.bank_name.strip(),
                        bik=account.bik.strip(),
                    ),
                )
        if registration.kind == "company":
            section(self.tr("Contact persons"))
            if not registration.contacts:
                rows.append((html.escape(self.tr("none")), ""))
            for entry in registration.contacts:
                person_name = " ".join(
                    x
                    for x in (
                        entry.person.last_name.strip(),
                        entry.person.first_name,
                        entry.person.middle_name,
                    )
                    if x
                )
                details = [x for x in (entry.position, entry.role) if x]
                details += [c.value for c in entry.person.channels]
                if entry.signs_for_counterparty and counterparty is not None:
                    details.append(self.tr("signs documents"))
                rows.append(("<b>" + html.escape(person_name), html.escape(", ".join(details))))

        def html_row(label: str, value: str) -> str:
            if label.startswith("<h3>"):
                return f"<tr><td colspan='2'>{label}</td></tr>"
            if label.startswith("<b>"):  # a contact person: the name is data, not a caption
                return f"<tr><td style='padding-right:16px'>{label[3:]}</td><td>{value}</td></tr>"
            return (
                f"<tr><td style='padding-right:16px; color:#5f6368'>{label}</td>"
                f"<td>{value}</td></tr>"
            )

        body = "".join(html_row(label, value) for label, value in rows)
        return f"<table cellspacing='2'>{body}</table>"


__all__ = [
    "REASON_TEXTS",
    "PageId",
    "RegistrationWizard",
    "candidate_reasons",
    "reason_text",
]
