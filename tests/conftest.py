"""Shared fixtures: a migrated database on SQLite and on PostgreSQL for every data-layer test.

``db`` is parametrised over both backends. Each test gets its own database: a copy of a
migrated SQLite template file, or a PostgreSQL database created from a migrated template
database (``CREATE DATABASE … TEMPLATE``), dropped afterwards.

PostgreSQL comes from ``$CRM_TEST_POSTGRES_URL`` (default: the local server, user postgres).
Without a reachable server those tests are skipped with the reason shown, except under
``CI=true``, where a missing server fails the run.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from crm_desktop.db import Database, open_database, sqlite_url, upgrade
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import ensure_user

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BACKENDS = ("sqlite", "postgresql")
_counter = itertools.count()
_outcomes: Counter[tuple[str, str]] = Counter()


def pg_admin_url() -> str:
    return os.environ.get("CRM_TEST_POSTGRES_URL", DEFAULT_PG_URL)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


class PostgresServer:
    """Creates and drops throw-away databases on the test server."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = make_url(admin_url)
        self.engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        self.prefix = f"crm_test_{os.getpid()}"

    def url_for(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        with self.engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            tpl = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{tpl}'))
        return self.url_for(name)

    def drop(self, name: str) -> None:
        with self.engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = PostgresServer(pg_admin_url())
    try:
        with server.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = (
            f"PostgreSQL at {server.admin_url.render_as_string(hide_password=True)} is not "
            f"reachable ({exc.orig}); set CRM_TEST_POSTGRES_URL"
        )
        if in_ci():
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    yield server
    server.engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = open_database(sqlite_url(path))
    upgrade(database)
    database.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer) -> Iterator[str]:
    name = f"{pg_server.prefix}_template"
    database = open_database(pg_server.create(name))
    upgrade(database)
    database.dispose()
    yield name
    pg_server.drop(name)


def copy_sqlite(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database of this test's own, on SQLite or PostgreSQL."""
    if backend == "sqlite":
        path = tmp_path / "crm.sqlite3"
        copy_sqlite(request.getfixturevalue("sqlite_template"), path)
        database = open_database(sqlite_url(path))
        yield database
        database.dispose()
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    template: str = request.getfixturevalue("pg_template")
    name = f"{server.prefix}_{next(_counter)}"
    database = open_database(server.create(name, template))
    yield database
    database.dispose()
    server.drop(name)


@pytest.fixture
def empty_db(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database (no tables) on SQLite or PostgreSQL, for migration tests."""
    if backend == "sqlite":
        database = open_database(sqlite_url(tmp_path / "empty.sqlite3"))
        yield database
        database.dispose()
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    name = f"{server.prefix}_{next(_counter)}"
    database = open_database(server.create(name))
    yield database
    database.dispose()
    server.drop(name)


@pytest.fixture
def actor(db: Database) -> Actor:
    return ensure_user(db, "manager", "Иванов Иван Иванович")


# deal → the stages it reaches in order, then how it ends ("won", ("lost", reason) or "open")
FUNNEL_PATHS = [
    (["needs", "conditions", "proposal", "negotiation", "contract"], "won"),
    (["needs", "conditions", "proposal", "negotiation", "contract"], "open"),
    (["needs", "conditions", "proposal"], ("lost", "price")),
    (["needs", "conditions"], "open"),
    (["needs"], ("lost", "competitor")),
    ([], ("lost", "price")),
]


@pytest.fixture
def funnel_data(db: Database, actor: Actor) -> Actor:
    """Six manual deals of ``actor`` moved as FUNNEL_PATHS says (1,000 ₽ each), and one deal
    of another manager: a funnel with known numbers."""
    from decimal import Decimal

    from crm_desktop.services import deals as d
    from crm_desktop.services import parties as p

    client = p.create_client(db, actor, p.ClientDraft(name="Ромашка"))
    other = ensure_user(db, "other", "Другой Менеджер")
    for index, (path, end) in enumerate(FUNNEL_PATHS):
        deal = d.create_deal(
            db,
            actor,
            d.DealDraft(
                title=f"Сделка {index}", client_id=client.id, kind="manual", amount=Decimal(1000)
            ),
        )
        for code in path:
            deal = d.move_to_stage(
                db,
                actor,
                deal.id,
                deal.version,
                p.catalogue_item_id(db, "deal_stage", code),
                confirm_skipped=True,
            )
        if end == "won":
            d.win(db, actor, deal.id, deal.version, confirm_skipped=True)
        elif isinstance(end, tuple):
            reason = p.catalogue_item_id(db, "loss_reason", end[1])
            d.lose(db, actor, deal.id, deal.version, reason, "Не сложилось")
    d.create_deal(db, other, d.DealDraft(title="Чужая", client_id=client.id, kind="manual"))
    return actor


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" and not (report.when == "setup" and report.outcome != "passed"):
        return
    for name in BACKENDS:
        nodeid = report.nodeid
        if f"[{name}" in nodeid or f"-{name}]" in nodeid or f"-{name}-" in nodeid:
            _outcomes[(name, report.outcome)] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _outcomes:
        return
    terminalreporter.section("data-layer tests per backend")
    for name in BACKENDS:
        counts = ", ".join(
            f"{_outcomes[(name, outcome)]} {outcome}"
            for outcome in ("passed", "failed", "skipped")
            if _outcomes[(name, outcome)]
        )
        terminalreporter.write_line(f"{name}: {counts or 'none'}")
