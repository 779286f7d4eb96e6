"""duplicate control and merging; mandatory fields per client circle

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

- client.match_key, counterparty.match_key: the name as Latin letters and digits, indexed, so
  «ООО "Ромашка"», «Ромашка, ООО» and «OOO Romashka» find each other;
- merged_into_id on clients, counterparties, contacts: where a merged duplicate went;
- client_circle.mandatory_fields with the defaults below.

Adding the foreign keys rebuilds the SQLite tables, so their search index is rebuilt after.
"""

import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op
from anyascii import anyascii

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import search_index

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MANDATORY = {
    "potential": [],
    "contacted": ["phone"],
    "bought_once": ["phone", "industry", "source_id"],
    "regular": ["phone", "email", "industry", "source_id", "counterparty"],
    "key": ["phone", "email", "industry", "source_id", "head_count", "counterparty", "contact"],
}


def _match_key(search_key: str) -> str:
    """Frozen copy of services.duplicates.match_key for existing rows."""
    return re.sub(r"[^a-z0-9]", "", anyascii(search_key).lower())[:255]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in search_index.TABLES:
            search_index.drop_sqlite(table)
    for table in ("client", "counterparty"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("match_key", sa.String(255), server_default="", nullable=False)
            )
            batch.add_column(sa.Column("merged_into_id", sa.Uuid(), nullable=True))
            batch.create_index(batch.f(f"ix_{table}_match_key"), ["match_key"])
            batch.create_foreign_key(
                batch.f(f"fk_{table}_merged_into_id_{table}"),
                table,
                ["merged_into_id"],
                ["id"],
                ondelete="RESTRICT",
                onupdate="RESTRICT",
            )
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("merged_into_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_contact_merged_into_id_contact"),
            "contact",
            ["merged_into_id"],
            ["id"],
            ondelete="RESTRICT",
            onupdate="RESTRICT",
        )
    with op.batch_alter_table("client_circle") as batch:
        batch.add_column(
            sa.Column("mandatory_fields", sa.Text(), server_default="[]", nullable=False)
        )

    bind = op.get_bind()
    for table_name in ("client", "counterparty"):
        table = sa.table(
            table_name,
            sa.column("id", sa.Uuid()),
            sa.column("search_key", sa.String()),
            sa.column("match_key", sa.String()),
        )
        rows = bind.execute(sa.select(table.c.id, table.c.search_key)).all()
        if rows:
            bind.execute(
                table.update()
                .where(table.c.id == sa.bindparam("row_id"))
                .values(match_key=sa.bindparam("key")),
                [{"row_id": row.id, "key": _match_key(row.search_key)} for row in rows],
            )
    circle = sa.table(
        "client_circle", sa.column("code", sa.String()), sa.column("mandatory_fields", sa.Text())
    )
    for code, fields in MANDATORY.items():
        op.execute(
            circle.update().where(circle.c.code == code).values(mandatory_fields=json.dumps(fields))
        )
    if dialect == "sqlite":
        for table in search_index.TABLES:
            search_index.create_sqlite(table)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in search_index.TABLES:
            search_index.drop_sqlite(table)
    with op.batch_alter_table("client_circle") as batch:
        batch.drop_column("mandatory_fields")
    with op.batch_alter_table("contact") as batch:
        batch.drop_constraint("fk_contact_merged_into_id_contact", type_="foreignkey")
        batch.drop_column("merged_into_id")
    for table in ("counterparty", "client"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"fk_{table}_merged_into_id_{table}", type_="foreignkey")
            batch.drop_index(f"ix_{table}_match_key")
            batch.drop_column("merged_into_id")
            batch.drop_column("match_key")
    if dialect == "sqlite":
        for table in search_index.TABLES:
            search_index.create_sqlite(table)
