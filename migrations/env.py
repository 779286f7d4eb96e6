"""Alembic environment: shared connection when the app (or pytest-alembic) passes one.

The app runs migrations on its own engine (``config.attributes["connection"]``); the ``alembic``
command line falls back to ``sqlalchemy.url`` or ``$CRM_DATABASE_URL``.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, Engine

from crm_desktop.db import migration_connection, open_database, resolve_url
from crm_desktop.models import Base
from crm_desktop.models.base import UTCDateTime

config = context.config
target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render our own column types as plain SQLAlchemy ones in migration scripts."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Leave the search index to migrations/search_index.py: autogenerate cannot see it."""
    if name is None:
        return True
    if type_ == "table" and "_fts" in name:
        return False
    return not (type_ == "index" and name.endswith("_search_text_trgm"))


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=render_item,
        include_name=include_name,
        compare_type=True,
        transaction_per_migration=False,
    )


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if isinstance(connectable, Connection):  # the app's own connection, in its transaction
        _configure(connectable)
        with context.begin_transaction():
            context.run_migrations()
        return
    if isinstance(connectable, Engine):  # pytest-alembic hands an engine
        _run_on(connectable)
        return
    database = open_database(config.get_main_option("sqlalchemy.url") or resolve_url())
    try:
        _run_on(database.engine)
    finally:
        database.dispose()


def _run_on(engine: Engine) -> None:
    with migration_connection(engine) as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run_migrations_online()
