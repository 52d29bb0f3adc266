"""The process's one writer: a single thread on which the window's writes run, in order.

The window (its composition root, counter_app/ui/app.py) hands every write to
this thread: a reception, a step, a login's bookkeeping, a sync round's local
transactions. They queue here one after the other, so none of them waits on
the UI thread and no two of them race for SQLite's lock. A thread that must
never wait on a write (the UI thread) is *forbidden*: a unit of work opened on
it is a programming error, raised at once (:class:`WriteOffWriter`).

Once the writer runs, it is the only thread that may open a unit of work:
any other (a pool's, a timer's) hands its write to it through
``Sessions.write`` or ``Sessions.submit``, so no write of the window can
bypass the queue. The CLI, scripts and tests that never start the writer
write inline, on their own thread, as before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


def let_others_run() -> None:
    """Hand the interpreter over for a moment in a long job: the window asks
    for it at every event, and Python's own switching would keep it waiting
    several milliseconds each time, tens of times in a row."""
    time.sleep(0)


class WriteOffWriter(RuntimeError):
    """A programming error: a unit of work opened on a thread that may not write."""


class Writer:
    """One thread, started at the first job, that runs jobs one at a time in submission order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None
        self._ident: int | None = None
        self._forbidden: set[int] = set()

    def _mark(self) -> None:
        self._ident = threading.get_ident()

    @property
    def running(self) -> bool:
        return self._executor is not None

    @property
    def on_writer(self) -> bool:
        return self._ident is not None and self._ident == threading.get_ident()

    def submit(self, job: Callable[[], T]) -> Future[T]:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="counter-writer", initializer=self._mark
                )
            return self._executor.submit(job)

    def forbid_this_thread(self) -> None:
        """From now on a unit of work opened on the calling thread is refused;
        the writer runs, so other threads' writes (a sync round's) queue on it."""
        self._forbidden.add(threading.get_ident())
        self.submit(lambda: None).result()

    def allow_this_thread(self) -> None:
        self._forbidden.discard(threading.get_ident())

    def refuse_waiting(self) -> None:
        """Refused on a forbidden thread: it may neither write nor wait on the writer."""
        if threading.get_ident() in self._forbidden:
            raise WriteOffWriter(
                "a write on the UI thread: send it through the window's write runner"
            )

    def check(self) -> None:
        """Refused unless a unit of work may be opened here: on the writer
        once it runs, else on any thread that is not forbidden."""
        self.refuse_waiting()
        if self._executor is not None and not self.on_writer:
            raise WriteOffWriter(
                f"a unit of work opened on thread {threading.current_thread().name!r} "
                "while the window's writer runs: write through sessions.write(fn) or "
                "sessions.submit(job), which run on the writer thread"
            )

    def shutdown(self) -> None:
        """Wait for the queued jobs, then stop the thread (a later job starts a new one)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)
        self._ident = None
