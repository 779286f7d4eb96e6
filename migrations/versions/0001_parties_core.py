"""parties core

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "client_circle",
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_circle")),
        sa.UniqueConstraint("code", name=op.f("uq_client_circle_code")),
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("last_name", sa.String(length=255), nullable=False),
        sa.Column("first_name", sa.String(length=255), nullable=True),
        sa.Column("middle_name", sa.String(length=255), nullable=True),
        sa.Column("search_key", sa.String(length=255), nullable=False),
        sa.Column("position", sa.String(length=255), nullable=True),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_search_key"), ["search_key"], unique=False)

    op.create_table(
        "department",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["department.id"],
            name=op.f("fk_department_parent_id_department"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department")),
    )
    op.create_table(
        "info_source",
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_info_source")),
        sa.UniqueConstraint("code", name=op.f("uq_info_source_code")),
    )
    op.create_table(
        "legal_form",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('legal', 'individual', 'person')", name=op.f("ck_legal_form_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_form")),
        sa.UniqueConstraint("code", name=op.f("uq_legal_form_code")),
    )
    op.create_table(
        "relation_kind",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("applies_to", sa.String(length=40), nullable=False),
        sa.Column("reverse_name", sa.String(length=255), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "applies_to IN ('client', 'contact')", name=op.f("ck_relation_kind_applies_to")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relation_kind")),
        sa.UniqueConstraint("code", name=op.f("uq_relation_kind_code")),
    )
    op.create_table(
        "app_user",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("login", sa.String(length=255), nullable=False),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("department_id", sa.Uuid(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "role IN ('manager', 'supervisor', 'admin')", name=op.f("ck_app_user_role")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_app_user_department_id_department"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("login", name=op.f("uq_app_user_login")),
    )
    op.create_table(
        "contact_relation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("from_contact_id", sa.Uuid(), nullable=False),
        sa.Column("to_contact_id", sa.Uuid(), nullable=False),
        sa.Column("kind_id", sa.Uuid(), nullable=False),
        sa.Column("comment", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "from_contact_id <> to_contact_id", name=op.f("ck_contact_relation_not_self")
        ),
        sa.ForeignKeyConstraint(
            ["from_contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_relation_from_contact_id_contact"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["kind_id"],
            ["relation_kind.id"],
            name=op.f("fk_contact_relation_kind_id_relation_kind"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["to_contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_relation_to_contact_id_contact"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_relation")),
        sa.UniqueConstraint(
            "from_contact_id",
            "to_contact_id",
            "kind_id",
            name=op.f("uq_contact_relation_from_contact_id_to_contact_id_kind_id"),
        ),
    )
    with op.batch_alter_table("contact_relation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_relation_to_contact_id"), ["to_contact_id"], unique=False
        )

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=255), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "action IN ('create', 'update', 'delete', 'restore')",
            name=op.f("ck_audit_entry_action"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_audit_entry_user_id_app_user"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_entry_entity_entity_id_at"),
            ["entity", "entity_id", "at"],
            unique=False,
        )

    op.create_table(
        "client",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("search_key", sa.String(length=255), nullable=False),
        sa.Column("is_client", sa.Boolean(), nullable=False),
        sa.Column("is_supplier", sa.Boolean(), nullable=False),
        sa.Column("is_dealer", sa.Boolean(), nullable=False),
        sa.Column("is_competitor", sa.Boolean(), nullable=False),
        sa.Column("is_carrier", sa.Boolean(), nullable=False),
        sa.Column("is_other", sa.Boolean(), nullable=False),
        sa.Column("circle_id", sa.Uuid(), nullable=True),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("industry", sa.String(length=255), nullable=True),
        sa.Column("head_count", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("is_archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "head_count IS NULL OR head_count >= 0", name=op.f("ck_client_head_count")
        ),
        sa.ForeignKeyConstraint(
            ["circle_id"],
            ["client_circle.id"],
            name=op.f("fk_client_circle_id_client_circle"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["app_user.id"],
            name=op.f("fk_client_owner_id_app_user"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["info_source.id"],
            name=op.f("fk_client_source_id_info_source"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
    )
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_search_key"), ["search_key"], unique=False)

    op.create_table(
        "channel",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subkind", sa.String(length=40), nullable=True),
        sa.Column("value", sa.String(length=255), nullable=False),
        sa.Column("normalized", sa.String(length=255), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint("kind IN ('phone', 'email', 'messenger')", name=op.f("ck_channel_kind")),
        sa.CheckConstraint(
            "(contact_id IS NULL) <> (client_id IS NULL)", name=op.f("ck_channel_one_owner")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_channel_client_id_client"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_channel_contact_id_contact"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel")),
    )
    with op.batch_alter_table("channel", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_channel_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_channel_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_channel_normalized"), ["normalized"], unique=False)

    op.create_table(
        "client_contact",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.String(length=255), nullable=True),
        sa.Column("role", sa.String(length=255), nullable=True),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_client_contact_client_id_client"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_client_contact_contact_id_contact"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_contact")),
        sa.UniqueConstraint(
            "client_id", "contact_id", name=op.f("uq_client_contact_client_id_contact_id")
        ),
    )
    with op.batch_alter_table("client_contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_client_contact_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "client_relation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("from_client_id", sa.Uuid(), nullable=False),
        sa.Column("to_client_id", sa.Uuid(), nullable=False),
        sa.Column("kind_id", sa.Uuid(), nullable=False),
        sa.Column("comment", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "from_client_id <> to_client_id", name=op.f("ck_client_relation_not_self")
        ),
        sa.ForeignKeyConstraint(
            ["from_client_id"],
            ["client.id"],
            name=op.f("fk_client_relation_from_client_id_client"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["kind_id"],
            ["relation_kind.id"],
            name=op.f("fk_client_relation_kind_id_relation_kind"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["to_client_id"],
            ["client.id"],
            name=op.f("fk_client_relation_to_client_id_client"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_relation")),
        sa.UniqueConstraint(
            "from_client_id",
            "to_client_id",
            "kind_id",
            name=op.f("uq_client_relation_from_client_id_to_client_id_kind_id"),
        ),
    )
    with op.batch_alter_table("client_relation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_client_relation_to_client_id"), ["to_client_id"], unique=False
        )

    op.create_table(
        "counterparty",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("legal_form_id", sa.Uuid(), nullable=False),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column("short_name", sa.String(length=255), nullable=False),
        sa.Column("search_key", sa.String(length=255), nullable=False),
        sa.Column("inn", sa.String(length=40), nullable=True),
        sa.Column("kpp", sa.String(length=40), nullable=True),
        sa.Column("ogrn", sa.String(length=40), nullable=True),
        sa.Column("legal_address", sa.Text(), nullable=True),
        sa.Column("postal_address", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_counterparty_client_id_client"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["legal_form_id"],
            ["legal_form.id"],
            name=op.f("fk_counterparty_legal_form_id_legal_form"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counterparty")),
    )
    with op.batch_alter_table("counterparty", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_counterparty_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_counterparty_inn_kpp"), ["inn", "kpp"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_counterparty_search_key"), ["search_key"], unique=False
        )

    op.create_table(
        "bank_account",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("counterparty_id", sa.Uuid(), nullable=False),
        sa.Column("bik", sa.String(length=40), nullable=False),
        sa.Column("account", sa.String(length=40), nullable=False),
        sa.Column("corr_account", sa.String(length=40), nullable=True),
        sa.Column("bank_name", sa.String(length=255), nullable=False),
        sa.Column("is_main", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["counterparty_id"],
            ["counterparty.id"],
            name=op.f("fk_bank_account_counterparty_id_counterparty"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_account")),
    )
    with op.batch_alter_table("bank_account", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bank_account_counterparty_id"), ["counterparty_id"], unique=False
        )

    op.create_table(
        "counterparty_contact",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("counterparty_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.String(length=255), nullable=True),
        sa.Column("role", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_counterparty_contact_contact_id_contact"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["counterparty_id"],
            ["counterparty.id"],
            name=op.f("fk_counterparty_contact_counterparty_id_counterparty"),
            onupdate="RESTRICT",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counterparty_contact")),
        sa.UniqueConstraint(
            "counterparty_id",
            "contact_id",
            name=op.f("uq_counterparty_contact_counterparty_id_contact_id"),
        ),
    )
    with op.batch_alter_table("counterparty_contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_counterparty_contact_contact_id"), ["contact_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("counterparty_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_counterparty_contact_contact_id"))

    op.drop_table("counterparty_contact")
    with op.batch_alter_table("bank_account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bank_account_counterparty_id"))

    op.drop_table("bank_account")
    with op.batch_alter_table("counterparty", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_counterparty_search_key"))
        batch_op.drop_index(batch_op.f("ix_counterparty_inn_kpp"))
        batch_op.drop_index(batch_op.f("ix_counterparty_client_id"))

    op.drop_table("counterparty")
    with op.batch_alter_table("client_relation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_relation_to_client_id"))

    op.drop_table("client_relation")
    with op.batch_alter_table("client_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_contact_contact_id"))

    op.drop_table("client_contact")
    with op.batch_alter_table("channel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_channel_normalized"))
        batch_op.drop_index(batch_op.f("ix_channel_contact_id"))
        batch_op.drop_index(batch_op.f("ix_channel_client_id"))

    op.drop_table("channel")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_search_key"))
        batch_op.drop_index(batch_op.f("ix_client_owner_id"))

    op.drop_table("client")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_entity_entity_id_at"))

    op.drop_table("audit_entry")
    with op.batch_alter_table("contact_relation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_relation_to_contact_id"))

    op.drop_table("contact_relation")
    op.drop_table("app_user")
    op.drop_table("relation_kind")
    op.drop_table("legal_form")
    op.drop_table("info_source")
    op.drop_table("department")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_search_key"))

    op.drop_table("contact")
    op.drop_table("client_circle")
