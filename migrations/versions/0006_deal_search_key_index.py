"""an index on deal.search_key for the deals list's title search

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deal") as batch:
        batch.create_index(batch.f("ix_deal_search_key"), ["search_key"])


def downgrade() -> None:
    with op.batch_alter_table("deal") as batch:
        batch.drop_index(batch.f("ix_deal_search_key"))
