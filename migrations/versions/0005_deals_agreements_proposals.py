"""deals, sales agreements, proposals; the typical sale's stages, loss reasons, price types

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_setting")),
    )
    op.create_table(
        "deal_stage",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("process", sa.String(length=40), nullable=False),
        sa.Column("requirements", sa.Text(), server_default="[]", nullable=False),
        sa.Column("probability", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_stage")),
        sa.UniqueConstraint("code", name=op.f("uq_deal_stage_code")),
    )
    op.create_table(
        "loss_reason",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loss_reason")),
        sa.UniqueConstraint("code", name=op.f("uq_loss_reason_code")),
    )
    op.create_table(
        "number_sequence",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("prefix", sa.String(length=40), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_sequence")),
        sa.UniqueConstraint("kind", "prefix", name=op.f("uq_number_sequence_kind_prefix")),
    )
    op.create_table(
        "price_type",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_type")),
        sa.UniqueConstraint("code", name=op.f("uq_price_type_code")),
    )
    op.create_table(
        "sales_agreement",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("is_typical", sa.Boolean(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=True),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("price_type_id", sa.Uuid(), nullable=True),
        sa.Column("prepayment_pct", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("credit_days", sa.Integer(), nullable=False),
        sa.Column("delivery_days", sa.Integer(), nullable=False),
        sa.Column("discount_pct", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "status IN ('draft', 'active', 'closed')", name=op.f("ck_sales_agreement_status")
        ),
        sa.CheckConstraint(
            "discount_pct >= 0 AND discount_pct <= 100",
            name=op.f("ck_sales_agreement_discount_pct"),
        ),
        sa.CheckConstraint(
            "prepayment_pct >= 0 AND prepayment_pct <= 100",
            name=op.f("ck_sales_agreement_prepayment_pct"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_sales_agreement_client_id_client"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["price_type_id"],
            ["price_type.id"],
            name=op.f("fk_sales_agreement_price_type_id_price_type"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["sales_agreement.id"],
            name=op.f("fk_sales_agreement_template_id_sales_agreement"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_agreement")),
        sa.UniqueConstraint("number", name=op.f("uq_sales_agreement_number")),
    )
    with op.batch_alter_table("sales_agreement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sales_agreement_client_id"), ["client_id"], unique=False
        )

    op.create_table(
        "deal",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("search_key", sa.String(length=255), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("counterparty_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("stage_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("probability", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("expected_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("loss_reason_id", sa.Uuid(), nullable=True),
        sa.Column("loss_comment", sa.Text(), nullable=True),
        sa.Column("contract_number", sa.String(length=40), nullable=True),
        sa.Column("contract_date", sa.Date(), nullable=True),
        sa.Column("need_description", sa.Text(), nullable=True),
        sa.Column("agreement_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('typical', 'manual', 'non_process')", name=op.f("ck_deal_kind")
        ),
        sa.CheckConstraint("status IN ('open', 'won', 'lost')", name=op.f("ck_deal_status")),
        sa.CheckConstraint(
            "probability >= 0 AND probability <= 100", name=op.f("ck_deal_probability")
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["sales_agreement.id"],
            name=op.f("fk_deal_agreement_id_sales_agreement"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_deal_client_id_client"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["counterparty_id"],
            ["counterparty.id"],
            name=op.f("fk_deal_counterparty_id_counterparty"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["loss_reason_id"],
            ["loss_reason.id"],
            name=op.f("fk_deal_loss_reason_id_loss_reason"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["app_user.id"],
            name=op.f("fk_deal_owner_id_app_user"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["info_source.id"],
            name=op.f("fk_deal_source_id_info_source"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["deal_stage.id"],
            name=op.f("fk_deal_stage_id_deal_stage"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal")),
        sa.UniqueConstraint("number", name=op.f("uq_deal_number")),
    )
    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deal_client_id"), ["client_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_deal_owner_id_status"), ["owner_id", "status"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_deal_stage_id"), ["stage_id"], unique=False)

    op.create_table(
        "deal_line",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("deal_id", sa.Uuid(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=255), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=18, scale=3), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("price", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("discount_pct", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("vat_rate", sa.String(length=8), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "vat_rate IN ('20', '10', '0', 'none')", name=op.f("ck_deal_line_vat_rate")
        ),
        sa.CheckConstraint(
            "discount_pct >= 0 AND discount_pct <= 100", name=op.f("ck_deal_line_discount_pct")
        ),
        sa.CheckConstraint("price >= 0", name=op.f("ck_deal_line_price")),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_deal_line_quantity")),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deal.id"],
            name=op.f("fk_deal_line_deal_id_deal"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_line")),
    )
    with op.batch_alter_table("deal_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deal_line_deal_id_line_no"), ["deal_id", "line_no"], unique=False
        )

    op.create_table(
        "deal_participant",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("deal_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("partner_id", sa.Uuid(), nullable=True),
        sa.Column("role", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "(kind = 'user' AND user_id IS NOT NULL) OR (kind = 'contact' AND contact_id IS NOT NULL) OR (kind = 'partner' AND partner_id IS NOT NULL)",
            name=op.f("ck_deal_participant_target"),
        ),
        sa.CheckConstraint(
            "kind IN ('user', 'contact', 'partner')", name=op.f("ck_deal_participant_kind")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_deal_participant_contact_id_contact"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deal.id"],
            name=op.f("fk_deal_participant_deal_id_deal"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["client.id"],
            name=op.f("fk_deal_participant_partner_id_client"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_deal_participant_user_id_app_user"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_participant")),
        sa.UniqueConstraint(
            "deal_id",
            "kind",
            "user_id",
            "contact_id",
            "partner_id",
            name=op.f("uq_deal_participant_deal_id_kind_user_id_contact_id_partner_id"),
        ),
    )
    op.create_table(
        "deal_stage_change",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("deal_id", sa.Uuid(), nullable=False),
        sa.Column("from_stage_id", sa.Uuid(), nullable=True),
        sa.Column("to_stage_id", sa.Uuid(), nullable=True),
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("skipped_requirements", sa.Text(), server_default="[]", nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deal.id"],
            name=op.f("fk_deal_stage_change_deal_id_deal"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["from_stage_id"],
            ["deal_stage.id"],
            name=op.f("fk_deal_stage_change_from_stage_id_deal_stage"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["to_stage_id"],
            ["deal_stage.id"],
            name=op.f("fk_deal_stage_change_to_stage_id_deal_stage"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_deal_stage_change_user_id_app_user"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_stage_change")),
    )
    with op.batch_alter_table("deal_stage_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deal_stage_change_deal_id_at"), ["deal_id", "at"], unique=False
        )

    op.create_table(
        "proposal",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("deal_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("total", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "status IN ('draft', 'sent', 'accepted', 'rejected')", name=op.f("ck_proposal_status")
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deal.id"],
            name=op.f("fk_proposal_deal_id_deal"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal")),
        sa.UniqueConstraint("number", "version_no", name=op.f("uq_proposal_number_version_no")),
    )
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposal_deal_id"), ["deal_id"], unique=False)
    _seed()


_NAMESPACE = uuid.UUID("6f1f2d7e-3c8b-4d55-9a55-8f6a1d3c0b21")
_SEEDED_AT = datetime(2026, 11, 23, tzinfo=UTC)

# the typical sale (DOMAIN.md): stage code, name, what must hold to leave it, probability %
STAGES = [
    ("primary_contact", "Первичный контакт", ["contact_attached"], 10),
    ("needs", "Выявление потребностей", ["need_described", "has_lines"], 20),
    ("conditions", "Определение условий продажи", ["client_classified", "agreement_chosen"], 35),
    ("proposal", "Коммерческое предложение", ["proposal_sent"], 50),
    ("negotiation", "Согласование условий", ["proposal_accepted"], 70),
    ("contract", "Договор / заказ", ["counterparty_valid", "contract_recorded"], 90),
]
LOSS_REASONS = [
    ("price", "Высокая цена"),
    ("competitor", "Выбрали конкурента"),
    ("no_budget", "Нет бюджета"),
    ("no_need", "Потребность отпала"),
    ("terms", "Не устроили условия поставки или оплаты"),
    ("no_answer", "Клиент перестал отвечать"),
    ("other", "Другое"),
]
PRICE_TYPES = [
    ("retail", "Розничная"),
    ("wholesale", "Оптовая"),
    ("dealer", "Дилерская"),
    ("purchase", "Закупочная"),
]


def _id(table: str, code: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{table}:{code}")


def _rows(table_name: str, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    sqlite = op.get_bind().dialect.name == "sqlite"
    at = _SEEDED_AT.replace(tzinfo=None) if sqlite else _SEEDED_AT
    return [
        {
            "id": _id(table_name, str(row["code"])),
            "created_at": at,
            "updated_at": at,
            "version": 1,
            "deleted_at": None,
            "created_by_id": None,
            "updated_by_id": None,
            **row,
        }
        for row in rows
    ]


def _catalogue(name: str, *extra: sa.ColumnClause) -> sa.TableClause:
    return sa.table(
        name,
        sa.column("id", sa.Uuid()),
        sa.column("code", sa.String()),
        sa.column("name", sa.String()),
        sa.column("sort_order", sa.Integer()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("version", sa.Integer()),
        sa.column("deleted_at", sa.DateTime(timezone=True)),
        sa.column("created_by_id", sa.Uuid()),
        sa.column("updated_by_id", sa.Uuid()),
        *extra,
    )


def _seed() -> None:
    stage = _catalogue(
        "deal_stage",
        sa.column("process", sa.String()),
        sa.column("requirements", sa.Text()),
        sa.column("probability", sa.Integer()),
    )
    op.bulk_insert(
        stage,
        _rows(
            "deal_stage",
            [
                {
                    "code": code,
                    "name": name,
                    "sort_order": (i + 1) * 10,
                    "process": "sale",
                    "requirements": json.dumps(requirements),
                    "probability": probability,
                }
                for i, (code, name, requirements, probability) in enumerate(STAGES)
            ],
        ),
    )
    for table_name, rows in (("loss_reason", LOSS_REASONS), ("price_type", PRICE_TYPES)):
        op.bulk_insert(
            _catalogue(table_name),
            _rows(
                table_name,
                [
                    {"code": code, "name": name, "sort_order": (i + 1) * 10}
                    for i, (code, name) in enumerate(rows)
                ],
            ),
        )


def downgrade() -> None:
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_deal_id"))

    op.drop_table("proposal")
    with op.batch_alter_table("deal_stage_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_stage_change_deal_id_at"))

    op.drop_table("deal_stage_change")
    op.drop_table("deal_participant")
    with op.batch_alter_table("deal_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_line_deal_id_line_no"))

    op.drop_table("deal_line")
    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_stage_id"))
        batch_op.drop_index(batch_op.f("ix_deal_owner_id_status"))
        batch_op.drop_index(batch_op.f("ix_deal_client_id"))

    op.drop_table("deal")
    with op.batch_alter_table("sales_agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sales_agreement_client_id"))

    op.drop_table("sales_agreement")
    op.drop_table("price_type")
    op.drop_table("number_sequence")
    op.drop_table("loss_reason")
    op.drop_table("deal_stage")
    op.drop_table("app_setting")
