"""Mandatory fields per client circle: a client is saved into a circle only when complete.

Each circle (catalogue ``client_circle``) keeps a JSON list of requirement names; defaults are
seeded by migration 0004 and an office edits them in Settings (:func:`set_mandatory_fields`).
The check runs at the end of every unit of work that saves a client, so a client registered
together with its counterparty and contacts is judged with them.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, Message, PermissionDeniedError, ValidationError
from crm_desktop.models import Channel, Client, ClientCircle, ClientContact, Contact, Counterparty
from crm_desktop.services.uow import Actor, read_unit, write_unit

# requirement name → the card field its message is shown next to
REQUIREMENTS: dict[str, str] = {
    "phone": "channels",
    "email": "channels",
    "industry": "industry",
    "source_id": "source_id",
    "head_count": "head_count",
    "owner_id": "owner_id",
    "notes": "notes",
    "counterparty": "counterparties",
    "contact": "contacts",
}


@dataclass(frozen=True)
class CircleRules:
    circle_id: uuid.UUID
    code: str
    name: str
    mandatory: tuple[str, ...]


def _rules(circle: ClientCircle) -> CircleRules:
    try:
        names = json.loads(circle.mandatory_fields or "[]")
    except ValueError:
        names = []
    return CircleRules(
        circle.id, circle.code, circle.name, tuple(n for n in names if n in REQUIREMENTS)
    )


def rules(db: Database) -> list[CircleRules]:
    with read_unit(db) as session:
        circles = session.scalars(
            select(ClientCircle)
            .where(ClientCircle.deleted_at.is_(None))
            .order_by(ClientCircle.sort_order, ClientCircle.name)
        )
        return [_rules(c) for c in circles]


def set_mandatory_fields(
    db: Database, actor: Actor | None, circle_id: uuid.UUID, names: list[str]
) -> CircleRules:
    if actor is None or not actor.is_supervisor:
        raise PermissionDeniedError(
            QT_TRANSLATE_NOOP(
                "UserErrors", "Only a supervisor can change the mandatory fields of the circles."
            )
        )
    unknown = [n for n in names if n not in REQUIREMENTS]
    if unknown:
        raise ValidationError.single(
            "mandatory_fields",
            QT_TRANSLATE_NOOP("UserErrors", "Unknown mandatory field: {name}."),
            name=unknown[0],
        )
    with write_unit(db, actor) as session:
        circle = session.get(ClientCircle, circle_id)
        if circle is None:
            raise ValidationError.single(
                "circle_id", QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list.")
            )
        circle.mandatory_fields = json.dumps(list(dict.fromkeys(names)))
        session.flush()
        return _rules(circle)


def missing(session: Session, client_id: uuid.UUID) -> tuple[CircleRules | None, list[str]]:
    """The client's circle rules and which of its requirements are not met."""
    client = session.get(Client, client_id)
    if client is None or client.circle_id is None:
        return None, []
    circle = session.get(ClientCircle, client.circle_id)
    if circle is None:
        return None, []
    circle_rules = _rules(circle)
    if not circle_rules.mandatory:
        return circle_rules, []
    session.flush()
    kinds = set(
        session.scalars(
            select(Channel.kind).where(Channel.client_id == client_id, Channel.deleted_at.is_(None))
        )
    ) | set(
        session.scalars(
            select(Channel.kind)
            .join(ClientContact, ClientContact.contact_id == Channel.contact_id)
            .where(
                ClientContact.client_id == client_id,
                ClientContact.deleted_at.is_(None),
                Channel.deleted_at.is_(None),
            )
        )
    )
    counterparties = session.scalar(
        select(func.count())
        .select_from(Counterparty)
        .where(Counterparty.client_id == client_id, Counterparty.deleted_at.is_(None))
    )
    contacts = session.scalar(
        select(func.count())
        .select_from(ClientContact)
        .join(Contact, Contact.id == ClientContact.contact_id)
        .where(
            ClientContact.client_id == client_id,
            ClientContact.deleted_at.is_(None),
            Contact.deleted_at.is_(None),
        )
    )
    have = {
        "phone": "phone" in kinds,
        "email": "email" in kinds,
        "industry": bool(client.industry),
        "source_id": client.source_id is not None,
        "head_count": client.head_count is not None,
        "owner_id": client.owner_id is not None,
        "notes": bool(client.notes),
        "counterparty": bool(counterparties),
        "contact": bool(contacts),
    }
    return circle_rules, [name for name in circle_rules.mandatory if not have[name]]


def enforce(session: Session, client_id: uuid.UUID) -> None:
    """Refuse (and so roll back) a save that leaves the client short of its circle's fields."""
    circle_rules, absent = missing(session, client_id)
    if circle_rules is None or not absent:
        return
    errors: dict[str, Message] = {}
    for name in absent:
        errors.setdefault(
            REQUIREMENTS[name], Message(_MISSING_TEXT[name], {"circle": circle_rules.name})
        )
    raise ValidationError(errors)


_MISSING_TEXT: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("UserErrors", "A client in the circle «{circle}» needs a phone."),
    "email": QT_TRANSLATE_NOOP(
        "UserErrors", "A client in the circle «{circle}» needs an e-mail address."
    ),
    "industry": QT_TRANSLATE_NOOP(
        "UserErrors", "A client in the circle «{circle}» needs an industry."
    ),
    "source_id": QT_TRANSLATE_NOOP(
        "UserErrors", "A client in the circle «{circle}» needs a source."
    ),
    "head_count": QT_TRANSLATE_NOOP(
        "UserErrors", "A client in the circle «{circle}» needs a head-count."
    ),
    "owner_id": QT_TRANSLATE_NOOP(
        "UserErrors", "A client in the circle «{circle}» needs a responsible manager."
    ),
    "notes": QT_TRANSLATE_NOOP("UserErrors", "A client in the circle «{circle}» needs notes."),
    "counterparty": QT_TRANSLATE_NOOP(
        "UserErrors", "A client in the circle «{circle}» needs at least one counterparty."
    ),
    "contact": QT_TRANSLATE_NOOP(
        "UserErrors", "A client in the circle «{circle}» needs at least one contact person."
    ),
}
