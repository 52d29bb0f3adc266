"""The home screen's search: the box, its typing delay, and the results tab.

Its strings belong to the translation context "MainWindow", where they were
first translated; hence ``QCoreApplication.translate`` rather than ``self.tr``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QTableView, QTabWidget, QWidget

from counter_app.services import search
from counter_app.services.context import ServiceContext
from counter_app.services.views import DossierRow
from counter_app.ui.dossier_table_model import DossierTableModel
from counter_app.ui.workers import WorkerRunner

SEARCH_DELAY_MS = 300


@dataclass(frozen=True)
class _Found:
    query: str
    now: datetime
    rows: list[DossierRow]


class MainSearch(QObject):
    """Searches a moment after the official stops typing, or at once on Enter
    (then the first result takes the focus). An answer older than the latest
    question is dropped. The results have a tab of their own, hidden while the
    box is empty.

    ``searched(query)`` once results show; ``results_changed`` whenever the
    results tab's rows change (its title counts them); ``failed(error)`` when
    the search could not run.
    """

    searched = Signal(str)
    results_changed = Signal()
    failed = Signal(object)

    def __init__(
        self, ctx: ServiceContext, runner: WorkerRunner, box_parent: QWidget, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._generation = 0
        self._focus_results = False
        self._tabs: QTabWidget | None = None
        self.model = DossierTableModel(self)
        self.view: QTableView | None = None
        self.index = -1

        self.edit = QLineEdit(box_parent)
        self.edit.setObjectName("search")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(
            QCoreApplication.translate(
                "MainWindow",
                "Search by dossier code, name, citizen ID or phone — with or without accents (F3)",
            )
        )
        self.edit.textChanged.connect(self._typed)
        self.edit.returnPressed.connect(self._now)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run)

    def add_results_tab(
        self, tabs: QTabWidget, make_view: Callable[[DossierTableModel], QTableView]
    ) -> QTableView:
        """The results tab goes after the work lists; it stays hidden until a search."""
        self._tabs = tabs
        self.view = make_view(self.model)
        self.index = tabs.addTab(self.view, "")
        tabs.setTabVisible(self.index, False)
        return self.view

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def stop(self) -> None:
        self.timer.stop()

    def _typed(self, text: str) -> None:
        if text.strip():
            self.timer.start()
        else:
            self.timer.stop()
            self._generation += 1
            self.model.set_rows([], self._ctx.now())
            self._show_tab(False)
            self.results_changed.emit()

    def _now(self) -> None:
        self.timer.stop()
        self.run(focus_results=True)

    def run(self, focus_results: bool = False) -> None:
        query = self.edit.text().strip()
        if not query:
            return
        self._generation += 1
        generation = self._generation
        ctx = self._ctx
        self._focus_results = focus_results

        def find() -> tuple[int, _Found]:
            return generation, _Found(query, ctx.now(), search.search(ctx, query))

        self._runner.start(find, self._done, self.failed.emit)

    def _done(self, result: object) -> None:
        assert isinstance(result, tuple)
        generation, found = result
        if generation != self._generation:
            return  # the official typed on; a newer search is coming
        self.model.set_rows(found.rows, found.now)
        self._show_tab(True)
        self.results_changed.emit()
        if self._focus_results and found.rows and self.view is not None:
            self.view.setFocus()
            self.view.selectRow(0)
        self.searched.emit(found.query)

    def _show_tab(self, visible: bool) -> None:
        if self._tabs is None:
            return
        self._tabs.setTabVisible(self.index, visible)
        if visible:
            self._tabs.setCurrentIndex(self.index)
