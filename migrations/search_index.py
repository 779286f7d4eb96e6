"""The search index DDL, shared by migrations.

SQLite: an FTS5 external-content table ``<table>_fts`` over ``<table>.search_text`` with the
trigram tokenizer, kept by three triggers. The content table's rowid is implicit, so anything
that rebuilds the table (an Alembic batch operation, VACUUM) must call :func:`create_sqlite`
again after it: it drops and recreates the triggers and rebuilds the index.

PostgreSQL: pg_trgm and a GIN trigram index on ``search_text``.
"""

from __future__ import annotations

from alembic import op

TABLES = ("client", "counterparty", "contact")


def create_sqlite(table: str) -> None:
    drop_sqlite(table)
    op.execute(
        f"CREATE VIRTUAL TABLE {table}_fts USING fts5("
        f"search_text, content='{table}', content_rowid='rowid', tokenize='trigram')"
    )
    op.execute(
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {table}_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {table}_fts({table}_fts, rowid, search_text) "
        f"VALUES ('delete', old.rowid, old.search_text); END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF search_text ON {table} BEGIN "
        f"INSERT INTO {table}_fts({table}_fts, rowid, search_text) "
        f"VALUES ('delete', old.rowid, old.search_text); "
        f"INSERT INTO {table}_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    op.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")


def drop_sqlite(table: str) -> None:
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
    op.execute(f"DROP TABLE IF EXISTS {table}_fts")


def create_postgresql(table: str) -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(
        f"CREATE INDEX IF NOT EXISTS ix_{table}_search_text_trgm "
        f"ON {table} USING gin (search_text gin_trgm_ops)"
    )


def drop_postgresql(table: str) -> None:
    op.execute(f"DROP INDEX IF EXISTS ix_{table}_search_text_trgm")
