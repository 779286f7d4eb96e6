"""Errors that users cause, as typed exceptions carrying a translatable message.

Services raise these; views translate ``message`` with
``QCoreApplication.translate(TR_CONTEXT, message)`` and then ``format(**params)``, and show it next
to ``field``. Programming errors are never wrapped in these.

Messages are English source texts marked with :func:`QT_TRANSLATE_NOOP` so ``pyside6-lupdate``
collects them into the translation files without this module importing Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

TR_CONTEXT = (
    "UserErrors"  # write it out literally in QT_TRANSLATE_NOOP(): lupdate reads literals only
)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``source`` for translation in ``context``; returns it unchanged."""
    return source


@dataclass(frozen=True)
class Message:
    """A translatable message: English source text plus ``str.format`` parameters."""

    text: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self) -> str:
        """The English text with its parameters filled in (CLI, logs)."""
        return self.text.format(**self.params) if self.params else self.text


class UserError(Exception):
    """Something the user can fix. ``field`` names the input it concerns, if any."""

    def __init__(self, text: str, *, field: str | None = None, **params: Any) -> None:
        self.message = Message(text, params)
        self.field = field
        super().__init__(self.message.render())


class ValidationError(UserError):
    """One or more input fields are invalid; nothing was saved.

    ``field_errors`` maps a field name to its message; ``field`` is the first one.
    """

    def __init__(self, field_errors: Mapping[str, Message]) -> None:
        if not field_errors:
            raise ValueError("ValidationError needs at least one field error")
        self.field_errors: dict[str, Message] = dict(field_errors)
        first_field, first = next(iter(self.field_errors.items()))
        super().__init__(first.text, field=first_field, **dict(first.params))
        self.args = (
            "; ".join(f"{name}: {msg.render()}" for name, msg in self.field_errors.items()),
        )

    @classmethod
    def single(cls, field: str, text: str, **params: Any) -> ValidationError:
        return cls({field: Message(text, params)})


class ConcurrencyError(UserError):
    """The record was changed by someone else since it was loaded.

    ``changed_by``/``changed_at`` say who and when, where known.
    """

    changed_by: str | None = None
    changed_at: datetime | None = None


class NotFoundError(UserError):
    """The record does not exist (or was deleted)."""


class StorageError(UserError):
    """A known environment problem: database unreachable, keyring missing, disk full."""


class ConfirmationNeededError(ValidationError):
    """Problems the user may confirm and go on with (e.g. skipped stage requirements).

    Repeat the call with the confirming flag the service names to proceed. ``unmet`` holds the
    service's own record of each problem (for deals: ``deal_stages.Unmet``).
    """

    unmet: tuple[Any, ...] = ()


class PermissionDeniedError(UserError):
    """The acting user may not do this (e.g. a manager reopening a won deal)."""
