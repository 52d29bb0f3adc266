"""A barcode scanner is a keyboard: a fast burst of keys ending in Enter.

:class:`BarcodeScanner` is handed every key press of the desk's windows
(ui/input_watch.py), whichever widget has the focus; when at least ``min_length``
printable characters arrive each within ``max_gap_ms`` of the previous one and
an Enter follows as fast, and the text is a dossier code, it swallows the
Enter (so no form submits), removes the burst from the text field it landed
in, and emits ``code_scanned(code)``.

Times come from the key events' own timestamps (the window system's, in ms),
so a UI that was busy for a moment does not turn queued human typing into a
burst.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from counter_app.domain.codes import parse_code

log = logging.getLogger(__name__)

_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
    }
)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class BarcodeScanner(QObject):
    code_scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        min_length: int = 8,
        max_gap_ms: int = 50,
    ) -> None:
        super().__init__(parent)
        self.min_length = min_length
        self.max_gap_ms = max_gap_ms
        self.enabled = True
        self._buffer: list[str] = []
        self._last_stamp: int | None = None

    def reset(self) -> None:
        self._buffer.clear()
        self._last_stamp = None

    def on_key(self, widget: QWidget | None, event: QKeyEvent) -> bool:
        """A key press on its way to ``widget``; True when it ended a scanned code."""
        if not self.enabled:
            return False
        return self._key(widget, event)

    def _stamp(self, event: QKeyEvent) -> int:
        stamp = event.timestamp()
        # Synthetic events without a timestamp fall back to the monotonic clock.
        return stamp if stamp else time.monotonic_ns() // 1_000_000

    def _key(self, widget: QWidget | None, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False
        stamp = self._stamp(event)
        fast = self._last_stamp is not None and 0 <= stamp - self._last_stamp <= self.max_gap_ms
        text = event.text()
        if key in _ENTER_KEYS:
            burst = "".join(self._buffer) if fast else ""
            self.reset()
            if len(burst) < self.min_length:
                return False
            code = parse_code(burst)
            if code is None:
                return False
            if widget is not None:
                _remove_burst(widget, burst)
            log.info("Scanned dossier code %s", code)
            self.code_scanned.emit(str(code))
            return True
        printable = (
            len(text) == 1
            and text.isprintable()
            and not event.isAutoRepeat()
            and not event.modifiers() & _COMMAND_MODIFIERS
        )
        if not printable:
            self.reset()
            return False
        if not fast:
            self._buffer.clear()
        self._buffer.append(text)
        self._last_stamp = stamp
        return False


def _remove_burst(widget: QWidget, burst: str) -> None:
    """Take the scanned characters back out of the text field they were typed into."""
    if isinstance(widget, QComboBox) and widget.isEditable():
        edit = widget.lineEdit()
        if edit is None:
            return
        widget = edit
    if isinstance(widget, QLineEdit):
        text, pos = widget.text(), widget.cursorPosition()
        if text[:pos].endswith(burst):
            start = pos - len(burst)
            widget.setText(text[:start] + text[pos:])
            widget.setCursorPosition(start)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        cursor = widget.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(burst)
        )
        if cursor.selectedText() == burst:
            cursor.removeSelectedText()
