"""signature extensions: signed papers waiting for their PAdES B-LT extension

Revision ID: 0021_signature_extensions
Revises: 0020_paper_signatures
Create Date: 2026-12-23 09:00:00

A desk signs offline (PAdES B-B); each sync round extends the signatures it
can to B-LT once a timestamp server and the revocation sources answer
(issue 21, point 1). This table is the queue: a row per signed paper,
settled once extended or found never extendable. Papers signed before this
revision are queued by it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_signature_extensions"
down_revision: str | None = "0020_paper_signatures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signature_extensions",
        sa.Column("paper_uuid", sa.String(length=36), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("tried_at", sa.DateTime(), nullable=True),
        sa.Column("settled_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("paper_uuid", name=op.f("pk_signature_extensions")),
    )
    op.execute(
        "INSERT INTO signature_extensions (paper_uuid, queued_at, outcome, detail) "
        "SELECT uuid, signed_at, '', '' FROM digitised_papers WHERE signed_at IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_table("signature_extensions")
