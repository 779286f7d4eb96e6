"""Clients, counterparties, contacts and their links: create, read, update, soft-delete.

Every function is one unit of work. Input comes as ``*Draft`` dataclasses; cards get
``*Details`` back, carrying the ``version`` they must hand in again to save (optimistic
locking). All field problems of one save are reported together in a ValidationError, and
nothing is written when there is any.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from crm_desktop.db import Database
from crm_desktop.errors import (
    QT_TRANSLATE_NOOP,
    Message,
    NotFoundError,
    ValidationError,
)
from crm_desktop.models import (
    BankAccount,
    Channel,
    ClaimReason,
    Client,
    ClientCircle,
    ClientContact,
    ClientRelation,
    Contact,
    ContactRelation,
    Counterparty,
    CounterpartyContact,
    DealStage,
    Entity,
    InfoSource,
    LeadRejectReason,
    LegalForm,
    LossReason,
    MeasureUnit,
    PriceType,
    RelationKind,
    User,
)
from crm_desktop.services import circles, search
from crm_desktop.services import validation as v
from crm_desktop.services.audit import HistoryRow, history
from crm_desktop.services.uow import (
    Actor,
    changed_by_someone_else,
    read_unit,
    write_unit,
)

T = TypeVar("T")
E = TypeVar("E", bound=Entity)

CLIENT_ROLES = ("client", "supplier", "dealer", "competitor", "carrier", "other")
CHANNEL_KINDS = ("phone", "email", "messenger")
NAME_MAX = 255
NOTES_MAX = 20_000


class FieldErrors:
    """Collects the field errors of one save so the card can show them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, Message] = {}

    def check(self, fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except ValidationError as exc:
            for name, message in exc.field_errors.items():
                self.errors.setdefault(name, message)
            return None

    def add(self, field_name: str, text: str, **params: Any) -> None:
        self.errors.setdefault(field_name, Message(text, params))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


# --- drafts and details -----------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelDraft:
    kind: str  # phone | email | messenger
    value: str
    subkind: str | None = None  # phone: work/mobile/home/fax; messenger: telegram/whatsapp/…
    is_primary: bool = False
    comment: str | None = None
    id: uuid.UUID | None = None  # set when editing an existing channel


@dataclass(frozen=True)
class ChannelDetails:
    id: uuid.UUID
    kind: str
    subkind: str | None
    value: str
    normalized: str
    is_primary: bool
    comment: str | None


@dataclass(frozen=True)
class ClientDraft:
    """What a client card saves. ``owner_id`` None: the acting user on create, unchanged on
    update (a client always has an owner; handing clients over is its own operation)."""

    name: str
    roles: frozenset[str] = frozenset({"client"})
    circle_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    source_id: uuid.UUID | None = None
    industry: str | None = None
    head_count: int | None = None
    notes: str | None = None
    is_archived: bool = False
    channels: tuple[ChannelDraft, ...] = ()


@dataclass(frozen=True)
class ClientDetails:
    id: uuid.UUID
    version: int
    name: str
    roles: frozenset[str]
    circle_id: uuid.UUID | None
    owner_id: uuid.UUID | None
    source_id: uuid.UUID | None
    industry: str | None
    head_count: int | None
    notes: str | None
    is_archived: bool
    channels: tuple[ChannelDetails, ...]
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True)
class BankAccountDraft:
    bik: str
    account: str
    bank_name: str
    corr_account: str | None = None
    is_main: bool = False
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class BankAccountDetails:
    id: uuid.UUID
    bik: str
    account: str
    corr_account: str | None
    bank_name: str
    is_main: bool


@dataclass(frozen=True)
class CounterpartyDraft:
    legal_form_id: uuid.UUID
    full_name: str
    short_name: str | None = None
    inn: str | None = None
    kpp: str | None = None
    ogrn: str | None = None
    legal_address: str | None = None
    postal_address: str | None = None
    client_id: uuid.UUID | None = None
    notes: str | None = None
    bank_accounts: tuple[BankAccountDraft, ...] = ()


@dataclass(frozen=True)
class CounterpartyDetails:
    id: uuid.UUID
    version: int
    legal_form_id: uuid.UUID
    legal_form: str
    full_name: str
    short_name: str
    inn: str | None
    kpp: str | None
    ogrn: str | None
    legal_address: str | None
    postal_address: str | None
    client_id: uuid.UUID | None
    notes: str | None
    bank_accounts: tuple[BankAccountDetails, ...]
    deleted_at: datetime | None


@dataclass(frozen=True)
class ContactDraft:
    last_name: str
    first_name: str | None = None
    middle_name: str | None = None
    position: str | None = None
    birthday: date | None = None
    notes: str | None = None
    channels: tuple[ChannelDraft, ...] = ()


@dataclass(frozen=True)
class ContactDetails:
    id: uuid.UUID
    version: int
    last_name: str
    first_name: str | None
    middle_name: str | None
    position: str | None
    birthday: date | None
    notes: str | None
    channels: tuple[ChannelDetails, ...]
    deleted_at: datetime | None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)


@dataclass(frozen=True)
class LinkDetails:
    """A client↔contact or counterparty↔contact link as a card shows it."""

    id: uuid.UUID
    version: int
    owner_id: uuid.UUID
    contact_id: uuid.UUID
    owner_name: str
    contact_name: str
    position: str | None
    role: str | None


@dataclass(frozen=True)
class RelationDetails:
    id: uuid.UUID
    version: int
    from_id: uuid.UUID
    to_id: uuid.UUID
    from_name: str
    to_name: str
    kind_id: uuid.UUID
    kind_name: str
    reverse_name: str
    comment: str | None


@dataclass(frozen=True)
class CatalogueItem:
    id: uuid.UUID
    code: str
    name: str
    extra: dict[str, str] = field(default_factory=dict)


# --- helpers ----------------------------------------------------------------------------------


def utc_now() -> datetime:
    return datetime.now(UTC)


def live(session: Session, model: type[E], record_id: uuid.UUID, field_name: str) -> E:
    obj = session.get(model, record_id)
    if obj is None or obj.deleted_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("UserErrors", "The record was not found; it may have been deleted."),
            field=field_name,
        )
    return obj


def check_version(obj: Entity, expected_version: int) -> None:
    """Refuse to save over a change the user has not seen (the version_id_col guards races).

    The error says who changed the record and when, so the card can tell the user.
    """
    if obj.version == expected_version:
        return
    session = object_session(obj)
    user = session.get(User, obj.updated_by_id) if session and obj.updated_by_id else None
    raise changed_by_someone_else(user.full_name if user else None, obj.updated_at)


def _assign(obj: Any, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def _check_ref(
    errors: FieldErrors,
    session: Session,
    model: type[Entity],
    record_id: uuid.UUID | None,
    field_name: str,
) -> None:
    if record_id is None:
        return
    obj = session.get(model, record_id)
    if obj is None or obj.deleted_at is not None:
        errors.add(field_name, QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list."))


def _clean_channels(
    errors: FieldErrors, drafts: Sequence[ChannelDraft]
) -> list[tuple[ChannelDraft, str, str]]:
    """(draft, value as entered, normalised) for each channel; errors keyed channels[i]."""
    cleaned = []
    for index, draft in enumerate(drafts):
        name = f"channels[{index}]"
        entered: str | None = draft.value.strip()
        normalized: str | None = None
        if draft.kind == "phone":
            phone = errors.check(partial(v.normalize_phone, draft.value, field=name))
            if phone is not None:
                entered, normalized = phone
        elif draft.kind == "email":
            normalized = errors.check(partial(v.normalize_email, draft.value, field=name))
        elif draft.kind == "messenger":
            kind = draft.subkind or "other"
            normalized = errors.check(partial(v.normalize_messenger, kind, draft.value, field=name))
        else:
            errors.add(name, QT_TRANSLATE_NOOP("UserErrors", "Unknown kind of contact channel."))
            continue
        if name in errors.errors:
            continue
        if normalized is None or not entered:
            errors.add(name, QT_TRANSLATE_NOOP("UserErrors", "This field is required."))
            continue
        errors.check(partial(v.clean_text, draft.comment, field=name, max_length=255))
        cleaned.append((draft, entered, normalized))
    return cleaned


def _sync_channels(
    session: Session,
    owner: Client | Contact,
    cleaned: Sequence[tuple[ChannelDraft, str, str]],
) -> None:
    """Make the owner's live channels equal to ``cleaned``: update, add, soft-delete."""
    column = Channel.client_id if isinstance(owner, Client) else Channel.contact_id
    existing = {
        ch.id: ch
        for ch in session.scalars(
            select(Channel).where(column == owner.id, Channel.deleted_at.is_(None))
        )
    }
    kept: set[uuid.UUID] = set()
    for draft, value, normalized in cleaned:
        values = {
            "kind": draft.kind,
            "subkind": draft.subkind,
            "value": value,
            "normalized": normalized,
            "is_primary": draft.is_primary,
            "comment": v.clean_text(draft.comment, field="comment"),
        }
        channel = existing.get(draft.id) if draft.id is not None else None
        if channel is None:
            channel = Channel(**values)
            if isinstance(owner, Client):
                channel.client_id = owner.id
            else:
                channel.contact_id = owner.id
            session.add(channel)
        else:
            kept.add(channel.id)
            _assign(channel, values)
    now = utc_now()
    for channel_id, channel in existing.items():
        if channel_id not in kept:
            channel.deleted_at = now


def _channels_of(session: Session, column: Any, owner_id: uuid.UUID) -> tuple[ChannelDetails, ...]:
    rows = session.scalars(
        select(Channel)
        .where(column == owner_id, Channel.deleted_at.is_(None))
        .order_by(Channel.kind, Channel.is_primary.desc(), Channel.created_at, Channel.id)
    )
    return tuple(
        ChannelDetails(c.id, c.kind, c.subkind, c.value, c.normalized, c.is_primary, c.comment)
        for c in rows
    )


# --- clients ----------------------------------------------------------------------------------


def _client_values(session: Session, draft: ClientDraft) -> tuple[dict[str, Any], list[Any]]:
    errors = FieldErrors()
    name = errors.check(lambda: v.clean_text(draft.name, field="name", required=True))
    industry = errors.check(lambda: v.clean_text(draft.industry, field="industry"))
    notes = errors.check(
        lambda: v.clean_text(draft.notes, field="notes", max_length=NOTES_MAX, multiline=True)
    )
    unknown = set(draft.roles) - set(CLIENT_ROLES)
    if unknown:
        errors.add("roles", QT_TRANSLATE_NOOP("UserErrors", "Unknown partner role."))
    elif not draft.roles:
        errors.add("roles", QT_TRANSLATE_NOOP("UserErrors", "Choose at least one role."))
    if draft.head_count is not None and not 0 <= draft.head_count <= 10_000_000:
        errors.add(
            "head_count",
            QT_TRANSLATE_NOOP("UserErrors", "The head-count must be between 0 and 10,000,000."),
        )
    _check_ref(errors, session, ClientCircle, draft.circle_id, "circle_id")
    _check_ref(errors, session, User, draft.owner_id, "owner_id")
    _check_ref(errors, session, InfoSource, draft.source_id, "source_id")
    channels = _clean_channels(errors, draft.channels)
    errors.raise_if_any()
    assert name is not None
    values = {
        "name": name,
        "search_key": v.search_key(name),
        "match_key": v.match_key(name),
        **{f"is_{role}": role in draft.roles for role in CLIENT_ROLES},
        "circle_id": draft.circle_id,
        "owner_id": draft.owner_id,
        "source_id": draft.source_id,
        "industry": industry,
        "head_count": draft.head_count,
        "notes": notes,
        "is_archived": draft.is_archived,
    }
    return values, channels


def _client_details(session: Session, client: Client) -> ClientDetails:
    return ClientDetails(
        id=client.id,
        version=client.version,
        name=client.name,
        roles=frozenset(role for role in CLIENT_ROLES if getattr(client, f"is_{role}")),
        circle_id=client.circle_id,
        owner_id=client.owner_id,
        source_id=client.source_id,
        industry=client.industry,
        head_count=client.head_count,
        notes=client.notes,
        is_archived=client.is_archived,
        channels=_channels_of(session, Channel.client_id, client.id),
        created_at=client.created_at,
        updated_at=client.updated_at,
        deleted_at=client.deleted_at,
    )


def add_client(session: Session, actor: Actor | None, draft: ClientDraft) -> Client:
    """Create a client inside the caller's unit of work (the registration wizard's too).

    The circle's mandatory fields are checked by the caller once everything is in place
    (:func:`crm_desktop.services.circles.enforce`), as a client's counterparty and contacts
    may come in the same transaction.
    """
    values, channels = _client_values(session, draft)
    if values["owner_id"] is None and actor is not None:
        values["owner_id"] = actor.user_id
    client = Client(**values)
    session.add(client)
    session.flush()
    _sync_channels(session, client, channels)
    search.refresh_client(session, client.id)
    return client


def create_client(db: Database, actor: Actor | None, draft: ClientDraft) -> ClientDetails:
    with write_unit(db, actor) as session:
        client = add_client(session, actor, draft)
        circles.enforce(session, client.id)
        session.flush()
        return _client_details(session, client)


def update_client(
    db: Database,
    actor: Actor | None,
    client_id: uuid.UUID,
    expected_version: int,
    draft: ClientDraft,
) -> ClientDetails:
    with write_unit(db, actor) as session:
        client = live(session, Client, client_id, "name")
        check_version(client, expected_version)
        values, channels = _client_values(session, draft)
        if values["owner_id"] is None:  # a client always has an owner; handover changes it
            values["owner_id"] = client.owner_id
        _assign(client, values)
        _sync_channels(session, client, channels)
        search.refresh_client(session, client.id)
        circles.enforce(session, client.id)
        session.flush()
        return _client_details(session, client)


def set_client_circle(
    db: Database,
    actor: Actor | None,
    client_id: uuid.UUID,
    expected_version: int,
    circle_id: uuid.UUID | None,
) -> ClientDetails:
    """Classify a client (the deal stage wizard's "client classified"); the circle's mandatory
    fields are enforced as on any save of the client."""
    with write_unit(db, actor) as session:
        client = live(session, Client, client_id, "circle_id")
        check_version(client, expected_version)
        errors = FieldErrors()
        _check_ref(errors, session, ClientCircle, circle_id, "circle_id")
        errors.raise_if_any()
        if client.circle_id != circle_id:
            client.circle_id = circle_id
        circles.enforce(session, client.id)
        session.flush()
        return _client_details(session, client)


def get_client(db: Database, client_id: uuid.UUID) -> ClientDetails:
    with read_unit(db) as session:
        return _client_details(session, live(session, Client, client_id, "id"))


def delete_client(
    db: Database, actor: Actor | None, client_id: uuid.UUID, expected_version: int
) -> None:
    """Soft-delete: the client disappears from lists; its history and links stay."""
    with write_unit(db, actor) as session:
        client = live(session, Client, client_id, "id")
        check_version(client, expected_version)
        client.deleted_at = utc_now()


def restore_client(db: Database, actor: Actor | None, client_id: uuid.UUID) -> ClientDetails:
    with write_unit(db, actor) as session:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "UserErrors", "The record was not found; it may have been deleted."
                )
            )
        client.deleted_at = None
        search.refresh_client(session, client.id)
        session.flush()
        return _client_details(session, client)


# --- counterparties ---------------------------------------------------------------------------


def _counterparty_values(
    session: Session, draft: CounterpartyDraft
) -> tuple[dict[str, Any], list[tuple[BankAccountDraft, dict[str, Any]]]]:
    errors = FieldErrors()
    legal_form = session.get(LegalForm, draft.legal_form_id)
    if legal_form is None or legal_form.deleted_at is not None:
        errors.add("legal_form_id", QT_TRANSLATE_NOOP("UserErrors", "Choose a legal form."))
    full_name = errors.check(
        lambda: v.clean_text(draft.full_name, field="full_name", required=True)
    )
    short_name = errors.check(lambda: v.clean_text(draft.short_name, field="short_name"))
    inn = errors.check(lambda: v.normalize_inn(draft.inn, field="inn"))
    kpp = errors.check(lambda: v.normalize_kpp(draft.kpp, field="kpp"))
    ogrn = errors.check(lambda: v.normalize_ogrn(draft.ogrn, field="ogrn"))
    legal_address = errors.check(
        lambda: v.clean_text(draft.legal_address, field="legal_address", max_length=1000)
    )
    postal_address = errors.check(
        lambda: v.clean_text(draft.postal_address, field="postal_address", max_length=1000)
    )
    notes = errors.check(
        lambda: v.clean_text(draft.notes, field="notes", max_length=NOTES_MAX, multiline=True)
    )
    _check_ref(errors, session, Client, draft.client_id, "client_id")
    if legal_form is not None:
        _check_requisites_for_kind(errors, legal_form.kind, inn, kpp, ogrn)
    accounts = []
    for index, account in enumerate(draft.bank_accounts):
        prefix = f"bank_accounts[{index}]."
        bik = errors.check(partial(v.normalize_bik, account.bik, field=prefix + "bik"))
        if bik is None and f"{prefix}bik" not in errors.errors:
            errors.add(f"{prefix}bik", QT_TRANSLATE_NOOP("UserErrors", "This field is required."))
        number = errors.check(
            partial(v.normalize_account, account.account, bik=bik, field=prefix + "account")
        )
        if number is None and f"{prefix}account" not in errors.errors:
            errors.add(
                f"{prefix}account", QT_TRANSLATE_NOOP("UserErrors", "This field is required.")
            )
        corr = errors.check(
            partial(
                v.normalize_corr_account,
                account.corr_account,
                bik=bik,
                field=prefix + "corr_account",
            )
        )
        bank_name = errors.check(
            partial(v.clean_text, account.bank_name, field=prefix + "bank_name", required=True)
        )
        accounts.append(
            (
                account,
                {
                    "bik": bik,
                    "account": number,
                    "corr_account": corr,
                    "bank_name": bank_name,
                    "is_main": account.is_main,
                },
            )
        )
    errors.raise_if_any()
    assert full_name is not None
    values = {
        "legal_form_id": draft.legal_form_id,
        "full_name": full_name,
        "short_name": short_name or full_name,
        "search_key": v.search_key(short_name or full_name),
        "match_key": v.match_key(short_name or full_name),
        "inn": inn,
        "kpp": kpp,
        "ogrn": ogrn,
        "legal_address": legal_address,
        "postal_address": postal_address,
        "client_id": draft.client_id,
        "notes": notes,
    }
    return values, accounts


def _check_requisites_for_kind(
    errors: FieldErrors, kind: str, inn: str | None, kpp: str | None, ogrn: str | None
) -> None:
    """What a legal entity, an individual entrepreneur and a private person each must have."""
    if kind == "legal":
        if inn is not None and len(inn) != 10:
            errors.add(
                "inn", QT_TRANSLATE_NOOP("UserErrors", "A legal entity's INN has 10 digits.")
            )
        if ogrn is not None and len(ogrn) != 13:
            errors.add(
                "ogrn", QT_TRANSLATE_NOOP("UserErrors", "A legal entity's OGRN has 13 digits.")
            )
        if inn is not None and kpp is None and "kpp" not in errors.errors:
            errors.add(
                "kpp", QT_TRANSLATE_NOOP("UserErrors", "A legal entity with an INN needs a KPP.")
            )
    else:
        if inn is not None and len(inn) != 12:
            errors.add(
                "inn",
                QT_TRANSLATE_NOOP("UserErrors", "An individual's INN has 12 digits."),
            )
        if kpp is not None:
            errors.add("kpp", QT_TRANSLATE_NOOP("UserErrors", "Only a legal entity has a KPP."))
        if kind == "individual" and ogrn is not None and len(ogrn) != 15:
            errors.add(
                "ogrn",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "An individual entrepreneur's OGRNIP has 15 digits."
                ),
            )
        if kind == "person" and ogrn is not None:
            errors.add("ogrn", QT_TRANSLATE_NOOP("UserErrors", "A private person has no OGRN."))
    if "inn" not in errors.errors and "ogrn" not in errors.errors:
        errors.check(lambda: v.check_ogrn_matches_inn(ogrn, inn, field="ogrn"))


def _sync_bank_accounts(
    session: Session,
    counterparty: Counterparty,
    accounts: Sequence[tuple[BankAccountDraft, dict[str, Any]]],
) -> None:
    existing = {
        a.id: a
        for a in session.scalars(
            select(BankAccount).where(
                BankAccount.counterparty_id == counterparty.id, BankAccount.deleted_at.is_(None)
            )
        )
    }
    kept: set[uuid.UUID] = set()
    for draft, values in accounts:
        account = existing.get(draft.id) if draft.id is not None else None
        if account is None:
            session.add(BankAccount(counterparty_id=counterparty.id, **values))
        else:
            kept.add(account.id)
            _assign(account, values)
    now = utc_now()
    for account_id, account in existing.items():
        if account_id not in kept:
            account.deleted_at = now


def _refresh_counterparty_search(
    session: Session, counterparty: Counterparty, previous_client: uuid.UUID | None
) -> None:
    """The counterparty's own search text, and its client's (which holds the INNs)."""
    session.flush()
    search.refresh_counterparty(session, counterparty.id)
    for client_id in {previous_client, counterparty.client_id} - {None}:
        assert client_id is not None
        search.refresh_client(session, client_id)


def _counterparty_details(session: Session, cp: Counterparty) -> CounterpartyDetails:
    legal_form = session.get(LegalForm, cp.legal_form_id)
    accounts = session.scalars(
        select(BankAccount)
        .where(BankAccount.counterparty_id == cp.id, BankAccount.deleted_at.is_(None))
        .order_by(BankAccount.is_main.desc(), BankAccount.created_at, BankAccount.id)
    )
    return CounterpartyDetails(
        id=cp.id,
        version=cp.version,
        legal_form_id=cp.legal_form_id,
        legal_form=legal_form.name if legal_form is not None else "",
        full_name=cp.full_name,
        short_name=cp.short_name,
        inn=cp.inn,
        kpp=cp.kpp,
        ogrn=cp.ogrn,
        legal_address=cp.legal_address,
        postal_address=cp.postal_address,
        client_id=cp.client_id,
        notes=cp.notes,
        bank_accounts=tuple(
            BankAccountDetails(a.id, a.bik, a.account, a.corr_account, a.bank_name, a.is_main)
            for a in accounts
        ),
        deleted_at=cp.deleted_at,
    )


def add_counterparty(session: Session, draft: CounterpartyDraft) -> Counterparty:
    """Create a counterparty with its bank accounts inside the caller's unit of work."""
    values, accounts = _counterparty_values(session, draft)
    counterparty = Counterparty(**values)
    session.add(counterparty)
    session.flush()
    _sync_bank_accounts(session, counterparty, accounts)
    _refresh_counterparty_search(session, counterparty, None)
    return counterparty


def create_counterparty(
    db: Database, actor: Actor | None, draft: CounterpartyDraft
) -> CounterpartyDetails:
    with write_unit(db, actor) as session:
        counterparty = add_counterparty(session, draft)
        session.flush()
        return _counterparty_details(session, counterparty)


def update_counterparty(
    db: Database,
    actor: Actor | None,
    counterparty_id: uuid.UUID,
    expected_version: int,
    draft: CounterpartyDraft,
) -> CounterpartyDetails:
    with write_unit(db, actor) as session:
        counterparty = live(session, Counterparty, counterparty_id, "full_name")
        check_version(counterparty, expected_version)
        values, accounts = _counterparty_values(session, draft)
        previous_client = counterparty.client_id
        _assign(counterparty, values)
        _sync_bank_accounts(session, counterparty, accounts)
        _refresh_counterparty_search(session, counterparty, previous_client)
        session.flush()
        return _counterparty_details(session, counterparty)


def get_counterparty(db: Database, counterparty_id: uuid.UUID) -> CounterpartyDetails:
    with read_unit(db) as session:
        return _counterparty_details(session, live(session, Counterparty, counterparty_id, "id"))


def delete_counterparty(
    db: Database, actor: Actor | None, counterparty_id: uuid.UUID, expected_version: int
) -> None:
    with write_unit(db, actor) as session:
        counterparty = live(session, Counterparty, counterparty_id, "id")
        check_version(counterparty, expected_version)
        counterparty.deleted_at = utc_now()
        session.flush()
        if counterparty.client_id is not None:
            search.refresh_client(session, counterparty.client_id)


def counterparties_of_client(db: Database, client_id: uuid.UUID) -> list[CounterpartyDetails]:
    with read_unit(db) as session:
        rows = session.scalars(
            select(Counterparty)
            .where(Counterparty.client_id == client_id, Counterparty.deleted_at.is_(None))
            .order_by(Counterparty.short_name, Counterparty.id)
        )
        return [_counterparty_details(session, cp) for cp in rows]


# --- contacts ---------------------------------------------------------------------------------


def _contact_values(draft: ContactDraft) -> tuple[dict[str, Any], list[Any]]:
    errors = FieldErrors()
    last_name = errors.check(
        lambda: v.clean_text(draft.last_name, field="last_name", required=True)
    )
    first_name = errors.check(lambda: v.clean_text(draft.first_name, field="first_name"))
    middle_name = errors.check(lambda: v.clean_text(draft.middle_name, field="middle_name"))
    position = errors.check(lambda: v.clean_text(draft.position, field="position"))
    notes = errors.check(
        lambda: v.clean_text(draft.notes, field="notes", max_length=NOTES_MAX, multiline=True)
    )
    if draft.birthday is not None and not date(1900, 1, 1) <= draft.birthday <= date.today():
        errors.add("birthday", QT_TRANSLATE_NOOP("UserErrors", "Enter a real date of birth."))
    channels = _clean_channels(errors, draft.channels)
    errors.raise_if_any()
    assert last_name is not None
    full = " ".join(p for p in (last_name, first_name, middle_name) if p)
    values = {
        "last_name": last_name,
        "first_name": first_name,
        "middle_name": middle_name,
        "search_key": v.search_key(full),
        "position": position,
        "birthday": draft.birthday,
        "notes": notes,
    }
    return values, channels


def _contact_details(session: Session, contact: Contact) -> ContactDetails:
    return ContactDetails(
        id=contact.id,
        version=contact.version,
        last_name=contact.last_name,
        first_name=contact.first_name,
        middle_name=contact.middle_name,
        position=contact.position,
        birthday=contact.birthday,
        notes=contact.notes,
        channels=_channels_of(session, Channel.contact_id, contact.id),
        deleted_at=contact.deleted_at,
    )


def add_contact(session: Session, draft: ContactDraft) -> Contact:
    """Create a contact with its channels inside the caller's unit of work."""
    values, channels = _contact_values(draft)
    contact = Contact(**values)
    session.add(contact)
    session.flush()
    _sync_channels(session, contact, channels)
    search.refresh_contact(session, contact.id)
    return contact


def create_contact(db: Database, actor: Actor | None, draft: ContactDraft) -> ContactDetails:
    with write_unit(db, actor) as session:
        contact = add_contact(session, draft)
        session.flush()
        return _contact_details(session, contact)


def update_contact(
    db: Database,
    actor: Actor | None,
    contact_id: uuid.UUID,
    expected_version: int,
    draft: ContactDraft,
) -> ContactDetails:
    with write_unit(db, actor) as session:
        contact = live(session, Contact, contact_id, "last_name")
        check_version(contact, expected_version)
        values, channels = _contact_values(draft)
        _assign(contact, values)
        _sync_channels(session, contact, channels)
        search.refresh_contact(session, contact.id)
        session.flush()
        return _contact_details(session, contact)


def get_contact(db: Database, contact_id: uuid.UUID) -> ContactDetails:
    with read_unit(db) as session:
        return _contact_details(session, live(session, Contact, contact_id, "id"))


def delete_contact(
    db: Database, actor: Actor | None, contact_id: uuid.UUID, expected_version: int
) -> None:
    with write_unit(db, actor) as session:
        contact = live(session, Contact, contact_id, "id")
        check_version(contact, expected_version)
        contact.deleted_at = utc_now()


# --- links and relations ----------------------------------------------------------------------


def _link_texts(position: str | None, role: str | None) -> tuple[str | None, str | None]:
    errors = FieldErrors()
    clean_position = errors.check(lambda: v.clean_text(position, field="position"))
    clean_role = errors.check(lambda: v.clean_text(role, field="role"))
    errors.raise_if_any()
    return clean_position, clean_role


def add_client_contact(
    session: Session,
    client: Client,
    contact: Contact,
    *,
    position: str | None = None,
    role: str | None = None,
    is_primary: bool = False,
) -> ClientContact:
    """Attach (or re-attach) a contact to a client inside the caller's unit of work."""
    clean_position, clean_role = _link_texts(position, role)
    link = session.scalars(
        select(ClientContact).where(
            ClientContact.client_id == client.id, ClientContact.contact_id == contact.id
        )
    ).one_or_none()
    values = {
        "position": clean_position,
        "role": clean_role,
        "is_primary": is_primary,
        "deleted_at": None,
    }
    if link is None:
        link = ClientContact(client_id=client.id, contact_id=contact.id, **values)
        session.add(link)
    else:
        _assign(link, values)
    session.flush()
    return link


def link_client_contact(
    db: Database,
    actor: Actor | None,
    client_id: uuid.UUID,
    contact_id: uuid.UUID,
    *,
    position: str | None = None,
    role: str | None = None,
    is_primary: bool = False,
) -> LinkDetails:
    """Attach a contact to a client (or revive and update a link that was removed)."""
    _link_texts(position, role)  # bad input is refused before anything is opened
    with write_unit(db, actor) as session:
        client = live(session, Client, client_id, "client_id")
        contact = live(session, Contact, contact_id, "contact_id")
        link = add_client_contact(
            session, client, contact, position=position, role=role, is_primary=is_primary
        )
        return LinkDetails(
            link.id,
            link.version,
            client.id,
            contact.id,
            client.name,
            _contact_name(contact),
            link.position,
            link.role,
        )


def add_counterparty_contact(
    session: Session,
    counterparty: Counterparty,
    contact: Contact,
    *,
    position: str | None = None,
    role: str | None = None,
) -> CounterpartyContact:
    """Attach (or re-attach) a contact to a counterparty inside the caller's unit of work."""
    clean_position, clean_role = _link_texts(position, role)
    link = session.scalars(
        select(CounterpartyContact).where(
            CounterpartyContact.counterparty_id == counterparty.id,
            CounterpartyContact.contact_id == contact.id,
        )
    ).one_or_none()
    values = {"position": clean_position, "role": clean_role, "deleted_at": None}
    if link is None:
        link = CounterpartyContact(counterparty_id=counterparty.id, contact_id=contact.id, **values)
        session.add(link)
    else:
        _assign(link, values)
    session.flush()
    return link


def check_client_draft(session: Session, draft: ClientDraft) -> None:
    """Validate a client draft without writing (a wizard page's "Next")."""
    _client_values(session, draft)


def check_counterparty_draft(session: Session, draft: CounterpartyDraft) -> None:
    _counterparty_values(session, draft)


def check_contact_draft(draft: ContactDraft) -> None:
    _contact_values(draft)


def link_counterparty_contact(
    db: Database,
    actor: Actor | None,
    counterparty_id: uuid.UUID,
    contact_id: uuid.UUID,
    *,
    position: str | None = None,
    role: str | None = None,
) -> LinkDetails:
    _link_texts(position, role)  # bad input is refused before anything is opened
    with write_unit(db, actor) as session:
        counterparty = live(session, Counterparty, counterparty_id, "counterparty_id")
        contact = live(session, Contact, contact_id, "contact_id")
        link = add_counterparty_contact(
            session, counterparty, contact, position=position, role=role
        )
        return LinkDetails(
            link.id,
            link.version,
            counterparty.id,
            contact.id,
            counterparty.short_name,
            _contact_name(contact),
            link.position,
            link.role,
        )


def unlink(db: Database, actor: Actor | None, link_id: uuid.UUID) -> None:
    """Remove a client↔contact or counterparty↔contact link (soft)."""
    with write_unit(db, actor) as session:
        link: Entity | None = session.get(ClientContact, link_id) or session.get(
            CounterpartyContact, link_id
        )
        if link is None or link.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "UserErrors", "The record was not found; it may have been deleted."
                )
            )
        link.deleted_at = utc_now()


def _contact_name(contact: Contact) -> str:
    return " ".join(p for p in (contact.last_name, contact.first_name, contact.middle_name) if p)


def _links(
    db: Database,
    owner_kind: str,
    *,
    owner_id: uuid.UUID | None = None,
    contact_id: uuid.UUID | None = None,
) -> list[LinkDetails]:
    """Live client↔contact (``owner_kind`` "client") or counterparty↔contact links of one owner
    (by contact name, primary first) or of one contact (by owner name)."""
    if owner_kind == "client":
        link_model: Any = ClientContact
        owner: Any = Client
        owner_name, owner_fk = Client.name, ClientContact.client_id
    else:
        link_model, owner = CounterpartyContact, Counterparty
        owner_name, owner_fk = Counterparty.short_name, CounterpartyContact.counterparty_id
    query = (
        select(link_model, owner_name, Contact)
        .join(owner, owner.id == owner_fk)
        .join(Contact, Contact.id == link_model.contact_id)
        .where(link_model.deleted_at.is_(None))
    )
    if owner_id is not None:
        primary_first = [ClientContact.is_primary.desc()] if owner is Client else []
        query = query.where(owner_fk == owner_id, Contact.deleted_at.is_(None)).order_by(
            *primary_first, Contact.search_key, Contact.id
        )
    else:
        query = query.where(
            link_model.contact_id == contact_id, owner.deleted_at.is_(None)
        ).order_by(owner.search_key, owner.id)
    with read_unit(db) as session:
        return [
            LinkDetails(
                link.id,
                link.version,
                getattr(link, owner_fk.key),
                contact.id,
                name,
                _contact_name(contact),
                link.position,
                link.role,
            )
            for link, name, contact in session.execute(query).all()
        ]


def contacts_of_client(db: Database, client_id: uuid.UUID) -> list[LinkDetails]:
    return _links(db, "client", owner_id=client_id)


def clients_of_contact(db: Database, contact_id: uuid.UUID) -> list[LinkDetails]:
    return _links(db, "client", contact_id=contact_id)


def contacts_of_counterparty(db: Database, counterparty_id: uuid.UUID) -> list[LinkDetails]:
    return _links(db, "counterparty", owner_id=counterparty_id)


def counterparties_of_contact(db: Database, contact_id: uuid.UUID) -> list[LinkDetails]:
    return _links(db, "counterparty", contact_id=contact_id)


def relate_clients(
    db: Database,
    actor: Actor | None,
    from_client_id: uuid.UUID,
    to_client_id: uuid.UUID,
    kind_id: uuid.UUID,
    comment: str | None = None,
) -> RelationDetails:
    errors = FieldErrors()
    clean_comment = errors.check(lambda: v.clean_text(comment, field="comment"))
    if from_client_id == to_client_id:
        errors.add(
            "to_client_id",
            QT_TRANSLATE_NOOP("UserErrors", "A client cannot be related to itself."),
        )
    errors.raise_if_any()
    with write_unit(db, actor) as session:
        source = live(session, Client, from_client_id, "from_client_id")
        target = live(session, Client, to_client_id, "to_client_id")
        kind = _relation_kind(session, kind_id, "client")
        relation = session.scalars(
            select(ClientRelation).where(
                ClientRelation.from_client_id == from_client_id,
                ClientRelation.to_client_id == to_client_id,
                ClientRelation.kind_id == kind_id,
            )
        ).one_or_none()
        if relation is None:
            relation = ClientRelation(
                from_client_id=from_client_id, to_client_id=to_client_id, kind_id=kind_id
            )
            session.add(relation)
        _assign(relation, {"comment": clean_comment, "deleted_at": None})
        session.flush()
        return RelationDetails(
            relation.id,
            relation.version,
            source.id,
            target.id,
            source.name,
            target.name,
            kind.id,
            kind.name,
            kind.reverse_name,
            relation.comment,
        )


def relate_contacts(
    db: Database,
    actor: Actor | None,
    from_contact_id: uuid.UUID,
    to_contact_id: uuid.UUID,
    kind_id: uuid.UUID,
    comment: str | None = None,
) -> RelationDetails:
    errors = FieldErrors()
    clean_comment = errors.check(lambda: v.clean_text(comment, field="comment"))
    if from_contact_id == to_contact_id:
        errors.add(
            "to_contact_id",
            QT_TRANSLATE_NOOP("UserErrors", "A contact cannot be related to themselves."),
        )
    errors.raise_if_any()
    with write_unit(db, actor) as session:
        source = live(session, Contact, from_contact_id, "from_contact_id")
        target = live(session, Contact, to_contact_id, "to_contact_id")
        kind = _relation_kind(session, kind_id, "contact")
        relation = session.scalars(
            select(ContactRelation).where(
                ContactRelation.from_contact_id == from_contact_id,
                ContactRelation.to_contact_id == to_contact_id,
                ContactRelation.kind_id == kind_id,
            )
        ).one_or_none()
        if relation is None:
            relation = ContactRelation(
                from_contact_id=from_contact_id, to_contact_id=to_contact_id, kind_id=kind_id
            )
            session.add(relation)
        _assign(relation, {"comment": clean_comment, "deleted_at": None})
        session.flush()
        return RelationDetails(
            relation.id,
            relation.version,
            source.id,
            target.id,
            _contact_name(source),
            _contact_name(target),
            kind.id,
            kind.name,
            kind.reverse_name,
            relation.comment,
        )


def _relation_kind(session: Session, kind_id: uuid.UUID, applies_to: str) -> RelationKind:
    kind = session.get(RelationKind, kind_id)
    if kind is None or kind.deleted_at is not None or kind.applies_to != applies_to:
        raise ValidationError.single(
            "kind_id", QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list.")
        )
    return kind


def unrelate(db: Database, actor: Actor | None, relation_id: uuid.UUID) -> None:
    with write_unit(db, actor) as session:
        relation: Entity | None = session.get(ClientRelation, relation_id) or session.get(
            ContactRelation, relation_id
        )
        if relation is None or relation.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "UserErrors", "The record was not found; it may have been deleted."
                )
            )
        relation.deleted_at = utc_now()


def client_relations(db: Database, client_id: uuid.UUID) -> list[RelationDetails]:
    """Relations in both directions; the card reads the reverse name for incoming ones."""
    from sqlalchemy.orm import aliased

    source, target = aliased(Client), aliased(Client)
    with read_unit(db) as session:
        rows = session.execute(
            select(ClientRelation, source.name, target.name, RelationKind)
            .join(source, source.id == ClientRelation.from_client_id)
            .join(target, target.id == ClientRelation.to_client_id)
            .join(RelationKind, RelationKind.id == ClientRelation.kind_id)
            .where(
                (ClientRelation.from_client_id == client_id)
                | (ClientRelation.to_client_id == client_id),
                ClientRelation.deleted_at.is_(None),
                source.deleted_at.is_(None),
                target.deleted_at.is_(None),
            )
            .order_by(RelationKind.sort_order, ClientRelation.created_at, ClientRelation.id)
        ).all()
        return [
            RelationDetails(
                rel.id,
                rel.version,
                rel.from_client_id,
                rel.to_client_id,
                from_name,
                to_name,
                kind.id,
                kind.name,
                kind.reverse_name,
                rel.comment,
            )
            for rel, from_name, to_name, kind in rows
        ]


# --- catalogues, history ----------------------------------------------------------------------


def catalogue(db: Database, name: str) -> list[CatalogueItem]:
    """Live rows of a catalogue by table name, in their order."""
    models: dict[str, type[Any]] = {
        "legal_form": LegalForm,
        "client_circle": ClientCircle,
        "info_source": InfoSource,
        "relation_kind": RelationKind,
        "price_type": PriceType,
        "loss_reason": LossReason,
        "deal_stage": DealStage,
        "measure_unit": MeasureUnit,
        "lead_reject_reason": LeadRejectReason,
        "claim_reason": ClaimReason,
    }
    model = models[name]
    with read_unit(db) as session:
        rows = session.scalars(
            select(model).where(model.deleted_at.is_(None)).order_by(model.sort_order, model.name)
        )
        items = []
        for row in rows:
            extra = {}
            for key in ("full_name", "kind", "applies_to", "reverse_name", "process"):
                if hasattr(row, key):
                    extra[key] = str(getattr(row, key))
            items.append(CatalogueItem(row.id, row.code, row.name, extra))
        return items


def catalogue_item_id(db: Database, name: str, code: str) -> uuid.UUID:
    for item in catalogue(db, name):
        if item.code == code:
            return item.id
    raise KeyError(f"{name}:{code}")


def record_history(db: Database, entity: str, entity_id: uuid.UUID) -> list[HistoryRow]:
    with read_unit(db) as session:
        return history(session, entity, entity_id)
