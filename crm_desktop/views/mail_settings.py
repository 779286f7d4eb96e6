"""This workstation's mail server settings, kept in QSettings ``mail/*`` (no password: the
password is in the OS keyring, see :mod:`crm_desktop.services.mailer`)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from crm_desktop.services.mailer import SECURITY, SmtpSettings

_DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


def default_port(security: str) -> int:
    return _DEFAULT_PORTS.get(security, 587)


def load_smtp_settings(settings: QSettings) -> SmtpSettings | None:
    """The saved mail server, or None when none is set up yet."""
    host = str(settings.value("mail/host", "") or "").strip()
    if not host:
        return None
    security = str(settings.value("mail/security", "starttls") or "starttls")
    if security not in SECURITY:
        security = "starttls"
    try:
        port = int(str(settings.value("mail/port", default_port(security))))
    except ValueError:
        port = default_port(security)
    login = str(settings.value("mail/login", "") or "").strip() or None
    sender = str(settings.value("mail/sender", "") or "").strip()
    sender_name = str(settings.value("mail/sender_name", "") or "").strip() or None
    return SmtpSettings(host, port, security, login, sender, sender_name)


def save_smtp_settings(settings: QSettings, smtp: SmtpSettings) -> None:
    settings.setValue("mail/host", smtp.host)
    settings.setValue("mail/port", smtp.port)
    settings.setValue("mail/security", smtp.security)
    settings.setValue("mail/login", smtp.login or "")
    settings.setValue("mail/sender", smtp.sender)
    settings.setValue("mail/sender_name", smtp.sender_name or "")
