"""The products list (services.lists) on SQLite and PostgreSQL: rows, keyset pages and anchors
for every sort key in both directions, each filter, search by SKU and by the name's beginning
(through the indexes, never a scan)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select, text

from crm_desktop.models import Product
from crm_desktop.services import catalogue as c
from crm_desktop.services import lists


@dataclass
class Products:
    ids: dict[str, uuid.UUID]
    units: dict[str, uuid.UUID]


# key → (sku, name, kind, vat, price unit, sales unit, factor)
SPECS: dict[str, tuple[str, str, str, str, str, str, int]] = {
    "nails": ("ГВ-100", "Гвозди строительные 100 мм", "product", "20", "кг", "упак", 5),
    "nails70": ("ГВ-070", "Гвозди строительные 70 мм", "product", "20", "кг", "упак", 5),
    "cement": ("ЦМ-500", "Цемент М500", "product", "10", "кг", "т", 1000),
    "screws": ("СМ-4275", "Саморезы по дереву 4,2×75", "product", "0", "шт", "упак", 500),
    "delivery": ("УС-ДОСТ", "Доставка по городу", "service", "none", "ч", "ч", 1),
    "old": ("ГВ-025", "Гвозди толевые 25 мм", "product", "20", "кг", "кг", 1),
    "gone": ("Х_1%", "Удалённый товар", "product", "20", "шт", "шт", 1),
}


@pytest.fixture
def products(db, actor) -> Products:
    """Seven products: goods and a service, four VAT rates, three sales units; one archived
    (``old``), one deleted (``gone``)."""
    units = {u.name: u.id for u in c.measure_units(db)}
    ids: dict[str, uuid.UUID] = {}
    for key, (sku, name, kind, vat, price_unit, sales_unit, factor) in SPECS.items():
        made = c.create_product(
            db,
            actor,
            c.ProductDraft(
                sku=sku,
                name=name,
                kind=kind,
                vat_rate=vat,
                price_unit_id=units[price_unit],
                sales_unit_id=units[sales_unit],
                sales_factor=factor,
                archived=key == "old",
            ),
        )
        ids[key] = made.id
    gone = c.get_product(db, ids["gone"])
    c.delete_product(db, actor, gone.id, gone.version)
    return Products(ids, units)


def keys_of(rows: list[tuple[Any, lists.ProductRow]], products: Products) -> list[str]:
    by_id = {v: k for k, v in products.ids.items()}
    return [by_id[row.id] for _, row in rows]


def page(db, flt: lists.ProductFilter, sort: str = "sku", descending: bool = False) -> list[Any]:
    return lists.product_page(db, flt, lists.PageRequest(sort=sort, descending=descending))


def every_row(db, flt, sort: str, descending: bool, size: int) -> list[tuple[Any, Any]]:
    rows: list[tuple[Any, Any]] = []
    after = None
    while True:
        request = lists.PageRequest(sort=sort, descending=descending, after=after, limit=size)
        found = lists.product_page(db, flt, request)
        rows.extend(found)
        if len(found) < size:
            return rows
        after = found[-1][0]


def test_product_rows_carry_what_the_list_shows(db, products):
    rows = {row.id: row for _, row in page(db, lists.ProductFilter(include_archived=True))}
    nails = rows[products.ids["nails"]]
    assert nails == lists.ProductRow(
        id=products.ids["nails"],
        sku="ГВ-100",
        name="Гвозди строительные 100 мм",
        kind="product",
        sales_unit="упак",
        sales_factor=5,
        price_unit="кг",
        vat_rate="20",
        archived=False,
        is_deleted=False,
    )
    assert rows[products.ids["old"]].archived
    assert (rows[products.ids["delivery"]].kind, rows[products.ids["delivery"]].vat_rate) == (
        "service",
        "none",
    )
    assert products.ids["gone"] not in rows


def test_every_sort_key_pages_anchors_and_skips_consistently(db, products):
    flt = lists.ProductFilter(include_archived=True, include_deleted=True)
    total = lists.product_count(db, flt)
    assert total == 7
    for sort in lists.PRODUCT_SORT_KEYS:
        for descending in (False, True):
            request = lists.PageRequest(sort=sort, descending=descending, limit=1000)
            whole = lists.product_page(db, flt, request)
            assert len({row.id for _, row in whole}) == total
            assert every_row(db, flt, sort, descending, 2) == whole, (sort, descending)
            assert every_row(db, flt, sort, descending, 3) == whole, (sort, descending)
            anchors = lists.product_anchors(db, flt, sort, descending, every=2)
            assert anchors == [whole[i][0] for i in range(1, total, 2)]
            request = lists.PageRequest(sort=sort, descending=descending, after=anchors[0], skip=1)
            assert lists.product_page(db, flt, request) == whole[3:]
            assert all(key[0] is not None for key, _ in whole)


def _by_id(products: Products, *keys: str) -> list[str]:
    return sorted(keys, key=lambda k: products.ids[k])


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        # Cyrillic SKUs in code point order: Г < С < У < Ц
        ("sku", ["nails70", "nails", "screws", "delivery", "cement"]),
        ("name", ["nails", "nails70", "delivery", "screws", "cement"]),  # «100» < «70»: text
        ("kind", None),
        ("sales_unit", None),
        ("vat_rate", ["delivery", "screws", "cement", "nails70", "nails"]),  # none, 0, 10, 20
    ],
)
def test_each_sort_key_orders_by_its_column(db, products, sort, expected):
    if sort == "kind":  # goods (by id) before services
        expected = [*_by_id(products, "nails", "nails70", "cement", "screws"), "delivery"]
    elif sort == "sales_unit":  # т < упак (two, by id) < ч
        expected = ["cement", *_by_id(products, "nails", "nails70", "screws"), "delivery"]
    elif sort == "vat_rate":
        expected = ["delivery", "screws", "cement", *_by_id(products, "nails", "nails70")]
    assert keys_of(page(db, lists.ProductFilter(), sort), products) == expected
    backwards = page(db, lists.ProductFilter(), sort, descending=True)
    assert keys_of(backwards, products) == expected[::-1]


def ids_of(db, flt: lists.ProductFilter) -> set[uuid.UUID]:
    return {row.id for _, row in page(db, flt)}


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (lists.ProductFilter(), {"nails", "nails70", "cement", "screws", "delivery"}),
        (
            lists.ProductFilter(include_archived=True),
            {"nails", "nails70", "cement", "screws", "delivery", "old"},
        ),
        (
            lists.ProductFilter(include_deleted=True),
            {"nails", "nails70", "cement", "screws", "delivery", "gone"},
        ),
        (lists.ProductFilter(kind="service"), {"delivery"}),
        (lists.ProductFilter(kind="product"), {"nails", "nails70", "cement", "screws"}),
        (
            lists.ProductFilter(kind="product", include_archived=True),
            {"nails", "nails70", "cement", "screws", "old"},
        ),
    ],
    ids=["default", "archived", "deleted", "services", "goods", "goods-and-archived"],
)
def test_product_filters(db, products, flt, expected):
    assert ids_of(db, flt) == {products.ids[k] for k in expected}
    assert lists.product_count(db, flt) == len(expected)


def test_deleted_rows_say_so_and_bad_input_is_refused(db, products):
    rows = page(db, lists.ProductFilter(include_deleted=True))
    assert [row.id for _, row in rows if row.is_deleted] == [products.ids["gone"]]
    with pytest.raises(ValueError, match="unknown product kind"):
        page(db, lists.ProductFilter(kind="rent"))
    with pytest.raises(ValueError, match="unknown sort key"):
        page(db, lists.ProductFilter(), "sku; DROP TABLE product")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ГВ-100", {"nails"}),  # the exact SKU
        ("  гв-100 ", {"nails"}),  # typed in lower case
        ("ГВ-", {"nails", "nails70"}),  # the SKU's beginning (the archived one is filtered)
        ("гв", {"nails", "nails70"}),
        ("УС", {"delivery"}),
        ("гвозди", {"nails", "nails70"}),  # the name's beginning
        ("ГВОЗДИ СТРОИТЕЛЬНЫЕ 7", {"nails70"}),
        ("Саморезы по дереву 4,2", {"screws"}),  # punctuation as the search key folds it
        ("доставка", {"delivery"}),
        ("строительные", set()),  # not a substring search
        ("100", set()),
        ("Х_", set()),  # deleted: the filter still applies; «_» is no wildcard
        ("%", set()),
    ],
)
def test_product_search_by_sku_and_name_start(db, products, typed, expected):
    flt = lists.ProductFilter(search=typed)
    hits = lists.product_search(db, flt)
    assert hits is not None and not hits.capped
    assert set(hits.ids) == {products.ids[k] for k in expected}
    assert ids_of(db, flt) == set(hits.ids)
    assert lists.product_count(db, flt) == len(expected)
    assert lists.product_count(db, flt, hits=hits) == len(expected)


def test_search_wildcards_are_literal_and_filters_narrow_it(db, products):
    flt = lists.ProductFilter(search="Х_1%", include_deleted=True)
    assert ids_of(db, flt) == {products.ids["gone"]}
    assert ids_of(db, lists.ProductFilter(search="Х%", include_deleted=True)) == set()
    assert ids_of(db, lists.ProductFilter(search="гв", include_archived=True)) == {
        products.ids[k] for k in ("nails", "nails70", "old")
    }
    assert ids_of(db, lists.ProductFilter(search="гв", kind="service")) == set()
    assert lists.product_search(db, lists.ProductFilter(search="  ")) is None


def test_product_search_is_capped_and_says_so(db, products):
    flt = lists.ProductFilter(search="гв")
    capped = lists.product_search(db, flt, cap=1)
    assert capped is not None and capped.capped and len(capped.ids) == 1
    rows = lists.product_page(db, flt, lists.PageRequest(sort="name"), hits=capped)
    assert [row.id for _, row in rows] == list(capped.ids)
    assert lists.product_anchors(db, flt, "name", every=1, hits=capped) == [k for k, _ in rows]
    assert lists.product_count(db, flt, hits=capped) == 1


def test_search_seeks_the_indexes_instead_of_scanning(db, products):
    """The search's query is answered from product.sku's and product.search_key's indexes."""
    condition = lists._product_match(None, Product, "гв")  # type: ignore[arg-type]
    query = select(Product.id).where(condition)
    with db.connect() as conn:
        if db.dialect == "sqlite":
            sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
            plan = " ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            assert "SCAN product" not in plan, plan
            assert "INDEX" in plan, plan
        else:
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            compiled = query.compile(conn)
            rows = conn.exec_driver_sql(f"EXPLAIN {compiled.string}", compiled.params).all()
            plan = " ".join(row[0] for row in rows)
            assert "Seq Scan" not in plan, plan
            assert "Index" in plan, plan
