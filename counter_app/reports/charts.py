"""Charts drawn with ReportLab's graphics (vectors in the PDF, not pictures):
the monthly bars of dossiers received and resolved, the line of the share
resolved in time, and the split of results."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from counter_app.reports.source import Report

RECEIVED = colors.HexColor("#2f6db5")
RESOLVED = colors.HexColor("#4f9d4a")
RATE = colors.HexColor("#c0392b")


def _month_names(report: Report) -> list[str]:
    return [f"{m.first:%m/%Y}" for m, _ in report.months]


def _title(d: Drawing, text: str, font: str) -> None:
    d.add(String(d.width / 2, d.height - 12, text, fontName=font, fontSize=10, textAnchor="middle"))


def _axes(chart: VerticalBarChart | HorizontalLineChart, report: Report, font: str) -> None:
    """Months along the bottom, counts from zero up the side, in the report's font."""
    chart.categoryAxis.categoryNames = _month_names(report)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0


def monthly_bars(report: Report, width: float, font: str, bold: str) -> Drawing:
    """Bars: received and resolved per month."""
    d = Drawing(width, 170)
    _title(d, "Hồ sơ tiếp nhận và đã giải quyết theo tháng", bold)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 35, width - 150, 110
    chart.data = [
        [f.received for _, f in report.months],
        [f.resolved for _, f in report.months],
    ]
    _axes(chart, report, font)
    chart.bars[0].fillColor = RECEIVED
    chart.bars[1].fillColor = RESOLVED
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 100, 120
    legend.fontName, legend.fontSize = font, 8
    legend.colorNamePairs = [(RECEIVED, "Tiếp nhận"), (RESOLVED, "Đã giải quyết")]
    d.add(legend)
    return d


def in_time_line(report: Report, width: float, font: str, bold: str) -> Drawing:
    """Line: the share resolved early or on time, per month (in %)."""
    d = Drawing(width, 160)
    _title(d, "Tỷ lệ giải quyết đúng và trước hạn theo tháng (%)", bold)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 150, 100
    rates = [f.in_time_rate for _, f in report.months]
    chart.data = [[round(r * 100, 1) if r is not None else None for r in rates]]
    _axes(chart, report, font)
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.lines[0].strokeColor = RATE
    chart.lines[0].strokeWidth = 1.5
    # No month with a resolved dossier (a new counter's first report): reportlab
    # cannot join zero points, and there is no line to draw.
    chart.joinedLines = 0 if all(r is None for r in rates) else 1
    d.add(chart)
    return d
