"""Users and who is acting: the local user of the embedded mode, database roles in an office."""

from __future__ import annotations

import getpass
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, text

from crm_desktop.db import Database
from crm_desktop.errors import QT_TRANSLATE_NOOP, NotFoundError
from crm_desktop.models import User
from crm_desktop.services import validation as v
from crm_desktop.services.uow import Actor, read_unit, write_unit


@dataclass(frozen=True)
class UserRow:
    id: uuid.UUID
    login: str
    full_name: str
    role: str
    is_active: bool


def _actor(user: User) -> Actor:
    return Actor(user.id, user.login, user.full_name, user.role)


def ensure_user(
    db: Database, login: str, full_name: str | None = None, role: str = "manager"
) -> Actor:
    """The user with this login, created on first use (the first user of a database is admin)."""
    clean_login = v.clean_text(login, field="login", required=True)
    assert clean_login is not None
    with write_unit(db, None) as session:
        user = session.scalars(select(User).where(User.login == clean_login)).one_or_none()
        if user is None:
            first = session.scalar(select(func.count()).select_from(User)) == 0
            user = User(
                login=clean_login,
                full_name=v.clean_text(full_name, field="full_name") or clean_login,
                role="admin" if first else role,
            )
            session.add(user)
            session.flush()
        return _actor(user)


def current_actor(db: Database, embedded_login: str | None = None) -> Actor:
    """Who is working: the OS user on an embedded file, the database role on a server."""
    if db.dialect == "postgresql":
        with db.connect() as conn:
            login = str(conn.execute(text("SELECT current_user")).scalar_one())
    else:
        login = embedded_login or _os_login()
    return ensure_user(db, login)


def _os_login() -> str:
    try:
        return getpass.getuser() or "user"
    except (KeyError, OSError):  # no passwd entry (containers)
        return "user"


def list_users(db: Database, *, active_only: bool = True) -> list[UserRow]:
    with read_unit(db) as session:
        query = select(User).where(User.deleted_at.is_(None)).order_by(User.full_name, User.id)
        if active_only:
            query = query.where(User.is_active.is_(True))
        return [
            UserRow(u.id, u.login, u.full_name, u.role, u.is_active) for u in session.scalars(query)
        ]


def rename_user(db: Database, actor: Actor, full_name: str) -> Actor:
    """Change the acting user's display name (Settings → User, embedded mode); the new Actor."""
    clean = v.clean_text(full_name, field="full_name", required=True)
    assert clean is not None
    with write_unit(db, actor) as session:
        user = session.get(User, actor.user_id)
        if user is None or user.deleted_at is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "UserErrors", "The record was not found; it may have been deleted."
                ),
                field="full_name",
            )
        if user.full_name != clean:
            user.full_name = clean
            session.flush()
        return _actor(user)
