"""audit: an INSERT that would replace or fork an entry is refused too

Revision ID: 0008_audit_guard
Revises: 0007_login_lockout
Create Date: 2026-11-27 15:30:00

The UPDATE and DELETE triggers of 0001 leave one way around them: REPLACE
(``INSERT OR REPLACE``, ``REPLACE INTO``) deletes the conflicting row without
firing DELETE triggers (SQLite fires them only with recursive_triggers on).
A BEFORE INSERT trigger now refuses any insert whose id, hash or uuid is
already there, so nothing can be replaced, and any insert that does not
extend the chain from its last entry, so no entry can be slipped in between.
"""

from __future__ import annotations

from alembic import op

revision = "0008_audit_guard"
down_revision = "0007_login_lockout"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
GUARD = (
    "CREATE TRIGGER audit_log_insert_extends_chain BEFORE INSERT ON audit_log "
    "WHEN EXISTS (SELECT 1 FROM audit_log "
    "WHERE id = NEW.id OR hash = NEW.hash OR uuid = NEW.uuid) "
    "OR NEW.prev_hash IS NOT "
    f"coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '{GENESIS}') "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
)


def upgrade() -> None:
    op.execute(GUARD)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_insert_extends_chain")
