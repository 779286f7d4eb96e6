"""Read side of the list screens: flat rows, keyset pages, counts, anchors. Never a whole table.

Clients, counterparties, contacts, deals and products each have a frozen ``*Row`` dataclass, a
``*Filter`` and a whitelist of sort keys (``*_SORT_KEYS``: name → SQL expression) covering every
column the list shows. Sorting is always done in SQL, by ``(sort value, id)``: the id breaks
ties so the order is total, and every sort expression is NOT NULL (NULLs folded with
``coalesce``) so the keyset comparison stays total too. Sort keys come from the whitelist, never
from UI strings.

A page is ``WHERE (sort value, id) > (:value, :id) ORDER BY sort value, id LIMIT n``: as fast at
row 900,000 as at row 0 when the sort key has an index. To reach a row far down without reading
everything before it, :func:`client_anchors` (and its siblings) return every N-th row's key in
one ordered scan (run it off the GUI thread); row ``r`` is then read as "after anchor
``r // N - 1``, skip ``r % N``, take a page" — the skip is always shorter than N, so there is no
deep ``OFFSET``.

Search goes through :func:`services.search.match_condition` (FTS5 trigram on SQLite, pg_trgm on
PostgreSQL, a name prefix for one or two letters); deals are found by their exact number or the
beginning of their title (``search_key``), products by their SKU (exact or its beginning) or the
beginning of their name (``search_key``): never ``LIKE '%x%'`` over a table. A search is
bounded: at most :data:`SEARCH_CAP` matching ids come from the index (``*_search``, filters
applied), and the list is then sorted and paged within them in SQL; :class:`SearchHits` says
whether the cap cut the matches short. Pass the hits to ``*_page``/``*_count``/``*_anchors`` so
the index is asked once per search; without them each call asks again.

Rows are read with Core (no ORM objects per row), each call in its own read unit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    case,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import BinaryExpression, BooleanClauseList, ColumnClause
from sqlalchemy.sql.selectable import ScalarSelect

from crm_desktop.db import Database
from crm_desktop.models import (
    Channel,
    Client,
    ClientCircle,
    ClientContact,
    Contact,
    Counterparty,
    Deal,
    DealStage,
    LegalForm,
    MeasureUnit,
    Product,
    User,
)
from crm_desktop.models.catalogue import PRODUCT_KINDS
from crm_desktop.services import validation as v
from crm_desktop.services.catalogue import product_condition
from crm_desktop.services.numbering import number_variants
from crm_desktop.services.search import match_condition, prefix_of
from crm_desktop.services.uow import read_unit

__all__ = [
    "ANCHOR_EVERY",
    "CLIENT_ROLES",
    "CLIENT_SORT_KEYS",
    "CONTACT_SORT_KEYS",
    "COUNTERPARTY_SORT_KEYS",
    "DEAL_SORT_KEYS",
    "DEAL_STATUSES",
    "LEGAL_KINDS",
    "PRODUCT_KINDS",
    "PRODUCT_SORT_KEYS",
    "SEARCH_CAP",
    "ClientFilter",
    "ClientRow",
    "ContactFilter",
    "ContactRow",
    "CounterpartyFilter",
    "CounterpartyRow",
    "DealFilter",
    "DealRow",
    "Key",
    "PageRequest",
    "ProductFilter",
    "ProductRow",
    "SearchHits",
    "client_anchors",
    "client_count",
    "client_page",
    "client_search",
    "contact_anchors",
    "contact_count",
    "contact_page",
    "contact_search",
    "counterparty_anchors",
    "counterparty_count",
    "counterparty_page",
    "counterparty_search",
    "deal_anchors",
    "deal_count",
    "deal_page",
    "deal_search",
    "product_anchors",
    "product_count",
    "product_page",
    "product_search",
]

SEARCH_CAP: Final = 1000  # matches taken from the index for one search, at most
ANCHOR_EVERY: Final = 500  # rows between two anchors, by default
CLIENT_ROLES: Final = ("client", "supplier", "dealer", "competitor", "carrier", "other")
LEGAL_KINDS: Final = ("legal", "individual", "person")
DEAL_STATUSES: Final = ("open", "won", "lost")

Key = tuple[Any, uuid.UUID]  # a row's keyset position: (sort value, id)
RowT = TypeVar("RowT")


@dataclass(frozen=True)
class PageRequest:
    """Which rows: ``limit`` rows after ``after`` (``None``: from the start) in this order.

    ``skip`` rows right after ``after`` are passed over first; it is meant for the distance
    from an anchor (less than the anchor spacing), never for paging from the start.
    """

    sort: str = "name"
    descending: bool = False
    after: Key | None = None
    limit: int = 100
    skip: int = 0


@dataclass(frozen=True)
class SearchHits:
    """The ids a search found (filters applied), at most :data:`SEARCH_CAP` of them.

    ``capped``: there were more matches than that; the list shows only these.
    """

    ids: tuple[uuid.UUID, ...]
    capped: bool


# --- rows and filters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ClientRow:
    id: uuid.UUID
    name: str
    circle: str | None
    owner: str | None
    industry: str | None
    phone: str | None
    email: str | None
    created_at: datetime
    is_archived: bool = False
    is_deleted: bool = False


@dataclass(frozen=True)
class ClientFilter:
    owner_id: uuid.UUID | None = None
    circle_id: uuid.UUID | None = None
    role: str | None = None  # one of CLIENT_ROLES
    include_archived: bool = False
    include_deleted: bool = False
    search: str = ""


@dataclass(frozen=True)
class CounterpartyRow:
    id: uuid.UUID
    name: str  # the short name: ООО «Ромашка»
    legal_form: str
    inn: str | None
    kpp: str | None
    client: str | None
    legal_address: str | None
    is_deleted: bool = False


@dataclass(frozen=True)
class CounterpartyFilter:
    client_id: uuid.UUID | None = None
    legal_kind: str | None = None  # one of LEGAL_KINDS (LegalForm.kind)
    include_deleted: bool = False
    search: str = ""


@dataclass(frozen=True)
class ContactRow:
    id: uuid.UUID
    name: str  # surname, first name, patronymic
    position: str | None
    client: str | None  # the client the contact works for (the primary link first)
    phone: str | None
    email: str | None
    is_deleted: bool = False


@dataclass(frozen=True)
class ContactFilter:
    client_id: uuid.UUID | None = None
    include_deleted: bool = False
    search: str = ""


@dataclass(frozen=True)
class DealRow:
    id: uuid.UUID
    number: str  # А-000042
    title: str
    client: str
    stage: str | None  # a non-process deal has no stage
    status: str  # one of DEAL_STATUSES
    amount: Decimal
    owner: str | None
    opened_on: date
    expected_on: date | None
    is_deleted: bool = False


@dataclass(frozen=True)
class DealFilter:
    client_id: uuid.UUID | None = None
    stage_id: uuid.UUID | None = None
    status: str | None = None  # one of DEAL_STATUSES
    owner_id: uuid.UUID | None = None
    opened_from: date | None = None  # inclusive
    opened_to: date | None = None  # inclusive
    include_deleted: bool = False
    search: str = ""  # the deal's number, or the beginning of its title


@dataclass(frozen=True)
class ProductRow:
    id: uuid.UUID
    sku: str
    name: str
    kind: str  # one of PRODUCT_KINDS
    sales_unit: str  # the sales unit's short name: «упак»
    sales_factor: int  # price units in one sales unit
    price_unit: str  # «кг»
    vat_rate: str  # '20', '10', '0' or 'none'
    archived: bool = False
    is_deleted: bool = False


@dataclass(frozen=True)
class ProductFilter:
    kind: str | None = None  # one of PRODUCT_KINDS
    include_archived: bool = False
    include_deleted: bool = False
    search: str = ""  # the SKU (exact or its beginning), or the beginning of the name


# --- SQL pieces -----------------------------------------------------------------------------------


def _primary_channel(owner_column: Any, owner: Any, kind: str) -> Any:
    """The value of the owner's primary live channel of ``kind`` (else the oldest one)."""
    return (
        select(Channel.value)
        .where(owner_column == owner.id, Channel.kind == kind, Channel.deleted_at.is_(None))
        .order_by(Channel.is_primary.desc(), Channel.created_at, Channel.id)
        .limit(1)
        .correlate(owner)
        .scalar_subquery()
    )


def _folded(expression: Any) -> Any:
    """NULL folded to the empty string: sorts first ascending, and keyset stays total."""
    return func.coalesce(expression, literal(""))


_client_phone = _primary_channel(Channel.client_id, Client, "phone")
_client_email = _primary_channel(Channel.client_id, Client, "email")
_contact_phone = _primary_channel(Channel.contact_id, Contact, "phone")
_contact_email = _primary_channel(Channel.contact_id, Contact, "email")
_contact_client = (
    select(Client.name)
    .join(ClientContact, ClientContact.client_id == Client.id)
    .where(
        ClientContact.contact_id == Contact.id,
        ClientContact.deleted_at.is_(None),
        Client.deleted_at.is_(None),
    )
    .order_by(ClientContact.is_primary.desc(), ClientContact.created_at, ClientContact.id)
    .limit(1)
    .correlate(Contact)
    .scalar_subquery()
)
_CounterpartyClient = aliased(Client, name="cp_client")
_DealClient = aliased(Client, name="deal_client")
_DealOwner = aliased(User, name="deal_owner")
NO_DATE: Final = date(1, 1, 1)  # a missing date sorts first ascending

# sort key name → NOT NULL SQL expression; every column a list shows has one
CLIENT_SORT_KEYS: Final[Mapping[str, Any]] = {
    "name": Client.search_key,
    "circle": func.coalesce(ClientCircle.sort_order, literal(-1)),
    "owner": _folded(User.full_name),
    "industry": _folded(Client.industry),
    "phone": _folded(_client_phone),
    "email": _folded(_client_email),
    "created_at": Client.created_at,
}
COUNTERPARTY_SORT_KEYS: Final[Mapping[str, Any]] = {
    "name": Counterparty.search_key,
    "legal_form": LegalForm.name,
    "inn": _folded(Counterparty.inn),
    "kpp": _folded(Counterparty.kpp),
    "client": _folded(_CounterpartyClient.search_key),
    "legal_address": _folded(Counterparty.legal_address),
}
CONTACT_SORT_KEYS: Final[Mapping[str, Any]] = {
    "name": Contact.search_key,
    "position": _folded(Contact.position),
    "client": _folded(_contact_client),
    "phone": _folded(_contact_phone),
    "email": _folded(_contact_email),
}

DEAL_SORT_KEYS: Final[Mapping[str, Any]] = {
    "number": Deal.number,
    "title": Deal.search_key,
    "client": _DealClient.search_key,
    "stage": func.coalesce(DealStage.sort_order, literal(-1)),
    "status": Deal.status,
    "amount": Deal.amount,
    "owner": _folded(_DealOwner.full_name),
    "opened_on": Deal.opened_on,
    "expected_on": func.coalesce(Deal.expected_on, literal(NO_DATE)),
}


_SalesUnit = aliased(MeasureUnit, name="sales_unit")
_PriceUnit = aliased(MeasureUnit, name="price_unit")
# without VAT first, then by the rate
_VAT_ORDER: Final = {"none": 0, "0": 1, "10": 2, "20": 3}

PRODUCT_SORT_KEYS: Final[Mapping[str, Any]] = {
    "sku": Product.sku,
    "name": Product.search_key,
    "kind": Product.kind,
    "sales_unit": _SalesUnit.name,
    "vat_rate": case(_VAT_ORDER, value=Product.vat_rate, else_=literal(len(_VAT_ORDER))),
}


def _product_match(session: Session, model: Any, text: str) -> Any:
    """A product by its SKU (exact, or its beginning: the unique index) or by the beginning of
    its name (a prefix of ``search_key``, indexed): never a substring scan."""
    del session, model
    return product_condition(text)


def _deal_match(session: Session, model: Any, text: str) -> Any:
    """A deal by its exact number (the unique index) or by the beginning of its title (a
    prefix of ``search_key``): never a substring scan."""
    del session, model
    typed = text.strip()
    if not typed:
        return None
    conditions: list[ColumnElement[bool]] = [Deal.number.in_(number_variants(typed))]
    key = v.search_key(typed)
    if key:
        conditions.append(prefix_of(Deal.search_key, key))
    return or_(*conditions)


@dataclass(frozen=True)
class _Spec(Generic[RowT]):
    """How one list is read: its table, sort keys, row query and row type."""

    model: Any
    sort_keys: Mapping[str, Any]
    rows: Callable[[Any], Select[Any]]  # select(sort value, id, …columns) with its joins
    make_row: Callable[[Sequence[Any]], RowT]  # from the columns after the sort value
    # (session, model, text) → a condition that finds matches through an index, or None
    match: Callable[[Session, Any, str], Any] = match_condition


def _client_rows(key: Any) -> Select[Any]:
    return (
        select(
            key.label("sort_value"),
            Client.id,
            Client.name,
            ClientCircle.name.label("circle"),
            User.full_name.label("owner"),
            Client.industry,
            _client_phone.label("phone"),
            _client_email.label("email"),
            Client.created_at,
            Client.is_archived,
            Client.deleted_at.is_not(None).label("is_deleted"),
        )
        .outerjoin(ClientCircle, ClientCircle.id == Client.circle_id)
        .outerjoin(User, User.id == Client.owner_id)
    )


def _counterparty_rows(key: Any) -> Select[Any]:
    return (
        select(
            key.label("sort_value"),
            Counterparty.id,
            Counterparty.short_name,
            LegalForm.name.label("legal_form"),
            Counterparty.inn,
            Counterparty.kpp,
            _CounterpartyClient.name.label("client"),
            Counterparty.legal_address,
            Counterparty.deleted_at.is_not(None).label("is_deleted"),
        )
        .join(LegalForm, LegalForm.id == Counterparty.legal_form_id)
        .outerjoin(_CounterpartyClient, _CounterpartyClient.id == Counterparty.client_id)
    )


def _contact_rows(key: Any) -> Select[Any]:
    return select(
        key.label("sort_value"),
        Contact.id,
        Contact.last_name,
        Contact.first_name,
        Contact.middle_name,
        Contact.position,
        _contact_client.label("client"),
        _contact_phone.label("phone"),
        _contact_email.label("email"),
        Contact.deleted_at.is_not(None).label("is_deleted"),
    )


def _deal_rows(key: Any) -> Select[Any]:
    return (
        select(
            key.label("sort_value"),
            Deal.id,
            Deal.number,
            Deal.title,
            _DealClient.name.label("client"),
            DealStage.name.label("stage"),
            Deal.status,
            Deal.amount,
            _DealOwner.full_name.label("owner"),
            Deal.opened_on,
            Deal.expected_on,
            Deal.deleted_at.is_not(None).label("is_deleted"),
        )
        .join(_DealClient, _DealClient.id == Deal.client_id)
        .outerjoin(DealStage, DealStage.id == Deal.stage_id)
        .outerjoin(_DealOwner, _DealOwner.id == Deal.owner_id)
    )


def _product_rows(key: Any) -> Select[Any]:
    return (
        select(
            key.label("sort_value"),
            Product.id,
            Product.sku,
            Product.name,
            Product.kind,
            _SalesUnit.name.label("sales_unit"),
            Product.sales_factor,
            _PriceUnit.name.label("price_unit"),
            Product.vat_rate,
            Product.archived,
            Product.deleted_at.is_not(None).label("is_deleted"),
        )
        .join(_SalesUnit, _SalesUnit.id == Product.sales_unit_id)
        .join(_PriceUnit, _PriceUnit.id == Product.price_unit_id)
    )


def _contact_row(values: Sequence[Any]) -> ContactRow:
    row_id, last, first, middle, *rest = values
    name = " ".join(part for part in (last, first, middle) if part)
    return ContactRow(row_id, name, *rest)


_CLIENTS: Final = _Spec(Client, CLIENT_SORT_KEYS, _client_rows, lambda v: ClientRow(*v))
_COUNTERPARTIES: Final = _Spec(
    Counterparty, COUNTERPARTY_SORT_KEYS, _counterparty_rows, lambda v: CounterpartyRow(*v)
)
_CONTACTS: Final = _Spec(Contact, CONTACT_SORT_KEYS, _contact_rows, _contact_row)
_DEALS: Final = _Spec(Deal, DEAL_SORT_KEYS, _deal_rows, lambda v: DealRow(*v), _deal_match)
_PRODUCTS: Final = _Spec(
    Product, PRODUCT_SORT_KEYS, _product_rows, lambda v: ProductRow(*v), _product_match
)


def _client_where(flt: ClientFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        where.append(Client.deleted_at.is_(None))
    if not flt.include_archived:
        where.append(Client.is_archived.is_(False))
    if flt.owner_id is not None:
        where.append(Client.owner_id == flt.owner_id)
    if flt.circle_id is not None:
        where.append(Client.circle_id == flt.circle_id)
    if flt.role is not None:
        if flt.role not in CLIENT_ROLES:
            raise ValueError(f"unknown client role {flt.role!r}")
        where.append(getattr(Client, f"is_{flt.role}").is_(True))
    return where


def _counterparty_where(flt: CounterpartyFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        where.append(Counterparty.deleted_at.is_(None))
    if flt.client_id is not None:
        where.append(Counterparty.client_id == flt.client_id)
    if flt.legal_kind is not None:
        if flt.legal_kind not in LEGAL_KINDS:
            raise ValueError(f"unknown legal form kind {flt.legal_kind!r}")
        where.append(
            exists()
            .where(LegalForm.id == Counterparty.legal_form_id, LegalForm.kind == flt.legal_kind)
            .correlate(Counterparty)
        )
    return where


def _contact_where(flt: ContactFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        where.append(Contact.deleted_at.is_(None))
    if flt.client_id is not None:
        where.append(
            exists()
            .where(
                ClientContact.contact_id == Contact.id,
                ClientContact.client_id == flt.client_id,
                ClientContact.deleted_at.is_(None),
            )
            .correlate(Contact)
        )
    return where


def _deal_where(flt: DealFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        where.append(Deal.deleted_at.is_(None))
    if flt.client_id is not None:
        where.append(Deal.client_id == flt.client_id)
    if flt.stage_id is not None:
        where.append(Deal.stage_id == flt.stage_id)
    if flt.status is not None:
        if flt.status not in DEAL_STATUSES:
            raise ValueError(f"unknown deal status {flt.status!r}")
        where.append(Deal.status == flt.status)
    if flt.owner_id is not None:
        where.append(Deal.owner_id == flt.owner_id)
    if flt.opened_from is not None:
        where.append(Deal.opened_on >= flt.opened_from)
    if flt.opened_to is not None:
        where.append(Deal.opened_on <= flt.opened_to)
    return where


def _product_where(flt: ProductFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if not flt.include_deleted:
        where.append(Product.deleted_at.is_(None))
    if not flt.include_archived:
        where.append(Product.archived.is_(False))
    if flt.kind is not None:
        if flt.kind not in PRODUCT_KINDS:
            raise ValueError(f"unknown product kind {flt.kind!r}")
        where.append(Product.kind == flt.kind)
    return where


# --- the generic keyset machinery ---------------------------------------------------------------


def _sort_key(spec: _Spec[Any], sort: str) -> Any:
    try:
        return spec.sort_keys[sort]
    except KeyError:
        raise ValueError(f"unknown sort key {sort!r}") from None


def _order(spec: _Spec[Any], key: Any, descending: bool) -> tuple[Any, Any]:
    if descending:
        return key.desc(), spec.model.id.desc()
    return key.asc(), spec.model.id.asc()


def _after(spec: _Spec[Any], key: Any, after: Key, descending: bool) -> ColumnElement[bool]:
    value, row_id = after
    position = tuple_(key, spec.model.id)
    bound = tuple_(
        bindparam(None, value, type_=key.type),
        bindparam(None, row_id, type_=spec.model.id.type),
    )
    return position < bound if descending else position > bound


def _search(
    db: Database, spec: _Spec[Any], where: list[ColumnElement[bool]], text: str, cap: int
) -> SearchHits | None:
    """Up to ``cap`` ids matching ``text`` through the index; ``None`` if there is nothing to
    look for (a blank query)."""
    if not text.strip():
        return None
    with read_unit(db) as session:
        condition = spec.match(session, spec.model, text)
        if condition is None:
            return None
        query = _driven_by_index(spec.model, condition)
        ids = session.scalars(query.where(*where).limit(cap + 1)).all()
    return SearchHits(tuple(ids[:cap]), len(ids) > cap)


def _driven_by_index(model: Any, condition: Any) -> Select[Any]:
    """``SELECT id WHERE condition``, with SQLite's FTS match as the driving table.

    On SQLite ``match_condition`` gives ``<table>.rowid IN (SELECT rowid FROM <table>_fts WHERE
    … MATCH …)``; SQLite reads such a subquery whole before the LIMIT applies (26 ms for a
    common trigram on a million rows). Joined instead, the FTS index streams its matches and the
    LIMIT stops it after the first ones (2 ms). Any other shape is used as it is.
    """
    clauses = list(condition.clauses) if isinstance(condition, BooleanClauseList) else [condition]
    rowid = f"{model.__table__.name}.rowid"
    for i, clause in enumerate(clauses):
        if (
            isinstance(clause, BinaryExpression)
            and clause.operator is operators.in_op
            and isinstance(clause.left, ColumnClause)
            and clause.left.name == rowid
            and isinstance(clause.right, ScalarSelect)
        ):
            matches = clause.right.element.subquery("matches")
            rest = clauses[:i] + clauses[i + 1 :]
            return (
                select(model.id)
                .select_from(matches)
                .join(model, literal_column(rowid) == matches.c.rowid)
                .where(*rest)
            )
    return select(model.id).where(condition)


def _scope(
    db: Database,
    spec: _Spec[Any],
    where: list[ColumnElement[bool]],
    text: str,
    hits: SearchHits | None,
) -> list[ColumnElement[bool]] | None:
    """The WHERE of the list, the search's hits included; ``None``: the search found nothing."""
    if hits is None and text.strip():
        hits = _search(db, spec, where, text, SEARCH_CAP)
    if hits is None:
        return where
    if not hits.ids:
        return None
    return [*where, spec.model.id.in_(hits.ids)]


def _page(
    db: Database,
    spec: _Spec[RowT],
    where: list[ColumnElement[bool]] | None,
    page: PageRequest,
) -> list[tuple[Key, RowT]]:
    """The page's keys first (only the sort key is computed for the rows passed over), then
    the shown columns for those rows alone."""
    key = _sort_key(spec, page.sort)
    if where is None or page.limit <= 0:
        return []
    value, row_id = key.label("sort_value"), spec.model.id.label("row_id")
    keys = spec.rows(key).with_only_columns(value, row_id).where(*where)
    if page.after is not None:
        keys = keys.where(_after(spec, key, page.after, page.descending))
    # ordered by the labels: a computed sort value (a subquery) is computed once a row
    order = (value.desc(), row_id.desc()) if page.descending else (value.asc(), row_id.asc())
    keys = keys.order_by(*order).limit(page.limit)
    if page.skip > 0:
        keys = keys.offset(page.skip)
    found = keys.subquery("page")
    shown = spec.rows(found.c.sort_value).join(found, found.c.row_id == spec.model.id)
    if page.descending:
        shown = shown.order_by(found.c.sort_value.desc(), found.c.row_id.desc())
    else:
        shown = shown.order_by(found.c.sort_value, found.c.row_id)
    with read_unit(db) as session:
        rows = session.execute(shown).all()
    return [((row[0], row[1]), spec.make_row(tuple(row[1:]))) for row in rows]


def _count(db: Database, spec: _Spec[Any], where: list[ColumnElement[bool]] | None) -> int:
    if where is None:
        return 0
    with read_unit(db) as session:
        query = select(func.count()).select_from(spec.model).where(*where)
        return int(session.scalar(query) or 0)


def _anchors(
    db: Database,
    spec: _Spec[Any],
    where: list[ColumnElement[bool]] | None,
    sort: str,
    descending: bool,
    every: int,
) -> list[Key]:
    """The keys of rows ``every-1``, ``2*every-1``, … in this order: one ordered scan."""
    if every < 1:
        raise ValueError(f"every must be positive: {every}")
    key = _sort_key(spec, sort)
    if where is None:
        return []
    values = (
        spec.rows(key)
        .with_only_columns(key.label("k"), spec.model.id.label("i"))
        .where(*where)
        .subquery("sorted")
    )
    order = (values.c.k.desc(), values.c.i.desc()) if descending else (values.c.k, values.c.i)
    numbered = select(
        values.c.k, values.c.i, func.row_number().over(order_by=order).label("n")
    ).subquery("numbered")
    query = select(numbered.c.k, numbered.c.i).where(numbered.c.n % every == 0)
    with read_unit(db) as session:
        rows = session.execute(query.order_by(numbered.c.n)).all()
    return [(row[0], row[1]) for row in rows]


# --- clients --------------------------------------------------------------------------------------


def client_search(db: Database, flt: ClientFilter, *, cap: int = SEARCH_CAP) -> SearchHits | None:
    """The clients matching ``flt.search`` (and the filter), at most ``cap``; ``None`` when
    there is no search."""
    return _search(db, _CLIENTS, _client_where(flt), flt.search, cap)


def client_page(
    db: Database, flt: ClientFilter, page: PageRequest, *, hits: SearchHits | None = None
) -> list[tuple[Key, ClientRow]]:
    """One page of client rows, each with its keyset position (sort value, id)."""
    where = _scope(db, _CLIENTS, _client_where(flt), flt.search, hits)
    return _page(db, _CLIENTS, where, page)


def client_count(db: Database, flt: ClientFilter, *, hits: SearchHits | None = None) -> int:
    """How many clients the list has (under a search: the hits, the filter already applied)."""
    if hits is not None:
        return len(hits.ids)
    return _count(db, _CLIENTS, _scope(db, _CLIENTS, _client_where(flt), flt.search, hits))


def has_clients(db: Database) -> bool:
    """Whether the clients list would show anyone (an EXISTS, not a count: start-up asks it)."""
    query = select(Client.id).where(*_client_where(ClientFilter()))
    with read_unit(db) as session:
        return bool(session.scalar(select(query.exists())))


def client_anchors(
    db: Database,
    flt: ClientFilter,
    sort: str,
    descending: bool = False,
    *,
    every: int = ANCHOR_EVERY,
    hits: SearchHits | None = None,
) -> list[Key]:
    """Every ``every``-th client's key in this order (run it off the GUI thread)."""
    where = _scope(db, _CLIENTS, _client_where(flt), flt.search, hits)
    return _anchors(db, _CLIENTS, where, sort, descending, every)


# --- counterparties -------------------------------------------------------------------------------


def counterparty_search(
    db: Database, flt: CounterpartyFilter, *, cap: int = SEARCH_CAP
) -> SearchHits | None:
    return _search(db, _COUNTERPARTIES, _counterparty_where(flt), flt.search, cap)


def counterparty_page(
    db: Database, flt: CounterpartyFilter, page: PageRequest, *, hits: SearchHits | None = None
) -> list[tuple[Key, CounterpartyRow]]:
    where = _scope(db, _COUNTERPARTIES, _counterparty_where(flt), flt.search, hits)
    return _page(db, _COUNTERPARTIES, where, page)


def counterparty_count(
    db: Database, flt: CounterpartyFilter, *, hits: SearchHits | None = None
) -> int:
    if hits is not None:
        return len(hits.ids)
    where = _scope(db, _COUNTERPARTIES, _counterparty_where(flt), flt.search, hits)
    return _count(db, _COUNTERPARTIES, where)


def counterparty_anchors(
    db: Database,
    flt: CounterpartyFilter,
    sort: str,
    descending: bool = False,
    *,
    every: int = ANCHOR_EVERY,
    hits: SearchHits | None = None,
) -> list[Key]:
    where = _scope(db, _COUNTERPARTIES, _counterparty_where(flt), flt.search, hits)
    return _anchors(db, _COUNTERPARTIES, where, sort, descending, every)


# --- contacts -------------------------------------------------------------------------------------


def contact_search(db: Database, flt: ContactFilter, *, cap: int = SEARCH_CAP) -> SearchHits | None:
    return _search(db, _CONTACTS, _contact_where(flt), flt.search, cap)


def contact_page(
    db: Database, flt: ContactFilter, page: PageRequest, *, hits: SearchHits | None = None
) -> list[tuple[Key, ContactRow]]:
    where = _scope(db, _CONTACTS, _contact_where(flt), flt.search, hits)
    return _page(db, _CONTACTS, where, page)


def contact_count(db: Database, flt: ContactFilter, *, hits: SearchHits | None = None) -> int:
    if hits is not None:
        return len(hits.ids)
    return _count(db, _CONTACTS, _scope(db, _CONTACTS, _contact_where(flt), flt.search, hits))


def contact_anchors(
    db: Database,
    flt: ContactFilter,
    sort: str,
    descending: bool = False,
    *,
    every: int = ANCHOR_EVERY,
    hits: SearchHits | None = None,
) -> list[Key]:
    where = _scope(db, _CONTACTS, _contact_where(flt), flt.search, hits)
    return _anchors(db, _CONTACTS, where, sort, descending, every)


# --- deals ----------------------------------------------------------------------------------------


def deal_search(db: Database, flt: DealFilter, *, cap: int = SEARCH_CAP) -> SearchHits | None:
    """The deals whose number is ``flt.search`` or whose title begins with it (and that match
    the filter), at most ``cap``; ``None`` when there is no search."""
    return _search(db, _DEALS, _deal_where(flt), flt.search, cap)


def deal_page(
    db: Database, flt: DealFilter, page: PageRequest, *, hits: SearchHits | None = None
) -> list[tuple[Key, DealRow]]:
    """One page of deal rows, each with its keyset position (sort value, id)."""
    where = _scope(db, _DEALS, _deal_where(flt), flt.search, hits)
    return _page(db, _DEALS, where, page)


def deal_count(db: Database, flt: DealFilter, *, hits: SearchHits | None = None) -> int:
    if hits is not None:
        return len(hits.ids)
    return _count(db, _DEALS, _scope(db, _DEALS, _deal_where(flt), flt.search, hits))


def deal_anchors(
    db: Database,
    flt: DealFilter,
    sort: str,
    descending: bool = False,
    *,
    every: int = ANCHOR_EVERY,
    hits: SearchHits | None = None,
) -> list[Key]:
    where = _scope(db, _DEALS, _deal_where(flt), flt.search, hits)
    return _anchors(db, _DEALS, where, sort, descending, every)


# --- products -------------------------------------------------------------------------------------


def product_search(db: Database, flt: ProductFilter, *, cap: int = SEARCH_CAP) -> SearchHits | None:
    """The products whose SKU is ``flt.search`` or begins with it, or whose name begins with it
    (and that match the filter), at most ``cap``; ``None`` when there is no search."""
    return _search(db, _PRODUCTS, _product_where(flt), flt.search, cap)


def product_page(
    db: Database, flt: ProductFilter, page: PageRequest, *, hits: SearchHits | None = None
) -> list[tuple[Key, ProductRow]]:
    """One page of product rows, each with its keyset position (sort value, id)."""
    where = _scope(db, _PRODUCTS, _product_where(flt), flt.search, hits)
    return _page(db, _PRODUCTS, where, page)


def product_count(db: Database, flt: ProductFilter, *, hits: SearchHits | None = None) -> int:
    if hits is not None:
        return len(hits.ids)
    return _count(db, _PRODUCTS, _scope(db, _PRODUCTS, _product_where(flt), flt.search, hits))


def product_anchors(
    db: Database,
    flt: ProductFilter,
    sort: str,
    descending: bool = False,
    *,
    every: int = ANCHOR_EVERY,
    hits: SearchHits | None = None,
) -> list[Key]:
    where = _scope(db, _PRODUCTS, _product_where(flt), flt.search, hits)
    return _anchors(db, _PRODUCTS, where, sort, descending, every)
