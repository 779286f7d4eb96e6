"""Small helpers the deal card, the stage wizard and the deal dialogs share."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from crm_desktop.services.agreements import AgreementDetails
from crm_desktop.services.deals import DealDetails, DealDraft
from crm_desktop.services.parties import CounterpartyDetails
from crm_desktop.views.cards.labels import field_label
from crm_desktop.views.deals.labels import agreement_status_label


def deal_draft_of(details: DealDetails, **changes: Any) -> DealDraft:
    """The draft that saves ``details`` unchanged (with ``changes`` applied); the amount is
    left alone (None) so a deal with lines keeps its computed total."""
    draft = DealDraft(
        title=details.title,
        client_id=details.client_id,
        kind=details.kind,
        counterparty_id=details.counterparty_id,
        source_id=details.source_id,
        expected_on=details.expected_on,
        need_description=details.need_description,
        agreement_id=details.agreement_id,
        contract_number=details.contract_number,
        contract_date=details.contract_date,
        owner_id=details.owner_id,
        amount=None,
    )
    return replace(draft, **changes)


def agreement_text(agreement: AgreementDetails, typical: str, individual: str) -> str:
    """«Оптовые продажи (типовое, № С-000001)» as agreement pickers show it."""
    kind = typical if agreement.draft.is_typical else individual
    status = "" if agreement.status == "active" else f", {agreement_status_label(agreement.status)}"
    return f"{agreement.draft.name} ({kind}, № {agreement.number}{status})"


def counterparty_text(cp: CounterpartyDetails, no_inn: str) -> str:
    """«ООО "Ромашка", ИНН 7707083893» (or with the «no INN» note)."""
    if cp.inn:
        return f"{cp.short_name}, {field_label('inn')} {cp.inn}"
    return f"{cp.short_name} ({no_inn})"
