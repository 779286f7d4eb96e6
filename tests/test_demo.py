"""Demo data: counts, valid requisites and channels, determinism, progress and cancellation."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import phonenumbers
import pytest
from faker.providers.person.ru_RU import Provider as RuPerson
from sqlalchemy import func, select
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from crm_desktop.db import Database, open_database, sqlite_url
from crm_desktop.models import (
    AuditEntry,
    BankAccount,
    Channel,
    Client,
    ClientContact,
    Contact,
    Counterparty,
    CounterpartyContact,
    User,
)
from crm_desktop.services import demo
from crm_desktop.services import validation as v
from crm_desktop.services.uow import Actor, read_unit

E164 = re.compile(r"\+[1-9][0-9]{7,14}")
DEMO_LOGINS = [login for login, *_ in demo.DEMO_USERS]


@pytest.fixture
def fresh_sqlite(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A second migrated SQLite database, independent of ``db``."""
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


def _count(db: Database, model: type, *where: object) -> int:
    with read_unit(db) as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _client_names(db: Database) -> list[str]:
    with read_unit(db) as session:
        return sorted(session.scalars(select(Client.name)))


def test_demo_data_includes_activities_leads_and_claims(db: Database, actor: Actor) -> None:
    summary = demo.generate(db, actor, clients=60, seed=3)
    assert summary.claims > 0
    assert summary.interactions > 0
    assert summary.tasks > 0
    assert summary.leads >= 20
    assert summary.converted_leads >= 4
    assert _count(db, Client) == 60 + summary.converted_leads - 1  # one joins an existing client


def test_banks_are_valid() -> None:
    assert len(demo.BANKS) >= 6
    for bank in demo.BANKS:
        assert v.normalize_bik(bank.bik) == bank.bik
        assert v.normalize_corr_account(bank.corr_account, bik=bank.bik) == bank.corr_account


def test_generate_200_clients(db: Database, actor: Actor) -> None:
    calls: list[tuple[int, int]] = []
    summary = demo.generate(
        db,
        actor,
        clients=200,
        seed=42,
        batch_size=64,
        progress=lambda d, t: calls.append((d, t)),
        extras=False,  # leads' conversions would add clients: see the test above
    )

    assert calls == [(64, 200), (128, 200), (192, 200), (200, 200)]
    assert summary.clients == 200
    assert summary.users == len(demo.DEMO_USERS)
    assert summary.elapsed_s > 0
    assert _count(db, Client) == 200
    assert _count(db, Counterparty) == summary.counterparties
    assert 200 <= summary.counterparties <= 400
    assert _count(db, Contact) == summary.contacts
    assert 200 <= summary.contacts <= 600
    assert _count(db, User, User.login.in_(DEMO_LOGINS)) == len(demo.DEMO_USERS)
    assert _count(db, BankAccount) == summary.counterparties
    # every generated row has its audit "create" entry, stamped with the actor
    assert _count(db, AuditEntry, AuditEntry.entity == "client") == 200
    assert _count(db, AuditEntry, AuditEntry.entity == "channel") == _count(db, Channel)
    assert _count(db, AuditEntry, AuditEntry.user_id != actor.user_id) == 0

    with read_unit(db) as session:
        clients = session.scalars(select(Client)).all()
        counterparties = session.scalars(select(Counterparty)).all()
        accounts = session.scalars(select(BankAccount)).all()
        channels = session.scalars(select(Channel)).all()
        contacts = session.scalars(select(Contact)).all()
        client_links = session.scalars(select(ClientContact)).all()
        cp_links = session.scalars(select(CounterpartyContact)).all()
        demo_user_ids = set(session.scalars(select(User.id).where(User.login.in_(DEMO_LOGINS))))

    assert len({c.search_key for c in clients}) >= 198  # names are (almost) all different
    for client in clients:
        assert client.search_key == v.search_key(client.name)
        assert client.version == 1
        assert client.created_by_id == actor.user_id
        assert client.owner_id in demo_user_ids
    per_client = Counter(cp.client_id for cp in counterparties)
    assert set(per_client) == {c.id for c in clients}
    assert set(per_client.values()) <= {1, 2}
    assert Counter(link.client_id for link in client_links).keys() == per_client.keys()
    assert cp_links  # directors sign for their counterparties

    for cp in counterparties:
        assert cp.inn is not None and stdnum_inn.is_valid(cp.inn), cp.inn
        assert cp.ogrn is not None
        assert cp.search_key == v.search_key(cp.short_name)
        if len(cp.inn) == 10:
            assert cp.kpp is not None and v.normalize_kpp(cp.kpp) == cp.kpp
            assert len(cp.ogrn) == 13 and stdnum_ogrn.is_valid(cp.ogrn), cp.ogrn
            assert cp.short_name.startswith(("ООО ", "АО ", "ПАО "))
        else:
            assert len(cp.inn) == 12
            assert cp.kpp is None
            assert len(cp.ogrn) == 15 and v.normalize_ogrn(cp.ogrn) == cp.ogrn, cp.ogrn
            assert cp.short_name.startswith("ИП ")
        v.check_ogrn_matches_inn(cp.ogrn, cp.inn)

    for account in accounts:
        assert v.normalize_bik(account.bik) == account.bik
        assert v.normalize_account(account.account, bik=account.bik) == account.account
        assert account.corr_account is not None
        assert v.normalize_corr_account(account.corr_account, bik=account.bik)
    inn_by_cp = {cp.id: cp.inn for cp in counterparties}
    for account in accounts:
        individual = len(inn_by_cp[account.counterparty_id] or "") == 12
        assert account.account.startswith("40802810" if individual else "40702810")

    kinds = Counter(ch.kind for ch in channels)
    assert kinds["phone"] >= 200 + len(contacts)  # a company line and a mobile each
    assert kinds["email"] >= 200
    for channel in channels:
        assert (channel.client_id is None) != (channel.contact_id is None)
        if channel.kind == "phone":
            assert E164.fullmatch(channel.normalized), channel.normalized
            assert phonenumbers.is_valid_number(phonenumbers.parse(channel.normalized))
            assert v.normalize_phone(channel.value) == (channel.value, channel.normalized)
        else:
            assert v.normalize_email(channel.value) == channel.normalized
    for contact in contacts:
        full = " ".join(
            p for p in (contact.last_name, contact.first_name, contact.middle_name) if p
        )
        assert contact.search_key == v.search_key(full)
        # first name, patronymic and surname agree in gender
        assert contact.middle_name is not None
        female = contact.middle_name.endswith("вна")
        assert female != contact.middle_name.endswith("вич")
        assert (contact.first_name in demo._FEMALE_FIRST) == female
        surnames = RuPerson.last_names_female if female else RuPerson.last_names_male
        assert contact.last_name in surnames


def test_same_seed_same_data(db: Database, fresh_sqlite: Database) -> None:
    demo.generate(db, None, clients=120, seed=42, batch_size=50)
    demo.generate(fresh_sqlite, None, clients=120, seed=42, batch_size=50)
    names = _client_names(db)
    assert len(names) >= 120  # and the clients that converted demo leads became
    assert names == _client_names(fresh_sqlite)
    with read_unit(db) as session, read_unit(fresh_sqlite) as other:
        inns = sorted(session.scalars(select(Counterparty.inn)))
        assert inns == sorted(other.scalars(select(Counterparty.inn)))


def test_other_seed_other_data(db: Database, fresh_sqlite: Database) -> None:
    demo.generate(db, None, clients=60, seed=1)
    demo.generate(fresh_sqlite, None, clients=60, seed=2)
    assert _client_names(db) != _client_names(fresh_sqlite)


def test_cancel_after_first_batch_then_reuse_users(db: Database, actor: Actor) -> None:
    calls: list[tuple[int, int]] = []
    summary = demo.generate(
        db,
        actor,
        clients=200,
        seed=7,
        batch_size=50,
        progress=lambda d, t: calls.append((d, t)),
        cancelled=lambda: len(calls) >= 1,
    )
    assert calls == [(50, 200)]
    assert summary.clients == 50
    assert _count(db, Client) == 50
    assert _count(db, Counterparty) == summary.counterparties
    assert _count(db, Contact) == summary.contacts

    again = demo.generate(db, actor, clients=10, seed=8, extras=False)  # demo users: reused
    assert again.users == 0
    assert _count(db, User, User.login.in_(DEMO_LOGINS)) == len(demo.DEMO_USERS)
    assert _count(db, Client) == 60


def test_bad_arguments(db: Database) -> None:
    with pytest.raises(ValueError, match="negative"):
        demo.generate(db, None, clients=-1)
    with pytest.raises(ValueError, match="batch_size"):
        demo.generate(db, None, clients=1, batch_size=0)
    assert demo.generate(db, None, clients=0).clients == 0
