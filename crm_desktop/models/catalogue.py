"""Номенклатура: products and services, their units, and prices per price type and date."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Catalogue, Entity, Money, Str40, Str255, restrict_fk

PRODUCT_KINDS = ("product", "service")


class MeasureUnit(Catalogue):
    """Единица измерения; ``code`` is the OKEI code where there is one (796 шт, 166 кг…)."""

    __tablename__ = "measure_unit"

    full_name: Mapped[Str255] = mapped_column(default="", server_default="")


class Product(Entity):
    """A product or service of the catalogue.

    Three units: prices are per ``price_unit`` (1 kg of nails); quantities are sold in whole
    ``sales_unit`` (a 5 kg pack: ``sales_factor`` = 5 price units); a ``storage_unit`` (a pallet)
    holds ``storage_factor`` sales units.
    """

    __tablename__ = "product"
    __table_args__ = (
        CheckConstraint("kind IN ('product', 'service')", name="kind"),
        CheckConstraint("vat_rate IN ('20', '10', '0', 'none')", name="vat_rate"),
        CheckConstraint("sales_factor >= 1", name="sales_factor"),
        CheckConstraint(
            "(storage_unit_id IS NULL AND storage_factor IS NULL) OR "
            "(storage_unit_id IS NOT NULL AND storage_factor >= 1)",
            name="storage",
        ),
        Index(None, "search_key"),
    )

    sku: Mapped[Str40] = mapped_column(unique=True)
    name: Mapped[Str255]
    search_key: Mapped[Str255]
    kind: Mapped[str] = mapped_column(String(16), default="product")
    vat_rate: Mapped[str] = mapped_column(String(8), default="20")
    price_unit_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("measure_unit.id"))
    sales_unit_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("measure_unit.id"))
    sales_factor: Mapped[int] = mapped_column(default=1)
    storage_unit_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("measure_unit.id"))
    storage_factor: Mapped[int | None]
    description: Mapped[str | None]
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class ProductPrice(Entity):
    """The price of a product per price unit, for one price type, valid from a date.

    The price on a date is the row with the latest ``valid_from`` not after it.
    """

    __tablename__ = "product_price"
    __table_args__ = (
        CheckConstraint("price >= 0", name="price"),
        UniqueConstraint("product_id", "price_type_id", "valid_from"),
    )

    product_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("product.id"))
    price_type_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("price_type.id"))
    valid_from: Mapped[date]
    price: Mapped[Money]
