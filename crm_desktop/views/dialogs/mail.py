"""Settings → E-mail: this workstation's mail server for sending proposals.

The server, port, security, login and sender go to QSettings ``mail/*``
(:mod:`crm_desktop.views.mail_settings`) when the Settings dialog is saved; the password goes to
the OS keyring (:func:`crm_desktop.services.mailer.set_smtp_password`), never to a file. A blank
password keeps the stored one. "Check connection" logs in to the server in a worker and sends
nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from crm_desktop.services import mailer
from crm_desktop.services import validation as v
from crm_desktop.services.mailer import MailError, SmtpSettings
from crm_desktop.services.parties import FieldErrors as ErrorCollector
from crm_desktop.views import messages
from crm_desktop.views.mail_settings import default_port, load_smtp_settings, save_smtp_settings
from crm_desktop.views.tasks import TaskRunner
from crm_desktop.views.widgets.fields import ERROR_COLOR, ErrorLabel
from crm_desktop.views.wizards.fields import FieldErrors, make_hint

OK_COLOR = "#2e7d32"

# security choices in the combo box, in mailer.SECURITY's terms
SECURITY_LABELS: dict[str, str] = {
    "starttls": "STARTTLS",
    "ssl": "SSL/TLS",
    "none": QT_TRANSLATE_NOOP("MailTab", "None (unencrypted)"),
}


class MailTab(QWidget):
    """The mail server form and its "Check connection" button.

    Signals:
        check_finished(ok): a "Check connection" finished (True: the server took the login).
    """

    check_finished = Signal(bool)

    def __init__(
        self, settings: QSettings, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks
        self.loaded = load_smtp_settings(settings)
        self.setObjectName("mailTab")
        self._build()
        self._load()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.errors = FieldErrors(ErrorLabel(self))
        e = self.errors
        self.host = QLineEdit(self)
        self.host.setObjectName("smtpHost")
        self.host.setPlaceholderText("smtp.yandex.ru")
        self.port = QSpinBox(self)
        self.port.setObjectName("smtpPort")
        self.port.setRange(1, 65535)
        self.port.setGroupSeparatorShown(False)
        self.port.setValue(default_port("starttls"))
        self.security = QComboBox(self)
        self.security.setObjectName("smtpSecurity")
        for code, label in SECURITY_LABELS.items():
            self.security.addItem(self.tr(label), code)
        self._security = "starttls"
        self.login = QLineEdit(self)
        self.login.setObjectName("smtpLogin")
        self.login.setPlaceholderText(self.tr("usually the whole address"))
        self.password = QLineEdit(self)
        self.password.setObjectName("smtpPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("leave empty to keep the saved password"))
        self.sender_address = QLineEdit(self)
        self.sender_address.setObjectName("smtpSender")
        self.sender_address.setPlaceholderText("sales@company.ru")
        self.sender_name = QLineEdit(self)
        self.sender_name.setObjectName("smtpSenderName")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        e.add_row(form, QLabel(self.tr("Mail &server:"), self), self.host, "host")
        port_row = QWidget(self)
        port_layout = QHBoxLayout(port_row)
        port_layout.setContentsMargins(0, 0, 0, 0)
        port_layout.addWidget(self.port)
        security_label = QLabel(self.tr("S&ecurity:"), port_row)
        security_label.setBuddy(self.security)
        port_layout.addSpacing(12)
        port_layout.addWidget(security_label)
        port_layout.addWidget(self.security)
        port_layout.addStretch(1)
        port_error = e.add_row(form, QLabel(self.tr("&Port:"), self), port_row)
        e.register(port_error, self.port, "port")
        e.register(port_error, self.security, "security")
        e.add_row(form, QLabel(self.tr("Lo&gin:"), self), self.login, "login")
        e.add_row(form, QLabel(self.tr("Pass&word:"), self), self.password, "password")
        e.add_row(form, QLabel(self.tr("Sender add&ress:"), self), self.sender_address, "sender")
        e.add_row(form, QLabel(self.tr("Sender &name:"), self), self.sender_name, "sender_name")
        hint = QLabel(
            self.tr(
                "Proposals are sent from this address through this server. These settings "
                "belong to this computer and are saved with the dialog's Save button; the "
                "password is kept in the system keyring, never in the settings file."
            ),
            self,
        )
        make_hint(hint)

        self.check_button = QPushButton(self.tr("C&heck connection"), self)
        self.check_button.setObjectName("checkMail")
        self.check_result = QLabel(self)
        self.check_result.setObjectName("checkResult")
        self.check_result.setWordWrap(True)
        self.check_result.setTextFormat(Qt.TextFormat.PlainText)
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        check_row.addWidget(self.check_result, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addLayout(check_row)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)

        self.security.currentIndexChanged.connect(self._on_security_changed)
        for edit in (self.host, self.login, self.password, self.sender_address, self.sender_name):
            edit.textEdited.connect(self._on_edited)
        self.port.valueChanged.connect(self._on_edited)
        self.check_button.clicked.connect(self.check_connection)

    def _load(self) -> None:
        smtp = self.loaded
        if smtp is None:
            return
        self.host.setText(smtp.host)
        self.set_security(smtp.security)
        self.port.setValue(smtp.port)
        self.login.setText(smtp.login or "")
        self.sender_address.setText(smtp.sender)
        self.sender_name.setText(smtp.sender_name or "")

    # --- the form ------------------------------------------------------------------------------

    def security_code(self) -> str:
        return str(self.security.currentData() or "starttls")

    def set_security(self, code: str) -> None:
        index = self.security.findData(code)
        if index >= 0:
            self.security.setCurrentIndex(index)

    @Slot(int)
    def _on_security_changed(self, _index: int) -> None:
        """A port left at the old security's usual one follows to the new one's."""
        new = self.security_code()
        if self.port.value() == default_port(self._security):
            self.port.setValue(default_port(new))
        self._security = new
        self._on_edited()

    @Slot()
    def _on_edited(self, *_args: object) -> None:
        """An answer about another server than the one in the form would mislead."""
        if self.check_button.isEnabled():
            self._set_result("", None)

    def smtp_settings(self, *, required: bool = False) -> SmtpSettings | None:
        """The server the form describes; None when the form is empty (no mail set up), unless
        ``required``. Raises ValidationError for the fields in trouble."""
        texts = [
            e.text().strip() for e in (self.host, self.login, self.sender_address, self.sender_name)
        ]
        if not required and not any(texts) and not self.password.text():
            return None
        found = ErrorCollector()
        host = found.check(lambda: v.clean_text(self.host.text(), field="host", required=True))
        login = found.check(lambda: v.clean_text(self.login.text(), field="login"))
        sender = found.check(
            lambda: v.clean_text(self.sender_address.text(), field="sender", required=True)
        )
        if sender is not None:
            found.check(lambda: v.normalize_email(sender, field="sender"))
        sender_name = found.check(
            lambda: v.clean_text(self.sender_name.text(), field="sender_name")
        )
        found.raise_if_any()
        assert host is not None
        assert sender is not None
        return SmtpSettings(
            host=host,
            port=self.port.value(),
            security=self.security_code(),
            login=login,
            sender=sender,
            sender_name=sender_name,
        )

    def store_password(self, smtp: SmtpSettings | None) -> None:
        """Put a typed password into the keyring (StorageError if no keyring works).

        A blank password keeps the stored one, also when the server or login changed."""
        if smtp is None:
            return
        typed = self.password.text()
        if typed:
            mailer.set_smtp_password(smtp, typed)
            return
        if self.loaded is None or self.loaded == smtp or mailer.smtp_password(smtp) is not None:
            return
        old = mailer.smtp_password(self.loaded)
        if old:
            mailer.set_smtp_password(smtp, old)

    def write(self, settings: QSettings, smtp: SmtpSettings | None) -> None:
        """Save the form to QSettings (an emptied form takes the mail server away)."""
        if smtp is not None:
            save_smtp_settings(settings, smtp)
        elif self.loaded is not None:
            save_smtp_settings(settings, SmtpSettings(host=""))
        self.loaded = smtp
        self.password.clear()

    # --- checking ------------------------------------------------------------------------------

    @Slot()
    def check_connection(self) -> None:
        """Log in to the server the form describes, in a worker; the answer goes to its field."""
        try:
            smtp = self.smtp_settings(required=True)
        except ValidationError as error:
            self.errors.show(error.field_errors)
            return
        assert smtp is not None
        self.errors.clear()
        typed = self.password.text()
        loaded = self.loaded

        def work(_state: object) -> None:
            password = typed or mailer.smtp_password(smtp)
            if not password and loaded is not None:
                password = mailer.smtp_password(loaded)
            mailer.check_server(smtp, password)

        self.check_button.setEnabled(False)
        self._set_result(self.tr("Connecting…"), None)
        task = self.tasks.start(work, name="check mail server")
        server = f"{smtp.host}:{smtp.port}"
        task.succeeded.connect(lambda _result: self._on_check_succeeded(server, smtp.login))
        task.failed.connect(self._on_check_failed)

    def _set_result(self, text: str, ok: bool | None) -> None:
        color = "" if ok is None else OK_COLOR if ok else ERROR_COLOR
        self.check_result.setStyleSheet(f"color: {color};" if color else "")
        self.check_result.setText(text)

    def _on_check_succeeded(self, server: str, login: str | None) -> None:
        self.check_button.setEnabled(True)
        if login:
            text = self.tr("Connected to {server} and logged in as {login}.").format(
                server=server, login=login
            )
        else:
            text = self.tr("Connected to {server}.").format(server=server)
        self._set_result(text, True)
        self.check_finished.emit(True)

    @Slot(object)
    def _on_check_failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        if isinstance(error, MailError) and error.field and self.errors.label(error.field):
            self.errors.show({error.field: error.message})
            self._set_result(self.tr("Not connected: see the message above."), False)
        elif isinstance(error, UserError):
            self._set_result(messages.user_message(error), False)
        else:
            self._set_result("", None)
            messages.report_error(self, error)
        self.check_finished.emit(False)


__all__ = ["OK_COLOR", "SECURITY_LABELS", "MailTab"]
