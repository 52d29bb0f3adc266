"""digitised papers: the electronic dossier's files and their data

Revision ID: 0019_digitised_papers
Revises: 0018_applicant_kinds
Create Date: 2026-12-21 09:00:00

Decree 118/2025 Art. 17(1)(c): each paper received is copied into an
electronic copy; Art. 19(2) fixes the data such a copy carries. Files live
in the counter's content-addressed store (data folder, ``files/``); these
tables refer to them by hash.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_digitised_papers"
down_revision: str | None = "0018_applicant_kinds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stored_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=60), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_files")),
    )
    op.create_table(
        "digitised_papers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("component", sa.Integer(), nullable=True),
        sa.Column("component_name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("doc_type_code", sa.String(length=20), nullable=False),
        sa.Column("holder_id_number", sa.String(length=15), nullable=False),
        sa.Column("holder_name", sa.String(length=120), nullable=False),
        sa.Column("holder_birth_year", sa.Integer(), nullable=True),
        sa.Column("id_issued_on", sa.Date(), nullable=True),
        sa.Column("id_issued_by", sa.String(length=200), nullable=False),
        sa.Column("document_name", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("document_code", sa.String(length=60), nullable=False),
        sa.Column("reused_from", sa.String(length=36), nullable=True),
        sa.Column("ocr_text", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("removed_by", sa.String(length=60), nullable=False),
        sa.Column("removal_reason", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("counter_uuid", sa.String(length=36), nullable=False),
        sa.Column("counter_seq", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_digitised_papers_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["stored_files.sha256"],
            name=op.f("fk_digitised_papers_sha256_stored_files"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digitised_papers")),
        sa.UniqueConstraint("uuid", name=op.f("uq_digitised_papers_uuid")),
    )
    op.create_index("ix_digitised_papers_holder", "digitised_papers", ["holder_id_number"])
    op.create_index("ix_digitised_papers_dossier", "digitised_papers", ["dossier_id"])


def downgrade() -> None:
    op.drop_index("ix_digitised_papers_dossier", table_name="digitised_papers")
    op.drop_index("ix_digitised_papers_holder", table_name="digitised_papers")
    op.drop_table("digitised_papers")
    op.drop_table("stored_files")
