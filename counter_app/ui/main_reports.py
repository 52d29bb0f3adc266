"""The home screen's Reports menu: opens the reports screen (Ctrl+R)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from counter_app.services.context import ServiceContext
from counter_app.ui.reports_dialog import ReportsDialog


class MainReports(QObject):
    def __init__(self, window: QMainWindow, ctx: ServiceContext) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self.dialog: ReportsDialog | None = None
        menu = window.menuBar().addMenu(self.tr("&Reports"))
        self.open_action = QAction(self.tr("Reports and statistics…"), window)
        self.open_action.setObjectName("openReports")
        self.open_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_R))
        self.open_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.open_action.triggered.connect(self.open)
        menu.addAction(self.open_action)

    def open(self) -> ReportsDialog:
        if self.dialog is None:
            self.dialog = ReportsDialog(self._ctx, self._window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
