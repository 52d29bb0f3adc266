"""The home screen's side of sync: the Sync menu (F9: a round now; the list of
records needing attention) and what the rounds say in the window.

Its strings belong to the translation context "MainWindow", where they were
first translated; hence ``QCoreApplication.translate`` rather than ``self.tr``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow

from counter_app.sync.service import SyncReport
from counter_app.ui import notify
from counter_app.ui.sync_issues_dialog import SyncIssuesDialog
from counter_app.ui.sync_status import SyncController

SYNC_MESSAGE_MS = 10_000


class MainSync(QObject):
    """Builds the Sync menu in ``window`` at once; ``follow(controller, …)``
    then ties it to the background sync. A round the official asked for
    reports in the status bar; one that brought changes runs ``refresh``."""

    def __init__(self, window: QMainWindow, refresh: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._refresh = refresh
        self._asked = False
        self._controller: SyncController | None = None
        self._offline_label: QLabel | None = None
        self.issues_dialog: SyncIssuesDialog | None = None

        menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Sync"))
        self.now_action = QAction(
            QCoreApplication.translate("MainWindow", "Sync with the centre now"), window
        )
        self.now_action.setObjectName("syncNow")
        self.now_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.now_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.now_action.triggered.connect(self.sync_now)
        self.issues_action = QAction(
            QCoreApplication.translate("MainWindow", "Sync issues…"), window
        )
        self.issues_action.setObjectName("syncIssuesAction")
        self.issues_action.triggered.connect(self.show_issues)
        menu.addAction(self.now_action)
        menu.addAction(self.issues_action)

    def follow(self, controller: SyncController, offline_label: QLabel) -> None:
        """Listen to ``controller``; ``offline_label`` (the general "works without
        internet" note) hides while sync shows the connection in the status bar."""
        self._controller = controller
        self._offline_label = offline_label
        controller.status_changed.connect(self._status_changed)
        controller.round_finished.connect(self._finished)
        controller.round_failed.connect(self._failed)
        controller.bar.issues_clicked.connect(self.show_issues)

    def sync_now(self) -> None:
        """A round at once (F9); its result shows in the status bar."""
        assert self._controller is not None
        refusal = self._controller.sync_now()
        if refusal is not None:
            notify.show_user_error(
                self._window, QCoreApplication.translate("MainWindow", "Sync"), refusal
            )
            return
        self._asked = True
        self._window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Syncing with the centre…")
        )

    def show_issues(self) -> SyncIssuesDialog:
        assert self._controller is not None
        dialog = SyncIssuesDialog(self._controller.issues, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.issues_dialog = dialog
        dialog.open()
        return dialog

    def _status_changed(self, current: object) -> None:
        # Once sync shows in the status bar, the general offline note is redundant.
        assert self._controller is not None and self._offline_label is not None
        self._offline_label.setVisible(not self._controller.bar.connected)

    def _finished(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        pushed, pulled = report.push, report.pull
        if pulled.applied:
            self._refresh()  # the centre sent changes: notes, procedures, dossiers
        if self._asked:
            self._asked = False
            self._window.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Sync finished: {sent} sent, {received} received."
                ).format(sent=pushed.sent, received=pulled.applied),
                SYNC_MESSAGE_MS,
            )

    def _failed(self, message: str) -> None:
        if self._asked:
            self._asked = False
            self._window.statusBar().showMessage(message, SYNC_MESSAGE_MS)
