"""Keys as a keyboard or a barcode scanner sends them: to the window the
widget is in (where the desk watches its input), stamped by the device.

QTest's key clicks go straight to a widget, past the window; a scanner's
speed is in the stamps, so they are set here, not left to the clock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

# A scanner sends a key every couple of milliseconds; a fast typist needs
# well over 50 ms.
SCANNER_GAP_MS = 2
HUMAN_GAP_MS = 120


_KEYS = {"\n": (Qt.Key.Key_Return, "\r"), "\t": (Qt.Key.Key_Tab, "\t")}


class Keyboard:
    def __init__(self) -> None:
        self._stamp = 1_000

    def type(self, widget: QWidget, text: str, *, gap_ms: int) -> None:
        """Line breaks and tabs as the Enter and Tab keys; any letter, Vietnamese too."""
        for char in text:
            if char in _KEYS:
                key, typed = _KEYS[char]
                self.press(widget, key, text=typed, gap_ms=gap_ms)
            else:
                code = ord(char.upper()) if char.isascii() else 0
                self.press(widget, code, text=char, gap_ms=gap_ms)

    def press(
        self,
        widget: QWidget,
        key: Qt.Key | int,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        *,
        text: str = "",
        gap_ms: int = HUMAN_GAP_MS,
    ) -> None:
        widget.setFocus()
        window = widget.window().windowHandle()
        assert window is not None, "the widget's window is not shown"
        self._stamp += gap_ms
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, text)
            event.setTimestamp(self._stamp)
            QCoreApplication.sendEvent(window, event)

    def enter(self, widget: QWidget, *, gap_ms: int, key: Qt.Key = Qt.Key.Key_Return) -> None:
        self.press(widget, key, text="\r", gap_ms=gap_ms)
