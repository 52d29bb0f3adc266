"""supplement outcome: how each supplement request ended, and whether it was late

Revision ID: 0013_supplement_outcome
Revises: 0012_procedure_law
Create Date: 2026-12-14 10:00:00

Decree 118/2025 Article 19(5) (Decree 61/2018 Article 19(4) before it): once
the complete dossier is received the time limit is counted again from the
start, and a dossier whose supplement never comes is closed. A supplement
request (clock_pauses) now says how it ended (``outcome``: restarted,
resumed or closed) and whether it was asked after the rule's working days
(``asked_late``). Rows already there keep no outcome: those ended were
handled by giving the paused time back, and the reports still read them so;
those still open get the restarted limit when their supplement arrives.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_supplement_outcome"
down_revision: str | None = "0012_procedure_law"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "clock_pauses",
        sa.Column("asked_late", sa.Boolean(), nullable=False, server_default="0"),
    )
    op.add_column("clock_pauses", sa.Column("outcome", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clock_pauses") as batch:
        batch.drop_column("outcome")
        batch.drop_column("asked_late")
