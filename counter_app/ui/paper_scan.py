"""A scan run on a worker thread: the window never waits for the scanner.

One long-lived :class:`ScanRunner` per dialog (a QObject made per job and
released on the pool's thread is what crashes PySide, ui/workers.py). Its
signals are emitted from the worker and delivered in the UI thread. Cancel
is asked between pages; a duplex run on a one-sided feeder asks the official,
in the UI thread, to turn the stack over while the worker waits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from counter_app.domain.messages import UserError
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.scanning import sane_source
from counter_app.scanning.sane_source import ScanCancelled, ScanRequest

log = logging.getLogger(__name__)


class ScanRunner(QObject):
    page_read = Signal(int)  # pages read so far
    turn_over = Signal(int)  # sheets read: turn the stack over, then answer()
    finished = Signal(object)  # the run's pages as one PDF (bytes)
    cancelled = Signal()
    failed = Signal(object)  # the exception (a UserError for the official)
    listed = Signal(object)  # devices() or options(): the answer of a look-up
    look_up_failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # SANE: one call at a time anyway
        self._cancel = threading.Event()
        self._answer = threading.Event()
        self._turned = False

    def start(self, request: ScanRequest) -> None:
        self._cancel.clear()

        def job() -> None:
            try:
                pages = sane_source.scan(
                    request,
                    on_page=lambda n, _p: self.page_read.emit(n),
                    cancelled=self._cancel.is_set,
                    turn_over=self._wait_turn,
                )
                # Made here, not in the UI thread: PNG and PDF of a long run take a while.
                pdf = images_to_pdf(sane_source.page_images(pages))
            except ScanCancelled:
                self.cancelled.emit()
            except UserError as exc:
                log.info("Scan refused: %s", exc)
                self.failed.emit(exc)
            except Exception as exc:
                log.exception("Scan failed")
                self.failed.emit(exc)
            else:
                self.finished.emit(pdf)

        self.pool.start(job)

    def look_up(self, fn: Callable[[], object]) -> None:
        """A device list or a device's options, read on the same worker."""

        def job() -> None:
            try:
                self.listed.emit(fn())
            except Exception as exc:
                log.info("Scanner look-up failed: %s", exc)
                self.look_up_failed.emit(exc)

        self.pool.start(job)

    def _wait_turn(self, sheets: int) -> bool:
        self._answer.clear()
        self.turn_over.emit(sheets)
        while not self._answer.wait(0.1):
            if self._cancel.is_set():
                return False
        return self._turned

    @Slot(bool)
    def answer(self, turned: bool) -> None:
        self._turned = turned
        self._answer.set()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, msecs: int = 30_000) -> bool:
        self._cancel.set()
        return self.pool.waitForDone(msecs)
