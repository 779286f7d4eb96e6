""" "Test connection" for the Settings dialog: can this database be reached, and what is it?

:func:`test_connection` never changes anything: a PostgreSQL server is asked for its version
and nothing else; an embedded SQLite file is opened read-only, and one that does not exist yet
is only checked for a place where it can be created at the next start. Problems come back in
the report as a translatable :class:`~crm_desktop.errors.Message` rather than as exceptions,
since a failed test is an answer, not an error. It blocks (up to :data:`CONNECT_TIMEOUT_S` on
an unreachable server): the GUI runs it in a worker.

:func:`settings_url` and :func:`parse_url` turn the dialog's fields into the URL kept in the
user's settings (never with a password: that lives in the OS keyring) and back.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from crm_desktop.db import open_database
from crm_desktop.errors import QT_TRANSLATE_NOOP, Message, StorageError, ValidationError

CONNECT_TIMEOUT_S = 5
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ConnectionReport:
    """The answer of a connection test; ``message`` is for the user (translate it)."""

    ok: bool
    server_version: str | None
    message: Message


def _failed(text_: str, **params: str) -> ConnectionReport:
    return ConnectionReport(False, None, Message(text_, params))


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def test_connection(url: str, password: str | None = None) -> ConnectionReport:  # noqa: PT028
    """Try ``url`` (``password``, if given, instead of the one in the keyring)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return _failed(
            QT_TRANSLATE_NOOP(
                "UserErrors", "Unsupported database URL {url}: use sqlite:/// or postgresql://."
            ),
            url=url,
        )
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _test_sqlite(parsed)
    if backend == "postgresql":
        return _test_postgresql(parsed, password)
    return _failed(
        QT_TRANSLATE_NOOP(
            "UserErrors", "Unsupported database URL {url}: use sqlite:/// or postgresql://."
        ),
        url=_shown(parsed),
    )


def _test_postgresql(url: URL, password: str | None) -> ConnectionReport:
    shown = _shown(url)
    if password:
        url = url.set(password=password)
    if "connect_timeout" not in url.query:
        url = url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    try:
        database = open_database(url.render_as_string(hide_password=False))
    except StorageError as exc:
        return ConnectionReport(False, None, exc.message)
    try:
        with database.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar_one())
    except StorageError as exc:
        params = dict(exc.message.params)
        if "url" in params:  # without the connect_timeout added above
            params["url"] = shown
        return ConnectionReport(False, None, Message(exc.message.text, params))
    finally:
        database.dispose()
    server = f"PostgreSQL {version.split(' ')[0]}"
    return ConnectionReport(
        True,
        server,
        Message(
            QT_TRANSLATE_NOOP("UserErrors", "Connected to {server} at {url}."),
            {"server": server, "url": shown},
        ),
    )


def _test_sqlite(url: URL) -> ConnectionReport:
    server = f"SQLite {sqlite3.sqlite_version}"
    if not url.database or url.database == ":memory:":
        return _failed(
            QT_TRANSLATE_NOOP("UserErrors", "Choose a file for the embedded database."),
        )
    path = Path(url.database)
    if not path.exists():
        parent = next((p for p in path.parents if p.exists()), None)
        if parent is None or not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
            return _failed(
                QT_TRANSLATE_NOOP("UserErrors", "The database file {path} cannot be created here."),
                path=str(path),
            )
        return ConnectionReport(
            True,
            server,
            Message(
                QT_TRANSLATE_NOOP(
                    "UserErrors",
                    "The file {path} does not exist yet; it will be created at the next start.",
                ),
                {"path": str(path)},
            ),
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return _failed(
            QT_TRANSLATE_NOOP("UserErrors", "Cannot open the database {url}: {detail}"),
            url=_shown(url),
            detail=str(exc),
        )
    return ConnectionReport(
        True,
        server,
        Message(
            QT_TRANSLATE_NOOP("UserErrors", "The database file {path} opens ({server})."),
            {"path": str(path), "server": server},
        ),
    )


# --- what the Settings dialog edits -------------------------------------------------------------


@dataclass(frozen=True)
class DatabaseSettings:
    """A database location as the Settings dialog shows it (never with a password)."""

    kind: Literal["embedded", "server"]
    path: str = ""
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""


def parse_url(url: str) -> DatabaseSettings:
    """The form's fields for ``url``; anything that is not PostgreSQL counts as embedded."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return DatabaseSettings("embedded")
    if parsed.get_backend_name() == "postgresql":
        return DatabaseSettings(
            "server",
            host=parsed.host or "",
            port=parsed.port or DEFAULT_PORT,
            database=parsed.database or "",
            user=parsed.username or "",
        )
    database = parsed.database if parsed.get_backend_name() == "sqlite" else None
    return DatabaseSettings("embedded", path=database or "")


def _required(value: str, name: str, errors: dict[str, Message]) -> str:
    text_ = value.strip()
    if not text_:
        errors[name] = Message(QT_TRANSLATE_NOOP("UserErrors", "This field is required."))
    elif any(c.isspace() for c in text_) or "/" in text_ or "@" in text_:
        errors[name] = Message(
            QT_TRANSLATE_NOOP("UserErrors", "Spaces, «/» and «@» are not allowed here.")
        )
    return text_


def settings_url(settings: DatabaseSettings) -> str:
    """The URL to keep in the user's settings (no password; it lives in the keyring).

    Raises ValidationError keyed ``path``, ``host``, ``port``, ``database`` or ``user``.
    """
    errors: dict[str, Message] = {}
    if settings.kind == "embedded":
        path = settings.path.strip()
        if not path:
            raise ValidationError.single(
                "path", QT_TRANSLATE_NOOP("UserErrors", "Choose a file for the embedded database.")
            )
        return f"sqlite:///{Path(path).expanduser()}"
    host = _required(settings.host, "host", errors)
    database = _required(settings.database, "database", errors)
    user = _required(settings.user, "user", errors)
    if not 1 <= settings.port <= 65535:
        errors["port"] = Message(
            QT_TRANSLATE_NOOP("UserErrors", "The port must be between 1 and 65535.")
        )
    if errors:
        raise ValidationError(errors)
    url = URL.create(
        "postgresql+psycopg", username=user, host=host, port=settings.port, database=database
    )
    return url.render_as_string(hide_password=False)


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test

__all__ = [
    "CONNECT_TIMEOUT_S",
    "DEFAULT_PORT",
    "ConnectionReport",
    "DatabaseSettings",
    "parse_url",
    "settings_url",
    "test_connection",
]
