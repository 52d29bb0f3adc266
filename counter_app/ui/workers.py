"""Running slow work (search on a big database, printing, sync) off the UI thread.

:meth:`WorkerRunner.start` runs one callable on the runner's QThreadPool and
calls ``on_finished(result)`` or ``on_failed(exception)`` back in the UI
thread. The job emits the signals of one long-lived router object that lives
in the UI thread, so Qt queues each call back to it. No Qt object is made per
job: one made per job would be released by the pool's thread after the job,
and a QObject that dies outside its own thread crashes the process now and
then (seen here: a segmentation fault about once in seven UI test runs).

:class:`WriteRunner` is the same for writes: its jobs run on the one writer
thread (counter_app/writer.py), in the order they were started, behind every
other write of the window (a sync round's transactions included). Reads stay
on the pools; the UI thread never writes.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import wait as wait_futures

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from counter_app.domain.messages import UserError

log = logging.getLogger(__name__)

Callback = Callable[[object], None]


def refusal(error: object) -> UserError:
    """A failed write's refusal (a UserError), to be shown to the official; any
    other failure is raised again here, in the UI thread, for the error dialog
    (as when the UI thread wrote itself)."""
    if isinstance(error, UserError):
        return error
    if isinstance(error, BaseException):
        raise error
    raise RuntimeError(error)


class _Router(QObject):
    """Emitted from the pool's threads, delivered in the UI thread."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, runner: WorkerRunner, parent: QObject | None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.finished.connect(self._finished)
        self.failed.connect(self._failed)

    @Slot(int, object)
    def _finished(self, token: int, result: object) -> None:
        on_finished, _ = self._runner.take(token)
        on_finished(result)

    @Slot(int, object)
    def _failed(self, token: int, error: object) -> None:
        _, on_failed = self._runner.take(token)
        on_failed(error)


class WorkerRunner:
    """Starts work on one pool and routes its results back to the UI thread.

    The owner's pool is its own (not the global one) so closing a window can
    wait for exactly its work before the database closes. The router is a
    child of the pool, so it dies with it, in the UI thread.
    """

    def __init__(self, pool: QThreadPool) -> None:
        self.pool = pool
        self._router = _Router(self, pool)
        self._pending: dict[int, tuple[Callback, Callback]] = {}
        self._tokens = itertools.count()

    def _launch(self, job: Callable[[], None]) -> None:
        self.pool.start(job)

    def start(self, fn: Callable[[], object], on_finished: Callback, on_failed: Callback) -> None:
        token = next(self._tokens)
        self._pending[token] = (on_finished, on_failed)
        router = self._router

        def job() -> None:
            try:
                result = fn()
            except UserError as exc:
                # Refusals are normal answers for the official, not faults.
                log.info("Worker refused: %s", exc)
                router.failed.emit(token, exc)
            except Exception as exc:
                log.exception("Worker failed")
                router.failed.emit(token, exc)
            else:
                router.finished.emit(token, result)

        self._launch(job)

    def take(self, token: int) -> tuple[Callback, Callback]:
        return self._pending.pop(token)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)


Submit = Callable[[Callable[[], None]], "Future[None]"]


class WriteRunner(WorkerRunner):
    """Starts writes on the one writer thread (``submit``: ServiceContext.submit_write)
    and routes their results back to the UI thread, as WorkerRunner does.

    Its router is a child of ``parent`` (a window or dialog living in the UI thread).
    """

    def __init__(self, submit: Submit, parent: QObject) -> None:
        self._submit = submit
        self._router = _Router(self, parent)
        self._pending = {}
        self._tokens = itertools.count()
        self._futures: list[Future[None]] = []

    def _launch(self, job: Callable[[], None]) -> None:
        self._futures = [f for f in self._futures if not f.done()]
        self._futures.append(self._submit(job))

    def wait(self, msecs: int = 10_000) -> bool:
        _done, pending = wait_futures(self._futures, timeout=msecs / 1000)
        return not pending
