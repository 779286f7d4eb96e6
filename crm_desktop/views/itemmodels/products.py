"""The catalogue list (Номенклатура): its columns, the paged model over ``services.lists``, and
how products' codes and units read («упак (5 кг)», «20 %», «Без НДС»).

The texts are English, marked for translation (contexts ``ProductColumns`` and
``ProductValues``) and translated when shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP
from crm_desktop.services.lists import (
    ProductFilter,
    ProductRow,
    product_anchors,
    product_count,
    product_page,
    product_search,
)
from crm_desktop.views.itemmodels.listsource import service_source
from crm_desktop.views.itemmodels.paged import Column, PagedTableModel, PageSource

TR_CONTEXT = "ProductColumns"
VALUES_CONTEXT = "ProductValues"

KIND_LABELS: dict[str, str] = {
    "product": QT_TRANSLATE_NOOP("ProductValues", "Product"),
    "service": QT_TRANSLATE_NOOP("ProductValues", "Service"),
}

# the rates are numbers in every language; «none» has words
VAT_CODES: tuple[str, ...] = ("20", "10", "0", "none")
_VAT_NUMBERS: dict[str, str] = {"20": "20\u00a0%", "10": "10\u00a0%", "0": "0\u00a0%"}
_WITHOUT_VAT = QT_TRANSLATE_NOOP("ProductValues", "Without VAT")


def kind_label(code: str) -> str:
    text = KIND_LABELS.get(code)
    return QCoreApplication.translate(VALUES_CONTEXT, text) if text else code


def vat_label(code: str) -> str:
    """«20 %», «10 %», «0 %», «Без НДС»."""
    if code == "none":
        return QCoreApplication.translate(VALUES_CONTEXT, _WITHOUT_VAT)
    return _VAT_NUMBERS.get(code, code)


def count_text(value: int) -> str:
    """A whole number with the locale's digit groups: «1 000»."""
    return QLocale().toString(value)


def sales_unit_text(sales_unit: str, factor: int, price_unit: str) -> str:
    """The sales unit with what it holds: «упак (5 кг)»; just «кг» when it is the price unit."""
    if factor == 1 and sales_unit == price_unit:
        return sales_unit
    return f"{sales_unit} ({count_text(factor)} {price_unit})"


# the header texts are written out literally: lupdate reads literals only
PRODUCT_COLUMNS: tuple[Column[ProductRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("ProductColumns", "SKU"),
        lambda r: r.sku,
        sort_key="sku",
        width_chars=12,
    ),
    Column(
        QT_TRANSLATE_NOOP("ProductColumns", "Name"),
        lambda r: r.name,
        sort_key="name",
        width_chars=44,
    ),
    Column(
        QT_TRANSLATE_NOOP("ProductColumns", "Kind"),
        lambda r: kind_label(r.kind),
        sort_key="kind",
        width_chars=9,
    ),
    Column(
        QT_TRANSLATE_NOOP("ProductColumns", "Sales unit"),
        lambda r: sales_unit_text(r.sales_unit, r.sales_factor, r.price_unit),
        sort_key="sales_unit",
        width_chars=16,
    ),
    Column(
        QT_TRANSLATE_NOOP("ProductColumns", "VAT"),
        lambda r: vat_label(r.vat_rate),
        sort_key="vat_rate",
        width_chars=9,
    ),
)

DEFAULT_SORT = "name"

ProductsModel = PagedTableModel[ProductRow]


def product_state(row: ProductRow) -> str | None:
    if row.is_deleted:
        return "deleted"
    return "archived" if row.archived else None


def product_source(db: Database, flt: ProductFilter | None = None) -> PageSource[ProductRow]:
    """The products that match ``flt`` (live, not archived ones by default)."""
    return service_source(
        db,
        flt or ProductFilter(),
        page=product_page,
        count=product_count,
        anchors=product_anchors,
        search=product_search,
    )


def products_model(
    db: Database,
    flt: ProductFilter | None = None,
    *,
    parent: QObject | None = None,
    background: bool = True,
    **options: Any,
) -> ProductsModel:
    """A paged model of the products that match ``flt``; ``refresh()`` reads it."""
    return PagedTableModel(
        PRODUCT_COLUMNS,
        product_source(db, flt),
        tr_context=TR_CONTEXT,
        default_sort=DEFAULT_SORT,
        row_state=product_state,
        background=background,
        parent=parent,
        **options,
    )
