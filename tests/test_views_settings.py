"""The Settings dialog: database (password in the keyring), language, user name, circles."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from sqlalchemy.engine import make_url

from crm_desktop.db import KEYRING_SERVICE, keyring_username
from crm_desktop.errors import ValidationError
from crm_desktop.paths import default_database_path
from crm_desktop.services import circles, users
from crm_desktop.views.dialogs.settings import DATABASE_URL_KEY, SettingsDialog
from crm_desktop.views.i18n import LANGUAGE_KEY


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


@pytest.fixture
def use_keyring():
    """Install a keyring backend for one test, then put the old one back."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_dialog(qtbot, db, actor, settings) -> SettingsDialog:
    dialog = SettingsDialog(db, actor, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_server(dialog: SettingsDialog, url: str, password: str = "") -> None:
    parsed = make_url(url)
    dialog.server.setChecked(True)
    dialog.host.setText(parsed.host or "")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database_name.setText(parsed.database or "")
    dialog.user_name.setText(parsed.username or "")
    dialog.password.setText(password)


def test_circles_tab_saves_the_mandatory_fields(qtbot, db, actor, settings):
    dialog = make_dialog(qtbot, db, actor, settings)
    rules = {r.code: r for r in circles.rules(db)}
    potential, key = rules["potential"], rules["key"]
    assert dialog.requirement_boxes[(key.circle_id, "phone")].isChecked()  # seeded defaults
    assert not dialog.requirement_boxes[(potential.circle_id, "phone")].isChecked()
    dialog.requirement_boxes[(potential.circle_id, "phone")].setChecked(True)
    dialog.requirement_boxes[(potential.circle_id, "owner_id")].setChecked(True)
    dialog.requirement_boxes[(key.circle_id, "head_count")].setChecked(False)
    assert dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.restart_needed
    after = {r.code: r for r in circles.rules(db)}
    assert after["potential"].mandatory == ("phone", "owner_id")
    assert "head_count" not in after["key"].mandatory
    assert "phone" in after["key"].mandatory
    assert after["regular"].mandatory == rules["regular"].mandatory


def test_every_requirement_has_a_readable_label(qtbot, db, actor, settings):
    dialog = make_dialog(qtbot, db, actor, settings)
    labels = [dialog.requirement_label(name) for name in circles.REQUIREMENTS]
    assert labels == [
        "Phone",
        "E-mail",
        "Industry",
        "Source",
        "Head-count",
        "Responsible manager",
        "Comment",
        "Counterparty",
        "Contact person",
    ]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("choice", "restart"), [("en", True), ("ru", True), ("", False)])
def test_the_language_goes_to_qsettings(qtbot, db, actor, settings, choice, restart):
    dialog = make_dialog(qtbot, db, actor, settings)
    assert dialog.language() == ""  # nothing chosen yet: the system's language
    dialog.language_buttons[choice].setChecked(True)
    assert dialog.save()
    assert settings.value(LANGUAGE_KEY) == choice
    assert dialog.restart_needed is restart


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_embedded_mode_renames_the_user(qtbot, db, actor, settings):
    renamed = []
    dialog = SettingsDialog(db, actor, settings, on_renamed=renamed.append)
    qtbot.addWidget(dialog)
    assert dialog.login.isReadOnly()
    assert dialog.login.text() == "manager"
    assert not dialog.full_name.isReadOnly()
    dialog.full_name.setText("")
    assert not dialog.save()
    assert dialog.tabs.currentWidget() is dialog.user_tab
    assert dialog.user_errors.text("full_name") == "This field is required."
    dialog.full_name.setText("  Петров   Пётр ")
    assert dialog.save()
    assert [a.full_name for a in renamed] == ["Петров Пётр"]
    assert {u.login: u.full_name for u in users.list_users(db)}["manager"] == "Петров Пётр"


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_on_a_server_the_login_is_shown_read_only(qtbot, db, actor, settings):
    dialog = make_dialog(qtbot, db, actor, settings)
    assert dialog.login.text() == actor.login
    assert dialog.login.isReadOnly()
    assert dialog.full_name.isReadOnly()
    assert dialog.server.isChecked()  # the form starts from the database in use
    assert dialog.host.text() == make_url(db.url).host


def test_rename_user_service(db, actor):
    renamed = users.rename_user(db, actor, "Сидорова Анна")
    assert renamed.full_name == "Сидорова Анна"
    assert renamed.user_id == actor.user_id
    with pytest.raises(ValidationError) as caught:
        users.rename_user(db, actor, "   ")
    assert set(caught.value.field_errors) == {"full_name"}


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_embedded_file_shows_its_path_and_default_is_not_stored(
    qtbot, db, actor, settings, tmp_path, monkeypatch
):
    dialog = make_dialog(qtbot, db, actor, settings)
    assert dialog.embedded.isChecked()
    assert dialog.path.text() == str(db.sqlite_path)
    assert str(db.sqlite_path) in dialog.in_use.text()
    assert not dialog.server_box.isEnabled()
    assert dialog.save()
    assert settings.value(DATABASE_URL_KEY) is None  # untouched: not made a setting
    assert not dialog.restart_needed

    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(SettingsDialog, "choose_file", classmethod(lambda cls, p, c: str(other)))
    dialog = make_dialog(qtbot, db, actor, settings)
    dialog.browse.click()
    assert dialog.path.text() == str(other)
    assert dialog.save()
    assert settings.value(DATABASE_URL_KEY) == f"sqlite:///{other}"
    assert dialog.restart_needed

    dialog = make_dialog(qtbot, db, actor, settings)
    assert dialog.path.text() == str(other)  # the setting, not the file in use
    dialog.path.setText(str(default_database_path()))
    assert dialog.save()
    assert settings.value(DATABASE_URL_KEY) is None  # the default needs no setting
    assert dialog.restart_needed


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_server_password_goes_to_the_keyring_not_to_qsettings(
    qtbot, db, actor, settings, use_keyring, tmp_path
):
    memory = MemoryKeyring()
    use_keyring(memory)
    dialog = make_dialog(qtbot, db, actor, settings)
    fill_server(dialog, "postgresql://ivanov@crm.office.local:5433/crm", "s3cret")
    assert dialog.save()
    stored = settings.value(DATABASE_URL_KEY)
    assert stored == "postgresql+psycopg://ivanov@crm.office.local:5433/crm"
    assert "s3cret" not in (tmp_path / "settings.ini").read_text()
    username = keyring_username(make_url(stored))
    assert memory.passwords == {(KEYRING_SERVICE, username): "s3cret"}
    assert dialog.restart_needed


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_missing_server_fields_are_shown_next_to_them(qtbot, db, actor, settings):
    dialog = make_dialog(qtbot, db, actor, settings)
    fill_server(dialog, "postgresql://crm.office.local/crm")
    dialog.tabs.setCurrentWidget(dialog.circles_tab)
    assert not dialog.save()
    assert dialog.tabs.currentWidget() is dialog.database_tab
    assert dialog.database_errors.text("user") == "This field is required."
    assert dialog.database_errors.text("host") == ""
    assert settings.value(DATABASE_URL_KEY) is None


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_no_keyring_is_shown_in_words(qtbot, db, actor, settings, use_keyring):
    use_keyring(keyring.backends.fail.Keyring())
    dialog = make_dialog(qtbot, db, actor, settings)
    fill_server(dialog, "postgresql://ivanov@crm.office.local/crm", "s3cret")
    dialog.language_buttons["en"].setChecked(True)
    assert not dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    text = dialog.database_errors.text("password")
    assert text.startswith("No OS keyring is available to keep the database password")
    assert "GNOME Keyring" in text
    assert "{" not in text
    assert settings.value(DATABASE_URL_KEY) is None  # nothing saved
    assert settings.value(LANGUAGE_KEY) is None


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_test_connection_to_the_test_postgresql(qtbot, db, actor, settings, pg_server):
    dialog = make_dialog(qtbot, db, actor, settings)
    fill_server(dialog, pg_server.admin_url.render_as_string(hide_password=False))
    with qtbot.waitSignal(dialog.connection_tested, timeout=15_000) as blocker:
        dialog.test_button.click()
        assert not dialog.test_button.isEnabled()
    report = blocker.args[0]
    assert report.ok
    assert dialog.test_result.text().startswith("Connected to PostgreSQL")
    assert dialog.test_button.isEnabled()
    assert settings.value(DATABASE_URL_KEY) is None  # testing saves nothing


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_test_connection_to_nowhere_says_why(qtbot, db, actor, settings):
    dialog = make_dialog(qtbot, db, actor, settings)
    fill_server(dialog, "postgresql://crm@127.0.0.1:1/crm", "secret")
    with qtbot.waitSignal(dialog.connection_tested, timeout=15_000) as blocker:
        dialog.test_button.click()
    assert not blocker.args[0].ok
    text = dialog.test_result.text()
    assert text.startswith("Cannot open the database postgresql+psycopg://crm@127.0.0.1:1/crm")
    assert "refused" in text.lower()
    assert "secret" not in text


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_ask_returns_whether_a_restart_is_needed(qtbot, db, actor, settings, monkeypatch):
    def fake_exec(self: SettingsDialog) -> int:
        qtbot.addWidget(self)
        self.language_buttons["ru"].setChecked(True)
        self.save()
        return self.result()

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    assert SettingsDialog.ask(None, db, actor, settings) is True
    assert settings.value(LANGUAGE_KEY) == "ru"
    assert SettingsDialog.ask(None, db, actor, settings) is False  # nothing changed now
