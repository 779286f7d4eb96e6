"""«Отправить по почте»: a proposal's PDF to a contact of the client, over this workstation's
mail server.

The recipient is picked from the deal's and the client's contacts with an e-mail address (or
typed: any address will do); the subject and a short polite text are prefilled and can be
changed; the PDF's file name is shown. «Send» runs
:func:`~crm_desktop.services.mailer.send_proposal` in a worker (the server may take seconds
to answer) while the dialog shows that it is sending;
when the server refuses, the reason is shown next to the field it concerns (the address, the
password, the server) or across the top, and the dialog stays open with everything typed. Once
the server took the message the e-mail is recorded on the deal, a draft proposal becomes sent,
and the dialog closes.

The mail server is the one saved in Settings → E-mail (``QSettings``), its password the one in
the OS keyring; tests pass both in.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from email.utils import parseaddr
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db import Database
from crm_desktop.errors import UserError, ValidationError
from crm_desktop.services import mailer
from crm_desktop.services import proposals as pr
from crm_desktop.services.mailer import OutgoingMail, SmtpSettings
from crm_desktop.services.proposals import ProposalRow, Recipient
from crm_desktop.services.uow import Actor
from crm_desktop.views import messages
from crm_desktop.views.mail_settings import load_smtp_settings
from crm_desktop.views.proposals import documents
from crm_desktop.views.tasks import Task, TaskRunner
from crm_desktop.views.widgets.fields import Banner, FieldBox

log = logging.getLogger(__name__)

SERVER_FIELDS = ("host", "security", "smtp", "port", "login")
HINT_STYLE = "color: #5f6368;"
_FROM_SETTINGS: Any = object()  # "read it from QSettings / the keyring"


class EmailDialog(QDialog):
    """Send one proposal by e-mail.

    ``settings`` and ``password`` default to this workstation's (QSettings and the keyring);
    ``pdf`` is the document when it is already built (the preview), else it is built when
    sending. ``on_settings(section)`` opens the program's settings (the button is shown only
    with it).

    Signals:
        sent(interaction_id): the server took the message and it is recorded on the deal.
        busy_changed(bool): sending started / ended.
    """

    sent = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        proposal: ProposalRow,
        parent: QWidget | None = None,
        *,
        pdf: bytes | None = None,
        settings: SmtpSettings | None = _FROM_SETTINGS,
        password: str | None = _FROM_SETTINGS,
        runner: TaskRunner | None = None,
        on_settings: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.proposal = proposal
        self.pdf = pdf
        self.on_settings = on_settings
        self.runner = runner if runner is not None else TaskRunner(self)
        self.task: Task | None = None
        self.interaction_id: uuid.UUID | None = None
        self.sent_unrecorded = False  # the server took it, the deal did not: never send again
        self._settings_injected = settings is not _FROM_SETTINGS
        self._password_injected = password is not _FROM_SETTINGS
        self.settings: SmtpSettings | None = None if settings is _FROM_SETTINGS else settings
        self._initial_password: str | None = None if password is _FROM_SETTINGS else password
        self.setObjectName("proposalEmailDialog")
        self.setWindowTitle(self.tr("Send by e-mail"))
        self.setMinimumWidth(720)
        self._read_settings()
        self._build()
        self._fill_recipients()
        self._apply_settings()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = Banner(self)
        self.banner.setObjectName("mailBanner")
        self.settings_button = self.banner.add_button(self.tr("Open settings…"))
        self.settings_button.setObjectName("openMailSettings")
        self.settings_button.clicked.connect(self._on_settings_button_clicked)
        self._settings_section = "email"

        self.from_label = QLabel(self)
        self.from_label.setObjectName("sender")
        self.from_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_label = QLabel(self)
        self.server_label.setObjectName("server")
        self.server_label.setStyleSheet(HINT_STYLE)
        self.server_box = FieldBox(self.server_label, self)
        self.to = QComboBox(self)
        self.to.setObjectName("toAddress")
        self.to.setEditable(True)
        self.to.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.to.lineEdit()
        if line is not None:
            line.setPlaceholderText("name@company.ru")  # an address, the same in every language
        self.to_box = FieldBox(self.to, self)
        self.subject = QLineEdit(documents.caption(self.proposal), self)
        self.subject.setObjectName("subject")
        self.subject_box = FieldBox(self.subject, self)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("body")
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(150)
        self.body_box = FieldBox(self.body, self)
        attachment = QWidget(self)
        icon = QLabel(attachment)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon).pixmap(16, 16))
        self.attachment = QLabel(attachment)
        self.attachment.setObjectName("attachment")
        attachment_row = QHBoxLayout(attachment)
        attachment_row.setContentsMargins(0, 0, 0, 0)
        attachment_row.addWidget(icon)
        attachment_row.addWidget(self.attachment, 1)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_box = FieldBox(self.password, self)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"), self)
        self.remember.setChecked(True)
        password_area = QWidget(self)
        password_layout = QVBoxLayout(password_area)
        password_layout.setContentsMargins(0, 0, 0, 0)
        password_layout.setSpacing(2)
        password_layout.addWidget(self.password_box)
        password_layout.addWidget(self.remember)
        self.password_area = password_area

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("From:"), self.from_label)
        self.form.addRow(self.tr("To:"), self.to_box)
        self.form.addRow(self.tr("Subject:"), self.subject_box)
        self.form.addRow(self.tr("Message:"), self.body_box)
        self.form.addRow(self.tr("Attachment:"), attachment)
        self.form.addRow(self.tr("Mail server:"), self.server_box)
        self.form.addRow(self.tr("Password:"), password_area)

        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(140)
        self.busy_text = QLabel(self.tr("Sending…"), self)
        self.busy_text.setStyleSheet(HINT_STYLE)
        self.buttons = QDialogButtonBox(self)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("send")
        self.send_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy)
        bottom.addWidget(self.busy_text)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        self._set_busy(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addLayout(bottom)
        self.body.setPlainText(self._default_body())
        self._show_attachment()

    def _default_body(self) -> str:
        row = self.proposal
        signature = [self.actor.full_name]
        if self.settings is not None and self.settings.sender_name:
            signature.append(self.settings.sender_name)
        return "\n\n".join(
            [
                self.tr("Good afternoon!"),
                self.tr(
                    "Please find attached our commercial proposal No. {number} of {date}."
                ).format(number=row.number, date=documents.document_date(row.issued_on))
                + "\n"
                + self.tr("We will be glad to answer your questions."),
                self.tr("Best regards,") + "\n" + "\n".join(x for x in signature if x),
            ]
        )

    def _show_attachment(self) -> None:
        name = documents.file_name(self.proposal)
        if self.pdf is not None:
            self.attachment.setText(f"{name}  ({documents.size_text(len(self.pdf))})")
        else:
            self.attachment.setText(name)

    def _fill_recipients(self) -> None:
        try:
            self.recipients: list[Recipient] = pr.recipients(self.db, self.proposal.id)
        except UserError as error:
            self.recipients = []
            self.banner.show_text(messages.user_message(error))
            self.settings_button.hide()
        self.to.clear()
        for recipient in self.recipients:
            self.to.addItem(self._recipient_text(recipient), recipient)
        if self.recipients:
            self.to.setCurrentIndex(0)
        else:
            self.to.setEditText("")

    @staticmethod
    def _recipient_text(recipient: Recipient) -> str:
        return f"{recipient.name} <{recipient.email}>" if recipient.name else recipient.email

    def _read_settings(self) -> None:
        """The mail server (from QSettings unless given) and its password (from the keyring
        unless given)."""
        if not self._settings_injected:
            self.settings = load_smtp_settings(QSettings())
        if not self._password_injected:
            self._initial_password = None
            if self.settings is not None and self.settings.login:
                self._initial_password = mailer.smtp_password(self.settings)

    def _apply_settings(self) -> None:
        settings = self.settings
        if settings is None or not settings.host or not settings.sender:
            self.from_label.setText("—")
            self.server_label.setText("—")
            self.form.setRowVisible(self.password_area, False)
            self._show_banner(
                self.tr(
                    "No mail server is set up on this computer yet. Set it up in "
                    "Settings → E-mail, then send the proposal."
                ),
                section="email",
            )
            self.send_button.setEnabled(False)
            return
        self.banner.hide()
        self.send_button.setEnabled(True)
        sender = settings.sender
        self.from_label.setText(
            f"{settings.sender_name} <{sender}>" if settings.sender_name else sender
        )
        security = {"starttls": "STARTTLS", "ssl": "SSL/TLS"}.get(
            settings.security, self.tr("no encryption")
        )
        self.server_label.setText(f"{settings.host}:{settings.port}, {security}")
        # the keyring's password is used as it is; the field shows when there is none, or
        # when the server refused it
        self.form.setRowVisible(
            self.password_area, bool(settings.login) and not self._initial_password
        )
        self.password.setText(self._initial_password or "")
        self.password.setPlaceholderText(
            self.tr("the password of {login}").format(login=settings.login or "")
        )
        self.remember.setChecked(not self._password_injected)

    def _show_banner(self, text: str, *, section: str | None = None) -> None:
        self._settings_section = section or "email"
        self.settings_button.setVisible(section is not None and self.on_settings is not None)
        self.banner.show_text(text)

    # --- what the user chose -------------------------------------------------------------------

    def recipient(self) -> tuple[str, str | None, uuid.UUID | None]:
        """(address, name, contact id) of what is chosen or typed."""
        text = self.to.currentText().strip()
        index = self.to.currentIndex()
        if index >= 0 and self.to.itemText(index) == text:
            chosen: Recipient = self.to.itemData(index)
            return chosen.email, chosen.name or None, chosen.contact_id
        name, address = parseaddr(text)
        address = address or text
        known = next((r for r in self.recipients if r.email.casefold() == address.casefold()), None)
        if known is not None:
            return address, name or known.name or None, known.contact_id
        return address, name or None, None

    def errors_shown(self) -> dict[str, str]:
        """field → the message shown next to it ("" for the banner). For tests."""
        shown = {
            name: box.error.text()
            for name, box in (
                ("to_address", self.to_box),
                ("subject", self.subject_box),
                ("password", self.password_box),
                ("host", self.server_box),
            )
            if box.error.text()
        }
        if self.banner.isVisibleTo(self):
            shown[""] = self.banner.text.text()
        return shown

    def is_busy(self) -> bool:
        return self.task is not None

    # --- sending -------------------------------------------------------------------------------

    @Slot()
    def send(self) -> Task | None:
        """Hand the message to the mail server in a worker; None when nothing was started."""
        if self.task is not None or self.settings is None or self.sent_unrecorded:
            return None
        self._clear_errors()
        address, name, contact_id = self.recipient()
        if not address:
            self.to_box.show_error(self.tr("Enter the recipient's e-mail address."))
            self.to.setFocus()
            return None
        subject = self.subject.text().strip()
        if not subject:
            self.subject_box.show_error(self.tr("Enter the subject."))
            self.subject.setFocus()
            return None
        db, actor, proposal_id = self.db, self.actor, self.proposal.id
        settings = self.settings
        password = self.password.text() if settings.login else None
        body = self.body.toPlainText()
        attachment_name = documents.file_name(self.proposal)
        pdf = self.pdf

        def work(_state: Any) -> uuid.UUID:
            document = pdf if pdf is not None else documents.build_pdf(db, proposal_id)
            mail = OutgoingMail(address, name, subject, body, attachment_name, document)
            return mailer.send_proposal(
                db, actor, proposal_id, settings, password, mail, contact_id=contact_id
            )

        task = self.runner.start(work, name="send proposal")
        self.task = task
        self._set_busy(True)
        task.succeeded.connect(self._on_task_succeeded)
        task.failed.connect(self._on_task_failed)
        task.finished.connect(self._on_task_finished)
        return task

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_text.setVisible(busy)
        for widget in (self.to, self.subject, self.body, self.password, self.remember):
            widget.setEnabled(not busy)
        self.send_button.setEnabled(
            not busy and self.settings is not None and not self.sent_unrecorded
        )
        self.send_button.setText(self.tr("Sending…") if busy else self.tr("Send"))
        self.cancel_button.setEnabled(not busy)
        self.busy_changed.emit(busy)

    def _clear_errors(self) -> None:
        for box in (self.to_box, self.subject_box, self.password_box, self.server_box):
            box.clear_error()
        self.banner.hide()

    @Slot(object)
    def _on_task_succeeded(self, interaction_id: uuid.UUID) -> None:
        self.interaction_id = interaction_id
        settings = self.settings
        typed = self.password.text()
        if (
            settings is not None
            and settings.login
            and self.remember.isChecked()
            and typed
            and typed != (self._initial_password or "")
        ):
            try:
                mailer.set_smtp_password(settings, typed)
            except UserError as error:  # sent all the same; the next time it is asked again
                log.warning("could not keep the mail password: %s", error)
        self.sent.emit(interaction_id)
        self.accept()

    @Slot(object)
    def _on_task_failed(self, error: BaseException) -> None:
        if isinstance(error, mailer.NotRecordedError):
            self.sent_unrecorded = True
            self._show_banner(messages.user_message(error))
        elif isinstance(error, ValidationError):
            for name, message in error.field_errors.items():
                self._show_error(name, messages.message_text(message))
        elif isinstance(error, UserError):
            self._show_error(error.field, messages.user_message(error))
        else:
            messages.report_error(self, error)

    def _show_error(self, field: str | None, text: str) -> None:
        if field == "to_address":
            self.to_box.show_error(text)
            self.to.setFocus()
        elif field == "password" and self.settings is not None and self.settings.login:
            self.form.setRowVisible(self.password_area, True)
            self.password_box.show_error(text)
            self.password.setFocus()
            self.password.selectAll()
        elif field in SERVER_FIELDS or field == "password":
            self.server_box.show_error(text)
        elif field == "own_company_id":
            self._show_banner(text, section="companies")
        else:
            self._show_banner(text)

    @Slot()
    def _on_task_finished(self) -> None:
        self.task = None
        if self.result() != QDialog.DialogCode.Accepted:
            self._set_busy(False)

    # --- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        if self.task is None:  # the message is on its way: wait for the server's answer
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            event.ignore()
            return
        super().closeEvent(event)

    @Slot()
    def _on_settings_button_clicked(self) -> None:
        if self.on_settings is None:
            return
        self.on_settings(self._settings_section)
        if self._settings_section == "email":
            self._read_settings()  # the user may have just set the server up
            self._apply_settings()


__all__ = ["EmailDialog"]
