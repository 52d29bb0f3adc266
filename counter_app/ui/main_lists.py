"""The home screen's work lists: which tabs, in what order, how their tables
look, and one read of all of them (run off the UI thread)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.services import search
from counter_app.services.context import ServiceContext
from counter_app.services.search import WorkList
from counter_app.services.views import DossierRow
from counter_app.ui.dossier_table_model import DossierTableModel

# Home-screen tabs, in the order officials look at them.
WORK_LISTS: tuple[tuple[WorkList, str], ...] = (
    (WorkList.DUE_TODAY, QT_TRANSLATE_NOOP("MainWindow", "Due today")),
    (WorkList.OVERDUE, QT_TRANSLATE_NOOP("MainWindow", "Overdue")),
    (WorkList.EXTENSION_DUE, QT_TRANSLATE_NOOP("MainWindow", "Last day to extend")),
    (WorkList.ONLINE_ANSWER_DUE, QT_TRANSLATE_NOOP("MainWindow", "Online, to answer")),
    (WorkList.HANDOVER_DUE, QT_TRANSLATE_NOOP("MainWindow", "To hand over")),
    (WorkList.WAITING_SUPPLEMENT, QT_TRANSLATE_NOOP("MainWindow", "Waiting for supplement")),
    (WorkList.TO_CLOSE, QT_TRANSLATE_NOOP("MainWindow", "To close")),
    (WorkList.RESULT_READY, QT_TRANSLATE_NOOP("MainWindow", "Result ready")),
    (WorkList.PENDING, QT_TRANSLATE_NOOP("MainWindow", "All pending")),
    (WorkList.RECEIVED_TODAY, QT_TRANSLATE_NOOP("MainWindow", "Received today")),
)
# Lists of what the law wants done today: a tab each only while it holds a
# dossier, so the bar fits 1366 px and an empty one never hides the others.
ALERT_LISTS = frozenset(
    {
        WorkList.EXTENSION_DUE,
        WorkList.ONLINE_ANSWER_DUE,
        WorkList.HANDOVER_DUE,
        WorkList.TO_CLOSE,
    }
)
SEARCH_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Search results")
RESIZE_ROWS = 50


@dataclass(frozen=True)
class Lists:
    now: datetime
    rows: dict[WorkList, list[DossierRow]]


def load_lists(ctx: ServiceContext) -> Lists:
    """Every work list at one moment; call it in a worker."""
    return Lists(ctx.now(), {w: search.work_list(ctx, w) for w, _t in WORK_LISTS})


def make_dossier_view(
    model: DossierTableModel, parent: QWidget, activated: Callable[[QModelIndex], None]
) -> QTableView:
    """A read-only, sortable table of dossiers, soonest appointment first;
    ``activated`` runs on Enter or a double click on a row."""
    view = QTableView(parent)
    view.setModel(model)  # it sorts itself (DossierTableModel.sort)
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
    # Widths from the first rows only: measuring all of a long list's cells
    # at every refresh took a tenth of a second.
    header.setResizeContentsPrecision(RESIZE_ROWS)
    header.setSectionResizeMode(DossierTableModel.PROCEDURE, QHeaderView.ResizeMode.Stretch)
    view.activated.connect(activated)
    return view
