"""Engines, sessions, migrations and backups for the embedded SQLite file and PostgreSQL.

SQLite: WAL, foreign keys on, ``synchronous=FULL`` (a commit that returned survives a power cut),
a busy timeout, and write transactions begun ``IMMEDIATE`` so that two processes on one file queue
for the write lock instead of deadlocking on a lock upgrade. Reads begin ``DEFERRED``.

PostgreSQL: ``postgresql+psycopg://user@host/db``; a URL with a user but no password takes the
password from the OS keyring (service ``crm-desktop``, user ``user@host:port``).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from crm_desktop import APP_NAME
from crm_desktop.errors import QT_TRANSLATE_NOOP, StorageError
from crm_desktop.paths import backup_dir, default_database_path, shipped_dir

log = logging.getLogger(__name__)

KEYRING_SERVICE = APP_NAME
ENV_DATABASE_URL = "CRM_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 30_000
BACKUPS_KEPT = 5
_WRITE_OPTION = "crm_write"


def resolve_url(explicit: str | None = None, configured: str | None = None) -> str:
    """``--database URL`` wins, then ``$CRM_DATABASE_URL``, then the URL chosen in Settings
    (``configured``), then the embedded file."""
    if explicit:
        return explicit
    if env := os.environ.get(ENV_DATABASE_URL):
        return env
    if configured:
        return configured
    return sqlite_url(default_database_path())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def keyring_username(url: URL) -> str:
    """The keyring entry a PostgreSQL password is stored under."""
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}"


def set_keyring_password(url: str, password: str) -> None:
    """Store a PostgreSQL password in the OS keyring (raises StorageError without one)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_username(make_url(url)), password)
    except KeyringError as exc:
        raise _no_keyring_error(exc) from exc


def _no_keyring_error(exc: Exception) -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP(
            "UserErrors",
            "No OS keyring is available to keep the database password ({detail}). Start a "
            "desktop session with a Secret Service (GNOME Keyring, KWallet), or put the "
            "password in the database URL for this run.",
        ),
        field="password",
        detail=str(exc),
    )


@dataclass
class Database:
    """One database: its engine and the session factories for reads and writes."""

    url: str
    engine: Engine
    keyring_problem: Exception | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        write_engine = self.engine.execution_options(**{_WRITE_OPTION: True})
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def sqlite_path(self) -> Path | None:
        if self.dialect != "sqlite":
            return None
        database = self.engine.url.database
        return Path(database) if database and database != ":memory:" else None

    def read_session(self) -> Session:
        return self._read()

    def write_session(self) -> Session:
        return self._write()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for startup checks, with connection problems as StorageError."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise self.storage_error(exc) from exc

    def storage_error(self, exc: OperationalError) -> StorageError:
        text = str(exc.orig) if exc.orig is not None else str(exc)
        if self.keyring_problem is not None and "password" in text.lower():
            return _no_keyring_error(self.keyring_problem)
        return StorageError(
            QT_TRANSLATE_NOOP("UserErrors", "Cannot open the database {url}: {detail}"),
            url=make_url(self.url).render_as_string(hide_password=True),
            detail=text.strip(),
        )

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, echo: bool = False) -> Database:
    """An engine set up for this product's rules on SQLite or PostgreSQL (no I/O yet)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return Database(url, _sqlite_engine(parsed, echo=echo))
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        database = Database(url, create_engine(parsed, echo=echo, pool_pre_ping=True))
        _install_keyring_lookup(database, parsed)
        return database
    raise StorageError(
        QT_TRANSLATE_NOOP(
            "UserErrors", "Unsupported database URL {url}: use sqlite:/// or postgresql://."
        ),
        field="database",
        url=parsed.render_as_string(hide_password=True),
    )


def _sqlite_engine(url: URL, *, echo: bool) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Hand transaction control to the "begin" hook below (pysqlite would otherwise
        # BEGIN lazily and DEFERRED, and COMMIT before DDL). Python 3.11 has no
        # ``autocommit`` attribute, so the recipe's isolation_level=None it is.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            if url.database and url.database != ":memory:":
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _install_keyring_lookup(database: Database, url: URL) -> None:
    if not url.username or url.password is not None:
        return
    username = keyring_username(url)

    @event.listens_for(database.engine, "do_connect")
    def _password_from_keyring(
        _dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]
    ) -> None:
        if cparams.get("password"):
            return
        import keyring
        from keyring.errors import KeyringError

        try:
            password = keyring.get_password(KEYRING_SERVICE, username)
        except KeyringError as exc:  # no backend: the server may still trust us
            database.keyring_problem = exc
            return
        if password:
            cparams["password"] = password


# --- migrations -------------------------------------------------------------------------------


def alembic_config(database: Database | None = None) -> Any:
    """An Alembic Config for the shipped migrations (works from an installed wheel too)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(shipped_dir("migrations")))
    if database is not None:
        config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(database: Database) -> str | None:
    from alembic.migration import MigrationContext

    with database.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_empty(database: Database) -> bool:
    with database.connect() as conn:
        return not inspect(conn).get_table_names()


def needs_upgrade(database: Database) -> bool:
    return current_revision(database) != head_revision()


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection for schema changes, in one transaction.

    On SQLite, foreign keys are switched off first (it cannot be done inside a transaction):
    Alembic's batch mode rebuilds tables, and dropping a referenced table would fail. Before
    the commit ``PRAGMA foreign_key_check`` must come back empty, as in SQLite's own procedure
    for schema changes.
    """
    with engine.execution_options(**{_WRITE_OPTION: True}).connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw: Any = conn.connection.driver_connection if sqlite else None
        if sqlite:
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                yield conn
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


def upgrade(database: Database, revision: str = "head") -> None:
    """Run Alembic on this database's own connection, in one transaction."""
    from alembic import command

    config = alembic_config(database)
    with migration_connection(database.engine) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def migrate_to_head(database: Database) -> Path | None:
    """Upgrade on start: back an existing SQLite file up first. Returns the backup, if any."""
    if not needs_upgrade(database):
        return None
    backup = None
    path = database.sqlite_path
    if path is not None and not is_empty(database):
        backup = backup_sqlite(path)
    upgrade(database)
    return backup


def backup_sqlite(path: Path, *, directory: Path | None = None, keep: int = BACKUPS_KEPT) -> Path:
    """A consistent copy through SQLite's online backup API; only the newest ``keep`` stay."""
    directory = directory or backup_dir()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = directory / f"{path.stem}-{stamp}{path.suffix}"
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    old = sorted(directory.glob(f"{path.stem}-*{path.suffix}"))
    for stale in old[:-keep] if keep > 0 else old:
        stale.unlink(missing_ok=True)
    log.info("backed up %s to %s", path, target)
    return target
