"""Взаимодействия: calls, meetings, e-mails, planned interactions and what they concern."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Entity, Str255, restrict_fk

INTERACTION_KINDS = ("meeting", "call", "email", "planned")
INTERACTION_STATUSES = ("planned", "done", "postponed", "cancelled")
DIRECTIONS = ("in", "out")


class Interaction(Entity):
    """One interaction with a client. The participant is a linked contact or, until someone
    links it, plain text (a phone number or an e-mail address as it was given)."""

    __tablename__ = "interaction"
    __table_args__ = (
        CheckConstraint("kind IN ('meeting', 'call', 'email', 'planned')", name="kind"),
        CheckConstraint("status IN ('planned', 'done', 'postponed', 'cancelled')", name="status"),
        CheckConstraint("direction IS NULL OR direction IN ('in', 'out')", name="direction"),
        CheckConstraint("duration_min >= 0", name="duration_min"),
        Index(None, "client_id", "start_at"),
        Index(None, "contact_id", "start_at"),
        Index(None, "deal_id", "start_at"),
        Index(None, "responsible_id", "status", "start_at"),
        Index(None, "parent_id"),
    )

    kind: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str | None] = mapped_column(String(8))
    subject: Mapped[Str255]
    description: Mapped[str | None]
    start_at: Mapped[datetime]
    duration_min: Mapped[int] = mapped_column(default=0)
    result: Mapped[str | None]
    status: Mapped[str] = mapped_column(String(16), default="done")
    responsible_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("contact.id"))
    participant_text: Mapped[Str255 | None]
    client_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("client.id"))
    deal_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("deal.id"))
    proposal_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("proposal.id"))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("interaction.id"))
