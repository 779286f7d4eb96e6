"""Parties services on both backends: validation, one transaction, audit, optimistic locking."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from crm_desktop.errors import ConcurrencyError, NotFoundError, ValidationError
from crm_desktop.models import AuditEntry, BankAccount, Client, Counterparty
from crm_desktop.services import parties as p
from crm_desktop.services.uow import read_unit, write_unit

SBER = {
    "inn": "7707083893",
    "kpp": "773601001",
    "ogrn": "1027700132195",
    "bik": "044525225",
    "corr": "30101810400000000225",
}


def count(db, model, *where):
    with read_unit(db) as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def legal_form(db, code="ooo"):
    return p.catalogue_item_id(db, "legal_form", code)


def sber_account():
    from crm_desktop.services.validation import with_account_key

    return with_account_key(SBER["bik"], "40702810" + "0" + "38000012345")


def test_bad_inn_names_the_field_and_writes_nothing(db, actor):
    draft = p.CounterpartyDraft(
        legal_form_id=legal_form(db, "pao"),
        full_name='ПАО "Сбербанк России"',
        inn="7707083894",
        kpp=SBER["kpp"],
        ogrn=SBER["ogrn"],
        bank_accounts=(p.BankAccountDraft(SBER["bik"], sber_account(), "ПАО Сбербанк"),),
    )
    with pytest.raises(ValidationError) as caught:
        p.create_counterparty(db, actor, draft)
    assert caught.value.field == "inn"
    assert set(caught.value.field_errors) == {"inn"}
    assert "INN" in caught.value.message.text
    assert count(db, Counterparty) == 0
    assert count(db, BankAccount) == 0
    assert count(db, AuditEntry, AuditEntry.entity == "counterparty") == 0


def test_valid_counterparty_with_bank_account(db, actor):
    client = p.create_client(db, actor, p.ClientDraft(name="Сбербанк"))
    cp = p.create_counterparty(
        db,
        actor,
        p.CounterpartyDraft(
            legal_form_id=legal_form(db, "pao"),
            full_name='Публичное акционерное общество "Сбербанк России"',
            short_name='ПАО "Сбербанк"',
            inn=" 7707 083893 ",
            kpp=SBER["kpp"],
            ogrn=SBER["ogrn"],
            client_id=client.id,
            bank_accounts=(
                p.BankAccountDraft(
                    SBER["bik"], sber_account(), "ПАО Сбербанк", SBER["corr"], is_main=True
                ),
            ),
        ),
    )
    assert cp.inn == "7707083893"
    assert cp.legal_form == "ПАО"
    assert cp.bank_accounts[0].corr_account == SBER["corr"]
    assert [c.id for c in p.counterparties_of_client(db, client.id)] == [cp.id]


def test_all_field_errors_reported_together(db, actor):
    draft = p.CounterpartyDraft(
        legal_form_id=legal_form(db),
        full_name="  ",
        inn="12345",
        kpp="77360100X1",
        bank_accounts=(p.BankAccountDraft("044525225", "40702810000000000000", "Банк"),),
    )
    with pytest.raises(ValidationError) as caught:
        p.create_counterparty(db, actor, draft)
    assert {"full_name", "inn", "kpp", "bank_accounts[0].account"} <= set(caught.value.field_errors)


def test_requisites_follow_the_legal_form(db, actor):
    individual = p.CounterpartyDraft(
        legal_form_id=legal_form(db, "ip"), full_name="ИП Петров", inn="7707083893"
    )
    with pytest.raises(ValidationError) as caught:
        p.create_counterparty(db, actor, individual)
    assert caught.value.field == "inn"
    legal_without_kpp = p.CounterpartyDraft(
        legal_form_id=legal_form(db, "ooo"), full_name="ООО Ромашка", inn="7707083893"
    )
    with pytest.raises(ValidationError) as caught:
        p.create_counterparty(db, actor, legal_without_kpp)
    assert caught.value.field == "kpp"


def test_text_fields_refuse_control_characters_and_absurd_lengths(db, actor):
    with pytest.raises(ValidationError) as caught:
        p.create_client(db, actor, p.ClientDraft(name="Рога\x00и копыта"))
    assert caught.value.field == "name"
    with pytest.raises(ValidationError) as caught:
        p.create_client(db, actor, p.ClientDraft(name="я" * 256))
    assert caught.value.field == "name"
    assert count(db, Client) == 0


def test_name_is_trimmed_and_gets_a_search_key(db, actor):
    created = p.create_client(db, actor, p.ClientDraft(name='  ООО  "Ёлка"  '))
    assert created.name == 'ООО "Ёлка"'
    with read_unit(db) as session:
        assert session.get(Client, created.id).search_key == "елка"


def test_stale_card_is_refused_with_a_typed_error(db, actor):
    created = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    first = p.get_client(db, created.id)
    second = p.get_client(db, created.id)
    p.update_client(db, actor, second.id, second.version, p.ClientDraft(name="Ромашка-2"))
    with pytest.raises(ConcurrencyError):
        p.update_client(db, actor, first.id, first.version, p.ClientDraft(name="Ромашка-1"))
    assert p.get_client(db, created.id).name == "Ромашка-2"


def test_two_sessions_second_save_gets_stale_data_as_concurrency_error(db, actor):
    """The version column itself (SQLAlchemy version_id_col) catches the lost update."""
    created = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    with read_unit(db) as session_a:
        seen_by_a = session_a.get(Client, created.id)
    with read_unit(db) as session_b:
        seen_by_b = session_b.get(Client, created.id)
    assert seen_by_a.version == seen_by_b.version == 1
    with write_unit(db, actor) as session:
        b = session.merge(seen_by_b, load=False)
        b.industry = "Торговля"
    with pytest.raises(ConcurrencyError), write_unit(db, actor) as session:
        a = session.merge(seen_by_a, load=False)
        a.industry = "Строительство"
    with read_unit(db) as session:
        stored = session.get(Client, created.id)
        assert (stored.industry, stored.version) == ("Торговля", 2)


def test_changes_are_audited_field_by_field(db, actor):
    created = p.create_client(db, actor, p.ClientDraft(name="Ромашка", head_count=10))
    p.update_client(
        db, actor, created.id, created.version, p.ClientDraft(name="Ромашка", head_count=12)
    )
    p.delete_client(db, actor, created.id, created.version + 1)
    rows = p.record_history(db, "client", created.id)
    assert [(r.action, r.field, r.old_value, r.new_value) for r in rows] == [
        ("create", None, None, None),
        ("update", "head_count", "10", "12"),
        ("delete", None, None, None),
    ]
    assert {r.user_name for r in rows} == {"Иванов Иван Иванович"}
    with pytest.raises(NotFoundError):
        p.get_client(db, created.id)
    restored = p.restore_client(db, actor, created.id)
    assert restored.deleted_at is None


def test_contact_channels_are_normalised_and_kept_in_sync(db, actor):
    contact = p.create_contact(
        db,
        actor,
        p.ContactDraft(
            last_name="Петров",
            first_name="Пётр",
            channels=(
                p.ChannelDraft("phone", "8 (495) 123-45-67", subkind="work"),
                p.ChannelDraft("email", "Petrov@Example.RU"),
            ),
        ),
    )
    phone, email = sorted(contact.channels, key=lambda c: c.kind)[::-1]
    assert (phone.value, phone.normalized) == ("8 (495) 123-45-67", "+74951234567")
    assert (email.value, email.normalized) == ("Petrov@Example.RU", "petrov@example.ru")
    updated = p.update_contact(
        db,
        actor,
        contact.id,
        contact.version,
        p.ContactDraft(
            last_name="Петров",
            first_name="Пётр",
            channels=(p.ChannelDraft("phone", "+7 495 765-43-21", id=phone.id),),
        ),
    )
    assert [(c.id, c.normalized) for c in updated.channels] == [(phone.id, "+74957654321")]


def test_bad_phone_is_reported_on_its_channel(db, actor):
    with pytest.raises(ValidationError) as caught:
        p.create_contact(
            db,
            actor,
            p.ContactDraft(last_name="Петров", channels=(p.ChannelDraft("phone", "12"),)),
        )
    assert caught.value.field == "channels[0]"


def test_links_and_relations(db, actor):
    romashka = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    holding = p.create_client(db, actor, p.ClientDraft(name="Цветы-Холдинг"))
    ivanov = p.create_contact(db, actor, p.ContactDraft(last_name="Иванов"))
    link = p.link_client_contact(db, actor, romashka.id, ivanov.id, position="Директор", role="ЛПР")
    assert [x.contact_name for x in p.contacts_of_client(db, romashka.id)] == ["Иванов"]
    assert [x.owner_name for x in p.clients_of_contact(db, ivanov.id)] == ["Ромашка"]
    p.unlink(db, actor, link.id)
    assert p.contacts_of_client(db, romashka.id) == []
    again = p.link_client_contact(db, actor, romashka.id, ivanov.id, role="Закупщик")
    assert again.id == link.id and again.role == "Закупщик"

    kind = p.catalogue_item_id(db, "relation_kind", "holding")
    relation = p.relate_clients(db, actor, holding.id, romashka.id, kind)
    assert [r.kind_name for r in p.client_relations(db, romashka.id)] == [relation.kind_name]
    with pytest.raises(ValidationError):
        p.relate_clients(db, actor, romashka.id, romashka.id, kind)
    contact_kind = p.catalogue_item_id(db, "relation_kind", "reports_to")
    with pytest.raises(ValidationError):  # a contact relation kind between clients
        p.relate_clients(db, actor, romashka.id, holding.id, contact_kind)


def test_links_are_restricted_not_cascaded(db, actor):
    """A hard delete of a linked record is refused by the database (ON DELETE RESTRICT)."""
    from sqlalchemy import delete
    from sqlalchemy.exc import IntegrityError

    client = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    contact = p.create_contact(db, actor, p.ContactDraft(last_name="Иванов"))
    p.link_client_contact(db, actor, client.id, contact.id)
    with pytest.raises(IntegrityError), write_unit(db, actor) as session:
        session.execute(delete(Client).where(Client.id == client.id))
