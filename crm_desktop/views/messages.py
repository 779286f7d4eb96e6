"""Errors and notices shown to the user, in the user's language.

Services raise :class:`~crm_desktop.errors.UserError` with an English source text marked for
translation in the ``UserErrors`` context; :func:`user_message` translates it and fills in its
parameters. Modal boxes go through :func:`show_error` so tests can monkeypatch it (call it as
``messages.show_error``, never import the name).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.errors import TR_CONTEXT, Message, UserError

log = logging.getLogger(__name__)


def message_text(message: Message) -> str:
    """A service message translated to the UI language, parameters filled in."""
    translated = QCoreApplication.translate(TR_CONTEXT, message.text)
    try:
        return translated.format(**message.params)
    except (KeyError, IndexError, ValueError):  # a translation with broken placeholders
        log.error("translation of %r has bad placeholders: %r", message.text, translated)
        return message.render()


def user_message(error: UserError) -> str:
    return message_text(error.message)


def error_title() -> str:
    return QCoreApplication.translate("Messages", "CRM — error")


def show_error(parent: QWidget | None, text: str, *, title: str | None = None) -> None:
    """A modal error box (tests monkeypatch this)."""
    QMessageBox.critical(parent, title or error_title(), text)


def report_error(parent: QWidget | None, error: BaseException) -> None:
    """Show an error that came back from a service call or a worker.

    A :class:`UserError` is shown in words; anything else is a bug: it goes to the log and to
    ``sys.excepthook`` (so tests fail on it) and the user is told that something went wrong.
    """
    if isinstance(error, UserError):
        show_error(parent, user_message(error))
        return
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    sys.excepthook(type(error), error, error.__traceback__)
    text = QCoreApplication.translate(
        "Messages", "Something went wrong inside the program: {error}"
    ).format(error=f"{type(error).__name__}: {error}")
    show_error(parent, text)
