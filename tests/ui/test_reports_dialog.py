"""The reports screen: figures of a chosen period, Qt Charts of the trend and
the results, exports written by the services (read back)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCharts import QBarSeries, QLineSeries, QPieSeries
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.reports.glossary import FIGURES
from counter_app.reports.text import cell_text
from counter_app.ui.main_window import MainWindow
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.reports_dialog import ReportsDialog
from tests.conftest import Clock
from tests.reports import cases
from tests.reports.expected import all_figures
from tests.ui.conftest import wait_signal


def test_reports_screen_shows_the_quarter_charts_and_exports(
    qtbot: QtBot,
    counter: Runtime,
    clock: Clock,
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
) -> None:
    # GIVEN the hand-counted dossiers and the home screen
    cases.build(counter.ctx, clock)
    window = make_window("tiepnhan")
    # WHEN the official opens Reports (Ctrl+R) and shows the first quarter
    window.reports_menu.open_action.trigger()
    dialog = window.reports_menu.dialog
    assert isinstance(dialog, ReportsDialog)
    chosen: list[Path] = []

    def choose(_parent: QWidget, suggested: str, _filter: str) -> Path:
        chosen.append(tmp_path / suggested)
        return chosen[-1]

    dialog._choose = choose
    dialog.set_period(cases.QUARTER)
    with wait_signal(qtbot, dialog.loaded):
        dialog.show_button.click()
    # THEN every figure shows as counted by hand
    expected = all_figures()
    shown = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(len(FIGURES))
    }
    assert shown == {d.label: cell_text(expected[d.name], d.kind.value) for d in FIGURES}
    # and the charts carry the monthly figures and the split of results
    trend = dialog.trend_view.chart()
    bars = next(s for s in trend.series() if isinstance(s, QBarSeries))
    received, resolved = bars.barSets()
    assert [received.at(i) for i in range(3)] == [2, 2, 8]  # N in February
    assert [resolved.at(i) for i in range(3)] == [3, 1, 4]
    line = next(s for s in trend.series() if isinstance(s, QLineSeries))
    assert [round(p.y(), 1) for p in line.points()] == [100.0, 100.0, 75.0]
    pie = dialog.split_view.chart().series()[0]
    assert isinstance(pie, QPieSeries)
    # (C is early: its supplement counted the time limit again, Decree 118 Art. 19(5))
    assert [s.value() for s in pie.slices()] == [4, 3, 1, 3]
    shot = os.environ.get("REPORTS_SCREENSHOT")
    if shot:
        dialog.grab().save(shot)
    # WHEN each export is asked for THEN the file is written and reads back
    for fmt in ("xlsx", "pdf"):
        with wait_signal(qtbot, dialog.exported):
            dialog.export_buttons[fmt].click()
    xlsx, pdf = chosen
    assert xlsx.name == "bao-cao-20270101-20270331.xlsx"
    total = {
        r[0]: r[1:]
        for r in load_workbook(xlsx)["Giải quyết hồ sơ"].iter_rows(min_row=3, values_only=True)
    }
    assert total["Tổng cộng"][:2] == (13, 12)  # with N, received in February
    assert pdf.read_bytes().startswith(b"%PDF")
    # WHEN the ledger is asked for THEN the quarter's ledger opens in the print preview
    dialog.ledger_button.click()
    qtbot.waitUntil(
        lambda: dialog.ledger_loader is not None and dialog.ledger_loader.dialog is not None,
        timeout=30_000,
    )
    assert dialog.ledger_loader is not None
    preview = dialog.ledger_loader.dialog
    assert isinstance(preview, PrintPreviewDialog) and preview.document.pageCount() >= 1
    assert "01/01/2027" in preview.windowTitle() and "31/03/2027" in preview.windowTitle()
    preview.close()
    dialog.close()
