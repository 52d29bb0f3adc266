"""The home screen's way into dossiers: receiving a new one (F2), opening one
from a list, the search or the scanner, and printing what they ask for (the
receipt of a dossier just received, any other form of a step).

Its strings belong to the translation context "MainWindow", where they were
first translated; hence ``QCoreApplication.translate`` rather than ``self.tr``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt

from counter_app.domain.messages import UserError
from counter_app.domain.workflow import Role
from counter_app.services.context import ServiceContext
from counter_app.ui import notify
from counter_app.ui.dossier_dialog import DossierDialog, PrintForm
from counter_app.ui.form_print import ChooseSink
from counter_app.ui.receive_dialog import ReceiveDialog

if TYPE_CHECKING:
    from counter_app.ui.main_window import MainWindow

PrintReceipt = Callable[[str], None]


class MainDossiers(QObject):
    """Opens the reception and dossier dialogs of ``window`` for its official
    of the moment; a dossier received or changed reloads the work lists."""

    def __init__(
        self,
        window: MainWindow,
        ctx: ServiceContext,
        *,
        print_receipt: PrintReceipt,
        print_form: PrintForm | None,
        choose_sink: ChooseSink,
        data_dir: Path | None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._print_receipt = print_receipt
        self._print_form = print_form
        self._choose_sink = choose_sink
        self._data_dir = data_dir
        self.receive_dialog: ReceiveDialog | None = None
        self.dossier_dialog: DossierDialog | None = None

    def open_dossier(self, code: str) -> DossierDialog | None:
        try:
            dialog = DossierDialog(
                self._ctx,
                self._window.user,
                code,
                self._window,
                print_form=self._print_any,
                choose_sink=self._choose_sink,
                data_dir=self._data_dir,
            )
        except UserError as err:
            notify.show_user_error(
                self._window, QCoreApplication.translate("MainWindow", "Open dossier"), err
            )
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.dossier_changed.connect(self._dossier_changed)
        self.dossier_dialog = dialog
        dialog.open()
        self._window.dossier_opened.emit(dialog.code)
        return dialog

    def new_dossier(self) -> ReceiveDialog | None:
        if Role.RECEIVER not in self._window.user.roles:
            notify.inform(
                self._window,
                QCoreApplication.translate("MainWindow", "Receive a dossier"),
                QCoreApplication.translate(
                    "MainWindow", "Only a receiving officer can receive dossiers."
                ),
            )
            return None
        dialog = ReceiveDialog(
            self._ctx,
            self._window.user,
            self._window,
            choose_sink=self._choose_sink,
            data_dir=self._data_dir,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.dossier_received.connect(self._received)
        # Received incomplete: no receipt, form 02 follows in the dialog.
        dialog.received_incomplete.connect(self._supplement_requested)
        dialog.supplement_requested.connect(self._supplement_requested)
        self.receive_dialog = dialog
        dialog.open()
        return dialog

    def _received(self, code: str) -> None:
        self._window.refresh()
        dialog = self.receive_dialog
        if dialog is None or dialog.wants_receipt():
            self._print("receipt", code)
            if dialog is None or not dialog.digitise_now.isChecked():
                return
        # A result given on the spot, without a receipt: the official goes
        # straight on to appraise, approve and return it; papers to digitise
        # (Decree 118/2025 Art. 17(1)(c)): straight to them.
        opened = self.open_dossier(code)
        if opened is not None and dialog is not None and dialog.digitise_now.isChecked():
            opened.tabs.setCurrentWidget(opened.papers)

    def _supplement_requested(self, _code: str) -> None:
        # Form 02 was printed before the request was recorded; only the lists change.
        self._window.refresh()

    def _dossier_changed(self, _code: str) -> None:
        self._window.refresh()

    def _print_any(self, code: str, kind: str) -> None:
        self._print(kind, code)

    def _print(self, kind: str, code: str) -> None:
        try:
            if kind == "receipt":
                self._print_receipt(code)
            elif self._print_form is not None:
                self._print_form(code, kind)
        except UserError as err:
            notify.show_user_error(
                self._window, QCoreApplication.translate("MainWindow", "Printing"), err
            )
