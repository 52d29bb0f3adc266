"""procedure law: the authority that decides each procedure, and what its
specialised law sets instead of the decree

Revision ID: 0012_procedure_law
Revises: 0011_login_attempts
Create Date: 2026-12-05 03:40:00

Decree 118/2025 Article 28(2)(a) puts the identifier of the authority
competent to decide into the dossier's code, and Article 19(5) lets a
procedure's specialised law set its own supplement window, closing period or
clock; the catalogue carries both per procedure. Existing procedures get
neither (the receiving unit decides; the decree's rules apply) until the
catalogue says otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_procedure_law"
down_revision: str | None = "0011_login_attempts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE: a batch copy of the table would break the foreign keys
# that dossiers and checklists hold on it.
def upgrade() -> None:
    op.add_column(
        "procedures",
        sa.Column("deciding_authority", sa.String(length=40), nullable=False, server_default=""),
    )
    op.add_column("procedures", sa.Column("special_rules", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("procedures", "special_rules")
    op.drop_column("procedures", "deciding_authority")
