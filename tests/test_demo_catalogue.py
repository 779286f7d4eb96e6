"""The demo's own company and catalogue, and deals whose specifications are catalogue products."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop.db import Database, open_database, sqlite_url
from crm_desktop.models import AuditEntry, Deal, DealLine, OwnCompany, Product
from crm_desktop.services import catalogue as c
from crm_desktop.services import companies, demo, demo_deals, lists
from crm_desktop.services import parties as p
from crm_desktop.services import validation as v
from crm_desktop.services.deals import line_amount
from crm_desktop.services.uow import read_unit
from crm_desktop.services.users import ensure_user


@pytest.fixture
def fresh_sqlite(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "second.sqlite3"
    source, target = sqlite3.connect(sqlite_template), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    database = open_database(sqlite_url(path))
    yield database
    database.dispose()


def test_the_demo_catalogue_data_is_consistent():
    skus = [item.sku for item in demo_deals.CATALOGUE]
    assert len(skus) == len(set(skus)) >= 40
    kinds = Counter(item.kind for item in demo_deals.CATALOGUE)
    assert kinds["product"] >= 30 and kinds["service"] >= 4
    for item in demo_deals.CATALOGUE:
        assert item.sales_factor >= 1
        assert (item.storage_unit is None) == (item.storage_factor is None)
        if item.sales_unit == item.price_unit:
            assert item.sales_factor == 1, item.sku
        assert Decimal(item.retail) > 0


def test_demo_makes_our_company_and_the_catalogue(db, actor):
    summary = demo.generate(db, actor, clients=40, seed=11, deals=30)
    assert summary.company
    assert summary.products == len(demo_deals.CATALOGUE)
    [company] = companies.list_companies(db)
    draft = company.draft
    assert draft.is_default
    assert (draft.inn, draft.kpp, draft.ogrn) == ("7707083893", "773601001", "1027700132195")
    assert draft.bik == "044525225" and draft.corr_account == "30101810400000000225"
    assert draft.account is not None
    assert v.normalize_account(draft.account, bik=draft.bik) == draft.account

    rows = lists.product_page(
        db, lists.ProductFilter(include_archived=True), lists.PageRequest(limit=1000)
    )
    assert len(rows) == len(demo_deals.CATALOGUE)
    nails = next(row for _, row in rows if row.sku == "ГВ-100")
    assert (nails.price_unit, nails.sales_unit, nails.sales_factor) == ("кг", "упак", 5)
    cement = next(row for _, row in rows if row.sku == "ЦМ-500-50")
    assert (cement.price_unit, cement.sales_unit, cement.sales_factor) == ("кг", "меш", 50)
    assert any(row.archived for _, row in rows)
    assert {row.kind for _, row in rows} == {"product", "service"}

    types = {t.code: t.id for t in p.catalogue(db, "price_type")}
    today = date.today()
    details = c.get_product(db, nails.id)
    assert details.draft.storage_factor == 100
    prices = Counter(row.price_type_id for row in details.prices)
    assert prices == {types["retail"]: 2, types["wholesale"]: 2, types["dealer"]: 2}
    retail_now = c.price_for(db, nails.id, types["retail"], today)
    retail_then = c.price_for(db, nails.id, types["retail"], today - timedelta(days=200))
    wholesale_now = c.price_for(db, nails.id, types["wholesale"], today)
    dealer_now = c.price_for(db, nails.id, types["dealer"], today)
    assert retail_now == Decimal("145.00")
    assert retail_then is not None and retail_then < retail_now
    assert wholesale_now is not None and dealer_now is not None
    assert dealer_now < wholesale_now < retail_now
    # written as the actor, with their audit trail
    with read_unit(db) as session:
        product = session.get(Product, nails.id)
        assert product is not None and product.created_by_id == actor.user_id
        assert session.scalars(
            select(AuditEntry.user_id).where(AuditEntry.entity_id == nails.id)
        ).all() == [actor.user_id]


def test_demo_deal_lines_are_catalogue_products_in_whole_sales_units(db, actor):
    summary = demo.generate(db, actor, clients=60, seed=3, deals=60)
    assert summary.deals == 60
    wholesale = p.catalogue_item_id(db, "price_type", "wholesale")
    with read_unit(db) as session:
        lines = session.scalars(select(DealLine).where(DealLine.deleted_at.is_(None))).all()
        deals = {d.id: d for d in session.scalars(select(Deal))}
    assert lines
    totals: Counter[object] = Counter()
    for line in lines:
        assert line.product_id is not None
        details = c.get_product(db, line.product_id)
        pick = c.product_pick(db, line.product_id)
        assert line.description == details.draft.name
        assert (line.unit, line.factor, line.price_unit) == (
            pick.sales_unit,
            pick.sales_factor,
            pick.price_unit,
        )
        assert line.vat_rate == details.draft.vat_rate
        assert line.quantity == line.quantity.to_integral_value() and line.quantity > 0
        listed = {r.price for r in details.prices if r.price_type_id == wholesale}
        assert line.price in listed
        amount = line_amount(line.quantity, line.price, line.discount_pct, line.factor)
        assert line.amount == amount
        totals[line.deal_id] += line.amount
    for deal_id, total in totals.items():
        assert deals[deal_id].amount == total
    # the deal is titled after its first line's product
    first = {line.deal_id: line for line in lines if line.line_no == 1}
    for deal_id, line in first.items():
        assert deals[deal_id].title.lower().endswith(line.description.lower())


def test_running_the_demo_again_adds_no_second_company_or_catalogue(db, actor):
    demo.generate(db, actor, clients=10, seed=1, deals=5)
    again = demo.generate(db, actor, clients=10, seed=2, deals=5)
    assert not again.company and again.products == 0
    assert len(companies.list_companies(db)) == 1
    with read_unit(db) as session:
        skus = session.scalars(select(Product.sku)).all()
    assert len(skus) == len(set(skus)) == len(demo_deals.CATALOGUE)


def test_a_manager_running_the_demo_gets_the_company_from_the_demo_supervisor(db, actor):
    manager = ensure_user(db, "petrov", "Петров Пётр Петрович")  # not the first user: a manager
    assert not manager.is_supervisor
    summary = demo.generate(db, manager, clients=5, seed=1, deals=0)
    assert summary.company
    with read_unit(db) as session:
        company = session.scalars(select(OwnCompany)).one()
        assert company.created_by_id != manager.user_id
    assert companies.list_companies(db)[0].draft.is_default


def test_no_clients_no_catalogue(db):
    assert demo.generate(db, None, clients=0).products == 0
    assert companies.list_companies(db) == []


def test_same_seed_same_specifications(db, fresh_sqlite):
    def specification(database: Database) -> list[tuple[str, Decimal, Decimal]]:
        with read_unit(database) as session:
            rows = session.execute(
                select(Deal.number, DealLine.line_no, DealLine.description, DealLine.quantity)
                .join(Deal, Deal.id == DealLine.deal_id)
                .order_by(Deal.number, DealLine.line_no)
            ).all()
        return [tuple(row) for row in rows]

    demo.generate(db, None, clients=30, seed=9, deals=20)
    demo.generate(fresh_sqlite, None, clients=30, seed=9, deals=20)
    assert specification(db) == specification(fresh_sqlite)
    assert specification(db)
