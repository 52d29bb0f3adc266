"""the unit named on the forms (the counter's, and each dossier's as received),
the fee free by law, the cut-off per procedure

Revision ID: 0009_forms_and_fees
Revises: 0008_audit_guard
Create Date: 2026-11-27 15:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_forms_and_fees"
down_revision: str | None = "0008_audit_guard"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Counters set up before this revision worked under Decree 61/2018, whose
# one-stop unit had this name; the administrator corrects it in the setup.
_OLD_UNIT = "Bộ phận Tiếp nhận và Trả kết quả"


# Plain ADD COLUMN, no batch copy: rebuilding "procedures" would drop a table
# that dossiers and checklists point to, which foreign keys refuse.


def upgrade() -> None:
    op.add_column(
        "counter_identity",
        sa.Column("unit_name", sa.String(length=200), nullable=False, server_default=""),
    )
    op.execute(
        sa.text("UPDATE counter_identity SET unit_name = :name WHERE unit_name = ''").bindparams(
            name=_OLD_UNIT
        )
    )
    op.add_column("procedures", sa.Column("cutoff", sa.Boolean(), nullable=True))
    op.add_column(
        "dossiers", sa.Column("fee_free", sa.Boolean(), nullable=False, server_default="0")
    )
    op.add_column(
        "dossiers",
        sa.Column("unit_name", sa.String(length=200), nullable=False, server_default=""),
    )
    # Dossiers already held were received under the counter's unit as it stands now:
    # they keep that name when the unit is renamed later.
    op.execute(
        "UPDATE dossiers SET unit_name = (SELECT unit_name FROM counter_identity LIMIT 1) "
        "WHERE unit_name = '' AND EXISTS (SELECT 1 FROM counter_identity)"
    )
    # A stored 0 was printed "Không thu"; only the procedures free by law keep that.
    op.execute(
        "UPDATE dossiers SET fee_free = 1 WHERE fee = 0 AND procedure_id IN "
        "(SELECT id FROM procedures WHERE json_extract(fee_rule, '$.kind') = 'free')"
    )


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place, again without rebuilding the table.
    op.drop_column("dossiers", "unit_name")
    op.drop_column("dossiers", "fee_free")
    op.drop_column("procedures", "cutoff")
    op.drop_column("counter_identity", "unit_name")
