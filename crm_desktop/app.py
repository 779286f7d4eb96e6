"""Composition root of the desktop app: language, database, main window, first-run demo offer.

:func:`run_gui` is what ``crm-desktop`` calls. Its steps are separate functions so tests can run
them without ``QApplication.exec()``:

- :func:`start_database` opens the database, upgrades it (a SQLite file is backed up first),
  finds who is working and whether there are any clients yet;
- :func:`create_main_window` builds the window over that;
- :func:`offer_demo` asks whether to fill an empty database with demo data and, if so, writes it
  off the GUI thread with a progress dialog, then refreshes the lists.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from crm_desktop import APP_NAME
from crm_desktop.db import Database, migrate_to_head, open_database, resolve_url
from crm_desktop.errors import QT_TRANSLATE_NOOP, StorageError
from crm_desktop.services import demo
from crm_desktop.services.lists import has_clients
from crm_desktop.services.uow import Actor
from crm_desktop.services.users import current_actor
from crm_desktop.views import messages
from crm_desktop.views.dialogs.demo import DemoOffer
from crm_desktop.views.dialogs.settings import stored_database_url
from crm_desktop.views.i18n import choose_language, install_translators, remove_translators
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.tasks import Task, TaskState
from crm_desktop.views.widgets.progress import TaskProgressDialog

log = logging.getLogger(__name__)

EXIT_STORAGE_ERROR = 2
DEMO_CLIENTS = 300
DEMO_BATCH = 50  # clients per transaction: progress moves, Cancel takes effect quickly


@dataclass(frozen=True)
class Started:
    """What the app knows after start-up: the database, who works with it, whether it is new."""

    db: Database
    actor: Actor
    empty: bool
    backup: Path | None = None


def _cannot_open(url: str, detail: str) -> StorageError:
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        shown = url
    return StorageError(
        QT_TRANSLATE_NOOP("UserErrors", "Cannot open the database {url}: {detail}"),
        field="database",
        url=shown,
        detail=detail,
    )


def start_database(url: str | None, configured: str | None = None) -> Started:
    """Open and upgrade the database, find the actor, check for clients.

    ``url`` is ``--database``; ``configured`` the URL chosen in Settings (see
    :func:`crm_desktop.db.resolve_url` for the order).

    Every problem of the environment (no such server, a path that cannot be created, a disk
    that is full, a malformed URL) comes out as :class:`StorageError`.
    """
    resolved = resolve_url(url, configured)
    try:
        db = open_database(resolved)
    except ArgumentError as exc:
        raise _cannot_open(resolved, str(exc)) from exc
    except OSError as exc:  # the SQLite file's directory cannot be created
        raise _cannot_open(resolved, exc.strerror or str(exc)) from exc
    try:
        backup = migrate_to_head(db)
        if backup is not None:
            log.info("database backed up to %s before the upgrade", backup)
        actor = current_actor(db)
        empty = not has_clients(db)
    except OperationalError as exc:
        db.dispose()
        raise db.storage_error(exc) from exc
    except OSError as exc:  # the backup could not be written
        db.dispose()
        raise _cannot_open(resolved, exc.strerror or str(exc)) from exc
    except BaseException:
        db.dispose()
        raise
    return Started(db, actor, empty, backup)


def create_main_window(started: Started, settings: QSettings) -> MainWindow:
    return MainWindow(started.db, started.actor, settings=settings)


def offer_demo(
    window: MainWindow,
    *,
    clients: int = DEMO_CLIENTS,
    seed: int | None = None,
) -> Task | None:
    """Ask whether to load ``clients`` demo companies; if yes, write them in a worker.

    Returns the running task (``None`` when the user said no). When it ends the lists are
    read again; an error is shown to the user.
    """
    if not DemoOffer.ask(window, clients):
        return None
    db, actor = window.db, window.actor

    def generate(state: TaskState) -> demo.DemoSummary:
        return demo.generate(
            db,
            actor,
            clients=clients,
            seed=seed,
            progress=state.progress,
            cancelled=state.is_cancelled,
            batch_size=DEMO_BATCH,
        )

    task = window.tasks.start(generate, name="demo data")
    label = QCoreApplication.translate("DemoOffer", "Creating demo data…")
    TaskProgressDialog(task, label, window)

    def on_succeeded(summary: Any) -> None:
        window.statusBar().showMessage(DemoOffer().loaded(summary.clients), 10_000)
        window.reminders.check()  # the demo's overdue tasks pop up now, not a minute later

    task.succeeded.connect(on_succeeded)
    task.failed.connect(lambda error: messages.report_error(window, error))
    task.finished.connect(window.refresh)
    return task


def _application(argv: Sequence[str] | None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    return app


def run_gui(
    url: str | None = None,
    *,
    settings: QSettings | None = None,
    argv: Sequence[str] | None = None,
    demo_clients: int = DEMO_CLIENTS,
) -> int:
    """Start the desktop app on ``url`` (None: ``$CRM_DATABASE_URL`` or the embedded file).

    Returns the exit code: 0, or 2 when the database cannot be opened (the user was told why).
    """
    app = _application(argv)
    settings = settings if settings is not None else QSettings()
    translators = install_translators(app, choose_language(settings))
    try:
        try:
            started = start_database(url, stored_database_url(settings))
        except StorageError as exc:
            log.error("cannot start: %s", exc)
            messages.show_error(None, messages.user_message(exc))
            return EXIT_STORAGE_ERROR
        window = create_main_window(started, settings)
        try:
            window.show()
            if started.empty:
                QTimer.singleShot(0, lambda: offer_demo(window, clients=demo_clients))
            return app.exec()
        finally:
            window.tasks.shutdown()
            started.db.dispose()
    finally:
        remove_translators(app, translators)


__all__ = [
    "DEMO_CLIENTS",
    "EXIT_STORAGE_ERROR",
    "Started",
    "create_main_window",
    "offer_demo",
    "run_gui",
    "start_database",
]
