"""The deals list (services.lists) on SQLite and PostgreSQL: rows, keyset pages and anchors for
every sort key in both directions, each filter, search by number and title prefix."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import update

from crm_desktop.models import Deal
from crm_desktop.services import deals as d
from crm_desktop.services import lists
from crm_desktop.services import parties as p
from crm_desktop.services.uow import write_unit
from crm_desktop.services.users import ensure_user


@dataclass
class Deals:
    ids: dict[str, uuid.UUID]
    numbers: dict[str, str]
    clients: dict[str, uuid.UUID]
    stages: dict[str, uuid.UUID]
    ivanov: uuid.UUID
    petrov: uuid.UUID


@pytest.fixture
def deals(db, actor) -> Deals:
    """Five deals of two clients at different stages, statuses, owners and dates; one deleted."""
    petrov = ensure_user(db, "petrov", "Петров Пётр Петрович")
    stages = {s.code: s.id for s in p.catalogue(db, "deal_stage")}
    clients = {
        "romashka": p.create_client(db, actor, p.ClientDraft(name="ООО «Ромашка»")).id,
        "vasilek": p.create_client(db, actor, p.ClientDraft(name="АО «Василёк»")).id,
    }
    specs: dict[str, tuple[str, str, dict[str, Any]]] = {
        "nails": (
            "Поставка гвоздей",
            "romashka",
            {
                "stage_id": stages["primary_contact"],
                "amount": Decimal("1000.00"),
                "opened_on": date(2026, 1, 10),
                "expected_on": date(2026, 3, 1),
            },
        ),
        "rent": (
            "Аренда склада",
            "vasilek",
            {
                "stage_id": stages["needs"],
                "amount": Decimal("500.50"),
                "owner_id": petrov.user_id,
                "opened_on": date(2026, 2, 1),
                "expected_on": None,
            },
        ),
        "mount": (
            "Монтаж",
            "romashka",
            {
                "stage_id": None,
                "kind": "non_process",
                "status": "won",
                "amount": Decimal("0.00"),
                "owner_id": None,
                "opened_on": date(2026, 2, 15),
                "expected_on": date(2026, 2, 20),
            },
        ),
        "bricks": (
            "Поставка кирпича",
            "vasilek",
            {
                "stage_id": stages["conditions"],
                "status": "lost",
                "amount": Decimal("2000.00"),
                "owner_id": petrov.user_id,
                "opened_on": date(2026, 3, 5),
                "expected_on": date(2026, 4, 1),
            },
        ),
        "gone": (
            "Удалённая сделка",
            "romashka",
            {"opened_on": date(2026, 1, 1), "deleted_at": p.utc_now()},
        ),
    }
    ids: dict[str, uuid.UUID] = {}
    numbers: dict[str, str] = {}
    for key, (title, client, values) in specs.items():
        made = d.create_deal(db, actor, d.DealDraft(title=title, client_id=clients[client]))
        ids[key], numbers[key] = made.id, made.number
        with write_unit(db, actor) as session:  # the list's view of states set up directly
            session.execute(update(Deal).where(Deal.id == made.id).values(**values))
    return Deals(ids, numbers, clients, stages, actor.user_id, petrov.user_id)


def keys_of(rows: list[tuple[Any, lists.DealRow]], deals: Deals) -> list[str]:
    by_id = {v: k for k, v in deals.ids.items()}
    return [by_id[row.id] for _, row in rows]


def page(db, flt: lists.DealFilter, sort: str = "number", descending: bool = False) -> list[Any]:
    return lists.deal_page(db, flt, lists.PageRequest(sort=sort, descending=descending))


def every_row(db, flt, sort: str, descending: bool, size: int) -> list[tuple[Any, Any]]:
    rows: list[tuple[Any, Any]] = []
    after = None
    while True:
        request = lists.PageRequest(sort=sort, descending=descending, after=after, limit=size)
        found = lists.deal_page(db, flt, request)
        rows.extend(found)
        if len(found) < size:
            return rows
        after = found[-1][0]


def test_deal_rows_carry_what_the_list_shows(db, deals):
    rows = {row.id: row for _, row in page(db, lists.DealFilter())}
    nails = rows[deals.ids["nails"]]
    assert nails.number == deals.numbers["nails"]
    assert (nails.title, nails.client) == ("Поставка гвоздей", "ООО «Ромашка»")
    assert (nails.stage, nails.status, nails.amount) == (
        "Первичный контакт",
        "open",
        Decimal("1000.00"),
    )
    assert nails.owner == "Иванов Иван Иванович"
    assert (nails.opened_on, nails.expected_on) == (date(2026, 1, 10), date(2026, 3, 1))
    assert not nails.is_deleted
    mount = rows[deals.ids["mount"]]
    assert (mount.stage, mount.status, mount.owner, mount.amount) == (
        None,
        "won",
        None,
        Decimal(0),
    )
    assert rows[deals.ids["rent"]].expected_on is None
    assert deals.ids["gone"] not in rows


def test_every_sort_key_pages_anchors_and_skips_consistently(db, deals):
    flt = lists.DealFilter(include_deleted=True)
    total = lists.deal_count(db, flt)
    assert total == 5
    for sort in lists.DEAL_SORT_KEYS:
        for descending in (False, True):
            request = lists.PageRequest(sort=sort, descending=descending, limit=1000)
            whole = lists.deal_page(db, flt, request)
            assert len({row.id for _, row in whole}) == total
            assert every_row(db, flt, sort, descending, 2) == whole, (sort, descending)
            anchors = lists.deal_anchors(db, flt, sort, descending, every=2)
            assert anchors == [whole[i][0] for i in range(1, total, 2)]
            request = lists.PageRequest(sort=sort, descending=descending, after=anchors[0], skip=1)
            assert lists.deal_page(db, flt, request) == whole[3:]
            assert all(key[0] is not None for key, _ in whole)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("number", ["nails", "rent", "mount", "bricks"]),
        ("title", ["rent", "mount", "nails", "bricks"]),
        ("stage", ["mount", "nails", "rent", "bricks"]),  # no stage first, then the process
        ("status", None),  # lost < open (two of them, by id) < won
        ("amount", ["mount", "rent", "nails", "bricks"]),
        ("opened_on", ["nails", "rent", "mount", "bricks"]),
        ("expected_on", ["rent", "mount", "nails", "bricks"]),  # no date first
    ],
)
def test_each_sort_key_orders_by_its_column(db, deals, sort, expected):
    if expected is None:
        open_ones = sorted(["nails", "rent"], key=lambda k: deals.ids[k])
        expected = ["bricks", *open_ones, "mount"]
    assert keys_of(page(db, lists.DealFilter(), sort), deals) == expected
    assert keys_of(page(db, lists.DealFilter(), sort, descending=True), deals) == expected[::-1]


def test_client_and_owner_orders(db, deals):
    def two_by_id(*keys: str) -> list[str]:
        return sorted(keys, key=lambda k: deals.ids[k])

    # АО «Василёк» sorts by its name without the legal form: «василек» < «ромашка»
    assert keys_of(page(db, lists.DealFilter(), "client"), deals) == [
        *two_by_id("rent", "bricks"),
        *two_by_id("nails", "mount"),
    ]
    # no owner first, then Иванов, then Петров
    assert keys_of(page(db, lists.DealFilter(), "owner"), deals) == [
        "mount",
        "nails",
        *two_by_id("rent", "bricks"),
    ]


def ids_of(db, flt: lists.DealFilter) -> set[uuid.UUID]:
    return {row.id for _, row in page(db, flt)}


@pytest.mark.parametrize(
    ("make_filter", "expected"),
    [
        (lambda x: lists.DealFilter(), {"nails", "rent", "mount", "bricks"}),
        (
            lambda x: lists.DealFilter(include_deleted=True),
            {"nails", "rent", "mount", "bricks", "gone"},
        ),
        (lambda x: lists.DealFilter(client_id=x.clients["romashka"]), {"nails", "mount"}),
        (lambda x: lists.DealFilter(client_id=x.clients["vasilek"]), {"rent", "bricks"}),
        (lambda x: lists.DealFilter(stage_id=x.stages["needs"]), {"rent"}),
        (lambda x: lists.DealFilter(stage_id=x.stages["contract"]), set()),
        (lambda x: lists.DealFilter(status="open"), {"nails", "rent"}),
        (lambda x: lists.DealFilter(status="won"), {"mount"}),
        (lambda x: lists.DealFilter(status="lost"), {"bricks"}),
        (lambda x: lists.DealFilter(owner_id=x.petrov), {"rent", "bricks"}),
        (lambda x: lists.DealFilter(owner_id=x.ivanov), {"nails"}),
        (lambda x: lists.DealFilter(opened_from=date(2026, 2, 1)), {"rent", "mount", "bricks"}),
        (lambda x: lists.DealFilter(opened_to=date(2026, 2, 1)), {"nails", "rent"}),
        (
            lambda x: lists.DealFilter(opened_from=date(2026, 2, 2), opened_to=date(2026, 3, 5)),
            {"mount", "bricks"},
        ),
        (
            lambda x: lists.DealFilter(client_id=x.clients["vasilek"], status="open"),
            {"rent"},
        ),
    ],
    ids=[
        "default",
        "deleted",
        "client-romashka",
        "client-vasilek",
        "stage",
        "stage-empty",
        "open",
        "won",
        "lost",
        "owner-petrov",
        "owner-ivanov",
        "opened-from",
        "opened-to",
        "opened-between",
        "client-and-status",
    ],
)
def test_deal_filters(db, deals, make_filter, expected):
    flt = make_filter(deals)
    assert ids_of(db, flt) == {deals.ids[k] for k in expected}
    assert lists.deal_count(db, flt) == len(expected)


def test_deleted_rows_say_so_and_bad_input_is_refused(db, deals):
    rows = page(db, lists.DealFilter(include_deleted=True))
    assert [row.id for _, row in rows if row.is_deleted] == [deals.ids["gone"]]
    with pytest.raises(ValueError, match="unknown deal status"):
        page(db, lists.DealFilter(status="pending"))
    with pytest.raises(ValueError, match="unknown sort key"):
        page(db, lists.DealFilter(), "title; DROP TABLE deal")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("поставка", {"nails", "bricks"}),  # the beginning of the title
        ("ПОСТАВКА КИР", {"bricks"}),
        ("по", {"nails", "bricks"}),
        ("аренда", {"rent"}),
        ("гвоздей", set()),  # not a substring search
        ("удалённая", set()),  # deleted: the filter still applies
    ],
)
def test_deal_search_by_title_prefix(db, deals, text, expected):
    flt = lists.DealFilter(search=text)
    hits = lists.deal_search(db, flt)
    assert hits is not None and not hits.capped
    assert set(hits.ids) == {deals.ids[k] for k in expected}
    assert ids_of(db, flt) == set(hits.ids)
    assert lists.deal_count(db, flt) == len(expected)
    assert lists.deal_count(db, flt, hits=hits) == len(expected)


def test_deal_search_by_number(db, deals):
    number = deals.numbers["rent"]
    for typed in (number, f"  {number} ", number.lower()):
        assert ids_of(db, lists.DealFilter(search=typed)) == {deals.ids["rent"]}
    # a filter narrows the search; a blank search is no search
    assert ids_of(db, lists.DealFilter(search=number, status="lost")) == set()
    assert lists.deal_search(db, lists.DealFilter(search="  ")) is None


def test_deal_search_is_capped_and_says_so(db, deals):
    flt = lists.DealFilter(search="поставка")
    capped = lists.deal_search(db, flt, cap=1)
    assert capped is not None and capped.capped and len(capped.ids) == 1
    rows = lists.deal_page(db, flt, lists.PageRequest(sort="title"), hits=capped)
    assert [row.id for _, row in rows] == list(capped.ids)
    assert lists.deal_anchors(db, flt, "title", every=1, hits=capped) == [k for k, _ in rows]
    assert lists.deal_count(db, flt, hits=capped) == 1
