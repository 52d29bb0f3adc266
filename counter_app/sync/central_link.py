"""The desk's connection to the centre for one piece of work: its engine with
the link's time limits, and what a failure on it means for the official
(unreachable, silent, refused with a SQLSTATE), one sentence each."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from counter_app.sync.errors import CentralRefused, CentralSilent, CentralUnreachable
from counter_app.wire.connection_file import CentralSettings
from counter_app.wire.link import STATEMENT_TIMEOUT_MS, Watchdog, link_args, silent_link_s

log = logging.getLogger(__name__)


def central_engine(settings: CentralSettings) -> Engine:
    # No pool: after an outage every round starts from a fresh connection,
    # and a dead one is never handed out.
    return create_engine(
        settings.url,
        poolclass=NullPool,
        hide_parameters=True,
        connect_args={
            **link_args(),
            "application_name": "counter_app",
            # Set at connection start-up: no extra round trip, and the desk's
            # code cannot forget it on some path.
            "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        },
    )


@contextmanager
def central_session(settings: CentralSettings, silent_s: float | None = None) -> Iterator[Engine]:
    engine = central_engine(settings)
    watchdog = Watchdog(engine, silent_link_s(silent_s))
    try:
        yield engine
    except DBAPIError as exc:
        if watchdog.fired:
            raise CentralSilent(watchdog.silent_s) from exc
        if isinstance(exc.orig, psycopg.OperationalError):
            log.warning("Central database unreachable: %s", type(exc.orig).__name__)
            raise CentralUnreachable() from exc
        # The server's message may quote a failing row (citizens' data): the
        # log and the official get its class and SQLSTATE only.
        state = getattr(exc.orig, "sqlstate", None) or "?"
        log.error(
            "Central database refused the sync: %s (SQLSTATE %s)", type(exc.orig).__name__, state
        )
        raise CentralRefused(state) from None
    finally:
        watchdog.stop()
        engine.dispose()
