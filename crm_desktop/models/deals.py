"""Deals, their stages and history, participants, specification lines, sales agreements."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Index, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, Catalogue, Entity, Money, Str40, Str255, restrict_fk

DEAL_KINDS = ("typical", "manual", "non_process")
DEAL_STATUSES = ("open", "won", "lost")
PARTICIPANT_KINDS = ("user", "contact", "partner")
VAT_RATES = ("20", "10", "0", "none")
AGREEMENT_STATUSES = ("draft", "active", "closed")


class PriceType(Catalogue):
    """Вид цен: retail, wholesale, dealer… (prices per product come with the catalogue)."""

    __tablename__ = "price_type"


class LossReason(Catalogue):
    """Why a deal was lost (price, competitor, no budget…)."""

    __tablename__ = "loss_reason"


class DealStage(Catalogue):
    """A stage of a sales process, with what must hold to leave it (``requirements``).

    ``requirements`` is a JSON list of requirement codes evaluated by services/deal_stages.py;
    an office may change the list. Typical and manual deals share the "sale" process.
    """

    __tablename__ = "deal_stage"

    process: Mapped[Str40] = mapped_column(default="sale")
    requirements: Mapped[str] = mapped_column(default="[]", server_default="[]")
    probability: Mapped[int] = mapped_column(default=0)


class SalesAgreement(Entity):
    """Соглашение об условиях продаж: typical (for a segment) or individual (one client)."""

    __tablename__ = "sales_agreement"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'active', 'closed')", name="status"),
        CheckConstraint("discount_pct >= 0 AND discount_pct <= 100", name="discount_pct"),
        CheckConstraint("prepayment_pct >= 0 AND prepayment_pct <= 100", name="prepayment_pct"),
        Index(None, "client_id"),
    )

    number: Mapped[Str40] = mapped_column(unique=True)
    name: Mapped[Str255]
    is_typical: Mapped[bool] = mapped_column(Boolean, default=True)
    template_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("sales_agreement.id"))
    client_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("client.id"))
    price_type_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("price_type.id"))
    prepayment_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal(0))
    credit_days: Mapped[int] = mapped_column(default=0)
    delivery_days: Mapped[int] = mapped_column(default=0)
    discount_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal(0))
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="draft")


class Deal(Entity):
    """Сделка с клиентом: a potential sale to one client, led through stages."""

    __tablename__ = "deal"
    __table_args__ = (
        CheckConstraint("kind IN ('typical', 'manual', 'non_process')", name="kind"),
        CheckConstraint("status IN ('open', 'won', 'lost')", name="status"),
        CheckConstraint("probability >= 0 AND probability <= 100", name="probability"),
        Index(None, "client_id"),
        Index(None, "owner_id", "status"),
        Index(None, "stage_id"),
        Index(None, "search_key"),
    )

    number: Mapped[Str40] = mapped_column(unique=True)
    title: Mapped[Str255]
    search_key: Mapped[Str255]
    client_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("client.id"))
    counterparty_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("counterparty.id"))
    kind: Mapped[str] = mapped_column(String(16), default="typical")
    stage_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("deal_stage.id"))
    status: Mapped[str] = mapped_column(String(16), default="open")
    amount: Mapped[Money] = mapped_column(default=Decimal(0))
    probability: Mapped[int] = mapped_column(default=0)
    source_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("info_source.id"))
    opened_on: Mapped[date]
    expected_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    owner_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    loss_reason_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("loss_reason.id"))
    loss_comment: Mapped[str | None]
    contract_number: Mapped[Str40 | None]
    contract_date: Mapped[date | None]
    need_description: Mapped[str | None]
    agreement_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("sales_agreement.id"))


class DealStageChange(Entity):
    """One move of a deal: stage and status from → to, who, when, what was skipped."""

    __tablename__ = "deal_stage_change"
    __table_args__ = (Index(None, "deal_id", "at"), Index(None, "at"))

    deal_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("deal.id"))
    from_stage_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("deal_stage.id"))
    to_stage_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("deal_stage.id"))
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    at: Mapped[datetime]
    # JSON list of requirement codes that did not hold (manual deals, confirmed by the user)
    skipped_requirements: Mapped[str] = mapped_column(default="[]", server_default="[]")
    comment: Mapped[str | None]


class DealParticipant(Entity):
    """Who takes part: our user, a client-side contact, or another partner, with a role."""

    __tablename__ = "deal_participant"
    __table_args__ = (
        CheckConstraint("kind IN ('user', 'contact', 'partner')", name="kind"),
        CheckConstraint(
            "(kind = 'user' AND user_id IS NOT NULL) OR (kind = 'contact' AND contact_id IS NOT "
            "NULL) OR (kind = 'partner' AND partner_id IS NOT NULL)",
            name="target",
        ),
        UniqueConstraint("deal_id", "kind", "user_id", "contact_id", "partner_id"),
    )

    deal_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("deal.id"))
    kind: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("contact.id"))
    partner_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("client.id"))
    role: Mapped[Str255 | None]


class DealLine(Entity):
    """A specification line: a catalogue product (or free text), amount computed exactly.

    ``quantity`` counts sales units (``unit``: a 5 kg pack); ``price`` is per price unit (1 kg);
    a sales unit holds ``factor`` price units, so the amount is quantity × factor × price less
    the discount.
    """

    __tablename__ = "deal_line"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity"),
        CheckConstraint("price >= 0", name="price"),
        CheckConstraint("discount_pct >= 0 AND discount_pct <= 100", name="discount_pct"),
        CheckConstraint("vat_rate IN ('20', '10', '0', 'none')", name="vat_rate"),
        CheckConstraint("factor >= 1", name="factor"),
        Index(None, "deal_id", "line_no"),
    )

    deal_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("deal.id"))
    line_no: Mapped[int]
    product_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("product.id"))
    description: Mapped[Str255]
    quantity: Mapped[Decimal] = mapped_column(Numeric(18, 3))
    unit: Mapped[Str40] = mapped_column(default="шт")
    factor: Mapped[int] = mapped_column(default=1, server_default="1")
    price_unit: Mapped[Str40 | None]
    price: Mapped[Money]
    discount_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal(0))
    vat_rate: Mapped[str] = mapped_column(String(8), default="20")
    amount: Mapped[Money]


class NumberSequence(Entity):
    """Human-facing numbers with a node prefix (``А-000042``): one row per kind and node."""

    __tablename__ = "number_sequence"
    __table_args__ = (UniqueConstraint("kind", "prefix"),)

    kind: Mapped[Str40]
    prefix: Mapped[Str40]
    last_value: Mapped[int] = mapped_column(default=0)


PROPOSAL_STATUSES = ("draft", "sent", "accepted", "rejected")


class Proposal(Entity):
    """Коммерческое предложение of a deal, one row per version (``number`` + ``version_no``).

    Everything printed is copied in when the version is issued (lines, prices, terms, the
    requisites' owners), so an older version stays readable as it was sent.
    """

    __tablename__ = "proposal"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'sent', 'accepted', 'rejected')", name="status"),
        CheckConstraint("discount_pct >= 0 AND discount_pct <= 100", name="discount_pct"),
        UniqueConstraint("number", "version_no"),
        Index(None, "deal_id"),
    )

    deal_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("deal.id"))
    number: Mapped[Str40]
    version_no: Mapped[int] = mapped_column(default=1)
    issued_on: Mapped[date]
    valid_until: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="draft")
    total: Mapped[Money] = mapped_column(default=Decimal(0))
    vat_total: Mapped[Money] = mapped_column(default=Decimal(0), server_default="0")
    counterparty_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("counterparty.id"))
    own_company_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("own_company.id"))
    agreement_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("sales_agreement.id"))
    price_type_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("price_type.id"))
    discount_pct: Mapped[Decimal] = mapped_column(
        Numeric(5, 2), default=Decimal(0), server_default="0"
    )
    payment_terms: Mapped[str | None]
    delivery_terms: Mapped[str | None]
    manager_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("app_user.id"))
    notes: Mapped[str | None]


class ProposalLine(Entity):
    """A line of a proposal version: what the deal's line became under the agreement."""

    __tablename__ = "proposal_line"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity"),
        CheckConstraint("price >= 0", name="price"),
        CheckConstraint("factor >= 1", name="factor"),
        CheckConstraint("discount_pct >= 0 AND discount_pct <= 100", name="discount_pct"),
        CheckConstraint("vat_rate IN ('20', '10', '0', 'none')", name="vat_rate"),
        Index(None, "proposal_id", "line_no"),
    )

    proposal_id: Mapped[uuid.UUID] = mapped_column(restrict_fk("proposal.id"))
    line_no: Mapped[int]
    product_id: Mapped[uuid.UUID | None] = mapped_column(restrict_fk("product.id"))
    sku: Mapped[Str40 | None]
    description: Mapped[Str255]
    quantity: Mapped[Decimal] = mapped_column(Numeric(18, 3))
    unit: Mapped[Str40]
    factor: Mapped[int] = mapped_column(default=1)
    price_unit: Mapped[Str40]
    price: Mapped[Money]
    discount_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal(0))
    vat_rate: Mapped[str] = mapped_column(String(8))
    amount: Mapped[Money]
    vat_amount: Mapped[Money]


class AppSetting(Base):
    """Settings of this database node (not synced): the node's number prefix and the like."""

    __tablename__ = "app_setting"

    key: Mapped[Str40] = mapped_column(primary_key=True)
    value: Mapped[str]
