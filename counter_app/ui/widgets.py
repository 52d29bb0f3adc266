"""Small building blocks shared by the dialogs: red field messages, headings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QSize, Qt, SignalInstance
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def with_error(widget: QWidget, label: QLabel) -> QWidget:
    """``widget`` with its error message underneath, as one form-layout field."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(label)
    return box


def tab_through(*widgets: QWidget) -> None:
    """Tab goes through ``widgets`` in this order, as they are read on screen.

    Qt tabs in the order widgets were made; :func:`with_error` makes a field
    again inside its error box, which sent it to the end of that order.
    """
    for before, after in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(before, after)


class FieldErrors:
    """Red messages next to fields, keyed by the services' field names."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, field: str, widget: QWidget) -> QWidget:
        label = error_label()
        label.setObjectName(f"error_{field}")
        self._fields[field] = (widget, label)
        # A corrected field drops its message: an old one left standing reads
        # as if the new value were wrong too.
        for signal in _change_signals(widget):
            signal.connect(lambda *_: self._clear_one(label))
        return with_error(widget, label)

    @staticmethod
    def _clear_one(label: QLabel) -> None:
        label.clear()
        label.setVisible(False)

    def label(self, field: str) -> QLabel:
        return self._fields[field][1]

    def clear(self) -> None:
        for _widget, label in self._fields.values():
            label.clear()
            label.setVisible(False)

    def show(self, errors: list[tuple[str, str]], fallback: QLabel) -> QWidget | None:
        """Show each message under its field (unknown fields go to ``fallback``);
        return the first field's widget, to focus it."""
        first: QWidget | None = None
        by_label: dict[int, tuple[QLabel, list[str]]] = {}
        for field, text in errors:
            widget, label = self._fields.get(field, (None, fallback))
            if first is None and widget is not None:
                first = widget
            by_label.setdefault(id(label), (label, []))[1].append(text)
        for label, texts in by_label.values():
            label.setText("\n".join(dict.fromkeys(texts)))
            label.setVisible(True)
        return first


def _change_signals(widget: QWidget) -> list[SignalInstance]:
    """The signals by which ``widget``, or the inputs inside it, say their value changed."""
    inputs = [widget, *widget.findChildren(QWidget)]
    signals: list[SignalInstance] = []
    for w in inputs:
        if isinstance(w, QLineEdit | QPlainTextEdit):
            signals.append(w.textChanged)
        elif isinstance(w, QComboBox):
            signals.append(w.currentIndexChanged)
            signals.append(w.editTextChanged)
        elif isinstance(w, QAbstractSpinBox):
            signals.append(w.editingFinished)
            if isinstance(w, QSpinBox):
                signals.append(w.valueChanged)
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            signals.append(w.toggled)
        elif isinstance(w, QListWidget):
            signals.append(w.itemChanged)
    return signals


def ok_cancel(
    dialog: QDialog, ok_text: str, on_ok: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The dialog's default action button (named for what it does) and Cancel."""
    box = QDialogButtonBox(dialog)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    cancel = box.addButton(
        QCoreApplication.translate("Widgets", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole
    )
    ok.clicked.connect(on_ok)
    cancel.clicked.connect(dialog.reject)
    return box, ok, cancel


# Room kept for the window's title bar and borders, which resize() does not count.
_FRAME_ROOM = QSize(20, 80)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to its preferred size, or to the screen it opens on
    when that is smaller: a commune desk's 1366×768 screen at 125 % leaves
    1093×614, and a button below the screen's edge cannot be clicked."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - _FRAME_ROOM
    window.resize(min(width, room.width()), min(height, room.height()))


def read_only_table(
    parent: QWidget, model: QAbstractItemModel, stretch: int, *, single: bool = False
) -> QTableView:
    """A list shown row by row, not edited in place; column ``stretch`` takes the
    width left. ``single``: one row at a time (the row an action applies to)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ElidedLabel(QLabel):
    """A one-line label that gives up width before its neighbours do: when the
    room is short it ends in "…" and shows the whole text as its tooltip. It
    keeps about ``keep_chars`` characters whatever the room.

    For the least needed texts of a crowded bar (the official's and the counter's
    names in the status bar): the link to the centre and the backup beside them
    must stay whole on a 1366 px screen at 125 %."""

    def __init__(self, parent: QWidget | None = None, *, keep_chars: int = 14) -> None:
        super().__init__(parent)
        self._keep_chars = keep_chars

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        keep = self.fontMetrics().averageCharWidth() * self._keep_chars
        return QSize(min(hint.width(), keep), hint.height())

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        room = self.contentsRect()
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(self.text()) <= room.width():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        shown = metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, room.width())
        painter.drawText(room, int(self.alignment()), shown)
