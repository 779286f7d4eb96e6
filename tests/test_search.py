"""Search-as-you-type on both backends: substrings, Cyrillic case, phones in any format."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from crm_desktop.services import parties as p
from crm_desktop.services.demo import generate
from crm_desktop.services.search import search_ids
from crm_desktop.services.uow import read_unit


@pytest.fixture
def romashka(db, actor):
    client = p.create_client(
        db,
        actor,
        p.ClientDraft(
            name='ООО "Ромашка"',
            channels=(
                p.ChannelDraft("phone", "8 (495) 123-45-67"),
                p.ChannelDraft("email", "Zakaz@Romashka.ru"),
            ),
        ),
    )
    p.create_counterparty(
        db,
        actor,
        p.CounterpartyDraft(
            legal_form_id=p.catalogue_item_id(db, "legal_form", "pao"),
            full_name='ПАО "Ромашка-Инвест"',
            inn="7707083893",
            kpp="773601001",
            client_id=client.id,
        ),
    )
    return client


def find(db, kind, query):
    with read_unit(db) as session:
        return search_ids(session, kind, query)


@pytest.mark.parametrize(
    "query",
    ["ромаш", "РОМАШ", "Ромашка", "омашк", "ООО Ромашка", "ромашка ооо", "ро", "Р"],
)
def test_client_found_by_name_fragments(db, romashka, query):
    assert find(db, "client", query) == [romashka.id]


@pytest.mark.parametrize(
    "query",
    ["8 (495) 123-45-67", "+7 495 1234567", "84951234567", "74951234567", "495 123", "123-45-67"],
)
def test_client_found_by_phone_in_any_format(db, romashka, query):
    assert find(db, "client", query) == [romashka.id]


def test_client_found_by_email_and_counterparty_inn(db, romashka):
    assert find(db, "client", "zakaz@romashka") == [romashka.id]
    assert find(db, "client", "7707083893") == [romashka.id]
    assert find(db, "client", "770708") == [romashka.id]
    assert len(find(db, "counterparty", "ромашка-инвест")) == 1


def test_no_false_hits_and_deleted_are_hidden(db, actor, romashka):
    other = p.create_client(db, actor, p.ClientDraft(name="Лютик"))
    assert find(db, "client", "лютик") == [other.id]
    assert find(db, "client", "василек") == []
    p.delete_client(db, actor, other.id, other.version)
    assert find(db, "client", "лютик") == []


def test_search_follows_edits(db, actor, romashka):
    current = p.get_client(db, romashka.id)
    p.update_client(
        db,
        actor,
        current.id,
        current.version,
        p.ClientDraft(name="Василёк", channels=(p.ChannelDraft("phone", "+7 812 555-00-11"),)),
    )
    assert find(db, "client", "ромаш") == []
    assert find(db, "client", "василек") == [romashka.id]
    assert find(db, "client", "8125550011") == [romashka.id]
    assert find(db, "client", "4951234567") == []


def test_contacts_by_name_and_phone(db, actor):
    contact = p.create_contact(
        db,
        actor,
        p.ContactDraft(
            last_name="Ёлкина",
            first_name="Анна",
            channels=(p.ChannelDraft("phone", "+7 916 000-11-22"),),
        ),
    )
    assert find(db, "contact", "елкин") == [contact.id]
    assert find(db, "contact", "8 916 000 11 22") == [contact.id]


def test_demo_rows_are_searchable(db, actor):
    generate(db, actor, clients=30, seed=3)
    with read_unit(db) as session:
        name, phone = session.execute(
            text(
                "SELECT c.name, ch.value FROM client c JOIN channel ch ON ch.client_id = c.id "
                "WHERE ch.kind = 'phone' ORDER BY c.name LIMIT 1"
            )
        ).one()
    hits = find(db, "client", name)
    assert hits
    assert set(find(db, "client", phone)) & set(hits)


def test_the_index_is_used(db, romashka):
    """SQLite goes through FTS5; PostgreSQL can answer from the trigram GIN index."""
    with read_unit(db) as session:
        if db.dialect == "sqlite":
            plan = session.execute(
                text("EXPLAIN QUERY PLAN SELECT rowid FROM client_fts WHERE client_fts MATCH :q"),
                {"q": '"ромаш"'},
            ).all()
            assert any("VIRTUAL TABLE INDEX" in str(row[-1]) for row in plan)
            check = session.execute(
                text("INSERT INTO client_fts(client_fts, rank) VALUES ('integrity-check', 1)")
            )
            assert check is not None
        else:
            session.execute(text("SET LOCAL enable_seqscan = off"))
            plan = (
                session.execute(
                    text("EXPLAIN SELECT id FROM client WHERE search_text LIKE '%ромаш%'")
                )
                .scalars()
                .all()
            )
            assert any("ix_client_search_text_trgm" in line for line in plan), plan


def test_keeping_search_text_does_not_make_open_cards_stale(db, actor, romashka):
    """A counterparty's INN goes into its client's search text without a client version bump."""
    assert p.get_client(db, romashka.id).version == 1
    cp = p.counterparties_of_client(db, romashka.id)[0]
    p.update_counterparty(
        db,
        actor,
        cp.id,
        cp.version,
        p.CounterpartyDraft(
            legal_form_id=cp.legal_form_id,
            full_name=cp.full_name,
            inn="7736050003",  # Газпром
            kpp="772801001",
            client_id=romashka.id,
        ),
    )
    assert p.get_client(db, romashka.id).version == 1
    assert find(db, "client", "7736050003") == [romashka.id]
    assert find(db, "client", "7707083893") == []
    assert [r.field for r in p.record_history(db, "client", romashka.id)] == [None]


def test_a_short_word_beside_a_long_one_narrows_the_hits(db, actor):
    petrov_ivan = p.create_contact(db, actor, p.ContactDraft(last_name="Петров", first_name="Иван"))
    p.create_contact(db, actor, p.ContactDraft(last_name="Петров", first_name="Олег"))
    assert find(db, "contact", "петров ив") == [petrov_ivan.id]
    assert len(find(db, "contact", "петров")) == 2


def test_a_one_letter_query_seeks_the_name_index(db, romashka):
    if db.dialect != "sqlite":
        pytest.skip("the plan check is SQLite's EXPLAIN QUERY PLAN")
    from crm_desktop.models import Client
    from crm_desktop.services.search import match_condition

    with read_unit(db) as session:
        condition = match_condition(session, Client, "р")
        compiled = (
            select(Client.id)
            .where(condition)
            .compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        )
        plan = session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    assert any("ix_client_search_key" in str(row[-1]) for row in plan), plan
