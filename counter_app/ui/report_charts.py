"""Qt Charts of a report: the monthly trend and the split of results."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QColor

from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.reports.source import Report

RECEIVED = QColor("#2f6db5")
RESOLVED = QColor("#4f9d4a")
RATE = QColor("#c0392b")
SPLIT_COLOURS = ("#4f9d4a", "#2f6db5", "#c0392b", "#8e8e8e")


_TREND = QT_TRANSLATE_NOOP("ReportCharts", "Monthly trend")
_RECEIVED = QT_TRANSLATE_NOOP("ReportCharts", "Received")
_RESOLVED = QT_TRANSLATE_NOOP("ReportCharts", "Resolved")
_RATE = QT_TRANSLATE_NOOP("ReportCharts", "Early or on time (%)")
_RESULTS = QT_TRANSLATE_NOOP("ReportCharts", "Results of the period")
_EARLY = QT_TRANSLATE_NOOP("ReportCharts", "Early")
_ON_TIME = QT_TRANSLATE_NOOP("ReportCharts", "On time")
_LATE = QT_TRANSLATE_NOOP("ReportCharts", "Late")
_PENDING = QT_TRANSLATE_NOOP("ReportCharts", "Still being handled")


def _tr(source: str) -> str:
    return QCoreApplication.translate("ReportCharts", source)


def trend_chart(report: Report) -> QChart:
    """Bars of dossiers received and resolved per month, and the line of the
    share resolved early or on time (right axis, %)."""
    chart = QChart()
    chart.setTitle(_tr(_TREND))
    months = [f"{m.first:%m/%Y}" for m, _ in report.months]
    received = QBarSet(_tr(_RECEIVED))
    resolved = QBarSet(_tr(_RESOLVED))
    received.setColor(RECEIVED)
    resolved.setColor(RESOLVED)
    for _, f in report.months:
        received.append(f.received)
        resolved.append(f.resolved)
    bars = QBarSeries()
    bars.append(received)
    bars.append(resolved)
    chart.addSeries(bars)
    rate = QLineSeries()
    rate.setName(_tr(_RATE))
    rate.setColor(RATE)
    for i, (_, f) in enumerate(report.months):
        if f.in_time_rate is not None:
            rate.append(QPointF(i, f.in_time_rate * 100))
    chart.addSeries(rate)
    axis_x = QBarCategoryAxis()
    axis_x.append(months)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(axis_x)
    rate.attachAxis(axis_x)
    counts = QValueAxis()
    top = max([1, *(max(f.received, f.resolved) for _, f in report.months)])
    counts.setRange(0, top)
    counts.setLabelFormat("%d")
    chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(counts)
    percent = QValueAxis()
    percent.setRange(0, 100)
    percent.setLabelFormat("%d%%")
    chart.addAxis(percent, Qt.AlignmentFlag.AlignRight)
    rate.attachAxis(percent)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def split_chart(report: Report) -> QChart:
    """How the dossiers resolved in the period ended: early, on time, late,
    and how many were still being handled at its end."""
    f = report.total
    chart = QChart()
    chart.setTitle(_tr(_RESULTS))
    pie = QPieSeries()
    for (label, value), colour in zip(
        (
            (_tr(_EARLY), f.early),
            (_tr(_ON_TIME), f.on_time),
            (_tr(_LATE), f.late),
            (_tr(_PENDING), f.pending),
        ),
        SPLIT_COLOURS,
        strict=True,
    ):
        piece = pie.append(f"{label}: {value}", value)
        piece.setColor(QColor(colour))
    chart.addSeries(pie)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart
