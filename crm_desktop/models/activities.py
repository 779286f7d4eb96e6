"""Взаимодействия: calls, meetings, e-mails, planned interactions and what they concern."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Catalogue, Entity, Str40, Str255, restrict_fk

INTERACTION_KINDS = ("meeting", "call", "email", "planned")
TASK_STATUSES = ("open", "done", "cancelled")
TASK_PRIORITIES = ("low", "normal", "high")
LEAD_STATUSES = ("new", "in_work", "qualified", "rejected")
ATTACHMENT_OWNERS = ("interaction", "task", "claim", "lead", "deal")
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
        Index(None, "subject_key"),
    )

    kind: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str | None] = mapped_column(String(8))
    subject: Mapped[Str255]
    subject_key: Mapped[Str255] = mapped_column(default="", server_default="")  # folded, searched
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
    lead_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("lead.id"), index=True)
    claim_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("claim.id"), index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("interaction.id"))
    # a planned interaction's reminder, moved by "snooze" (None: remind at ``start_at``)
    remind_at: Mapped[datetime | None]


class Task(Entity):
    """Дело: something to do by a due time, by an assignee, linked like an interaction."""

    __tablename__ = "task"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'done', 'cancelled')", name="status"),
        CheckConstraint("priority IN ('low', 'normal', 'high')", name="priority"),
        Index(None, "assignee_id", "status", "due_at"),
        Index(None, "client_id", "due_at"),
        Index(None, "contact_id", "due_at"),
        Index(None, "deal_id", "due_at"),
        Index(None, "lead_id", "due_at"),
        Index(None, "claim_id", "due_at"),
        Index(None, "title"),  # the tasks list's title-prefix search
    )

    title: Mapped[Str255]
    description: Mapped[str | None]
    due_at: Mapped[datetime]
    remind_at: Mapped[datetime | None]  # moved by "snooze"; None: remind at ``due_at``
    assignee_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("app_user.id"))
    author_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    status: Mapped[str] = mapped_column(String(16), default="open")
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    done_at: Mapped[datetime | None]
    done_by_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    client_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("client.id"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("contact.id"))
    deal_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("deal.id"))
    lead_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("lead.id"))
    claim_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("claim.id"))
    interaction_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("interaction.id"))


class LeadRejectReason(Catalogue):
    """Why a lead was rejected (spam, no need, not our profile…)."""

    __tablename__ = "lead_reject_reason"


class Lead(Entity):
    """Лид: an inbound request that is not a client yet."""

    __tablename__ = "lead"
    __table_args__ = (
        CheckConstraint("status IN ('new', 'in_work', 'qualified', 'rejected')", name="status"),
        Index(None, "search_key"),
        Index(None, "owner_id", "status"),
        Index(None, "phone_e164"),
        Index(None, "email"),
        Index(None, "converted_client_id"),
        Index(None, "created_at"),
    )

    number: Mapped[Str40] = mapped_column(unique=True)
    name: Mapped[Str255]  # the person
    company: Mapped[Str255 | None]
    search_key: Mapped[Str255]
    phone: Mapped[Str40 | None]
    phone_e164: Mapped[Str40 | None]
    email: Mapped[Str255 | None]
    inn: Mapped[Str40 | None]
    kpp: Mapped[Str40 | None]
    source_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("info_source.id"))
    interest: Mapped[str | None]
    status: Mapped[str] = mapped_column(String(16), default="new")
    owner_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    reject_reason_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("lead_reject_reason.id"))
    reject_comment: Mapped[str | None]
    qualified_at: Mapped[datetime | None]
    rejected_at: Mapped[datetime | None]
    converted_client_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("client.id"))
    converted_contact_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("contact.id"))
    converted_counterparty_id: Mapped[uuid.UUID | None] = mapped_column(
        restrict_fk("counterparty.id")
    )
    converted_deal_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("deal.id"))


class Attachment(Entity):
    """A file attached to an interaction, task, claim, lead or deal, kept in the database
    (size-limited) with its sha256, so a sync can ship it and check it."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint(
            "owner_kind IN ('interaction', 'task', 'claim', 'lead', 'deal')", name="owner_kind"
        ),
        CheckConstraint("size >= 0", name="size"),
        Index(None, "owner_kind", "owner_id"),
        Index(None, "sha256"),
    )

    owner_kind: Mapped[str] = mapped_column(String(16))
    owner_id: Mapped[uuid.UUID]
    file_name: Mapped[Str255]
    mime_type: Mapped[Str255]
    size: Mapped[int]
    sha256: Mapped[Str255]
    content: Mapped[bytes] = mapped_column(LargeBinary)
