"""Units of work: one session and one transaction per service call, and who is acting.

A write unit commits when its block ends and rolls back on any exception; SQLAlchemy's
stale-data error (the ``version`` column no longer matches) becomes :class:`ConcurrencyError`
and an operational error (locked file, lost server) becomes :class:`StorageError`.
Every flush stamps who/when on business rows and writes the audit trail (see ``audit``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, ConcurrencyError
from crm_desktop.services import audit  # noqa: F401 - installs the flush hook

ACTOR_KEY = "crm_actor"


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf a service call runs."""

    user_id: uuid.UUID
    login: str
    full_name: str
    role: str = "manager"

    @property
    def is_supervisor(self) -> bool:
        return self.role in ("supervisor", "admin")


def changed_by_someone_else(user_name: str | None, at: datetime | None) -> ConcurrencyError:
    """The stale-card error with who saved the record meanwhile and when (local time)."""
    if user_name is None or at is None:
        return stale_error()
    error = ConcurrencyError(
        QT_TRANSLATE_NOOP(
            "UserErrors",
            "{user} changed this record at {at} while you had it open. What you typed is "
            "still here: reload the record to see their changes, then make yours again.",
        ),
        user=user_name,
        at=at.astimezone().strftime("%d.%m.%Y %H:%M"),
    )
    error.changed_by = user_name
    error.changed_at = at
    return error


def stale_error() -> ConcurrencyError:
    return ConcurrencyError(
        QT_TRANSLATE_NOOP(
            "UserErrors",
            "Someone else has changed this record since you opened it. Reopen it to see "
            "their changes, then make yours again.",
        )
    )


@contextmanager
def write_unit(db: Database, actor: Actor | None) -> Iterator[Session]:
    """A session whose transaction (BEGIN IMMEDIATE on SQLite) commits when the block ends."""
    session = db.write_session()
    session.info[ACTOR_KEY] = actor
    try:
        with session.begin():
            yield session
    except StaleDataError as exc:
        raise stale_error() from exc
    except OperationalError as exc:
        raise db.storage_error(exc) from exc
    finally:
        session.close()


@contextmanager
def read_unit(db: Database) -> Iterator[Session]:
    """A read-only session; its transaction is rolled back at the end.

    Objects loaded in it are detached first, so what was read stays readable afterwards.
    """
    session = db.read_session()
    try:
        with session.begin():
            yield session
            session.expunge_all()
            session.rollback()
    except OperationalError as exc:
        raise db.storage_error(exc) from exc
    finally:
        session.close()


def actor_of(session: Session) -> Actor | None:
    actor = session.info.get(ACTOR_KEY)
    return actor if isinstance(actor, Actor) else None
