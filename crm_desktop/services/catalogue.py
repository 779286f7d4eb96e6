"""Номенклатура: products and services, their three units, and prices per price type and date.

Prices are per *price unit* (1 kg); a deal or proposal sells whole *sales units* (a 5 kg pack =
``sales_factor`` price units); a *storage unit* (a pallet) holds ``storage_factor`` sales units.
The price of a product for a price type on a date is the one with the latest ``valid_from`` not
after that date (:func:`price_on`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import partial
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, ValidationError
from crm_desktop.models import MeasureUnit, PriceType, Product, ProductPrice
from crm_desktop.models.catalogue import PRODUCT_KINDS
from crm_desktop.services import validation as v
from crm_desktop.services.parties import FieldErrors, check_version, live, utc_now
from crm_desktop.services.search import prefix_of
from crm_desktop.services.uow import Actor, read_unit, write_unit

KOPECK = Decimal("0.01")
VAT_CODES = ("20", "10", "0", "none")
MAX_FACTOR = 1_000_000
PRICE_CHUNK = 500  # product ids per price query (bound parameters stay few)


@dataclass(frozen=True)
class ProductDraft:
    sku: str
    name: str
    price_unit_id: uuid.UUID
    sales_unit_id: uuid.UUID
    sales_factor: int = 1
    kind: str = "product"
    vat_rate: str = "20"
    storage_unit_id: uuid.UUID | None = None
    storage_factor: int | None = None
    description: str | None = None
    archived: bool = False


@dataclass(frozen=True)
class PriceRow:
    id: uuid.UUID
    price_type_id: uuid.UUID
    price_type: str
    valid_from: date
    price: Decimal


@dataclass(frozen=True)
class ProductDetails:
    id: uuid.UUID
    version: int
    draft: ProductDraft
    is_deleted: bool
    prices: tuple[PriceRow, ...] = ()


@dataclass(frozen=True)
class UnitRow:
    id: uuid.UUID
    code: str
    name: str  # «кг»
    full_name: str  # «Килограмм»


@dataclass(frozen=True)
class ProductPick:
    """A product as a specification line needs it: units, factor, VAT and a price."""

    id: uuid.UUID
    sku: str
    name: str
    kind: str
    sales_unit: str
    sales_factor: int
    price_unit: str
    vat_rate: str
    price: Decimal | None  # for the asked price type and date; None when none is set


def product_search_key(text: str) -> str:
    """Casefolded, «ё» → «е», every run of non-alphanumerics a single space."""
    return v.fold_key(text)


# --- writing ----------------------------------------------------------------------------------


def _values(session: Session, draft: ProductDraft) -> dict[str, object]:
    errors = FieldErrors()
    sku = errors.check(lambda: v.clean_text(draft.sku, field="sku", required=True, max_length=40))
    name = errors.check(lambda: v.clean_text(draft.name, field="name", required=True))
    description = errors.check(
        lambda: v.clean_text(
            draft.description, field="description", max_length=4000, multiline=True
        )
    )
    if draft.kind not in PRODUCT_KINDS:
        errors.add("kind", QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list."))
    if draft.vat_rate not in VAT_CODES:
        errors.add("vat_rate", QT_TRANSLATE_NOOP("UserErrors", "Choose a value from the list."))
    if not 1 <= draft.sales_factor <= MAX_FACTOR:
        errors.add(
            "sales_factor",
            QT_TRANSLATE_NOOP(
                "UserErrors", "A sales unit holds a whole number of price units, at least one."
            ),
        )
    if draft.storage_unit_id is None and draft.storage_factor is not None:
        errors.add(
            "storage_unit_id",
            QT_TRANSLATE_NOOP("UserErrors", "Choose the storage unit or clear its size."),
        )
    if draft.storage_unit_id is not None and not (
        draft.storage_factor is not None and 1 <= draft.storage_factor <= MAX_FACTOR
    ):
        errors.add(
            "storage_factor",
            QT_TRANSLATE_NOOP(
                "UserErrors", "A storage unit holds a whole number of sales units, at least one."
            ),
        )
    for field_name, unit_id in (
        ("price_unit_id", draft.price_unit_id),
        ("sales_unit_id", draft.sales_unit_id),
        ("storage_unit_id", draft.storage_unit_id),
    ):
        if unit_id is not None:
            errors.check(partial(live, session, MeasureUnit, unit_id, field_name))
    if (
        draft.price_unit_id is not None
        and draft.price_unit_id == draft.sales_unit_id
        and draft.sales_factor != 1
    ):
        errors.add(
            "sales_factor",
            QT_TRANSLATE_NOOP(
                "UserErrors", "When the sales unit is the price unit, it holds exactly one."
            ),
        )
    errors.raise_if_any()
    assert sku is not None
    assert name is not None
    return {
        "sku": sku,
        "name": name,
        "search_key": product_search_key(name)[:255],
        "kind": draft.kind,
        "vat_rate": draft.vat_rate,
        "price_unit_id": draft.price_unit_id,
        "sales_unit_id": draft.sales_unit_id,
        "sales_factor": draft.sales_factor,
        "storage_unit_id": draft.storage_unit_id,
        "storage_factor": draft.storage_factor,
        "description": description,
        "archived": draft.archived,
    }


def _sku_taken(session: Session, sku: str, product_id: uuid.UUID | None) -> None:
    other = session.scalar(select(Product.id).where(Product.sku == sku))
    if other is not None and other != product_id:
        raise ValidationError.single(
            "sku", QT_TRANSLATE_NOOP("UserErrors", "Another product already has this SKU.")
        )


def create_product(db: Database, actor: Actor | None, draft: ProductDraft) -> ProductDetails:
    with write_unit(db, actor) as session:
        values = _values(session, draft)
        _sku_taken(session, str(values["sku"]), None)
        product = Product(**values)
        session.add(product)
        session.flush()
        return _details(session, product)


def update_product(
    db: Database,
    actor: Actor | None,
    product_id: uuid.UUID,
    expected_version: int,
    draft: ProductDraft,
) -> ProductDetails:
    with write_unit(db, actor) as session:
        product = live(session, Product, product_id, "id")
        check_version(product, expected_version)
        values = _values(session, draft)
        _sku_taken(session, str(values["sku"]), product.id)
        for key, value in values.items():
            if getattr(product, key) != value:
                setattr(product, key, value)
        session.flush()
        return _details(session, product)


def delete_product(
    db: Database, actor: Actor | None, product_id: uuid.UUID, expected_version: int
) -> None:
    """Soft delete: lines of deals and proposals keep pointing at it."""
    with write_unit(db, actor) as session:
        product = live(session, Product, product_id, "id")
        check_version(product, expected_version)
        product.deleted_at = utc_now()


def restore_product(db: Database, actor: Actor | None, product_id: uuid.UUID) -> ProductDetails:
    with write_unit(db, actor) as session:
        product = session.get(Product, product_id)
        if product is None:
            raise ValidationError.single(
                "id",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "The record was not found; it may have been deleted."
                ),
            )
        product.deleted_at = None
        session.flush()
        return _details(session, product)


def _money(value: Decimal | str, field: str) -> Decimal:
    try:
        amount = Decimal(value).quantize(KOPECK, rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        amount = Decimal("NaN")
    if not amount.is_finite():  # «NaN» quantizes to itself and cannot be compared
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("UserErrors", "Enter a number.")
        ) from None
    if amount < 0:
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("UserErrors", "The price cannot be negative.")
        )
    if amount >= Decimal("1e16"):
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("UserErrors", "The number is too large.")
        )
    return amount


def set_price(
    db: Database,
    actor: Actor | None,
    product_id: uuid.UUID,
    price_type_id: uuid.UUID,
    valid_from: date,
    price: Decimal | str,
) -> PriceRow:
    """The product's price of this type from ``valid_from`` on (replaces one of the same day)."""
    amount = _money(price, "price")
    with write_unit(db, actor) as session:
        live(session, Product, product_id, "product_id")
        price_type = live(session, PriceType, price_type_id, "price_type_id")
        row = session.scalars(
            select(ProductPrice).where(
                ProductPrice.product_id == product_id,
                ProductPrice.price_type_id == price_type_id,
                ProductPrice.valid_from == valid_from,
            )
        ).one_or_none()
        if row is None:
            row = ProductPrice(
                product_id=product_id,
                price_type_id=price_type_id,
                valid_from=valid_from,
                price=amount,
            )
            session.add(row)
        else:  # the same day again (a removed one comes back)
            if row.price != amount:
                row.price = amount
            if row.deleted_at is not None:
                row.deleted_at = None
        session.flush()
        return PriceRow(row.id, price_type.id, price_type.name, row.valid_from, row.price)


def remove_price(db: Database, actor: Actor | None, price_id: uuid.UUID) -> None:
    with write_unit(db, actor) as session:
        live(session, ProductPrice, price_id, "id").deleted_at = utc_now()


# --- reading ----------------------------------------------------------------------------------


def _details(session: Session, product: Product) -> ProductDetails:
    prices = session.execute(
        select(
            ProductPrice.id,
            ProductPrice.price_type_id,
            PriceType.name,
            ProductPrice.valid_from,
            ProductPrice.price,
        )
        .join(PriceType, PriceType.id == ProductPrice.price_type_id)
        .where(ProductPrice.product_id == product.id, ProductPrice.deleted_at.is_(None))
        .order_by(PriceType.sort_order, PriceType.name, ProductPrice.valid_from.desc())
    ).all()
    return ProductDetails(
        product.id,
        product.version,
        ProductDraft(
            sku=product.sku,
            name=product.name,
            price_unit_id=product.price_unit_id,
            sales_unit_id=product.sales_unit_id,
            sales_factor=product.sales_factor,
            kind=product.kind,
            vat_rate=product.vat_rate,
            storage_unit_id=product.storage_unit_id,
            storage_factor=product.storage_factor,
            description=product.description,
            archived=product.archived,
        ),
        product.deleted_at is not None,
        tuple(PriceRow(*row) for row in prices),
    )


def get_product(db: Database, product_id: uuid.UUID) -> ProductDetails:
    with read_unit(db) as session:
        product = session.get(Product, product_id)
        if product is None:
            raise ValidationError.single(
                "id",
                QT_TRANSLATE_NOOP(
                    "UserErrors", "The record was not found; it may have been deleted."
                ),
            )
        return _details(session, product)


def price_on(
    session: Session, product_id: uuid.UUID, price_type_id: uuid.UUID, on: date
) -> Decimal | None:
    """The price valid on ``on``: the latest ``valid_from`` not after it (None if none is)."""
    return session.scalar(
        select(ProductPrice.price)
        .where(
            ProductPrice.product_id == product_id,
            ProductPrice.price_type_id == price_type_id,
            ProductPrice.valid_from <= on,
            ProductPrice.deleted_at.is_(None),
        )
        .order_by(ProductPrice.valid_from.desc())
        .limit(1)
    )


def prices_on(
    session: Session, product_ids: Iterable[uuid.UUID], price_type_id: uuid.UUID, on: date
) -> dict[uuid.UUID, Decimal]:
    """:func:`price_on` for many products in one query per :data:`PRICE_CHUNK` of them:
    product id → price (a product without a price valid on ``on`` is left out)."""
    ids = sorted(set(product_ids))
    found: dict[uuid.UUID, Decimal] = {}
    for start in range(0, len(ids), PRICE_CHUNK):
        ranked = (
            select(
                ProductPrice.product_id,
                ProductPrice.price,
                func.row_number()
                .over(
                    partition_by=ProductPrice.product_id,
                    order_by=ProductPrice.valid_from.desc(),
                )
                .label("rank"),
            )
            .where(
                ProductPrice.product_id.in_(ids[start : start + PRICE_CHUNK]),
                ProductPrice.price_type_id == price_type_id,
                ProductPrice.valid_from <= on,
                ProductPrice.deleted_at.is_(None),
            )
            .subquery()
        )
        rows = session.execute(
            select(ranked.c.product_id, ranked.c.price).where(ranked.c.rank == 1)
        )
        found.update({row.product_id: row.price for row in rows})
    return found


def price_for(
    db: Database, product_id: uuid.UUID, price_type_id: uuid.UUID, on: date
) -> Decimal | None:
    with read_unit(db) as session:
        return price_on(session, product_id, price_type_id, on)


def measure_units(db: Database) -> list[UnitRow]:
    with read_unit(db) as session:
        rows = session.execute(
            select(MeasureUnit.id, MeasureUnit.code, MeasureUnit.name, MeasureUnit.full_name)
            .where(MeasureUnit.deleted_at.is_(None))
            .order_by(MeasureUnit.sort_order, MeasureUnit.name)
        ).all()
    return [UnitRow(*row) for row in rows]


def product_condition(text: str) -> ColumnElement[bool] | None:
    """Products whose SKU (as typed or in capitals) or name begins with ``text``: index range
    seeks on ``sku`` and ``search_key``, never a scan; None for blank text."""
    typed = text.strip()
    if not typed:
        return None
    conditions = [prefix_of(Product.sku, sku) for sku in sorted({typed, typed.upper()})]
    key = product_search_key(typed)
    if key:
        conditions.append(prefix_of(Product.search_key, key))
    return or_(*conditions)


def find_products(
    db: Database,
    text: str,
    *,
    price_type_id: uuid.UUID | None = None,
    on: date | None = None,
    limit: int = 20,
) -> list[ProductPick]:
    """Products for a specification line: by the beginning of the SKU or of the name (both on
    indexes), live and not archived, with the price of ``price_type_id`` on ``on``."""
    condition = product_condition(text)
    if condition is None:
        return []
    with read_unit(db) as session:
        rows = session.execute(
            _pick_query()
            .where(condition, Product.deleted_at.is_(None), Product.archived.is_(False))
            .order_by(Product.search_key, Product.id)
            .limit(limit)
        ).all()
        return _priced(session, rows, price_type_id, on)


def _priced(
    session: Session, rows: Any, price_type_id: uuid.UUID | None, on: date | None
) -> list[ProductPick]:
    """The rows of :func:`_pick_query` as picks, priced in one query."""
    prices = (
        prices_on(session, [row[0] for row in rows], price_type_id, on or date.today())
        if price_type_id is not None
        else {}
    )
    return [_pick(row, prices.get(row[0])) for row in rows]


def _pick(row: Any, price: Decimal | None) -> ProductPick:
    return ProductPick(
        id=row[0],
        sku=row[1],
        name=row[2],
        kind=row[3],
        sales_unit=row[4],
        sales_factor=row[5],
        price_unit=row[6],
        vat_rate=row[7],
        price=price,
    )


def _pick_query() -> Select[uuid.UUID, str, str, str, str, int, str, str]:
    sales = aliased(MeasureUnit, name="sales_unit")
    price_unit = aliased(MeasureUnit, name="price_unit")
    return (
        select(
            Product.id,
            Product.sku,
            Product.name,
            Product.kind,
            sales.name,
            Product.sales_factor,
            price_unit.name,
            Product.vat_rate,
        )
        .join(sales, sales.id == Product.sales_unit_id)
        .join(price_unit, price_unit.id == Product.price_unit_id)
    )


def product_picks(
    session: Session,
    ids: list[uuid.UUID],
    *,
    price_type_id: uuid.UUID | None = None,
    on: date | None = None,
) -> list[ProductPick]:
    """These products (deleted or archived ones too: a line may already refer to them)."""
    if not ids:
        return []
    rows = session.execute(_pick_query().where(Product.id.in_(set(ids)))).all()
    return _priced(session, rows, price_type_id, on)


def product_pick(
    db: Database,
    product_id: uuid.UUID,
    *,
    price_type_id: uuid.UUID | None = None,
    on: date | None = None,
) -> ProductPick:
    with read_unit(db) as session:
        picks = product_picks(session, [product_id], price_type_id=price_type_id, on=on)
    if not picks:
        raise ValidationError.single(
            "product_id",
            QT_TRANSLATE_NOOP("UserErrors", "The record was not found; it may have been deleted."),
        )
    return picks[0]
