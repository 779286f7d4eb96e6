"""The read side of the lists (services.lists) on SQLite and PostgreSQL: filters, every sort key in
both directions, keyset pages, anchors with a skip, bounded search through the index."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from crm_desktop.services import lists
from crm_desktop.services import parties as p
from crm_desktop.services.users import ensure_user


@dataclass
class Office:
    clients: dict[str, uuid.UUID]
    counterparties: dict[str, uuid.UUID]
    contacts: dict[str, uuid.UUID]
    petrov: uuid.UUID
    circles: dict[str, uuid.UUID]


def phone(value: str, primary: bool = True) -> p.ChannelDraft:
    return p.ChannelDraft(kind="phone", value=value, is_primary=primary)


def email(value: str) -> p.ChannelDraft:
    return p.ChannelDraft(kind="email", value=value, is_primary=True)


@pytest.fixture
def office(db, actor) -> Office:
    """A small office: clients in circles with owners and roles, archived and deleted ones,
    their counterparties and contact persons."""
    petrov = ensure_user(db, "petrov", "Петров Пётр Петрович")
    circles = {c.code: c.id for c in p.catalogue(db, "client_circle")}
    forms = {f.code: f.id for f in p.catalogue(db, "legal_form")}

    def client(name: str, **values: Any) -> uuid.UUID:
        return p.create_client(db, actor, p.ClientDraft(name=name, **values)).id

    clients = {
        "romashka": client(
            "ООО «Ромашка»",
            circle_id=circles["contacted"],
            industry="Торговля",
            channels=(phone("8 (495) 123-45-67"), email("info@romashka.ru")),
        ),
        "vasilek": client(
            "АО «Василёк»",
            roles=frozenset({"supplier"}),
            owner_id=petrov.user_id,
            channels=(email("zakaz@vasilek.ru"),),
        ),
        "gvozdika": client(
            "Гвоздика",
            circle_id=circles["potential"],
            industry="Строительство",
            channels=(phone("+7 812 555-00-11", primary=False), phone("+7 812 555-00-22")),
        ),
        "astra": client("Астра", roles=frozenset({"client", "dealer"}), industry="Торговля"),
        "archived": client("ИП Архипов", is_archived=True, industry="Логистика"),
        "deleted": client("ООО «Удалённая»"),
    }
    gone = p.get_client(db, clients["deleted"])
    p.delete_client(db, actor, gone.id, gone.version)

    def counterparty(key: str, form: str, name: str, **values: Any) -> uuid.UUID:
        draft = p.CounterpartyDraft(legal_form_id=forms[form], full_name=name, **values)
        return p.create_counterparty(db, actor, draft).id

    counterparties = {
        "romashka": counterparty(
            "romashka",
            "ooo",
            "Общество с ограниченной ответственностью «Ромашка»",
            short_name="ООО «Ромашка»",
            inn="7707083893",
            kpp="773601001",
            client_id=clients["romashka"],
            legal_address="109012, г. Москва, ул. Ильинка, д. 1",
        ),
        "arkhipov": counterparty(
            "arkhipov",
            "ip",
            "Индивидуальный предприниматель Архипов Архип Архипович",
            short_name="ИП Архипов А. А.",
            inn="500100732259",
            client_id=clients["archived"],
        ),
        "person": counterparty("person", "fl", "Кузнецова Анна Ивановна"),
    }

    def contact(last: str, first: str, **values: Any) -> uuid.UUID:
        return p.create_contact(db, actor, p.ContactDraft(last, first, **values)).id

    contacts = {
        "ivanova": contact(
            "Иванова",
            "Мария",
            middle_name="Петровна",
            position="Главный бухгалтер",
            channels=(phone("+7 916 111-22-33"), email("m.ivanova@romashka.ru")),
        ),
        "sidorov": contact("Сидоров", "Олег", position="Директор"),
        "bobrov": contact("Бобров", "Илья"),
    }
    p.link_client_contact(db, actor, clients["romashka"], contacts["ivanova"], is_primary=True)
    p.link_client_contact(db, actor, clients["vasilek"], contacts["sidorov"])
    gone_contact = p.get_contact(db, contacts["bobrov"])
    p.delete_contact(db, actor, gone_contact.id, gone_contact.version)
    return Office(clients, counterparties, contacts, petrov.user_id, circles)


LISTS = {
    "client": (
        lists.ClientFilter,
        lists.CLIENT_SORT_KEYS,
        lists.client_page,
        lists.client_count,
        lists.client_anchors,
    ),
    "counterparty": (
        lists.CounterpartyFilter,
        lists.COUNTERPARTY_SORT_KEYS,
        lists.counterparty_page,
        lists.counterparty_count,
        lists.counterparty_anchors,
    ),
    "contact": (
        lists.ContactFilter,
        lists.CONTACT_SORT_KEYS,
        lists.contact_page,
        lists.contact_count,
        lists.contact_anchors,
    ),
}


def names(rows: list[tuple[Any, Any]]) -> list[str]:
    return [row.name for _, row in rows]


def every_row(db, page_fn, flt, sort: str, descending: bool, size: int) -> list[tuple[Any, Any]]:
    rows: list[tuple[Any, Any]] = []
    after = None
    while True:
        request = lists.PageRequest(sort=sort, descending=descending, after=after, limit=size)
        page = page_fn(db, flt, request)
        rows.extend(page)
        if len(page) < size:
            return rows
        after = page[-1][0]


@pytest.mark.parametrize("kind", list(LISTS))
def test_every_sort_key_pages_anchors_and_skips_consistently(db, office, kind):
    filter_class, sort_keys, page_fn, count_fn, anchors_fn = LISTS[kind]
    flt = filter_class(include_deleted=True)
    total = count_fn(db, flt)
    assert total >= 3
    for sort in sort_keys:
        for descending in (False, True):
            request = lists.PageRequest(sort=sort, descending=descending, limit=1000)
            whole = page_fn(db, flt, request)
            assert len(whole) == total
            assert len({row.id for _, row in whole}) == total
            # page by page after the last key: the same rows in the same order
            assert every_row(db, page_fn, flt, sort, descending, 2) == whole, (sort, descending)
            # anchors: the keys of rows 1, 3, 5…; after one, with a skip, lands on its row
            anchors = anchors_fn(db, flt, sort, descending, every=2)
            assert anchors == [whole[i][0] for i in range(1, total, 2)]
            request = lists.PageRequest(sort=sort, descending=descending, after=anchors[0], skip=1)
            assert page_fn(db, flt, request) == whole[3:]
            # the sort value is NOT NULL, so the keyset comparison is total
            assert all(key[0] is not None for key, _ in whole)


def test_name_order_is_by_the_name_without_legal_forms(db, office):
    rows = lists.client_page(db, lists.ClientFilter(), lists.PageRequest(limit=50))
    assert names(rows) == ["Астра", "АО «Василёк»", "Гвоздика", "ООО «Ромашка»"]
    rows = lists.client_page(db, lists.ClientFilter(), lists.PageRequest(descending=True, limit=2))
    assert names(rows) == ["ООО «Ромашка»", "Гвоздика"]


def test_client_rows_carry_what_the_list_shows(db, office):
    rows = {
        row.name: row for _, row in lists.client_page(db, lists.ClientFilter(), lists.PageRequest())
    }
    romashka = rows["ООО «Ромашка»"]
    assert romashka.circle == "Был контакт"
    assert romashka.owner == "Иванов Иван Иванович"
    assert romashka.industry == "Торговля"
    assert romashka.phone == "8 (495) 123-45-67"
    assert romashka.email == "info@romashka.ru"
    assert not romashka.is_archived and not romashka.is_deleted
    assert rows["Гвоздика"].phone == "+7 812 555-00-22"  # the primary one, not the first
    assert rows["АО «Василёк»"].owner == "Петров Пётр Петрович"
    assert rows["АО «Василёк»"].circle is None


def test_circle_owner_phone_and_industry_orders(db, office):
    def order(sort: str, descending: bool = False) -> list[str]:
        request = lists.PageRequest(sort=sort, descending=descending)
        return names(lists.client_page(db, lists.ClientFilter(), request))

    # no circle first, then the catalogue's order: potential before contacted
    assert order("circle") == ["АО «Василёк»", "Астра", "Гвоздика", "ООО «Ромашка»"]
    # Иванов's clients (in the order they were made), then Петров's
    assert order("owner") == ["ООО «Ромашка»", "Гвоздика", "Астра", "АО «Василёк»"]
    # no phone first; then +7 812… before 8 (495)…
    assert order("phone") == ["АО «Василёк»", "Астра", "Гвоздика", "ООО «Ромашка»"]
    assert order("industry", descending=True) == [
        "Астра",
        "ООО «Ромашка»",
        "Гвоздика",
        "АО «Василёк»",
    ]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (lists.ClientFilter(), {"romashka", "vasilek", "gvozdika", "astra"}),
        (
            lists.ClientFilter(include_archived=True),
            {"romashka", "vasilek", "gvozdika", "astra", "archived"},
        ),
        (
            lists.ClientFilter(include_deleted=True),
            {"romashka", "vasilek", "gvozdika", "astra", "deleted"},
        ),
        (lists.ClientFilter(role="supplier"), {"vasilek"}),
        (lists.ClientFilter(role="dealer"), {"astra"}),
        (lists.ClientFilter(role="client"), {"romashka", "gvozdika", "astra"}),
    ],
    ids=["default", "archived", "deleted", "supplier", "dealer", "client"],
)
def test_client_filters(db, office, flt, expected):
    found = {row.id for _, row in lists.client_page(db, flt, lists.PageRequest())}
    assert found == {office.clients[key] for key in expected}
    assert lists.client_count(db, flt) == len(expected)


def test_client_owner_and_circle_filters(db, office):
    by_owner = lists.ClientFilter(owner_id=office.petrov)
    assert [row.id for _, row in lists.client_page(db, by_owner, lists.PageRequest())] == [
        office.clients["vasilek"]
    ]
    by_circle = lists.ClientFilter(circle_id=office.circles["potential"])
    assert names(lists.client_page(db, by_circle, lists.PageRequest())) == ["Гвоздика"]
    with pytest.raises(ValueError, match="unknown client role"):
        lists.client_page(db, lists.ClientFilter(role="admin"), lists.PageRequest())
    with pytest.raises(ValueError, match="unknown sort key"):
        lists.client_page(
            db, lists.ClientFilter(), lists.PageRequest(sort="name; DROP TABLE client")
        )


def test_deleted_and_archived_rows_say_so(db, office):
    flt = lists.ClientFilter(include_archived=True, include_deleted=True)
    rows = {row.name: row for _, row in lists.client_page(db, flt, lists.PageRequest())}
    assert rows["ИП Архипов"].is_archived
    assert rows["ООО «Удалённая»"].is_deleted


def test_counterparties(db, office):
    rows = lists.counterparty_page(db, lists.CounterpartyFilter(), lists.PageRequest())
    by_name = {row.name: row for _, row in rows}
    romashka = by_name["ООО «Ромашка»"]
    assert (romashka.legal_form, romashka.inn, romashka.kpp) == ("ООО", "7707083893", "773601001")
    assert romashka.client == "ООО «Ромашка»"
    assert romashka.legal_address == "109012, г. Москва, ул. Ильинка, д. 1"
    assert by_name["Кузнецова Анна Ивановна"].client is None

    def ids(flt: lists.CounterpartyFilter) -> set[uuid.UUID]:
        return {row.id for _, row in lists.counterparty_page(db, flt, lists.PageRequest())}

    assert ids(lists.CounterpartyFilter(legal_kind="legal")) == {office.counterparties["romashka"]}
    assert ids(lists.CounterpartyFilter(legal_kind="individual")) == {
        office.counterparties["arkhipov"]
    }
    assert ids(lists.CounterpartyFilter(legal_kind="person")) == {office.counterparties["person"]}
    assert ids(lists.CounterpartyFilter(client_id=office.clients["romashka"])) == {
        office.counterparties["romashka"]
    }
    assert lists.counterparty_count(db, lists.CounterpartyFilter()) == 3


def test_contacts(db, office):
    rows = {
        row.name: row
        for _, row in lists.contact_page(db, lists.ContactFilter(), lists.PageRequest())
    }
    assert set(rows) == {"Иванова Мария Петровна", "Сидоров Олег"}
    ivanova = rows["Иванова Мария Петровна"]
    assert (ivanova.position, ivanova.client) == ("Главный бухгалтер", "ООО «Ромашка»")
    assert (ivanova.phone, ivanova.email) == ("+7 916 111-22-33", "m.ivanova@romashka.ru")
    assert rows["Сидоров Олег"].client == "АО «Василёк»"
    of_vasilek = lists.ContactFilter(client_id=office.clients["vasilek"])
    assert names(lists.contact_page(db, of_vasilek, lists.PageRequest())) == ["Сидоров Олег"]
    with_deleted = lists.ContactFilter(include_deleted=True)
    assert lists.contact_count(db, with_deleted) == 3
    deleted = [
        row
        for _, row in lists.contact_page(db, with_deleted, lists.PageRequest())
        if row.is_deleted
    ]
    assert [row.name for row in deleted] == ["Бобров Илья"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ромаш", {"romashka"}),
        ("РОМАШКА", {"romashka"}),
        ("ро", {"romashka"}),  # two letters: a name prefix
        ("8 (495) 123-45-67", {"romashka"}),  # a phone as people write it
        ("+7 495 1234567", {"romashka"}),
        ("123-45", {"romashka"}),
        ("7707083893", {"romashka"}),  # the INN of its counterparty
        ("info@romashka", {"romashka"}),
        ("василек", {"vasilek"}),  # ё typed as е
        ("812 555", {"gvozdika"}),
        ("астра торговля", set()),  # the industry is not searched
        ("архипов", set()),  # archived: the filter still applies
    ],
)
def test_client_search_goes_through_the_index(db, office, text, expected):
    flt = lists.ClientFilter(search=text)
    hits = lists.client_search(db, flt)
    assert hits is not None and not hits.capped
    assert set(hits.ids) == {office.clients[key] for key in expected}
    assert {row.id for _, row in lists.client_page(db, flt, lists.PageRequest())} == set(hits.ids)
    assert lists.client_count(db, flt) == len(expected)
    assert lists.client_count(db, flt, hits=hits) == len(expected)


def test_a_search_with_the_filter_and_without_anything_to_look_for(db, office):
    archived = lists.ClientFilter(search="архипов", include_archived=True)
    assert names(lists.client_page(db, archived, lists.PageRequest())) == ["ИП Архипов"]
    assert lists.client_search(db, lists.ClientFilter(search="  ")) is None
    assert lists.client_page(db, lists.ClientFilter(search=""), lists.PageRequest(limit=2))


def test_counterparty_and_contact_search(db, office):
    found = lists.counterparty_page(
        db, lists.CounterpartyFilter(search="ромаш"), lists.PageRequest()
    )
    assert names(found) == ["ООО «Ромашка»"]
    found = lists.counterparty_page(
        db, lists.CounterpartyFilter(search="500100732259"), lists.PageRequest()
    )
    assert names(found) == ["ИП Архипов А. А."]
    found = lists.contact_page(
        db, lists.ContactFilter(search="8 916 111 22 33"), lists.PageRequest()
    )
    assert names(found) == ["Иванова Мария Петровна"]
    found = lists.contact_page(db, lists.ContactFilter(search="иванов"), lists.PageRequest())
    assert names(found) == ["Иванова Мария Петровна"]


def test_a_search_is_capped_and_says_so(db, actor, office):
    for name in ("Ромашка-2", "Ромашка Плюс"):
        p.create_client(db, actor, p.ClientDraft(name=name))
    flt = lists.ClientFilter(search="ромаш")
    everything = lists.client_search(db, flt)
    assert everything is not None and len(everything.ids) == 3 and not everything.capped
    capped = lists.client_search(db, flt, cap=2)
    assert capped is not None and capped.capped and len(capped.ids) == 2
    assert lists.client_count(db, flt, hits=capped) == 2
    rows = lists.client_page(db, flt, lists.PageRequest(), hits=capped)
    assert {row.id for _, row in rows} == set(capped.ids)
    assert lists.client_anchors(db, flt, "name", every=1, hits=capped) == [key for key, _ in rows]
    nothing = lists.client_search(db, flt, cap=0)
    assert nothing is not None and nothing.capped and nothing.ids == ()
    assert lists.client_page(db, flt, lists.PageRequest(), hits=nothing) == []
    assert lists.client_count(db, flt, hits=nothing) == 0
