"""the desk's phone number, printed on the forms

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 23:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("counter_identity") as batch:
        batch.add_column(
            sa.Column("phone", sa.String(length=20), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("counter_identity") as batch:
        batch.drop_column("phone")
