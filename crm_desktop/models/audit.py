"""The audit trail: every change to a business record, field by field."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, Str40, Str255, new_id, restrict_fk, utcnow

AUDIT_ACTIONS = ("create", "update", "delete", "restore")


class AuditEntry(Base):
    """Who changed which field of which record, when, from what to what. Append-only."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        CheckConstraint("action IN ('create', 'update', 'delete', 'restore')", name="action"),
        Index(None, "entity", "entity_id", "at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    entity: Mapped[Str40]
    entity_id: Mapped[uuid.UUID]
    action: Mapped[str] = mapped_column(String(16))
    field: Mapped[Str255 | None]
    old_value: Mapped[str | None]
    new_value: Mapped[str | None]
    user_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
