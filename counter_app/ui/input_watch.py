"""The desk's keyboard and mouse, watched where the window system delivers them.

A filter on the QApplication sees every event of every object (paints,
layouts, children added and removed) and each one crosses into Python, which
means waiting for the interpreter lock that a sync round holds most of the
time: closing one reception form then kept the UI thread away for 100 ms.
Input reaches a top-level window before Qt hands it to the focused widget, so
one filter on each window the official works in sees every key press and
mouse event once, and little else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QWidget

# Called with the widget the key goes to and the key press; True swallows it.
KeyHandler = Callable[[QWidget | None, QKeyEvent], bool]

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class InputWatch(QObject):
    """Watches each window that takes the focus (the main window, every dialog)."""

    activity = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key_handlers: list[KeyHandler] = []
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self.watch)
            self.watch(app.focusWindow())

    def on_key(self, handler: KeyHandler) -> None:
        self._key_handlers.append(handler)

    def watch(self, window: QWindow | None) -> None:
        # Qt keeps a filter once per object: watching a window again is harmless.
        if window is not None:
            window.installEventFilter(self)

    def watch_widget(self, widget: QWidget) -> None:
        """A window shown before any of its kind had the focus (the main window at start)."""
        self.watch(widget.window().windowHandle())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in _INPUT:
            return False
        self.activity.emit()
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        target = watched.focusObject() if isinstance(watched, QWindow) else None
        widget = target if isinstance(target, QWidget) else None
        return any(handler(widget, event) for handler in self._key_handlers)
