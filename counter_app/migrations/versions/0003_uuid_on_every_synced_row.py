"""uuid on every row that will be synced: audit entries, handed-in documents, pauses

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 22:45:00
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("audit_log", "dossier_documents", "clock_pauses")
AUDIT_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)


def _drop_audit_triggers() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")


def upgrade() -> None:
    bind = op.get_bind()
    # Existing rows get their identity now; the append-only guard is lifted
    # only for this one-time fill (the hash chain does not cover the uuid).
    _drop_audit_triggers()
    for name in TABLES:
        op.add_column(name, sa.Column("uuid", sa.String(length=36), nullable=True))
        table = sa.table(name, sa.column("id", sa.Integer), sa.column("uuid", sa.String))
        ids = [row.id for row in bind.execute(sa.select(table.c.id))]
        for row_id in ids:
            bind.execute(table.update().where(table.c.id == row_id).values(uuid=str(uuid.uuid4())))
        with op.batch_alter_table(name) as batch:
            batch.alter_column("uuid", existing_type=sa.String(length=36), nullable=False)
            batch.create_unique_constraint(op.f(f"uq_{name}_uuid"), ["uuid"])
    # Batch mode rebuilt audit_log, which drops its triggers: put them back.
    _drop_audit_triggers()
    for statement in AUDIT_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    _drop_audit_triggers()
    for name in TABLES:
        with op.batch_alter_table(name) as batch:
            batch.drop_constraint(op.f(f"uq_{name}_uuid"), type_="unique")
            batch.drop_column("uuid")
    for statement in AUDIT_TRIGGERS:
        op.execute(statement)
