"""Background sync with the central database: one round now and then, off the UI thread.

A :class:`SyncWorker` lives in the UI thread and owns a one-thread pool. Each
round runs ``sync_once`` there (push, then pull); the result comes back as a
queued signal. After a good round it waits ``interval_s``; after a failed one
it backs off (:func:`backoff_delay`), so a counter offline for a day does not
hammer the link, and comes back within minutes once the link returns.
``sync_now()`` runs a round at once (or right after the one in flight).
``stop()`` cancels the wait and waits for the round in flight; nothing is
left running when the window closes.
"""

from __future__ import annotations

import enum
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.services.context import ServiceContext
from counter_app.sync.errors import CentralUnreachable
from counter_app.sync.service import SyncReport, sync_once
from counter_app.ui.workers import WorkerRunner

log = logging.getLogger(__name__)

INTERVAL_S = 60.0
BACKOFF_BASE_S = 5.0
BACKOFF_CAP_S = 600.0
BACKOFF_FLOOR_S = 1.0
# 2**60 × any sane base is far past any cap; the exponent stops there so a
# counter that failed for weeks never overflows a float.
_MAX_EXPONENT = 60
# Waiting for the round in flight when the window closes: one push or pull
# batch, or the central link's silence limit (SILENT_LINK_S, 45 s).
STOP_WAIT_MS = 60_000


def backoff_delay(
    failures: int,
    *,
    base_s: float = BACKOFF_BASE_S,
    cap_s: float = BACKOFF_CAP_S,
    floor_s: float = BACKOFF_FLOOR_S,
    uniform: Callable[[float, float], float] = random.uniform,
) -> float:
    """Seconds to wait after ``failures`` failed rounds in a row (1 = the first).

    Exponential backoff with full jitter: a random time between ``floor_s``
    and ``min(cap_s, base_s × 2^(failures − 1))``, so the counters of a
    province that lost the centre together do not all come back at once.
    """
    if failures < 1:
        return 0.0
    ceiling = min(cap_s, base_s * 2.0 ** min(failures - 1, _MAX_EXPONENT))
    low = min(floor_s, ceiling)
    return min(ceiling, max(low, uniform(low, ceiling)))


@dataclass(frozen=True)
class SyncTiming:
    """How long the worker waits between rounds (seconds); tests use small values."""

    interval_s: float = INTERVAL_S
    backoff_base_s: float = BACKOFF_BASE_S
    backoff_cap_s: float = BACKOFF_CAP_S
    backoff_floor_s: float = BACKOFF_FLOOR_S
    # The silence a round allows before it cuts its link (None: the service's
    # SILENT_LINK_S, under a minute); a round never outlives it, so the one
    # thread of the pool is free for the next round on schedule.
    silent_s: float | None = None

    def after_failures(self, failures: int) -> float:
        return backoff_delay(
            failures,
            base_s=self.backoff_base_s,
            cap_s=self.backoff_cap_s,
            floor_s=self.backoff_floor_s,
        )


class SyncPhase(enum.Enum):
    IDLE = "idle"  # created, no round yet
    SYNCING = "syncing"  # a round is in flight
    ONLINE = "online"  # the last round went through
    OFFLINE = "offline"  # the last round found no central database
    FAILED = "failed"  # the centre answered, but the round failed
    STOPPED = "stopped"


class SyncWorker(QObject):
    """Runs sync rounds in the background and reports each one.

    ``finished(report)`` after a good round, ``failed(message)`` with the
    official's sentence after a bad one, ``state_changed(phase)`` whenever the
    :class:`SyncPhase` changes (before ``finished`` / ``failed``).
    """

    finished = Signal(object)
    failed = Signal(str)
    state_changed = Signal(object)

    def __init__(
        self,
        ctx: ServiceContext,
        directory: Path,
        timing: SyncTiming = SyncTiming(),  # noqa: B008 - frozen, shared safely
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._directory = directory
        self.timing = timing
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        self._runner = WorkerRunner(pool)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._round)
        self._phase = SyncPhase.IDLE
        self._in_flight = False
        self._again = False
        self._started = False
        self.failures = 0
        self.rounds = 0
        self.next_delay_s: float | None = None
        self.last_error: str | None = None

    @property
    def phase(self) -> SyncPhase:
        return self._phase

    @property
    def active(self) -> bool:
        return self._started and self._phase is not SyncPhase.STOPPED

    @property
    def in_flight(self) -> bool:
        return self._in_flight

    def start(self) -> None:
        """The first round at once, then on the worker's own schedule."""
        if self._started:
            return
        self._started = True
        self._round()

    def sync_now(self) -> None:
        if not self._started:
            self.start()
            return
        if self._phase is SyncPhase.STOPPED:
            return
        if self._in_flight:
            self._again = True
            return
        self._timer.stop()
        self._round()

    def stop(self, msecs: int = STOP_WAIT_MS) -> bool:
        """No new round; wait for the one in flight. False if it is still running."""
        self._timer.stop()
        self._again = False
        if self._phase is not SyncPhase.STOPPED:
            self._set_phase(SyncPhase.STOPPED)
        done = self._runner.wait(msecs)
        if not done:
            log.warning("Sync round still running after %d ms at stop", msecs)
        return done

    # ----- one round ------------------------------------------------------------------------

    def _round(self) -> None:
        if self._in_flight or self._phase is SyncPhase.STOPPED:
            return
        self._in_flight = True
        self.next_delay_s = None
        self._set_phase(SyncPhase.SYNCING)
        ctx, directory, silent_s = self._ctx, self._directory, self.timing.silent_s
        self._runner.start(
            lambda: sync_once(ctx, directory, silent_s=silent_s), self._done, self._failed
        )

    def _done(self, report: object) -> None:
        self._in_flight = False
        self.rounds += 1
        if self._phase is SyncPhase.STOPPED:
            return
        assert isinstance(report, SyncReport)
        self.failures = 0
        self.last_error = None
        self._set_phase(SyncPhase.ONLINE)
        self.finished.emit(report)
        self._schedule(self.timing.interval_s)

    def _failed(self, error: object) -> None:
        self._in_flight = False
        self.rounds += 1
        if self._phase is SyncPhase.STOPPED:
            return
        self.failures += 1
        if isinstance(error, UserError):
            message = render(error.message)
        else:
            message = self.tr(
                "Sync with the centre failed; the counter keeps working and will try again. If it keeps failing, call the IT staff (details are in the log file)."
            )
        self.last_error = message
        offline = isinstance(error, CentralUnreachable)
        self._set_phase(SyncPhase.OFFLINE if offline else SyncPhase.FAILED)
        self.failed.emit(message)
        self._schedule(self.timing.after_failures(self.failures))

    def _schedule(self, delay_s: float) -> None:
        if self._phase is SyncPhase.STOPPED:
            return
        if self._again:
            self._again = False
            delay_s = 0.0
        self.next_delay_s = delay_s
        self._timer.start(max(0, round(delay_s * 1000)))

    def _set_phase(self, phase: SyncPhase) -> None:
        if phase is not self._phase:
            self._phase = phase
            self.state_changed.emit(phase)
