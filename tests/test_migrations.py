"""Migrations on both backends: pytest-alembic's standard tests, and data kept on upgrade."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from pytest_alembic.tests import (
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)

from crm_desktop.db import alembic_config as crm_alembic_config
from crm_desktop.db import current_revision, head_revision, upgrade

__all__ = [
    "test_model_definitions_match_ddl",
    "test_single_head_revision",
    "test_up_down_consistency",
    "test_upgrade",
]

FIRST_REVISION = "0001"


@pytest.fixture
def alembic_config():
    return crm_alembic_config()


@pytest.fixture
def alembic_engine(empty_db):
    return empty_db.engine


def test_upgrade_from_empty_reaches_head(empty_db):
    assert current_revision(empty_db) is None
    upgrade(empty_db)
    assert current_revision(empty_db) == head_revision()
    with empty_db.connect() as conn:
        forms = conn.execute(sa.text("SELECT count(*) FROM legal_form")).scalar_one()
    assert forms >= 10


def _first_revision_rows() -> dict[str, list[dict[str, object]]]:
    """Rows for every table of the first revision, with values of every column type."""
    at = datetime(2025, 12, 31, 21, 30, 15, 123000, tzinfo=UTC)

    def book(**values: object) -> dict[str, object]:
        return {
            "id": uuid.uuid4(),
            "created_at": at,
            "updated_at": at,
            "version": 3,
            "deleted_at": None,
            "created_by_id": None,
            "updated_by_id": None,
            **values,
        }

    dept = book(name="Отдел продаж", parent_id=None)
    user = book(
        login="ivanov",
        full_name="Иванов И. И.",
        email="ivanov@example.ru",
        role="manager",
        department_id=dept["id"],
        is_active=True,
    )
    circle = book(code="vip", name="Особый круг", sort_order=99)
    source = book(code="expo", name="Экспо", sort_order=5)
    form = book(code="test_form", name="ТФ", full_name="Тестовая форма", kind="legal", sort_order=1)
    kind = book(code="friend", name="Друг", applies_to="client", reverse_name="Друг", sort_order=1)
    ckind = book(code="boss", name="Начальник", applies_to="contact", reverse_name="Подчинённый")
    ckind["sort_order"] = 2
    client = book(
        name='ООО "Ромашка"',
        search_key="ромашка",
        is_client=True,
        is_supplier=False,
        is_dealer=True,
        is_competitor=False,
        is_carrier=False,
        is_other=False,
        circle_id=circle["id"],
        owner_id=user["id"],
        source_id=source["id"],
        industry="Торговля",
        head_count=42,
        notes="многострочная\nзаметка",
        is_archived=False,
    )
    other = book(
        name="Лютик",
        search_key="лютик",
        is_client=True,
        is_supplier=True,
        is_dealer=False,
        is_competitor=False,
        is_carrier=False,
        is_other=False,
        circle_id=None,
        owner_id=None,
        source_id=None,
        industry=None,
        head_count=None,
        notes=None,
        is_archived=True,
        deleted_at=at,
    )
    cp = book(
        client_id=client["id"],
        legal_form_id=form["id"],
        full_name='ООО "Ромашка"',
        short_name="Ромашка",
        search_key="ромашка",
        inn="7707083893",
        kpp="773601001",
        ogrn="1027700132195",
        legal_address="г. Москва",
        postal_address=None,
        notes=None,
    )
    account = book(
        counterparty_id=cp["id"],
        bik="044525225",
        account="40702810938000012345",
        corr_account="30101810400000000225",
        bank_name="ПАО Сбербанк",
        is_main=True,
    )
    contact = book(
        last_name="Петров",
        first_name="Пётр",
        middle_name=None,
        search_key="петров петр",
        position="Директор",
        birthday=date(1980, 2, 29),
        notes=None,
    )
    contact2 = book(
        last_name="Сидорова",
        first_name=None,
        middle_name=None,
        search_key="сидорова",
        position=None,
        birthday=None,
        notes="",
    )
    return {
        "department": [dept],
        "app_user": [user],
        "client_circle": [circle],
        "info_source": [source],
        "legal_form": [form],
        "relation_kind": [kind, ckind],
        "client": [client, other],
        "counterparty": [cp],
        "bank_account": [account],
        "contact": [contact, contact2],
        "channel": [
            book(
                contact_id=contact["id"],
                client_id=None,
                kind="phone",
                subkind="work",
                value="8 (495) 123-45-67",
                normalized="+74951234567",
                is_primary=True,
                comment=None,
            ),
            book(
                contact_id=None,
                client_id=client["id"],
                kind="email",
                subkind=None,
                value="info@romashka.ru",
                normalized="info@romashka.ru",
                is_primary=False,
                comment="общий",
            ),
        ],
        "client_contact": [
            book(
                client_id=client["id"],
                contact_id=contact["id"],
                position="Директор",
                role="ЛПР",
                is_primary=True,
            )
        ],
        "counterparty_contact": [
            book(counterparty_id=cp["id"], contact_id=contact["id"], position=None, role=None)
        ],
        "client_relation": [
            book(
                from_client_id=client["id"],
                to_client_id=other["id"],
                kind_id=kind["id"],
                comment=None,
            )
        ],
        "contact_relation": [
            book(
                from_contact_id=contact2["id"],
                to_contact_id=contact["id"],
                kind_id=ckind["id"],
                comment="с 2020 года",
            )
        ],
        "audit_entry": [
            {
                "id": uuid.uuid4(),
                "entity": "client",
                "entity_id": client["id"],
                "action": "update",
                "field": "name",
                "old_value": "Ромашка",
                "new_value": 'ООО "Ромашка"',
                "user_id": user["id"],
                "at": at,
            }
        ],
    }


def _normalise(value: object, dialect: str) -> object:
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    if isinstance(value, str) and dialect == "sqlite":
        try:
            return uuid.UUID(value)
        except ValueError:
            return value
    return value


def test_data_survives_upgrade_from_first_revision(empty_db):
    """Fill every table at the first revision, upgrade to head, find every value again."""
    database = empty_db
    upgrade(database, FIRST_REVISION)
    rows = _first_revision_rows()
    with database.engine.begin() as conn:
        meta = sa.MetaData()
        meta.reflect(conn)
        for table_name, table_rows in rows.items():
            table = meta.tables[table_name]
            for row in table_rows:
                assert set(row) == set(table.c.keys()), table_name
            conn.execute(table.insert(), _dialect_rows(table, table_rows, conn.dialect.name))
    upgrade(database)
    assert current_revision(database) == head_revision()
    with database.connect() as conn:
        meta = sa.MetaData()
        meta.reflect(conn)
        for table_name, table_rows in rows.items():
            table = meta.tables[table_name]
            for row in table_rows:
                stored = (
                    conn.execute(
                        sa.select(table).where(table.c.id == _id(row["id"], conn.dialect.name))
                    )
                    .mappings()
                    .one()
                )
                for key, value in row.items():
                    got = _normalise(stored[key], conn.dialect.name)
                    assert got == value, (table_name, key, got, value)


def _id(value: object, dialect: str) -> object:
    return value.hex if dialect == "sqlite" and isinstance(value, uuid.UUID) else value


def _dialect_rows(table: sa.Table, rows: list[dict[str, object]], dialect: str):
    if dialect != "sqlite":
        return rows
    out = []
    for row in rows:
        converted = {}
        for key, value in row.items():
            if isinstance(value, uuid.UUID):
                value = value.hex
            elif isinstance(value, datetime):
                value = value.astimezone(UTC).replace(tzinfo=None)
            converted[key] = value
        out.append(converted)
    return out


def test_downgrade_to_base_and_up_again(empty_db):
    config = crm_alembic_config()
    with empty_db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        command.upgrade(config, "head")
    assert current_revision(empty_db) == head_revision()
