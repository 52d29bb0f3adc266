"""central counters carry the one-stop unit's name; central dossiers carry the
fee taken at reception and whether it was free by law

Revision ID: c0002_forms_and_fees
Revises: c0001
Create Date: 2026-11-27 15:45:00

The dossier's body already carries both fee fields; as columns the centre can
total a province's fees without unpacking every body.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0002_forms_and_fees"
down_revision: str | None = "c0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        """
ALTER TABLE central_counters ADD COLUMN unit_name varchar(200) NOT NULL DEFAULT '';
ALTER TABLE central_dossiers
    ADD COLUMN fee bigint NOT NULL DEFAULT 0,
    ADD COLUMN fee_free boolean NOT NULL DEFAULT false;
UPDATE central_dossiers
   SET fee = COALESCE((body->>'fee')::bigint, 0),
       fee_free = COALESCE((body->>'fee_free')::boolean, false);
"""
    )


def downgrade() -> None:
    op.execute(
        "ALTER TABLE central_dossiers DROP COLUMN fee, DROP COLUMN fee_free; "
        "ALTER TABLE central_counters DROP COLUMN unit_name;"
    )
