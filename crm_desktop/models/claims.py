"""Претензии клиентов: claims, their reasons and investigation plans."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Catalogue, Entity, Money, Str40, restrict_fk

CLAIM_STATUSES = ("registered", "investigation", "resolved", "closed")
CLAIM_RESULTS = ("satisfied", "partly", "rejected")


class ClaimReason(Catalogue):
    """Why a client complains (late delivery, defect, short delivery, wrong documents…)."""

    __tablename__ = "claim_reason"


class Claim(Entity):
    """A client's (or another partner's) complaint, investigated by a plan of actions."""

    __tablename__ = "claim"
    __table_args__ = (
        CheckConstraint(
            "status IN ('registered', 'investigation', 'resolved', 'closed')", name="status"
        ),
        CheckConstraint(
            "result IS NULL OR result IN ('satisfied', 'partly', 'rejected')", name="result"
        ),
        CheckConstraint("requested_amount >= 0", name="requested_amount"),
        CheckConstraint("result_amount >= 0", name="result_amount"),
        Index(None, "partner_id", "claimed_on"),
        Index(None, "deal_id"),
        Index(None, "claimed_on"),
        Index(None, "owner_id", "status"),
        Index(None, "culprit_user_id"),
    )

    number: Mapped[Str40] = mapped_column(unique=True)
    claimed_on: Mapped[date]
    partner_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("client.id"))
    counterparty_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("counterparty.id"))
    deal_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("deal.id"))
    essence: Mapped[str]
    reason_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("claim_reason.id"))
    culprit_department_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("department.id"))
    culprit_user_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    requested_amount: Mapped[Money] = mapped_column(default=Decimal(0))
    status: Mapped[str] = mapped_column(String(16), default="registered")
    result: Mapped[str | None] = mapped_column(String(16))
    result_amount: Mapped[Money] = mapped_column(default=Decimal(0))
    result_comment: Mapped[str | None]
    owner_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]


class InvestigationAction(Entity):
    """A step of a claim's investigation plan: what, who, planned and done dates, result."""

    __tablename__ = "investigation_action"
    __table_args__ = (
        Index(None, "claim_id", "line_no"),
        Index(None, "responsible_id", "done_on", "planned_on"),
    )

    claim_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("claim.id"))
    line_no: Mapped[int]
    action: Mapped[str]
    responsible_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    planned_on: Mapped[date]
    done_on: Mapped[date | None]
    result: Mapped[str | None]
