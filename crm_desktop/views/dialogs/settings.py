"""The Settings dialog: database, language, user name, mandatory fields per client circle,
our companies, the mail server.

What it keeps where:

- QSettings ``database/url``: the database for the next start, never with a password
  (absent: the embedded file in the user's data directory);
- the OS keyring: the PostgreSQL password (:func:`crm_desktop.db.set_keyring_password`) and the
  mail password (:func:`crm_desktop.services.mailer.set_smtp_password`);
- QSettings ``ui/language``: "ru", "en" or "" for the system's language;
- QSettings ``mail/*``: the mail server (:mod:`crm_desktop.views.mail_settings`);
- the database itself: the user's display name (embedded mode) and each circle's mandatory fields.

The dialog's Save writes all of these. Our companies (the seller's requisites on proposals) are
shared data in the database: their tab saves each company with its own button
(:mod:`crm_desktop.views.dialogs.companies`); the dialog asks about unsaved company changes before
it closes. Database and language take effect at the next start; :meth:`SettingsDialog.ask` says
whether such a change was saved. "Test connection" and "Check connection" run in a worker and
never change anything.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from crm_desktop.db import Database, set_keyring_password
from crm_desktop.errors import QT_TRANSLATE_NOOP, Message, StorageError, UserError, ValidationError
from crm_desktop.paths import default_database_path
from crm_desktop.services import circles, connection, users
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.dialogs.companies import OwnCompaniesTab
from crm_desktop.views.dialogs.mail import OK_COLOR, MailTab
from crm_desktop.views.i18n import LANGUAGE_KEY
from crm_desktop.views.tasks import TaskRunner
from crm_desktop.views.widgets.fields import ERROR_COLOR, ErrorLabel
from crm_desktop.views.wizards.fields import FieldErrors, make_hint

DATABASE_URL_KEY = "database/url"

# readable names of the circles' requirements (services.circles.REQUIREMENTS), in its order
REQUIREMENT_LABELS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("SettingsDialog", "Phone"),
    "email": QT_TRANSLATE_NOOP("SettingsDialog", "E-mail"),
    "industry": QT_TRANSLATE_NOOP("SettingsDialog", "Industry"),
    "source_id": QT_TRANSLATE_NOOP("SettingsDialog", "Source"),
    "head_count": QT_TRANSLATE_NOOP("SettingsDialog", "Head-count"),
    "owner_id": QT_TRANSLATE_NOOP("SettingsDialog", "Responsible manager"),
    "notes": QT_TRANSLATE_NOOP("SettingsDialog", "Comment"),
    "counterparty": QT_TRANSLATE_NOOP("SettingsDialog", "Counterparty"),
    "contact": QT_TRANSLATE_NOOP("SettingsDialog", "Contact person"),
}


def stored_database_url(settings: QSettings) -> str:
    """The database URL saved in Settings, or "" for the embedded default."""
    return str(settings.value(DATABASE_URL_KEY, "") or "").strip()


class SettingsDialog(QDialog):
    """Tabs: Database, Language, User, Client circles, E-mail (Save writes them all) and Our
    companies (saved with its own button).

    Signals:
        connection_tested(report): a "Test connection" finished with this ConnectionReport.
    """

    connection_tested = Signal(object)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        on_renamed: Callable[[Actor], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.on_renamed = on_renamed
        self.restart_needed = False
        self.tasks = TaskRunner(self)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(720, 560)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.database_tab = self._database_tab()
        self.language_tab = self._language_tab()
        self.user_tab = self._user_tab()
        self.circles_tab = self._circles_tab()
        self.mail_tab = MailTab(settings, self.tasks, self)
        self.companies_tab = OwnCompaniesTab(db, actor, self)
        self.tabs.addTab(self.database_tab, self.tr("&Database"))
        self.tabs.addTab(self.language_tab, self.tr("&Language"))
        self.tabs.addTab(self.user_tab, self.tr("&User"))
        self.tabs.addTab(self.circles_tab, self.tr("Client &circles"))
        self.tabs.addTab(self.mail_tab, self.tr("E-&mail"))
        self.tabs.addTab(self.companies_tab, self.tr("Our comp&anies"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._load()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db: Database,
        actor: Actor,
        settings: QSettings,
        *,
        on_renamed: Callable[[Actor], None] | None = None,
        page: str | None = None,
    ) -> bool:
        """Show the dialog; True when saved changes need a restart (tests monkeypatch this).

        ``on_renamed(actor)`` is called when the user saved a new display name; ``page``
        ("email", "companies") opens that tab first.
        """
        dialog = cls(db, actor, settings, parent, on_renamed=on_renamed)
        pages = {"email": dialog.mail_tab, "companies": dialog.companies_tab}
        if page in pages:
            dialog.tabs.setCurrentWidget(pages[page])
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted and dialog.restart_needed
        finally:
            dialog.tasks.shutdown(connection.CONNECT_TIMEOUT_S * 2000)

    # --- Database --------------------------------------------------------------------------------

    def _database_tab(self) -> QWidget:
        tab = QWidget(self)
        self.database_errors = FieldErrors(ErrorLabel(tab))
        e = self.database_errors
        self.embedded = QRadioButton(self.tr("&Embedded database file on this computer"), tab)
        self.embedded.setObjectName("embedded")
        self.server = QRadioButton(self.tr("&PostgreSQL server of the office"), tab)
        self.server.setObjectName("server")
        kinds = QButtonGroup(tab)
        kinds.addButton(self.embedded)
        kinds.addButton(self.server)

        self.embedded_box = QWidget(tab)
        self.path = QLineEdit(self.embedded_box)
        self.path.setObjectName("path")
        self.browse = QPushButton(self.tr("C&hoose…"), self.embedded_box)
        self.browse.setObjectName("browse")
        path_row = QWidget(self.embedded_box)
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.path, 1)
        path_layout.addWidget(self.browse)
        embedded_form = QFormLayout(self.embedded_box)
        embedded_form.setContentsMargins(24, 0, 0, 0)
        path_error = e.add_row(embedded_form, self.tr("&File:"), path_row)
        e.register(path_error, self.path, "path")
        hint = QLabel(
            self.tr("For one workstation. A new file is created and set up at the next start."),
            self.embedded_box,
        )
        make_hint(hint)
        embedded_form.addRow("", hint)

        self.server_box = QWidget(tab)
        self.host = QLineEdit(self.server_box)
        self.host.setObjectName("host")
        self.host.setPlaceholderText("crm.office.local")
        self.port = QSpinBox(self.server_box)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setGroupSeparatorShown(False)
        self.port.setValue(connection.DEFAULT_PORT)
        self.database_name = QLineEdit(self.server_box)
        self.database_name.setObjectName("databaseName")
        self.database_name.setPlaceholderText("crm")
        self.user_name = QLineEdit(self.server_box)
        self.user_name.setObjectName("userName")
        self.password = QLineEdit(self.server_box)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("leave empty to keep the saved password"))
        server_form = QFormLayout(self.server_box)
        server_form.setContentsMargins(24, 0, 0, 0)
        e.add_row(server_form, self.tr("&Server:"), self.host, "host")
        e.add_row(server_form, self.tr("P&ort:"), self.port, "port")
        e.add_row(server_form, self.tr("&Database:"), self.database_name, "database")
        e.add_row(server_form, self.tr("&Login:"), self.user_name, "user")
        e.add_row(server_form, self.tr("Pass&word:"), self.password, "password")
        keyring_hint = QLabel(
            self.tr(
                "Each user logs in with a database login of their own. The password is kept in "
                "the system keyring, never in the settings file."
            ),
            self.server_box,
        )
        make_hint(keyring_hint)
        server_form.addRow("", keyring_hint)

        self.test_button = QPushButton(self.tr("&Test connection"), tab)
        self.test_button.setObjectName("testConnection")
        self.test_result = QLabel(tab)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)
        self.in_use = QLabel(tab)
        self.in_use.setObjectName("inUse")
        self.in_use.setWordWrap(True)
        self.in_use.setTextFormat(Qt.TextFormat.PlainText)
        restart = QLabel(self.tr("A new database is used after the program is restarted."), tab)
        restart.setWordWrap(True)

        layout = QVBoxLayout(tab)
        layout.addWidget(self.in_use)
        layout.addSpacing(8)
        layout.addWidget(self.embedded)
        layout.addWidget(self.embedded_box)
        layout.addWidget(self.server)
        layout.addWidget(self.server_box)
        layout.addLayout(test_row)
        layout.addWidget(self.database_errors.general)
        layout.addStretch(1)
        layout.addWidget(restart)
        self.embedded.toggled.connect(self._update_database_kind)
        for edit in (self.path, self.host, self.database_name, self.user_name, self.password):
            edit.textEdited.connect(self._on_database_edited)
        self.port.valueChanged.connect(self._on_database_edited)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.test_button.clicked.connect(self.test_connection)
        return tab

    @Slot()
    def _update_database_kind(self) -> None:
        embedded = self.embedded.isChecked()
        self.embedded_box.setEnabled(embedded)
        self.server_box.setEnabled(not embedded)
        self._on_database_edited()

    @Slot()
    def _on_database_edited(self) -> None:
        """An answer about another database than the one in the form would mislead."""
        if self.test_button.isEnabled():
            self._set_test_result("", None)

    @classmethod
    def choose_file(cls, parent: QWidget, current: str) -> str | None:
        """Ask for a database file (tests monkeypatch this)."""
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("SettingsDialog", "Database file"),
            current,
            QCoreApplication.translate(
                "SettingsDialog", "SQLite database (*.sqlite3 *.db);;All files (*)"
            ),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return name or None

    @Slot()
    def _on_browse_clicked(self) -> None:
        chosen = self.choose_file(self, self.path.text())
        if chosen:
            self.path.setText(chosen)
            self._on_database_edited()

    def database_settings(self) -> connection.DatabaseSettings:
        if self.embedded.isChecked():
            return connection.DatabaseSettings("embedded", path=self.path.text())
        return connection.DatabaseSettings(
            "server",
            host=self.host.text(),
            port=self.port.value(),
            database=self.database_name.text(),
            user=self.user_name.text(),
        )

    def database_url(self) -> str:
        """The URL the form describes (raises ValidationError for a field)."""
        return connection.settings_url(self.database_settings())

    def _show_database_errors(self, errors: dict[str, Message]) -> None:
        self.tabs.setCurrentWidget(self.database_tab)
        self.database_errors.show(errors)

    @Slot()
    def test_connection(self) -> None:
        """Try the database the form describes, in a worker; the answer goes under the button."""
        try:
            url = self.database_url()
        except ValidationError as exc:
            self._show_database_errors(exc.field_errors)
            return
        self.database_errors.clear()
        password = self.password.text() if self.server.isChecked() else ""
        self.test_button.setEnabled(False)
        self._set_test_result(self.tr("Connecting…"), None)
        task = self.tasks.start(
            lambda _state: connection.test_connection(url, password or None),
            name="test connection",
        )
        task.succeeded.connect(self._on_test_succeeded)
        task.failed.connect(self._on_test_failed)

    def _set_test_result(self, text: str, ok: bool | None) -> None:
        color = "" if ok is None else OK_COLOR if ok else ERROR_COLOR
        self.test_result.setStyleSheet(f"color: {color};" if color else "")
        self.test_result.setText(text)

    @Slot(object)
    def _on_test_succeeded(self, report: connection.ConnectionReport) -> None:
        self.test_button.setEnabled(True)
        self._set_test_result(messages.message_text(report.message), report.ok)
        self.connection_tested.emit(report)

    @Slot(object)
    def _on_test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._set_test_result("", None)
        messages.report_error(self, error)

    # --- Language --------------------------------------------------------------------------------

    def _language_tab(self) -> QWidget:
        tab = QWidget(self)
        system = QLocale.system().nativeLanguageName() or QLocale.system().name()
        self.language_buttons: dict[str, QRadioButton] = {
            "ru": QRadioButton("&Русский", tab),  # each language by its own name
            "en": QRadioButton("&English", tab),
            "": QRadioButton(
                self.tr("The &system's language ({language})").format(language=system), tab
            ),
        }
        group = QButtonGroup(tab)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("Language of the program:"), tab))
        for code, button in self.language_buttons.items():
            button.setObjectName(f"language_{code or 'system'}")
            group.addButton(button)
            layout.addWidget(button)
        layout.addSpacing(12)
        note = QLabel(self.tr("The language changes after the program is restarted."), tab)
        note.setObjectName("languageNote")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        return tab

    def language(self) -> str:
        return next((code for code, b in self.language_buttons.items() if b.isChecked()), "")

    # --- User ------------------------------------------------------------------------------------

    def _user_tab(self) -> QWidget:
        tab = QWidget(self)
        self.user_errors = FieldErrors(ErrorLabel(tab))
        self.login = QLineEdit(self.actor.login, tab)
        self.login.setObjectName("login")
        self.login.setReadOnly(True)
        self.full_name = QLineEdit(self.actor.full_name, tab)
        self.full_name.setObjectName("fullName")
        form = QFormLayout()
        embedded = self.db.dialect == "sqlite"
        self.user_errors.add_row(
            form, self.tr("&Login:") if embedded else self.tr("Database &login:"), self.login
        )
        self.user_errors.add_row(form, self.tr("Your &name:"), self.full_name, "full_name")
        if embedded:
            text = self.tr(
                "The name is shown in the window title, as the responsible manager of your "
                "clients and in the history of changes."
            )
        else:
            self.full_name.setReadOnly(True)
            text = self.tr(
                "On the office server you work under your own database login; the "
                "administrator manages logins and names."
            )
        note = QLabel(text, tab)
        make_hint(note)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.user_errors.general)
        layout.addStretch(1)
        return tab

    # --- Client circles --------------------------------------------------------------------------

    def _circles_tab(self) -> QWidget:
        tab = QWidget(self)
        self.circle_rules = circles.rules(self.db)
        self.requirement_boxes: dict[tuple[uuid.UUID, str], QCheckBox] = {}
        intro = QLabel(
            self.tr(
                "What a client must have before it can be saved into each circle. A card that "
                "lacks a checked field cannot be saved into that circle."
            ),
            tab,
        )
        intro.setWordWrap(True)
        grid_box = QWidget(tab)
        grid = QGridLayout(grid_box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        for column, rule in enumerate(self.circle_rules, start=1):
            header = QLabel(rule.name, grid_box)
            header.setWordWrap(True)
            header.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
            grid.setColumnMinimumWidth(column, 96)
            grid.setColumnStretch(column, 1)
        for row, name in enumerate(circles.REQUIREMENTS, start=1):
            grid.addWidget(QLabel(self.requirement_label(name), grid_box), row, 0)
            for column, rule in enumerate(self.circle_rules, start=1):
                box = QCheckBox(grid_box)
                box.setObjectName(f"requirement_{rule.code}_{name}")
                box.setToolTip(f"{rule.name}: {self.requirement_label(name)}")
                box.setChecked(name in rule.mandatory)
                self.requirement_boxes[(rule.circle_id, name)] = box
                grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignHCenter)
        grid.setRowStretch(len(circles.REQUIREMENTS) + 1, 1)
        self.circles_error = ErrorLabel(tab)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(grid_box, 1)
        layout.addWidget(self.circles_error)
        return tab

    def requirement_label(self, name: str) -> str:
        return self.tr(REQUIREMENT_LABELS.get(name, name))

    def mandatory_fields(self, circle_id: uuid.UUID) -> list[str]:
        return [
            name
            for name in circles.REQUIREMENTS
            if self.requirement_boxes[(circle_id, name)].isChecked()
        ]

    # --- load and save ---------------------------------------------------------------------------

    def _load(self) -> None:
        stored = stored_database_url(self.settings)
        current = connection.parse_url(stored or self.db.url)
        self.embedded.setChecked(current.kind == "embedded")
        self.server.setChecked(current.kind == "server")
        self.path.setText(current.path or str(default_database_path()))
        if current.kind == "server":
            self.host.setText(current.host)
            self.port.setValue(current.port)
            self.database_name.setText(current.database)
            self.user_name.setText(current.user)
        self._update_database_kind()
        self._loaded_database = self.database_settings()
        if self.db.sqlite_path is not None:
            location = str(self.db.sqlite_path)
        else:
            location = make_url(self.db.url).render_as_string(hide_password=True)
        self.in_use.setText(self.tr("In use now: {location}").format(location=location))
        self._stored_language = str(self.settings.value(LANGUAGE_KEY, "") or "").strip().lower()
        button = self.language_buttons.get(self._stored_language, self.language_buttons[""])
        button.setChecked(True)

    def _url_to_store(self, url: str) -> str:
        """The URL, or "" for the embedded default (so that a later default still applies)."""
        if url == self._default_url():
            return ""
        return url

    @staticmethod
    def _default_url() -> str:
        return connection.settings_url(
            connection.DatabaseSettings("embedded", path=str(default_database_path()))
        )

    def reject(self) -> None:
        """Cancel: unsaved company changes are asked about first (they are not the dialog's)."""
        if self._companies_may_close():
            super().reject()

    def _companies_may_close(self) -> bool:
        if self.companies_tab.confirm_leave():
            return True
        self.tabs.setCurrentWidget(self.companies_tab)
        return False

    def _show_mail_errors(self, errors: dict[str, Message]) -> None:
        self.tabs.setCurrentWidget(self.mail_tab)
        self.mail_tab.errors.show(errors)

    @Slot()
    def save(self) -> bool:
        """Save every tab; stay open (False) with the problem shown where it is."""
        self.database_errors.clear()
        self.user_errors.clear()
        self.mail_tab.errors.clear()
        self.circles_error.show_error("")
        if not self._companies_may_close():
            return False
        try:
            url = self._url_to_store(self.database_url())
        except ValidationError as exc:
            self._show_database_errors(exc.field_errors)
            return False
        try:
            smtp = self.mail_tab.smtp_settings()
        except ValidationError as exc:
            self._show_mail_errors(exc.field_errors)
            return False
        password = self.password.text()
        if self.server.isChecked() and password:
            try:
                set_keyring_password(url, password)
            except StorageError as exc:
                self._show_database_errors({exc.field or "password": exc.message})
                return False
        try:
            self.mail_tab.store_password(smtp)
        except StorageError as exc:
            self._show_mail_errors({exc.field or "password": exc.message})
            return False
        if not self._save_user() or not self._save_circles():
            return False
        self.mail_tab.write(self.settings, smtp)
        database_changed = False
        if self.database_settings() != self._loaded_database:
            # only a change the user made is kept: a database given with --database for this
            # run does not become the setting because the language was changed
            if url:
                self.settings.setValue(DATABASE_URL_KEY, url)
            else:
                self.settings.remove(DATABASE_URL_KEY)
            in_use = connection.parse_url(self.db.url)
            database_changed = connection.parse_url(url or self._default_url()) != in_use
        language = self.language()
        self.settings.setValue(LANGUAGE_KEY, language)
        self.settings.sync()
        self.restart_needed = database_changed or language != self._stored_language
        self.accept()
        return True

    def _save_user(self) -> bool:
        if self.full_name.isReadOnly() or self.full_name.text().strip() == self.actor.full_name:
            return True
        try:
            self.actor = users.rename_user(self.db, self.actor, self.full_name.text())
        except ValidationError as exc:
            self.tabs.setCurrentWidget(self.user_tab)
            self.user_errors.show(exc.field_errors)
            return False
        except UserError as exc:
            self.tabs.setCurrentWidget(self.user_tab)
            self.user_errors.show_general(messages.user_message(exc))
            return False
        self.full_name.setText(self.actor.full_name)
        if self.on_renamed is not None:
            self.on_renamed(self.actor)
        return True

    def _save_circles(self) -> bool:
        for index, rule in enumerate(self.circle_rules):
            names = self.mandatory_fields(rule.circle_id)
            if set(names) == set(rule.mandatory):
                continue
            try:
                self.circle_rules[index] = circles.set_mandatory_fields(
                    self.db, self.actor, rule.circle_id, names
                )
            except UserError as exc:
                self.tabs.setCurrentWidget(self.circles_tab)
                self.circles_error.show_error(messages.user_message(exc))
                return False
        return True


__all__ = [
    "DATABASE_URL_KEY",
    "OK_COLOR",
    "REQUIREMENT_LABELS",
    "SettingsDialog",
    "stored_database_url",
]
