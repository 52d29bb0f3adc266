"""Create or upgrade the central database (its own Alembic tree)."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from counter_app.domain.workflow import reachable_pairs
from counter_app.wire.link import engine_for as engine_for

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# A session left idle inside a transaction holds the feed's horizon back
# (pg_snapshot_xmin): the server ends it instead of stalling every counter.
IDLE_IN_TRANSACTION_TIMEOUT = "60s"
# Every desk role's own default (registration; c0005 for older roles): a push
# batch or a feed page takes well under a second, so only a statement stuck on
# a broken link gets there, and its locks are released for the other desks.
DESK_STATEMENT_TIMEOUT = "30s"
# The group every counter's own login role belongs to (made by migration c0001).
COUNTER_GROUP = "counter_app_counter"


def init(engine: Engine) -> None:
    """Bring the schema to head and load the workflow's reachable moves."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    command.upgrade(cfg, "head")
    with engine.begin() as conn:
        # The database's name is an identifier: quoted by the server (%I).
        conn.execute(
            text(
                "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET "
                "idle_in_transaction_session_timeout = %L', current_database(), "
                f"'{IDLE_IN_TRANSACTION_TIMEOUT}'); END $$"
            )
        )
        conn.execute(text("DELETE FROM central_workflow_paths"))
        conn.execute(
            text("INSERT INTO central_workflow_paths (from_state, to_state) VALUES (:a, :b)"),
            [{"a": a.value, "b": b.value} for a, b in sorted(reachable_pairs())],
        )
    log.info("Central database is at head")
