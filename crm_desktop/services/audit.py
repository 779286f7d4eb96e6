"""The audit trail: a flush hook that records every change to a business record.

Installed on every ORM session; it stamps ``created_by``/``updated_by`` and writes one
:class:`AuditEntry` per created, deleted or restored record and per changed field.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from crm_desktop.models import AuditEntry, Entity, new_id, utcnow

# bookkeeping columns whose changes are not news to a reader of the history
NOT_AUDITED = frozenset(
    {
        "id",
        "version",
        "created_at",
        "updated_at",
        "created_by_id",
        "updated_by_id",
        "search_key",
        "search_text",
    }
)


def audit_value(value: Any) -> str | None:
    """A value as the history shows it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, uuid.UUID | Decimal | int | float | str):
        return str(value)
    return repr(value)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush_context: UOWTransaction, _instances: Any) -> None:
    from crm_desktop.services.uow import actor_of

    actor = actor_of(session)
    user_id = actor.user_id if actor is not None else None
    now = utcnow()
    entries: list[AuditEntry] = []
    for obj in list(session.new):
        if not isinstance(obj, Entity):
            continue
        if obj.id is None:
            obj.id = new_id()
        obj.created_by_id = obj.created_by_id or user_id
        obj.updated_by_id = user_id or obj.created_by_id
        entries.append(_entry(obj, "create", None, None, None, user_id, now))
    for obj in list(session.dirty):
        if not isinstance(obj, Entity) or not session.is_modified(obj, include_collections=False):
            continue
        changes = _column_changes(obj)
        if not changes:
            continue
        obj.updated_by_id = user_id
        obj.updated_at = now
        for key, old, new in changes:
            if key == "deleted_at":
                action = "delete" if new is not None else "restore"
                entries.append(_entry(obj, action, None, None, None, user_id, now))
            else:
                entries.append(_entry(obj, "update", key, old, new, user_id, now))
    session.add_all(entries)


def _column_changes(obj: Entity) -> list[tuple[str, Any, Any]]:
    state = inspect(obj)
    changes = []
    for attr in state.mapper.column_attrs:
        if attr.key in NOT_AUDITED:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changes.append((attr.key, old, new))
    return changes


def _entry(
    obj: Entity,
    action: str,
    field: str | None,
    old: Any,
    new: Any,
    user_id: uuid.UUID | None,
    at: datetime,
) -> AuditEntry:
    return AuditEntry(
        id=new_id(),
        entity=obj.__tablename__,
        entity_id=obj.id,
        action=action,
        field=field,
        old_value=audit_value(old),
        new_value=audit_value(new),
        user_id=user_id,
        at=at,
    )


@dataclass(frozen=True)
class HistoryRow:
    """One line of a card's History tab."""

    at: datetime
    user_name: str | None
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None


def history(session: Session, entity: str, entity_id: uuid.UUID) -> list[HistoryRow]:
    """A record's audit trail, oldest first."""
    from crm_desktop.models import User

    rows = session.execute(
        select(
            AuditEntry.at,
            User.full_name,
            AuditEntry.action,
            AuditEntry.field,
            AuditEntry.old_value,
            AuditEntry.new_value,
        )
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    ).all()
    return [HistoryRow(*row) for row in rows]
