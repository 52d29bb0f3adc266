"""paper signatures: a digitised paper signed by the receiving official

Revision ID: 0020_paper_signatures
Revises: 0019_digitised_papers
Create Date: 2026-12-22 09:00:00

Decree 118/2025 Art. 17(1)(c): each electronic copy made at reception is
signed with the receiving official's personal digital signature. The paper
row then names the signed file; ``unsigned_sha256`` keeps the file it was
made from (still in the store), and the signer's certificate is recorded:
its holder, serial number, SHA-256 fingerprint and the signing time.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_paper_signatures"
down_revision: str | None = "0019_digitised_papers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = (
    ("unsigned_sha256", sa.String(length=64)),
    ("signer_name", sa.String(length=200)),
    ("signer_serial", sa.String(length=80)),
    ("signer_fingerprint", sa.String(length=64)),
)


def upgrade() -> None:
    with op.batch_alter_table("digitised_papers") as batch:
        for name, kind in _COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))
        batch.add_column(sa.Column("signed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("digitised_papers") as batch:
        batch.drop_column("signed_at")
        for name, _kind in reversed(_COLUMNS):
            batch.drop_column(name)
