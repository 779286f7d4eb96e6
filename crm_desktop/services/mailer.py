"""E-mail over SMTP: a proposal's PDF to a contact, recorded on the deal once the server took it.

The server, port, security and login are the workstation's settings (the views keep them); the
password lives in the OS keyring (:func:`smtp_password`, :func:`set_smtp_password`), never in a
settings file. :func:`send_proposal` runs the whole exchange (call it off the GUI thread): the
message is handed to the server first, and only then is an outgoing e-mail interaction recorded
on the deal (and a draft proposal marked sent), in one transaction. A refused login, an
unreachable server or a refused recipient is a :class:`MailError` with words a user understands,
and nothing is recorded.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from email_validator import EmailNotValidError, validate_email

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, StorageError, UserError
from crm_desktop.services import validation as v
from crm_desktop.services.uow import Actor

log = logging.getLogger(__name__)

KEYRING_SERVICE = "crm-desktop-smtp"
SECURITY = ("starttls", "ssl", "none")
TIMEOUT_S = 30


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    security: str = "starttls"  # one of SECURITY
    login: str | None = None
    sender: str = ""  # the From address
    sender_name: str | None = None


@dataclass(frozen=True)
class OutgoingMail:
    to_address: str
    to_name: str | None
    subject: str
    body: str
    attachment_name: str
    attachment: bytes  # the PDF


class MailError(UserError):
    """Sending failed; the message says why in the user's words."""


class NotRecordedError(MailError):
    """The server took the message, but recording it on the deal failed: it must not be sent
    again."""


def _keyring_user(settings: SmtpSettings) -> str:
    return f"{settings.login or settings.sender}@{settings.host}:{settings.port}"


def smtp_password(settings: SmtpSettings) -> str | None:
    """The SMTP password from the OS keyring (None if none is stored or no keyring works)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _keyring_user(settings))
    except KeyringError:
        return None


def set_smtp_password(settings: SmtpSettings, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_user(settings), password)
    except KeyringError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "No OS keyring is available to keep the mail password ({detail}). Start a "
                "desktop session with a Secret Service (GNOME Keyring, KWallet).",
            ),
            detail=str(exc),
        ) from exc


def _address(name: str | None, address: str) -> Address:
    """A header address as any server takes it: the domain in punycode («ромашка.рф» →
    «xn--80aa3agjl3d.xn--p1ai»); a mailbox in non-Latin letters stays (it needs a server with
    SMTPUTF8, :func:`_exchange` checks)."""
    text = address.strip()
    try:
        checked = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        username, _, domain = text.rpartition("@")
    else:
        username, domain = checked.local_part, checked.ascii_domain
    return Address(display_name=name or "", username=username, domain=domain)


def _one_line(text: str | None) -> str:
    """A header's text on one line (a subject pasted with its line break would be refused)."""
    return " ".join((text or "").split())


def _needs_smtputf8(message: EmailMessage) -> bool:
    return not all(
        address.username.isascii()
        for header in ("From", "To")
        for address in message[header].addresses
    )


def build_message(settings: SmtpSettings, mail: OutgoingMail) -> EmailMessage:
    message = EmailMessage()
    sender = _address(_one_line(settings.sender_name), settings.sender)
    message["From"] = sender
    message["To"] = _address(_one_line(mail.to_name), mail.to_address)
    message["Subject"] = _one_line(mail.subject)
    message["Date"] = formatdate(localtime=True)  # required; a submission server may not add it
    message["Message-ID"] = make_msgid(domain=sender.domain or None)
    message.set_content(mail.body)
    message.add_attachment(
        mail.attachment, maintype="application", subtype="pdf", filename=mail.attachment_name
    )
    return message


def _require_server(settings: SmtpSettings) -> None:
    if not settings.host or not settings.sender:
        raise MailError(
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "Set up the mail server and the sender's address in Settings → E-mail first.",
            ),
            field="smtp",
        )


def _check(settings: SmtpSettings, mail: OutgoingMail) -> None:
    _require_server(settings)
    if settings.security not in SECURITY:
        raise ValueError(f"unknown SMTP security {settings.security!r}")
    v.normalize_email(mail.to_address, field="to_address")


def check_server(settings: SmtpSettings, password: str | None) -> None:
    """Connect and log in without sending anything (Settings' "Check" button)."""
    _exchange(settings, password, None)


def send(settings: SmtpSettings, password: str | None, mail: OutgoingMail) -> None:
    """Hand the message to the server; MailError in plain words when it does not take it."""
    _check(settings, mail)
    _exchange(settings, password, mail)


def _exchange(settings: SmtpSettings, password: str | None, mail: OutgoingMail | None) -> None:
    _require_server(settings)
    message = build_message(settings, mail) if mail is not None else None
    try:
        if settings.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host,
                settings.port,
                timeout=TIMEOUT_S,
                context=ssl.create_default_context(),
            )
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_S)
        try:
            if settings.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if settings.login:
                smtp.login(settings.login, password or "")
            if message is not None:
                smtp.ehlo_or_helo_if_needed()
                if _needs_smtputf8(message) and not smtp.has_extn("smtputf8"):
                    raise MailError(
                        QT_TRANSLATE_NOOP(
                            "UserErrors",
                            "The mail server does not take addresses with non-Latin letters "
                            "before the @ ({address}). Ask for another address.",
                        ),
                        field="to_address",
                        address=mail.to_address if mail else "",
                    )
                smtp.send_message(message)
        finally:
            _close(smtp)  # the message is taken: a refused or broken QUIT changes nothing
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The mail server refused the login or password ({detail}). Check them in "
                "Settings → E-mail.",
            ),
            field="password",
            detail=_reply(exc),
        ) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError(
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The mail server does not support the chosen security or login ({detail}). "
                "Check the port and security in Settings → E-mail.",
            ),
            field="security",
            detail=str(exc),
        ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailError(
            QT_TRANSLATE_NOOP(
                "UserErrors", "The mail server refused the recipient's address {address}."
            ),
            field="to_address",
            address=mail.to_address if mail else "",
        ) from exc
    except smtplib.SMTPServerDisconnected as exc:
        raise MailError(
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The mail server closed the connection ({detail}). Check the port and security "
                "in Settings → E-mail: port 465 is usually SSL/TLS, port 587 STARTTLS.",
            ),
            field="security",
            detail=str(exc),
        ) from exc
    except ssl.SSLCertVerificationError as exc:
        raise MailError(
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The mail server's certificate is not trusted ({detail}). Check the server's "
                "name in Settings → E-mail.",
            ),
            field="host",
            detail=exc.verify_message or str(exc),
        ) from exc
    except ssl.SSLError as exc:
        raise MailError(
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "No secure connection with the mail server ({detail}). Check the port and "
                "security in Settings → E-mail: port 465 is usually SSL/TLS, port 587 STARTTLS.",
            ),
            field="security",
            detail=exc.reason or str(exc),
        ) from exc
    except smtplib.SMTPException as exc:
        raise MailError(
            QT_TRANSLATE_NOOP("UserErrors", "The mail server did not take the message: {detail}"),
            field="smtp",
            detail=str(exc),
        ) from exc
    except (TimeoutError, OSError) as exc:
        raise MailError(
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "Cannot reach the mail server {host}:{port} ({detail}). Check the address and "
                "the network.",
            ),
            field="host",
            host=settings.host,
            port=str(settings.port),
            detail=str(exc),
        ) from exc


def _close(smtp: smtplib.SMTP) -> None:
    """Say QUIT and close; what the server answers to it no longer matters."""
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _reply(exc: smtplib.SMTPResponseException) -> str:
    error: bytes | str = exc.smtp_error
    text = error.decode("utf-8", "replace") if isinstance(error, bytes) else error
    return f"{exc.smtp_code} {text}".strip()


def send_proposal(
    db: Database,
    actor: Actor | None,
    proposal_id: uuid.UUID,
    settings: SmtpSettings,
    password: str | None,
    mail: OutgoingMail,
    *,
    contact_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Send the proposal's mail; once the server took it, record the e-mail interaction on the
    deal (a draft proposal becomes sent). Returns the interaction's id."""
    from crm_desktop.services.proposals import record_email_sent

    send(settings, password, mail)
    try:
        return record_email_sent(
            db,
            actor,
            proposal_id,
            to_address=mail.to_address,
            contact_id=contact_id,
            subject=_one_line(mail.subject),
            body=mail.body,
        )
    except UserError as exc:  # the message is gone: sending it again would send it twice
        log.warning("proposal %s was e-mailed but not recorded: %s", proposal_id, exc)
        raise NotRecordedError(
            QT_TRANSLATE_NOOP(
                "UserErrors",
                "The message was sent, but it could not be recorded on the deal. Do not send it "
                "again: record the e-mail on the deal by hand.",
            )
        ) from exc
