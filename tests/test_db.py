"""Engines: SQLite pragmas and IMMEDIATE writes, URL resolution, keyring, backups, startup."""

from __future__ import annotations

import sqlite3
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from crm_desktop import db as dbmod
from crm_desktop.errors import StorageError
from crm_desktop.services import parties as p
from crm_desktop.services.uow import write_unit


@pytest.fixture
def sqlite_db(tmp_path):
    database = dbmod.open_database(dbmod.sqlite_url(tmp_path / "crm.sqlite3"))
    yield database
    database.dispose()


def test_sqlite_pragmas(sqlite_db):
    with sqlite_db.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


def test_write_units_take_the_write_lock_at_begin(sqlite_db, tmp_path):
    """BEGIN IMMEDIATE: a second writer waits at BEGIN instead of deadlocking later."""
    dbmod.upgrade(sqlite_db)
    other = sqlite3.connect(tmp_path / "crm.sqlite3", timeout=0, isolation_level=None)
    try:
        with write_unit(sqlite_db, None) as session:
            session.execute(text("SELECT 1"))
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again after commit
        other.execute("ROLLBACK")
        # a read unit does not block writers
        with sqlite_db.read_session() as session, session.begin():
            session.execute(text("SELECT count(*) FROM client"))
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_locked_file_becomes_a_storage_error(sqlite_db, tmp_path, monkeypatch):
    dbmod.upgrade(sqlite_db)
    sqlite_db.dispose()
    monkeypatch.setattr(dbmod, "SQLITE_BUSY_TIMEOUT_MS", 100)
    quick = dbmod.open_database(dbmod.sqlite_url(tmp_path / "crm.sqlite3"))
    holder = sqlite3.connect(tmp_path / "crm.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(StorageError):
            p.create_client(quick, None, p.ClientDraft(name="Ромашка"))
        assert time.monotonic() - started < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        quick.dispose()


def test_url_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv(dbmod.ENV_DATABASE_URL, raising=False)
    monkeypatch.setattr(dbmod, "default_database_path", lambda: tmp_path / "default.sqlite3")
    assert dbmod.resolve_url(None) == f"sqlite:///{tmp_path / 'default.sqlite3'}"
    monkeypatch.setenv(dbmod.ENV_DATABASE_URL, "postgresql://u@h/d")
    assert dbmod.resolve_url(None) == "postgresql://u@h/d"
    assert dbmod.resolve_url("sqlite:////x.db") == "sqlite:////x.db"
    assert dbmod.resolve_url(None, "postgresql://s@h/d") == "postgresql://u@h/d"  # env first
    monkeypatch.delenv(dbmod.ENV_DATABASE_URL)
    assert dbmod.resolve_url(None, "postgresql://s@h/d") == "postgresql://s@h/d"
    assert dbmod.resolve_url("sqlite:////x.db", "postgresql://s@h/d") == "sqlite:////x.db"


def test_default_database_lives_in_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    from crm_desktop import paths

    assert paths.default_database_path() == tmp_path / "xdg" / "crm-desktop" / "crm.sqlite3"


def test_unsupported_url_is_a_user_error():
    with pytest.raises(StorageError) as caught:
        dbmod.open_database("mysql://u@h/d")
    assert caught.value.field == "database"


def test_plain_postgresql_url_uses_psycopg():
    database = dbmod.open_database("postgresql://someone:pw@127.0.0.1:5432/nowhere")
    assert database.engine.dialect.driver == "psycopg"


def _memory_keyring(store):
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return store.get((service, username))

        def set_password(self, service, username, password):
            store[(service, username)] = password

        def delete_password(self, service, username):
            store.pop((service, username), None)

    return MemoryKeyring()


def test_password_comes_from_the_keyring(monkeypatch):
    import keyring

    store = {}
    previous = keyring.get_keyring()
    keyring.set_keyring(_memory_keyring(store))
    try:
        url = "postgresql+psycopg://clerk@db.example:6432/crm"
        dbmod.set_keyring_password(url, "s3cret")
        assert store == {("crm-desktop", "clerk@db.example:6432"): "s3cret"}
        database = dbmod.open_database(url)
        seen = {}

        def fake_connect(*args, **kwargs):
            seen.update(kwargs)
            raise OperationalError("connect", {}, Exception("stop here"))

        monkeypatch.setattr(database.engine.dialect, "connect", fake_connect)
        with pytest.raises(StorageError):
            with database.connect():
                pass
        assert seen["password"] == "s3cret"
    finally:
        keyring.set_keyring(previous)


def test_no_keyring_backend_is_explained(monkeypatch):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(StorageError) as caught:
            dbmod.set_keyring_password("postgresql://clerk@db.example/crm", "pw")
        assert "keyring" in str(caught.value).lower()
        assert "Secret Service" in str(caught.value)
        database = dbmod.open_database("postgresql+psycopg://clerk@127.0.0.1:1/crm")

        def refuse(*args, **kwargs):
            raise OperationalError(
                "connect", {}, Exception('password authentication failed for user "clerk"')
            )

        monkeypatch.setattr(database.engine.dialect, "connect", refuse)
        with pytest.raises(StorageError) as caught:
            with database.connect():
                pass
        assert database.keyring_problem is not None
        assert "keyring" in str(caught.value).lower()
    finally:
        keyring.set_keyring(previous)


def test_backups_keep_the_newest_few(tmp_path):
    source = tmp_path / "crm.sqlite3"
    conn = sqlite3.connect(source)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (42)")
    conn.commit()
    conn.close()
    made = [dbmod.backup_sqlite(source, directory=tmp_path / "b", keep=3) for _ in range(5)]
    left = sorted((tmp_path / "b").iterdir())
    assert left == made[-3:]
    copy = sqlite3.connect(left[-1])
    assert copy.execute("SELECT x FROM t").fetchall() == [(42,)]
    copy.close()


def test_migrate_on_start_backs_up_an_existing_file(tmp_path, monkeypatch):
    monkeypatch.setattr(dbmod, "backup_dir", lambda: tmp_path / "backups")
    database = dbmod.open_database(dbmod.sqlite_url(tmp_path / "crm.sqlite3"))
    try:
        dbmod.upgrade(database, "0001")  # a file made by an older version of the app
        backup = dbmod.migrate_to_head(database)
        assert backup is not None and backup.parent == tmp_path / "backups"
        copy = sqlite3.connect(backup)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        copy.close()
        assert dbmod.current_revision(database) == dbmod.head_revision()
        assert dbmod.migrate_to_head(database) is None  # at head: nothing to do
    finally:
        database.dispose()


def test_new_file_is_migrated_without_a_backup(tmp_path, monkeypatch):
    monkeypatch.setattr(dbmod, "backup_dir", lambda: tmp_path / "backups")
    database = dbmod.open_database(dbmod.sqlite_url(tmp_path / "new" / "crm.sqlite3"))
    try:
        assert dbmod.migrate_to_head(database) is None
        assert dbmod.current_revision(database) == dbmod.head_revision()
        assert not (tmp_path / "backups").exists()
    finally:
        database.dispose()


def test_postgresql_connection_error_is_a_storage_error():
    database = dbmod.open_database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(StorageError) as caught:
        dbmod.current_revision(database)
    assert "127.0.0.1" in str(caught.value)
    database.dispose()
