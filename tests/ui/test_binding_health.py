"""Guard against a Qt binding that miscounts references (PySide6 6.12.0 on
Python 3.11 aborted the interpreter after some thousands of widget calls)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class _Emitter(QObject):
    fired = Signal()


def test_void_calls_and_signals_keep_none_and_true_alive(qapp: object) -> None:
    widget = QWidget()
    emitter = _Emitter()

    def slot() -> None:
        return None

    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(500):
        widget.setEnabled(True)
        emitter.fired.connect(slot)
        emitter.fired.emit()
        emitter.fired.disconnect(slot)
    # A healthy binding leaves both counts where they were (give or take the
    # interpreter's own bookkeeping, far below 500).
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
    widget.deleteLater()
