"""A small form whose OK runs one service call off the UI thread.

Hashing a password takes a third of a second on purpose, so every admin form
sends its call to a worker; a refusal comes back as red text under the field
it names (or under the form), and the form stays open to fix it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QDialog, QFormLayout, QVBoxLayout, QWidget

from counter_app.domain.messages import UserError, ValidationFailed
from counter_app.i18n import render
from counter_app.ui.widgets import FieldErrors, error_label, fit_to_screen, ok_cancel
from counter_app.ui.workers import WorkerRunner

_W = TypeVar("_W", bound=QWidget)


def failure_text(error: object) -> str:
    """What the official reads for a failed admin action."""
    if isinstance(error, UserError):
        return render(error.message)
    return QCoreApplication.translate(
        "ServiceForm",
        "The change could not be saved. Try again; if it keeps failing, call the IT staff "
        "(details are in the log file).",
    )


class ServiceForm(QDialog):
    """Subclasses add rows to ``form`` (through ``field``) and call ``finish(ok_text)``;
    ``submit`` returns the call to run when OK is pressed. ``result_value`` holds
    what the service returned once the dialog is accepted."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._runner = WorkerRunner(QThreadPool(self))
        self.errors = FieldErrors()
        self.result_value: object = None
        self._layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self._layout.addLayout(self.form)
        self.error = error_label(self)
        self.error.setObjectName("formError")

    def field(self, label: str, name: str, widget: _W) -> _W:
        self.form.addRow(label, self.errors.add(name, widget))
        return widget

    def finish(self, ok_text: str, width: int = 520) -> None:
        """As tall as the fields need: a message shown later makes room for itself."""
        self._layout.addWidget(self.error)
        self._layout.addStretch(1)
        box, self.ok_button, self.cancel_button = ok_cancel(self, ok_text, self._save)
        self._layout.addWidget(box)
        fit_to_screen(self, width, self.sizeHint().height())

    def submit(self) -> Callable[[], object]:
        raise NotImplementedError

    def _save(self) -> None:
        self.errors.clear()
        self.error.setVisible(False)
        try:
            call = self.submit()
        except UserError as refused:
            self._failed(refused)
            return
        self.ok_button.setEnabled(False)
        self._runner.start(call, self._saved, self._failed)

    def _saved(self, result: object) -> None:
        self.ok_button.setEnabled(True)
        self.result_value = result
        self.accept()

    def _failed(self, error: object) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            pairs = [(field, render(message)) for field, message in error.errors]
        else:
            field = error.field if isinstance(error, UserError) else None
            pairs = [(field or "", failure_text(error))]
        first = self.errors.show(pairs, self.error)
        if first is not None:
            first.setFocus()

    def done(self, code: int) -> None:
        self._runner.wait()
        super().done(code)
