"""evaluation: each dossier's scores on the indicators of Circular 01/2018

Revision ID: 0016_evaluation
Revises: 0014_notices
Create Date: 2026-12-16 09:00:00

Decree 118/2025 Article 33(1) and Circular 01/2018/TT-VPCP Articles 13-14:
at the return the desk scores the indicators the dossier's record gives and
records the citizen's answers to the others (domain/evaluation.py). One JSON
column on the dossier, synced in its body; dossiers already returned keep
none (their rating, one overall level, stays on their return step).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_evaluation"
# When 0015 (the online answer) is merged, this revises it instead.
down_revision: str | None = "0014_notices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("dossiers", sa.Column("evaluation", sa.JSON(), nullable=True))


def downgrade() -> None:
    # SQLite drops a column in place (3.35+); batch mode would rebuild the
    # table and its foreign keys.
    op.drop_column("dossiers", "evaluation")
