"""reports: indexes for the province's period reports

Revision ID: c0003_reports
Revises: c0002_forms_and_fees
Create Date: 2026-11-27 16:00:00

A period report reads the dossiers received before the period ends and not
returned before it starts: those whose span [received, returned] (open while
not returned) overlaps the period, one scan of a GiST index over that range
(btree ranges on either column read a whole half-year to find a month), then the few records the
definitions look at (pauses; refusal, withdrawal and return steps) of those
dossiers, through a partial index that holds only those records. The
predicate is the one counter_app/centre/staging.py writes
(report_records); PostgreSQL uses a partial index only for a query that
implies its predicate.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0003_reports"
down_revision: str | None = "c0002_forms_and_fees"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REPORT_RECORDS = (
    "kind = 'pause' OR (kind = 'step' AND (body ->> 'action') IN "
    "('refuse', 'withdraw', 'return_result'))"
)


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_central_dossiers_span ON central_dossiers "
        "USING gist (tsrange(received_at, returned_at, '[]'))"
    )
    op.execute(
        f"CREATE INDEX ix_central_records_report ON central_records (dossier_uuid) "
        f"WHERE {REPORT_RECORDS}"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_central_records_report")
    op.execute("DROP INDEX IF EXISTS ix_central_dossiers_span")
