"""«Квалификация лида»: the wizard that converts a lead into a client.

Pages: what the lead matches (the registration's duplicate check: the same INN first, then
phone, e-mail, similar name) with the choice «use this existing client» — preselected when a
client has the lead's INN — or «create a new client» → the new client, its counterparty (when
the INN is known; may be unticked) and the contact person, prefilled from
:func:`~crm_desktop.services.leads.conversion_defaults`, or for an existing client the choice of
its contact → an optional typical-sale deal → summary. Finish calls
:func:`~crm_desktop.services.leads.convert` once (one transaction).

When the service says a client with the lead's INN already exists
(:class:`~crm_desktop.errors.ConfirmationNeededError` on ``client_id``), the summary shows those
clients and Finish needs the explicit «create a new client anyway» tick. Field errors
(``client.name``, ``counterparty.kpp``, ``contact.last_name``, ``deal.title``) take the user back
to the page and field they concern.
"""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from enum import IntEnum

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crm_desktop.db import Database
from crm_desktop.errors import (
    ConcurrencyError,
    ConfirmationNeededError,
    Message,
    UserError,
    ValidationError,
)
from crm_desktop.services import duplicates, leads
from crm_desktop.services import parties as p
from crm_desktop.services import registration as reg
from crm_desktop.services.leads import ConversionPlan, LeadDetails
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.widgets.fields import ErrorLabel
from crm_desktop.views.wizards.fields import FieldErrors, make_hint
from crm_desktop.views.wizards.registration import (
    CONTACT_ROLES,
    candidate_reasons,
    select_data,
    wizard_text,
)

CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole
DEAL_TITLE_CHARS = 120
WARNING_STYLE = (
    "QFrame#duplicateWarning { background: #fff4ce; border: 1px solid #e0c060;"
    " border-radius: 3px; }"
)


class PageId(IntEnum):
    MATCH = 0
    DETAILS = 1
    DEAL = 2
    SUMMARY = 3


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


def _line(parent: QWidget, name: str, text: str | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setText(text or "")
    return edit


def _combo(
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


def _prefixed(prefix: str, errors: Mapping[str, Message]) -> dict[str, Message]:
    return {f"{prefix}{name}": message for name, message in errors.items()}


def fill_candidates(tree: QTreeWidget, candidates: Sequence[duplicates.DuplicateCandidate]) -> None:
    """The clients the lead may be, one row each with why (as the registration shows them)."""
    tree.clear()
    for candidate in candidates:
        item = QTreeWidgetItem(tree, [candidate.name, candidate_reasons(candidate)])
        item.setData(0, CLIENT_ID_ROLE, candidate.client_id)
        item.setToolTip(1, item.text(1))


def counterparty_from_lead(
    lead: LeadDetails, legal_forms: Sequence[p.CatalogueItem]
) -> p.CounterpartyDraft | None:
    """A counterparty from the lead's requisites (None without an INN): the legal form named
    in the company (``ООО «Ромашка»`` → ООО), else ООО for 10 digits, ИП for 12."""
    inn = (lead.inn or "").strip()
    if not inn:
        return None
    kind = "legal" if len(inn) == 10 else "individual"
    forms = [f for f in legal_forms if f.extra.get("kind", "legal") == kind] or list(legal_forms)
    if not forms:
        return None
    company = (lead.company or lead.name).strip()
    words = {w.casefold() for w in re.findall(r"\w+", company)}
    form = next((f for f in forms if f.name.casefold() in words), None)
    if form is None:
        default = "ooo" if kind == "legal" else "ip"
        form = next((f for f in forms if f.code == default), forms[0])
    return p.CounterpartyDraft(
        legal_form_id=form.id,
        full_name=company,
        short_name=company,
        inn=inn,
        kpp=lead.kpp if kind == "legal" else None,
    )


def _candidates_tree(parent: QWidget, name: str) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    tree.setColumnCount(2)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setColumnWidth(0, 300)
    return tree


class _Page(QWizardPage):
    """A page with field errors and the wizard it belongs to."""

    prefixes: tuple[str, ...] = ()

    def __init__(self, wizard: ConversionWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.general_error = ErrorLabel(self)
        self.general_error.setObjectName("pageError")
        self.errors = FieldErrors(self.general_error)

    def claims(self, name: str) -> bool:
        """Whether the error ``name`` belongs on this page."""
        return self.errors.label(name) is not None or name.startswith(self.prefixes)

    def show_errors(self, errors: Mapping[str, Message]) -> None:
        self.errors.show(errors)


# --- what the lead matches -----------------------------------------------------------------------


class LeadMatchPage(_Page):
    """Clients that look like the lead; use one of them, or create a new client."""

    def __init__(self, wizard: ConversionWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Who is the lead"))
        self.setSubTitle(
            self.tr(
                "Clients already registered with the same INN, phone or e-mail, or a similar "
                "name. Nothing has been saved yet."
            )
        )
        lead = wizard.lead
        known = [x for x in (lead.name, lead.company, lead.phone, lead.email) if x]
        if lead.inn:
            known.append(self.tr("INN {inn}").format(inn=lead.inn))
        self.lead_label = QLabel(
            self.tr("The lead {number}: {known}").format(
                number=lead.number, known=", ".join(known)
            ),
            self,
        )
        self.lead_label.setObjectName("leadSummary")
        self.lead_label.setTextFormat(Qt.TextFormat.PlainText)
        self.lead_label.setWordWrap(True)
        font = self.lead_label.font()
        font.setBold(True)
        self.lead_label.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("candidatesSummary")
        self.summary.setWordWrap(True)
        self.tree = _candidates_tree(self, "candidates")
        self.tree.setHeaderLabels([self.tr("Client"), self.tr("Why it looks the same")])
        self.use_existing = QRadioButton(self.tr("&Use the client selected above"), self)
        self.use_existing.setObjectName("useExisting")
        self.create_new = QRadioButton(self.tr("&Create a new client"), self)
        self.create_new.setObjectName("createNew")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.use_existing)
        self.choice.addButton(self.create_new)
        self.hint = QLabel(self)
        make_hint(self.hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lead_label)
        layout.addSpacing(6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.use_existing)
        layout.addWidget(self.create_new)
        layout.addWidget(self.hint)
        layout.addWidget(self.general_error)
        self.errors.register(self.general_error, self.tree, "client_id")
        fill_candidates(self.tree, wizard.candidates)
        if wizard.candidates:
            self.summary.setText(
                self.tr("Found %n client(s) that may be this lead:", None, len(wizard.candidates))
            )
        else:
            self.summary.setText(self.tr("No client like this lead is registered yet."))
            self.tree.hide()
            self.use_existing.hide()
            layout.addStretch(1)  # the choices stay at the top without the list
        preselected = wizard.defaults.client_id
        if preselected is not None and self.select_client(preselected):
            self.use_existing.setChecked(True)
            self.hint.setText(
                self.tr(
                    "The selected client has the lead's INN: the lead is most likely this "
                    "client, so it is chosen for you."
                )
            )
        else:
            self.create_new.setChecked(True)
            self.tree.clearSelection()
        self.tree.itemClicked.connect(self._on_tree_item_clicked)
        self.tree.itemSelectionChanged.connect(self.completeChanged)
        self.choice.buttonToggled.connect(self._on_choice_toggled)

    def select_client(self, client_id: uuid.UUID) -> bool:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, CLIENT_ID_ROLE) == client_id:
                self.tree.setCurrentItem(item)
                item.setSelected(True)
                return True
        return False

    def selected_client_id(self) -> uuid.UUID | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(0, CLIENT_ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    def existing_client_id(self) -> uuid.UUID | None:
        """The client to convert the lead to, or None: a new client."""
        if not self.use_existing.isChecked():
            return None
        return self.selected_client_id()

    def existing_client_name(self) -> str:
        item = self.tree.currentItem()
        return item.text(0) if item is not None and self.existing_client_id() else ""

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_clicked(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.use_existing.setChecked(True)

    @Slot()
    def _on_choice_toggled(self, *_args: object) -> None:
        self.errors.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.create_new.isChecked() or self.selected_client_id() is not None

    def validatePage(self) -> bool:
        if self.use_existing.isChecked() and self.selected_client_id() is None:
            self.errors.show_general(self.tr("Choose the client in the list."))
            return False
        self.errors.clear()
        return True

    def nextId(self) -> int:
        return PageId.DETAILS


# --- the client, its counterparty, the contact ---------------------------------------------------


class LeadDetailsPage(_Page):
    """The new client (or the existing one's name), the counterparty, the contact person."""

    prefixes = ("client.", "counterparty.", "contact.")

    def __init__(self, wizard: ConversionWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Client, counterparty and contact person"))
        self.setSubTitle(
            self.tr("Filled in from the lead; correct what is needed. Nothing is saved yet.")
        )
        defaults = wizard.defaults
        lead = wizard.lead
        e = self.errors

        # the client
        self.client_group = QGroupBox(self.tr("New client"), self)
        new_client = defaults.new_client or p.ClientDraft(
            name=lead.company or lead.name, source_id=lead.source_id
        )
        self.client_name = _line(self.client_group, "clientName", new_client.name)
        self.circle = _combo(
            self.client_group, "clientCircle", wizard.circles, self.tr("— not chosen —")
        )
        if new_client.circle_id is not None:
            select_data(self.circle, new_client.circle_id)
        elif wizard.circles:
            self.circle.setCurrentIndex(1)
        self.source = _combo(
            self.client_group, "clientSource", wizard.sources, self.tr("— not chosen —")
        )
        select_data(self.source, new_client.source_id or lead.source_id)
        self._client_channels = new_client.channels
        client_form = QFormLayout(self.client_group)
        e.add_row(client_form, self.tr("&Name:"), self.client_name, "client.name")
        e.add_row(client_form, self.tr("Ci&rcle:"), self.circle, "client.circle_id")
        e.add_row(client_form, self.tr("&Source:"), self.source, "client.source_id")
        self.existing_label = QLabel(self)
        self.existing_label.setObjectName("existingClient")
        self.existing_label.setWordWrap(True)

        # the counterparty
        self.counterparty_group = QGroupBox(self.tr("Counterparty (legal entity)"), self)
        self.with_counterparty = QCheckBox(self.counterparty_group)
        self.with_counterparty.setObjectName("withCounterparty")
        cp = wizard.lead_counterparty
        self.legal_form = QComboBox(self.counterparty_group)
        self.legal_form.setObjectName("legalForm")
        for item in wizard.legal_forms:
            label = item.name
            if item.extra.get("full_name") and item.extra["full_name"] != item.name:
                label = f"{item.name} — {item.extra['full_name']}"
            self.legal_form.addItem(label, item.id)
        if cp is not None:
            select_data(self.legal_form, cp.legal_form_id)
        self.full_name = _line(self.counterparty_group, "fullName", cp.full_name if cp else "")
        self.short_name = _line(self.counterparty_group, "shortName", cp.short_name if cp else "")
        self.inn = _line(self.counterparty_group, "inn", cp.inn if cp else lead.inn)
        self.kpp = _line(self.counterparty_group, "kpp", cp.kpp if cp else lead.kpp)
        self.counterparty_fields = QWidget(self.counterparty_group)
        cp_form = QFormLayout(self.counterparty_fields)
        cp_form.setContentsMargins(0, 0, 0, 0)
        e.add_row(cp_form, self.tr("&Legal form:"), self.legal_form, "counterparty.legal_form_id")
        e.add_row(cp_form, self.tr("&Full name:"), self.full_name, "counterparty.full_name")
        e.add_row(cp_form, self.tr("S&hort name:"), self.short_name, "counterparty.short_name")
        e.add_row(cp_form, self.tr("&INN:"), self.inn, "counterparty.inn")
        e.add_row(cp_form, self.tr("&KPP:"), self.kpp, "counterparty.kpp")
        self.counterparty_hint = QLabel(self.counterparty_group)
        make_hint(self.counterparty_hint)
        cp_layout = QVBoxLayout(self.counterparty_group)
        cp_layout.addWidget(self.with_counterparty)
        cp_layout.addWidget(self.counterparty_fields)
        cp_layout.addWidget(self.counterparty_hint)
        self.with_counterparty.toggled.connect(self._update_enabled)

        # the contact person
        self.contact_group = QGroupBox(self.tr("Contact person"), self)
        self.new_contact = QRadioButton(self.tr("Create a ne&w contact person"), self)
        self.new_contact.setObjectName("newContact")
        self.existing_contact = QRadioButton(self.tr("An e&xisting contact of the client:"), self)
        self.existing_contact.setObjectName("existingContact")
        self.no_contact = QRadioButton(self.tr("No contact person"), self)
        self.no_contact.setObjectName("noContact")
        self.contact_choice = QButtonGroup(self)
        for button in (self.new_contact, self.existing_contact, self.no_contact):
            self.contact_choice.addButton(button)
        self.new_contact.setChecked(True)
        self.contact_combo = QComboBox(self.contact_group)
        self.contact_combo.setObjectName("contactChoice")
        person = defaults.new_contact or p.ContactDraft(last_name=lead.name)
        phone = next((c.value for c in person.channels if c.kind == "phone"), lead.phone)
        email = next((c.value for c in person.channels if c.kind == "email"), lead.email)
        self.contact_fields = QWidget(self.contact_group)
        self.last_name = _line(self.contact_fields, "lastName", person.last_name)
        self.first_name = _line(self.contact_fields, "firstName", person.first_name)
        self.middle_name = _line(self.contact_fields, "middleName", person.middle_name)
        self.phone = _line(self.contact_fields, "phone", phone)
        self.email = _line(self.contact_fields, "email", email)
        self.position = _line(self.contact_fields, "position", defaults.contact_position)
        self.role = QComboBox(self.contact_fields)
        self.role.setObjectName("role")
        self.role.setEditable(True)
        self.role.addItem(defaults.contact_role or "")
        for role in CONTACT_ROLES:
            self.role.addItem(wizard_text(role))
        contact_form = QFormLayout(self.contact_fields)
        contact_form.setContentsMargins(0, 0, 0, 0)
        e.add_row(contact_form, self.tr("&Last name:"), self.last_name, "contact.last_name")
        e.add_row(contact_form, self.tr("&First name:"), self.first_name, "contact.first_name")
        e.add_row(contact_form, self.tr("&Middle name:"), self.middle_name, "contact.middle_name")
        self.phone_error = e.add_row(contact_form, self.tr("P&hone:"), self.phone)
        self.email_error = e.add_row(contact_form, self.tr("E-&mail:"), self.email)
        e.add_row(contact_form, self.tr("P&osition:"), self.position, "contact.position")
        e.add_row(contact_form, self.tr("&Role:"), self.role, "contact.role")
        contact_layout = QVBoxLayout(self.contact_group)
        contact_layout.addWidget(self.new_contact)
        contact_layout.addWidget(self.contact_fields)
        contact_layout.addWidget(self.existing_contact)
        self.contact_combo_error = ErrorLabel(self.contact_group)
        contact_layout.addWidget(self.contact_combo)
        contact_layout.addWidget(self.contact_combo_error)
        contact_layout.addWidget(self.no_contact)
        e.register(self.contact_combo_error, self.contact_combo, "contact_id", "contact.contact_id")
        self.contact_choice.buttonToggled.connect(self._update_enabled)

        columns = QWidget(self)
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(self.existing_label)
        left.addWidget(self.client_group)
        left.addWidget(self.counterparty_group)
        left.addStretch(1)
        row.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.contact_group)
        right.addStretch(1)
        row.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(columns, 1)
        layout.addWidget(self.general_error)
        self._client_id: uuid.UUID | None = None

    # which mode the page is in: the client chosen on the first page
    def initializePage(self) -> None:
        owner = self.owner
        client_id = owner.match_page.existing_client_id()
        changed = client_id != self._client_id or not hasattr(self, "_initialised")
        self._initialised = True
        self._client_id = client_id
        is_new = client_id is None
        self.client_group.setVisible(is_new)
        self.existing_label.setVisible(not is_new)
        has_inn = bool(owner.lead.inn)
        if is_new:
            self.counterparty_group.setTitle(self.tr("Counterparty (legal entity)"))
            self.with_counterparty.setText(self.tr("Create the &counterparty from the lead's INN"))
        else:
            self.existing_label.setText(
                self.tr("The lead goes to the existing client «{client}».").format(
                    client=owner.match_page.existing_client_name()
                )
            )
            self.with_counterparty.setText(
                self.tr("Link the client's &counterparty with the lead's INN")
            )
        editable = is_new and owner.lead_counterparty is not None
        self.counterparty_fields.setVisible(editable)
        if not has_inn:
            self.counterparty_hint.setText(
                self.tr(
                    "The lead has no INN: the counterparty can be added later in the client's card."
                )
            )
        elif not is_new:
            self.counterparty_hint.setText(
                self.tr(
                    "The client's counterparty with INN {inn} is linked; if the client has none, "
                    "it is created from the lead."
                ).format(inn=owner.lead.inn)
            )
        elif not editable:
            self.counterparty_hint.setText(
                self.tr(
                    "The counterparty is made from the lead's INN {inn} and company name."
                ).format(inn=owner.lead.inn)
            )
        else:
            self.counterparty_hint.setText("")
        self.counterparty_hint.setVisible(bool(self.counterparty_hint.text()))
        if changed:
            self.with_counterparty.setChecked(has_inn and owner.defaults.with_counterparty)
            self.contact_combo.clear()
            contacts = [] if is_new else owner.contacts_of(client_id)
            for link in contacts:
                text = link.contact_name
                if link.position:
                    text = f"{text}, {link.position}"
                self.contact_combo.addItem(text, link.contact_id)
            self.existing_contact.setVisible(bool(contacts))
            self.contact_combo.setVisible(bool(contacts))
            self.new_contact.setChecked(True)
        self.with_counterparty.setEnabled(has_inn)
        self._update_enabled()

    @Slot()
    def _update_enabled(self, *_args: object) -> None:
        self.counterparty_fields.setEnabled(self.with_counterparty.isChecked())
        self.contact_fields.setEnabled(self.new_contact.isChecked())
        self.contact_combo.setEnabled(self.existing_contact.isChecked())

    # what the page says
    def client_draft(self) -> p.ClientDraft | None:
        if self._client_id is not None:
            return None
        return p.ClientDraft(
            name=self.client_name.text(),
            circle_id=_combo_id(self.circle),
            source_id=_combo_id(self.source),
            owner_id=self.owner.lead.owner_id,
            channels=self._client_channels,
        )

    def counterparty_draft(self) -> p.CounterpartyDraft | None:
        if not self.with_counterparty.isChecked() or not self.counterparty_fields.isVisibleTo(self):
            return None
        legal_form_id = _combo_id(self.legal_form)
        return p.CounterpartyDraft(
            legal_form_id=legal_form_id if legal_form_id is not None else uuid.UUID(int=0),
            full_name=self.full_name.text(),
            short_name=_text(self.short_name),
            inn=_text(self.inn),
            kpp=_text(self.kpp),
        )

    def contact_channels(self) -> tuple[p.ChannelDraft, ...]:
        """Phone and e-mail in order; their error names follow that order."""
        channels: list[p.ChannelDraft] = []
        for kind, edit, label in (
            ("phone", self.phone, self.phone_error),
            ("email", self.email, self.email_error),
        ):
            value = _text(edit)
            if value is None:
                continue
            self.errors.register(label, edit, f"contact.channels[{len(channels)}]")
            subkind = "mobile" if kind == "phone" else None
            channels.append(p.ChannelDraft(kind, value, subkind=subkind, is_primary=True))
        return tuple(channels)

    def contact_draft(self) -> p.ContactDraft | None:
        if not self.new_contact.isChecked():
            return None
        return p.ContactDraft(
            last_name=self.last_name.text(),
            first_name=_text(self.first_name),
            middle_name=_text(self.middle_name),
            channels=self.contact_channels(),
        )

    def contact_id(self) -> uuid.UUID | None:
        if not self.existing_contact.isChecked():
            return None
        value = self.contact_combo.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def contact_name(self) -> str:
        if self.new_contact.isChecked():
            parts = (self.last_name.text(), self.first_name.text(), self.middle_name.text())
            return " ".join(x.strip() for x in parts if x.strip())
        if self.existing_contact.isChecked():
            return self.contact_combo.currentText()
        return ""

    def validatePage(self) -> bool:
        db = self.owner.db

        def check() -> None:
            errors: dict[str, Message] = {}
            client = self.client_draft()
            if client is not None:
                try:
                    reg.check_client(db, client)
                except ValidationError as exc:
                    errors.update(_prefixed("client.", exc.field_errors))
            counterparty = self.counterparty_draft()
            if counterparty is not None:
                try:
                    reg.check_counterparty(db, counterparty)
                except ValidationError as exc:
                    errors.update(_prefixed("counterparty.", exc.field_errors))
            contact = self.contact_draft()
            if contact is not None:
                try:
                    reg.check_contact(contact)
                except ValidationError as exc:
                    errors.update(_prefixed("contact.", exc.field_errors))
            if self.existing_contact.isChecked() and self.contact_id() is None:
                # the service's own text (UserErrors), translated when shown
                errors["contact_id"] = Message("Choose a value from the list.")
            if errors:
                raise ValidationError(errors)

        return self.owner.check_page(self, check)

    def nextId(self) -> int:
        return PageId.DEAL


# --- the deal ------------------------------------------------------------------------------------


class LeadDealPage(_Page):
    """Optionally a typical sale for the client, at its first stage."""

    prefixes = ("deal.",)

    def __init__(self, wizard: ConversionWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Deal"))
        self.setSubTitle(
            self.tr(
                "A typical sale at its first stage, with the contact person taking part and "
                "the lead's interest as the need."
            )
        )
        self.with_deal = QCheckBox(self.tr("Create a &deal for the client"), self)
        self.with_deal.setObjectName("withDeal")
        self.with_deal.setChecked(True)
        self.title_edit = _line(self, "dealTitle", wizard.suggested_deal_title())
        self.title_edit.setMaxLength(DEAL_TITLE_CHARS * 2)
        self.fields = QWidget(self)
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        self.errors.add_row(form, self.tr("&Title:"), self.title_edit, "deal.title")
        self.interest = QLabel(self)
        self.interest.setObjectName("dealNeed")
        self.interest.setTextFormat(Qt.TextFormat.PlainText)
        self.interest.setWordWrap(True)
        if wizard.lead.interest:
            self.interest.setText(
                self.tr("The need: {interest}").format(interest=wizard.lead.interest)
            )
        make_hint(self.interest)
        layout = QVBoxLayout(self)
        layout.addWidget(self.with_deal)
        layout.addWidget(self.fields)
        layout.addWidget(self.interest)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.with_deal.toggled.connect(self.fields.setEnabled)

    def deal_title(self) -> str | None:
        """The title of the deal to create (None: no deal)."""
        if not self.with_deal.isChecked():
            return None
        return self.title_edit.text()

    def validatePage(self) -> bool:
        if self.with_deal.isChecked() and not self.title_edit.text().strip():
            # the service's own text (UserErrors), translated when shown
            self.errors.show({"deal.title": Message("This field is required.")})
            return False
        self.errors.clear()
        return True

    def nextId(self) -> int:
        return PageId.SUMMARY


# --- summary -------------------------------------------------------------------------------------


class LeadSummaryPage(_Page):
    """What Finish does; the conversion itself happens in :meth:`validatePage`."""

    def __init__(self, wizard: ConversionWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Nothing has been saved yet. Press Finish to convert the lead."))
        self.view = QTextBrowser(self)
        self.view.setObjectName("summary")
        self.view.setOpenLinks(False)
        self.warning = QFrame(self)
        self.warning.setObjectName("duplicateWarning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning_text = QLabel(self.warning)
        self.warning_text.setObjectName("duplicateMessage")
        self.warning_text.setWordWrap(True)
        self.duplicates = _candidates_tree(self.warning, "sameInnClients")
        self.duplicates.setHeaderLabels([self.tr("Client"), self.tr("Why it looks the same")])
        self.duplicates.setMaximumHeight(110)
        self.confirm = QCheckBox(
            self.tr("The lead is none of these: create a new client &anyway"), self.warning
        )
        self.confirm.setObjectName("confirmNew")
        self.confirm_error = ErrorLabel(self.warning)
        box = QVBoxLayout(self.warning)
        box.setContentsMargins(10, 8, 10, 8)
        box.addWidget(self.warning_text)
        box.addWidget(self.duplicates)
        box.addWidget(self.confirm)
        box.addWidget(self.confirm_error)
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.general_error)
        self.setFinalPage(True)
        self.confirm.toggled.connect(lambda _on: self.confirm_error.clear_error())

    def initializePage(self) -> None:
        self.errors.clear()
        if self.owner.match_page.existing_client_id() is not None:
            self.warning.hide()
            self.confirm.setChecked(False)
        self.view.setHtml(self.owner.summary_html())

    def show_duplicates(self, error: ConfirmationNeededError) -> None:
        """The service found clients with the lead's INN: name them, ask for the tick."""
        candidates = [c for c in error.unmet if isinstance(c, duplicates.DuplicateCandidate)]
        fill_candidates(self.duplicates, candidates)
        text = "\n".join(messages.message_text(m) for m in error.field_errors.values())
        self.warning_text.setText(text)
        self.warning.show()
        if self.confirm.isChecked():
            self.confirm_error.show_error(text)
        else:
            self.confirm_error.show_error(
                self.tr("Tick the box to create a new client, or go Back and choose the client.")
            )
        self.confirm.setFocus(Qt.FocusReason.OtherFocusReason)

    def claims(self, name: str) -> bool:
        return False

    def validatePage(self) -> bool:
        return self.owner.finish()

    def nextId(self) -> int:
        return -1


# --- the wizard ----------------------------------------------------------------------------------


class ConversionWizard(QWizard):
    """Convert a lead; nothing is written before Finish.

    After ``accept()`` :attr:`details` is the qualified lead (with its ``converted_*`` links).

    Signals:
        converted(details): Finish converted the lead (a ``LeadDetails``).
    """

    converted = Signal(object)

    def __init__(
        self, db: Database, actor: Actor, lead_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.lead_id = lead_id
        self.details: LeadDetails | None = None
        self.lead = leads.get_lead(db, lead_id)
        self.defaults: ConversionPlan = leads.conversion_defaults(db, lead_id)
        self.candidates = leads.conversion_candidates(db, lead_id)
        self.legal_forms = p.catalogue(db, "legal_form")
        self.circles = p.catalogue(db, "client_circle")
        self.sources = p.catalogue(db, "info_source")
        # the counterparty of a new client, to edit: the service's when it offers one, else
        # (the wizard starts on the client with the lead's INN) one made here the same way
        self.lead_counterparty: p.CounterpartyDraft | None = (
            self.defaults.counterparty or counterparty_from_lead(self.lead, self.legal_forms)
        )
        self._contacts: dict[uuid.UUID, list[p.LinkDetails]] = {}
        self.setObjectName("conversionWizard")
        self.setWindowTitle(self.tr("Convert the lead {number}").format(number=self.lead.number))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(820, 620)
        self.match_page = LeadMatchPage(self)
        self.details_page = LeadDetailsPage(self)
        self.deal_page = LeadDealPage(self)
        self.summary_page = LeadSummaryPage(self)
        self.pages: dict[PageId, _Page] = {
            PageId.MATCH: self.match_page,
            PageId.DETAILS: self.details_page,
            PageId.DEAL: self.deal_page,
            PageId.SUMMARY: self.summary_page,
        }
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        self.setStartId(PageId.MATCH)

    @classmethod
    def run(
        cls, parent: QWidget | None, db: Database, actor: Actor, lead_id: uuid.UUID
    ) -> LeadDetails | None:
        """Show the wizard; the converted lead, or None if cancelled."""
        try:
            wizard = cls(db, actor, lead_id, parent)
        except UserError as error:
            messages.report_error(parent, error)
            return None
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        return wizard.details

    # --- reading ---------------------------------------------------------------------------------

    def contacts_of(self, client_id: uuid.UUID | None) -> list[p.LinkDetails]:
        if client_id is None:
            return []
        if client_id not in self._contacts:
            try:
                self._contacts[client_id] = p.contacts_of_client(self.db, client_id)
            except UserError:
                self._contacts[client_id] = []
        return self._contacts[client_id]

    def suggested_deal_title(self) -> str:
        """The first line of the lead's interest, else «Продажа: <company>»."""
        first = (self.lead.interest or "").strip().splitlines()
        if first and first[0].strip():
            return first[0].strip()[:DEAL_TITLE_CHARS]
        return self.tr("Sale: {client}").format(client=self.lead.company or self.lead.name)

    # --- the plan and Finish ---------------------------------------------------------------------

    def plan(self) -> ConversionPlan:
        """What the pages say now, as the service's input."""
        client_id = self.match_page.existing_client_id()
        details = self.details_page
        if details._client_id != client_id:  # the details page was not visited in this mode
            details.initializePage()
        role = details.role.currentText().strip() or None
        with_contact = not details.no_contact.isChecked()
        return ConversionPlan(
            client_id=client_id,
            new_client=details.client_draft(),
            with_counterparty=details.with_counterparty.isChecked(),
            counterparty=details.counterparty_draft(),
            with_contact=with_contact,
            contact_id=details.contact_id(),
            new_contact=details.contact_draft(),
            contact_position=_text(details.position) if with_contact else None,
            contact_role=role if with_contact else None,
            deal_title=self.deal_page.deal_title(),
            confirm_new_despite_duplicates=(
                client_id is None and self.summary_page.confirm.isChecked()
            ),
        )

    def check_page(self, page: _Page, check: Callable[[], object]) -> bool:
        try:
            check()
        except ValidationError as exc:
            page.show_errors(exc.field_errors)
            return False
        except UserError as exc:
            page.errors.clear()
            page.errors.show_general(messages.user_message(exc))
            return False
        page.errors.clear()
        return True

    def finish(self) -> bool:
        """Convert in one transaction; on a problem, go to the page that has it."""
        summary = self.summary_page
        summary.errors.clear()
        summary.confirm_error.clear_error()
        try:
            details = leads.convert(
                self.db, self.actor, self.lead_id, self.lead.version, self.plan()
            )
        except ConfirmationNeededError as exc:
            summary.show_duplicates(exc)
            return False
        except ValidationError as exc:
            self._route_errors(exc.field_errors)
            return False
        except ConcurrencyError as exc:
            summary.errors.show_general(messages.user_message(exc))
            return False
        except UserError as exc:
            summary.errors.show_general(messages.user_message(exc))
            return False
        self.details = details
        self.converted.emit(details)
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
        plan = self.plan()
        details = self.details_page
        rows: list[tuple[str, str]] = []

        def section(title: str) -> None:
            rows.append((f"<h3>{html.escape(title)}</h3>", ""))

        def row(label: str, value: str | None) -> None:
            if value:
                rows.append((html.escape(label), html.escape(value)))

        section(self.tr("Lead"))
        row(self.tr("Number:"), self.lead.number)
        row(self.tr("Person:"), self.lead.name)
        row(self.tr("Company:"), self.lead.company)
        if plan.client_id is not None:
            section(self.tr("Existing client"))
            row(self.tr("Name:"), self.match_page.existing_client_name())
        elif plan.new_client is not None:
            section(self.tr("New client"))
            row(self.tr("Name:"), plan.new_client.name.strip())
            row(self.tr("Circle:"), self._name_of(self.circles, plan.new_client.circle_id))
            row(self.tr("Source:"), self._name_of(self.sources, plan.new_client.source_id))
            row(self.tr("Responsible:"), self.lead.owner_name or self.actor.full_name)
        if plan.with_counterparty and self.lead.inn:
            section(self.tr("Counterparty (legal entity)"))
            if plan.counterparty is not None:
                row(
                    self.tr("Legal form:"),
                    self._name_of(self.legal_forms, plan.counterparty.legal_form_id),
                )
                row(self.tr("Full name:"), plan.counterparty.full_name.strip())
                row(self.tr("INN:"), plan.counterparty.inn)
                row(self.tr("KPP:"), plan.counterparty.kpp)
            else:
                row(self.tr("INN:"), self.lead.inn)
                row(self.tr("KPP:"), self.lead.kpp)
        if plan.with_contact:
            section(self.tr("Contact person"))
            row(
                self.tr("New:") if plan.contact_id is None else self.tr("Existing:"),
                details.contact_name(),
            )
            if plan.new_contact is not None:
                row(
                    self.tr("Phone:"),
                    ", ".join(c.value for c in plan.new_contact.channels if c.kind == "phone"),
                )
                row(
                    self.tr("E-mail:"),
                    ", ".join(c.value for c in plan.new_contact.channels if c.kind == "email"),
                )
            row(self.tr("Position:"), plan.contact_position)
            row(self.tr("Role:"), plan.contact_role)
        if plan.deal_title is not None:
            section(self.tr("Deal (typical sale)"))
            row(self.tr("Title:"), plan.deal_title.strip())

        def html_row(label: str, value: str) -> str:
            if label.startswith("<h3>"):
                return f"<tr><td colspan='2'>{label}</td></tr>"
            return (
                f"<tr><td style='padding-right:16px; color:#5f6368'>{label}</td>"
                f"<td>{value}</td></tr>"
            )

        body = "".join(html_row(label, value) for label, value in rows)
        return f"<table cellspacing='2'>{body}</table>"


__all__ = ["ConversionWizard", "PageId"]
