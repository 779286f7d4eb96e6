"""Start-up of the desktop app: open + migrate + actor + empty check, the demo offer, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from crm_desktop import app as crm_app
from crm_desktop.db import current_revision, head_revision, sqlite_url
from crm_desktop.errors import QT_TRANSLATE_NOOP, StorageError
from crm_desktop.services import demo
from crm_desktop.services import parties as p
from crm_desktop.services.lists import ClientFilter, client_count
from crm_desktop.views import i18n, messages
from crm_desktop.views.dialogs.demo import DemoOffer
from crm_desktop.views.main_window import MainWindow


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    """Every error box the app would show, instead of showing it."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, **kw: shown.append(text))
    return shown


@pytest.fixture
def started(tmp_path):
    result = crm_app.start_database(sqlite_url(tmp_path / "data" / "crm.sqlite3"))
    yield result
    result.db.dispose()


def test_start_creates_and_migrates_a_fresh_file(tmp_path):
    path = tmp_path / "new" / "dir" / "crm.sqlite3"
    started = crm_app.start_database(sqlite_url(path))
    try:
        assert path.exists()
        assert current_revision(started.db) == head_revision()
        assert started.empty
        assert started.backup is None
        assert started.actor.role == "admin"  # the first user of a database
    finally:
        started.db.dispose()

    again = crm_app.start_database(sqlite_url(path))  # already at head: nothing to do
    try:
        assert again.actor.user_id == started.actor.user_id
        assert again.backup is None
    finally:
        again.db.dispose()


def test_start_sees_clients(tmp_path):
    url = sqlite_url(tmp_path / "crm.sqlite3")
    first = crm_app.start_database(url)
    p.create_client(first.db, first.actor, p.ClientDraft(name="ООО «Ромашка»"))
    first.db.dispose()
    second = crm_app.start_database(url)
    try:
        assert not second.empty
    finally:
        second.db.dispose()


def test_start_uses_the_environment_url(tmp_path, monkeypatch):
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("CRM_DATABASE_URL", sqlite_url(path))
    started = crm_app.start_database(None)
    try:
        assert started.db.sqlite_path == path
    finally:
        started.db.dispose()


def test_a_directory_that_cannot_be_created_is_a_storage_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(StorageError) as caught:
        crm_app.start_database(sqlite_url(blocker / "sub" / "crm.sqlite3"))
    assert caught.value.message.params["url"].endswith("crm.sqlite3")


def test_an_unsupported_url_is_a_storage_error():
    with pytest.raises(StorageError):
        crm_app.start_database("mysql://somewhere/crm")


def test_run_gui_shows_a_storage_error_and_exits_2(qapp, tmp_path, settings, shown_errors):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    url = sqlite_url(blocker / "sub" / "crm.sqlite3")
    assert crm_app.run_gui(url, settings=settings) == crm_app.EXIT_STORAGE_ERROR
    assert len(shown_errors) == 1
    assert "Cannot open the database" in shown_errors[0]
    assert str(blocker) in shown_errors[0]


def test_run_gui_shows_the_storage_error_in_russian(qapp, tmp_path, settings, shown_errors):
    default = QLocale()
    settings.setValue(i18n.LANGUAGE_KEY, "ru")
    try:
        code = crm_app.run_gui("mysql://somewhere/crm", settings=settings)
    finally:
        QLocale.setDefault(default)
    assert code == 2
    assert shown_errors[0].startswith("Неподдерживаемый адрес базы данных mysql://somewhere/crm")
    # the translators are gone again afterwards
    assert QApplication.translate("Sections", "Clients") == "Clients"


def test_language_choice(settings):
    russian = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert i18n.choose_language(settings, russian) == "ru"
    assert i18n.choose_language(settings, english) == "en"
    settings.setValue(i18n.LANGUAGE_KEY, "en")
    assert i18n.choose_language(settings, russian) == "en"
    settings.setValue(i18n.LANGUAGE_KEY, "ru")
    assert i18n.choose_language(settings, english) == "ru"
    settings.setValue(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.choose_language(settings, english) == "en"


def make_window(qtbot, started, settings) -> MainWindow:
    window = crm_app.create_main_window(started, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_demo_offer_declined_does_nothing(qtbot, started, settings, monkeypatch):
    asked: list[int] = []
    monkeypatch.setattr(DemoOffer, "ask", classmethod(lambda cls, parent, n: asked.append(n)))
    window = make_window(qtbot, started, settings)
    assert crm_app.offer_demo(window, clients=7) is None
    assert asked == [7]
    assert window.clients.model.total() == 0


def test_demo_offer_accepted_fills_the_list_off_the_gui_thread(
    qtbot, started, settings, monkeypatch, shown_errors
):
    asked: list[int] = []

    def yes(cls, parent, clients):
        asked.append(clients)
        return True

    monkeypatch.setattr(DemoOffer, "ask", classmethod(yes))
    window = make_window(qtbot, started, settings)
    assert started.empty
    assert window.count_label.text() == "Clients: 0"

    task = crm_app.offer_demo(window, clients=12, seed=7)
    assert task is not None
    assert asked == [12]
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert task.error is None, task.error
    assert shown_errors == []
    assert task.result.clients == 12

    total = client_count(started.db, ClientFilter())
    assert total > 0
    qtbot.waitUntil(lambda: window.clients.model.total() == total)
    assert window.clients.model.rowCount() == total
    assert window.count_label.text() == f"Clients: {total}"
    assert "12" in window.statusBar().currentMessage()


def test_a_failing_demo_is_shown_in_words(qtbot, started, settings, monkeypatch, shown_errors):
    monkeypatch.setattr(DemoOffer, "ask", classmethod(lambda cls, parent, n: True))

    def broken(*args, **kwargs):
        raise StorageError(
            QT_TRANSLATE_NOOP("UserErrors", "Cannot open the database {url}: {detail}"),
            url="sqlite:///x",
            detail="disk full",
        )

    monkeypatch.setattr(demo, "generate", broken)
    window = make_window(qtbot, started, settings)
    task = crm_app.offer_demo(window, clients=3)
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert isinstance(task.error, StorageError)
    assert shown_errors == ["Cannot open the database sqlite:///x: disk full"]


def test_run_gui_end_to_end_with_the_demo(qapp, tmp_path: Path, settings, monkeypatch):
    """The whole start: empty file → window → demo offer → worker → list → quit → 0."""
    monkeypatch.setattr(DemoOffer, "ask", classmethod(lambda cls, parent, n: True))
    real_offer = crm_app.offer_demo
    seen: dict[str, object] = {}

    def offer_then_quit(window, **kwargs):
        task = real_offer(window, **kwargs)
        assert task is not None

        def finished() -> None:
            seen["rows"] = window.clients.model.rowCount()
            seen["error"] = task.error
            window.close()

        task.finished.connect(finished)
        return task

    monkeypatch.setattr(crm_app, "offer_demo", offer_then_quit)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(QApplication.quit)
    watchdog.start(120_000)
    url = sqlite_url(tmp_path / "e2e.sqlite3")
    try:
        code = crm_app.run_gui(url, settings=settings, demo_clients=5)
    finally:
        watchdog.stop()
    assert code == 0
    assert seen["error"] is None
    assert isinstance(seen["rows"], int)
    assert seen["rows"] > 0
    assert settings.contains("main_window/geometry")


def test_database_chosen_in_settings_is_used(tmp_path, monkeypatch):
    """--database, then $CRM_DATABASE_URL, then Settings' "database/url", then the default."""
    from crm_desktop.app import start_database

    monkeypatch.delenv("CRM_DATABASE_URL", raising=False)
    chosen = f"sqlite:///{tmp_path / 'chosen.sqlite3'}"
    started = start_database(None, chosen)
    try:
        assert started.db.url == chosen
    finally:
        started.db.dispose()
    explicit = f"sqlite:///{tmp_path / 'explicit.sqlite3'}"
    started = start_database(explicit, chosen)
    try:
        assert started.db.url == explicit
    finally:
        started.db.dispose()
