"""Merging duplicates: links, channels and later records move to the survivor; nothing is lost.

The duplicate is soft-deleted and points to the survivor (``merged_into_id``); every moved
row's change is in the audit trail like any edit. Later features register the tables that
refer to a client, counterparty or contact in :data:`MOVERS`, so a merge moves them too.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, ValidationError
from crm_desktop.models import (
    BankAccount,
    Channel,
    Claim,
    Client,
    ClientContact,
    ClientRelation,
    Contact,
    ContactRelation,
    Counterparty,
    CounterpartyContact,
    Deal,
    DealParticipant,
    Entity,
    Interaction,
    Lead,
    Proposal,
    SalesAgreement,
    Task,
)
from crm_desktop.services import search
from crm_desktop.services.parties import check_version, live, utc_now
from crm_desktop.services.uow import Actor, write_unit

# entity → (model, column referring to it, the other columns that make a link unique)
MOVERS: dict[
    type[Entity], list[tuple[type[Entity], InstrumentedAttribute[Any], tuple[str, ...]]]
] = {
    Client: [
        (Counterparty, Counterparty.client_id, ()),
        (Deal, Deal.client_id, ()),
        (SalesAgreement, SalesAgreement.client_id, ()),
        (DealParticipant, DealParticipant.partner_id, ("deal_id", "kind")),
        (Channel, Channel.client_id, ()),
        (Interaction, Interaction.client_id, ()),
        (Task, Task.client_id, ()),
        (Lead, Lead.converted_client_id, ()),
        (Claim, Claim.partner_id, ()),
        (ClientContact, ClientContact.client_id, ("contact_id",)),
        (ClientRelation, ClientRelation.from_client_id, ("to_client_id", "kind_id")),
        (ClientRelation, ClientRelation.to_client_id, ("from_client_id", "kind_id")),
    ],
    Counterparty: [
        (BankAccount, BankAccount.counterparty_id, ()),
        (Deal, Deal.counterparty_id, ()),
        (Proposal, Proposal.counterparty_id, ()),
        (Lead, Lead.converted_counterparty_id, ()),
        (Claim, Claim.counterparty_id, ()),
        (CounterpartyContact, CounterpartyContact.counterparty_id, ("contact_id",)),
    ],
    Contact: [
        (Channel, Channel.contact_id, ()),
        (Interaction, Interaction.contact_id, ()),
        (Task, Task.contact_id, ()),
        (Lead, Lead.converted_contact_id, ()),
        (DealParticipant, DealParticipant.contact_id, ("deal_id", "kind")),
        (ClientContact, ClientContact.contact_id, ("client_id",)),
        (CounterpartyContact, CounterpartyContact.contact_id, ("counterparty_id",)),
        (ContactRelation, ContactRelation.from_contact_id, ("to_contact_id", "kind_id")),
        (ContactRelation, ContactRelation.to_contact_id, ("from_contact_id", "kind_id")),
    ],
}

_RELATION_ENDS = {
    ClientRelation: ("from_client_id", "to_client_id"),
    ContactRelation: ("from_contact_id", "to_contact_id"),
}


def _move(
    session: Session,
    model: type[Entity],
    column: InstrumentedAttribute[Any],
    unique_with: tuple[str, ...],
    duplicate_id: uuid.UUID,
    survivor_id: uuid.UUID,
) -> None:
    now = utc_now()
    rows = session.scalars(select(model).where(column == duplicate_id)).all()
    for row in rows:
        if unique_with:
            clash = session.scalars(
                select(model).where(
                    column == survivor_id,
                    *(getattr(model, name) == getattr(row, name) for name in unique_with),
                )
            ).first()
            ends = _RELATION_ENDS.get(model)
            pointing_to_self = ends is not None and any(
                getattr(row, end) == survivor_id for end in ends if end != column.key
            )
            if clash is not None or pointing_to_self:
                # the survivor already has this link (or it would link it to itself)
                if row.deleted_at is None:
                    row.deleted_at = now
                continue
        setattr(row, column.key, survivor_id)


def _merge(
    db: Database,
    actor: Actor | None,
    model: type[Entity],
    survivor_id: uuid.UUID,
    survivor_version: int,
    duplicate_id: uuid.UUID,
    duplicate_version: int,
) -> None:
    if survivor_id == duplicate_id:
        raise ValidationError.single(
            "duplicate_id",
            QT_TRANSLATE_NOOP("UserErrors", "A record cannot be merged into itself."),
        )
    with write_unit(db, actor) as session:
        survivor = live(session, model, survivor_id, "survivor_id")
        duplicate = live(session, model, duplicate_id, "duplicate_id")
        check_version(survivor, survivor_version)
        check_version(duplicate, duplicate_version)
        for child, column, unique_with in MOVERS[model]:
            _move(session, child, column, unique_with, duplicate_id, survivor_id)
        duplicate.merged_into_id = survivor_id  # type: ignore[attr-defined]
        duplicate.deleted_at = utc_now()
        session.flush()
        if model is Client:
            search.refresh_client(session, survivor_id)
        elif model is Contact:
            search.refresh_contact(session, survivor_id)
        else:
            cp = session.get(Counterparty, survivor_id)
            if cp is not None and cp.client_id is not None:
                search.refresh_client(session, cp.client_id)


MERGEABLE: dict[str, type[Entity]] = {
    "client": Client,
    "counterparty": Counterparty,
    "contact": Contact,
}


def merge_records(
    db: Database,
    actor: Actor | None,
    kind: str,
    survivor: tuple[uuid.UUID, int],
    duplicate: tuple[uuid.UUID, int],
) -> None:
    """Merge two clients, counterparties or contacts (``kind``); each given as (id, version).

    Everything of the duplicate moves to the survivor; the duplicate is soft-deleted and
    points to it.
    """
    _merge(db, actor, MERGEABLE[kind], *survivor, *duplicate)


def merge_clients(
    db: Database,
    actor: Actor | None,
    survivor_id: uuid.UUID,
    survivor_version: int,
    duplicate_id: uuid.UUID,
    duplicate_version: int,
) -> None:
    merge_records(
        db, actor, "client", (survivor_id, survivor_version), (duplicate_id, duplicate_version)
    )


def merge_contacts(
    db: Database,
    actor: Actor | None,
    survivor_id: uuid.UUID,
    survivor_version: int,
    duplicate_id: uuid.UUID,
    duplicate_version: int,
) -> None:
    merge_records(
        db, actor, "contact", (survivor_id, survivor_version), (duplicate_id, duplicate_version)
    )
