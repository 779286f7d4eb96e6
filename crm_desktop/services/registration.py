"""New partner registration («Помощник регистрации нового партнёра»): all in one transaction.

The wizard checks each page with the ``check_*`` functions (nothing is written), shows the
duplicate candidates from :func:`duplicates_of`, and finally calls :func:`register_partner`,
which creates the client, its counterparty with bank accounts, its contacts and their links in
one unit of work — or nothing at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Literal

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, Message, ValidationError
from crm_desktop.services import circles, duplicates
from crm_desktop.services import parties as p
from crm_desktop.services.uow import Actor, read_unit, write_unit

PartnerKind = Literal["company", "person"]


@dataclass(frozen=True)
class ContactEntry:
    person: p.ContactDraft
    position: str | None = None
    role: str | None = None
    is_primary: bool = False
    signs_for_counterparty: bool = False


@dataclass(frozen=True)
class PartnerRegistration:
    kind: PartnerKind
    client: p.ClientDraft
    counterparty: p.CounterpartyDraft | None = None
    contacts: tuple[ContactEntry, ...] = ()


@dataclass(frozen=True)
class RegistrationResult:
    client_id: uuid.UUID
    counterparty_id: uuid.UUID | None
    contact_ids: tuple[uuid.UUID, ...]


@contextmanager
def _scoped(prefix: str) -> Iterator[None]:
    """Prefix field names so the wizard knows the page: ``counterparty.inn``."""
    try:
        yield
    except ValidationError as exc:
        raise ValidationError(
            {f"{prefix}{name}": message for name, message in exc.field_errors.items()}
        ) from exc


def _person_client(reg: PartnerRegistration) -> PartnerRegistration:
    """A private person: the client is named after the person, who is its contact."""
    if reg.kind != "person" or not reg.contacts:
        return reg
    person = reg.contacts[0].person
    name = " ".join(x for x in (person.last_name, person.first_name, person.middle_name) if x)
    client = replace(reg.client, name=reg.client.name.strip() or name)
    first = replace(reg.contacts[0], is_primary=True)
    return replace(reg, client=client, contacts=(first, *reg.contacts[1:]))


def _check(db: Database, fn: Callable[..., object], *args: object) -> None:
    with read_unit(db) as session:
        fn(session, *args)


def check_client(db: Database, draft: p.ClientDraft) -> None:
    """Raise ValidationError for the client page; writes nothing."""
    _check(db, p.check_client_draft, draft)


def check_counterparty(db: Database, draft: p.CounterpartyDraft) -> None:
    _check(db, p.check_counterparty_draft, draft)


def check_contact(draft: p.ContactDraft) -> None:
    p.check_contact_draft(draft)


def duplicates_of(db: Database, reg: PartnerRegistration) -> list[duplicates.DuplicateCandidate]:
    reg = _person_client(reg)
    names = [reg.client.name]
    phones = [c.value for c in reg.client.channels if c.kind == "phone"]
    emails = [c.value for c in reg.client.channels if c.kind == "email"]
    if reg.counterparty is not None:
        names += [reg.counterparty.full_name, reg.counterparty.short_name or ""]
    for entry in reg.contacts:
        phones += [c.value for c in entry.person.channels if c.kind == "phone"]
        emails += [c.value for c in entry.person.channels if c.kind == "email"]
    probe = duplicates.PartnerProbe(
        names=tuple(n for n in names if n),
        inn=reg.counterparty.inn if reg.counterparty else None,
        kpp=reg.counterparty.kpp if reg.counterparty else None,
        phones=tuple(phones),
        emails=tuple(emails),
    )
    return duplicates.find_duplicates(db, probe)


def register_partner(
    db: Database, actor: Actor | None, reg: PartnerRegistration
) -> RegistrationResult:
    """Create the client, counterparty, contacts and links in one transaction."""
    reg = _person_client(reg)
    if reg.kind == "person" and not reg.contacts:
        raise ValidationError(
            {
                "contacts": Message(
                    QT_TRANSLATE_NOOP(
                        "UserErrors", "Enter the person's name to register a private person."
                    )
                )
            }
        )
    with write_unit(db, actor) as session:
        with _scoped("client."):
            client = p.add_client(session, actor, reg.client)
        counterparty = None
        if reg.counterparty is not None:
            with _scoped("counterparty."):
                counterparty = p.add_counterparty(
                    session, replace(reg.counterparty, client_id=client.id)
                )
        contact_ids = []
        for index, entry in enumerate(reg.contacts):
            with _scoped(f"contacts[{index}]."):
                contact = p.add_contact(session, entry.person)
                p.add_client_contact(
                    session,
                    client,
                    contact,
                    position=entry.position,
                    role=entry.role,
                    is_primary=entry.is_primary,
                )
                if counterparty is not None and entry.signs_for_counterparty:
                    p.add_counterparty_contact(
                        session, counterparty, contact, position=entry.position, role=entry.role
                    )
            contact_ids.append(contact.id)
        with _scoped("client."):
            circles.enforce(session, client.id)
        return RegistrationResult(
            client.id, counterparty.id if counterparty else None, tuple(contact_ids)
        )
