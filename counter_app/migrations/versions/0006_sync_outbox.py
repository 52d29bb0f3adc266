"""sync: outbox, feed state, quarantine and conflicts, central notes; a version
on every synced row; every row already held is queued for its first push

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 13:40:00

A counter that ran before sync existed holds dossiers that the province has
never seen: they go into the outbox now, in the order a push applies them,
so the first sync carries the whole history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_SYNCED = ("dossier_documents", "clock_pauses")
VERSIONED = ("dossiers", "workflow_steps", "print_jobs", *NEW_SYNCED)
# (kind, table) in the order a push applies them.
BACKFILL = (
    ("dossier", "dossiers"),
    ("document", "dossier_documents"),
    ("pause", "clock_pauses"),
    ("step", "workflow_steps"),
    ("print_job", "print_jobs"),
    ("audit", "audit_log"),
)


def _create_tables() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
    )
    op.create_index(op.f("ix_sync_outbox_row_uuid"), "sync_outbox", ["row_uuid"])
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_issues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("local_payload", sa.JSON(), nullable=True),
        sa.Column("central_payload", sa.JSON(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_issues")),
        sa.UniqueConstraint("uuid", name=op.f("uq_sync_issues_uuid")),
    )
    op.create_table(
        "central_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dossier_uuid", sa.String(length=36), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_notes")),
        sa.UniqueConstraint("uuid", name=op.f("uq_central_notes_uuid")),
    )
    op.create_index(op.f("ix_central_notes_dossier_uuid"), "central_notes", ["dossier_uuid"])


# The wire form of a row as this revision first sent it (counter_app/wire/
# payload.py then): a migration keeps its own copy, so a later change of the
# live format can never rewrite history.
_LOCAL_ONLY = frozenset(
    {"id", "dossier_id", "procedure_id", "counter_seq", "version", "search_text"}
)


def _payload(values: dict[str, object], dossier_uuid: str | None) -> dict[str, object]:
    body = {
        k: (v.isoformat() if isinstance(v, date | datetime) else v)
        for k, v in values.items()
        if k not in _LOCAL_ONLY
    }
    if dossier_uuid is not None:
        body["dossier_uuid"] = dossier_uuid
    return body


def _backfill(bind: sa.Connection) -> None:
    meta = sa.MetaData()
    dossiers = sa.Table("dossiers", meta, autoload_with=bind)
    uuid_of = dict(bind.execute(sa.select(dossiers.c.id, dossiers.c.uuid)).all())
    seqs = sa.Table("number_sequences", meta, autoload_with=bind)
    seq = bind.execute(sa.select(seqs.c.value).where(seqs.c.name == "rows")).scalar() or 0
    start = seq
    outbox = sa.Table("sync_outbox", meta, autoload_with=bind)
    now = datetime.now().replace(microsecond=0)
    for kind, name in BACKFILL:
        table = dossiers if name == "dossiers" else sa.Table(name, meta, autoload_with=bind)
        for row in bind.execute(sa.select(table).order_by(table.c.id)).mappings().all():
            seq += 1
            values = dict(row)
            parent = uuid_of.get(values["dossier_id"]) if "dossier_id" in values else None
            bind.execute(
                outbox.insert().values(
                    seq=seq,
                    kind=kind,
                    row_uuid=values["uuid"],
                    version=1,
                    payload=_payload(values, parent),
                    created_at=now,
                )
            )
            if "counter_seq" in values:
                bind.execute(
                    table.update().where(table.c.id == values["id"]).values(counter_seq=seq)
                )
    if seq != start:
        if bind.execute(sa.select(seqs.c.value).where(seqs.c.name == "rows")).first() is None:
            bind.execute(seqs.insert().values(name="rows", value=seq))
        else:
            bind.execute(seqs.update().where(seqs.c.name == "rows").values(value=seq))


def upgrade() -> None:
    bind = op.get_bind()
    _create_tables()
    counter = bind.execute(sa.text("SELECT uuid FROM counter_identity LIMIT 1")).scalar() or ""
    for name in NEW_SYNCED:
        op.add_column(
            name, sa.Column("counter_uuid", sa.String(36), nullable=False, server_default=counter)
        )
        op.add_column(
            name, sa.Column("counter_seq", sa.Integer(), nullable=False, server_default="0")
        )
    for name in VERSIONED:
        op.add_column(name, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    _backfill(bind)


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), not batch mode: rebuilding the
    # dossiers table would cascade-delete every row that refers to it.
    for name in VERSIONED:
        op.execute(f"ALTER TABLE {name} DROP COLUMN version")
    for name in NEW_SYNCED:
        op.execute(f"ALTER TABLE {name} DROP COLUMN counter_seq")
        op.execute(f"ALTER TABLE {name} DROP COLUMN counter_uuid")
    for name in ("central_notes", "sync_issues", "sync_state", "sync_outbox"):
        op.drop_table(name)
