"""The home screen: work lists by state and deadline, search, and the scanner."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.domain.workflow import Role
from counter_app.i18n import render
from counter_app.services import desk_settings
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.search import WorkList
from counter_app.services.setup import CounterInfo
from counter_app.services.views import DossierRow
from counter_app.ui import notify
from counter_app.ui.dossier_dialog import DossierDialog, PrintForm
from counter_app.ui.dossier_table_model import CODE_ROLE, DossierTableModel
from counter_app.ui.form_print import ChooseSink, choose_sink
from counter_app.ui.help_window import MainHelp
from counter_app.ui.input_watch import InputWatch
from counter_app.ui.main_admin import MainAdmin
from counter_app.ui.main_dossiers import MainDossiers, PrintReceipt
from counter_app.ui.main_lists import (
    ALERT_LISTS,
    SEARCH_TITLE,
    WORK_LISTS,
    Lists,
    load_lists,
    make_dossier_view,
)
from counter_app.ui.main_notices import MainNotices
from counter_app.ui.main_reports import MainReports
from counter_app.ui.main_scan import MainScan
from counter_app.ui.main_search import MainSearch
from counter_app.ui.main_session import MainSession
from counter_app.ui.main_status import MainStatusBar
from counter_app.ui.main_sync import MainSync
from counter_app.ui.receive_dialog import ReceiveDialog
from counter_app.ui.sync_issues_dialog import SyncIssuesDialog
from counter_app.ui.sync_status import SyncController
from counter_app.ui.sync_worker import SyncTiming
from counter_app.ui.widgets import fit_to_screen
from counter_app.ui.window_signing import WindowSigning
from counter_app.ui.workers import WorkerRunner

log = logging.getLogger(__name__)

REFRESH_MS = 60_000


class MainWindow(QMainWindow):
    """``print_receipt(code)`` prints (previews) the receipt of a dossier just
    received; ``print_form(code, kind)``, when given, prints any other form;
    ``choose_sink`` asks where the form of a step goes (printer or PDF file);
    ``data_dir``, the counter's data folder, is where its central connection
    file lives: with one, sync runs in the background (``sync_timing``);
    ``daily_backup`` takes the day's backup in the background when due.

    The work lists' tables and loading are in ui/main_lists.py; the search box
    and its results tab are a ``MainSearch`` (ui/main_search.py); the Sync menu
    and its messages a ``MainSync`` (ui/main_sync.py); receiving and opening
    dossiers, and printing their forms, a ``MainDossiers`` (ui/main_dossiers.py)."""

    refreshed = Signal()
    searched = Signal(str)
    dossier_opened = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        user: Actor,
        counter: CounterInfo,
        *,
        print_receipt: PrintReceipt,
        print_form: PrintForm | None = None,
        choose_sink: ChooseSink = choose_sink,
        refresh_ms: int = REFRESH_MS,
        data_dir: Path | None = None,
        sync_timing: SyncTiming = SyncTiming(),  # noqa: B008 - frozen, shared safely
        daily_backup: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.user = user
        self.counter = counter
        self._choose_sink = choose_sink
        self._data_dir = data_dir
        self._daily_backup = daily_backup
        self._runner = WorkerRunner(QThreadPool(self))
        self._refresh_again = False
        self._refreshing = False
        self._loaded: list[tuple[WorkList, list[DossierRow]]] = []
        self.models: dict[WorkList, DossierTableModel] = {}
        self.views: dict[WorkList, QTableView] = {}
        self.dossiers = MainDossiers(
            self,
            ctx,
            print_receipt=print_receipt,
            print_form=print_form,
            choose_sink=choose_sink,
            data_dir=data_dir,
        )
        self.setWindowTitle(
            self.tr("One-stop counter — {counter}, {agency}").format(
                counter=counter.counter_name, agency=counter.agency_name
            )
        )
        self._build()
        self._shortcuts()
        self.sync = SyncController(
            ctx, data_dir, self.sync_status, self._runner, timing=sync_timing, parent=self
        )
        self.sync_menu.follow(self.sync, self.offline_label)
        self.input = InputWatch(self)
        # The official's token: one signing session for the window (ui/window_signing.py).
        self.signing = WindowSigning(ctx, lambda: self.user, self)
        self.statusBar().addPermanentWidget(self.signing.status_label)
        self.session = MainSession(self, ctx, desk_settings.lock_after_minutes(ctx))
        self.help = MainHelp(self, data_dir, counter.uuid)
        self.set_user(user)
        self.refreshed.connect(self.sync.refresh_status)
        self.refreshed.connect(self.backup_status.refresh)
        # Notices due go out when the link is back, and on their own timer.
        self.refreshed.connect(self.notices.refresh)
        self.sync.round_finished.connect(self.notices.send_now)
        self.notices.send_now()

        self.scan = MainScan(self, self._ctx)
        self.scanner = self.scan.scanner

        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        fit_to_screen(self, 1280, 760)
        self.refresh()
        self.sync.refresh_status()

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        root = QVBoxLayout(central)
        top = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New dossier (F2)"), central)
        self.new_button.setObjectName("newDossier")
        self.new_button.clicked.connect(self.new_dossier)
        self.search_box = MainSearch(self._ctx, self._runner, central, self)
        self.search_box.results_changed.connect(self._update_titles)
        self.search_box.failed.connect(self._show_failure)
        self.search_box.searched.connect(self.searched)
        self.search_edit = self.search_box.edit
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), central)
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.new_button)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.refresh_button)
        root.addLayout(top)

        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("workLists")
        for which, _title in WORK_LISTS:
            model = DossierTableModel(self)
            self.models[which] = model
            view = self._make_view(model)
            self.views[which] = view
            self.tabs.addTab(view, "")
        self.search_view = self.search_box.add_results_tab(self.tabs, self._make_view)
        self.search_model = self.search_box.model
        self.search_index = self.search_box.index
        self.notices = MainNotices(self, self._ctx, self.tabs, self._data_dir)
        self._update_titles()
        root.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.sync_menu = MainSync(self, self.refresh)
        self.sync_now_action = self.sync_menu.now_action
        self.sync_issues_action = self.sync_menu.issues_action
        self.reports_menu = MainReports(self, self._ctx, choose_sink=self._choose_sink)
        self.admin_menu = MainAdmin(self, self._ctx, self._data_dir)

        bar = self.status = MainStatusBar(
            self, self.counter, self._data_dir, self._runner, self._daily_backup
        )
        self.user_label, self.counter_label = bar.user_label, bar.counter_label
        self.offline_label, self.updated_label = bar.offline_label, bar.updated_label
        self.sync_status, self.backup_status = bar.sync_status, bar.backup_status

        self.setTabOrder(self.search_edit, self.tabs)
        self.setTabOrder(self.tabs, self.views[WORK_LISTS[0][0]])
        self.setTabOrder(self.views[WORK_LISTS[0][0]], self.new_button)
        self.setTabOrder(self.new_button, self.refresh_button)

    def _make_view(self, model: DossierTableModel) -> QTableView:
        return make_dossier_view(model, self, self._activated)

    def _shortcuts(self) -> None:
        bindings: list[tuple[QKeySequence, Callable[[], object]]] = [
            (QKeySequence(Qt.Key.Key_F2), self.new_dossier),
            (QKeySequence(Qt.Key.Key_F3), self.focus_search),
            (QKeySequence(QKeySequence.StandardKey.Find), self.focus_search),
            (QKeySequence(Qt.Key.Key_F5), self.refresh),
        ]
        for number in range(1, len(WORK_LISTS) + 1):
            bindings.append(
                (
                    QKeySequence(f"Ctrl+{number}"),
                    lambda i=number - 1: self._show_list(i),
                )
            )
        self._shortcut_objects = [QShortcut(keys, self, activated=slot) for keys, slot in bindings]

    def _show_list(self, index: int) -> None:
        if self.tabs.isTabVisible(index):
            self.tabs.setCurrentIndex(index)

    def set_user(self, user: Actor) -> None:
        """The official at the desk (after a login that took the desk over)."""
        self.user = user
        self.notices.user = user
        self.admin_menu.set_user(user)
        receiver = Role.RECEIVER in user.roles
        self.new_button.setEnabled(receiver)
        self.new_button.setToolTip(
            "" if receiver else self.tr("Only a receiving officer can receive dossiers.")
        )
        self.status.show_official(user)
        self.refresh()

    def _update_titles(self) -> None:
        for index, (which, title) in enumerate(WORK_LISTS):
            count = self.models[which].rowCount()
            self.tabs.setTabText(index, f"{self.tr(title)} ({count})")
            if which in ALERT_LISTS:
                self.tabs.setTabVisible(index, count > 0)
        self.tabs.setTabText(
            self.search_index, f"{self.tr(SEARCH_TITLE)} ({self.search_model.rowCount()})"
        )

    # ----- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every work list off the UI thread; a refresh asked during one runs after it."""
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        ctx = self._ctx
        self._runner.start(lambda: load_lists(ctx), self._lists_loaded, self._load_failed)

    def _lists_loaded(self, result: object) -> None:
        assert isinstance(result, Lists)
        self._loaded = list(result.rows.items())
        self._apply_next_list(result)

    def _apply_next_list(self, result: Lists) -> None:
        """One list per turn of the event loop: re-sorting hundreds of rows
        costs tens of milliseconds each while a sync round competes for the
        interpreter, and the window must keep answering in between."""
        if self._loaded:
            which, rows = self._loaded.pop(0)
            self.models[which].set_rows(rows, result.now)
            QTimer.singleShot(0, self, lambda: self._apply_next_list(result))
            return
        self._refreshing = False
        self._update_titles()
        self.updated_label.setText(
            self.tr("Updated {time}").format(time=result.now.strftime("%H:%M"))
        )
        self.refreshed.emit()
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _load_failed(self, error: object) -> None:
        self._refreshing = False
        self._show_failure(error)

    def _show_failure(self, error: object) -> None:
        if isinstance(error, UserError):
            notify.inform(self, self.tr("Counter"), render(error.message))
        else:
            notify.inform(
                self,
                self.tr("Counter"),
                self.tr(
                    "The data could not be read. Try again; if it keeps failing, call the IT staff (details are in the log file)."
                ),
            )

    def focus_search(self) -> None:
        self.search_box.focus()

    def run_search(self, focus_results: bool = False) -> None:
        self.search_box.run(focus_results)

    # ----- sync ---------------------------------------------------------------------------

    def sync_now(self) -> None:
        """A round at once (F9); its result shows in the status bar."""
        self.sync_menu.sync_now()

    def show_sync_issues(self) -> SyncIssuesDialog:
        return self.sync_menu.show_issues()

    @property
    def sync_issues_dialog(self) -> SyncIssuesDialog | None:
        """The list of records needing attention last opened (menu or status bar)."""
        return self.sync_menu.issues_dialog

    # ----- actions ------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.open_dossier(str(code))

    def selected_code(self) -> str | None:
        view = self.tabs.currentWidget()
        if not isinstance(view, QTableView):
            return None
        index = view.currentIndex()
        code = index.data(CODE_ROLE) if index.isValid() else None
        return str(code) if code else None

    def open_dossier(self, code: str) -> DossierDialog | None:
        return self.dossiers.open_dossier(code)

    def new_dossier(self) -> ReceiveDialog | None:
        return self.dossiers.new_dossier()

    @property
    def receive_dialog(self) -> ReceiveDialog | None:
        """The reception last opened (F2 or the New dossier button)."""
        return self.dossiers.receive_dialog

    @property
    def dossier_dialog(self) -> DossierDialog | None:
        """The dossier last opened (from a list, the search or the scanner)."""
        return self.dossiers.dossier_dialog

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # Its window exists once shown; the mouse may move over it before it has the focus.
        self.input.watch_widget(self)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.session.may_close(event):
            event.ignore()
            return
        self.timer.stop()
        self.search_box.stop()
        self.sync.stop()
        self.notices.stop()
        self.signing.forget()
        self.signing.wait()
        # A backup's files being copied stop after the one in hand; the exit backup goes on.
        self.backup_status.stop()
        self._runner.wait()
        super().closeEvent(event)
