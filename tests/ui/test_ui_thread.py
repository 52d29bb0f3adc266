"""The window keeps the interpreter's attention and its cycle collection on the UI thread."""

from __future__ import annotations

import gc
import sys
import threading
import weakref

from PySide6.QtCore import QObject

from counter_app.ui import ui_thread


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_cycles_are_collected_by_the_ui_threads_timer_only() -> None:
    owner = QObject()
    was_enabled = gc.isenabled()
    collector = ui_thread.install(owner)
    try:
        # THEN automatic collection is off (no other thread can trigger it)
        assert not gc.isenabled()
        assert abs(sys.getswitchinterval() - ui_thread.SWITCH_INTERVAL_S) < 1e-6
        # AND garbage made on another thread waits for the UI thread's pass
        refs: list[weakref.ref[_Cycle]] = []
        worker = threading.Thread(target=lambda: refs.append(weakref.ref(_Cycle())))
        worker.start()
        worker.join()
        assert refs[0]() is not None
        collector.collect()
        assert refs[0]() is None
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
