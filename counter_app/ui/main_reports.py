"""The home screen's Reports menu: the reports screen (Ctrl+R) and the
dossier ledger of a period, printed through the print preview."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow

from counter_app.services.context import ServiceContext
from counter_app.ui.ledger_dialog import LedgerPeriodDialog, preview_ledger
from counter_app.ui.print_output import ChooseSink, choose_sink
from counter_app.ui.print_preview import PreviewLoader
from counter_app.ui.reports_dialog import ReportsDialog


class MainReports(QObject):
    def __init__(
        self, window: QMainWindow, ctx: ServiceContext, *, choose_sink: ChooseSink = choose_sink
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._choose_sink = choose_sink
        self.dialog: ReportsDialog | None = None
        self.ledger_dialog: LedgerPeriodDialog | None = None
        self.ledger_loader: PreviewLoader | None = None
        menu = window.menuBar().addMenu(self.tr("&Reports"))
        self.open_action = QAction(self.tr("Reports and statistics…"), window)
        self.open_action.setObjectName("openReports")
        self.open_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_R))
        self.open_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.open_action.triggered.connect(self.open)
        menu.addAction(self.open_action)
        self.ledger_action = QAction(self.tr("Print the dossier ledger…"), window)
        self.ledger_action.setObjectName("printLedger")
        self.ledger_action.triggered.connect(self.ask_ledger_period)
        menu.addAction(self.ledger_action)

    def open(self) -> ReportsDialog:
        if self.dialog is None:
            self.dialog = ReportsDialog(self._ctx, self._window, choose_sink=self._choose_sink)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def ask_ledger_period(self) -> LedgerPeriodDialog:
        """Ask for the period, then build the ledger and open its print preview."""
        dialog = LedgerPeriodDialog(self._ctx.now().date(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._ledger_period_chosen)
        self.ledger_dialog = dialog
        dialog.open()
        return dialog

    def _ledger_period_chosen(self, result: int) -> None:
        dialog, self.ledger_dialog = self.ledger_dialog, None
        if dialog is None or result != QDialog.DialogCode.Accepted:
            return
        start, end = dialog.period()
        self.ledger_loader = preview_ledger(
            self._window, self._ctx, start, end, choose_sink=self._choose_sink
        )
