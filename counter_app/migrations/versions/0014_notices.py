"""notices: what the desk tells the citizen, on which channel, sent or not

Revision ID: 0014_notices
Revises: 0013_supplement_outcome
Create Date: 2026-12-06 09:00:00

Decree 118/2025 Articles 17(2), 19(5), 19(6) and 22(5) ask the desk to tell
the citizen of an online dossier's answer, a closing, an extension and an
early result. Each notice is a row: channel, recipient, text, who made it,
whether it went out. Local to the counter (not synced); existing dossiers
get none.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_notices"
down_revision: str | None = "0013_supplement_outcome"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("dossier_code", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("basis", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.String(length=36), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_notices_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
        sa.UniqueConstraint("uuid", name=op.f("uq_notices_uuid")),
    )
    op.create_index(op.f("ix_notices_state"), "notices", ["state"])
    op.create_index(op.f("ix_notices_dossier_id"), "notices", ["dossier_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_notices_dossier_id"), table_name="notices")
    op.drop_index(op.f("ix_notices_state"), table_name="notices")
    op.drop_table("notices")
