"""A barcode scanner is a keyboard: a fast burst of keys.

:class:`BarcodeScanner` is handed every key press of the desk's windows
(ui/input_watch.py), whichever widget has the focus. It knows three things a
scanner types:

- a receipt's Code 128: at least ``min_length`` printable characters, each
  within ``max_gap_ms`` of the previous one, then an Enter as fast, and the
  text is a dossier code: it swallows the Enter (so no form submits), removes
  the burst from the text field it landed in and emits ``code_scanned``;
- a receipt's QR code, whose lines (``MHS:…``, ``CQ:…``) the 2D scanner types
  with Enter, Tab or another separator between them;
- the QR code of a chip citizen identity card (domain/card_qr.py), its fields
  separated by "|".

The two QR payloads are told apart from typing by how they start ("MHS:", or
twelve digits and "|", all typed at scanner speed): from there on every key
of the burst is swallowed, none reaches a field or moves the focus, and the
burst ends when the keys stop. What landed before that is taken back out.

Times come from the key events' own timestamps (the window system's, in ms),
so a UI that was busy for a moment does not turn queued human typing into a
burst.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from counter_app.domain.card_qr import PREFIX as CARD_PREFIX
from counter_app.domain.card_qr import CardQr, parse_card_qr
from counter_app.domain.codes import parse_code
from counter_app.domain.messages import UserError
from counter_app.paper import parse_qr_payload

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


_RECEIPT_QR_PREFIX = "MHS:"
# Inside a QR payload the separators keep their meaning for the parsers.
_SEPARATORS = {Qt.Key.Key_Return: "\n", Qt.Key.Key_Enter: "\n", Qt.Key.Key_Tab: "\t"}


@dataclass
class _Capture:
    """A QR payload being typed: swallowed key by key until the keys stop."""

    widget: QWidget | None
    landed: str  # what reached the widget before the payload was recognised
    text: list[str] = field(default_factory=list)


def _starts_payload(typed: str) -> bool:
    return typed == _RECEIPT_QR_PREFIX or bool(CARD_PREFIX.fullmatch(typed))


class BarcodeScanner(QObject):
    code_scanned = Signal(str)
    # A signed receipt's QR code (issue 21 point 4): (dossier code, the signed
    # copy's SHA-256), after ``code_scanned`` of the same code.
    signed_receipt_scanned = Signal(str, str)
    card_scanned = Signal(CardQr)
    # A QR payload that is neither a receipt's nor a card's.
    unreadable = Signal()

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
        self._capture: _Capture | None = None
        self._silence = QTimer(self)
        self._silence.setSingleShot(True)
        self._silence.setInterval(3 * max_gap_ms)
        self._silence.timeout.connect(self.finish_capture)

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
        if self._capture is not None:
            if fast:
                self._capture.text.append(_SEPARATORS.get(key, text))
                self._last_stamp = stamp
                self._silence.start()
                return True
            # The UI was too busy for the timer: this key is the official's own.
            self.finish_capture()
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
        typed = "".join(self._buffer)
        if len(self._buffer) > 1 and _starts_payload(typed):
            # Its separator (":" or "|") is the first key that never lands.
            self._capture = _Capture(widget, typed[:-1], [typed])
            self._buffer.clear()
            self._silence.start()
            return True
        return False

    def finish_capture(self) -> None:
        """The keys stopped: read the QR payload typed since it was recognised."""
        capture, self._capture = self._capture, None
        self._silence.stop()
        self.reset()
        if capture is None:
            return
        if capture.widget is not None and shiboken6.isValid(capture.widget):
            _remove_burst(capture.widget, capture.landed)
        payload = "".join(capture.text)
        card = parse_card_qr(payload)
        if card is not None:
            log.info("Scanned a citizen identity card")
            self.card_scanned.emit(card)
            return
        code, signed = None, ""
        with contextlib.suppress(UserError):
            receipt = parse_qr_payload(payload)
            code, signed = parse_code(receipt.dossier_code), receipt.signed_sha256
        if code is None:
            log.info("Scanned a QR code that is neither a receipt's nor a card's")
            self.unreadable.emit()
            return
        log.info("Scanned dossier code %s from a receipt's QR code", code)
        self.code_scanned.emit(str(code))
        if signed:
            self.signed_receipt_scanned.emit(str(code), signed)


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
