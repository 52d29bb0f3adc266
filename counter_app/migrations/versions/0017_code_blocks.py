"""code blocks: ordinals the centre grants the desk for other authorities' codes

Revision ID: 0017_code_blocks
Revises: 0016_evaluation
Create Date: 2026-12-05 10:00:00

Decree 118/2025 Article 28(2): the code names the authority competent to
decide the procedure. Dossiers of another authority are numbered in blocks
the centre grants at each sync (domain/code_blocks.py). A desk upgraded from
before has none until its next sync, and numbers as it always did.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_code_blocks"
down_revision: str | None = "0016_evaluation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "code_blocks",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("authority_id", sa.String(length=40), nullable=False),
        sa.Column("first_seq", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_code_blocks_authority_id", "code_blocks", ["authority_id"])


def downgrade() -> None:
    op.drop_index("ix_code_blocks_authority_id", table_name="code_blocks")
    op.drop_table("code_blocks")
