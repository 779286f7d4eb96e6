"""Stage requirements of deals: ONE function says what a deal still lacks to leave its stage.

The stages and their requirement codes are data (catalogue ``deal_stage``, seeded for the
typical sale by migration 0005); each code is evaluated here. Every path that moves a deal —
the stage wizard, the CLI, sync, tests — goes through :func:`unmet`, so none can skip a step.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from crm_desktop.errors import QT_TRANSLATE_NOOP, Message
from crm_desktop.models import (
    Client,
    ClientContact,
    Counterparty,
    Deal,
    DealLine,
    DealParticipant,
    DealStage,
    Proposal,
)


@dataclass(frozen=True)
class Unmet:
    """A requirement that does not hold: its code, the deal field it concerns, the message."""

    code: str
    field: str
    message: Message


def _exists(session: Session, query: Select[Any]) -> bool:
    """Whether ``query`` has a row (an EXISTS: no counting to answer yes or no)."""
    return bool(session.scalar(select(query.exists())))


def _contact_attached(session: Session, deal: Deal) -> bool:
    return _exists(
        session,
        select(DealParticipant.id)
        .join(
            ClientContact,
            (ClientContact.contact_id == DealParticipant.contact_id)
            & (ClientContact.client_id == deal.client_id)
            & ClientContact.deleted_at.is_(None),
        )
        .where(
            DealParticipant.deal_id == deal.id,
            DealParticipant.kind == "contact",
            DealParticipant.deleted_at.is_(None),
        ),
    )


def has_lines(session: Session, deal_id: uuid.UUID) -> bool:
    """Whether the deal's specification has a live line."""
    return _exists(
        session,
        select(DealLine.id).where(DealLine.deal_id == deal_id, DealLine.deleted_at.is_(None)),
    )


def _client_classified(session: Session, deal: Deal) -> bool:
    circle = session.scalar(select(Client.circle_id).where(Client.id == deal.client_id))
    return circle is not None


def _proposal_in(session: Session, deal: Deal, statuses: tuple[str, ...]) -> bool:
    return _exists(
        session,
        select(Proposal.id).where(
            Proposal.deal_id == deal.id,
            Proposal.status.in_(statuses),
            Proposal.deleted_at.is_(None),
        ),
    )


def _counterparty_valid(session: Session, deal: Deal) -> bool:
    if deal.counterparty_id is None:
        return False
    cp = session.get(Counterparty, deal.counterparty_id)
    # requisites were validated when saved; a counterparty without an INN cannot sign
    return cp is not None and cp.deleted_at is None and bool(cp.inn)


CHECKS: dict[str, tuple[str, str, Callable[[Session, Deal], bool]]] = {
    "contact_attached": (
        "participants",
        QT_TRANSLATE_NOOP("UserErrors", "Attach a contact person of the client to the deal."),
        _contact_attached,
    ),
    "need_described": (
        "need_description",
        QT_TRANSLATE_NOOP("UserErrors", "Describe what the client needs."),
        lambda _session, deal: bool((deal.need_description or "").strip()),
    ),
    "has_lines": (
        "lines",
        QT_TRANSLATE_NOOP("UserErrors", "Add at least one line to the deal's specification."),
        lambda session, deal: has_lines(session, deal.id),
    ),
    "client_classified": (
        "client_circle",
        QT_TRANSLATE_NOOP("UserErrors", "Classify the client: choose its circle."),
        _client_classified,
    ),
    "agreement_chosen": (
        "agreement_id",
        QT_TRANSLATE_NOOP("UserErrors", "Choose the sales agreement for the deal."),
        lambda _session, deal: deal.agreement_id is not None,
    ),
    "proposal_sent": (
        "proposals",
        QT_TRANSLATE_NOOP(
            "UserErrors", "Issue a commercial proposal from the specification and mark it sent."
        ),
        lambda session, deal: _proposal_in(session, deal, ("sent", "accepted")),
    ),
    "proposal_accepted": (
        "proposals",
        QT_TRANSLATE_NOOP(
            "UserErrors", "The client has to accept the proposal (or a new version of it)."
        ),
        lambda session, deal: _proposal_in(session, deal, ("accepted",)),
    ),
    "counterparty_valid": (
        "counterparty_id",
        QT_TRANSLATE_NOOP("UserErrors", "Choose the counterparty with its requisites (INN)."),
        _counterparty_valid,
    ),
    "contract_recorded": (
        "contract_number",
        QT_TRANSLATE_NOOP("UserErrors", "Enter the contract or order number and date."),
        lambda _session, deal: bool(deal.contract_number) and deal.contract_date is not None,
    ),
}


def requirement_codes(stage: DealStage) -> list[str]:
    try:
        codes = json.loads(stage.requirements or "[]")
    except ValueError:
        return []
    return [code for code in codes if code in CHECKS]


def unmet(session: Session, deal: Deal, stage_id: uuid.UUID | None = None) -> list[Unmet]:
    """What the deal still lacks to leave ``stage_id`` (default: its current stage)."""
    stage_id = stage_id or deal.stage_id
    if stage_id is None:
        return []
    stage = session.get(DealStage, stage_id)
    if stage is None:
        return []
    session.flush()
    missing = []
    for code in requirement_codes(stage):
        field, text, check = CHECKS[code]
        if not check(session, deal):
            missing.append(Unmet(code, field, Message(text)))
    return missing


def process_stages(session: Session, process: str = "sale") -> list[DealStage]:
    return list(
        session.scalars(
            select(DealStage)
            .where(DealStage.process == process, DealStage.deleted_at.is_(None))
            .order_by(DealStage.sort_order, DealStage.id)
        )
    )
