"""an index on deal_stage_change.at: the funnel report reads a period of the stage history

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deal_stage_change") as batch:
        batch.create_index(batch.f("ix_deal_stage_change_at"), ["at"])


def downgrade() -> None:
    with op.batch_alter_table("deal_stage_change") as batch:
        batch.drop_index(batch.f("ix_deal_stage_change_at"))
