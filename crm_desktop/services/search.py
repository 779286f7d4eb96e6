"""Search-as-you-type over names, INNs, phones and e-mails, through an index.

Each client, counterparty and contact keeps a ``search_text``: its name's search key, INNs (a
client's are those of its counterparties), phones as digits (international and local form)
and e-mails, lower-case. SQLite indexes it with FTS5's trigram tokenizer (``<table>_fts``,
kept by triggers); PostgreSQL with a pg_trgm GIN index. A query of three or more characters
is a substring search through that index; one or two characters look up a name prefix on the
``search_key`` index. Nothing scans a table with ``LIKE '%x%'``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, and_, literal_column, or_, select, text, update
from sqlalchemy.orm import Session

from crm_desktop.models import Channel, Client, Contact, Counterparty
from crm_desktop.services import validation as v

_TOP: Final = "\U0010ffff"  # sorts after every character: the end of a prefix's range


def prefix_of(column: Any, prefix: str) -> ColumnElement[bool]:
    """``column`` begins with ``prefix``, in a form both backends answer from a btree index.

    A range (``>= prefix AND < prefix + U+10FFFF``) is what the index seeks: SQLite will not use
    an index for a (case-insensitive) LIKE, nor PostgreSQL outside the C collation. The LIKE
    beside it keeps the meaning exact in any collation; it only filters the range's rows.
    """
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return and_(column >= prefix, column < prefix + _TOP, column.like(f"{escaped}%", escape="\\"))


MIN_TRIGRAM = 3
SEARCHABLE: dict[str, Any] = {"client": Client, "counterparty": Counterparty, "contact": Contact}


def phone_variants(e164: str) -> list[str]:
    """+74951234567 → 74951234567 and 4951234567 (how people type it after 8 or +7)."""
    digits = e164.lstrip("+")
    variants = [digits]
    if digits.startswith("7") and len(digits) == 11:
        variants.append(digits[1:])
    return variants


def build_search_text(
    names: Iterable[str],
    *,
    inns: Iterable[str | None] = (),
    phones: Iterable[str] = (),
    emails: Iterable[str] = (),
    extra: Iterable[str | None] = (),
) -> str:
    parts: list[str] = []
    for name in names:
        key = v.search_key(name)
        if key and key not in parts:
            parts.append(key)
    parts.extend(inn for inn in inns if inn)
    for phone in phones:
        parts.extend(phone_variants(phone))
    parts.extend(email.lower() for email in emails)
    parts.extend(item.lower() for item in extra if item)
    return " ".join(parts)


def _channels(session: Session, column: Any, owner_id: uuid.UUID) -> tuple[list[str], list[str]]:
    rows = session.execute(
        select(Channel.kind, Channel.normalized).where(
            column == owner_id, Channel.deleted_at.is_(None)
        )
    ).all()
    return [n for k, n in rows if k == "phone"], [n for k, n in rows if k == "email"]


def _store(session: Session, model: Any, record_id: uuid.UUID, value: str) -> None:
    """Write the derived text with Core: it is not an edit of the record, so the record's
    ``version`` (what a concurrently open card compares) and its history stay as they are."""
    session.execute(
        update(model)
        .where(model.id == record_id, model.search_text != value)
        .values(search_text=value)
        .execution_options(synchronize_session=False)
    )


def refresh_client(session: Session, client_id: uuid.UUID) -> None:
    """Recompute a client's search text from the database (call after a flush)."""
    session.flush()
    name = session.scalar(select(Client.name).where(Client.id == client_id))
    if name is None:
        return
    inns = session.scalars(
        select(Counterparty.inn).where(
            Counterparty.client_id == client_id, Counterparty.deleted_at.is_(None)
        )
    ).all()
    phones, emails = _channels(session, Channel.client_id, client_id)
    _store(
        session,
        Client,
        client_id,
        build_search_text([name], inns=inns, phones=phones, emails=emails),
    )


def refresh_counterparty(session: Session, counterparty_id: uuid.UUID) -> None:
    session.flush()
    row = session.execute(
        select(
            Counterparty.short_name, Counterparty.full_name, Counterparty.inn, Counterparty.ogrn
        ).where(Counterparty.id == counterparty_id)
    ).one_or_none()
    if row is None:
        return
    short_name, full_name, inn, ogrn = row
    value = build_search_text([short_name, full_name], inns=[inn], extra=[ogrn])
    _store(session, Counterparty, counterparty_id, value)


def refresh_contact(session: Session, contact_id: uuid.UUID) -> None:
    session.flush()
    row = session.execute(
        select(Contact.last_name, Contact.first_name, Contact.middle_name).where(
            Contact.id == contact_id
        )
    ).one_or_none()
    if row is None:
        return
    phones, emails = _channels(session, Channel.contact_id, contact_id)
    full = " ".join(part for part in row if part)
    _store(session, Contact, contact_id, build_search_text([full], phones=phones, emails=emails))


def query_terms(query: str) -> list[str]:
    """What to look for: phone digits for a phone-like query, else the words' search keys."""
    digits = v.phone_search_digits(query)
    if digits is not None:
        if len(digits) == 11 and digits[0] == "7":
            return [digits[1:]]  # matches both stored forms
        if len(digits) >= 4 and digits[0] in "78":
            return [digits[1:]]
        return [digits]
    key = v.search_key(query) or query.strip().casefold()
    return [word for word in key.split() if word]


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def match_condition(session_or_dialect: Session | str, model: Any, query: str) -> Any:
    """A WHERE condition selecting ``model`` rows that match ``query`` through an index."""
    dialect = (
        session_or_dialect
        if isinstance(session_or_dialect, str)
        else session_or_dialect.get_bind().dialect.name
    )
    exact = _exact_number_condition(model, query)
    if exact is not None:
        return exact
    terms = query_terms(query)
    if not terms:
        return None
    table = model.__table__.name
    long_terms = [t for t in terms if len(t) >= MIN_TRIGRAM]
    short_terms = [t for t in terms if len(t) < MIN_TRIGRAM]
    conditions: list[ColumnElement[bool]] = []
    if long_terms:
        if dialect == "sqlite":
            phrase = " ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
            fts: Select[Any] = (
                select(literal_column("rowid"))
                .select_from(text(f"{table}_fts"))
                .where(
                    text(f"{table}_fts MATCH :fts_{table}").bindparams(**{f"fts_{table}": phrase})
                )
            )
            conditions.append(literal_column(f"{table}.rowid").in_(fts))
        else:
            for term in long_terms:
                conditions.append(model.search_text.like(f"%{_like_escape(term)}%", escape="\\"))
    if long_terms:
        # «петров ив»: the index finds «петров», the short word narrows those rows down
        for term in short_terms:
            conditions.append(model.search_text.like(f"%{_like_escape(term)}%", escape="\\"))
    else:
        # one or two letters alone: a name prefix. On SQLite as a range the BINARY search_key
        # index can seek (its LIKE uses only NOCASE indexes); on PostgreSQL as LIKE, since a
        # range is only right under the C collation (the capped hit set stops the scan early)
        for term in short_terms:
            if dialect == "sqlite":
                conditions.append(model.search_key >= term)
                conditions.append(model.search_key < term + "\U0010ffff")
            else:
                conditions.append(model.search_key.like(f"{_like_escape(term)}%", escape="\\"))
    return and_(*conditions)


def _exact_number_condition(model: Any, query: str) -> Any:
    """A complete phone number or INN is looked up exactly, on its own index.

    Through the trigram index a full number is slow (digit trigrams are common to many rows);
    ``channel.normalized`` and ``counterparty.inn`` answer it at once. Ten digits may be a
    local phone number or a company's INN: both are looked up.
    """
    digits = v.phone_search_digits(query)
    if digits is None:
        return None
    phones: list[str] = []
    inns: list[str] = []
    if len(digits) == 11 and digits[0] in "78":
        phones.append("+7" + digits[1:])
    elif len(digits) == 10:
        phones.append("+7" + digits)
        inns.append(digits)
    elif len(digits) == 12:
        inns.append(digits)
    else:
        return None

    def owners(column: Any) -> Any:
        return (
            select(column)
            .where(
                Channel.kind == "phone",
                Channel.normalized.in_(phones),
                Channel.deleted_at.is_(None),
                column.is_not(None),
            )
            .scalar_subquery()
        )

    conditions: list[ColumnElement[bool]] = []
    if model is Client:
        if phones:
            conditions.append(Client.id.in_(owners(Channel.client_id)))
        if inns:
            conditions.append(
                Client.id.in_(
                    select(Counterparty.client_id)
                    .where(Counterparty.inn.in_(inns), Counterparty.deleted_at.is_(None))
                    .scalar_subquery()
                )
            )
    elif model is Contact:
        if not phones:
            return None
        conditions.append(Contact.id.in_(owners(Channel.contact_id)))
    elif model is Counterparty:
        if not inns:
            return None
        conditions.append(Counterparty.inn.in_(inns))
    else:
        return None
    return or_(*conditions)


def search_ids(session: Session, kind: str, query: str, limit: int = 50) -> list[uuid.UUID]:
    """Ids of live records matching ``query`` (unordered beyond the index's own order)."""
    model = SEARCHABLE[kind]
    condition = match_condition(session, model, query)
    if condition is None:
        return []
    stmt: Select[Any] = select(model.id).where(condition, model.deleted_at.is_(None)).limit(limit)
    return list(session.scalars(stmt))


__all__ = [
    "build_search_text",
    "match_condition",
    "phone_variants",
    "query_terms",
    "refresh_client",
    "refresh_contact",
    "refresh_counterparty",
    "search_ids",
]
