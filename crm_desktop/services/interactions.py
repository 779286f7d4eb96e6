"""Interactions (взаимодействия): register, edit, link a participant, read lists, chains, subjects.

An interaction is a meeting, a call, an e-mail or a planned interaction, with its subject, time,
duration, result, status and responsible user, linked to a client, contact, deal, lead, claim or
proposal. Every write is one unit of work; bad input raises one ValidationError naming each field
and writes nothing.

The participant is a linked contact or, until someone links it, the text it was given as (a phone
number or an e-mail address). :func:`match_participant` finds the contacts whose phone (E.164) or
e-mail matches that text, :func:`link_participant` links one, and
:func:`link_unmatched_for_contact` links every waiting interaction a contact's channels match.

Links fill each other where they can: a deal, claim, proposal or converted lead gives the client,
and a contact gives its primary client when nothing else did, so a client's list reads only
``interaction.client_id``. Reading is flat rows with Core: per record (:func:`interactions_for`,
newest first by keyset) and the keyset-paged list (:func:`interaction_page` and its siblings, the
machinery of :mod:`crm_desktop.services.lists`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Final

import phonenumbers
from sqlalchemy import ColumnElement, Select, and_, bindparam, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, ValidationError
from crm_desktop.models import (
    Channel,
    Claim,
    Client,
    ClientContact,
    Contact,
    Deal,
    Entity,
    Interaction,
    Lead,
    Proposal,
    User,
)
from crm_desktop.models.activities import DIRECTIONS, INTERACTION_KINDS, INTERACTION_STATUSES
from crm_desktop.services import validation as v
from crm_desktop.services.lists import (
    ANCHOR_EVERY,
    SEARCH_CAP,
    Key,
    PageRequest,
    SearchHits,
    _anchors,
    _count,
    _page,
    _scope,
    _search,
    _Spec,
)
from crm_desktop.services.parties import FieldErrors, check_version, live, utc_now
from crm_desktop.services.search import prefix_of
from crm_desktop.services.uow import Actor, read_unit, write_unit

__all__ = [
    "DIRECTIONS",
    "INTERACTION_KINDS",
    "INTERACTION_SORT_KEYS",
    "INTERACTION_STATUSES",
    "MAX_DURATION_MIN",
    "OPEN_STATUSES",
    "ChainEntry",
    "ContactMatch",
    "InteractionDetails",
    "InteractionDraft",
    "InteractionFilter",
    "InteractionRow",
    "SubjectSummary",
    "chain",
    "create_interaction",
    "delete_interaction",
    "get_interaction",
    "interaction_anchors",
    "interaction_count",
    "interaction_page",
    "interaction_search",
    "interactions_for",
    "link_participant",
    "link_unmatched_for_contact",
    "local_period",
    "match_participant",
    "match_participant_text",
    "participant_keys",
    "reply_to",
    "subjects_summary",
    "update_interaction",
]

OPEN_STATUSES: Final = ("planned", "postponed")  # what still has to happen: reminders show it
DIRECTED_KINDS: Final = ("call", "email")
MAX_DURATION_MIN: Final = 7 * 24 * 60  # a week
DESCRIPTION_MAX: Final = 20_000
CHAIN_MAX: Final = 1000  # interactions one chain shows, at most
MATCHES_MAX: Final = 50


# --- drafts, rows, details ----------------------------------------------------------------------


@dataclass(frozen=True)
class InteractionDraft:
    """What an interaction card saves.

    ``start_at`` is an aware datetime; ``None`` means "now" for an interaction that took place
    and is refused for a planned one. ``responsible_id`` ``None``: the acting user on create,
    unchanged on update. ``client_id`` ``None`` is filled from the deal, claim, proposal, lead or,
    last, from the contact's primary client.
    """

    kind: str  # one of INTERACTION_KINDS
    subject: str
    start_at: datetime | None = None
    direction: str | None = None  # "in" | "out": calls and e-mails only, and they need it
    description: str | None = None
    duration_min: int = 0
    result: str | None = None
    status: str = "done"  # one of INTERACTION_STATUSES
    responsible_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    participant_text: str | None = None  # a phone or an e-mail as given, linked later
    client_id: uuid.UUID | None = None
    deal_id: uuid.UUID | None = None
    lead_id: uuid.UUID | None = None
    claim_id: uuid.UUID | None = None
    proposal_id: uuid.UUID | None = None


@dataclass(frozen=True)
class InteractionRow:
    """One interaction as lists, card tabs and chains show it."""

    id: uuid.UUID
    kind: str
    direction: str | None
    subject: str
    start_at: datetime
    duration_min: int
    status: str
    result: str | None
    responsible_id: uuid.UUID | None
    responsible: str | None
    contact_id: uuid.UUID | None
    contact: str | None  # the contact's full name
    participant_text: str | None
    client_id: uuid.UUID | None
    client: str | None
    deal_id: uuid.UUID | None
    deal: str | None  # "А-000042 Поставка"
    parent_id: uuid.UUID | None
    remind_at: datetime | None
    is_deleted: bool = False

    @property
    def key(self) -> Key:
        """The position :func:`interactions_for` pages by: pass it as ``before``."""
        return (self.start_at, self.id)

    @property
    def participant(self) -> str | None:
        """Who it was with: the contact, else the text it was given as."""
        return self.contact or self.participant_text


@dataclass(frozen=True)
class InteractionDetails:
    id: uuid.UUID
    version: int
    kind: str
    direction: str | None
    subject: str
    description: str | None
    start_at: datetime
    duration_min: int
    result: str | None
    status: str
    responsible_id: uuid.UUID | None
    responsible: str | None
    contact_id: uuid.UUID | None
    contact: str | None
    participant_text: str | None
    client_id: uuid.UUID | None
    client: str | None
    deal_id: uuid.UUID | None
    deal: str | None
    lead_id: uuid.UUID | None
    claim_id: uuid.UUID | None
    proposal_id: uuid.UUID | None
    parent_id: uuid.UUID | None
    remind_at: datetime | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None

    def as_draft(self) -> InteractionDraft:
        """The draft that saves this interaction unchanged (a card edits a copy of it)."""
        return InteractionDraft(
            kind=self.kind,
            subject=self.subject,
            start_at=self.start_at,
            direction=self.direction,
            description=self.description,
            duration_min=self.duration_min,
            result=self.result,
            status=self.status,
            responsible_id=self.responsible_id,
            contact_id=self.contact_id,
            participant_text=self.participant_text,
            client_id=self.client_id,
            deal_id=self.deal_id,
            lead_id=self.lead_id,
            claim_id=self.claim_id,
            proposal_id=self.proposal_id,
        )


@dataclass(frozen=True)
class InteractionFilter:
    kind: str | None = None  # one of INTERACTION_KINDS
    status: str | None = None  # one of INTERACTION_STATUSES
    start_from: datetime | None = None  # inclusive (see local_period)
    start_to: datetime | None = None  # exclusive
    responsible_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None
    deal_id: uuid.UUID | None = None
    include_deleted: bool = False
    search: str = ""  # the beginning of the subject


@dataclass(frozen=True)
class ContactMatch:
    """A contact whose channel matches an interaction's participant text."""

    contact_id: uuid.UUID
    name: str
    position: str | None
    client_id: uuid.UUID | None  # the contact's primary client
    client: str | None
    matched: str  # the channel as stored on the contact: "+7 495 123-45-67"


@dataclass(frozen=True)
class ChainEntry:
    """One interaction of a chain; ``depth`` 0 is the root, a reply is one deeper."""

    depth: int
    row: InteractionRow


@dataclass(frozen=True)
class SubjectSummary:
    subject: str
    count: int
    last_start: datetime


# --- helpers ------------------------------------------------------------------------------------


def _aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"{name} must be an aware datetime, got {value!r}")
    return value.astimezone(UTC)


def local_period(
    first_day: date | None, last_day: date | None, tz: tzinfo
) -> tuple[datetime | None, datetime | None]:
    """The filter's ``(start_from, start_to)`` for the local days ``first_day``..``last_day``
    (both inclusive, either open): from the start of the first day to the start of the day
    after the last."""
    start = None if first_day is None else datetime.combine(first_day, time(), tzinfo=tz)
    end = (
        None
        if last_day is None
        else datetime.combine(last_day + timedelta(days=1), time(), tzinfo=tz)
    )
    return (
        None if start is None else start.astimezone(UTC),
        None if end is None else end.astimezone(UTC),
    )


def full_name(last: str | None, first: str | None, middle: str | None) -> str | None:
    name = " ".join(part for part in (last, first, middle) if part)
    return name or None


def deal_label(number: str | None, title: str | None) -> str | None:
    if number is None:
        return None
    return f"{number} {title}" if title else number


def primary_client_id(session: Session, contact_id: uuid.UUID) -> uuid.UUID | None:
    """The client a contact works for: its primary live link first, else the oldest one."""
    return session.scalar(
        select(ClientContact.client_id)
        .join(Client, Client.id == ClientContact.client_id)
        .where(
            ClientContact.contact_id == contact_id,
            ClientContact.deleted_at.is_(None),
            Client.deleted_at.is_(None),
        )
        .order_by(ClientContact.is_primary.desc(), ClientContact.created_at, ClientContact.id)
        .limit(1)
    )


def _live_or_error(
    errors: FieldErrors,
    session: Session,
    model: type[Entity],
    record_id: uuid.UUID | None,
    field_name: str,
) -> Any:
    if record_id is None:
        return None
    obj = session.get(model, record_id)
    if obj is None or obj.deleted_at is not None:
        errors.add(field_name, QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list."))
        return None
    return obj


@dataclass(frozen=True)
class Links:
    """The records an interaction or a task concerns, checked and filled in."""

    client_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    deal_id: uuid.UUID | None = None
    lead_id: uuid.UUID | None = None
    claim_id: uuid.UUID | None = None
    proposal_id: uuid.UUID | None = None

    def values(self) -> dict[str, uuid.UUID | None]:
        return {
            "client_id": self.client_id,
            "contact_id": self.contact_id,
            "deal_id": self.deal_id,
            "lead_id": self.lead_id,
            "claim_id": self.claim_id,
            "proposal_id": self.proposal_id,
        }


def check_links(session: Session, errors: FieldErrors, links: Links) -> Links:
    """Each link a live record (errors named by field), consistent with the others, and the
    client filled in: from the deal, the claim, the proposal's deal, a converted lead, or else
    the contact's primary client. A proposal also gives its deal."""
    _live_or_error(errors, session, Client, links.client_id, "client_id")
    _live_or_error(errors, session, Contact, links.contact_id, "contact_id")
    deal: Deal | None = _live_or_error(errors, session, Deal, links.deal_id, "deal_id")
    lead: Lead | None = _live_or_error(errors, session, Lead, links.lead_id, "lead_id")
    claim: Claim | None = _live_or_error(errors, session, Claim, links.claim_id, "claim_id")
    proposal: Proposal | None = _live_or_error(
        errors, session, Proposal, links.proposal_id, "proposal_id"
    )
    deal_id = links.deal_id
    if proposal is not None:
        if deal_id is None:
            deal_id = proposal.deal_id
            deal = session.get(Deal, deal_id)
        elif proposal.deal_id != deal_id:
            errors.add(
                "proposal_id",
                QT_TRANSLATE_NOOP("UserErrors", "This proposal belongs to another deal."),
            )
    client_id = links.client_id
    if deal is not None:
        if client_id is None:
            client_id = deal.client_id
        elif deal.client_id != client_id:
            errors.add(
                "deal_id", QT_TRANSLATE_NOOP("UserErrors", "This deal belongs to another client.")
            )
    if claim is not None:
        if client_id is None:
            client_id = claim.partner_id
        elif claim.partner_id != client_id:
            errors.add(
                "claim_id",
                QT_TRANSLATE_NOOP("UserErrors", "This claim belongs to another client."),
            )
    if client_id is None and lead is not None:
        client_id = lead.converted_client_id
    if client_id is None and links.contact_id is not None:
        client_id = primary_client_id(session, links.contact_id)
    return replace(links, client_id=client_id, deal_id=deal_id)


def check_user(
    session: Session, errors: FieldErrors, user_id: uuid.UUID | None, field_name: str
) -> None:
    user: User | None = _live_or_error(errors, session, User, user_id, field_name)
    if user is not None and not user.is_active:
        errors.add(field_name, QT_TRANSLATE_NOOP("UserErrors", "This user no longer works here."))


# --- participants -------------------------------------------------------------------------------

_EMAIL_IN_TEXT: Final = re.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+")
_PHONE_IN_TEXT: Final = re.compile(r"[+(]?\d[\d\s\-().]{5,}\d")


def participant_keys(text: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The phones (E.164) and e-mail addresses (lower case) written in a participant text.

    The whole text is read as one phone first (``8 (495) 123-45-67 доб. 12``); otherwise every
    e-mail address and phone-like run in it counts (``Иван <ivan@romashka.ru>``).
    """
    if not text or not text.strip():
        return frozenset(), frozenset()
    emails: set[str] = set()
    for found in _EMAIL_IN_TEXT.findall(text):
        try:
            email = v.normalize_email(found.strip("."))
        except ValidationError:
            continue
        if email is not None:
            emails.add(email)
    phones: set[str] = set()
    whole = _phone(text)
    if whole is not None:
        phones.add(whole)
    else:
        rest = _EMAIL_IN_TEXT.sub(" ", text)
        for found in _PHONE_IN_TEXT.findall(rest):
            phone = _phone(found)
            if phone is not None:
                phones.add(phone)
    return frozenset(phones), frozenset(emails)


def _phone(text: str) -> str | None:
    try:
        phone = v.normalize_phone(text, field="participant_text")
    except ValidationError:
        return None
    return None if phone is None else phone[1]


def _matches(session: Session, text: str | None) -> list[ContactMatch]:
    phones, emails = participant_keys(text)
    conditions = []
    if phones:
        conditions.append(
            and_(Channel.kind.in_(("phone", "messenger")), Channel.normalized.in_(sorted(phones)))
        )
    if emails:
        conditions.append(and_(Channel.kind == "email", Channel.normalized.in_(sorted(emails))))
    if not conditions:
        return []
    rows = session.execute(
        select(
            Contact.id,
            Contact.last_name,
            Contact.first_name,
            Contact.middle_name,
            Contact.position,
            Channel.value,
        )
        .join(Channel, Channel.contact_id == Contact.id)
        .where(or_(*conditions), Channel.deleted_at.is_(None), Contact.deleted_at.is_(None))
        .order_by(Contact.search_key, Contact.id, Channel.is_primary.desc(), Channel.id)
        .limit(MATCHES_MAX * 4)
    ).all()
    seen: dict[uuid.UUID, ContactMatch] = {}
    for contact_id, last, first, middle, position, value in rows:
        if contact_id in seen or len(seen) >= MATCHES_MAX:
            continue
        client_id = primary_client_id(session, contact_id)
        client = session.get(Client, client_id) if client_id is not None else None
        seen[contact_id] = ContactMatch(
            contact_id,
            full_name(last, first, middle) or "",
            position,
            client_id,
            client.name if client is not None else None,
            value,
        )
    return list(seen.values())


def match_participant_text(db: Database, text: str | None) -> list[ContactMatch]:
    """The contacts whose phone or e-mail is written in ``text`` (a card's live suggestion)."""
    with read_unit(db) as session:
        return _matches(session, text)


def match_participant(db: Database, interaction_id: uuid.UUID) -> list[ContactMatch]:
    """The contacts whose phone (E.164) or e-mail matches the interaction's participant text,
    by name; empty if the text holds neither."""
    with read_unit(db) as session:
        interaction = live(session, Interaction, interaction_id, "participant_text")
        return _matches(session, interaction.participant_text)


def _link_contact(session: Session, interaction: Interaction, contact_id: uuid.UUID) -> None:
    if interaction.contact_id != contact_id:
        interaction.contact_id = contact_id
    if interaction.client_id is None:
        client_id = primary_client_id(session, contact_id)
        if client_id is not None:
            interaction.client_id = client_id


def link_participant(
    db: Database, actor: Actor | None, interaction_id: uuid.UUID, contact_id: uuid.UUID
) -> InteractionDetails:
    """Link the interaction's participant to a contact; the participant text stays as it was
    given, and a client-less interaction gets the contact's primary client."""
    with write_unit(db, actor) as session:
        interaction = live(session, Interaction, interaction_id, "id")
        live(session, Contact, contact_id, "contact_id")
        _link_contact(session, interaction, contact_id)
        session.flush()
        return _details(session, interaction)


def _strip_separators(column: Any) -> Any:
    for separator in (" ", "-", "(", ")", "."):
        column = func.replace(column, separator, "")
    return column


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def link_unmatched_for_contact(db: Database, actor: Actor | None, contact_id: uuid.UUID) -> int:
    """Link every interaction still waiting with a participant text that one of the contact's
    phones or e-mails matches ("linked later"); how many were linked.

    SQL narrows the candidates (the national digits of a phone, the address of an e-mail, found in
    the text); each is then checked by reading its text as :func:`participant_keys` does.
    """
    with write_unit(db, actor) as session:
        live(session, Contact, contact_id, "contact_id")
        channels = session.execute(
            select(Channel.kind, Channel.normalized).where(
                Channel.contact_id == contact_id, Channel.deleted_at.is_(None)
            )
        ).all()
        phones = {n for kind, n in channels if kind in ("phone", "messenger") and n[:1] == "+"}
        emails = {n for kind, n in channels if kind == "email"}
        conditions = []
        stripped = _strip_separators(Interaction.participant_text)
        for phone in sorted(phones):
            digits = _national_digits(phone)
            conditions.append(stripped.like(f"%{_escape_like(digits)}%", escape="\\"))
        lowered = func.lower(Interaction.participant_text)
        for email in sorted(emails):
            conditions.append(lowered.like(f"%{_escape_like(email)}%", escape="\\"))
        if not conditions:
            return 0
        candidates = session.scalars(
            select(Interaction)
            .where(
                Interaction.contact_id.is_(None),
                Interaction.participant_text.is_not(None),
                Interaction.deleted_at.is_(None),
                or_(*conditions),
            )
            .order_by(Interaction.id)
        ).all()
        linked = 0
        for interaction in candidates:
            found_phones, found_emails = participant_keys(interaction.participant_text)
            if found_phones & phones or found_emails & emails:
                _link_contact(session, interaction, contact_id)
                linked += 1
        return linked


def _national_digits(e164: str) -> str:
    """The digits of a number without its country code: what any way of writing it contains."""
    try:
        return str(phonenumbers.parse(e164, None).national_number)
    except phonenumbers.NumberParseException:
        return e164.lstrip("+")


# --- writing ------------------------------------------------------------------------------------


def _values(
    session: Session,
    actor: Actor | None,
    draft: InteractionDraft,
    existing: Interaction | None,
) -> dict[str, Any]:
    errors = FieldErrors()
    subject = errors.check(
        lambda: v.clean_text(draft.subject, field="subject", max_length=255, required=True)
    )
    description = errors.check(
        lambda: v.clean_text(
            draft.description, field="description", max_length=DESCRIPTION_MAX, multiline=True
        )
    )
    result = errors.check(
        lambda: v.clean_text(
            draft.result, field="result", max_length=DESCRIPTION_MAX, multiline=True
        )
    )
    participant_text = errors.check(
        lambda: v.clean_text(draft.participant_text, field="participant_text", max_length=255)
    )
    if draft.kind not in INTERACTION_KINDS:
        errors.add("kind", QT_TRANSLATE_NOOP("UserErrors", "Choose the kind of interaction."))
    if draft.status not in INTERACTION_STATUSES:
        errors.add("status", QT_TRANSLATE_NOOP("UserErrors", "Choose a status from the list."))
    if draft.kind in DIRECTED_KINDS:
        if draft.direction is None:
            errors.add(
                "direction",
                QT_TRANSLATE_NOOP("UserErrors", "Choose whether it was incoming or outgoing."),
            )
        elif draft.direction not in DIRECTIONS:
            errors.add(
                "direction",
                QT_TRANSLATE_NOOP("UserErrors", "Choose incoming or outgoing."),
            )
    elif draft.direction is not None:
        errors.add(
            "direction",
            QT_TRANSLATE_NOOP("UserErrors", "Only a call or an e-mail has a direction."),
        )
    if draft.kind == "planned" and draft.status not in OPEN_STATUSES:
        errors.add(
            "status",
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "A planned interaction is planned or postponed; to record what happened, choose "
                "whether it was a meeting, a call or an e-mail.",
            ),
        )
    start_at = None if draft.start_at is None else _aware(draft.start_at, "start_at")
    if start_at is None:
        if draft.kind == "planned" or draft.status in OPEN_STATUSES:
            errors.add(
                "start_at",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "Set when the planned interaction is to take place."
                ),
            )
        elif existing is not None:
            start_at = existing.start_at
        else:
            start_at = utc_now()
    if not 0 <= draft.duration_min <= MAX_DURATION_MIN:
        errors.add(
            "duration_min",
            QT_TRANSLATE_NOOP(
                "UserErrors", "The duration must be from 0 to {max} minutes (a week)."
            ),
            max=MAX_DURATION_MIN,
        )
    responsible_id = draft.responsible_id
    if responsible_id is None:
        if existing is not None:
            responsible_id = existing.responsible_id
        elif actor is not None:
            responsible_id = actor.user_id
    if responsible_id is not None and (
        existing is None or responsible_id != existing.responsible_id
    ):
        check_user(session, errors, responsible_id, "responsible_id")
    links = check_links(
        session,
        errors,
        Links(
            client_id=draft.client_id,
            contact_id=draft.contact_id,
            deal_id=draft.deal_id,
            lead_id=draft.lead_id,
            claim_id=draft.claim_id,
            proposal_id=draft.proposal_id,
        ),
    )
    errors.raise_if_any()
    values: dict[str, Any] = {
        "kind": draft.kind,
        "direction": draft.direction,
        "subject": subject,
        "subject_key": v.fold_key(subject or "")[:255],
        "description": description,
        "start_at": start_at,
        "duration_min": draft.duration_min,
        "result": result,
        "status": draft.status,
        "responsible_id": responsible_id,
        "participant_text": participant_text,
        **links.values(),
    }
    if existing is not None and (
        start_at != existing.start_at or draft.status not in OPEN_STATUSES
    ):
        values["remind_at"] = None  # a new time (or nothing left to do): no old snooze
    return values


def _assign(obj: Any, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def create_interaction(
    db: Database, actor: Actor | None, draft: InteractionDraft
) -> InteractionDetails:
    with write_unit(db, actor) as session:
        interaction = Interaction(**_values(session, actor, draft, None))
        session.add(interaction)
        session.flush()
        return _details(session, interaction)


def reply_to(
    db: Database, actor: Actor | None, parent_id: uuid.UUID, draft: InteractionDraft
) -> InteractionDetails:
    """Continue a chain: the reply's parent is ``parent_id``; links the draft leaves empty come
    from the parent, and so do the participant (when the draft names none) and a blank subject.
    """
    with write_unit(db, actor) as session:
        parent = live(session, Interaction, parent_id, "parent_id")
        has_participant = draft.contact_id is not None or bool(
            (draft.participant_text or "").strip()
        )
        filled = replace(
            draft,
            subject=draft.subject if draft.subject.strip() else parent.subject,
            client_id=draft.client_id or parent.client_id,
            deal_id=draft.deal_id or parent.deal_id,
            lead_id=draft.lead_id or parent.lead_id,
            claim_id=draft.claim_id or parent.claim_id,
            proposal_id=draft.proposal_id or parent.proposal_id,
            contact_id=draft.contact_id if has_participant else parent.contact_id,
            participant_text=(
                draft.participant_text if has_participant else parent.participant_text
            ),
        )
        interaction = Interaction(**_values(session, actor, filled, None), parent_id=parent.id)
        session.add(interaction)
        session.flush()
        return _details(session, interaction)


def update_interaction(
    db: Database,
    actor: Actor | None,
    interaction_id: uuid.UUID,
    expected_version: int,
    draft: InteractionDraft,
) -> InteractionDetails:
    with write_unit(db, actor) as session:
        interaction = live(session, Interaction, interaction_id, "subject")
        check_version(interaction, expected_version)
        _assign(interaction, _values(session, actor, draft, interaction))
        session.flush()
        return _details(session, interaction)


def delete_interaction(
    db: Database, actor: Actor | None, interaction_id: uuid.UUID, expected_version: int
) -> None:
    """Soft-delete: it leaves the lists; its replies stay in the chain."""
    with write_unit(db, actor) as session:
        interaction = live(session, Interaction, interaction_id, "id")
        check_version(interaction, expected_version)
        interaction.deleted_at = utc_now()


def get_interaction(db: Database, interaction_id: uuid.UUID) -> InteractionDetails:
    with read_unit(db) as session:
        return _details(session, live(session, Interaction, interaction_id, "id"))


def _details(session: Session, it: Interaction) -> InteractionDetails:
    responsible = session.get(User, it.responsible_id) if it.responsible_id else None
    contact = session.get(Contact, it.contact_id) if it.contact_id else None
    client = session.get(Client, it.client_id) if it.client_id else None
    deal = session.get(Deal, it.deal_id) if it.deal_id else None
    return InteractionDetails(
        id=it.id,
        version=it.version,
        kind=it.kind,
        direction=it.direction,
        subject=it.subject,
        description=it.description,
        start_at=it.start_at,
        duration_min=it.duration_min,
        result=it.result,
        status=it.status,
        responsible_id=it.responsible_id,
        responsible=responsible.full_name if responsible else None,
        contact_id=it.contact_id,
        contact=(
            full_name(contact.last_name, contact.first_name, contact.middle_name)
            if contact
            else None
        ),
        participant_text=it.participant_text,
        client_id=it.client_id,
        client=client.name if client else None,
        deal_id=it.deal_id,
        deal=deal_label(deal.number, deal.title) if deal else None,
        lead_id=it.lead_id,
        claim_id=it.claim_id,
        proposal_id=it.proposal_id,
        parent_id=it.parent_id,
        remind_at=it.remind_at,
        created_at=it.created_at,
        updated_at=it.updated_at,
        deleted_at=it.deleted_at,
    )


# --- reading: rows --------------------------------------------------------------------------------

_Responsible = aliased(User, name="interaction_responsible")
_IClient = aliased(Client, name="interaction_client")
_IContact = aliased(Contact, name="interaction_contact")
_IDeal = aliased(Deal, name="interaction_deal")

# sort key name → NOT NULL SQL expression (see lists.py: keyset needs total order)
INTERACTION_SORT_KEYS: Final[Mapping[str, Any]] = {
    "start_at": Interaction.start_at,
    "subject": Interaction.subject_key,
    "kind": Interaction.kind,
    "status": Interaction.status,
    "duration_min": Interaction.duration_min,
    "responsible": func.coalesce(_Responsible.full_name, ""),
    "client": func.coalesce(_IClient.search_key, ""),
}


def interaction_rows(key: Any) -> Select[Any]:
    """``select(sort value, id, …)`` with the joins the row needs (the lists ``_Spec`` shape)."""
    return (
        select(
            key.label("sort_value"),
            Interaction.id,
            Interaction.kind,
            Interaction.direction,
            Interaction.subject,
            Interaction.start_at,
            Interaction.duration_min,
            Interaction.status,
            Interaction.result,
            Interaction.responsible_id,
            _Responsible.full_name.label("responsible"),
            Interaction.contact_id,
            _IContact.last_name,
            _IContact.first_name,
            _IContact.middle_name,
            Interaction.participant_text,
            Interaction.client_id,
            _IClient.name.label("client"),
            Interaction.deal_id,
            _IDeal.number,
            _IDeal.title,
            Interaction.parent_id,
            Interaction.remind_at,
            Interaction.deleted_at.is_not(None).label("is_deleted"),
        )
        .outerjoin(_Responsible, _Responsible.id == Interaction.responsible_id)
        .outerjoin(_IContact, _IContact.id == Interaction.contact_id)
        .outerjoin(_IClient, _IClient.id == Interaction.client_id)
        .outerjoin(_IDeal, _IDeal.id == Interaction.deal_id)
    )


def interaction_row(values: Sequence[Any]) -> InteractionRow:
    """The row from :func:`interaction_rows`' columns after the sort value."""
    (
        row_id,
        kind,
        direction,
        subject,
        start_at,
        duration,
        status,
        result,
        responsible_id,
        responsible,
        contact_id,
        last,
        first,
        middle,
        participant_text,
        client_id,
        client,
        deal_id,
        deal_number,
        deal_title,
        parent_id,
        remind_at,
        is_deleted,
    ) = values
    return InteractionRow(
        id=row_id,
        kind=kind,
        direction=direction,
        subject=subject,
        start_at=start_at,
        duration_min=duration,
        status=status,
        result=result,
        responsible_id=responsible_id,
        responsible=responsible,
        contact_id=contact_id,
        contact=full_name(last, first, middle),
        participant_text=participant_text,
        client_id=client_id,
        client=client,
        deal_id=deal_id,
        deal=deal_label(deal_number, deal_title),
        parent_id=parent_id,
        remind_at=remind_at,
        is_deleted=bool(is_deleted),
    )


def read_rows(session: Session, query: Select[Any]) -> list[InteractionRow]:
    return [interaction_row(tuple(row[1:])) for row in session.execute(query)]


def _before(before: Key) -> ColumnElement[bool]:
    value, row_id = before
    position = tuple_(Interaction.start_at, Interaction.id)
    bound = tuple_(
        bindparam(None, value, type_=Interaction.start_at.type),
        bindparam(None, row_id, type_=Interaction.id.type),
    )
    return position < bound


def interactions_for(
    db: Database,
    *,
    client_id: uuid.UUID | None = None,
    contact_id: uuid.UUID | None = None,
    deal_id: uuid.UUID | None = None,
    lead_id: uuid.UUID | None = None,
    claim_id: uuid.UUID | None = None,
    limit: int = 50,
    before: Key | None = None,
) -> list[InteractionRow]:
    """A record's interactions, newest first, ``limit`` at a time: the next page is the one
    ``before`` the last row's :attr:`InteractionRow.key`. A client's list holds what is linked
    to the client (contact-linked ones have the client filled in)."""
    where: list[ColumnElement[bool]] = [Interaction.deleted_at.is_(None)]
    for column, value in (
        (Interaction.client_id, client_id),
        (Interaction.contact_id, contact_id),
        (Interaction.deal_id, deal_id),
        (Interaction.lead_id, lead_id),
        (Interaction.claim_id, claim_id),
    ):
        if value is not None:
            where.append(column == value)
    if len(where) == 1:
        raise ValueError("interactions_for needs a record to read the interactions of")
    if before is not None:
        where.append(_before(before))
    query = (
        interaction_rows(Interaction.start_at)
        .where(*where)
        .order_by(Interaction.start_at.desc(), Interaction.id.desc())
        .limit(max(limit, 0))
    )
    with read_unit(db) as session:
        return read_rows(session, query)


def chain(db: Database, interaction_id: uuid.UUID) -> list[ChainEntry]:
    """The chain ``interaction_id`` belongs to: its root first, then every reply after the one it
    answers (replies to one interaction by time). Deleted ones are left out; their replies stay.
    """
    with read_unit(db) as session:
        start = live(session, Interaction, interaction_id, "id")
        root_id, seen = start.id, {start.id}
        parent_id = start.parent_id
        while parent_id is not None and parent_id not in seen and len(seen) < CHAIN_MAX:
            seen.add(parent_id)
            root_id = parent_id
            parent_id = session.scalar(
                select(Interaction.parent_id).where(Interaction.id == parent_id)
            )
        nodes: dict[uuid.UUID, tuple[uuid.UUID | None, datetime, bool]] = {}
        root = session.execute(
            select(Interaction.start_at, Interaction.deleted_at).where(Interaction.id == root_id)
        ).one()
        nodes[root_id] = (None, root[0], root[1] is not None)
        frontier = [root_id]
        while frontier and len(nodes) < CHAIN_MAX:
            found = session.execute(
                select(
                    Interaction.id,
                    Interaction.parent_id,
                    Interaction.start_at,
                    Interaction.deleted_at,
                )
                .where(Interaction.parent_id.in_(frontier))
                .order_by(Interaction.start_at, Interaction.id)
                .limit(CHAIN_MAX - len(nodes))
            ).all()
            frontier = []
            for row_id, row_parent, start_at, deleted_at in found:
                if row_id not in nodes:
                    nodes[row_id] = (row_parent, start_at, deleted_at is not None)
                    frontier.append(row_id)
        shown = [row_id for row_id, (_, _, deleted) in nodes.items() if not deleted]
        rows = {
            row.id: row
            for row in read_rows(
                session, interaction_rows(Interaction.start_at).where(Interaction.id.in_(shown))
            )
        }
    children: dict[uuid.UUID | None, list[uuid.UUID]] = {}
    for row_id, (row_parent, _start, _) in sorted(
        nodes.items(), key=lambda item: (item[1][1], item[0])
    ):
        children.setdefault(row_parent if row_id != root_id else None, []).append(row_id)
    entries: list[ChainEntry] = []
    stack: list[tuple[uuid.UUID, int]] = [(root_id, 0)]
    while stack:
        row_id, depth = stack.pop()
        next_depth = depth
        if row_id in rows:
            entries.append(ChainEntry(depth, rows[row_id]))
            next_depth = depth + 1
        stack.extend((child, next_depth) for child in reversed(children.get(row_id, [])))
    return entries


# --- reading: the keyset-paged list ---------------------------------------------------------------


def _subject_match(session: Session, model: Any, text: str) -> Any:
    """The subject begins with the text, whatever its case (the indexed ``subject_key``)."""
    del session, model
    key = v.fold_key(text)
    if not key:
        return None
    return prefix_of(Interaction.subject_key, key)


_INTERACTIONS: Final = _Spec(
    Interaction, INTERACTION_SORT_KEYS, interaction_rows, interaction_row, _subject_match
)


def _interaction_where(flt: InteractionFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        where.append(Interaction.deleted_at.is_(None))
    if flt.kind is not None:
        if flt.kind not in INTERACTION_KINDS:
            raise ValueError(f"unknown interaction kind {flt.kind!r}")
        where.append(Interaction.kind == flt.kind)
    if flt.status is not None:
        if flt.status not in INTERACTION_STATUSES:
            raise ValueError(f"unknown interaction status {flt.status!r}")
        where.append(Interaction.status == flt.status)
    if flt.start_from is not None:
        where.append(Interaction.start_at >= _aware(flt.start_from, "start_from"))
    if flt.start_to is not None:
        where.append(Interaction.start_at < _aware(flt.start_to, "start_to"))
    if flt.responsible_id is not None:
        where.append(Interaction.responsible_id == flt.responsible_id)
    if flt.client_id is not None:
        where.append(Interaction.client_id == flt.client_id)
    if flt.deal_id is not None:
        where.append(Interaction.deal_id == flt.deal_id)
    return where


def interaction_search(
    db: Database, flt: InteractionFilter, *, cap: int = SEARCH_CAP
) -> SearchHits | None:
    """The interactions whose subject begins with ``flt.search`` (and that match the filter),
    at most ``cap``; ``None`` when there is no search."""
    return _search(db, _INTERACTIONS, _interaction_where(flt), flt.search, cap)


def interaction_page(
    db: Database, flt: InteractionFilter, page: PageRequest, *, hits: SearchHits | None = None
) -> list[tuple[Key, InteractionRow]]:
    """One page of the interactions list, each row with its keyset position. Sort keys are
    :data:`INTERACTION_SORT_KEYS`; the usual order is ``PageRequest("start_at", True)``."""
    where = _scope(db, _INTERACTIONS, _interaction_where(flt), flt.search, hits)
    return _page(db, _INTERACTIONS, where, page)


def interaction_count(
    db: Database, flt: InteractionFilter, *, hits: SearchHits | None = None
) -> int:
    if hits is not None:
        return len(hits.ids)
    where = _scope(db, _INTERACTIONS, _interaction_where(flt), flt.search, hits)
    return _count(db, _INTERACTIONS, where)


def interaction_anchors(
    db: Database,
    flt: InteractionFilter,
    sort: str,
    descending: bool = False,
    *,
    every: int = ANCHOR_EVERY,
    hits: SearchHits | None = None,
) -> list[Key]:
    where = _scope(db, _INTERACTIONS, _interaction_where(flt), flt.search, hits)
    return _anchors(db, _INTERACTIONS, where, sort, descending, every)


def subjects_summary(
    db: Database,
    flt: InteractionFilter,
    *,
    limit: int = 200,
    hits: SearchHits | None = None,
) -> list[SubjectSummary]:
    """The subjects of the filtered interactions with how many each has and the latest start,
    the most recent subject first, at most ``limit`` of them (grouping by subject)."""
    where = _scope(db, _INTERACTIONS, _interaction_where(flt), flt.search, hits)
    if where is None or limit <= 0:
        return []
    last = func.max(Interaction.start_at).label("last_start")
    query = (
        select(Interaction.subject, func.count().label("n"), last)
        .where(*where)
        .group_by(Interaction.subject)
        .order_by(last.desc(), Interaction.subject)
        .limit(limit)
    )
    with read_unit(db) as session:
        rows = session.execute(query).all()
    return [
        SubjectSummary(subject, int(count), _utc(last_start)) for subject, count, last_start in rows
    ]


def _utc(value: Any) -> datetime:
    """An aggregate's datetime as aware UTC (SQLite may hand back text or a naive value)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
