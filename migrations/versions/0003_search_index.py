"""search-as-you-type: search_text on clients, counterparties, contacts, and its index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

SQLite: FTS5 trigram external-content tables kept by triggers; PostgreSQL: pg_trgm GIN.
Existing rows get their search_text computed in SQL here (the app keeps it up to date after).
"""

import sys
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import search_index

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _channels_sql(owner_column: str, agg: str) -> str:
    phone = (
        "replace(ch.normalized, '+', '') || CASE WHEN ch.normalized LIKE '+7%' "
        "AND length(ch.normalized) = 12 THEN ' ' || substr(ch.normalized, 3) ELSE '' END"
    )
    return (
        f"coalesce((SELECT {agg}(CASE WHEN ch.kind = 'phone' THEN {phone} "
        f"ELSE lower(ch.normalized) END, ' ') FROM channel ch "
        f"WHERE ch.{owner_column} = t.id AND ch.deleted_at IS NULL "
        f"AND ch.kind IN ('phone', 'email')), '')"
    )


def upgrade() -> None:
    for table in search_index.TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))

    dialect = op.get_bind().dialect.name
    agg = "group_concat" if dialect == "sqlite" else "string_agg"
    inns = (
        f"coalesce((SELECT {agg}(c.inn, ' ') FROM counterparty c WHERE c.client_id = t.id "
        f"AND c.deleted_at IS NULL AND c.inn IS NOT NULL), '')"
    )
    op.execute(
        "UPDATE client AS t SET search_text = trim(t.search_key || ' ' || "
        f"{inns} || ' ' || {_channels_sql('client_id', agg)})"
    )
    op.execute(
        "UPDATE counterparty AS t SET search_text = trim(t.search_key || ' ' || "
        "coalesce(t.inn, '') || ' ' || coalesce(t.ogrn, ''))"
    )
    op.execute(
        "UPDATE contact AS t SET search_text = trim(t.search_key || ' ' || "
        f"{_channels_sql('contact_id', agg)})"
    )
    for table in search_index.TABLES:
        if dialect == "sqlite":
            search_index.create_sqlite(table)
        else:
            search_index.create_postgresql(table)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in search_index.TABLES:
        if dialect == "sqlite":
            search_index.drop_sqlite(table)
        else:
            search_index.drop_postgresql(table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("search_text")
