"""report indexes: the dossiers a period report reads

Revision ID: 0010_report_indexes
Revises: 0009_forms_and_fees
Create Date: 2026-11-27 18:00:00

A report reads the dossiers received before the period ends and not returned
before it starts (reports/local_source.py). On returned_at, SQLite answers
"returned_at IS NULL OR returned_at >= start" with two ranges of one index
(a multi-index OR) and no longer scans the dossiers through an unrelated
index: a month of a busy counter's year reads its few thousand rows only.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010_report_indexes"
down_revision: str | None = "0009_forms_and_fees"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_dossiers_returned_at", "dossiers", ["returned_at"])


def downgrade() -> None:
    op.drop_index("ix_dossiers_returned_at", table_name="dossiers")
