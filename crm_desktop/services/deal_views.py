"""Read side of the deal card, the stage wizard and the funnel page: what they show beside
:func:`crm_desktop.services.deals.get_deal`.

- the stages of the sales process with their probability and requirement codes (the path);
- what a move of a manual-stage deal to a later stage would leave unmet (the wizard's warnings,
  through the same :func:`crm_desktop.services.deal_stages.unmet` the move itself calls);
- the history of a deal card: the audit trail of the deal and of its lines, participants and
  proposals, with referenced ids shown as names.

Every function is one read unit and returns plain dataclasses.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db import Database
from crm_desktop.models import (
    AuditEntry,
    Client,
    Contact,
    Counterparty,
    Deal,
    DealLine,
    DealParticipant,
    DealStage,
    InfoSource,
    LossReason,
    PriceType,
    Proposal,
    SalesAgreement,
    User,
)
from crm_desktop.services.agreements import AgreementDetails, get_agreement
from crm_desktop.services.cards import HistoryLine
from crm_desktop.services.deal_stages import Unmet, process_stages, requirement_codes, unmet
from crm_desktop.services.parties import live
from crm_desktop.services.uow import read_unit

# the deal's parts whose changes its History tab shows beside its own
DEAL_PARTS = ("deal_line", "deal_participant", "proposal")
# fields of parts that only repeat what the part's name already says
_PART_NOISE = frozenset({"deal_id", "line_no", "kind", "user_id", "contact_id", "partner_id"})
# field → the model whose name an id in that field stands for
_REFERENCES: dict[str, Any] = {
    "client_id": Client,
    "counterparty_id": Counterparty,
    "owner_id": User,
    "user_id": User,
    "source_id": InfoSource,
    "stage_id": DealStage,
    "loss_reason_id": LossReason,
    "agreement_id": SalesAgreement,
    "contact_id": Contact,
    "partner_id": Client,
    "price_type_id": PriceType,
}


@dataclass(frozen=True)
class StageInfo:
    """A stage of the sales process as the path shows it."""

    id: uuid.UUID
    code: str
    name: str
    probability: int
    requirements: tuple[str, ...]


def sale_stages(db: Database) -> list[StageInfo]:
    """The stages of the sales process in their order, with what each needs to be left."""
    with read_unit(db) as session:
        return [
            StageInfo(s.id, s.code, s.name, s.probability, tuple(requirement_codes(s)))
            for s in process_stages(session)
        ]


def unmet_until(db: Database, deal_id: uuid.UUID, target_stage_id: uuid.UUID | None) -> list[Unmet]:
    """What moving the deal from its stage to ``target_stage_id`` (None: to "won") leaves
    unmet, stage by stage — exactly what :func:`crm_desktop.services.deals.move_to_stage`
    would ask to confirm. Going back leaves nothing unmet."""
    with read_unit(db) as session:
        deal = live(session, Deal, deal_id, "id")
        stages = process_stages(session)
        order = {s.id: i for i, s in enumerate(stages)}
        if deal.status != "open" or deal.stage_id not in order:
            return []
        here = order[deal.stage_id]
        there = len(stages) if target_stage_id is None else order.get(target_stage_id, here)
        missing: list[Unmet] = []
        for stage in stages[here:there]:
            missing.extend(unmet(session, deal, stage.id))
        return missing


def agreement_details(db: Database, agreement_id: uuid.UUID) -> AgreementDetails:
    """One agreement whatever its status (a deal may keep one that was closed since)."""
    return get_agreement(db, agreement_id)


def _contact_name(contact: Contact) -> str:
    return " ".join(p for p in (contact.last_name, contact.first_name, contact.middle_name) if p)


def _names(session: Session, model: Any, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    if model is Contact:
        return {
            c.id: _contact_name(c)
            for c in session.scalars(select(Contact).where(Contact.id.in_(wanted)))
        }
    column = {
        Counterparty: Counterparty.short_name,
        User: User.full_name,
    }.get(model, getattr(model, "name", None))
    if column is None:
        return {}
    rows = session.execute(select(model.id, column).where(model.id.in_(wanted))).all()
    return {row[0]: str(row[1]) for row in rows}


def _parts(session: Session, deal_id: uuid.UUID) -> dict[uuid.UUID, tuple[str, str]]:
    """The deal's lines, participants and proposals (live or removed): id → (table, name)."""
    parts: dict[uuid.UUID, tuple[str, str]] = {}
    for line_id, description in session.execute(
        select(DealLine.id, DealLine.description).where(DealLine.deal_id == deal_id)
    ):
        parts[line_id] = ("deal_line", description)
    participants = session.scalars(
        select(DealParticipant).where(DealParticipant.deal_id == deal_id)
    ).all()
    users = _names(session, User, [x.user_id for x in participants if x.user_id])
    contacts = _names(session, Contact, [x.contact_id for x in participants if x.contact_id])
    partners = _names(session, Client, [x.partner_id for x in participants if x.partner_id])
    for part in participants:
        if part.user_id is not None:
            name = users.get(part.user_id, "")
        elif part.contact_id is not None:
            name = contacts.get(part.contact_id, "")
        else:
            name = partners.get(part.partner_id, "") if part.partner_id else ""
        parts[part.id] = ("deal_participant", name)
    for proposal_id, number, version_no in session.execute(
        select(Proposal.id, Proposal.number, Proposal.version_no).where(Proposal.deal_id == deal_id)
    ):
        parts[proposal_id] = ("proposal", f"{number}/{version_no}")
    return parts


def _uuid(value: str | None) -> uuid.UUID | None:
    if not value or len(value) != 36:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def deal_history(db: Database, deal_id: uuid.UUID) -> list[HistoryLine]:
    """The audit trail of a deal and its parts, oldest first, referenced ids as names."""
    with read_unit(db) as session:
        parts = _parts(session, deal_id)
        conditions: list[ColumnElement[bool]] = [
            (AuditEntry.entity == "deal") & (AuditEntry.entity_id == deal_id)
        ]
        for table in DEAL_PARTS:
            ids = [part_id for part_id, (t, _name) in parts.items() if t == table]
            if ids:
                conditions.append((AuditEntry.entity == table) & AuditEntry.entity_id.in_(ids))
        rows = [
            row
            for row in session.execute(
                select(
                    AuditEntry.at,
                    User.full_name,
                    AuditEntry.action,
                    AuditEntry.entity,
                    AuditEntry.entity_id,
                    AuditEntry.field,
                    AuditEntry.old_value,
                    AuditEntry.new_value,
                )
                .outerjoin(User, User.id == AuditEntry.user_id)
                .where(or_(*conditions))
                .order_by(AuditEntry.at, AuditEntry.id)
            ).all()
            if row.entity == "deal" or row.field is None or row.field not in _PART_NOISE
        ]
        wanted: dict[Any, set[uuid.UUID]] = {}
        for row in rows:
            model = _REFERENCES.get(row.field or "")
            if model is None:
                continue
            for value in (row.old_value, row.new_value):
                parsed = _uuid(value)
                if parsed is not None:
                    wanted.setdefault(model, set()).add(parsed)
        names = {model: _names(session, model, ids) for model, ids in wanted.items()}
        lines = []
        for row in rows:
            resolved = names.get(_REFERENCES.get(row.field or ""), {})
            own = row.entity == "deal"

            def name_of(value: str | None, resolved: dict[uuid.UUID, str] = resolved) -> str | None:
                parsed = _uuid(value)
                return value if parsed is None else resolved.get(parsed, value)

            lines.append(
                HistoryLine(
                    at=row.at,
                    user_name=row.full_name,
                    action=row.action,
                    part="" if own else row.entity,
                    part_text=None if own else parts.get(row.entity_id, ("", ""))[1],
                    field=row.field,
                    old_value=name_of(row.old_value),
                    new_value=name_of(row.new_value),
                )
            )
        return lines


__all__ = [
    "DEAL_PARTS",
    "StageInfo",
    "agreement_details",
    "deal_history",
    "sale_stages",
    "unmet_until",
]
