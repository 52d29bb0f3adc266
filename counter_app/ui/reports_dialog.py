"""The reports screen: the counter's figures for a chosen period and cut, the
monthly trend and the split of results (Qt Charts), exports (Excel, PDF,
JSON) and the period's dossier ledger in the print preview. Reading and
writing run off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, Qt, QThreadPool, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.reports.definitions import Period
from counter_app.reports.figures import Cut
from counter_app.reports.glossary import FIGURES
from counter_app.reports.source import Report
from counter_app.reports.tables import value
from counter_app.reports.text import cell_text
from counter_app.services import reports
from counter_app.services.context import ServiceContext
from counter_app.ui import notify
from counter_app.ui.ledger_dialog import preview_ledger
from counter_app.ui.print_output import ChooseSink, choose_sink
from counter_app.ui.print_preview import PreviewLoader
from counter_app.ui.report_charts import split_chart, trend_chart
from counter_app.ui.widgets import fit_to_screen
from counter_app.ui.workers import WorkerRunner

# (suggested file name, filter) → chosen path, or None when cancelled.
ChoosePath = Callable[[QWidget, str, str], Path | None]


def choose_path(parent: QWidget, suggested: str, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "", suggested, file_filter)
    return Path(name) if name else None


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReportsDialog(QDialog):
    loaded = Signal()
    exported = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        *,
        choose: ChoosePath = choose_path,
        choose_sink: ChooseSink = choose_sink,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._choose = choose
        self._choose_sink = choose_sink
        self.ledger_loader: PreviewLoader | None = None
        self._runner = WorkerRunner(QThreadPool(self))
        self.report: Report | None = None
        self.setWindowTitle(self.tr("Reports and statistics"))
        today = ctx.now().date()
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.date_from = QDateEdit(_qdate(today.replace(day=1)), self)
        self.date_to = QDateEdit(_qdate(today), self)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.cut = QComboBox(self)
        self.cut.addItem(self.tr("Whole counter"), None)
        for cut, label in (
            (Cut.PROCEDURE, self.tr("By procedure")),
            (Cut.FIELD, self.tr("By field")),
            (Cut.LEVEL, self.tr("By level")),
            (Cut.OFFICIAL, self.tr("By receiving official")),
        ):
            self.cut.addItem(label, cut)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.clicked.connect(self.load)
        controls.addWidget(QLabel(self.tr("From"), self))
        controls.addWidget(self.date_from)
        controls.addWidget(QLabel(self.tr("to"), self))
        controls.addWidget(self.date_to)
        controls.addWidget(self.cut, 1)
        controls.addWidget(self.show_button)
        layout.addLayout(controls)

        body = QHBoxLayout()
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("Value")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        body.addWidget(self.table, 2)
        charts = QVBoxLayout()
        self.trend_view = QChartView(self)
        self.split_view = QChartView(self)
        for view in (self.trend_view, self.split_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            # Two charts stacked must leave the buttons on a 1366×768 screen at 125 %.
            view.setMinimumSize(360, 180)
            charts.addWidget(view)
        body.addLayout(charts, 3)
        layout.addLayout(body, 1)

        exports = QHBoxLayout()
        self.status = QLabel(self)
        exports.addWidget(self.status, 1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, text in (
            ("xlsx", self.tr("Export to Excel")),
            ("pdf", self.tr("Export to PDF")),
            ("json", self.tr("Export to JSON")),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, f=fmt: self.export(f))
            button.setEnabled(False)
            self.export_buttons[fmt] = button
            exports.addWidget(button)
        self.ledger_button = QPushButton(self.tr("Print the dossier ledger…"), self)
        self.ledger_button.clicked.connect(self.print_ledger)
        exports.addWidget(self.ledger_button)
        layout.addLayout(exports)
        fit_to_screen(self, 1180, 720)

    def period(self) -> Period:
        return Period(_pydate(self.date_from.date()), _pydate(self.date_to.date()))

    def set_period(self, period: Period) -> None:
        self.date_from.setDate(_qdate(period.first))
        self.date_to.setDate(_qdate(period.last))

    def load(self) -> None:
        try:
            period = self.period()
        except ValueError:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        cut = self.cut.currentData()
        self.show_button.setEnabled(False)
        self.status.setText(self.tr("Counting…"))
        self._runner.start(
            lambda: reports.counter_report(self._ctx, period, cut), self._loaded, self._failed
        )

    def _loaded(self, result: object) -> None:
        assert isinstance(result, Report)
        self.report = result
        self.show_button.setEnabled(True)
        self.status.setText(self.tr("Figures of {period}").format(period=result.period.label()))
        self.table.setRowCount(len(FIGURES))
        for row, d in enumerate(FIGURES):
            self.table.setItem(row, 0, QTableWidgetItem(d.label))
            item = QTableWidgetItem(cell_text(value(result.total, d.name), d.kind.value))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, item)
        self.trend_view.setChart(trend_chart(result))
        self.split_view.setChart(split_chart(result))
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.loaded.emit()

    def _failed(self, error: object) -> None:
        self.show_button.setEnabled(True)
        self.status.setText("")
        if isinstance(error, UserError):
            notify.show_user_error(self, self.tr("Reports"), error)
        else:
            notify.inform(
                self,
                self.tr("Reports"),
                self.tr(
                    "The report could not be made. Try again; if it keeps failing, call the "
                    "IT staff (details are in the log file)."
                ),
            )

    def export(self, fmt: str) -> None:
        report = self.report
        if report is None:
            return
        filters = {
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "pdf": self.tr("PDF document (*.pdf)"),
            "json": self.tr("JSON file (*.json)"),
        }
        stem = f"bao-cao-{report.period.first:%Y%m%d}-{report.period.last:%Y%m%d}"
        path = self._choose(self, f"{stem}.{fmt}", filters[fmt])
        if path is None:
            return
        self._runner.start(
            lambda: reports.export(report, path, reports.Format(fmt)),
            self._exported,
            self._failed,
        )

    def print_ledger(self) -> None:
        """The dossier ledger of the period chosen above, in the print preview."""
        try:
            period = self.period()
        except ValueError:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        self.ledger_loader = preview_ledger(
            self, self._ctx, period.first, period.last, choose_sink=self._choose_sink
        )

    def _exported(self, result: object) -> None:
        self.status.setText(self.tr("Saved: {path}").format(path=str(result)))
        self.exported.emit(str(result))

    def done(self, code: int) -> None:
        self._runner.wait()
        super().done(code)
