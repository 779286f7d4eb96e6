"""Leads («Лиды»): inbound requests that are not clients yet, and their conversion.

A lead goes new → in work → qualified (converted) | rejected (with a reason from the catalogue
``lead_reject_reason``); a rejected lead can be reopened later (back to in work). Conversion
creates — or finds — the client, a counterparty when the INN is known, a contact and optionally
a typical-sale deal, all in one unit of work, and keeps the link both ways: the lead points at
what it became (``converted_*``), the client card finds its lead with :func:`lead_of_client`,
and the lead's interactions and tasks are attached to the client.

Before converting to a new client the registration's duplicate check runs
(:func:`conversion_candidates`); a client with the same INN is offered instead, and creating a
new one anyway needs ``ConversionPlan.confirm_new_despite_duplicates``.

The leads list follows the fast-list rules of :mod:`crm_desktop.services.lists` (keyset pages,
anchors, a bounded search through indexes: the exact number, the beginning of the name — or of
the name followed by the company — on ``search_key``, an exact phone or e-mail).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import Database
from crm_desktop.errors import (
    QT_TRANSLATE_NOOP,
    ConfirmationNeededError,
    Message,
    ValidationError,
)
from crm_desktop.models import (
    Client,
    ClientContact,
    Contact,
    Counterparty,
    Deal,
    DealParticipant,
    InfoSource,
    Interaction,
    Lead,
    LeadRejectReason,
    LegalForm,
    Task,
    User,
    catalogue_id,
)
from crm_desktop.models.activities import LEAD_STATUSES
from crm_desktop.services import circles, duplicates
from crm_desktop.services import parties as p
from crm_desktop.services import validation as v
from crm_desktop.services.deals import DealDraft, add_deal
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
from crm_desktop.services.numbering import next_number
from crm_desktop.services.search import prefix_of
from crm_desktop.services.uow import Actor, read_unit, write_unit

__all__ = [
    "LEAD_SORT_KEYS",
    "LEAD_STATUSES",
    "ConversionPlan",
    "LeadDetails",
    "LeadDraft",
    "LeadFilter",
    "LeadOrigin",
    "LeadRow",
    "conversion_candidates",
    "conversion_defaults",
    "convert",
    "create_lead",
    "delete_lead",
    "get_lead",
    "lead_anchors",
    "lead_count",
    "lead_of_client",
    "lead_page",
    "lead_search",
    "reject",
    "reject_reasons",
    "reopen",
    "take_in_work",
    "update_lead",
]

OPEN_STATUSES: Final = ("new", "in_work")
OTHER_REASON: Final = "other"  # the reject reason that needs a comment
INTEREST_MAX: Final = 20_000
COMMENT_MAX: Final = 5_000


# --- drafts and details -----------------------------------------------------------------------


@dataclass(frozen=True)
class LeadDraft:
    """What a lead card saves. ``owner_id`` None: the acting user on create, unchanged on
    update."""

    name: str  # the person who asked
    company: str | None = None
    phone: str | None = None
    email: str | None = None
    inn: str | None = None
    kpp: str | None = None
    source_id: uuid.UUID | None = None  # catalogue info_source
    interest: str | None = None  # what they asked about (multi-line)
    owner_id: uuid.UUID | None = None


@dataclass(frozen=True)
class LeadDetails:
    id: uuid.UUID
    version: int
    number: str
    name: str
    company: str | None
    phone: str | None  # as entered
    phone_e164: str | None
    email: str | None  # normalised (lower case)
    inn: str | None
    kpp: str | None
    source_id: uuid.UUID | None
    source_name: str | None
    interest: str | None
    status: str  # one of LEAD_STATUSES
    owner_id: uuid.UUID | None
    owner_name: str | None
    reject_reason_id: uuid.UUID | None
    reject_reason_name: str | None
    reject_comment: str | None
    qualified_at: datetime | None
    rejected_at: datetime | None
    converted_client_id: uuid.UUID | None
    converted_client_name: str | None
    converted_counterparty_id: uuid.UUID | None
    converted_counterparty_name: str | None
    converted_contact_id: uuid.UUID | None
    converted_contact_name: str | None
    converted_deal_id: uuid.UUID | None
    converted_deal_number: str | None
    converted_deal_title: str | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None

    @property
    def is_open(self) -> bool:
        """New or in work: it can still be edited, converted or rejected."""
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class LeadOrigin:
    """The lead a client came from, for the client card's «пришёл из лида …»."""

    id: uuid.UUID
    number: str
    received_at: datetime
    source_name: str | None
    status: str


@dataclass(frozen=True)
class ConversionPlan:
    """What converting a lead should create or link.

    * Client: ``client_id`` uses an existing client (``new_client`` is then ignored); otherwise
      a new client is created from ``new_client``, or, when that is None, from the lead (named
      after the company, else the person; the lead's source and owner). Creating a new client
      while a client with the lead's INN exists needs ``confirm_new_despite_duplicates``.
    * Counterparty (``with_counterparty``): ``counterparty`` as given; else, when the lead has
      an INN, the client's own counterparty with that INN (an existing client), or a new one
      made from the lead (legal form by the INN's length and the company's name).
    * Contact (``with_contact``): ``contact_id`` links an existing contact; else a new contact
      from ``new_contact`` or from the lead (its name as «Фамилия Имя Отчество», its phone and
      e-mail). ``contact_position`` and ``contact_role`` go on the client↔contact link.
    * Deal: ``deal_title`` not None creates a typical sale at its first stage (primary contact)
      with the contact as its participant and the lead's interest as the need; a blank title is
      refused ("deal.title").

    Field errors come back prefixed with the part they concern: ``client.name``,
    ``counterparty.kpp``, ``contact.last_name``, ``deal.title``.
    """

    client_id: uuid.UUID | None = None
    new_client: p.ClientDraft | None = None
    with_counterparty: bool = True
    counterparty: p.CounterpartyDraft | None = None
    with_contact: bool = True
    contact_id: uuid.UUID | None = None
    new_contact: p.ContactDraft | None = None
    contact_position: str | None = None
    contact_role: str | None = None
    deal_title: str | None = None
    confirm_new_despite_duplicates: bool = False


# --- reading ----------------------------------------------------------------------------------


def _contact_name(contact: Contact) -> str:
    return " ".join(x for x in (contact.last_name, contact.first_name, contact.middle_name) if x)


def _details(session: Session, lead: Lead) -> LeadDetails:
    source = session.get(InfoSource, lead.source_id) if lead.source_id else None
    owner = session.get(User, lead.owner_id) if lead.owner_id else None
    reason = session.get(LeadRejectReason, lead.reject_reason_id) if lead.reject_reason_id else None
    client = session.get(Client, lead.converted_client_id) if lead.converted_client_id else None
    counterparty = (
        session.get(Counterparty, lead.converted_counterparty_id)
        if lead.converted_counterparty_id
        else None
    )
    contact = session.get(Contact, lead.converted_contact_id) if lead.converted_contact_id else None
    deal = session.get(Deal, lead.converted_deal_id) if lead.converted_deal_id else None
    return LeadDetails(
        id=lead.id,
        version=lead.version,
        number=lead.number,
        name=lead.name,
        company=lead.company,
        phone=lead.phone,
        phone_e164=lead.phone_e164,
        email=lead.email,
        inn=lead.inn,
        kpp=lead.kpp,
        source_id=lead.source_id,
        source_name=source.name if source else None,
        interest=lead.interest,
        status=lead.status,
        owner_id=lead.owner_id,
        owner_name=owner.full_name if owner else None,
        reject_reason_id=lead.reject_reason_id,
        reject_reason_name=reason.name if reason else None,
        reject_comment=lead.reject_comment,
        qualified_at=lead.qualified_at,
        rejected_at=lead.rejected_at,
        converted_client_id=lead.converted_client_id,
        converted_client_name=client.name if client else None,
        converted_counterparty_id=lead.converted_counterparty_id,
        converted_counterparty_name=counterparty.short_name if counterparty else None,
        converted_contact_id=lead.converted_contact_id,
        converted_contact_name=_contact_name(contact) if contact else None,
        converted_deal_id=lead.converted_deal_id,
        converted_deal_number=deal.number if deal else None,
        converted_deal_title=deal.title if deal else None,
        created_at=lead.created_at,
        updated_at=lead.updated_at,
        deleted_at=lead.deleted_at,
    )


def get_lead(db: Database, lead_id: uuid.UUID) -> LeadDetails:
    with read_unit(db) as session:
        return _details(session, p.live(session, Lead, lead_id, "id"))


def reject_reasons(db: Database) -> list[p.CatalogueItem]:
    """The live reject reasons in their order (the reject dialog's list)."""
    with read_unit(db) as session:
        rows = session.scalars(
            select(LeadRejectReason)
            .where(LeadRejectReason.deleted_at.is_(None))
            .order_by(LeadRejectReason.sort_order, LeadRejectReason.name)
        )
        return [p.CatalogueItem(r.id, r.code, r.name) for r in rows]


def lead_of_client(db: Database, client_id: uuid.UUID) -> LeadOrigin | None:
    """The lead the client was converted from (the earliest, if several were), or None."""
    with read_unit(db) as session:
        row = session.execute(
            select(Lead.id, Lead.number, Lead.created_at, InfoSource.name, Lead.status)
            .outerjoin(InfoSource, InfoSource.id == Lead.source_id)
            .where(Lead.converted_client_id == client_id, Lead.deleted_at.is_(None))
            .order_by(Lead.qualified_at, Lead.created_at, Lead.id)
            .limit(1)
        ).first()
        if row is None:
            return None
        return LeadOrigin(row[0], row[1], row[2], row[3], row[4])


# --- writing ----------------------------------------------------------------------------------


def _lead_values(session: Session, draft: LeadDraft) -> dict[str, Any]:
    errors = p.FieldErrors()
    name = errors.check(lambda: v.clean_text(draft.name, field="name", required=True))
    company = errors.check(lambda: v.clean_text(draft.company, field="company"))
    phone = errors.check(lambda: v.normalize_phone(draft.phone, field="phone"))
    email = errors.check(lambda: v.normalize_email(draft.email, field="email"))
    inn = errors.check(lambda: v.normalize_inn(draft.inn, field="inn"))
    kpp = errors.check(lambda: v.normalize_kpp(draft.kpp, field="kpp"))
    interest = errors.check(
        lambda: v.clean_text(
            draft.interest, field="interest", max_length=INTEREST_MAX, multiline=True
        )
    )
    if kpp is not None and "inn" not in errors.errors:
        if inn is None:
            errors.add(
                "kpp",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "A KPP goes with an organisation's INN: enter the INN too."
                ),
            )
        elif len(inn) != 10:
            errors.add("kpp", QT_TRANSLATE_NOOP("UserErrors", "Only a legal entity has a KPP."))
    for model, value, field_name in (
        (InfoSource, draft.source_id, "source_id"),
        (User, draft.owner_id, "owner_id"),
    ):
        if value is not None:
            row = session.get(model, value)
            if row is None or row.deleted_at is not None:
                errors.add(
                    field_name, QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list.")
                )
    errors.raise_if_any()
    assert name is not None
    return {
        "name": name,
        "company": company,
        "search_key": lead_search_key(name, company),
        "phone": phone[0] if phone else None,
        "phone_e164": phone[1] if phone else None,
        "email": email,
        "inn": inn,
        "kpp": kpp,
        "source_id": draft.source_id,
        "interest": interest,
    }


def lead_search_key(name: str, company: str | None) -> str:
    """The name's key followed by the company's: the list finds a lead by the beginning of
    the person's name (and sorts by it)."""
    return " ".join(k for k in (v.search_key(name), v.search_key(company or "")) if k)[:255]


def _writable(session: Session, lead_id: uuid.UUID, expected_version: int) -> Lead:
    """The lead, its row locked for the transaction, at the version the user saw."""
    session.get(Lead, lead_id, with_for_update=True)
    lead = p.live(session, Lead, lead_id, "id")
    p.check_version(lead, expected_version)
    return lead


def _require_open(lead: Lead) -> None:
    if lead.status == "qualified":
        raise ValidationError.single(
            "status",
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The lead has already been converted; work with its client from now on.",
            ),
        )
    if lead.status == "rejected":
        raise ValidationError.single(
            "status",
            QT_TRANSLATE_NOOP(
                "UserErrors", "The lead is rejected. Reopen it to work with it again."
            ),
        )


def create_lead(db: Database, actor: Actor | None, draft: LeadDraft) -> LeadDetails:
    """Register a new lead with the next lead number of this node (``А-000042``)."""
    with write_unit(db, actor) as session:
        values = _lead_values(session, draft)
        lead = Lead(
            **values,
            number=next_number(session, "lead"),
            status="new",
            owner_id=draft.owner_id or (actor.user_id if actor else None),
        )
        session.add(lead)
        session.flush()
        return _details(session, lead)


def update_lead(
    db: Database,
    actor: Actor | None,
    lead_id: uuid.UUID,
    expected_version: int,
    draft: LeadDraft,
) -> LeadDetails:
    """Save a new or in-work lead; a qualified or rejected one is refused ("status")."""
    with write_unit(db, actor) as session:
        lead = _writable(session, lead_id, expected_version)
        _require_open(lead)
        values = _lead_values(session, draft)
        if draft.owner_id is not None:
            values["owner_id"] = draft.owner_id
        for key, value in values.items():
            if getattr(lead, key) != value:
                setattr(lead, key, value)
        session.flush()
        return _details(session, lead)


def take_in_work(
    db: Database, actor: Actor | None, lead_id: uuid.UUID, expected_version: int
) -> LeadDetails:
    """New → in work (a lead already in work stays as it is). A lead nobody owns becomes the
    acting user's."""
    with write_unit(db, actor) as session:
        lead = _writable(session, lead_id, expected_version)
        _require_open(lead)
        if lead.status == "new":
            lead.status = "in_work"
        if lead.owner_id is None and actor is not None:
            lead.owner_id = actor.user_id
        session.flush()
        return _details(session, lead)


def reject(
    db: Database,
    actor: Actor | None,
    lead_id: uuid.UUID,
    expected_version: int,
    reason_id: uuid.UUID | None,
    comment: str | None = None,
) -> LeadDetails:
    """Reject a new or in-work lead: a reason is required, and a comment with «Другое»."""
    errors = p.FieldErrors()
    clean_comment = errors.check(
        lambda: v.clean_text(
            comment, field="reject_comment", max_length=COMMENT_MAX, multiline=True
        )
    )
    if reason_id is None:
        errors.add(
            "reject_reason_id",
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "Choose the reason for rejecting the lead: a lead is not rejected without one.",
            ),
        )
    errors.raise_if_any()
    with write_unit(db, actor) as session:
        lead = _writable(session, lead_id, expected_version)
        _require_open(lead)
        reason = session.get(LeadRejectReason, reason_id)
        if reason is None or reason.deleted_at is not None:
            raise ValidationError.single(
                "reject_reason_id", QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list.")
            )
        if reason.code == OTHER_REASON and not clean_comment:
            raise ValidationError.single(
                "reject_comment",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "With the reason «{reason}», say in a few words what happened."
                ),
                reason=reason.name,
            )
        lead.status = "rejected"
        lead.reject_reason_id = reason.id
        lead.reject_comment = clean_comment
        lead.rejected_at = p.utc_now()
        session.flush()
        return _details(session, lead)


def reopen(
    db: Database, actor: Actor | None, lead_id: uuid.UUID, expected_version: int
) -> LeadDetails:
    """Bring a rejected lead back to work (the reason it was rejected stays in its history)."""
    with write_unit(db, actor) as session:
        lead = _writable(session, lead_id, expected_version)
        if lead.status != "rejected":
            raise ValidationError.single(
                "status",
                QT_TRANSLATE_NOOP("UserErrors", "Only a rejected lead can be reopened."),
            )
        lead.status = "in_work"
        lead.reject_reason_id = None
        lead.reject_comment = None
        lead.rejected_at = None
        if lead.owner_id is None and actor is not None:
            lead.owner_id = actor.user_id
        session.flush()
        return _details(session, lead)


def delete_lead(
    db: Database, actor: Actor | None, lead_id: uuid.UUID, expected_version: int
) -> None:
    """Soft-delete a lead that was not converted (a converted one is its client's history)."""
    with write_unit(db, actor) as session:
        lead = _writable(session, lead_id, expected_version)
        if lead.status == "qualified":
            raise ValidationError.single(
                "status",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "A converted lead is part of its client's history: keep it."
                ),
            )
        lead.deleted_at = p.utc_now()


# --- conversion -------------------------------------------------------------------------------


def _probe(lead: Lead) -> duplicates.PartnerProbe:
    names = tuple(n for n in (lead.company,) if n) or (lead.name,)
    return duplicates.PartnerProbe(
        names=names,
        inn=lead.inn,
        kpp=lead.kpp,
        phones=tuple(x for x in (lead.phone_e164,) if x),
        emails=tuple(x for x in (lead.email,) if x),
    )


def _same_inn(
    candidates: Sequence[duplicates.DuplicateCandidate],
) -> list[duplicates.DuplicateCandidate]:
    inn_reasons = (duplicates.SAME_INN_KPP, duplicates.SAME_INN)
    return [c for c in candidates if any(r in inn_reasons for r in c.reasons)]


def conversion_candidates(db: Database, lead_id: uuid.UUID) -> list[duplicates.DuplicateCandidate]:
    """Existing clients the lead may be: the same INN first, then phone, e-mail, similar name
    (the registration's duplicate check)."""
    with read_unit(db) as session:
        lead = p.live(session, Lead, lead_id, "id")
        return duplicates.find_in(session, _probe(lead))


def _split_name(name: str) -> tuple[str, str | None, str | None]:
    """«Фамилия Имя Отчество» → its parts (a single word is the surname)."""
    parts = name.split()
    if not parts:
        return name, None, None
    return parts[0], (parts[1] if len(parts) > 1 else None), (" ".join(parts[2:]) or None)


def _contact_draft(lead: Lead) -> p.ContactDraft:
    last, first, middle = _split_name(lead.name)
    channels = []
    if lead.phone:
        channels.append(p.ChannelDraft("phone", lead.phone, is_primary=True))
    if lead.email:
        channels.append(p.ChannelDraft("email", lead.email, is_primary=True))
    return p.ContactDraft(
        last_name=last, first_name=first, middle_name=middle, channels=tuple(channels)
    )


def _client_draft(lead: Lead) -> p.ClientDraft:
    return p.ClientDraft(
        name=lead.company or lead.name, source_id=lead.source_id, owner_id=lead.owner_id
    )


_WORD = re.compile(r"\w+")


def _legal_form_of(session: Session, kind: str, company: str) -> LegalForm | None:
    """The legal form named in the company (``ООО «Ромашка»`` → ООО) among those of ``kind``;
    else ООО for an organisation, ИП for an individual."""
    forms = list(
        session.scalars(
            select(LegalForm)
            .where(LegalForm.kind == kind, LegalForm.deleted_at.is_(None))
            .order_by(LegalForm.sort_order, LegalForm.name)
        )
    )
    words = {w.casefold() for w in _WORD.findall(company)}
    for form in forms:
        if form.name.casefold() in words:
            return form
    default = catalogue_id("legal_form", "ooo" if kind == "legal" else "ip")
    return next((f for f in forms if f.id == default), forms[0] if forms else None)


def _counterparty_draft(session: Session, lead: Lead) -> p.CounterpartyDraft | None:
    """A counterparty from the lead's requisites, or None without a valid INN."""
    try:
        inn = v.normalize_inn(lead.inn)
    except ValidationError:
        return None
    if inn is None:
        return None
    company = (lead.company or lead.name).strip()
    form = _legal_form_of(session, v.inn_kind(inn), company)
    if form is None:
        return None
    full_name = short_name = company
    pattern = re.compile(rf"(?<!\w){re.escape(form.name)}(?!\w)", re.IGNORECASE)
    bare = pattern.sub(" ", company, count=1).strip(" ,")
    if bare != company and bare:
        short_name = f"{form.name} {bare}"
        full_name = f"{form.full_name} {bare}"
    return p.CounterpartyDraft(
        legal_form_id=form.id,
        full_name=full_name,
        short_name=short_name,
        inn=inn,
        kpp=lead.kpp,
    )


def conversion_defaults(db: Database, lead_id: uuid.UUID) -> ConversionPlan:
    """The plan the conversion dialog starts from: the client with the lead's INN if there is
    one (offered instead of a duplicate), else a new client; the drafts made from the lead."""
    with read_unit(db) as session:
        lead = p.live(session, Lead, lead_id, "id")
        same_inn = _same_inn(duplicates.find_in(session, _probe(lead)))
        counterparty = _counterparty_draft(session, lead)
        return ConversionPlan(
            client_id=same_inn[0].client_id if same_inn else None,
            new_client=None if same_inn else _client_draft(lead),
            with_counterparty=counterparty is not None,
            counterparty=None if same_inn else counterparty,
            new_contact=_contact_draft(lead),
        )


@contextmanager
def _scoped(prefix: str) -> Iterator[None]:
    """Prefix field names so the dialog knows the part: ``counterparty.kpp``."""
    try:
        yield
    except ConfirmationNeededError:
        raise
    except ValidationError as exc:
        raise ValidationError(
            {f"{prefix}{name}": message for name, message in exc.field_errors.items()}
        ) from exc


def _duplicate_error(candidates: Sequence[duplicates.DuplicateCandidate]) -> ValidationError:
    first = candidates[0]
    error = ConfirmationNeededError(
        {
            "client_id": Message(
                QT_TRANSLATE_NOOP(
                    "UserErrors",
                    "A client with this INN is already registered: {client}. Convert the lead "
                    "to that client, or confirm that a new client is needed.",
                ),
                {"client": first.name},
            )
        }
    )
    error.unmet = tuple(candidates)
    return error


def _own_counterparty(session: Session, client: Client, lead: Lead) -> Counterparty | None:
    """The client's live counterparty with the lead's INN (and KPP, when the lead has one)."""
    if not lead.inn:
        return None
    query = select(Counterparty).where(
        Counterparty.client_id == client.id,
        Counterparty.inn == lead.inn,
        Counterparty.deleted_at.is_(None),
    )
    if lead.kpp:
        query = query.where(Counterparty.kpp == lead.kpp)
    return session.scalars(query.order_by(Counterparty.created_at, Counterparty.id)).first()


def _link(
    session: Session, client: Client, contact: Contact, plan: ConversionPlan, is_new: bool
) -> None:
    """Attach the contact to the client unless it already is (an existing link is kept)."""
    link = session.scalars(
        select(ClientContact).where(
            ClientContact.client_id == client.id,
            ClientContact.contact_id == contact.id,
            ClientContact.deleted_at.is_(None),
        )
    ).first()
    if link is not None:
        return
    has_primary = (
        not is_new
        and session.scalars(
            select(ClientContact.id).where(
                ClientContact.client_id == client.id,
                ClientContact.is_primary.is_(True),
                ClientContact.deleted_at.is_(None),
            )
        ).first()
        is not None
    )
    p.add_client_contact(
        session,
        client,
        contact,
        position=plan.contact_position,
        role=plan.contact_role,
        is_primary=not has_primary,
    )


def _add_deal(
    session: Session,
    actor: Actor | None,
    lead: Lead,
    title: str,
    client: Client,
    counterparty: Counterparty | None,
    contact: Contact | None,
) -> Deal:
    """A typical sale at its first stage (primary contact) inside the conversion's unit of
    work; the contact takes part."""
    deal = add_deal(
        session,
        actor,
        DealDraft(
            title=title,
            client_id=client.id,
            kind="typical",
            counterparty_id=counterparty.id if counterparty else None,
            source_id=lead.source_id,
            need_description=lead.interest,
            owner_id=lead.owner_id,
        ),
    )
    if contact is not None:
        session.add(DealParticipant(deal_id=deal.id, kind="contact", contact_id=contact.id))
    session.flush()
    return deal


def _attach_activities(
    session: Session, lead: Lead, client: Client, contact: Contact | None
) -> None:
    """The lead's interactions and tasks show on the client card from now on."""
    rows: list[Interaction | Task] = [
        *session.scalars(
            select(Interaction).where(
                Interaction.lead_id == lead.id, Interaction.deleted_at.is_(None)
            )
        ),
        *session.scalars(select(Task).where(Task.lead_id == lead.id, Task.deleted_at.is_(None))),
    ]
    for row in rows:
        if row.client_id is None:
            row.client_id = client.id
        if row.contact_id is None and contact is not None:
            row.contact_id = contact.id


def convert(
    db: Database,
    actor: Actor | None,
    lead_id: uuid.UUID,
    expected_version: int,
    plan: ConversionPlan,
) -> LeadDetails:
    """Qualify the lead: client (existing or new), counterparty, contact and deal as ``plan``
    says, in one transaction — all of it or nothing. The lead becomes qualified and links to
    what it became; its interactions and tasks get the client (and the contact)."""
    with write_unit(db, actor) as session:
        lead = _writable(session, lead_id, expected_version)
        _require_open(lead)
        is_new = plan.client_id is None
        if plan.client_id is not None:
            client = p.live(session, Client, plan.client_id, "client_id")
        else:
            same_inn = _same_inn(duplicates.find_in(session, _probe(lead)))
            if same_inn and not plan.confirm_new_despite_duplicates:
                raise _duplicate_error(same_inn)
            draft = plan.new_client or _client_draft(lead)
            if draft.source_id is None and lead.source_id is not None:
                draft = replace(draft, source_id=lead.source_id)
            if draft.owner_id is None and lead.owner_id is not None:
                draft = replace(draft, owner_id=lead.owner_id)
            with _scoped("client."):
                client = p.add_client(session, actor, draft)

        counterparty: Counterparty | None = None
        if plan.with_counterparty:
            with _scoped("counterparty."):
                if plan.counterparty is not None:
                    counterparty = p.add_counterparty(
                        session, replace(plan.counterparty, client_id=client.id)
                    )
                else:
                    counterparty = None if is_new else _own_counterparty(session, client, lead)
                    cp_draft = None if counterparty else _counterparty_draft(session, lead)
                    if cp_draft is not None:
                        counterparty = p.add_counterparty(
                            session, replace(cp_draft, client_id=client.id)
                        )

        contact: Contact | None = None
        if plan.with_contact:
            with _scoped("contact."):
                if plan.contact_id is not None:
                    contact = p.live(session, Contact, plan.contact_id, "contact_id")
                else:
                    contact = p.add_contact(session, plan.new_contact or _contact_draft(lead))
                _link(session, client, contact, plan, is_new)

        deal: Deal | None = None
        if plan.deal_title is not None:
            with _scoped("deal."):
                deal = _add_deal(
                    session, actor, lead, plan.deal_title, client, counterparty, contact
                )

        if is_new:
            with _scoped("client."):
                circles.enforce(session, client.id)
        _attach_activities(session, lead, client, contact)
        lead.status = "qualified"
        lead.qualified_at = p.utc_now()
        lead.converted_client_id = client.id
        lead.converted_counterparty_id = counterparty.id if counterparty else None
        lead.converted_contact_id = contact.id if contact else None
        lead.converted_deal_id = deal.id if deal else None
        if lead.owner_id is None and actor is not None:
            lead.owner_id = actor.user_id
        session.flush()
        return _details(session, lead)


# --- the leads list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LeadRow:
    id: uuid.UUID
    number: str  # А-000042
    name: str
    company: str | None
    phone: str | None
    email: str | None
    source: str | None
    status: str  # one of LEAD_STATUSES
    owner: str | None
    created_at: datetime
    is_deleted: bool = False


@dataclass(frozen=True)
class LeadFilter:
    status: str | None = None  # one of LEAD_STATUSES
    owner_id: uuid.UUID | None = None
    source_id: uuid.UUID | None = None
    received_from: date | None = None  # inclusive (UTC days, as the reports count)
    received_to: date | None = None  # inclusive
    include_deleted: bool = False
    search: str = ""  # the number, the beginning of the name (or name + company), phone, e-mail


_LeadOwner = aliased(User, name="lead_owner")
_LeadSource = aliased(InfoSource, name="lead_source")


def _folded(expression: Any) -> Any:
    """NULL folded to the empty string: sorts first ascending, and keyset stays total."""
    return func.coalesce(expression, literal(""))


# sort key name → NOT NULL SQL expression; every column the list shows has one
LEAD_SORT_KEYS: Final[Mapping[str, Any]] = {
    "number": Lead.number,
    "name": Lead.search_key,
    "company": _folded(Lead.company),
    "phone": _folded(Lead.phone),
    "email": _folded(Lead.email),
    "source": _folded(_LeadSource.name),
    "status": Lead.status,
    "owner": _folded(_LeadOwner.full_name),
    "created_at": Lead.created_at,
}


def _lead_rows(key: Any) -> Select[Any]:
    return (
        select(
            key.label("sort_value"),
            Lead.id,
            Lead.number,
            Lead.name,
            Lead.company,
            Lead.phone,
            Lead.email,
            _LeadSource.name.label("source"),
            Lead.status,
            _LeadOwner.full_name.label("owner"),
            Lead.created_at,
            Lead.deleted_at.is_not(None).label("is_deleted"),
        )
        .outerjoin(_LeadSource, _LeadSource.id == Lead.source_id)
        .outerjoin(_LeadOwner, _LeadOwner.id == Lead.owner_id)
    )


def _lead_match(session: Session, model: Any, text: str) -> Any:
    """A lead by its exact number (the unique index), the beginning of its ``search_key`` (the
    name, then the company), an exact phone (``phone_e164``) or e-mail: each on its index."""
    del session, model
    typed = text.strip()
    if not typed:
        return None
    conditions: list[ColumnElement[bool]] = [Lead.number.in_(sorted({typed, typed.upper()}))]
    key = v.search_key(typed)
    if key:
        conditions.append(prefix_of(Lead.search_key, key))
    if v.phone_search_digits(typed) is not None:
        try:
            phone = v.normalize_phone(typed)
        except ValidationError:
            phone = None
        if phone is not None:
            conditions.append(Lead.phone_e164 == phone[1])
    if "@" in typed:
        conditions.append(Lead.email == typed.lower())
    return or_(*conditions)


_LEADS: Final = _Spec(Lead, LEAD_SORT_KEYS, _lead_rows, lambda x: LeadRow(*x), _lead_match)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _lead_where(flt: LeadFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        where.append(Lead.deleted_at.is_(None))
    if flt.status is not None:
        if flt.status not in LEAD_STATUSES:
            raise ValueError(f"unknown lead status {flt.status!r}")
        where.append(Lead.status == flt.status)
    if flt.owner_id is not None:
        where.append(Lead.owner_id == flt.owner_id)
    if flt.source_id is not None:
        where.append(Lead.source_id == flt.source_id)
    if flt.received_from is not None:
        where.append(Lead.created_at >= _day_start(flt.received_from))
    if flt.received_to is not None:
        where.append(Lead.created_at < _day_start(flt.received_to + timedelta(days=1)))
    return where


def lead_search(db: Database, flt: LeadFilter, *, cap: int = SEARCH_CAP) -> SearchHits | None:
    """The leads matching ``flt.search`` (and the filter), at most ``cap``; ``None`` when there
    is no search."""
    return _search(db, _LEADS, _lead_where(flt), flt.search, cap)


def lead_page(
    db: Database, flt: LeadFilter, page: PageRequest, *, hits: SearchHits | None = None
) -> list[tuple[Key, LeadRow]]:
    """One page of lead rows, each with its keyset position (sort value, id)."""
    where = _scope(db, _LEADS, _lead_where(flt), flt.search, hits)
    return _page(db, _LEADS, where, page)


def lead_count(db: Database, flt: LeadFilter, *, hits: SearchHits | None = None) -> int:
    if hits is not None:
        return len(hits.ids)
    return _count(db, _LEADS, _scope(db, _LEADS, _lead_where(flt), flt.search, hits))


def lead_anchors(
    db: Database,
    flt: LeadFilter,
    sort: str,
    descending: bool = False,
    *,
    every: int = ANCHOR_EVERY,
    hits: SearchHits | None = None,
) -> list[Key]:
    """Every ``every``-th lead's key in this order (run it off the GUI thread)."""
    where = _scope(db, _LEADS, _lead_where(flt), flt.search, hits)
    return _anchors(db, _LEADS, where, sort, descending, every)
