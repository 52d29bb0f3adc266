"""applicant kinds: the document an applicant is identified by, and a passport's nationality

Revision ID: 0018_applicant_kinds
Revises: 0017_code_blocks
Create Date: 2026-12-20 09:00:00

Until now every applicant had a 12-digit citizen ID (CCCD). A dossier now
says what its number is (domain/validation.IdKind: cccd, cmnd, passport,
tax_code, business_code) and, for a passport, the holder's nationality
(ISO 3166 alpha-3). Dossiers received before were all CCCD ones.

applicant_id_number keeps its declared length of 12 though a number may now
have up to 15 characters: SQLite does not enforce it, and altering the column
would need batch mode, which breaks the foreign keys pointing at dossiers.

The search column now also holds the organisation's name; dossiers received
for an organisation before get it appended here (the FTS triggers of 0005
re-index them). The fold below is domain/text.fold as of this revision,
copied because a migration imports no live code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_applicant_kinds"
down_revision: str | None = "0017_code_blocks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fold(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().translate(str.maketrans({"đ": "d", "ð": "d"})).split())


def upgrade() -> None:
    op.add_column(
        "dossiers",
        sa.Column("applicant_id_kind", sa.String(length=20), nullable=False, server_default="cccd"),
    )
    op.add_column(
        "dossiers",
        sa.Column("applicant_nationality", sa.String(length=3), nullable=False, server_default=""),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, search_text, organisation FROM dossiers WHERE organisation <> ''")
    ).all()
    for row_id, search, organisation in rows:
        conn.execute(
            sa.text("UPDATE dossiers SET search_text = :text WHERE id = :id"),
            {"text": f"{search} {_fold(organisation)}".strip(), "id": row_id},
        )


def downgrade() -> None:
    op.drop_column("dossiers", "applicant_nationality")
    op.drop_column("dossiers", "applicant_id_kind")
