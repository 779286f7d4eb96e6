"""Read side of the cards: what the client, counterparty and contact cards show beside the
record itself, which :mod:`crm_desktop.services.parties` does not read.

- the contacts of a counterparty and the counterparties of a contact (with position/role);
- a contact's relations to other contacts;
- a small search for the pickers ("add an existing contact", "choose the client");
- the history of a card with the ids of referenced records resolved to names, and the changes
  of the card's own parts (channels, bank accounts, links, relations) beside its own.

Every function is one read unit and returns plain dataclasses.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import Database
from crm_desktop.models import (
    AuditEntry,
    BankAccount,
    Channel,
    Client,
    ClientCircle,
    ClientContact,
    ClientRelation,
    Contact,
    ContactRelation,
    Counterparty,
    CounterpartyContact,
    InfoSource,
    LegalForm,
    RelationKind,
    User,
)
from crm_desktop.services import search
from crm_desktop.services.parties import (
    RelationDetails,
    contacts_of_counterparty,
    counterparties_of_contact,
)
from crm_desktop.services.uow import read_unit

PICKER_LIMIT = 50
PARTY_KINDS = ("client", "counterparty", "contact")


def _contact_name(contact: Contact) -> str:
    return " ".join(p for p in (contact.last_name, contact.first_name, contact.middle_name) if p)


# --- links and relations ----------------------------------------------------------------------


def contact_relations(db: Database, contact_id: uuid.UUID) -> list[RelationDetails]:
    """A contact's relations in both directions (the card reads the reverse name for incoming
    ones), like :func:`crm_desktop.services.parties.client_relations`."""
    source, target = aliased(Contact), aliased(Contact)
    with read_unit(db) as session:
        rows = session.execute(
            select(ContactRelation, source, target, RelationKind)
            .join(source, source.id == ContactRelation.from_contact_id)
            .join(target, target.id == ContactRelation.to_contact_id)
            .join(RelationKind, RelationKind.id == ContactRelation.kind_id)
            .where(
                or_(
                    ContactRelation.from_contact_id == contact_id,
                    ContactRelation.to_contact_id == contact_id,
                ),
                ContactRelation.deleted_at.is_(None),
                source.deleted_at.is_(None),
                target.deleted_at.is_(None),
            )
            .order_by(RelationKind.sort_order, ContactRelation.created_at, ContactRelation.id)
        ).all()
        return [
            RelationDetails(
                rel.id,
                rel.version,
                rel.from_contact_id,
                rel.to_contact_id,
                _contact_name(src),
                _contact_name(dst),
                kind.id,
                kind.name,
                kind.reverse_name,
                rel.comment,
            )
            for rel, src, dst, kind in rows
        ]


# --- pickers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyRef:
    """A client, counterparty or contact as a picker lists it."""

    kind: str
    id: uuid.UUID
    name: str
    detail: str | None = None  # INN for a counterparty, position for a contact, industry…


def _party_query(kind: str) -> Any:
    if kind == "client":
        return select(Client.id, Client.name, Client.industry).order_by(
            Client.search_key, Client.id
        )
    if kind == "counterparty":
        return select(Counterparty.id, Counterparty.short_name, Counterparty.inn).order_by(
            Counterparty.search_key, Counterparty.id
        )
    if kind == "contact":
        return select(
            Contact.id, Contact.last_name, Contact.first_name, Contact.middle_name, Contact.position
        ).order_by(Contact.search_key, Contact.id)
    raise ValueError(f"unknown party kind {kind!r}")


def _party_ref(kind: str, row: Sequence[Any]) -> PartyRef:
    if kind == "contact":
        name = " ".join(p for p in row[1:4] if p)
        return PartyRef(kind, row[0], name, row[4])
    return PartyRef(kind, row[0], row[1], row[2])


def find_parties(
    db: Database,
    kind: str,
    query: str,
    *,
    limit: int = PICKER_LIMIT,
    exclude: Iterable[uuid.UUID] = (),
) -> list[PartyRef]:
    """Live clients, counterparties or contacts matching ``query`` through the search index
    (the first ones by name when the query is empty), at most ``limit``, by name."""
    model: Any = search.SEARCHABLE[kind]
    excluded = list(exclude)
    with read_unit(db) as session:
        stmt = _party_query(kind).where(model.deleted_at.is_(None)).limit(limit)
        if kind == "client":
            stmt = stmt.where(Client.is_archived.is_(False))
        if excluded:
            stmt = stmt.where(model.id.not_in(excluded))
        if query.strip():
            condition = search.match_condition(session, model, query)
            if condition is None:
                return []
            stmt = stmt.where(condition)
        return [_party_ref(kind, row) for row in session.execute(stmt).all()]


def party_name(db: Database, kind: str, record_id: uuid.UUID) -> str | None:
    """The name of a client, counterparty or contact (deleted ones too), None if unknown."""
    with read_unit(db) as session:
        names = _names(session, _PARTY_MODELS[kind], [record_id])
    return names.get(record_id)


# --- history ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryLine:
    """One line of a card's History tab.

    ``part`` is "" for the card's own record, else the table of the part that changed
    (``channel``, ``bank_account``, ``client_contact``, ``counterparty_contact``,
    ``client_relation``, ``contact_relation``), with ``part_text`` naming it (the phone, the
    account number, the linked contact…). ``old_value``/``new_value`` are as the audit stored
    them, except that ids of referenced records are replaced by those records' names.
    """

    at: datetime
    user_name: str | None
    action: str
    part: str
    part_text: str | None
    field: str | None
    old_value: str | None
    new_value: str | None


# field → the model whose name an id in that field stands for
_PARTY_MODELS: dict[str, Any] = {
    "client": Client,
    "counterparty": Counterparty,
    "contact": Contact,
}
_REFERENCES: dict[str, Any] = {
    "circle_id": ClientCircle,
    "owner_id": User,
    "source_id": InfoSource,
    "legal_form_id": LegalForm,
    "client_id": Client,
    "counterparty_id": Counterparty,
    "contact_id": Contact,
    "kind_id": RelationKind,
    "from_client_id": Client,
    "to_client_id": Client,
    "from_contact_id": Contact,
    "to_contact_id": Contact,
}
_MERGED_INTO = {"client": Client, "counterparty": Counterparty, "contact": Contact}
# parts whose own bookkeeping is no news to the card's reader
_PART_NOISE = frozenset({"normalized", "client_id", "contact_id", "counterparty_id"})


def _names(session: Session, model: Any, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    if model is Contact:
        rows = session.execute(
            select(Contact.id, Contact.last_name, Contact.first_name, Contact.middle_name).where(
                Contact.id.in_(wanted)
            )
        ).all()
        return {row[0]: " ".join(p for p in row[1:] if p) for row in rows}
    column = {
        Client: Client.name,
        Counterparty: Counterparty.short_name,
        User: User.full_name,
    }.get(model, getattr(model, "name", None))
    if column is None:
        return {}
    rows = session.execute(select(model.id, column).where(model.id.in_(wanted))).all()
    return {row[0]: str(row[1]) for row in rows}


def _parts(session: Session, entity: str, record_id: uuid.UUID) -> dict[uuid.UUID, tuple[str, str]]:
    """The card's parts (live or removed): part id → (table, what to call it)."""
    parts: dict[uuid.UUID, tuple[str, str]] = {}

    def add(table: str, rows: Iterable[tuple[uuid.UUID, str | None]]) -> None:
        for part_id, text in rows:
            parts[part_id] = (table, text or "")

    if entity in ("client", "contact"):
        column = Channel.client_id if entity == "client" else Channel.contact_id
        add(
            "channel",
            session.execute(select(Channel.id, Channel.value).where(column == record_id)).all(),
        )
    if entity == "counterparty":
        add(
            "bank_account",
            session.execute(
                select(BankAccount.id, BankAccount.account).where(
                    BankAccount.counterparty_id == record_id
                )
            ).all(),
        )
    links: list[tuple[str, Any, Any, Any]] = []
    if entity == "client":
        links.append(("client_contact", ClientContact, ClientContact.client_id, "contact"))
    elif entity == "counterparty":
        links.append(
            (
                "counterparty_contact",
                CounterpartyContact,
                CounterpartyContact.counterparty_id,
                "contact",
            )
        )
    else:
        links.append(("client_contact", ClientContact, ClientContact.contact_id, "client"))
        links.append(
            (
                "counterparty_contact",
                CounterpartyContact,
                CounterpartyContact.contact_id,
                "counterparty",
            )
        )
    for table, model, column, other in links:
        other_column = getattr(model, f"{other}_id")
        rows = session.execute(select(model.id, other_column).where(column == record_id)).all()
        names = _names(session, _PARTY_MODELS[other], [row[1] for row in rows])
        add(table, ((row[0], names.get(row[1])) for row in rows))
    if entity in ("client", "contact"):
        model = ClientRelation if entity == "client" else ContactRelation
        start = getattr(model, f"from_{entity}_id")
        end = getattr(model, f"to_{entity}_id")
        rows = session.execute(
            select(model.id, start, end).where(or_(start == record_id, end == record_id))
        ).all()
        others = [row[2] if row[1] == record_id else row[1] for row in rows]
        names = _names(session, _PARTY_MODELS[entity], others)
        add(
            model.__tablename__,
            ((row[0], names.get(other)) for row, other in zip(rows, others, strict=True)),
        )
    return parts


def card_history(db: Database, entity: str, record_id: uuid.UUID) -> list[HistoryLine]:
    """The audit trail of a client, counterparty or contact and of its parts, oldest first,
    with referenced ids shown as names."""
    with read_unit(db) as session:
        parts = _parts(session, entity, record_id)
        conditions: list[ColumnElement[bool]] = [
            (AuditEntry.entity == entity) & (AuditEntry.entity_id == record_id)
        ]
        by_table: dict[str, list[uuid.UUID]] = defaultdict(list)
        for part_id, (table, _text) in parts.items():
            by_table[table].append(part_id)
        for table, part_ids in by_table.items():
            conditions.append((AuditEntry.entity == table) & AuditEntry.entity_id.in_(part_ids))
        rows = session.execute(
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
        rows = [
            row
            for row in rows
            if row.entity == entity or row.field is None or row.field not in _PART_NOISE
        ]
        wanted: dict[Any, set[uuid.UUID]] = defaultdict(set)
        for row in rows:
            model = _reference_model(row.entity, row.field)
            if model is None:
                continue
            for value in (row.old_value, row.new_value):
                parsed = _uuid(value)
                if parsed is not None:
                    wanted[model].add(parsed)
        names = {model: _names(session, model, ids) for model, ids in wanted.items()}
        lines = []
        for row in rows:
            model = _reference_model(row.entity, row.field)
            resolved = names.get(model, {}) if model is not None else {}
            own = row.entity == entity
            lines.append(
                HistoryLine(
                    at=row.at,
                    user_name=row.full_name,
                    action=row.action,
                    part="" if own else row.entity,
                    part_text=None if own else parts.get(row.entity_id, ("", ""))[1],
                    field=row.field,
                    old_value=_resolved(row.old_value, resolved),
                    new_value=_resolved(row.new_value, resolved),
                )
            )
        return lines


def _reference_model(table: str, field: str | None) -> Any:
    if field is None:
        return None
    if field == "merged_into_id":
        return _MERGED_INTO.get(table)
    return _REFERENCES.get(field)


def _uuid(value: str | None) -> uuid.UUID | None:
    if not value or len(value) != 36:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _resolved(value: str | None, names: dict[uuid.UUID, str]) -> str | None:
    parsed = _uuid(value)
    if parsed is None:
        return value
    return names.get(parsed, value)


__all__ = [
    "HistoryLine",
    "PartyRef",
    "card_history",
    "contact_relations",
    "contacts_of_counterparty",
    "counterparties_of_contact",
    "find_parties",
    "party_name",
]
