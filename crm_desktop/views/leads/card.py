"""The lead card («Лид»): Main (who asked, how to reach them, requisites, source, interest,
owner, status), the lead's actions — Take in work, Convert…, Reject…, Reopen — and, once the
lead is converted, links to the client, contact person, counterparty and deal it became.

An «Interactions» tab is left for the reusable interactions widget: put it there with
:meth:`LeadCard.set_interactions_widget`; any other page goes in with :meth:`LeadCard.add_tab`
(before History). A qualified or rejected lead is read-only (the service refuses to save it).
"""

from __future__ import annotations

import html
import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
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
from crm_desktop.errors import ConcurrencyError, UserError, ValidationError
from crm_desktop.services import leads
from crm_desktop.services import parties as p
from crm_desktop.services.leads import LeadDetails, LeadDraft
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.cards.base import (
    CardPage,
    fill_combo,
    form_layout,
    set_combo_data,
    text_or_none,
)
from crm_desktop.views.cards.dialogs import Confirm
from crm_desktop.views.cards.labels import datetime_text
from crm_desktop.views.leads.conversion import ConversionWizard
from crm_desktop.views.leads.itemmodels import status_label
from crm_desktop.views.leads.reject_dialog import RejectDialog

NOTICE_STYLE = (
    "QLabel#leadNotice { background: #f1f3f4; border: 1px solid #dadce0; border-radius: 3px;"
    " padding: 6px 10px; }"
)
REJECTED_STYLE = (
    "QLabel#leadNotice { background: #fdecea; border: 1px solid #f5c6c2; border-radius: 3px;"
    " padding: 6px 10px; }"
)
QUALIFIED_STYLE = (
    "QLabel#leadNotice { background: #e6f4ea; border: 1px solid #b7dfc2; border-radius: 3px;"
    " padding: 6px 10px; }"
)
READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: #f1f3f4; }'
)
# what a conversion link opens: (kind the main window knows, LeadDetails field of its id)
LINK_KINDS = ("client", "contact", "counterparty", "deal")


def _info(parent: QWidget) -> QLabel:
    """A read-only value on the form (selectable, like a field without a frame)."""
    label = QLabel(parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMinimumHeight(24)
    return label


class LeadCard(CardPage):
    """A lead: its fields and status, the actions of its life cycle, what it became.

    Signals (besides :class:`CardPage`'s):
        converted(details): the lead was converted (a ``LeadDetails`` with its links); the
            main window refreshes the clients, contacts and deals lists.
        lead_loaded(id): the card shows (another version of) the lead ``id`` — for widgets
            on its tabs that follow the lead.
    """

    converted = Signal(object)
    lead_loaded = Signal(object)

    kind = "lead"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._details: LeadDetails | None = None
        super().__init__(db, actor, record_id, parent)

    # --- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self._build_actions()
        self.main_page = self._build_main()
        self.tabs.addTab(self.main_page, self.tr("Main"))
        self.interactions_page = QWidget(self)
        self.interactions_page.setObjectName("Interactions")
        self._interactions_layout = QVBoxLayout(self.interactions_page)
        self.interactions_tab: Any = None
        self.interactions_placeholder: QLabel | None = QLabel(
            self.tr("Calls, letters and meetings with this lead will be shown here."),
            self.interactions_page,
        )
        self.interactions_placeholder.setObjectName("interactionsPlaceholder")
        self.interactions_placeholder.setStyleSheet("color: #5f6368;")
        self.interactions_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._interactions_layout.addWidget(self.interactions_placeholder, 1)
        self.tabs.addTab(self.interactions_page, self.tr("Interactions"))

    def _build_actions(self) -> None:
        self.actions_bar = QWidget(self)
        self.actions_bar.setObjectName("leadActions")
        self.take_button = QPushButton(self.tr("Take in work"), self.actions_bar)
        self.take_button.setObjectName("takeInWork")
        self.take_button.setToolTip(self.tr("The lead becomes yours and goes to work"))
        self.convert_button = QPushButton(self.tr("Convert…"), self.actions_bar)
        self.convert_button.setObjectName("convertLead")
        self.convert_button.setToolTip(
            self.tr("Make the lead a client: the client, its contact person and a deal")
        )
        self.reject_button = QPushButton(self.tr("Reject…"), self.actions_bar)
        self.reject_button.setObjectName("rejectLead")
        self.reopen_button = QPushButton(self.tr("Reopen"), self.actions_bar)
        self.reopen_button.setObjectName("reopenLead")
        self.reopen_button.setToolTip(self.tr("Bring the rejected lead back to work"))
        row = QHBoxLayout(self.actions_bar)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.take_button, self.convert_button, self.reject_button):
            row.addWidget(button)
        row.addWidget(self.reopen_button)
        row.addStretch(1)
        self.take_button.clicked.connect(self.take_in_work)
        self.convert_button.clicked.connect(self.convert)
        self.reject_button.clicked.connect(self.reject_lead)
        self.reopen_button.clicked.connect(self.reopen_lead)

    def _build_main(self) -> QWidget:
        page = QWidget(self)
        self.notice = QLabel(page)
        self.notice.setObjectName("leadNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        self.number = _info(page)
        self.number.setObjectName("leadNumber")
        font = self.number.font()
        font.setBold(True)
        self.number.setFont(font)
        self.received = _info(page)
        self.received.setObjectName("received")
        self.status = _info(page)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        self.name = QLineEdit(page)
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("Last name, first name and middle name"))
        self.company = QLineEdit(page)
        self.company.setObjectName("company")
        self.phone = QLineEdit(page)
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText("+7 916 123-45-67")
        self.email = QLineEdit(page)
        self.email.setObjectName("email")
        self.email.setPlaceholderText("name@example.ru")
        self.inn = QLineEdit(page)
        self.inn.setObjectName("inn")
        self.inn.setMaxLength(12)
        self.kpp = QLineEdit(page)
        self.kpp.setObjectName("kpp")
        self.kpp.setMaxLength(9)
        for short in (self.phone, self.inn, self.kpp):
            short.setMaximumWidth(220)
        self.source = QComboBox(page)
        self.source.setObjectName("source")
        fill_combo(
            self.source, [(s.name, s.id) for s in p.catalogue(self.db, "info_source")], empty=True
        )
        self.owner = QComboBox(page)
        self.owner.setObjectName("owner")
        fill_combo(
            self.owner,
            [(u.full_name, u.id) for u in list_users(self.db, active_only=False)],
            empty=True,
        )
        self.interest = QPlainTextEdit(page)
        self.interest.setObjectName("interest")
        self.interest.setTabChangesFocus(True)
        self.interest.setPlaceholderText(self.tr("What the person asked about"))
        self.interest.setMinimumHeight(90)
        self.interest.setMaximumHeight(140)

        self._placeholders = {
            e.objectName(): e.placeholderText()
            for e in (self.name, self.company, self.phone, self.email, self.inn, self.kpp)
        }
        page.setStyleSheet(READ_ONLY_STYLE)

        head = QHBoxLayout()
        head.setSpacing(18)
        head.addWidget(self.number)
        head.addWidget(self.received)
        head.addStretch(1)

        left = form_layout()
        left.addRow(self.tr("Person:"), self.field("name", self.name))
        left.addRow(self.tr("Company:"), self.field("company", self.company))
        left.addRow(self.tr("Phone:"), self.field("phone", self.phone))
        left.addRow(self.tr("E-mail:"), self.field("email", self.email))
        left.addRow(self.tr("INN:"), self.field("inn", self.inn))
        left.addRow(self.tr("KPP:"), self.field("kpp", self.kpp))
        right = form_layout()
        right.addRow(self.tr("Status:"), self.status)
        right.addRow(self.tr("Source:"), self.field("source_id", self.source))
        right.addRow(self.tr("Responsible:"), self.field("owner_id", self.owner))
        right.addRow(self.tr("Interest:"), self.field("interest", self.interest))
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.links_group = QGroupBox(self.tr("Converted into"), page)
        self.links_group.setObjectName("conversionLinks")
        links_form = QFormLayout(self.links_group)
        links_form.setHorizontalSpacing(12)
        self.links: dict[str, QLabel] = {}
        captions = {
            "client": self.tr("Client:"),
            "contact": self.tr("Contact person:"),
            "counterparty": self.tr("Counterparty:"),
            "deal": self.tr("Deal:"),
        }
        for kind in LINK_KINDS:
            label = QLabel(self.links_group)
            label.setObjectName(f"{kind}Link")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
            label.linkActivated.connect(self._on_link_activated)
            links_form.addRow(captions[kind], label)
            self.links[kind] = label
        self.links_group.hide()

        layout = QVBoxLayout(page)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.notice)
        layout.addLayout(head)
        layout.addLayout(columns)
        layout.addWidget(self.links_group)
        layout.addStretch(1)
        return page

    # --- tabs for others -----------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a page before History (a reusable widget of another part); its index."""
        index = self.tabs.indexOf(self.history)
        if index < 0:
            return self.tabs.addTab(widget, title)
        return self.tabs.insertTab(index, widget, title)

    def set_interactions_widget(self, widget: QWidget) -> None:
        """Put the interactions widget on the «Interactions» tab, in place of its notice."""
        placeholder = self.interactions_placeholder
        if placeholder is not None:
            self.interactions_placeholder = None
            placeholder.hide()
            placeholder.deleteLater()
        widget.setParent(self.interactions_page)
        self._interactions_layout.addWidget(widget, 1)

    # --- CardPage ------------------------------------------------------------------------------

    def fetch(self) -> LeadDetails:
        assert self.record_id is not None
        return leads.get_lead(self.db, self.record_id)

    def fill_new(self) -> None:
        self._details = None
        set_combo_data(self.owner, self.actor.user_id)
        self.number.setText(self.tr("New lead"))
        self.received.setText("")
        self.status.setText(status_label("new"))
        self._update_state()

    def fill(self, details: LeadDetails) -> None:
        self._details = details
        self.name.setText(details.name)
        self.company.setText(details.company or "")
        self.phone.setText(details.phone or "")
        self.email.setText(details.email or "")
        self.inn.setText(details.inn or "")
        self.kpp.setText(details.kpp or "")
        set_combo_data(self.source, details.source_id)
        set_combo_data(self.owner, details.owner_id)
        self.interest.setPlainText(details.interest or "")
        self.number.setText(self.tr("Lead {number}").format(number=details.number))
        self.received.setText(
            self.tr("received {when}").format(when=datetime_text(details.created_at))
        )
        self.status.setText(self.status_text(details))
        self._fill_links(details)
        self._update_state()

    def status_text(self, details: LeadDetails) -> str:
        """«Отклонён: Нет бюджета — не отвечает» for a rejected lead; the status otherwise."""
        text = status_label(details.status)
        if details.status == "rejected":
            reason = details.reject_reason_name or ""
            text = self.tr("{status}: {reason}").format(status=text, reason=reason)
            if details.reject_comment:
                text = f"{text} — {details.reject_comment}"
        elif details.status == "qualified" and details.qualified_at is not None:
            text = self.tr("{status} {when}").format(
                status=text, when=datetime_text(details.qualified_at)
            )
        return text

    def _fill_links(self, details: LeadDetails) -> None:
        values: dict[str, tuple[uuid.UUID | None, str]] = {
            "client": (details.converted_client_id, details.converted_client_name or ""),
            "contact": (details.converted_contact_id, details.converted_contact_name or ""),
            "counterparty": (
                details.converted_counterparty_id,
                details.converted_counterparty_name or "",
            ),
            "deal": (
                details.converted_deal_id,
                " ".join(
                    x for x in (details.converted_deal_number, details.converted_deal_title) if x
                ),
            ),
        }
        for kind, (record_id, name) in values.items():
            label = self.links[kind]
            if record_id is None:
                label.setText("—")
                label.setToolTip("")
            else:
                label.setText(f'<a href="{kind}:{record_id}">{html.escape(name or "…")}</a>')
                label.setToolTip(self.tr("Open the card"))
        self.links_group.setVisible(details.converted_client_id is not None)

    def collect(self) -> LeadDraft:
        source = self.source.currentData()
        owner = self.owner.currentData()
        return LeadDraft(
            name=self.name.text(),
            company=text_or_none(self.company.text()),
            phone=text_or_none(self.phone.text()),
            email=text_or_none(self.email.text()),
            inn=text_or_none(self.inn.text()),
            kpp=text_or_none(self.kpp.text()),
            source_id=source if isinstance(source, uuid.UUID) else None,
            interest=text_or_none(self.interest.toPlainText()),
            owner_id=owner if isinstance(owner, uuid.UUID) else None,
        )

    def write(self, draft: LeadDraft) -> LeadDetails:
        if self.record_id is None:
            return leads.create_lead(self.db, self.actor, draft)
        assert self.version is not None
        return leads.update_lead(self.db, self.actor, self.record_id, self.version, draft)

    def draft_of(self, details: LeadDetails) -> LeadDraft:
        return LeadDraft(
            name=details.name,
            company=details.company,
            phone=details.phone,
            email=details.email,
            inn=details.inn,
            kpp=details.kpp,
            source_id=details.source_id,
            interest=details.interest,
            owner_id=details.owner_id,
        )

    def describe(self, draft: LeadDraft) -> list[tuple[str, str]]:
        source = next(
            (
                self.source.itemText(i)
                for i in range(self.source.count())
                if self.source.itemData(i) == draft.source_id and draft.source_id is not None
            ),
            "",
        )
        owner = next(
            (
                self.owner.itemText(i)
                for i in range(self.owner.count())
                if self.owner.itemData(i) == draft.owner_id and draft.owner_id is not None
            ),
            "",
        )
        return [
            ("name", draft.name.strip()),
            ("company", draft.company or ""),
            ("phone", draft.phone or ""),
            ("email", draft.email or ""),
            ("inn", draft.inn or ""),
            ("kpp", draft.kpp or ""),
            ("source_id", source),
            ("interest", draft.interest or ""),
            ("owner_id", owner),
        ]

    def record_name(self) -> str:
        if self._details is None:
            return ""
        return f"{self._details.number} {self._details.name}"

    def kind_title(self) -> str:
        return self.tr("Lead")

    def new_title(self) -> str:
        return self.tr("New lead")

    def refresh_related(self) -> None:
        if self.interactions_tab is None:
            # imported here: the activity widgets use the cards' building blocks
            from crm_desktop.views.activities.tabs import InteractionsTab

            self.interactions_tab = InteractionsTab(self.db, self.actor, self)
            self.interactions_tab.open_requested.connect(self.open_requested.emit)
            self.interactions_tab.new_requested.connect(self.new_requested.emit)
            self.set_interactions_widget(self.interactions_tab)
        self.interactions_tab.set_link(lead_id=self.record_id)
        self.lead_loaded.emit(self.record_id)

    # --- state ---------------------------------------------------------------------------------

    @property
    def details(self) -> LeadDetails | None:
        return self._details

    def _update_state(self) -> None:
        details = self._details
        saved = details is not None
        status = details.status if details is not None else "new"
        is_open = status in ("new", "in_work")
        self.take_button.setVisible(status == "new")
        self.convert_button.setVisible(is_open)
        self.reject_button.setVisible(is_open)
        self.reopen_button.setVisible(status == "rejected")
        for button in (self.take_button, self.convert_button, self.reject_button):
            button.setEnabled(saved)
        self.actions_bar.setVisible(is_open or status == "rejected")
        for edit in (self.name, self.company, self.phone, self.email, self.inn, self.kpp):
            edit.setReadOnly(not is_open)
            edit.setPlaceholderText(
                self._placeholders.get(edit.objectName(), "") if is_open else ""
            )
            self._repolish(edit)
        self.interest.setReadOnly(not is_open)
        self.interest.setPlaceholderText(self.tr("What the person asked about") if is_open else "")
        self._repolish(self.interest)
        self.source.setEnabled(is_open)
        self.owner.setEnabled(is_open)
        self.save_button.setEnabled(is_open)
        self.save_close_button.setEnabled(is_open)
        if details is not None and status == "rejected":
            self.notice.setStyleSheet(REJECTED_STYLE)
            self.notice.setText(
                self.tr("The lead is rejected ({reason}). Reopen it to work with it again.").format(
                    reason=details.reject_reason_name or ""
                )
            )
            self.notice.show()
        elif details is not None and status == "qualified":
            self.notice.setStyleSheet(QUALIFIED_STYLE)
            self.notice.setText(self.tr("The lead is converted: work with its client from now on."))
            self.notice.show()
        else:
            self.notice.hide()

    # --- actions -------------------------------------------------------------------------------

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        """Apply the read-only look (a style sheet rule on a property) after it changed."""
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _ready_for_action(self) -> bool:
        """The lead is saved and has no unsaved changes (asks to save them first)."""
        if self.record_id is not None and not self.is_dirty():
            return True
        question = self.tr("The lead has unsaved changes. Save them first?")
        if not Confirm.ask(self, self.plain_title(), question):
            return False
        return self.save() and self.record_id is not None

    def _after_action(self, details: LeadDetails | None) -> bool:
        """Read the lead again after an action; True when the action changed it."""
        self.reload(ask=False)
        self.history.stale = True
        if self.tabs.currentWidget() is self.history:
            self.history.load()
        if details is not None:
            self.saved.emit(self.kind, self.record_id)
        return details is not None

    def _call(self, action: Any) -> LeadDetails | None:
        """Run a service action on the lead; show why it was refused."""
        assert self.record_id is not None
        assert self.version is not None
        self.clear_errors()
        try:
            details: LeadDetails = action(self.db, self.actor, self.record_id, self.version)
        except ValidationError as error:
            self.show_errors(error.field_errors)
            return None
        except ConcurrencyError as error:
            self.show_stale(error)
            return None
        except UserError as error:
            messages.report_error(self, error)
            return None
        return details

    @Slot()
    def take_in_work(self) -> bool:
        if not self._ready_for_action():
            return False
        return self._after_action(self._call(leads.take_in_work))

    @Slot()
    def reopen_lead(self) -> bool:
        if self.record_id is None or self.version is None:
            return False
        return self._after_action(self._call(leads.reopen))

    @Slot()
    def reject_lead(self) -> bool:
        if not self._ready_for_action() or self._details is None:
            return False
        assert self.record_id is not None
        details = RejectDialog.run(
            self, self.db, self.actor, self.record_id, self._details.version, self.record_name()
        )
        return self._after_action(details)

    @Slot()
    def convert(self) -> bool:
        """The conversion wizard; after Finish the card shows what the lead became."""
        if not self._ready_for_action() or self._details is None:
            return False
        assert self.record_id is not None
        details = ConversionWizard.run(self, self.db, self.actor, self.record_id)
        changed = self._after_action(details)
        if details is not None:
            self.converted.emit(details)
        return changed

    def open_converted(self, kind: str) -> bool:
        """Ask for the card of what the lead became: "client", "contact", "counterparty",
        "deal"."""
        details = self._details
        if details is None:
            return False
        record_id = {
            "client": details.converted_client_id,
            "contact": details.converted_contact_id,
            "counterparty": details.converted_counterparty_id,
            "deal": details.converted_deal_id,
        }.get(kind)
        if record_id is None:
            return False
        self.open_requested.emit(kind, record_id)
        return True

    @Slot(str)
    def _on_link_activated(self, link: str) -> None:
        kind, _sep, _record = link.partition(":")
        self.open_converted(kind)


__all__ = ["LeadCard"]
