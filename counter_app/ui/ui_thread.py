"""The UI thread first: it gets the interpreter at once, and it alone collects cycles.

A sync round, the writer and the worker pools run Python on their own
threads while the window needs the interpreter for nearly every Qt event
(the input filters, each Python widget's event handlers). Python hands the
interpreter to a waiting thread only after a switch interval, 5 ms by
default: tens of events in a row then kept the window still for most of a
tenth of a second while a sync round applied a large batch (measured with
py-spy: the UI thread waiting in Shiboken's GIL acquire). A 0.2 ms interval
brings it under 60 ms; the cost is a little more switching for the workers
when two of them run at once.

Python's cycle collector runs in whichever thread happens to allocate when
its threshold is crossed: with the writer and the worker pools busy, that is
often not the UI thread, and a Qt object caught in a garbage cycle (a
closure over a widget, a signal's lambda) is then destroyed outside its own
thread, which crashes the process now and then. So automatic collection is
switched off and a timer on the UI thread collects instead; reference
counting still frees everything outside a cycle at once.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer

SWITCH_INTERVAL_S = 0.0002

# Often enough that cycles never pile up, rarely enough to cost nothing:
# a young-generation pass takes well under a millisecond.
YOUNG_EVERY_MS = 1_000
# A full pass every this many young ones.
FULL_EVERY = 60


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._passes = 0
        self._timer = QTimer(self)
        self._timer.setInterval(YOUNG_EVERY_MS)
        self._timer.timeout.connect(self.collect)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        gc.enable()

    def collect(self) -> None:
        self._passes += 1
        gc.collect(2 if self._passes % FULL_EVERY == 0 else 0)


def prefer_ui_thread() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def install(parent: QObject) -> UiThreadCollector:
    """From now on the UI thread (``parent``'s) gets the interpreter sooner
    and collects the cycles."""
    prefer_ui_thread()
    collector = UiThreadCollector(parent)
    collector.start()
    return collector
