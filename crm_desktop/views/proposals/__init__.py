"""Commercial proposals as documents: the print preview, printing, saving as PDF, e-mailing and
the terms of a draft.

preview = ProposalPreview(db, actor, proposal_row, parent)          # builds the PDF in a worker
sheets = print_pdf(pdf_bytes, printer)                                # each page onto the printer
dialog = EmailDialog(db, actor, proposal_row, parent, pdf=pdf_bytes)  # sends in a worker
row = TermsDialog.run(parent, db, actor, proposal_row, client_id)     # a draft's terms
actions = ProposalActions(widget, db, actor, runner=runner)          # Print… / Save as PDF…
"""

from __future__ import annotations

from crm_desktop.views.proposals.actions import ProposalActions
from crm_desktop.views.proposals.email_dialog import EmailDialog
from crm_desktop.views.proposals.preview import ProposalPreview
from crm_desktop.views.proposals.printing import print_pdf
from crm_desktop.views.proposals.terms_dialog import TermsDialog

__all__ = ["EmailDialog", "ProposalActions", "ProposalPreview", "TermsDialog", "print_pdf"]
