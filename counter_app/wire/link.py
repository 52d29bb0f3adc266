"""Bounded time on every central link: libpq's timeouts and the round's watchdog."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from typing import Any

from sqlalchemy import Engine, create_engine, event

log = logging.getLogger(__name__)

# Bounded time on every link. A desk's link is a commune's ADSL or 4G: it can
# go silent (a NAT entry dropped, Wi-Fi gone) with the connection still open,
# and nothing in TCP ends a wait for a reply by itself.
#
# A centre that does not answer the connection at all: 5 s is several round
# trips of the slowest link seen, and a round that cannot connect is retried.
CONNECT_TIMEOUT_S = 5
# A peer that stops acknowledging while the connection is idle or waiting for
# a reply is noticed after idle + interval x count = 10 + 5 x 3 = 25 s (the
# kernel's own default is two hours); every probe is a 40-byte packet.
KEEPALIVE_IDLE_S = 10
KEEPALIVE_INTERVAL_S = 5
KEEPALIVE_COUNT = 3
# Data sent and not acknowledged for 30 s drops the connection (the kernel's
# retransmissions would go on for about 15 minutes).
TCP_USER_TIMEOUT_MS = 30_000
# The centre cancels any one statement of a desk after 30 s: a push batch or a
# feed page takes well under a second, so only a stuck one gets there, and
# then its locks and its horizon are released for the other desks.
STATEMENT_TIMEOUT_MS = 30_000
# A middlebox that keeps acknowledging but forwards nothing (a stalled proxy,
# a captive portal, a half-dead VPN) defeats all of the above: the desk also
# cuts a round in which the centre has answered nothing for 45 s. Longer than
# the statement timeout, so a slow but live centre ends its statement with its
# own error first; well under a minute, so the window's next round is on time.
SILENT_LINK_S = 45.0
# Tests shorten the silence allowed (never lengthen it) through this variable.
SILENT_LINK_ENV = "COUNTER_APP_SILENT_LINK_S"


def link_args() -> dict[str, object]:
    """libpq's connect, keepalive and user timeouts (every central connection)."""
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "keepalives": 1,
        "keepalives_idle": KEEPALIVE_IDLE_S,
        "keepalives_interval": KEEPALIVE_INTERVAL_S,
        "keepalives_count": KEEPALIVE_COUNT,
        "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
    }


def engine_for(url: str, **kwargs: Any) -> Engine:
    # hide_parameters: a failed statement's citizen data never reaches a log.
    # The link's connect, keepalive and user timeouts are the desk's (a silent
    # link ends the connection instead of a wait for ever); no statement
    # timeout here: a migration or a province report may rightly run long.
    connect_args = {**link_args(), **kwargs.pop("connect_args", {})}
    return create_engine(
        url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args, **kwargs
    )


def silent_link_s(override: float | None = None) -> float:
    """The silence a round allows: the default, or shorter for a test."""
    wanted = override
    if wanted is None:
        raw = os.environ.get(SILENT_LINK_ENV, "")
        try:
            wanted = float(raw) if raw else None
        except ValueError:
            wanted = None
    if wanted is None or not wanted > 0:
        return SILENT_LINK_S
    return min(wanted, SILENT_LINK_S)


class Watchdog:
    """Cuts a round's central connections once the centre has been silent too long.

    Every statement start and end, commit and rollback counts as a word from
    the link. When none came for ``silent_s``, the sockets are shut down under
    libpq: its blocked read or write returns at once with a connection error,
    which the round reports as offline. Shutting down (not closing) leaves the
    descriptor to libpq, which closes it as usual.
    """

    def __init__(self, engine: Engine, silent_s: float) -> None:
        self.silent_s = silent_s
        self.fired = False
        self._lock = threading.Lock()
        self._fds: dict[int, int] = {}
        self._last = time.monotonic()
        self._done = threading.Event()
        event.listen(engine, "connect", self._opened)
        event.listen(engine, "close", self._closed)
        for name in ("before_cursor_execute", "after_cursor_execute", "commit", "rollback"):
            event.listen(engine, name, self._heard)
        self._thread = threading.Thread(target=self._watch, name="sync-watchdog", daemon=True)
        self._thread.start()

    def _opened(self, dbapi_connection: Any, _record: Any) -> None:
        with self._lock:
            self._fds[id(dbapi_connection)] = int(dbapi_connection.fileno())
            self._last = time.monotonic()

    def _closed(self, dbapi_connection: Any, _record: Any) -> None:
        # Before libpq closes the descriptor: the number may be reused next.
        with self._lock:
            self._fds.pop(id(dbapi_connection), None)

    def _heard(self, *_args: Any, **_kwargs: Any) -> None:
        with self._lock:
            self._last = time.monotonic()

    def _watch(self) -> None:
        poll = min(1.0, self.silent_s / 10)
        while not self._done.wait(poll):
            with self._lock:
                if time.monotonic() - self._last < self.silent_s or not self._fds:
                    continue
                self.fired = True
                fds = list(self._fds.values())
                self._fds.clear()
                for fd in fds:
                    sock = socket.socket(fileno=fd)
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    finally:
                        sock.detach()
            log.warning(
                "Central link silent for %.0f s: the round's connection was cut", self.silent_s
            )

    def stop(self) -> None:
        with self._lock:
            self._fds.clear()
        self._done.set()
        self._thread.join()
