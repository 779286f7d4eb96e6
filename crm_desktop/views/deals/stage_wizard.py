"""The stage move wizard: «Следующий этап» of a deal.

Typical sale: the first page shows the path with the current stage and the one the deal goes
to; when the current stage still lacks something, the second page asks for exactly that — one
section per unmet requirement code of :data:`crm_desktop.services.deal_stages.CHECKS` (attach
a contact, describe the need, add lines, classify the client, choose an agreement, issue and
send the proposal, record the client's acceptance, choose the counterparty, record the
contract). Finish saves each answer through its service, and only when all of it is saved does
it call :func:`~crm_desktop.services.deals.move_to_stage` (or ``win`` from the last stage). A
refusal is shown in the section it concerns and the wizard stays open.

Manual stages: any stage (or «Won») may be chosen; what the move leaves unmet is listed as a
warning, and the service's ConfirmationNeededError becomes a question
(:class:`~crm_desktop.views.deals.dialogs.SkipConfirm`) before the move is repeated with
``confirm_skipped=True``; the skipped requirements land in the stage history.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crm_desktop.db import Database
from crm_desktop.errors import (
    QT_TRANSLATE_NOOP,
    ConfirmationNeededError,
    Message,
    UserError,
    ValidationError,
)
from crm_desktop.services import agreements as ag
from crm_desktop.services import deal_views
from crm_desktop.services import deals as d
from crm_desktop.services import parties as p
from crm_desktop.services import proposals as pr
from crm_desktop.services.deal_stages import Unmet
from crm_desktop.services.deal_views import StageInfo
from crm_desktop.services.deals import DealDetails
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.cards.base import fill_combo
from crm_desktop.views.cards.labels import date_text
from crm_desktop.views.deals.common import agreement_text, counterparty_text, deal_draft_of
from crm_desktop.views.deals.dialogs import SkipConfirm
from crm_desktop.views.deals.labels import money_text, role_suggestions, status_label
from crm_desktop.views.deals.lines import LinesEditor, product_finder
from crm_desktop.views.deals.path import WON, StagePath
from crm_desktop.views.widgets.fields import ErrorLabel, OptionalDateEdit

HINT_STYLE = "color: #5f6368;"

SECTION_TITLES: dict[str, str] = {
    "contact_attached": QT_TRANSLATE_NOOP("StageWizard", "Contact person of the client"),
    "need_described": QT_TRANSLATE_NOOP("StageWizard", "The client's need"),
    "has_lines": QT_TRANSLATE_NOOP("StageWizard", "Specification"),
    "client_classified": QT_TRANSLATE_NOOP("StageWizard", "Client's circle"),
    "agreement_chosen": QT_TRANSLATE_NOOP("StageWizard", "Sales agreement"),
    "proposal_sent": QT_TRANSLATE_NOOP("StageWizard", "Commercial proposal"),
    "proposal_accepted": QT_TRANSLATE_NOOP("StageWizard", "The client's answer to the proposal"),
    "counterparty_valid": QT_TRANSLATE_NOOP("StageWizard", "Counterparty"),
    "contract_recorded": QT_TRANSLATE_NOOP("StageWizard", "Contract or order"),
}


class PageId(IntEnum):
    PATH = 0
    NEEDS = 1


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def unmet_texts(unmet: Sequence[Unmet]) -> list[str]:
    """The messages of unmet requirements, translated, each once."""
    return list(dict.fromkeys(messages.message_text(u.message) for u in unmet))


# --- the sections of the requirements page ----------------------------------------------------


class Section(QGroupBox):
    """What one unmet requirement asks for.

    ``fields`` are the names the services use for it (their errors are shown here); a section
    contributes deal fields (:meth:`deal_changes`, saved together in one ``update_deal``)
    and/or runs its own service calls (:meth:`save`).

    Signals:
        edited(): what the user gave changed (the page re-checks whether all is given).
    """

    edited = Signal()
    fields: tuple[str, ...] = ()

    def __init__(self, wizard: StageWizard, unmet: Unmet) -> None:
        super().__init__(QCoreApplication.translate("StageWizard", SECTION_TITLES[unmet.code]))
        self.wizard = wizard
        self.code = unmet.code
        self.done = False
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(messages.message_text(unmet.message), self))
        layout.addLayout(self.form)
        layout.addWidget(self.error)

    def is_given(self) -> bool:
        raise NotImplementedError

    def deal_changes(self) -> dict[str, Any]:
        return {}

    def save(self) -> None:
        """Service calls of its own (after the deal's fields are saved); raise UserError."""

    def show_errors(self, errors: Mapping[str, Message]) -> None:
        texts = [messages.message_text(m) for m in errors.values()]
        current = self.error.text()
        self.error.show_error("\n".join([current, *texts] if current else texts))

    def set_done(self) -> None:
        """The requirement holds now: nothing more to give here."""
        self.done = True
        self.setTitle(f"✓ {self.title()}")
        for child in self.findChildren(QWidget):
            if child is not self.error and not isinstance(child, QLabel):
                child.setEnabled(False)
        self.error.clear_error()


class ContactSection(Section):
    """Attach one of the client's contact persons, with a role."""

    fields = ("participants", "target_id", "role")

    def __init__(self, wizard: StageWizard, unmet: Unmet) -> None:
        super().__init__(wizard, unmet)
        self.contact = QComboBox(self)
        self.contact.setObjectName("contactChoice")
        links = p.contacts_of_client(wizard.db, wizard.deal.client_id)
        fill_combo(
            self.contact,
            [
                (
                    link.contact_name + (f", {link.position}" if link.position else ""),
                    link.contact_id,
                )
                for link in links
            ],
            empty=True,
        )
        self.role = QComboBox(self)
        self.role.setEditable(True)
        self.role.addItem("")
        self.role.addItems(role_suggestions("contact"))
        self.form.addRow(self.tr("Contact person:"), self.contact)
        self.form.addRow(self.tr("Role in the deal:"), self.role)
        if not links:
            self.form.addRow(
                _hint(
                    self.tr(
                        "The client has no contact persons yet: add one on the client's card "
                        "(Contact persons tab), then come back."
                    ),
                    self,
                )
            )
        self.contact.currentIndexChanged.connect(self.edited)

    def is_given(self) -> bool:
        return self.contact.currentData() is not None

    def save(self) -> None:
        role = self.role.currentText().strip() or None
        self.wizard.deal = d.add_participant(
            self.wizard.db,
            self.wizard.actor,
            self.wizard.deal.id,
            "contact",
            self.contact.currentData(),
            role,
        )


class NeedSection(Section):
    fields = ("need_description",)

    def __init__(self, wizard: StageWizard, unmet: Unmet) -> None:
        super().__init__(wizard, unmet)
        self.need = QPlainTextEdit(wizard.deal.need_description or "", self)
        self.need.setObjectName("needDescription")
        self.need.setTabChangesFocus(True)
        self.need.setPlaceholderText(self.tr("What the client wants, for when, what matters"))
        self.need.setFixedHeight(80)
        self.form.addRow(self.need)
        self.need.textChanged.connect(self.edited)

    def is_given(self) -> bool:
        return bool(self.need.toPlainText().strip())

    def deal_changes(self) -> dict[str, Any]:
        return {"need_description": self.need.toPlainText().strip()}


class LinesSection(Section):
    """At least one line of the specification."""

    fields = ("lines",)

    def __init__(self, wizard: StageWizard, unmet: Unmet) -> None:
        super().__init__(wizard, unmet)
        self.lines = LinesEditor(self)
        self.lines.setMinimumHeight(170)
        self.lines.set_finder(product_finder(wizard.db, self._price_type_id))
        self.lines.load(wizard.deal.lines)
        if not wizard.deal.lines:
            self.lines.add_row()
        self.form.addRow(self.lines)
        self.lines.changed.connect(self.edited)

    def _price_type_id(self) -> uuid.UUID | None:
        """The price type of the deal's agreement (catalogue lines are priced by it)."""
        agreement_id = self.wizard.deal.agreement_id
        if agreement_id is None:
            return None
        try:
            return deal_views.agreement_details(self.wizard.db, agreement_id).draft.price_type_id
        except UserError:
            return None

    def is_given(self) -> bool:
        rows = self.lines.rows()
        return bool(rows) and all(
            (row.get("description") or "").strip() and row.get("amount") for row in rows
        )

    def save(self) -> None:
        self.wizard.deal = d.set_lines(
            self.wizard.db,
            self.wizard.actor,
            self.wizard.deal.id,
            self.wizard.deal.version,
            self.lines.drafts(),
        )

    def show_errors(self, errors: Mapping[str, Message]) -> None:
        rest: dict[str, Message] = {}
        for name, message in errors.items():
            if name.startswith("lines[") and "]" in name:
                row = int(name[6 : name.index("]")])
                field = name[name.index("]") + 2 :] or None
                self.lines.mark_error(row, field, messages.message_text(message))
            else:
                rest[name] = message
        if rest:
            super().show_errors(rest)


class CircleSection(Section):
    """Classify the client: its circle, saved on the client (whose mandatory fields the
    circle may require — a refusal names them)."""

    def __init__(self, wizard: StageWizard, unmet: Unmet) -> None:
        super().__init__(wizard, unmet)
        self.circle = QComboBox(self)
        self.circle.setObjectName("clientCircle")
        fill_combo(
            self.circle,
            [(c.name, c.id) for c in p.catalogue(wizard.db, "client_circle")],
            empty=True,
        )
        self.form.addRow(self.tr("Circle:"), self.circle)
        self.circle.currentIndexChanged.connect(self.edited)

    def is_given(self) -> bool:
        return self.circle.currentData() is not None

    def save(self) -> None:
        db, actor = self.wizard.db, self.wizard.actor
        client = p.get_client(db, self.wizard.deal.client_id)
        p.set_client_circle(db, actor, client.id, client.version, self.circle.currentData())

    def show_errors(self, errors: Mapping[str, Message]) -> None:
        super().show_errors(errors)
        self.error.show_error(
            self.error.text()
            + "\n"
            + self.tr("Fill these in on the client's card, or choose another circle.")
        )


class AgreementSection(Section):
    fields = ("agreement_id",)

    def __init__(self, wizard: StageWizard, unmet: Unmet) -> None:
        super().__init__(wizard, unmet)
        self.agreement = QComboBox(self)
        self.agreement.setObjectName("agreementChoice")
        typical, individual = self.tr("typical"), self.tr("individual")
        fill_combo(
            self.agreement,
            [
                (agreement_text(a, typical, individual), a.id)
                for a in ag.agreements_for(wizard.db, wizard.deal.client_id)
            ],
            empty=True,
        )
        self.form.addRow(self.tr("Agreement:"), self.agreement)
        self.agreement.currentIndexChanged.connect(self.edited)

    def is_given(self) -> bool:
        return self.agreement.currentData() is not None

    def deal_changes(self) -> dict[str, Any]:
        return {"agreement_id": self.agreement.currentData()}


class ProposalSection(Section):
    """Issue the proposal and mark it sent (``proposal_sent``), or record that the client
    accepted it (``proposal_accepted``)."""

    fields = ("proposals", "status")

    def __init__(self, wizard: StageWizard, unmet: Unmet) -> None:
        super().__init__(wizard, unmet)
        proposals = pr.proposals_of(wizard.db, wizard.deal.id)
        want = "draft" if unmet.code == "proposal_sent" else "sent"
        self.proposal = next((x for x in reversed(proposals) if x.status == want), None)
        if unmet.code == "proposal_sent":
            if self.proposal is not None:
                text = self.tr("Mark proposal No. {number} of {date} ({total}) as sent").format(
                    number=self.proposal.number,
                    date=date_text(self.proposal.issued_on),
                    total=money_text(self.proposal.total),
                )
            else:
                text = self.tr(
                    "Issue a proposal from the specification ({total}) and mark it sent"
                ).format(total=money_text(wizard.deal.amount))
        elif self.proposal is not None:
            text = self.tr("The client accepted proposal No. {number} of {date} ({total})").format(
                number=self.proposal.number,
                date=date_text(self.proposal.issued_on),
                total=money_text(self.proposal.total),
            )
        else:
            text = self.tr(
                "Issue a new proposal ({total}), sent to and accepted by the client"
            ).format(total=money_text(wizard.deal.amount))
        self.check = QCheckBox(text, self)
        self.check.setObjectName("proposalCheck")
        self.form.addRow(self.check)
        self.check.toggled.connect(self.edited)

    def is_given(self) -> bool:
        return self.check.isChecked()

    def save(self) -> None:
        db, actor = self.wizard.db, self.wizard.actor
        proposal = self.proposal
        if proposal is None:
            proposal = pr.issue_proposal(db, actor, self.wizard.deal.id)
        if proposal.status == "draft":
            proposal = pr.set_proposal_status(db, actor, proposal.id, "sent")
        if self.code == "proposal_accepted":
            pr.set_proposal_status(db, actor, proposal.id, "accepted")


class CounterpartySection(Section):
    fields = ("counterparty_id",)

    def __init__(self, wizard: StageWizard, unmet: Unmet) -> None:
        super().__init__(wizard, unmet)
        self.counterparty = QComboBox(self)
        self.counterparty.setObjectName("counterpartyChoice")
        no_inn = self.tr("no INN")
        counterparties = p.counterparties_of_client(wizard.db, wizard.deal.client_id)
        fill_combo(
            self.counterparty,
            [(counterparty_text(cp, no_inn), cp.id) for cp in counterparties],
            empty=True,
        )
        self.form.addRow(self.tr("Counterparty:"), self.counterparty)
        if not counterparties:
            self.form.addRow(
                _hint(
                    self.tr(
                        "The client has no counterparty yet: add one with its requisites on "
                        "the client's card, then come back."
                    ),
                    self,
                )
            )
        self.counterparty.currentIndexChanged.connect(self.edited)

    def is_given(self) -> bool:
        return self.counterparty.currentData() is not None

    def deal_changes(self) -> dict[str, Any]:
        return {"counterparty_id": self.counterparty.currentData()}


class ContractSection(Section):
    fields = ("contract_number", "contract_date")

    def __init__(self, wizard: StageWizard, unmet: Unmet) -> None:
        super().__init__(wizard, unmet)
        self.number = QLineEdit(wizard.deal.contract_number or "", self)
        self.number.setObjectName("contractNumber")
        self.date = OptionalDateEdit(self)
        self.date.setObjectName("contractDate")
        self.date.set_value(wizard.deal.contract_date)
        self.form.addRow(self.tr("Contract / order No.:"), self.number)
        self.form.addRow(self.tr("Date:"), self.date)
        self.number.textChanged.connect(self.edited)
        self.date.value_changed.connect(self.edited)

    def is_given(self) -> bool:
        return bool(self.number.text().strip()) and self.date.value() is not None

    def deal_changes(self) -> dict[str, Any]:
        return {"contract_number": self.number.text().strip(), "contract_date": self.date.value()}


SECTIONS: dict[str, type[Section]] = {
    "contact_attached": ContactSection,
    "need_described": NeedSection,
    "has_lines": LinesSection,
    "client_classified": CircleSection,
    "agreement_chosen": AgreementSection,
    "proposal_sent": ProposalSection,
    "proposal_accepted": ProposalSection,
    "counterparty_valid": CounterpartySection,
    "contract_recorded": ContractSection,
}


# --- the pages --------------------------------------------------------------------------------


class PathPage(QWizardPage):
    """Where the deal is and where it goes; for manual stages, the choice of the stage."""

    def __init__(self, wizard: StageWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        deal = wizard.deal
        self.setTitle(wizard.move_title())
        self.setSubTitle(
            self.tr("Deal {number}: {title} — {client}").format(
                number=deal.number, title=deal.title, client=deal.client_name
            )
        )
        self.path = StagePath(self)
        self.path.set_path(wizard.stages, deal.stage_id, deal.status)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.RichText)
        self.target = QComboBox(self)
        self.target.setObjectName("targetStage")
        for stage in wizard.stages:
            if stage.id != deal.stage_id:
                self.target.addItem(stage.name, stage.id)
        self.target.addItem(status_label("won"), WON)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("skipWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setStyleSheet("color: #8a5300;")
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("moveComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(60)
        self.comment_label = QLabel(self.tr("Comment:"), self)
        self.error = ErrorLabel(self)
        form = QFormLayout()
        self.target_label = QLabel(self.tr("Move to:"), self)
        form.addRow(self.target_label, self.target)
        form.addRow(self.comment_label, self.comment)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path)
        layout.addSpacing(6)
        layout.addWidget(self.where)
        layout.addLayout(form)
        layout.addWidget(self.warnings)
        layout.addStretch(1)
        layout.addWidget(self.error)
        manual = deal.kind == "manual"
        self.target.setVisible(manual)
        self.target_label.setVisible(manual)
        if manual:
            index = next(
                (i for i in range(self.target.count()) if self.target.itemData(i) == wizard.target),
                0,
            )
            self.target.setCurrentIndex(index)
            self.target.currentIndexChanged.connect(self._on_target_current_index_changed)
        self._update()

    def chosen(self) -> uuid.UUID | str:
        if self.wizard_.deal.kind == "manual":
            data = self.target.currentData()
            return WON if data == WON else data
        return self.wizard_.target

    def _update(self) -> None:
        wizard = self.wizard_
        deal = wizard.deal
        target = self.chosen()
        wizard.target = target
        to_won = target == WON
        self.comment.setVisible(not to_won)
        self.comment_label.setVisible(not to_won)
        here = html.escape(deal.stage_name or "")
        there = html.escape(wizard.target_name())
        self.where.setText(
            self.tr("Now: <b>{here}</b>. Next: <b>{there}</b>.").format(here=here, there=there)
        )
        if deal.kind == "manual":
            skipped = deal_views.unmet_until(
                wizard.db,
                deal.id,
                None if to_won else target,  # type: ignore[arg-type]
            )
            texts = unmet_texts(skipped)
            if texts:
                items = "".join(f"<li>{html.escape(t)}</li>" for t in texts)
                self.warnings.setText(
                    self.tr(
                        "The deal will skip these requirements (you will be asked to confirm; "
                        "they are recorded in the stage history):"
                    )
                    + f"<ul>{items}</ul>"
                )
            else:
                self.warnings.setText("")
        elif deal.unmet:
            items = "".join(f"<li>{html.escape(t)}</li>" for t in unmet_texts(deal.unmet))
            self.warnings.setText(
                self.tr("To leave «{stage}» the deal still needs:").format(stage=here)
                + f"<ul>{items}</ul>"
                + self.tr("The next page asks for it.")
            )
        else:
            self.warnings.setText(
                self.tr("Everything the stage «{stage}» needs is there.").format(stage=here)
            )
        self.warnings.setVisible(bool(self.warnings.text()))
        self.setFinalPage(self.nextId() == -1)
        wizard.needs_page.setTitle(wizard.needs_title())

    @Slot(int)
    def _on_target_current_index_changed(self, _index: int) -> None:
        self._update()

    def nextId(self) -> int:
        deal = self.wizard_.deal
        if deal.kind == "typical" and deal.unmet:
            return PageId.NEEDS
        return -1

    def validatePage(self) -> bool:
        if self.nextId() != -1:
            return True
        return self.wizard_.finish_move(self.error, self.comment.toPlainText())


class NeedsPage(QWizardPage):
    """One section per unmet requirement of the current stage; Finish saves them and moves."""

    def __init__(self, wizard: StageWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(wizard.needs_title())
        self.setSubTitle(
            self.tr("Give what is missing; it is saved and the deal moves on when you finish.")
        )
        self.sections: dict[str, Section] = {}
        inner = QWidget(self)
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(0, 0, 6, 0)
        for unmet in wizard.deal.unmet:
            if unmet.code in self.sections or unmet.code not in SECTIONS:
                continue
            section = SECTIONS[unmet.code](wizard, unmet)
            section.setObjectName(f"section_{unmet.code}")
            section.edited.connect(self.completeChanged)
            self.sections[unmet.code] = section
            self.column.addWidget(section)
        self.column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        self.setFinalPage(True)

    def isComplete(self) -> bool:
        return all(s.done or s.is_given() for s in self.sections.values())

    def nextId(self) -> int:
        return -1

    def validatePage(self) -> bool:
        wizard = self.wizard_
        if not wizard.save_requirements():
            return False
        return wizard.finish_move(self.error, wizard.path_page.comment.toPlainText())


# --- the wizard -------------------------------------------------------------------------------


class StageWizard(QWizard):
    """Move a deal on (or close it as won). After ``accept()``, :attr:`result_details` is the
    moved deal. The wizard may have saved answers even when cancelled: read the deal again."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        deal_id: uuid.UUID,
        *,
        target: uuid.UUID | str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.deal: DealDetails = d.get_deal(db, deal_id)
        self.stages: list[StageInfo] = deal_views.sale_stages(db)
        self.result_details: DealDetails | None = None
        self.target: uuid.UUID | str = target if target is not None else self._next_target()
        if self.deal.kind == "typical":
            self.target = self._next_target()  # a typical sale goes one step at a time
        self.setObjectName("stageWizard")
        self.setWindowTitle(self.tr("Deal stage — {number}").format(number=self.deal.number))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(860, 560)
        self.needs_page = NeedsPage(self)
        self.path_page = PathPage(self)
        self.setPage(PageId.PATH, self.path_page)
        self.setPage(PageId.NEEDS, self.needs_page)
        self.setStartId(PageId.PATH)

    # --- what the pages show -------------------------------------------------------------------

    def _next_target(self) -> uuid.UUID | str:
        ids = [s.id for s in self.stages]
        if self.deal.stage_id in ids:
            here = ids.index(self.deal.stage_id)
            if here + 1 < len(ids):
                return ids[here + 1]
        return WON

    def target_name(self) -> str:
        if self.target == WON:
            return status_label("won")
        return next((s.name for s in self.stages if s.id == self.target), "")

    def move_title(self) -> str:
        if self.target == WON and self.deal.kind == "typical":
            return self.tr("Close the deal as won")
        return self.tr("Move the deal to another stage")

    def needs_title(self) -> str:
        return self.tr("What the stage «{stage}» still needs").format(
            stage=self.deal.stage_name or ""
        )

    def sections(self) -> dict[str, Section]:
        return dict(self.needs_page.sections)

    # --- doing it ------------------------------------------------------------------------------

    def save_requirements(self) -> bool:
        """Save every section's answer; True when all of it was saved."""
        sections = [s for s in self.needs_page.sections.values() if not s.done]
        for section in sections:
            section.error.clear_error()
        self.needs_page.error.clear_error()
        ok = True
        self.deal = d.get_deal(self.db, self.deal.id)
        changes: dict[str, Any] = {}
        for section in sections:
            changes.update(section.deal_changes())
        if changes:
            try:
                self.deal = d.update_deal(
                    self.db,
                    self.actor,
                    self.deal.id,
                    self.deal.version,
                    deal_draft_of(self.deal, **changes),
                )
            except ValidationError as error:
                self._route(sections, error.field_errors)
                ok = False
            except UserError as error:
                self.needs_page.error.show_error(messages.user_message(error))
                ok = False
        for section in sections:
            try:
                section.save()
            except ValidationError as error:
                section.show_errors(error.field_errors)
                ok = False
            except UserError as error:
                section.error.show_error(messages.user_message(error))
                ok = False
            self.deal = d.get_deal(self.db, self.deal.id)
        still = {u.code for u in self.deal.unmet}
        for section in sections:
            if section.code not in still:
                section.set_done()
        self.needs_page.completeChanged.emit()
        return ok

    def _route(self, sections: Sequence[Section], errors: Mapping[str, Message]) -> None:
        rest: dict[str, Message] = {}
        for name, message in errors.items():
            owner = next((s for s in sections if name.split("[")[0] in s.fields), None)
            if owner is None:
                rest[name] = message
            else:
                owner.show_errors({name: message})
        if rest:
            self.needs_page.error.show_error(
                "\n".join(messages.message_text(m) for m in rest.values())
            )

    def finish_move(self, error_label: ErrorLabel, comment: str) -> bool:
        """Move (or win); a manual deal asks to confirm what it skips. True when moved."""
        error_label.clear_error()
        self.deal = d.get_deal(self.db, self.deal.id)
        confirm = False
        while True:
            try:
                if self.target == WON:
                    details = d.win(
                        self.db,
                        self.actor,
                        self.deal.id,
                        self.deal.version,
                        confirm_skipped=confirm,
                    )
                else:
                    assert isinstance(self.target, uuid.UUID)
                    details = d.move_to_stage(
                        self.db,
                        self.actor,
                        self.deal.id,
                        self.deal.version,
                        self.target,
                        confirm_skipped=confirm,
                        comment=comment.strip() or None,
                    )
            except ConfirmationNeededError as error:
                unmet: list[Unmet] = getattr(error, "unmet", [])
                texts = unmet_texts(unmet) or [
                    messages.message_text(m) for m in error.field_errors.values()
                ]
                if confirm or not SkipConfirm.ask(self, texts):
                    return False
                confirm = True
                continue
            except ValidationError as error:
                if error_label is self.needs_page.error and self.needs_page.sections:
                    self._route(list(self.needs_page.sections.values()), error.field_errors)
                else:
                    texts = [messages.message_text(m) for m in error.field_errors.values()]
                    error_label.show_error("\n".join(dict.fromkeys(texts)))
                return False
            except UserError as error:
                error_label.show_error(messages.user_message(error))
                return False
            self.result_details = details
            return True

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        db: Database,
        actor: Actor,
        deal_id: uuid.UUID,
        *,
        target: uuid.UUID | str | None = None,
    ) -> DealDetails | None:
        """Show the wizard; the moved deal, or None when cancelled (answers already saved
        stay saved: read the deal again either way)."""
        wizard = cls(db, actor, deal_id, target=target, parent=parent)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        return wizard.result_details
