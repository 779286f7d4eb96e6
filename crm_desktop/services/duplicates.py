"""Duplicate control: who is already registered with this INN, phone, e-mail or name.

Run before a partner is registered (the wizard's duplicate page) and whenever a card is
created. Every lookup goes through an index: counterparty (inn, kpp), channel.normalized,
client.match_key / counterparty.match_key. A client is reported once, with every reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import Database
from crm_desktop.errors import ValidationError
from crm_desktop.models import Channel, Client, ClientContact, Counterparty
from crm_desktop.services import validation as v
from crm_desktop.services.uow import read_unit

# reasons, most telling first; the views word them
SAME_INN_KPP = "same_inn_kpp"
SAME_INN = "same_inn"
SAME_PHONE = "same_phone"
SAME_EMAIL = "same_email"
SAME_NAME = "same_name"
REASON_ORDER = (SAME_INN_KPP, SAME_INN, SAME_PHONE, SAME_EMAIL, SAME_NAME)
MAX_CANDIDATES = 50
T = TypeVar("T")


@dataclass(frozen=True)
class PartnerProbe:
    """What is known of a partner about to be registered (raw input is fine)."""

    names: tuple[str, ...] = ()
    inn: str | None = None
    kpp: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    exclude_client_id: uuid.UUID | None = None


@dataclass(frozen=True)
class DuplicateCandidate:
    client_id: uuid.UUID
    name: str
    reasons: tuple[str, ...]
    matched: dict[str, str] = field(default_factory=dict)  # reason → the value that matched


def _or_none(check: Callable[[], T]) -> T | None:
    """Half-typed input is still worth looking for: an invalid value just finds nothing."""
    try:
        return check()
    except ValidationError:
        return None


def _normalised(probe: PartnerProbe) -> tuple[str | None, str | None, set[str], set[str]]:
    inn = _or_none(lambda: v.normalize_inn(probe.inn))
    kpp = _or_none(lambda: v.normalize_kpp(probe.kpp))
    phones: set[str] = set()
    for raw in probe.phones:
        parsed = _or_none(partial(v.normalize_phone, raw))
        if parsed is not None:
            phones.add(parsed[1])
    emails: set[str] = set()
    for raw in probe.emails:
        email = _or_none(partial(v.normalize_email, raw))
        if email is not None:
            emails.add(email)
    return inn, kpp, phones, emails


def find_in(session: Session, probe: PartnerProbe) -> list[DuplicateCandidate]:
    inn, kpp, phones, emails = _normalised(probe)
    found: dict[uuid.UUID, dict[str, str]] = {}

    def note(client_ids: Iterable[uuid.UUID | None], reason: str, value: str) -> None:
        for client_id in client_ids:
            if client_id is None or client_id == probe.exclude_client_id:
                continue
            found.setdefault(client_id, {}).setdefault(reason, value)

    if inn:
        rows = session.execute(
            select(Counterparty.client_id, Counterparty.kpp).where(
                Counterparty.inn == inn, Counterparty.deleted_at.is_(None)
            )
        ).all()
        for client_id, other_kpp in rows:
            same_kpp = kpp is not None and other_kpp == kpp
            note([client_id], SAME_INN_KPP if same_kpp else SAME_INN, inn)
    lookups: list[tuple[set[str], str, str]] = [
        (phones, "phone", SAME_PHONE),
        (emails, "email", SAME_EMAIL),
    ]
    for values, kind, reason in lookups:
        if not values:
            continue
        channel_rows = session.execute(
            select(Channel.normalized, Channel.client_id, ClientContact.client_id)
            .outerjoin(
                ClientContact,
                (ClientContact.contact_id == Channel.contact_id)
                & ClientContact.deleted_at.is_(None),
            )
            .where(
                Channel.kind == kind,
                Channel.normalized.in_(sorted(values)),
                Channel.deleted_at.is_(None),
            )
        ).all()
        for value, own_client, via_contact in channel_rows:
            note([own_client, via_contact], reason, value)
    keys = {v.match_key(name) for name in probe.names if name and name.strip()} - {""}
    if keys:
        note(
            session.scalars(
                select(Client.id).where(Client.match_key.in_(sorted(keys))).limit(MAX_CANDIDATES)
            ),
            SAME_NAME,
            ", ".join(sorted(keys)),
        )
        note(
            session.scalars(
                select(Counterparty.client_id)
                .where(Counterparty.match_key.in_(sorted(keys)), Counterparty.deleted_at.is_(None))
                .limit(MAX_CANDIDATES)
            ),
            SAME_NAME,
            ", ".join(sorted(keys)),
        )
    if not found:
        return []
    clients = {
        c.id: c
        for c in session.scalars(
            select(Client).where(Client.id.in_(list(found)), Client.deleted_at.is_(None))
        )
    }
    candidates = [
        DuplicateCandidate(
            client_id,
            clients[client_id].name,
            tuple(r for r in REASON_ORDER if r in reasons),
            reasons,
        )
        for client_id, reasons in found.items()
        if client_id in clients
    ]
    candidates.sort(key=lambda c: (REASON_ORDER.index(c.reasons[0]), c.name, str(c.client_id)))
    return candidates[:MAX_CANDIDATES]


def find_duplicates(db: Database, probe: PartnerProbe) -> list[DuplicateCandidate]:
    """Existing live clients that look like the partner in ``probe``, best match first."""
    with read_unit(db) as session:
        return find_in(session, probe)
