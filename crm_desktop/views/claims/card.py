"""The claim card («Претензия»): Main, Investigation plan (with its timeline), Interactions,
Files, History.

Save writes the claim's own fields (``update_claim``) and, when it changed, its plan
(``set_plan``); a new claim is registered with its plan in one call. The status moves are the
buttons of the status bar over the tabs — only the moves the claim's status allows are shown:
Start investigation (back to investigation for a resolved claim), Resolve… (a dialog: result,
granted amount, comment), Close, and Reopen… (a supervisor's, with a comment). Each is one
service call; a refusal is shown next to what it is about (the plan under the plan table, the
reason under its field, the decision in the dialog). A closed claim is read-only, with a banner.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
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
from crm_desktop.errors import (
    QT_TRANSLATE_NOOP,
    ConcurrencyError,
    Message,
    UserError,
    ValidationError,
)
from crm_desktop.services import claims as cl
from crm_desktop.services import parties as p
from crm_desktop.services.cards import HistoryLine, card_history, party_name
from crm_desktop.services.claims import (
    CLAIM_RESULTS,
    CLAIM_STATUSES,
    ActionDraft,
    ClaimDetails,
    ClaimDraft,
)
from crm_desktop.services.lists import DealFilter, PageRequest, deal_page
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import list_users
from crm_desktop.views import messages
from crm_desktop.views.cards.base import CardPage, combo_index, fill_combo, set_combo_data
from crm_desktop.views.cards.dialogs import CompareDialog, Confirm, Difference, PartyPicker
from crm_desktop.views.cards.history import HistoryModel, HistoryView
from crm_desktop.views.cards.labels import date_text, datetime_text, history_value
from crm_desktop.views.claims.files import FilesTab
from crm_desktop.views.claims.itemmodels import (
    RESULT_COLORS,
    STATUS_COLORS,
    result_label,
    status_label,
)
from crm_desktop.views.claims.plan import PlanEditor
from crm_desktop.views.claims.timeline import PlanTimeline
from crm_desktop.views.deals.common import counterparty_text
from crm_desktop.views.deals.labels import decimal_text, money_text, parse_decimal
from crm_desktop.views.widgets.fields import ErrorLabel, FieldBox, OptionalDateEdit

AnyIndex = QModelIndex | QPersistentModelIndex
ENTER_A_NUMBER = QT_TRANSLATE_NOOP("UserErrors", "Enter a number.")
CHOOSE_THE_PARTNER = QT_TRANSLATE_NOOP(
    "UserErrors", "Choose the client (partner) the claim comes from."
)
HINT_STYLE = "color: #5f6368;"
CLOSED_STYLE = (
    "QLabel#closedNotice { background: #f1f3f4; border: 1px solid #dadce0; border-radius: 3px;"
    " padding: 6px 10px; color: #3c4043; }"
)
STATUS_BAR_STYLE = (
    "QFrame#claimStatusBar { background: #f8f9fa; border: 1px solid #e0e3e7; border-radius: 4px; }"
)

CLAIM_FIELD_LABELS: dict[str, str] = {
    "number": QT_TRANSLATE_NOOP("ClaimFields", "Number"),
    "claimed_on": QT_TRANSLATE_NOOP("ClaimFields", "Date of the claim"),
    "partner_id": QT_TRANSLATE_NOOP("ClaimFields", "Client (partner)"),
    "counterparty_id": QT_TRANSLATE_NOOP("ClaimFields", "Counterparty"),
    "deal_id": QT_TRANSLATE_NOOP("ClaimFields", "Deal"),
    "essence": QT_TRANSLATE_NOOP("ClaimFields", "Essence of the claim"),
    "reason_id": QT_TRANSLATE_NOOP("ClaimFields", "Reason"),
    "culprit_department_id": QT_TRANSLATE_NOOP("ClaimFields", "Culprit department"),
    "culprit_user_id": QT_TRANSLATE_NOOP("ClaimFields", "Culprit employee"),
    "requested_amount": QT_TRANSLATE_NOOP("ClaimFields", "Requested compensation"),
    "status": QT_TRANSLATE_NOOP("ClaimFields", "Status"),
    "result": QT_TRANSLATE_NOOP("ClaimFields", "Result"),
    "result_amount": QT_TRANSLATE_NOOP("ClaimFields", "Granted amount"),
    "result_comment": QT_TRANSLATE_NOOP("ClaimFields", "Decision comment"),
    "owner_id": QT_TRANSLATE_NOOP("ClaimFields", "Responsible"),
    "resolved_at": QT_TRANSLATE_NOOP("ClaimFields", "Resolved"),
    "closed_at": QT_TRANSLATE_NOOP("ClaimFields", "Closed"),
    "plan": QT_TRANSLATE_NOOP("ClaimFields", "Investigation plan"),
}
MONEY_FIELDS = frozenset({"requested_amount", "result_amount"})


def claim_field_label(name: str) -> str:
    text = CLAIM_FIELD_LABELS.get(name)
    return QCoreApplication.translate("ClaimFields", text) if text else name


@dataclass(frozen=True)
class ClaimCardDraft:
    """What the card saves: the claim's fields and its investigation plan."""

    claim: ClaimDraft
    plan: tuple[ActionDraft, ...]


def plan_drafts(details: ClaimDetails) -> tuple[ActionDraft, ...]:
    return tuple(
        ActionDraft(a.action, a.responsible_id, a.planned_on, a.done_on, a.result, a.id)
        for a in details.actions
    )


def claim_draft_of(details: ClaimDetails) -> ClaimDraft:
    return ClaimDraft(
        claimed_on=details.claimed_on,
        partner_id=details.partner_id,
        essence=details.essence,
        counterparty_id=details.counterparty_id,
        deal_id=details.deal_id,
        reason_id=details.reason_id,
        culprit_department_id=details.culprit_department_id,
        culprit_user_id=details.culprit_user_id,
        requested_amount=details.requested_amount,
        owner_id=details.owner_id,
    )


def _info(parent: QWidget) -> QLabel:
    """A read-only value on the form (selectable, like a field without a frame)."""
    label = QLabel(parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMinimumHeight(24)
    return label


def _show_field_errors(
    boxes: Mapping[str, FieldBox], general: ErrorLabel, errors: Mapping[str, Message]
) -> None:
    rest = []
    for name, message in errors.items():
        text = messages.message_text(message)
        if name in boxes:
            boxes[name].show_error(text)
        else:
            rest.append(text)
    general.show_error("\n".join(rest))


# --- history ------------------------------------------------------------------------------------


class ClaimHistoryModel(HistoryModel):
    """The cards' history model with the claim's words for fields and values; ``names`` maps
    a referenced id (as text) to the name the card knows it by."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, entity="claim")
        self.names: dict[str, str] = {}

    def value_text(self, line: HistoryLine, value: str | None) -> str:
        if value is None:
            return ""
        field = line.field or ""
        if field == "status":
            return status_label(value)
        if field == "result":
            return result_label(value)
        if field in MONEY_FIELDS:
            try:
                return money_text(Decimal(value))
            except ArithmeticError:
                return value
        if field == "claimed_on":
            try:
                return date_text(date.fromisoformat(value))
            except ValueError:
                return value
        return self.names.get(value) or history_value(line.field, value)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() < 2:
            return super().data(index, role)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        line = self.line(index.row())
        if index.column() == 2:
            if line.field and not line.part and line.field in CLAIM_FIELD_LABELS:
                return claim_field_label(line.field)
            return super().data(index, role)
        return self.value_text(line, line.old_value if index.column() == 3 else line.new_value)


class ClaimHistoryView(HistoryView):
    """The History tab of a claim card."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, "claim", parent)
        self.model = ClaimHistoryModel(self)
        self.view.setModel(self.model)

    def load(self) -> None:
        self.stale = False
        if self._record_id is None:
            self.model.set_lines([])
            return
        try:
            self.model.set_lines(card_history(self._db, "claim", self._record_id))
            self.error.clear_error()
        except UserError as error:
            self.error.show_error(messages.user_message(error))


# --- dialogs ------------------------------------------------------------------------------------


class ResolveDialog(QDialog):
    """«Resolve the claim»: the result, the granted amount and a comment.

    Refusals about the dialog's own fields stay in it; when the service refuses for reasons
    of the card (open plan actions, no reason chosen) the dialog closes and ``card_errors``
    holds them for the card to show next to its fields.
    """

    def __init__(
        self,
        db: Database,
        actor: Actor,
        details: ClaimDetails,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._claim = details
        self.details: ClaimDetails | None = None
        self.card_errors: Mapping[str, Message] | None = None
        self.setWindowTitle(self.tr("Resolve the claim"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr("Claim {number} of {partner}: requested {amount}.").format(
                number=details.number,
                partner=details.partner_name,
                amount=money_text(details.requested_amount),
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.result_combo = QComboBox(self)
        self.result_combo.setObjectName("claimResult")
        self.result_combo.addItem("", None)
        for code in CLAIM_RESULTS:
            self.result_combo.addItem(result_label(code), code)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("grantedAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount.setMaximumWidth(200)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("resultComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("What was decided and why"))
        self.comment.setMinimumHeight(90)
        if details.result:
            set_combo_data(self.result_combo, details.result)
            self.amount.setText(decimal_text(details.result_amount, 2, grouped=False))
            self.comment.setPlainText(details.result_comment or "")
        self.boxes = {
            "result": FieldBox(self.result_combo, self),
            "result_amount": FieldBox(self.amount, self),
            "result_comment": FieldBox(self.comment, self),
        }
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Resolve"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.result_combo.currentIndexChanged.connect(self._on_result_changed)
        form = QFormLayout()
        form.addRow(self.tr("Result:"), self.boxes["result"])
        form.addRow(self.tr("Granted amount:"), self.boxes["result_amount"])
        form.addRow(self.tr("Comment:"), self.boxes["result_comment"])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._on_result_changed()

    def choose(self, result: str, amount: Decimal | None = None, comment: str = "") -> None:
        """Fill the dialog as the user would (for tests and scripted use)."""
        set_combo_data(self.result_combo, result)
        if amount is not None:
            self.amount.setText(decimal_text(amount, 2, grouped=False))
        self.comment.setPlainText(comment)

    def submit(self) -> bool:
        for box in self.boxes.values():
            box.clear_error()
        self.error.clear_error()
        text = self.amount.text().strip()
        amount = parse_decimal(text) if text else None
        if text and amount is None:
            self.boxes["result_amount"].show_error(messages.message_text(Message(ENTER_A_NUMBER)))
            return False
        try:
            self.details = cl.resolve(
                self._db,
                self._actor,
                self._claim.id,
                self._claim.version,
                self.result_combo.currentData(),
                amount,
                self.comment.toPlainText(),
            )
        except ValidationError as error:
            if any(name in self.boxes for name in error.field_errors):
                _show_field_errors(self.boxes, self.error, error.field_errors)
                return False
            self.card_errors = error.field_errors
            self.reject()
            return False
        except UserError as error:
            self.error.show_error(messages.user_message(error))
            return False
        self.accept()
        return True

    @Slot()
    def _on_result_changed(self, *_args: Any) -> None:
        result = self.result_combo.currentData()
        rejected = result == "rejected"
        if rejected:
            self.amount.setText(decimal_text(Decimal(0), 2, grouped=False))
        elif result == "satisfied" and not self.amount.text().strip():
            self.amount.setText(decimal_text(self._claim.requested_amount, 2, grouped=False))
        self.amount.setEnabled(not rejected)

    @classmethod
    def run(
        cls, parent: QWidget | None, db: Database, actor: Actor, details: ClaimDetails
    ) -> ResolveDialog:
        """Show the dialog; the caller reads ``details`` (resolved) or ``card_errors``."""
        dialog = cls(db, actor, details, parent)
        dialog.exec()
        return dialog


class ReopenClaimDialog(QDialog):
    """A supervisor reopens a closed claim: what is to be re-examined becomes a new action."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        details: ClaimDetails,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._claim = details
        self.details: ClaimDetails | None = None
        self.setWindowTitle(self.tr("Reopen the claim"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "The claim goes back to investigation. The comment becomes a new open action "
                "of its plan, assigned to the claim's responsible; the reopening is recorded in "
                "its history."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("reopenComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("What is to be re-examined"))
        self.comment.setMinimumHeight(80)
        self.box = FieldBox(self.comment, self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Reopen"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Comment:"), self))
        layout.addWidget(self.box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> bool:
        self.box.clear_error()
        self.error.clear_error()
        try:
            self.details = cl.reopen(
                self._db,
                self._actor,
                self._claim.id,
                self._claim.version,
                self.comment.toPlainText(),
            )
        except ValidationError as error:
            _show_field_errors({"comment": self.box}, self.error, error.field_errors)
            return False
        except UserError as error:
            self.error.show_error(messages.user_message(error))
            return False
        self.accept()
        return True

    @classmethod
    def run(
        cls, parent: QWidget | None, db: Database, actor: Actor, details: ClaimDetails
    ) -> ClaimDetails | None:
        dialog = cls(db, actor, details, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details


# --- the status bar -----------------------------------------------------------------------------


class StatusPath(QWidget):
    """Registered → Under investigation → Resolved → Closed, the current one highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimStatusPath")
        self.chips: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for index, code in enumerate(CLAIM_STATUSES):
            if index:
                arrow = QLabel("›", self)
                arrow.setStyleSheet("color: #9aa0a6; font-size: 16px;")
                layout.addWidget(arrow)
            chip = QLabel(status_label(code), self)
            chip.setObjectName(f"status_{code}")
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.chips[code] = chip
            layout.addWidget(chip)
        self.set_status(None)

    def set_status(self, status: str | None) -> None:
        reached = CLAIM_STATUSES.index(status) if status in CLAIM_STATUSES else -1
        for index, (code, chip) in enumerate(self.chips.items()):
            if index == reached:
                color = STATUS_COLORS[code]
                style = (
                    f"background: {color}; color: white; font-weight: bold;"
                    " border-radius: 10px; padding: 3px 12px;"
                )
            elif index < reached:
                style = (
                    "background: #e8f0fe; color: #3c4043; border-radius: 10px; padding: 3px 12px;"
                )
            else:
                style = (
                    "background: transparent; color: #9aa0a6; border: 1px solid #dadce0;"
                    " border-radius: 10px; padding: 2px 11px;"
                )
            chip.setStyleSheet(style)

    def current(self) -> str | None:
        for code, chip in self.chips.items():
            if "bold" in chip.styleSheet():
                return code
        return None


# --- the card -----------------------------------------------------------------------------------


class ClaimCard(CardPage):
    """A claim: its fields, status moves, investigation plan with a timeline, interactions,
    files and audit history.

    A new claim takes ``partner_id`` (the client it comes from; else chosen on the card) and
    ``deal_id`` (a deal of that client).
    """

    kind = "claim"

    def __init__(
        self,
        db: Database,
        actor: Actor,
        record_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        *,
        partner_id: uuid.UUID | None = None,
        deal_id: uuid.UUID | None = None,
    ) -> None:
        self._details: ClaimDetails | None = None
        self._partner_id = partner_id
        self._new_deal_id = deal_id
        super().__init__(db, actor, record_id, parent)

    # --- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self._users = [(u.id, u.full_name) for u in list_users(self.db, active_only=False)]
        self._reasons = [(r.name, r.id) for r in cl.claim_reasons(self.db)]
        self._departments = [(d.name, d.id) for d in cl.departments(self.db)]
        old_history = self.history
        self.history = ClaimHistoryView(self.db, self)
        old_history.hide()
        old_history.setParent(None)
        old_history.deleteLater()
        self._names_for_history()
        self._build_status_bar()
        self.main_page = self._build_main()
        self.plan_page = self._build_plan()
        self.interactions_page = self._build_interactions()
        self.files = FilesTab(self.db, self.actor, "claim", self)
        self.files.changed.connect(self._on_files_changed)
        self.tabs.addTab(self.main_page, self.tr("Main"))
        self.tabs.addTab(self.plan_page, self.tr("Investigation plan"))
        self.tabs.addTab(self.interactions_page, self.tr("Interactions"))
        self.tabs.addTab(self.files, self.tr("Files"))

    def _build_status_bar(self) -> None:
        self.status_bar = QFrame(self)
        self.status_bar.setObjectName("claimStatusBar")
        self.status_bar.setStyleSheet(STATUS_BAR_STYLE)
        self.status_path = StatusPath(self.status_bar)
        self.start_button = QPushButton(self.tr("Start investigation"), self.status_bar)
        self.start_button.setObjectName("startInvestigation")
        self.resolve_button = QPushButton(self.tr("Resolve…"), self.status_bar)
        self.resolve_button.setObjectName("resolveClaim")
        self.close_claim_button = QPushButton(self.tr("Close"), self.status_bar)
        self.close_claim_button.setObjectName("closeClaim")
        self.close_claim_button.setToolTip(
            self.tr("Close the resolved claim: it becomes read-only")
        )
        self.reopen_button = QPushButton(self.tr("Reopen…"), self.status_bar)
        self.reopen_button.setObjectName("reopenClaim")
        self.reopen_button.setToolTip(self.tr("A supervisor reopens a closed claim"))
        self.status_error = ErrorLabel(self.status_bar)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status_path)
        row.addStretch(1)
        for button in (
            self.start_button,
            self.resolve_button,
            self.close_claim_button,
            self.reopen_button,
        ):
            row.addWidget(button)
        box = QVBoxLayout(self.status_bar)
        box.setContentsMargins(8, 6, 8, 6)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.status_error)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.resolve_button.clicked.connect(self._on_resolve_clicked)
        self.close_claim_button.clicked.connect(self._on_close_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_clicked)
        self.closed_notice = QLabel(self)
        self.closed_notice.setObjectName("closedNotice")
        self.closed_notice.setStyleSheet(CLOSED_STYLE)
        self.closed_notice.setWordWrap(True)
        self.closed_notice.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        at = layout.indexOf(self.tabs)
        layout.insertWidget(at, self.status_bar)
        layout.insertWidget(at + 1, self.closed_notice)
        self.label_for("status", self.status_error, self.start_button)

    def _build_main(self) -> QWidget:
        page = QWidget(self)
        self.number = _info(page)
        self.number.setObjectName("claimNumber")
        font = self.number.font()
        font.setBold(True)
        self.number.setFont(font)
        self.claimed_on = OptionalDateEdit(page)
        self.claimed_on.setObjectName("claimedOn")
        self.claimed_on.setDisplayFormat("dd.MM.yyyy")
        self.claimed_on.setMaximumWidth(160)
        self.claimed_on.value_changed.connect(self._update_timeline)
        self.status_text = _info(page)
        self.status_text.setObjectName("statusText")

        self.partner_name = QLineEdit(page)
        self.partner_name.setObjectName("partnerName")
        self.partner_name.setReadOnly(True)
        self.partner_name.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.open_partner_button = QPushButton(self.tr("Open"), page)
        self.open_partner_button.setToolTip(self.tr("Open the client's card"))
        self.choose_partner_button = QPushButton(self.tr("Choose…"), page)
        partner_row = QWidget(page)
        partner_layout = QHBoxLayout(partner_row)
        partner_layout.setContentsMargins(0, 0, 0, 0)
        partner_layout.addWidget(self.partner_name, 1)
        partner_layout.addWidget(self.open_partner_button)
        partner_layout.addWidget(self.choose_partner_button)
        self.open_partner_button.clicked.connect(self._on_open_partner_clicked)
        self.choose_partner_button.clicked.connect(self.choose_partner)

        self.counterparty = QComboBox(page)
        self.counterparty.setObjectName("counterparty")
        self.deal = QComboBox(page)
        self.deal.setObjectName("deal")
        self.open_deal_button = QPushButton(self.tr("Open"), page)
        self.open_deal_button.setToolTip(self.tr("Open the deal's card"))
        self.open_deal_button.clicked.connect(self._on_open_deal_clicked)
        self.deal.currentIndexChanged.connect(self._update_open_deal)
        deal_row = QWidget(page)
        deal_layout = QHBoxLayout(deal_row)
        deal_layout.setContentsMargins(0, 0, 0, 0)
        deal_layout.addWidget(self.deal, 1)
        deal_layout.addWidget(self.open_deal_button)

        self.reason = QComboBox(page)
        self.reason.setObjectName("reason")
        fill_combo(self.reason, self._reasons, empty=True)
        self.culprit_department = QComboBox(page)
        self.culprit_department.setObjectName("culpritDepartment")
        fill_combo(self.culprit_department, self._departments, empty=True)
        self.culprit_user = QComboBox(page)
        self.culprit_user.setObjectName("culpritUser")
        fill_combo(self.culprit_user, [(n, i) for i, n in self._users], empty=True)
        self.culprit_hint = QLabel(
            self.tr("Left empty, the department is the culprit employee's own."), page
        )
        self.culprit_hint.setStyleSheet(HINT_STYLE)
        self.culprit_hint.setWordWrap(True)
        self.requested = QLineEdit(page)
        self.requested.setObjectName("requestedAmount")
        self.requested.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.requested.setMaximumWidth(180)
        requested_row = QWidget(page)
        requested_layout = QHBoxLayout(requested_row)
        requested_layout.setContentsMargins(0, 0, 0, 0)
        requested_layout.addWidget(self.requested)
        requested_layout.addWidget(QLabel("₽", page))
        requested_layout.addStretch(1)
        self.owner = QComboBox(page)
        self.owner.setObjectName("owner")
        fill_combo(self.owner, [(n, i) for i, n in self._users], empty=False)
        self.essence = QPlainTextEdit(page)
        self.essence.setObjectName("essence")
        self.essence.setTabChangesFocus(True)
        self.essence.setPlaceholderText(
            self.tr("What the client complains about: the goods, the documents, the facts")
        )

        top = QFormLayout()
        top.addRow(self.tr("Number:"), self.number)
        top.addRow(self.tr("Client (partner):"), self.field("partner_id", partner_row))
        left = QFormLayout()
        left.addRow(self.tr("Date:"), self.field("claimed_on", self.claimed_on))
        left.addRow(self.tr("Counterparty:"), self.field("counterparty_id", self.counterparty))
        left.addRow(self.tr("Deal:"), self.field("deal_id", deal_row))
        left.addRow(self.tr("Reason:"), self.field("reason_id", self.reason))
        left.addRow(self.tr("Responsible:"), self.field("owner_id", self.owner))
        right = QFormLayout()
        right.addRow(
            self.tr("Culprit department:"),
            self.field("culprit_department_id", self.culprit_department),
        )
        right.addRow(self.tr("Culprit employee:"), self.field("culprit_user_id", self.culprit_user))
        right.addRow("", self.culprit_hint)
        right.addRow(
            self.tr("Requested compensation:"), self.field("requested_amount", requested_row)
        )
        right.addRow(self.tr("Status:"), self.status_text)
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        essence_group = QGroupBox(self.tr("Essence of the claim"), page)
        QVBoxLayout(essence_group).addWidget(self.field("essence", self.essence))
        self.essence.setMinimumHeight(90)
        self.essence.setMaximumHeight(200)

        self.decision = QGroupBox(self.tr("Decision"), page)
        self.decision.setObjectName("decision")
        decision_form = QFormLayout(self.decision)
        self.result_text = _info(self.decision)
        self.result_text.setObjectName("resultText")
        self.granted_text = _info(self.decision)
        self.granted_text.setObjectName("grantedText")
        self.comment_text = _info(self.decision)
        self.comment_text.setWordWrap(True)
        self.dates_text = _info(self.decision)
        decision_form.addRow(self.tr("Result:"), self.result_text)
        decision_form.addRow(self.tr("Granted amount:"), self.granted_text)
        decision_form.addRow(self.tr("Comment:"), self.comment_text)
        decision_form.addRow(self.tr("Resolved / closed:"), self.dates_text)

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addWidget(essence_group)
        layout.addWidget(self.decision)
        layout.addStretch(1)
        for widget in (self.requested,):
            self.watch(widget)
        return page

    def _build_plan(self) -> QWidget:
        page = QWidget(self)
        note = QLabel(
            self.tr(
                "What is to be done to investigate the claim, who does it and by when. The "
                "investigation starts once the plan has an action; the claim is resolved when "
                "every action is done. Saved with the card."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        self.plan = PlanEditor(self._users, default_responsible=self.actor.user_id, parent=page)
        self.plan.changed.connect(self._update_timeline)
        self.plan_note = QLabel(page)
        self.plan_note.setObjectName("planNote")
        self.plan_note.setWordWrap(True)
        self.plan_note.setStyleSheet("color: #8a5300;")
        self.plan_note.hide()
        self.timeline = PlanTimeline(page)
        timeline_box = QGroupBox(self.tr("Timeline"), page)
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(6, 6, 6, 6)
        timeline_layout.addWidget(self.timeline)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.plan_note)
        layout.addWidget(self.table("plan", self.plan), 1)
        layout.addWidget(timeline_box)
        return page

    def _build_interactions(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("interactionsPage")
        self._interactions_layout = QVBoxLayout(page)
        self.interactions_tab: Any = None
        self.interactions_hint = QLabel(
            self.tr("Calls, letters and meetings about this claim will be listed here."), page
        )
        self.interactions_hint.setStyleSheet(HINT_STYLE)
        self.interactions_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._interactions_layout.addWidget(self.interactions_hint, 1)
        return page

    def _names_for_history(self) -> None:
        model = self.history.model
        if isinstance(model, ClaimHistoryModel):
            names = {str(i): n for i, n in self._users}
            names.update({str(i): n for n, i in (*self._reasons, *self._departments)})
            model.names = names

    # --- what other parts of the program add -------------------------------------------------

    def set_interactions_widget(self, widget: QWidget) -> None:
        """Put the claim's interactions widget on the Interactions tab (replaces the hint)."""
        self.interactions_hint.hide()
        widget.setParent(self.interactions_page)
        self._interactions_layout.addWidget(widget, 1)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab of another part of the program before Files and History; its index."""
        return self.tabs.insertTab(self.tabs.indexOf(self.files), widget, title)

    # --- binding -------------------------------------------------------------------------------

    def fetch(self) -> ClaimDetails:
        assert self.record_id is not None
        return cl.get_claim(self.db, self.record_id)

    def fill_new(self) -> None:
        self.number.setText(self.tr("(given when saved)"))
        self.claimed_on.set_value(date.today())
        set_combo_data(self.owner, self.actor.user_id)
        self.requested.setText(decimal_text(Decimal(0), 2, grouped=False))
        self._show_partner()
        set_combo_data(self.deal, self._new_deal_id)
        self.plan.set_rows([])
        self._show_state()

    def fill(self, details: ClaimDetails) -> None:
        self._details = details
        self._partner_id = details.partner_id
        self.number.setText(details.number)
        self.claimed_on.set_value(details.claimed_on)
        self._show_partner()
        set_combo_data(self.counterparty, details.counterparty_id)
        set_combo_data(self.deal, details.deal_id)
        self._set_known(self.reason, details.reason_id, details.reason_name)
        self._set_known(
            self.culprit_department,
            details.culprit_department_id,
            details.culprit_department_name,
        )
        self._set_known(self.culprit_user, details.culprit_user_id, details.culprit_user_name)
        self._set_known(self.owner, details.owner_id, details.owner_name)
        self.requested.setText(decimal_text(details.requested_amount, 2, grouped=False))
        self.essence.setPlainText(details.essence)
        self.plan.load(details.actions)
        self._show_state()

    @staticmethod
    def _set_known(combo: QComboBox, value: uuid.UUID | None, name: str | None) -> None:
        """Select ``value``, adding it first if the list lacks it (a deleted reason…)."""
        if value is not None and combo_index(combo, value) < 0:
            combo.addItem(name or str(value), value)
        set_combo_data(combo, value)

    def collect(self) -> ClaimCardDraft:
        if self._partner_id is None:
            raise ValidationError.single("partner_id", CHOOSE_THE_PARTNER)
        text = self.requested.text().strip()
        amount = parse_decimal(text) if text else Decimal(0)
        if amount is None:
            raise ValidationError({"requested_amount": Message(ENTER_A_NUMBER)})
        claim = ClaimDraft(
            claimed_on=self.claimed_on.value(),
            partner_id=self._partner_id,
            essence=self.essence.toPlainText(),
            counterparty_id=self.counterparty.currentData(),
            deal_id=self.deal.currentData(),
            reason_id=self.reason.currentData(),
            culprit_department_id=self.culprit_department.currentData(),
            culprit_user_id=self.culprit_user.currentData(),
            requested_amount=amount,
            owner_id=self.owner.currentData(),
        )
        return ClaimCardDraft(claim, tuple(self.plan.drafts()))

    def write(self, draft: ClaimCardDraft) -> ClaimDetails:
        if self.record_id is None:
            return cl.create_claim(self.db, self.actor, draft.claim, list(draft.plan))
        assert self.version is not None
        saved = self._details
        plan = None if saved is not None and draft.plan == plan_drafts(saved) else draft.plan
        # the fields and the plan in one transaction: a refused plan saves nothing
        return cl.save_claim(self.db, self.actor, self.record_id, self.version, draft.claim, plan)

    def draft_of(self, details: ClaimDetails) -> ClaimCardDraft:
        return ClaimCardDraft(claim_draft_of(details), plan_drafts(details))

    def describe(self, draft: ClaimCardDraft) -> list[tuple[str, str]]:
        def item_text(combo: QComboBox, value: Any) -> str:
            index = combo_index(combo, value)
            return combo.itemText(index) if index >= 0 else ""

        names = dict(self._users)
        claim = draft.claim
        plan = "\n".join(
            f"{a.action} — {names.get(a.responsible_id, '') if a.responsible_id else ''}, "
            f"{date_text(a.planned_on)}"
            + (f" ✓ {date_text(a.done_on)}" if a.done_on else "")
            + (f": {a.result}" if a.result else "")
            for a in draft.plan
        )
        return [
            ("claimed_on", date_text(claim.claimed_on)),
            ("counterparty_id", item_text(self.counterparty, claim.counterparty_id)),
            ("deal_id", item_text(self.deal, claim.deal_id)),
            ("reason_id", item_text(self.reason, claim.reason_id)),
            (
                "culprit_department_id",
                item_text(self.culprit_department, claim.culprit_department_id),
            ),
            ("culprit_user_id", item_text(self.culprit_user, claim.culprit_user_id)),
            ("requested_amount", money_text(claim.requested_amount)),
            ("owner_id", item_text(self.owner, claim.owner_id)),
            ("essence", claim.essence),
            ("plan", plan),
        ]

    def compare(self) -> None:
        """As the other cards, with the claim's field names."""
        try:
            fresh = self.fetch()
            mine = self.collect()
        except UserError as error:
            messages.report_error(self, error)
            return
        theirs = dict(self.describe(self.draft_of(fresh)))
        differences = [
            Difference(name, claim_field_label(name), text, theirs.get(name, ""))
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
        return f"{self._details.number} {self._details.partner_name}"

    def kind_title(self) -> str:
        return self.tr("Claim")

    def new_title(self) -> str:
        return self.tr("New claim")

    def details(self) -> ClaimDetails | None:
        """The claim as last read or saved."""
        return self._details

    def refresh_related(self) -> None:
        self.files.set_owner(self.record_id)
        if self.interactions_tab is None:
            # imported here: the activity widgets use the cards' building blocks
            from crm_desktop.views.activities.tabs import InteractionsTab

            self.interactions_tab = InteractionsTab(self.db, self.actor, self)
            self.interactions_tab.open_requested.connect(self.open_requested.emit)
            self.interactions_tab.new_requested.connect(self.new_requested.emit)
            self.set_interactions_widget(self.interactions_tab)
        self.interactions_tab.set_link(claim_id=self.record_id)

    # --- what depends on the state -------------------------------------------------------------

    def status(self) -> str | None:
        return self._details.status if self._details is not None else None

    def _show_partner(self) -> None:
        name = ""
        if self._details is not None and self._details.partner_id == self._partner_id:
            name = self._details.partner_name
        elif self._partner_id is not None:
            name = party_name(self.db, "client", self._partner_id) or ""
        self.partner_name.setText(name)
        self.open_partner_button.setEnabled(self._partner_id is not None)
        self.choose_partner_button.setVisible(self.record_id is None)
        self._fill_partner_lists()

    def _fill_partner_lists(self) -> None:
        counterparty, deal = self.counterparty.currentData(), self.deal.currentData()
        counterparties: list[tuple[str, Any]] = []
        deals: list[tuple[str, Any]] = []
        if self._partner_id is not None:
            no_inn = self.tr("no INN")
            try:
                counterparties = [
                    (counterparty_text(cp, no_inn), cp.id)
                    for cp in p.counterparties_of_client(self.db, self._partner_id)
                ]
                rows = deal_page(
                    self.db,
                    DealFilter(client_id=self._partner_id),
                    PageRequest(sort="number", descending=True, limit=200),
                )
                deals = [(f"{r.number} {r.title}", r.id) for _key, r in rows]
            except UserError as error:
                self.general_error.show_error(messages.user_message(error))
        details = self._details
        if (
            details is not None
            and details.partner_id == self._partner_id
            and details.deal_id is not None
            and all(i != details.deal_id for _t, i in deals)
        ):
            deals.append((f"{details.deal_number} {details.deal_title}", details.deal_id))
        fill_combo(self.counterparty, counterparties, empty=True)
        fill_combo(self.deal, deals, empty=True)
        set_combo_data(self.counterparty, counterparty)
        set_combo_data(self.deal, deal)
        self._update_open_deal()

    def _show_state(self) -> None:
        details = self._details
        status = details.status if details is not None else None
        saved = details is not None and self.record_id is not None
        self.status_path.set_status(status or "registered")
        self.status_text.setText(status_label(status or "registered"))
        color = STATUS_COLORS.get(status or "registered", "#000000")
        self.status_text.setStyleSheet(f"color: {color}; font-weight: bold;")
        # the moves the status allows
        self.start_button.setVisible(saved and status in ("registered", "resolved"))
        self.start_button.setText(
            self.tr("Back to investigation")
            if status == "resolved"
            else self.tr("Start investigation")
        )
        self.resolve_button.setVisible(saved and status in ("investigation", "resolved"))
        self.resolve_button.setText(
            self.tr("Change decision…") if status == "resolved" else self.tr("Resolve…")
        )
        self.close_claim_button.setVisible(saved and status == "resolved")
        self.reopen_button.setVisible(self.actor.is_supervisor and saved and status == "closed")
        # the decision
        if details is not None and details.result:
            self.decision.show()
            result_color = RESULT_COLORS.get(details.result, "#000000")
            self.result_text.setText(result_label(details.result))
            self.result_text.setStyleSheet(f"color: {result_color}; font-weight: bold;")
            self.granted_text.setText(
                self.tr("{granted} of {requested} requested").format(
                    granted=money_text(details.result_amount),
                    requested=money_text(details.requested_amount),
                )
            )
            self.comment_text.setText(details.result_comment or "—")
            moments = [
                datetime_text(x) for x in (details.resolved_at, details.closed_at) if x is not None
            ]
            self.dates_text.setText(" / ".join(moments) or "—")
        else:
            self.decision.hide()
        # what may be changed
        closed = status == "closed"
        self._set_editable(not closed)
        self.plan.set_read_only(closed or status == "resolved")
        if status == "resolved":
            self.plan_note.setText(
                self.tr(
                    "The claim is resolved: its plan is frozen. Return it to investigation to "
                    "change the plan."
                )
            )
            self.plan_note.show()
        else:
            self.plan_note.hide()
        self.files.set_read_only(closed)
        if closed and details is not None:
            if details.closed_at is not None:
                text = self.tr(
                    "The claim was closed on {date}: it cannot be changed. Only a supervisor "
                    "can reopen it."
                ).format(date=datetime_text(details.closed_at))
            else:
                text = self.tr(
                    "The claim is closed: it cannot be changed. Only a supervisor can reopen it."
                )
            self.closed_notice.setText(text)
            self.closed_notice.show()
        else:
            self.closed_notice.hide()
        self._update_timeline()

    def _set_editable(self, editable: bool) -> None:
        for text in (self.requested,):
            text.setReadOnly(not editable)
        self.essence.setReadOnly(not editable)
        for widget in (
            self.claimed_on,
            self.counterparty,
            self.deal,
            self.reason,
            self.culprit_department,
            self.culprit_user,
            self.owner,
            self.choose_partner_button,
        ):
            widget.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.save_close_button.setEnabled(editable)

    def is_read_only(self) -> bool:
        return self.status() == "closed"

    @Slot()
    def _update_timeline(self, *_args: Any) -> None:
        self.timeline.set_plan(self.claimed_on.value(), self.plan.timeline_rows())

    @Slot()
    def _update_open_deal(self, *_args: Any) -> None:
        self.open_deal_button.setEnabled(self.deal.currentData() is not None)

    # --- status moves --------------------------------------------------------------------------

    def _ready_for_action(self) -> bool:
        """The claim is saved and has no unsaved changes (asks to save them first)."""
        if self.record_id is not None and not self.is_dirty():
            return True
        question = self.tr("The claim has unsaved changes. Save them first?")
        if not Confirm.ask(self, self.plain_title(), question):
            return False
        return self.save() and self.record_id is not None

    def _after_move(self, details: ClaimDetails) -> None:
        self._take(details)
        self.history.stale = True
        if self.tabs.currentWidget() is self.history:
            self.history.load()
        self.saved.emit(self.kind, self.record_id)

    def _move(self, fn: Any, *args: Any) -> bool:
        """A status move through the service; a refusal is shown where it belongs."""
        if not self._ready_for_action() or self._details is None:
            return False
        self.clear_errors()
        try:
            details = fn(self.db, self.actor, self._details.id, self._details.version, *args)
        except ValidationError as error:
            self.show_errors(error.field_errors)
            return False
        except ConcurrencyError as error:
            self.show_stale(error)
            return False
        except UserError as error:
            self.general_error.show_error(messages.user_message(error))
            return False
        self._after_move(details)
        return True

    def start_investigation(self) -> bool:
        """registered → investigation (the plan needs an action), or a resolved claim back."""
        return self._move(cl.start_investigation)

    def resolve_claim(self) -> bool:
        """The decision dialog; a refusal about the card's fields is shown on the card."""
        if not self._ready_for_action() or self._details is None:
            return False
        self.clear_errors()
        dialog = ResolveDialog.run(self, self.db, self.actor, self._details)
        if dialog.details is not None:
            self._after_move(dialog.details)
            return True
        if dialog.card_errors:
            self.show_errors(dialog.card_errors)
        return False

    def close_claim(self) -> bool:
        if self._details is None:
            return False
        question = self.tr(
            "Close the claim {number}? A closed claim cannot be changed; only a supervisor can "
            "reopen it."
        ).format(number=self._details.number)
        if not Confirm.ask(self, self.tr("Close the claim"), question):
            return False
        return self._move(cl.close)

    def reopen_claim(self) -> bool:
        if self._details is None or not self.actor.is_supervisor:
            return False
        self.clear_errors()
        details = ReopenClaimDialog.run(self, self.db, self.actor, self._details)
        if details is None:
            return False
        self._after_move(details)
        return True

    @Slot()
    def _on_start_clicked(self) -> None:
        self.start_investigation()

    @Slot()
    def _on_resolve_clicked(self) -> None:
        self.resolve_claim()

    @Slot()
    def _on_close_clicked(self) -> None:
        self.close_claim()

    @Slot()
    def _on_reopen_clicked(self) -> None:
        self.reopen_claim()

    # --- partner, deal, files ------------------------------------------------------------------

    def choose_partner(self) -> bool:
        """A new claim's client (partner), picked from the clients."""
        picked = PartyPicker.ask(
            self, self.db, "client", title=self.tr("The client the claim comes from")
        )
        if picked is None:
            return False
        self.set_partner(picked.party.id)
        return True

    def set_partner(self, partner_id: uuid.UUID) -> None:
        self._partner_id = partner_id
        self._show_partner()
        self.set_dirty(True)

    @Slot()
    def _on_open_partner_clicked(self) -> None:
        if self._partner_id is not None:
            self.open_requested.emit("client", self._partner_id)

    @Slot()
    def _on_open_deal_clicked(self) -> None:
        deal_id = self.deal.currentData()
        if deal_id is not None:
            self.open_requested.emit("deal", deal_id)

    @Slot()
    def _on_files_changed(self) -> None:
        self.history.stale = True


__all__ = [
    "ClaimCard",
    "ClaimCardDraft",
    "ClaimHistoryView",
    "ReopenClaimDialog",
    "ResolveDialog",
    "claim_field_label",
]
