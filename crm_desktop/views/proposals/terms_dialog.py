"""«Условия»: what may still change on a draft proposal — how long it is valid, which of our
companies offers it, to which counterparty of the client, the payment and delivery terms and
the notes. A sent proposal does not change: it gets a new version instead.

One :func:`~crm_desktop.services.proposals.update_terms` call on OK; a refusal is shown next to
its field and the dialog stays open.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError, ValidationError
from crm_desktop.services import companies as co
from crm_desktop.services import parties as p
from crm_desktop.services import proposals as pr
from crm_desktop.services.proposals import ProposalRow, ProposalTerms
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.cards.base import fill_combo, set_combo_data
from crm_desktop.views.deals.common import counterparty_text
from crm_desktop.views.proposals import documents
from crm_desktop.views.widgets.fields import ErrorLabel, FieldBox, OptionalDateEdit

HINT_STYLE = "color: #5f6368;"


class TermsDialog(QDialog):
    """The terms of one draft proposal; ``result_row`` is the saved proposal after OK."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        proposal: ProposalRow,
        client_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.proposal = proposal
        self.client_id = client_id
        self.result_row: ProposalRow | None = None
        self.setObjectName("proposalTermsDialog")
        self.setWindowTitle(self.tr("Terms of the proposal"))
        self.setMinimumWidth(600)
        self.version, terms = pr.get_terms(db, proposal.id)

        heading = QLabel(documents.caption(proposal), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.valid_until = OptionalDateEdit(self)
        self.valid_until.setObjectName("validUntil")
        self.valid_until.setMaximumWidth(180)
        self.own_company = QComboBox(self)
        self.own_company.setObjectName("ownCompany")
        self.counterparty = QComboBox(self)
        self.counterparty.setObjectName("counterparty")
        self.payment_terms = QLineEdit(self)
        self.payment_terms.setObjectName("paymentTerms")
        self.delivery_terms = QLineEdit(self)
        self.delivery_terms.setObjectName("deliveryTerms")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(110)
        self.boxes = {
            "valid_until": FieldBox(self.valid_until, self),
            "own_company_id": FieldBox(self.own_company, self),
            "counterparty_id": FieldBox(self.counterparty, self),
            "payment_terms": FieldBox(self.payment_terms, self),
            "delivery_terms": FieldBox(self.delivery_terms, self),
            "notes": FieldBox(self.notes, self),
        }
        self.general_error = ErrorLabel(self)
        self.no_company = QLabel(
            self.tr("No company of ours is entered yet: add it in Settings → Our companies."),
            self,
        )
        self.no_company.setWordWrap(True)
        self.no_company.setStyleSheet(HINT_STYLE)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Valid until:"), self.boxes["valid_until"])
        form.addRow(self.tr("Our company:"), self.boxes["own_company_id"])
        form.addRow("", self.no_company)
        form.addRow(self.tr("Counterparty:"), self.boxes["counterparty_id"])
        form.addRow(self.tr("Payment terms:"), self.boxes["payment_terms"])
        form.addRow(self.tr("Delivery terms:"), self.boxes["delivery_terms"])
        form.addRow(self.tr("Notes:"), self.boxes["notes"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._fill(terms)

    def _fill(self, terms: ProposalTerms) -> None:
        companies = co.list_companies(self.db)
        default = self.tr("default")
        fill_combo(
            self.own_company,
            [
                (
                    f"{c.draft.short_name} ({default})"
                    if c.draft.is_default
                    else c.draft.short_name,
                    c.id,
                )
                for c in companies
            ],
            empty=True,
        )
        set_combo_data(self.own_company, terms.own_company_id)
        self.no_company.setVisible(not companies)
        no_inn = self.tr("no INN")
        fill_combo(
            self.counterparty,
            [
                (counterparty_text(cp, no_inn), cp.id)
                for cp in p.counterparties_of_client(self.db, self.client_id)
            ],
            empty=True,
        )
        set_combo_data(self.counterparty, terms.counterparty_id)
        self.valid_until.set_value(terms.valid_until)
        self.payment_terms.setText(terms.payment_terms or "")
        self.delivery_terms.setText(terms.delivery_terms or "")
        self.notes.setPlainText(terms.notes or "")

    def terms(self) -> ProposalTerms:
        """The terms as the dialog shows them."""
        return ProposalTerms(
            valid_until=self.valid_until.value(),
            own_company_id=self.own_company.currentData(),
            counterparty_id=self.counterparty.currentData(),
            payment_terms=self.payment_terms.text().strip() or None,
            delivery_terms=self.delivery_terms.text().strip() or None,
            notes=self.notes.toPlainText().strip() or None,
        )

    def submit(self) -> bool:
        """Save the terms; on refusal show why and stay."""
        for field_box in self.boxes.values():
            field_box.clear_error()
        self.general_error.clear_error()
        try:
            self.result_row = pr.update_terms(
                self.db, self.actor, self.proposal.id, self.version, self.terms()
            )
        except ValidationError as error:
            general: list[str] = []
            for name, message in error.field_errors.items():
                text = messages.message_text(message)
                if name in self.boxes:
                    self.boxes[name].show_error(text)
                else:
                    general.append(text)
            if general:
                self.general_error.show_error("\n".join(general))
            return False
        except UserError as error:  # someone changed it meanwhile, or it is no draft now
            self.general_error.show_error(messages.user_message(error))
            return False
        self.accept()
        return True

    def errors_shown(self) -> dict[str, str]:
        shown = {name: box.error.text() for name, box in self.boxes.items() if box.error.text()}
        if self.general_error.text():
            shown[""] = self.general_error.text()
        return shown

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.submit()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        db: Database,
        actor: Actor,
        proposal: ProposalRow,
        client_id: uuid.UUID,
    ) -> ProposalRow | None:
        """Show the dialog; the saved proposal, or None when cancelled (tests patch this)."""
        dialog = cls(db, actor, proposal, client_id, parent)
        dialog.exec()
        return dialog.result_row


__all__ = ["TermsDialog"]
