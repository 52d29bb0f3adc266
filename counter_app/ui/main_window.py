"""The home screen: work lists by state and deadline, search, and the scanner."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import QT_TRANSLATE_NOOP, UserError
from counter_app.domain.workflow import Role
from counter_app.i18n import render
from counter_app.services import search
from counter_app.services.context import ServiceContext
from counter_app.services.search import WorkList
from counter_app.services.setup import CounterInfo
from counter_app.services.users import UserInfo
from counter_app.services.views import DossierRow
from counter_app.sync.service import SyncReport
from counter_app.ui import notify
from counter_app.ui.dossier_dialog import DossierDialog, PrintForm
from counter_app.ui.dossier_table_model import CODE_ROLE, SORT_ROLE, DossierTableModel
from counter_app.ui.printing import ChooseSink, choose_sink
from counter_app.ui.receive_dialog import ReceiveDialog
from counter_app.ui.scanner import BarcodeScanner
from counter_app.ui.sync_issues_dialog import SyncIssuesDialog
from counter_app.ui.sync_status import SyncController, SyncStatusBar
from counter_app.ui.sync_worker import SyncTiming
from counter_app.ui.workers import WorkerRunner

log = logging.getLogger(__name__)

PrintReceipt = Callable[[str], None]

# Home-screen tabs, in the order officials look at them.
WORK_LISTS: tuple[tuple[WorkList, str], ...] = (
    (WorkList.DUE_TODAY, QT_TRANSLATE_NOOP("MainWindow", "Due today")),
    (WorkList.OVERDUE, QT_TRANSLATE_NOOP("MainWindow", "Overdue")),
    (WorkList.WAITING_SUPPLEMENT, QT_TRANSLATE_NOOP("MainWindow", "Waiting for supplement")),
    (WorkList.RESULT_READY, QT_TRANSLATE_NOOP("MainWindow", "Result ready")),
    (WorkList.PENDING, QT_TRANSLATE_NOOP("MainWindow", "All pending")),
    (WorkList.RECEIVED_TODAY, QT_TRANSLATE_NOOP("MainWindow", "Received today")),
)
SEARCH_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Search results")
REFRESH_MS = 60_000
SYNC_MESSAGE_MS = 10_000
SEARCH_DELAY_MS = 300


@dataclass(frozen=True)
class _Lists:
    now: datetime
    rows: dict[WorkList, list[DossierRow]]


@dataclass(frozen=True)
class _Found:
    query: str
    now: datetime
    rows: list[DossierRow]


class MainWindow(QMainWindow):
    """``print_receipt(code)`` prints (previews) the receipt of a dossier just
    received; ``print_form(code, kind)``, when given, prints any other form;
    ``choose_sink`` asks where the form of a step goes (printer or PDF file);
    ``data_dir``, the counter's data folder, is where its central connection
    file lives: with one, sync runs in the background (``sync_timing``)."""

    refreshed = Signal()
    searched = Signal(str)
    dossier_opened = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        user: UserInfo,
        counter: CounterInfo,
        *,
        print_receipt: PrintReceipt,
        print_form: PrintForm | None = None,
        choose_sink: ChooseSink = choose_sink,
        refresh_ms: int = REFRESH_MS,
        data_dir: Path | None = None,
        sync_timing: SyncTiming = SyncTiming(),  # noqa: B008 - frozen, shared safely
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.user = user
        self.counter = counter
        self._print_receipt = print_receipt
        self._print_form = print_form
        self._choose_sink = choose_sink
        self._runner = WorkerRunner(QThreadPool(self))
        self._refresh_again = False
        self._refreshing = False
        self._search_generation = 0
        self.receive_dialog: ReceiveDialog | None = None
        self.dossier_dialog: DossierDialog | None = None
        self.models: dict[WorkList, DossierTableModel] = {}
        self.views: dict[WorkList, QTableView] = {}
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
        self.sync.status_changed.connect(self._sync_status_changed)
        self.sync.round_finished.connect(self._sync_finished)
        self.sync.round_failed.connect(self._sync_failed)
        self.sync_status.issues_clicked.connect(self.show_sync_issues)
        self.refreshed.connect(self.sync.refresh_status)
        self.sync_issues_dialog: SyncIssuesDialog | None = None
        self._sync_asked = False

        self.scanner = BarcodeScanner(self)
        self.scanner.code_scanned.connect(self.open_dossier)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)

        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.resize(1280, 760)
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
        self.new_button.setEnabled(Role.RECEIVER in self.user.roles)
        if not self.new_button.isEnabled():
            self.new_button.setToolTip(self.tr("Only a receiving officer can receive dossiers."))
        self.search_edit = QLineEdit(central)
        self.search_edit.setObjectName("search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr(
                "Search by dossier code, name, citizen ID or phone — with or without accents (F3)"
            )
        )
        self.search_edit.textChanged.connect(self._search_typed)
        self.search_edit.returnPressed.connect(self._search_now)
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
        self.search_model = DossierTableModel(self)
        self.search_view = self._make_view(self.search_model)
        self.search_index = self.tabs.addTab(self.search_view, "")
        self.tabs.setTabVisible(self.search_index, False)
        self._update_titles()
        root.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_menu()

        status = self.statusBar()
        self.user_label = QLabel(
            self.tr("Official: {name} ({username})").format(
                name=self.user.full_name, username=self.user.username
            ),
            self,
        )
        self.counter_label = QLabel(
            self.tr("{counter} — {agency} ({agency_id})").format(
                counter=self.counter.counter_name,
                agency=self.counter.agency_name,
                agency_id=self.counter.agency_id,
            ),
            self,
        )
        self.offline_label = QLabel(
            self.tr("Data is kept on this computer: the counter works without internet."), self
        )
        self.updated_label = QLabel(self)
        self.sync_status = SyncStatusBar(self)
        status.addWidget(self.user_label)
        status.addWidget(self.counter_label)
        status.addPermanentWidget(self.sync_status)
        status.addPermanentWidget(self.offline_label)
        status.addPermanentWidget(self.updated_label)

        self.setTabOrder(self.search_edit, self.tabs)
        self.setTabOrder(self.tabs, self.views[WORK_LISTS[0][0]])
        self.setTabOrder(self.views[WORK_LISTS[0][0]], self.new_button)
        self.setTabOrder(self.new_button, self.refresh_button)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Sync"))
        self.sync_now_action = QAction(self.tr("Sync with the centre now"), self)
        self.sync_now_action.setObjectName("syncNow")
        self.sync_now_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.sync_now_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.sync_now_action.triggered.connect(self.sync_now)
        self.sync_issues_action = QAction(self.tr("Sync issues…"), self)
        self.sync_issues_action.setObjectName("syncIssuesAction")
        self.sync_issues_action.triggered.connect(self.show_sync_issues)
        menu.addAction(self.sync_now_action)
        menu.addAction(self.sync_issues_action)

    def _make_view(self, model: DossierTableModel) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = QTableView(self)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(DossierTableModel.APPOINTMENT, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(False)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DossierTableModel.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        view.activated.connect(self._activated)
        return view

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
                    lambda i=number - 1: self.tabs.setCurrentIndex(i),
                )
            )
        self._shortcut_objects = [QShortcut(keys, self, activated=slot) for keys, slot in bindings]

    def _update_titles(self) -> None:
        for index, (which, title) in enumerate(WORK_LISTS):
            count = self.models[which].rowCount()
            self.tabs.setTabText(index, f"{self.tr(title)} ({count})")
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

        def load() -> _Lists:
            return _Lists(ctx.now(), {w: search.work_list(ctx, w) for w, _t in WORK_LISTS})

        self._runner.start(load, self._lists_loaded, self._load_failed)

    def _lists_loaded(self, result: object) -> None:
        assert isinstance(result, _Lists)
        self._refreshing = False
        for which, rows in result.rows.items():
            self.models[which].set_rows(rows, result.now)
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
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _search_typed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self._search_generation += 1
            self.search_model.set_rows([], self._ctx.now())
            self.tabs.setTabVisible(self.search_index, False)
            self._update_titles()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.run_search(focus_results=True)

    def run_search(self, focus_results: bool = False) -> None:
        query = self.search_edit.text().strip()
        if not query:
            return
        self._search_generation += 1
        generation = self._search_generation
        ctx = self._ctx
        self._focus_results = focus_results

        def find() -> tuple[int, _Found]:
            return generation, _Found(query, ctx.now(), search.search(ctx, query))

        self._runner.start(find, self._search_done, self._show_failure)

    def _search_done(self, result: object) -> None:
        assert isinstance(result, tuple)
        generation, found = result
        if generation != self._search_generation:
            return  # the official typed on; a newer search is coming
        self.search_model.set_rows(found.rows, found.now)
        self.tabs.setTabVisible(self.search_index, True)
        self.tabs.setCurrentIndex(self.search_index)
        self._update_titles()
        if getattr(self, "_focus_results", False) and found.rows:
            self.search_view.setFocus()
            self.search_view.selectRow(0)
        self.searched.emit(found.query)

    # ----- sync ---------------------------------------------------------------------------

    def sync_now(self) -> None:
        """A round at once (F9); its result shows in the status bar."""
        refusal = self.sync.sync_now()
        if refusal is not None:
            notify.show_user_error(self, self.tr("Sync"), refusal)
            return
        self._sync_asked = True
        self.statusBar().showMessage(self.tr("Syncing with the centre…"))

    def show_sync_issues(self) -> SyncIssuesDialog:
        dialog = SyncIssuesDialog(self.sync.issues, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.sync_issues_dialog = dialog
        dialog.open()
        return dialog

    def _sync_status_changed(self, current: object) -> None:
        # Once sync shows in the status bar, the general offline note is redundant.
        self.offline_label.setVisible(not self.sync_status.connected)

    def _sync_finished(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        pushed, pulled = report.push, report.pull
        if pulled.applied:
            self.refresh()  # the centre sent changes: notes, procedures, dossiers
        if self._sync_asked:
            self._sync_asked = False
            self.statusBar().showMessage(
                self.tr("Sync finished: {sent} sent, {received} received.").format(
                    sent=pushed.sent, received=pulled.applied
                ),
                SYNC_MESSAGE_MS,
            )

    def _sync_failed(self, message: str) -> None:
        if self._sync_asked:
            self._sync_asked = False
            self.statusBar().showMessage(message, SYNC_MESSAGE_MS)

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
        try:
            dialog = DossierDialog(
                self._ctx,
                self.user,
                code,
                self,
                print_form=self._print_any,
                choose_sink=self._choose_sink,
            )
        except UserError as err:
            notify.show_user_error(self, self.tr("Open dossier"), err)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.dossier_changed.connect(self._dossier_changed)
        self.dossier_dialog = dialog
        dialog.open()
        self.dossier_opened.emit(dialog.code)
        return dialog

    def new_dossier(self) -> ReceiveDialog | None:
        if Role.RECEIVER not in self.user.roles:
            notify.inform(
                self,
                self.tr("Receive a dossier"),
                self.tr("Only a receiving officer can receive dossiers."),
            )
            return None
        dialog = ReceiveDialog(self._ctx, self.user, self, choose_sink=self._choose_sink)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.dossier_received.connect(self._received)
        dialog.supplement_requested.connect(self._supplement_requested)
        self.receive_dialog = dialog
        dialog.open()
        return dialog

    def _received(self, code: str) -> None:
        self.refresh()
        self._print("receipt", code)

    def _supplement_requested(self, _code: str) -> None:
        # Form 02 was printed before the request was recorded; only the lists change.
        self.refresh()

    def _dossier_changed(self, _code: str) -> None:
        self.refresh()

    def _print_any(self, code: str, kind: str) -> None:
        self._print(kind, code)

    def _print(self, kind: str, code: str) -> None:
        try:
            if kind == "receipt":
                self._print_receipt(code)
            elif self._print_form is not None:
                self._print_form(code, kind)
        except UserError as err:
            notify.show_user_error(self, self.tr("Printing"), err)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.timer.stop()
        self._search_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.sync.stop()
        self._runner.wait()
        super().closeEvent(event)
