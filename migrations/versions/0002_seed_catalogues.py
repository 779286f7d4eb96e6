"""seed the parties catalogues: legal forms, client circles, info sources, relation kinds

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Seeded rows have ids derived from their code (uuid5), the same on every node, so a field laptop
and the office agree on them without syncing. The rule is frozen here, not imported.
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAMESPACE = uuid.UUID("6f1f2d7e-3c8b-4d55-9a55-8f6a1d3c0b21")
_SEEDED_AT = datetime(2026, 11, 23, tzinfo=UTC)

LEGAL_FORMS = [
    # code, short name, full name, kind
    ("ooo", "ООО", "Общество с ограниченной ответственностью", "legal"),
    ("ao", "АО", "Акционерное общество", "legal"),
    ("pao", "ПАО", "Публичное акционерное общество", "legal"),
    ("nao", "НАО", "Непубличное акционерное общество", "legal"),
    ("zao", "ЗАО", "Закрытое акционерное общество", "legal"),
    ("oao", "ОАО", "Открытое акционерное общество", "legal"),
    ("gup", "ГУП", "Государственное унитарное предприятие", "legal"),
    ("mup", "МУП", "Муниципальное унитарное предприятие", "legal"),
    ("ano", "АНО", "Автономная некоммерческая организация", "legal"),
    ("pk", "ПК", "Производственный кооператив", "legal"),
    ("ip", "ИП", "Индивидуальный предприниматель", "individual"),
    ("kfh", "КФХ", "Глава крестьянского (фермерского) хозяйства", "individual"),
    ("fl", "Физлицо", "Физическое лицо", "person"),
]

CLIENT_CIRCLES = [
    ("potential", "Потенциальный"),
    ("contacted", "Был контакт"),
    ("bought_once", "Разовая покупка"),
    ("regular", "Постоянный клиент"),
    ("key", "Ключевой клиент"),
]

INFO_SOURCES = [
    ("site", "Сайт"),
    ("call", "Входящий звонок"),
    ("email", "Электронное письмо"),
    ("fair", "Выставка"),
    ("referral", "Рекомендация"),
    ("advertising", "Реклама"),
    ("cold_call", "Холодный звонок"),
    ("tender", "Тендер"),
    ("other", "Другое"),
]

RELATION_KINDS = [
    # code, applies to, name, reverse name
    ("holding", "client", "Управляющая компания", "Входит в холдинг"),
    ("dealer", "client", "Дилер", "Поставщик дилера"),
    ("competitor", "client", "Конкурент", "Конкурент"),
    ("partner", "client", "Партнёр", "Партнёр"),
    ("branch", "client", "Филиал", "Головная организация"),
    ("reports_to", "contact", "Подчиняется", "Руководитель"),
    ("relative", "contact", "Родственник", "Родственник"),
    ("colleague", "contact", "Бывший коллега", "Бывший коллега"),
    ("influences", "contact", "Влияет на решения", "Под влиянием"),
]


def _id(table: str, code: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{table}:{code}")


def _bookkeeping() -> dict[str, object]:
    return {
        "created_at": _SEEDED_AT,
        "updated_at": _SEEDED_AT,
        "version": 1,
        "deleted_at": None,
        "created_by_id": None,
        "updated_by_id": None,
    }


def _table(name: str, *extra: sa.Column) -> sa.TableClause:
    return sa.table(
        name,
        sa.column("id", sa.Uuid()),
        sa.column("code", sa.String()),
        sa.column("name", sa.String()),
        sa.column("sort_order", sa.Integer()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("version", sa.Integer()),
        sa.column("deleted_at", sa.DateTime(timezone=True)),
        sa.column("created_by_id", sa.Uuid()),
        sa.column("updated_by_id", sa.Uuid()),
        *extra,
    )


def _naive_on_sqlite(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    if op.get_bind().dialect.name != "sqlite":
        return rows
    for row in rows:
        for key in ("created_at", "updated_at"):
            value = row[key]
            assert isinstance(value, datetime)
            row[key] = value.replace(tzinfo=None)
    return rows


def upgrade() -> None:
    legal_form = _table(
        "legal_form", sa.column("full_name", sa.String()), sa.column("kind", sa.String())
    )
    op.bulk_insert(
        legal_form,
        _naive_on_sqlite(
            [
                {
                    "id": _id("legal_form", code),
                    "code": code,
                    "name": short,
                    "full_name": full,
                    "kind": kind,
                    "sort_order": i * 10,
                    **_bookkeeping(),
                }
                for i, (code, short, full, kind) in enumerate(LEGAL_FORMS)
            ]
        ),
    )
    for table_name, rows in (("client_circle", CLIENT_CIRCLES), ("info_source", INFO_SOURCES)):
        op.bulk_insert(
            _table(table_name),
            _naive_on_sqlite(
                [
                    {
                        "id": _id(table_name, code),
                        "code": code,
                        "name": name,
                        "sort_order": i * 10,
                        **_bookkeeping(),
                    }
                    for i, (code, name) in enumerate(rows)
                ]
            ),
        )
    relation_kind = _table(
        "relation_kind",
        sa.column("applies_to", sa.String()),
        sa.column("reverse_name", sa.String()),
    )
    op.bulk_insert(
        relation_kind,
        _naive_on_sqlite(
            [
                {
                    "id": _id("relation_kind", code),
                    "code": code,
                    "applies_to": applies_to,
                    "name": name,
                    "reverse_name": reverse,
                    "sort_order": i * 10,
                    **_bookkeeping(),
                }
                for i, (code, applies_to, name, reverse) in enumerate(RELATION_KINDS)
            ]
        ),
    )


def downgrade() -> None:
    for table_name, codes in (
        ("relation_kind", [row[0] for row in RELATION_KINDS]),
        ("info_source", [row[0] for row in INFO_SOURCES]),
        ("client_circle", [row[0] for row in CLIENT_CIRCLES]),
        ("legal_form", [row[0] for row in LEGAL_FORMS]),
    ):
        table = sa.table(table_name, sa.column("code", sa.String()))
        op.execute(table.delete().where(table.c.code.in_(codes)))
