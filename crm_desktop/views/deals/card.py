"""The deal card («Сделка с клиентом»): Main, Stages, Specification, Participants, Agreement,
Commercial proposals, History.

Save writes the deal's own fields (``update_deal``) and, when they changed, its specification
lines (``set_lines``). Stage moves, winning, losing and reopening go through their own dialogs
(the stage wizard, «Lost…», «Reopen»), each one service call, after which the card reads the
deal again; participants and proposals change at once, apart from Save, like the links of the
other cards. A won or lost deal is read-only until a supervisor reopens it.
"""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QMetaMethod, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, Message, UserError, ValidationError
from crm_desktop.services import agreements as ag
from crm_desktop.services import deal_views
from crm_desktop.services import deals as d
from crm_desktop.services import parties as p
from crm_desktop.services import proposals as pr
from crm_desktop.services.agreements import AgreementDetails
from crm_desktop.services.cards import party_name
from crm_desktop.services.deal_views import StageInfo
from crm_desktop.services.deals import (
    DEAL_KINDS,
    DealDetails,
    DealDraft,
    DealLineDraft,
    ParticipantRow,
)
from crm_desktop.services.proposals import ProposalRow
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.cards.base import CardPage, combo_index, fill_combo, set_combo_data
from crm_desktop.views.cards.dialogs import CompareDialog, Confirm, Difference, PartyPicker
from crm_desktop.views.cards.labels import date_text
from crm_desktop.views.cards.links import LinkTable
from crm_desktop.views.deals.common import agreement_text, counterparty_text, deal_draft_of
from crm_desktop.views.deals.dialogs import LossDialog, ParticipantDialog, ReopenDialog
from crm_desktop.views.deals.history import DealHistoryView, StageHistoryTable
from crm_desktop.views.deals.labels import (
    agreement_status_label,
    deal_field_label,
    decimal_text,
    kind_label,
    money_text,
    parse_decimal,
    participant_kind_label,
    percent_text,
    proposal_status_label,
    requirement_label,
    status_label,
    vat_label,
)
from crm_desktop.views.deals.lines import LinesEditor, product_finder
from crm_desktop.views.deals.path import WON, StagePath
from crm_desktop.views.deals.stage_wizard import StageWizard, unmet_texts
from crm_desktop.views.proposals import ProposalActions, ProposalPreview, TermsDialog
from crm_desktop.views.tasks import TaskRunner
from crm_desktop.views.widgets.fields import ErrorLabel, OptionalDateEdit

ENTER_A_NUMBER = QT_TRANSLATE_NOOP("UserErrors", "Enter a number.")
CHOOSE_THE_CLIENT = QT_TRANSLATE_NOOP("UserErrors", "Choose the client of the deal.")
HINT_STYLE = "color: #5f6368;"
OLDER_VERSION_COLOR = "#9aa0a6"
CLOSED_STYLE = (
    "QLabel#closedNotice { background: #f1f3f4; border: 1px solid #dadce0; border-radius: 3px;"
    " padding: 6px 10px; }"
)


@dataclass(frozen=True)
class DealCardDraft:
    """What the card saves: the deal's fields and its specification lines."""

    deal: DealDraft
    lines: tuple[DealLineDraft, ...]


def _line_drafts(details: DealDetails) -> tuple[DealLineDraft, ...]:
    return tuple(
        DealLineDraft(
            x.description, x.quantity, x.price, x.unit, x.discount_pct, x.vat_rate, x.product_id
        )
        for x in details.lines
    )


def _info(parent: QWidget) -> QLabel:
    """A read-only value on the form (selectable, like a field without a frame)."""
    label = QLabel(parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMinimumHeight(24)
    return label


class DealCard(CardPage):
    """A deal: its fields, stages and stage history, specification, participants, agreement,
    proposals and audit history.

    A new deal takes ``client_id`` (the client it is for; else chosen on the card) and
    ``deal_kind`` ("typical", "manual" or "non_process").

    Signals (besides the cards' own):
        settings_requested(section): the user wants the program's settings at ``section``
            ("email": the mail server, "companies": our companies' requisites); the dialogs
            offer the way there only when something listens.
    """

    kind = "deal"
    settings_requested = Signal(str)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        *,
        client_id: uuid.UUID | None = None,
        deal_kind: str = "typical",
    ) -> None:
        self._details: DealDetails | None = None
        self._client_id = client_id
        self._new_kind = deal_kind if deal_kind in DEAL_KINDS else "typical"
        self._stages: list[StageInfo] = []
        self._agreements: dict[uuid.UUID, AgreementDetails] = {}
        self._participants: list[ParticipantRow] = []
        self._proposals: list[ProposalRow] = []
        super().__init__(db, actor, record_id, parent)

    # --- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self.tasks = TaskRunner(self)  # the proposals' PDFs are built and printed off the GUI
        self._stages = deal_views.sale_stages(self.db)
        self._price_types = {t.id: t.name for t in p.catalogue(self.db, "price_type")}
        self._loss_reasons = {r.id: r.name for r in p.catalogue(self.db, "loss_reason")}
        old_history = self.history  # the cards' own reads only client/contact parts
        self.history = DealHistoryView(self.db, self)
        old_history.hide()
        old_history.setParent(None)
        old_history.deleteLater()
        self._build_actions()
        self.main_page = self._build_main()
        self.stages_page = self._build_stages()
        self.tabs.addTab(self.main_page, self.tr("Main"))
        self.tabs.addTab(self.stages_page, self.tr("Stages"))
        self.tabs.addTab(self._build_lines(), self.tr("Specification"))
        self.tabs.addTab(self._build_participants(), self.tr("Participants"))
        self.tabs.addTab(self._build_agreement(), self.tr("Agreement"))
        self.tabs.addTab(self._build_proposals(), self.tr("Proposals"))
        self._build_activities()

    def _build_actions(self) -> None:
        self.actions_bar = QWidget(self)
        self.actions_bar.setObjectName("dealActions")
        self.next_button = QPushButton(self.tr("Next stage…"), self.actions_bar)
        self.next_button.setObjectName("nextStage")
        self.won_button = QPushButton(self.tr("Won"), self.actions_bar)
        self.won_button.setObjectName("dealWon")
        self.lost_button = QPushButton(self.tr("Lost…"), self.actions_bar)
        self.lost_button.setObjectName("dealLost")
        self.reopen_button = QPushButton(self.tr("Reopen…"), self.actions_bar)
        self.reopen_button.setObjectName("dealReopen")
        self.reopen_button.setToolTip(self.tr("A supervisor reopens a won or lost deal"))
        self.reopen_button.setVisible(self.actor.is_supervisor)
        row = QHBoxLayout(self.actions_bar)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.next_button, self.won_button, self.lost_button, self.reopen_button):
            row.addWidget(button)
        row.addStretch(1)
        self.next_button.clicked.connect(self.next_stage)
        self.won_button.clicked.connect(self.mark_won)
        self.lost_button.clicked.connect(self.mark_lost)
        self.reopen_button.clicked.connect(self.reopen_deal)

    def _build_main(self) -> QWidget:
        page = QWidget(self)
        self.closed_notice = QLabel(page)
        self.closed_notice.setObjectName("closedNotice")
        self.closed_notice.setStyleSheet(CLOSED_STYLE)
        self.closed_notice.setWordWrap(True)
        self.closed_notice.hide()
        self.number = _info(page)
        self.number.setObjectName("dealNumber")
        font = self.number.font()
        font.setBold(True)
        self.number.setFont(font)
        self.title_edit = QLineEdit(page)
        self.title_edit.setObjectName("title")
        self.client_name = QLineEdit(page)
        self.client_name.setObjectName("clientName")
        self.client_name.setReadOnly(True)
        self.client_name.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.open_client_button = QPushButton(self.tr("Open"), page)
        self.open_client_button.setToolTip(self.tr("Open the client's card"))
        self.choose_client_button = QPushButton(self.tr("Choose…"), page)
        client_row = QWidget(page)
        client_layout = QHBoxLayout(client_row)
        client_layout.setContentsMargins(0, 0, 0, 0)
        client_layout.addWidget(self.client_name, 1)
        client_layout.addWidget(self.open_client_button)
        client_layout.addWidget(self.choose_client_button)
        self.open_client_button.clicked.connect(self._on_open_client_clicked)
        self.choose_client_button.clicked.connect(self.choose_client)

        self.counterparty = QComboBox(page)
        self.counterparty.setObjectName("counterparty")
        self.deal_kind = QComboBox(page)
        self.deal_kind.setObjectName("dealKind")
        for code in DEAL_KINDS:
            self.deal_kind.addItem(kind_label(code), code)
        self.deal_kind.currentIndexChanged.connect(self._on_deal_kind_current_index_changed)
        self.stage = _info(page)
        self.stage.setObjectName("stageName")
        self.status = _info(page)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.source = QComboBox(page)
        fill_combo(
            self.source, [(s.name, s.id) for s in p.catalogue(self.db, "info_source")], empty=True
        )
        self.owner = QComboBox(page)
        fill_combo(
            self.owner,
            [(u.full_name, u.id) for u in list_users(self.db, active_only=False)],
            empty=False,
        )
        self.amount = QLineEdit(page)
        self.amount.setObjectName("amount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount.setMaximumWidth(180)
        self.amount_note = QLabel(page)
        self.amount_note.setStyleSheet(HINT_STYLE)
        amount_row = QWidget(page)
        amount_layout = QHBoxLayout(amount_row)
        amount_layout.setContentsMargins(0, 0, 0, 0)
        amount_layout.addWidget(self.amount)
        amount_layout.addWidget(self.amount_note, 1)
        self.probability = _info(page)
        self.probability.setObjectName("probability")
        self.opened_on = _info(page)
        self.expected_on = OptionalDateEdit(page)
        self.expected_on.setMaximumWidth(180)
        self.closed_on = _info(page)
        self.contract_number = QLineEdit(page)
        self.contract_number.setMaximumWidth(220)
        self.contract_date = OptionalDateEdit(page)
        self.contract_date.setMaximumWidth(180)
        self.need = QPlainTextEdit(page)
        self.need.setObjectName("needDescription")
        self.need.setTabChangesFocus(True)
        self.need.setPlaceholderText(self.tr("What the client wants, for when, what matters"))

        top = QFormLayout()
        top.addRow(self.tr("Number:"), self.number)
        top.addRow(self.tr("Title:"), self.field("title", self.title_edit))
        top.addRow(self.tr("Client:"), self.field("client_id", client_row))
        left = QFormLayout()
        left.addRow(self.tr("Counterparty:"), self.field("counterparty_id", self.counterparty))
        left.addRow(self.tr("Kind of deal:"), self.field("kind", self.deal_kind))
        left.addRow(self.tr("Stage:"), self.field("stage_id", self.stage))
        left.addRow(self.tr("Status:"), self.field("status", self.status))
        left.addRow(self.tr("Source:"), self.field("source_id", self.source))
        left.addRow(self.tr("Responsible manager:"), self.field("owner_id", self.owner))
        right = QFormLayout()
        right.addRow(self.tr("Amount:"), self.field("amount", amount_row))
        right.addRow(self.tr("Probability:"), self.probability)
        right.addRow(self.tr("Opened:"), self.opened_on)
        right.addRow(self.tr("Expected close:"), self.field("expected_on", self.expected_on))
        right.addRow(self.tr("Closed:"), self.closed_on)
        right.addRow(
            self.tr("Contract / order No.:"), self.field("contract_number", self.contract_number)
        )
        right.addRow(self.tr("Contract date:"), self.field("contract_date", self.contract_date))
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 3)
        columns.setColumnStretch(1, 2)
        self.need.setMaximumHeight(160)
        need_group = QGroupBox(self.tr("The client's need"), page)
        QVBoxLayout(need_group).addWidget(self.field("need_description", self.need))
        self.main_actions = QVBoxLayout()  # a non-process deal's Won / Lost live here
        layout = QVBoxLayout(page)
        layout.addWidget(self.closed_notice)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addWidget(need_group)
        layout.addLayout(self.main_actions)
        layout.addStretch(1)
        for widget in (self.amount, self.expected_on, self.contract_number, self.contract_date):
            self.watch(widget)
        return page

    def _build_stages(self) -> QWidget:
        page = QWidget(self)
        self.path = StagePath(page)
        self.path.stage_clicked.connect(self._on_path_stage_clicked)
        self.unmet_label = QLabel(page)
        self.unmet_label.setObjectName("unmetRequirements")
        self.unmet_label.setWordWrap(True)
        self.unmet_label.setTextFormat(Qt.TextFormat.RichText)
        self.stage_history = StageHistoryTable(page)
        self.stage_history_error = ErrorLabel(page)
        history_group = QGroupBox(self.tr("Stage history"), page)
        history_layout = QVBoxLayout(history_group)
        history_layout.addWidget(self.stage_history)
        history_layout.addWidget(self.stage_history_error)
        self.stages_actions = QVBoxLayout()
        layout = QVBoxLayout(page)
        layout.addWidget(self.path)
        layout.addLayout(self.stages_actions)
        layout.addWidget(self.unmet_label)
        layout.addWidget(history_group, 1)
        return page

    def _build_lines(self) -> QWidget:
        page = QWidget(self)
        self.lines = LinesEditor(page)
        self.lines.set_finder(product_finder(self.db, self._price_type_id))
        self.lines.totals_changed.connect(self._on_lines_totals_changed)
        note = QLabel(
            self.tr(
                "The deal's amount is the total of its lines. Type an SKU or the beginning of a "
                "name to pick a product from the catalogue at the agreement's prices; free text "
                "is a line too. Prices include VAT and are per price unit (1 kg of a 5 kg "
                "pack); a product's quantity counts whole packs."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.table("lines", self.lines), 1)
        return page

    def _build_participants(self) -> QWidget:
        self.participants = LinkTable(
            [self.tr("Participant"), self.tr("Name"), self.tr("Role")],
            widths=(200, 320),
            parent=self,
        )
        self.participants.table.setObjectName("participantsTable")
        self.add_user_button = self.participants.add_button(self.tr("Add employee…"))
        self.add_contact_button = self.participants.add_button(self.tr("Add contact person…"))
        self.add_partner_button = self.participants.add_button(self.tr("Add partner…"))
        self.role_button = self.participants.add_button(self.tr("Role…"), needs_row=True)
        self.remove_participant_button = self.participants.add_button(
            self.tr("Remove"), needs_row=True
        )
        self.participants.finish_buttons()
        self.add_user_button.clicked.connect(lambda: self.add_participant("user"))
        self.add_contact_button.clicked.connect(lambda: self.add_participant("contact"))
        self.add_partner_button.clicked.connect(lambda: self.add_participant("partner"))
        self.role_button.clicked.connect(self.change_participant_role)
        self.remove_participant_button.clicked.connect(self.remove_participant)
        self.participants.selection_changed.connect(self._update_participant_buttons)
        self.label_for("participants", self.participants.error, self.participants.table)
        return self.participants

    def _build_agreement(self) -> QWidget:
        page = QWidget(self)
        self.agreement = QComboBox(page)
        self.agreement.setObjectName("agreement")
        self.agreement.currentIndexChanged.connect(self._on_agreement_current_index_changed)
        self.individual_button = QPushButton(
            self.tr("Make an individual agreement from this typical one…"), page
        )
        self.individual_button.setObjectName("makeIndividual")
        self.individual_button.clicked.connect(self.make_individual_agreement)
        self.terms: dict[str, QLabel] = {}
        terms_group = QGroupBox(self.tr("Terms of the agreement"), page)
        terms_form = QFormLayout(terms_group)
        for key, label in (
            ("kind", self.tr("Kind:")),
            ("number", self.tr("Number:")),
            ("status", self.tr("Status:")),
            ("price_type", self.tr("Price type:")),
            ("discount", self.tr("Discount:")),
            ("prepayment", self.tr("Prepayment:")),
            ("credit", self.tr("Payment deferral:")),
            ("delivery", self.tr("Delivery time:")),
            ("valid", self.tr("Valid:")),
        ):
            value = _info(terms_group)
            value.setObjectName(f"term_{key}")
            self.terms[key] = value
            terms_form.addRow(label, value)
        hint = QLabel(
            self.tr(
                "The agreement's price type and discount apply to the deal's proposals. "
                "Typical agreements serve a segment; an individual one is made for this client."
            ),
            page,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Sales agreement:"), self.field("agreement_id", self.agreement))
        button_row = QHBoxLayout()
        button_row.addWidget(self.individual_button)
        button_row.addStretch(1)
        form.addRow("", button_row)
        terms_group.setMaximumWidth(640)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(terms_group)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    def _build_proposals(self) -> QWidget:
        self.proposals = LinkTable(
            [
                self.tr("Number"),
                self.tr("Version"),
                self.tr("Date"),
                self.tr("Valid until"),
                self.tr("Status"),
                self.tr("Total"),
                self.tr("VAT"),
            ],
            widths=(120, 70, 100, 140, 120, 150, 130),
            parent=self,
        )
        self.proposals.table.setObjectName("proposalsTable")
        # money stays next to money: no stretched last column
        self.proposals.table.horizontalHeader().setStretchLastSection(False)
        self.issue_button = self.proposals.add_button(self.tr("Issue proposal"))
        self.issue_button.setToolTip(
            self.tr("A new proposal from the specification as saved, at the agreement's prices")
        )
        self.new_version_button = self.proposals.add_button(self.tr("New version"), needs_row=True)
        self.new_version_button.setToolTip(
            self.tr("The same proposal again from the current specification and terms")
        )
        self.terms_button = self.proposals.add_button(self.tr("Terms…"), needs_row=True)
        self.terms_button.setToolTip(
            self.tr("Validity, our company, the counterparty and the terms of a draft")
        )
        self.sent_button = self.proposals.add_button(self.tr("Mark sent"), needs_row=True)
        self.accepted_button = self.proposals.add_button(self.tr("Accepted"), needs_row=True)
        self.rejected_button = self.proposals.add_button(self.tr("Rejected"), needs_row=True)
        self.proposals.finish_buttons()
        self.proposal_busy = QProgressBar(self.proposals)
        self.proposal_busy.setObjectName("proposalBusy")
        self.proposal_busy.setRange(0, 0)
        self.proposal_busy.setTextVisible(False)
        self.proposal_busy.setMaximumWidth(100)
        self.proposal_busy.hide()
        self.proposal_busy_text = QLabel(self.proposals)
        self.proposal_busy_text.setStyleSheet(HINT_STYLE)
        self.proposals.buttons.addWidget(self.proposal_busy)
        self.proposals.buttons.addWidget(self.proposal_busy_text)
        self.preview_button = self.proposals.add_button(self.tr("Preview"), needs_row=True)
        self.preview_button.setObjectName("previewProposal")
        self.print_button = self.proposals.add_button(self.tr("Print…"), needs_row=True)
        self.save_pdf_button = self.proposals.add_button(self.tr("Save as PDF…"), needs_row=True)
        self.email_button = self.proposals.add_button(self.tr("Send by e-mail…"), needs_row=True)
        self.issue_button.clicked.connect(self.issue_proposal)
        self.new_version_button.clicked.connect(self.new_proposal_version)
        self.terms_button.clicked.connect(self.edit_proposal_terms)
        self.sent_button.clicked.connect(lambda: self.set_proposal_status("sent"))
        self.accepted_button.clicked.connect(lambda: self.set_proposal_status("accepted"))
        self.rejected_button.clicked.connect(lambda: self.set_proposal_status("rejected"))
        self.preview_button.clicked.connect(self.preview_proposal)
        self.print_button.clicked.connect(self.print_proposal)
        self.save_pdf_button.clicked.connect(self.save_proposal_pdf)
        self.email_button.clicked.connect(self.email_proposal)
        self.proposals.selection_changed.connect(self._update_proposal_buttons)
        self.proposals.activated.connect(self._on_proposals_activated)
        self.label_for("proposals", self.proposals.error, self.proposals.table)
        self.proposal_actions = ProposalActions(self, self.db, self.actor, runner=self.tasks)
        self.proposal_actions.busy_changed.connect(self._on_proposal_actions_busy_changed)
        self.proposal_actions.failed.connect(self._on_proposal_actions_failed)
        self.proposal_actions.sent.connect(self._on_proposal_sent)
        self.proposal_actions.saved.connect(self._on_proposal_actions_saved)
        self.proposal_actions.printed.connect(self._on_proposal_actions_printed)
        return self.proposals

    # --- binding -------------------------------------------------------------------------------

    def fetch(self) -> DealDetails:
        assert self.record_id is not None
        return d.get_deal(self.db, self.record_id)

    def fill_new(self) -> None:
        set_combo_data(self.deal_kind, self._new_kind)
        set_combo_data(self.owner, self.actor.user_id)
        self.number.setText(self.tr("(given when saved)"))
        self.stage.setText("")
        self.status.setText(status_label("open"))
        self.probability.setText("")
        self.opened_on.setText("")
        self.closed_on.setText("")
        self._show_client()
        self.lines.set_rows([])
        self._fill_agreements(None)
        self._update_amount_editable()
        self._update_stage_controls()

    def fill(self, details: DealDetails) -> None:
        self._details = details
        self._client_id = details.client_id
        self.number.setText(details.number)
        self.title_edit.setText(details.title)
        self._show_client()
        set_combo_data(self.counterparty, details.counterparty_id)
        set_combo_data(self.deal_kind, details.kind)
        self.stage.setText(details.stage_name or "—")
        self.status.setText(self._status_text(details))
        set_combo_data(self.source, details.source_id)
        if details.owner_id is not None and combo_index(self.owner, details.owner_id) < 0:
            self.owner.addItem(str(details.owner_id), details.owner_id)
        set_combo_data(self.owner, details.owner_id)
        self.amount.setText(decimal_text(details.amount, 2))
        self.probability.setText(percent_text(details.probability))
        self.opened_on.setText(date_text(details.opened_on))
        self.expected_on.set_value(details.expected_on)
        self.closed_on.setText(date_text(details.closed_on) or "—")
        self.contract_number.setText(details.contract_number or "")
        self.contract_date.set_value(details.contract_date)
        self.need.setPlainText(details.need_description or "")
        self.lines.load(details.lines)
        self._fill_agreements(details.agreement_id)
        self._update_amount_editable()
        self._update_stage_controls()

    def _status_text(self, details: DealDetails) -> str:
        text = status_label(details.status)
        if details.status == "lost":
            reason = (
                self._loss_reasons.get(details.loss_reason_id, "") if details.loss_reason_id else ""
            )
            parts = [x for x in (reason, details.loss_comment) if x]
            if parts:
                text = f"{text}: {' — '.join(parts)}"
        return text

    def collect(self) -> DealCardDraft:
        if self._client_id is None:
            raise ValidationError.single("client_id", CHOOSE_THE_CLIENT)
        lines = tuple(self.lines.drafts())
        amount: Decimal | None = None
        if not lines:
            text = self.amount.text().strip()
            amount = parse_decimal(text) if text else Decimal(0)
            if amount is None:
                raise ValidationError({"amount": Message(ENTER_A_NUMBER)})
        deal = DealDraft(
            title=self.title_edit.text().strip(),
            client_id=self._client_id,
            kind=self.deal_kind.currentData() or "typical",
            counterparty_id=self.counterparty.currentData(),
            source_id=self.source.currentData(),
            expected_on=self.expected_on.value(),
            need_description=self.need.toPlainText().strip() or None,
            agreement_id=self.agreement.currentData(),
            contract_number=self.contract_number.text().strip() or None,
            contract_date=self.contract_date.value(),
            owner_id=self.owner.currentData(),
            amount=amount,
        )
        return DealCardDraft(deal, lines)

    def write(self, draft: DealCardDraft) -> DealDetails:
        if self.record_id is None:
            details = d.create_deal(self.db, self.actor, draft.deal)
            if not draft.lines:
                return details
            try:
                return d.set_lines(
                    self.db, self.actor, details.id, details.version, list(draft.lines)
                )
            except UserError:
                self._adopt(details)  # the deal exists now: the next Save updates it
                raise
        assert self.version is not None
        saved = self._details
        if saved is None or draft.lines != _line_drafts(saved):
            lined = d.set_lines(
                self.db, self.actor, self.record_id, self.version, list(draft.lines)
            )
            self.version = lined.version
            self._details = lined
        return d.update_deal(self.db, self.actor, self.record_id, self.version, draft.deal)

    def _adopt(self, details: DealDetails) -> None:
        self.record_id = details.id
        self.version = details.version
        self._details = details
        self.number.setText(details.number)
        self.history.set_record(details.id)
        self.title_changed.emit(self.title())

    def draft_of(self, details: DealDetails) -> DealCardDraft:
        deal = deal_draft_of(details, amount=None if details.lines else details.amount)
        return DealCardDraft(deal, _line_drafts(details))

    def describe(self, draft: DealCardDraft) -> list[tuple[str, str]]:
        def item_text(combo: QComboBox, value: Any) -> str:
            index = combo_index(combo, value)
            return combo.itemText(index) if index >= 0 else ""

        deal = draft.deal
        lines = "\n".join(
            f"{x.description} — {decimal_text(x.quantity, None)} {x.unit} × "
            f"{money_text(x.price)}, −{decimal_text(x.discount_pct, None)} %, "
            f"{vat_label(x.vat_rate)}"
            for x in draft.lines
        )
        return [
            ("title", deal.title),
            ("counterparty_id", item_text(self.counterparty, deal.counterparty_id)),
            ("source_id", item_text(self.source, deal.source_id)),
            ("owner_id", item_text(self.owner, deal.owner_id)),
            ("amount", money_text(deal.amount) if deal.amount is not None else ""),
            ("expected_on", date_text(deal.expected_on)),
            ("contract_number", deal.contract_number or ""),
            ("contract_date", date_text(deal.contract_date)),
            ("need_description", deal.need_description or ""),
            ("agreement_id", item_text(self.agreement, deal.agreement_id)),
            ("lines", lines),
        ]

    def compare(self) -> None:
        """As the other cards, with the deal's field names."""
        try:
            fresh = self.fetch()
            mine = self.collect()
        except UserError as error:
            messages.report_error(self, error)
            return
        theirs = dict(self.describe(self.draft_of(fresh)))
        differences = [
            Difference(name, deal_field_label(name), text, theirs.get(name, ""))
            for name, text in self.describe(mine)
            if text != theirs.get(name, "")
        ]
        if CompareDialog.ask(self, differences):
            self.version = fresh.version
            self.stale_error = None
            self.banner.hide()
            self.set_dirty(True)

    def record_name(self) -> str:
        if self._details is None:
            return ""
        return f"{self._details.number} {self._details.title}"

    def kind_title(self) -> str:
        return self.tr("Deal")

    def new_title(self) -> str:
        return self.tr("New deal")

    def details(self) -> DealDetails | None:
        """The deal as last read or saved."""
        return self._details

    # --- what depends on the state -------------------------------------------------------------

    def _show_client(self) -> None:
        name = ""
        if self._details is not None and self._details.client_id == self._client_id:
            name = self._details.client_name
        elif self._client_id is not None:
            name = party_name(self.db, "client", self._client_id) or ""
        self.client_name.setText(name)
        self.open_client_button.setEnabled(self._client_id is not None)
        self.choose_client_button.setVisible(self.record_id is None)
        self._fill_counterparties()

    def _fill_counterparties(self) -> None:
        current = self.counterparty.currentData()
        items: list[tuple[str, Any]] = []
        if self._client_id is not None:
            no_inn = self.tr("no INN")
            items = [
                (counterparty_text(cp, no_inn), cp.id)
                for cp in p.counterparties_of_client(self.db, self._client_id)
            ]
        fill_combo(self.counterparty, items, empty=True)
        set_combo_data(self.counterparty, current)

    def _fill_agreements(self, selected: uuid.UUID | None) -> None:
        self._agreements = {}
        if self._client_id is not None:
            self._agreements = {a.id: a for a in ag.agreements_for(self.db, self._client_id)}
            if selected is not None and selected not in self._agreements:
                try:
                    self._agreements[selected] = deal_views.agreement_details(self.db, selected)
                except UserError:
                    selected = None
        typical, individual = self.tr("typical"), self.tr("individual")
        fill_combo(
            self.agreement,
            [(agreement_text(a, typical, individual), a.id) for a in self._agreements.values()],
            empty=True,
        )
        set_combo_data(self.agreement, selected)
        self._show_terms()

    def _show_terms(self) -> None:
        agreement = self._agreements.get(self.agreement.currentData())
        if agreement is None:
            for label in self.terms.values():
                label.setText("—")
            self.individual_button.setEnabled(False)
            return
        draft = agreement.draft
        days = self.tr("{n} days")
        valid_from = date_text(draft.valid_from) if draft.valid_from else ""
        valid_to = date_text(draft.valid_to) if draft.valid_to else ""
        if valid_from or valid_to:
            valid = self.tr("from {start} to {end}").format(
                start=valid_from or "…", end=valid_to or "…"
            )
        else:
            valid = self.tr("without a time limit")
        values = {
            "kind": self.tr("Typical") if draft.is_typical else self.tr("Individual"),
            "number": agreement.number,
            "status": agreement_status_label(agreement.status),
            "price_type": self._price_types.get(draft.price_type_id, "—")
            if draft.price_type_id
            else "—",
            "discount": percent_text(draft.discount_pct),
            "prepayment": percent_text(draft.prepayment_pct),
            "credit": days.format(n=draft.credit_days),
            "delivery": days.format(n=draft.delivery_days),
            "valid": valid,
        }
        for key, text in values.items():
            self.terms[key].setText(text)
        self.individual_button.setEnabled(
            draft.is_typical and self._client_id is not None and self._is_open()
        )

    def _price_type_id(self) -> uuid.UUID | None:
        """The price type of the agreement chosen on the card (catalogue lines take it)."""
        agreement = self._agreements.get(self.agreement.currentData())
        return agreement.draft.price_type_id if agreement is not None else None

    def _is_open(self) -> bool:
        return self._details is None or self._details.status == "open"

    def _update_amount_editable(self) -> None:
        has_lines = self.lines.table.rowCount() > 0
        self.amount.setReadOnly(has_lines or not self._is_open())
        self.amount_note.setText(self.tr("the total of the specification") if has_lines else "")

    def _update_stage_controls(self) -> None:
        details = self._details
        saved = details is not None and self.record_id is not None
        deal_kind = details.kind if details is not None else self.deal_kind.currentData()
        process = deal_kind != "non_process"
        is_open = self._is_open()
        # the actions live on the Stages tab, or on Main for a deal without stages
        slot = self.stages_actions if process else self.main_actions
        if self.actions_bar.parentWidget() is not (self.stages_page if process else self.main_page):
            slot.addWidget(self.actions_bar)
        self.tabs.setTabVisible(self.tabs.indexOf(self.stages_page), process)
        at_last = (
            details is not None and bool(self._stages) and details.stage_id == self._stages[-1].id
        )
        self.next_button.setVisible(process and not (deal_kind == "typical" and at_last))
        self.next_button.setEnabled(saved and is_open)
        self.won_button.setEnabled(saved and is_open and (deal_kind != "typical" or at_last))
        self.won_button.setToolTip(
            self.tr("A typical sale is won from its last stage (contract / order)")
            if deal_kind == "typical" and not at_last
            else ""
        )
        self.lost_button.setEnabled(saved and is_open)
        self.reopen_button.setVisible(self.actor.is_supervisor)
        self.reopen_button.setEnabled(saved and not is_open)
        # the path and what the current stage still needs
        if details is not None and process:
            tooltips = {
                s.id: ", ".join(requirement_label(c) for c in s.requirements) for s in self._stages
            }
            self.path.set_path(
                self._stages,
                details.stage_id,
                details.status,
                tooltips=tooltips,
                clickable=deal_kind == "manual",
            )
        elif process:
            self.path.set_path(self._stages, self._stages[0].id if self._stages else None, "open")
        self._show_unmet(details)
        # a closed deal is read-only
        self._set_editable(is_open)
        if details is not None and not is_open:
            self.closed_notice.setText(
                self.tr(
                    "The deal is closed: {status} on {date}. Only a supervisor can reopen it."
                ).format(
                    status=status_label(details.status).lower(), date=date_text(details.closed_on)
                )
            )
            self.closed_notice.show()
        else:
            self.closed_notice.hide()
        self.deal_kind.setEnabled(details is None)

    def _show_unmet(self, details: DealDetails | None) -> None:
        if details is None or details.status != "open" or details.kind == "non_process":
            self.unmet_label.hide()
            return
        texts = unmet_texts(details.unmet)
        stage = details.stage_name or ""
        if texts:
            items = "".join(f"<li>{html.escape(t)}</li>" for t in texts)
            self.unmet_label.setText(
                self.tr("To leave the stage «{stage}» the deal still needs:").format(
                    stage=html.escape(stage)
                )
                + f"<ul style='margin-top:2px'>{items}</ul>"
            )
            self.unmet_label.setStyleSheet("color: #8a5300;")
        else:
            self.unmet_label.setText(
                self.tr("Everything the stage «{stage}» needs is there.").format(
                    stage=html.escape(stage)
                )
            )
            self.unmet_label.setStyleSheet("color: #2e7d32;")
        self.unmet_label.show()

    def _set_editable(self, editable: bool) -> None:
        for text in (self.title_edit, self.need, self.contract_number):
            text.setReadOnly(not editable)
        widgets: tuple[QWidget, ...] = (
            self.counterparty,
            self.source,
            self.owner,
            self.expected_on,
            self.contract_date,
            self.agreement,
            self.lines,
            self.add_user_button,
            self.add_contact_button,
            self.add_partner_button,
            self.issue_button,
        )
        for widget in widgets:
            widget.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.save_close_button.setEnabled(editable)
        self._update_participant_buttons()
        self._update_proposal_buttons()

    # --- linked lists --------------------------------------------------------------------------

    def _build_activities(self) -> None:
        """Interactions, Tasks and Claims of the deal (the claims list is made once the deal
        is saved: it needs the deal and its client)."""
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
        self.claims_page = QWidget(self)
        self._claims_layout = QVBoxLayout(self.claims_page)
        self._claims_layout.setContentsMargins(0, 0, 0, 0)
        self.claims_tab: Any = None
        self.tabs.addTab(self.claims_page, self.tr("Claims"))

    def _refresh_activities(self) -> None:
        self.interactions_tab.set_link(deal_id=self.record_id)
        self.tasks_tab.set_link(deal_id=self.record_id)
        if self.record_id is None:
            return
        if self.claims_tab is None:
            from crm_desktop.views.claims import ClaimsTab

            self.claims_tab = ClaimsTab(
                self.db,
                self.actor,
                partner_id=self._client_id,
                deal_id=self.record_id,
                parent=self.claims_page,
            )
            self.claims_tab.open_requested.connect(self.open_requested.emit)
            self.claims_tab.new_requested.connect(self.new_requested.emit)
            self._claims_layout.addWidget(self.claims_tab)
        else:
            self.claims_tab.refresh()

    def refresh_related(self) -> None:
        self._refresh_activities()
        saved = self.record_id is not None
        for widget in (self.participants, self.proposals):
            widget.setEnabled(saved)
            widget.set_notice(None if saved else self.tr("Save the deal first to add these."))
        if self.record_id is None:
            self.participants.set_rows([])
            self.proposals.set_rows([])
            self.stage_history.set_changes([])
            return
        try:
            self._participants = list(self._details.participants) if self._details else []
            self._proposals = pr.proposals_of(self.db, self.record_id)
            changes = d.stage_history(self.db, self.record_id)
        except UserError as error:
            self.general_error.show_error(messages.user_message(error))
            return
        self.participants.set_rows(
            [((participant_kind_label(x.kind), x.name, x.role), x) for x in self._participants]
        )
        self._show_proposals()
        self.stage_history.set_changes(changes)
        self._update_participant_buttons()
        self._update_proposal_buttons()

    @Slot()
    def _update_participant_buttons(self) -> None:
        has_row = self.participants.current() is not None
        editable = self._is_open() and self.record_id is not None
        self.role_button.setEnabled(has_row and editable)
        self.remove_participant_button.setEnabled(has_row and editable)

    def _show_proposals(self) -> None:
        """Every version, oldest first; the older versions of a number in grey."""
        self.proposals.set_rows(
            [
                (
                    (
                        x.number,
                        str(x.version_no),
                        date_text(x.issued_on),
                        date_text(x.valid_until),
                        proposal_status_label(x.status),
                        money_text(x.total),
                        money_text(x.vat_total),
                    ),
                    x,
                )
                for x in self._proposals
            ]
        )
        table = self.proposals.table
        grey = QBrush(QColor(OLDER_VERSION_COLOR))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, proposal in enumerate(self._proposals):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is None:
                    continue
                if column in (1, 5, 6):
                    item.setTextAlignment(right)
                if not proposal.is_latest:
                    item.setForeground(grey)
                    item.setToolTip(
                        self.tr("An older version: a newer one of {number} exists").format(
                            number=proposal.number
                        )
                    )

    @Slot()
    def _update_proposal_buttons(self) -> None:
        current: ProposalRow | None = self.proposals.current()
        editable = self._is_open() and self.record_id is not None
        status = current.status if current is not None else None
        latest = current is not None and current.is_latest
        idle = not self.proposal_actions.is_busy()
        self.issue_button.setEnabled(editable)
        self.new_version_button.setEnabled(editable and latest)
        self.terms_button.setEnabled(editable and status == "draft")
        self.sent_button.setEnabled(editable and latest and status == "draft")
        self.accepted_button.setEnabled(editable and latest and status == "sent")
        self.rejected_button.setEnabled(editable and latest and status == "sent")
        for button in (self.preview_button, self.print_button, self.save_pdf_button):
            button.setEnabled(current is not None and idle)
        self.email_button.setEnabled(latest and idle)
        self.email_button.setToolTip(
            ""
            if latest or current is None
            else self.tr("A newer version of this proposal exists: send that one")
        )

    def _related_call(self, fn: Any, *args: Any) -> bool:
        """A participant or proposal service call; the lists and what the stage needs are read
        again (the deal's own fields and the user's edits stay as they are)."""
        try:
            fn(self.db, self.actor, *args)
        except UserError as error:
            messages.report_error(self, error)
            return False
        self._refresh_state()
        self.history.stale = True
        self.saved.emit(self.kind, self.record_id)
        return True

    def _refresh_state(self) -> None:
        """Read the deal's parts and unmet requirements again without touching the edits."""
        if self.record_id is None:
            return
        try:
            fresh = d.get_deal(self.db, self.record_id)
        except UserError as error:
            self.general_error.show_error(messages.user_message(error))
            return
        if self._details is not None:
            # only the parts: the fields (and the version they were read at) stay as they are
            self._details = replace(
                self._details, unmet=fresh.unmet, participants=fresh.participants
            )
            self._show_unmet(self._details)
        self.refresh_related()

    # --- participants --------------------------------------------------------------------------

    def add_participant(self, kind: str) -> bool:
        if self.record_id is None or self._client_id is None:
            return False
        exclude = [x.target_id for x in self._participants if x.kind == kind]
        answer = ParticipantDialog.ask(self, self.db, kind, self._client_id, exclude=exclude)
        if answer is None:
            return False
        target, role = answer
        return self._related_call(d.add_participant, self.record_id, kind, target, role)

    def change_participant_role(self) -> bool:
        part: ParticipantRow | None = self.participants.current()
        if part is None or self.record_id is None or self._client_id is None:
            return False
        answer = ParticipantDialog.ask(
            self,
            self.db,
            part.kind,
            self._client_id,
            fixed=(part.target_id, part.name),
            role=part.role,
        )
        if answer is None:
            return False
        return self._related_call(
            d.add_participant, self.record_id, part.kind, part.target_id, answer[1]
        )

    def remove_participant(self) -> bool:
        part: ParticipantRow | None = self.participants.current()
        if part is None:
            return False
        question = self.tr("Remove «{name}» from the deal's participants?").format(name=part.name)
        if not Confirm.ask(self, self.tr("Remove"), question):
            return False
        return self._related_call(d.remove_participant, part.id)

    # --- proposals -----------------------------------------------------------------------------

    def issue_proposal(self) -> bool:
        """A proposal from the specification as saved (a changed card is saved first)."""
        if not self._ready_for_action():
            return False
        return self._proposal_call(pr.issue_proposal, self.record_id) is not None

    def new_proposal_version(self) -> bool:
        """The next version of the chosen proposal from the current specification and terms
        (a changed card is saved first)."""
        proposal: ProposalRow | None = self.proposals.current()
        if proposal is None or not self._ready_for_action():
            return False
        return self._proposal_call(pr.new_version, proposal.id) is not None

    def set_proposal_status(self, status: str) -> bool:
        proposal: ProposalRow | None = self.proposals.current()
        if proposal is None:
            return False
        return self._proposal_call(pr.set_proposal_status, proposal.id, status) is not None

    def edit_proposal_terms(self) -> bool:
        """The terms of the chosen draft (its dialog saves them)."""
        proposal: ProposalRow | None = self.proposals.current()
        if proposal is None or self._client_id is None:
            return False
        saved = TermsDialog.run(self, self.db, self.actor, proposal, self._client_id)
        if saved is None:
            return False
        self._after_proposal_change(saved.id)
        return True

    def preview_proposal(self) -> ProposalPreview | None:
        """The print preview of the chosen proposal (its PDF is built in a worker)."""
        proposal: ProposalRow | None = self.proposals.current()
        if proposal is None:
            return None
        self.proposals.error.clear_error()
        preview = ProposalPreview(
            self.db,
            self.actor,
            proposal,
            self,
            runner=self.tasks,
            on_settings=self._settings_opener(),
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.sent.connect(self._on_proposal_sent)
        preview.open()
        return preview

    def print_proposal(self) -> bool:
        proposal: ProposalRow | None = self.proposals.current()
        if proposal is None:
            return False
        self.proposals.error.clear_error()
        self.proposal_actions.on_settings = self._settings_opener()
        return self.proposal_actions.print_proposal(proposal) is not None

    def save_proposal_pdf(self) -> bool:
        proposal: ProposalRow | None = self.proposals.current()
        if proposal is None:
            return False
        self.proposals.error.clear_error()
        return self.proposal_actions.save_pdf(proposal) is not None

    def email_proposal(self) -> Any:
        """The e-mail dialog for the chosen proposal (the latest version)."""
        proposal: ProposalRow | None = self.proposals.current()
        if proposal is None or not proposal.is_latest:
            return None
        self.proposals.error.clear_error()
        self.proposal_actions.on_settings = self._settings_opener()
        return self.proposal_actions.email(proposal)

    def _proposal_call(self, fn: Any, *args: Any) -> ProposalRow | None:
        """A proposal service call; the lists are read again and its proposal chosen."""
        self.clear_errors()
        try:
            row: ProposalRow = fn(self.db, self.actor, *args)
        except ValidationError as error:  # no lines yet, a newer version exists…
            self.show_errors(error.field_errors)
            return None
        except UserError as error:
            messages.report_error(self, error)
            return None
        self._after_proposal_change(row.id)
        return row

    def _after_proposal_change(self, proposal_id: Any) -> None:
        self._refresh_state()
        self.history.stale = True
        self.saved.emit(self.kind, self.record_id)
        ids = [x.id for x in self._proposals]
        if proposal_id in ids:
            self.proposals.select_row(ids.index(proposal_id))

    def _settings_opener(self) -> Any:
        """What opens the program's settings, when the main window listens; else None."""
        signal = QMetaMethod.fromSignal(self.settings_requested)
        if not self.isSignalConnected(signal):
            return None
        return self.settings_requested.emit

    @Slot(object)
    def _on_proposals_activated(self, _proposal: Any) -> None:
        self.preview_proposal()

    @Slot(object)
    def _on_proposal_sent(self, proposal_id: Any) -> None:
        self._after_proposal_change(proposal_id)

    @Slot(bool, str)
    def _on_proposal_actions_busy_changed(self, busy: bool, text: str) -> None:
        self.proposal_busy.setVisible(busy)
        if busy:
            self.proposal_busy_text.setText(text)
        self._update_proposal_buttons()

    @Slot(str)
    def _on_proposal_actions_failed(self, text: str) -> None:
        self.proposal_busy_text.clear()
        self.proposals.error.show_error(text)

    @Slot(str)
    def _on_proposal_actions_saved(self, path: str) -> None:
        self.proposal_busy_text.setText(self.tr("Saved to {path}").format(path=path))

    @Slot(int)
    def _on_proposal_actions_printed(self, _sheets: int) -> None:
        self.proposal_busy_text.setText(self.tr("Sent to the printer."))

    # --- agreement -----------------------------------------------------------------------------

    def make_individual_agreement(self) -> bool:
        """An individual agreement for this client from the chosen typical one; it is chosen
        for the deal (saved with the card)."""
        template = self._agreements.get(self.agreement.currentData())
        if template is None or not template.draft.is_typical or self._client_id is None:
            return False
        question = self.tr(
            "Make an individual agreement for «{client}» from «{template}»? It gets the same "
            "terms, becomes active and is chosen for this deal."
        ).format(client=self.client_name.text(), template=template.draft.name)
        if not Confirm.ask(self, self.tr("Individual agreement"), question):
            return False
        try:
            made = ag.individual_from(self.db, self.actor, template.id, self._client_id)
            made = ag.set_status(self.db, self.actor, made.id, made.version, "active")
        except UserError as error:
            messages.report_error(self, error)
            return False
        self._fill_agreements(made.id)
        return True

    @Slot(int)
    def _on_agreement_current_index_changed(self, _index: int) -> None:
        self._show_terms()

    # --- client --------------------------------------------------------------------------------

    def choose_client(self) -> bool:
        """A new deal's client, picked from the clients."""
        picked = PartyPicker.ask(self, self.db, "client", title=self.tr("The client of the deal"))
        if picked is None:
            return False
        self._client_id = picked.party.id
        self._show_client()
        self._fill_agreements(None)
        self.set_dirty(True)
        return True

    @Slot()
    def _on_open_client_clicked(self) -> None:
        if self._client_id is not None:
            self.open_requested.emit("client", self._client_id)

    # --- stages --------------------------------------------------------------------------------

    def _ready_for_action(self) -> bool:
        """The deal is saved and has no unsaved changes (asks to save them first)."""
        if self.record_id is not None and not self.is_dirty():
            return True
        question = self.tr("The deal has unsaved changes. Save them first?")
        if not Confirm.ask(self, self.plain_title(), question):
            return False
        return self.save() and self.record_id is not None

    def _after_action(self, details: DealDetails | None) -> bool:
        """Read the deal again after a dialog (which may have saved things even when it was
        cancelled); True when it reported a change of stage or status."""
        self.reload(ask=False)
        self.history.stale = True
        if self.tabs.currentWidget() is self.history:
            self.history.load()
        if details is not None:
            self.saved.emit(self.kind, self.record_id)
        return details is not None

    def next_stage(self, target: uuid.UUID | str | None = None) -> bool:
        """The stage wizard: what the current stage still needs, then the move."""
        if not self._ready_for_action():
            return False
        assert self.record_id is not None
        details = StageWizard.run(self, self.db, self.actor, self.record_id, target=target)
        return self._after_action(details)

    def mark_won(self) -> bool:
        if not self._ready_for_action() or self._details is None:
            return False
        assert self.record_id is not None
        if self._details.kind != "non_process":
            return self.next_stage(WON)
        question = self.tr("Close the deal «{title}» as won?").format(title=self._details.title)
        if not Confirm.ask(self, self.tr("Won"), question):
            return False
        try:
            details = d.win(self.db, self.actor, self.record_id, self._details.version)
        except UserError as error:
            messages.report_error(self, error)
            return False
        return self._after_action(details)

    def mark_lost(self) -> bool:
        if not self._ready_for_action() or self._details is None:
            return False
        assert self.record_id is not None
        details = LossDialog.run(
            self,
            self.db,
            self.actor,
            self.record_id,
            self._details.version,
            self._details.title,
        )
        return self._after_action(details)

    def reopen_deal(self) -> bool:
        if self.record_id is None or self._details is None or not self.actor.is_supervisor:
            return False
        details = ReopenDialog.run(self, self.db, self.actor, self.record_id, self._details.version)
        return self._after_action(details)

    @Slot(object)
    def _on_path_stage_clicked(self, target: Any) -> None:
        self.next_stage(target)

    @Slot(int)
    def _on_deal_kind_current_index_changed(self, _index: int) -> None:
        if self._details is None:
            self._update_stage_controls()

    @Slot(object, object)
    def _on_lines_totals_changed(self, total: Decimal, _vat: Decimal) -> None:
        if self.lines.table.rowCount() > 0:
            self.amount.setText(decimal_text(total, 2))
        self._update_amount_editable()


__all__ = ["DealCard", "DealCardDraft"]
