"""The Settings dialog: database (password in the keyring), language, user name, circles,
e-mail (QSettings, password in the keyring, "Check connection" against a local SMTP server)."""

from __future__ import annotations

import socket

import keyring
import keyring.backends.fail
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from sqlalchemy.engine import make_url

from crm_desktop.db import KEYRING_SERVICE, keyring_username
from crm_desktop.errors import ValidationError
from crm_desktop.paths import default_database_path
from crm_desktop.services import circles, mailer, users
from crm_desktop.views.dialogs.settings import DATABASE_URL_KEY, SettingsDialog
from crm_desktop.views.i18n import LANGUAGE_KEY
from crm_desktop.views.mail_settings import load_smtp_settings


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


# --- E-mail --------------------------------------------------------------------------------------

SMTP_LOGIN, SMTP_PASSWORD = "sales@vector.example", "s3cret"


def fill_mail(dialog: SettingsDialog, **values: str) -> None:
    tab = dialog.mail_tab
    edits = {
        "host": tab.host,
        "login": tab.login,
        "password": tab.password,
        "sender": tab.sender_address,
        "sender_name": tab.sender_name,
    }
    for name, text in values.items():
        edits[name].setText(text)


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        SMTP_LOGIN.encode(),
        SMTP_PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd sends the 535


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content)
        return "250 OK"


def free_port() -> int:
    # aiosmtpd's Controller cannot take port 0 (it test-connects to the configured port)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server():
    """A local SMTP server that wants SMTP_LOGIN / SMTP_PASSWORD (no TLS): (inbox, port)."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticate,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def check_connection(qtbot, dialog: SettingsDialog) -> None:
    tab = dialog.mail_tab
    tab.check_button.click()
    assert not tab.check_button.isEnabled()
    assert tab.check_result.text() == "Connecting…"
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=15_000)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_mail_settings_go_to_qsettings_and_the_password_to_the_keyring(
    qtbot, db, actor, settings, use_keyring, tmp_path
):
    memory = MemoryKeyring()
    use_keyring(memory)
    dialog = make_dialog(qtbot, db, actor, settings)
    tab = dialog.mail_tab
    assert tab.host.text() == ""
    assert tab.security_code() == "starttls"
    assert tab.port.value() == 587
    fill_mail(
        dialog,
        host="smtp.vector.example",
        login=SMTP_LOGIN,
        password=SMTP_PASSWORD,
        sender=SMTP_LOGIN,
        sender_name="ООО «Вектор»",
    )
    tab.set_security("ssl")
    assert tab.port.value() == 465  # follows the security while left at the usual port
    assert dialog.save()
    assert not dialog.restart_needed
    smtp = mailer.SmtpSettings(
        "smtp.vector.example", 465, "ssl", SMTP_LOGIN, SMTP_LOGIN, "ООО «Вектор»"
    )
    assert load_smtp_settings(settings) == smtp
    assert mailer.smtp_password(smtp) == SMTP_PASSWORD
    assert len(memory.passwords) == 1
    assert SMTP_PASSWORD not in (tmp_path / "settings.ini").read_text()

    # read back; a blank password keeps the stored one, also under a new port
    dialog = make_dialog(qtbot, db, actor, settings)
    tab = dialog.mail_tab
    assert (tab.host.text(), tab.port.value(), tab.security_code()) == (
        "smtp.vector.example",
        465,
        "ssl",
    )
    assert (tab.login.text(), tab.sender_address.text(), tab.sender_name.text()) == (
        SMTP_LOGIN,
        SMTP_LOGIN,
        "ООО «Вектор»",
    )
    assert tab.password.text() == ""
    tab.port.setValue(2465)
    tab.set_security("starttls")
    assert tab.port.value() == 2465  # a port of one's own stays
    assert dialog.save()
    moved = load_smtp_settings(settings)
    assert moved == mailer.SmtpSettings(
        "smtp.vector.example", 2465, "starttls", SMTP_LOGIN, SMTP_LOGIN, "ООО «Вектор»"
    )
    assert mailer.smtp_password(moved) == SMTP_PASSWORD

    # an emptied form takes the mail server away
    dialog = make_dialog(qtbot, db, actor, settings)
    fill_mail(dialog, host="", login="", sender="", sender_name="")
    assert dialog.save()
    assert load_smtp_settings(settings) is None


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_mail_form_errors_are_shown_next_to_the_fields(qtbot, db, actor, settings, use_keyring):
    memory = MemoryKeyring()
    use_keyring(memory)
    dialog = make_dialog(qtbot, db, actor, settings)
    assert dialog.save()  # an untouched empty form is no mail server, not an error
    assert load_smtp_settings(settings) is None
    dialog = make_dialog(qtbot, db, actor, settings)
    fill_mail(dialog, login=SMTP_LOGIN, password=SMTP_PASSWORD, sender="sales at vector")
    dialog.language_buttons["en"].setChecked(True)
    assert not dialog.save()
    assert dialog.tabs.currentWidget() is dialog.mail_tab
    errors = dialog.mail_tab.errors
    assert errors.text("host") == "This field is required."
    assert errors.text("sender") == "Enter an e-mail address such as name@example.ru."
    assert errors.text("login") == ""
    assert memory.passwords == {}  # nothing half-saved
    assert settings.value(LANGUAGE_KEY) == ""  # as the first save left it, not "en"
    assert load_smtp_settings(settings) is None


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_no_keyring_for_the_mail_password_is_shown_in_words(
    qtbot, db, actor, settings, use_keyring
):
    use_keyring(keyring.backends.fail.Keyring())
    dialog = make_dialog(qtbot, db, actor, settings)
    fill_mail(dialog, host="smtp.vector.example", login=SMTP_LOGIN, password="x", sender=SMTP_LOGIN)
    assert not dialog.save()
    assert dialog.tabs.currentWidget() is dialog.mail_tab
    text = dialog.mail_tab.errors.text("password")
    assert text.startswith("No OS keyring is available to keep the mail password")
    assert "{" not in text
    assert load_smtp_settings(settings) is None  # nothing saved


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_check_connection_logs_in_to_the_mail_server(qtbot, db, actor, settings, smtp_server):
    inbox, port = smtp_server
    dialog = make_dialog(qtbot, db, actor, settings)
    tab = dialog.mail_tab
    dialog.tabs.setCurrentWidget(tab)
    fill_mail(dialog, host="127.0.0.1", login=SMTP_LOGIN, password=SMTP_PASSWORD, sender=SMTP_LOGIN)
    tab.set_security("none")
    assert tab.port.value() == 25
    tab.port.setValue(port)
    with qtbot.waitSignal(tab.check_finished, timeout=15_000) as blocker:
        check_connection(qtbot, dialog)
    assert blocker.args == [True]
    assert tab.check_result.text() == (
        f"Connected to 127.0.0.1:{port} and logged in as {SMTP_LOGIN}."
    )
    assert tab.errors.text("password") == ""
    assert inbox.messages == []  # nothing is sent
    assert load_smtp_settings(settings) is None  # checking saves nothing

    # a wrong password: the server's refusal goes under the password field
    tab.password.setText("wrong")
    check_connection(qtbot, dialog)
    text = tab.errors.text("password")
    assert text.startswith("The mail server refused the login or password (535")
    label = tab.errors.label("password")
    assert label is not None
    assert label.isVisible()
    assert tab.check_result.text() == "Not connected: see the message above."
    assert tab.errors.text("host") == ""

    # nobody there: the message goes under the server field
    tab.port.setValue(free_port())
    check_connection(qtbot, dialog)
    assert tab.errors.text("host").startswith("Cannot reach the mail server 127.0.0.1:")
    assert tab.errors.text("password") == ""


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_check_connection_needs_a_server(qtbot, db, actor, settings):
    dialog = make_dialog(qtbot, db, actor, settings)
    tab = dialog.mail_tab
    tab.check_button.click()
    assert tab.check_button.isEnabled()  # nothing started
    assert tab.errors.text("host") == "This field is required."
    assert tab.errors.text("sender") == "This field is required."
