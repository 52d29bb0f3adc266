"""login attempts: each password check in flight is on record before the hash

Revision ID: 0011_login_attempts
Revises: 0010_report_indexes
Create Date: 2026-11-28 10:00:00

A login takes one of the user name's remaining tries in a write transaction
before the slow argon2 check and gives it back after, so processes checking
at once cannot together try more passwords than the lockout allows. A row
left by a process that died mid-check counts as a wrong password later.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_login_attempts"
down_revision: str | None = "0010_report_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
    )
    op.create_index(op.f("ix_login_attempts_username"), "login_attempts", ["username"])


def downgrade() -> None:
    op.drop_index(op.f("ix_login_attempts_username"), table_name="login_attempts")
    op.drop_table("login_attempts")
