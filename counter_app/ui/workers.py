"""Running slow work (search on a big database, printing, sync) off the UI thread.

A :class:`Worker` runs one callable in a QThreadPool and reports through
``signals.finished(result)`` or ``signals.failed(exception)``. Connect those to
bound methods of a QObject living in the UI thread, so Qt queues the call back
to it; a plain lambda would run in the pool's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from counter_app.domain.messages import UserError

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Worker(QRunnable):
    def __init__(self, fn: Callable[[], object]) -> None:
        super().__init__()
        self._fn = fn
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            result = self._fn()
        except UserError as exc:
            # Refusals are normal answers for the official, not faults.
            log.info("Worker refused: %s", exc)
            self.signals.failed.emit(exc)
        except Exception as exc:
            log.exception("Worker failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class _Delivery(QObject):
    """Lives in the UI thread, so the worker's signals reach it queued, in that thread."""

    def __init__(
        self,
        runner: WorkerRunner,
        signals: WorkerSignals,
        on_finished: Callable[[object], None],
        on_failed: Callable[[object], None],
    ) -> None:
        super().__init__()
        self._runner = runner
        # Held here, not only by the runnable: the pool drops the runnable in
        # its own thread, and a QObject must not die there with a queued
        # signal of its still on the way to this thread.
        self._signals = signals
        self._on_finished = on_finished
        self._on_failed = on_failed

    @Slot(object)
    def finished(self, result: object) -> None:
        self._runner.discard(self)
        self._on_finished(result)

    @Slot(object)
    def failed(self, error: object) -> None:
        self._runner.discard(self)
        self._on_failed(error)


class WorkerRunner:
    """Starts workers on one pool and routes their results back to the UI thread.

    The owner's pool is its own (not the global one) so closing a window can
    wait for exactly its work before the database closes.
    """

    def __init__(self, pool: QThreadPool) -> None:
        self.pool = pool
        self._pending: set[_Delivery] = set()
        self._retired: list[_Delivery] = []

    def start(
        self,
        fn: Callable[[], object],
        on_finished: Callable[[object], None],
        on_failed: Callable[[object], None],
    ) -> Worker:
        worker = Worker(fn)
        delivery = _Delivery(self, worker.signals, on_finished, on_failed)
        self._pending.add(delivery)
        worker.signals.finished.connect(delivery.finished)
        worker.signals.failed.connect(delivery.failed)
        self.pool.start(worker)
        return worker

    def discard(self, delivery: _Delivery) -> None:
        """No longer pending. The delivery is released on a later turn of the
        event loop: dropping its last reference inside its own slot would
        delete it while Qt is still delivering the event to it."""
        self._pending.discard(delivery)
        self._retired.append(delivery)
        if len(self._retired) == 1:
            QTimer.singleShot(0, self._retired.clear)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)
