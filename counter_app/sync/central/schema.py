"""Create or upgrade the central database (its own Alembic tree)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, text

from counter_app.domain.workflow import reachable_pairs
from counter_app.sync.link import link_args

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


def engine_for(url: str, **kwargs: Any) -> Engine:
    # hide_parameters: a failed statement's citizen data never reaches a log.
    # The link's connect, keepalive and user timeouts are the desk's (a silent
    # link ends the connection instead of a wait for ever); no statement
    # timeout here: a migration or a province report may rightly run long.
    connect_args = {**link_args(), **kwargs.pop("connect_args", {})}
    return create_engine(
        url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args, **kwargs
    )


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
