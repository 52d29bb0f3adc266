"""The report as an Excel workbook (openpyxl): one sheet per table, real
numbers with date and percentage formats, frozen headers, and a sheet with
the definitions and their legal sources."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from counter_app.private_files import DIR_MODE, write_atomic
from counter_app.reports.glossary import Kind
from counter_app.reports.source import Report
from counter_app.reports.tables import DATE, TEXT, Table, definitions_rows, report_tables

NUMBER_FORMATS = {
    Kind.COUNT.value: "#,##0",
    Kind.MONEY.value: "#,##0",
    Kind.PERCENT.value: "0.0%",
    Kind.DAYS.value: "0.00",
    DATE: "dd/mm/yyyy",
    TEXT: "@",
}
DEFINITIONS_SHEET = "Định nghĩa"
_BOLD = Font(bold=True)


def _title(ws: Worksheet, text: str) -> None:
    ws.cell(row=1, column=1, value=text).font = Font(bold=True, size=13)


def _header(ws: Worksheet, headers: tuple[str, ...], row: int = 2) -> None:
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=col, value=text)
        cell.font = _BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(col)].width = 14 if col > 1 else 34
    ws.row_dimensions[row].height = 60


def _table_sheet(wb: Workbook, table: Table, subtitle: str) -> None:
    ws = wb.create_sheet(table.sheet[:31])
    _title(ws, f"{table.title} – {subtitle}")
    _header(ws, table.headers)
    for r, row in enumerate(table.rows, start=3):
        for c, (cell_value, kind) in enumerate(zip(row, table.kinds, strict=True), start=1):
            cell = ws.cell(row=r, column=c, value=cell_value)
            cell.number_format = NUMBER_FORMATS[kind]
    # Headers and the first column stay in view while scrolling.
    ws.freeze_panes = "B3" if table.kinds[0] == TEXT and len(table.headers) > 3 else "A3"


def _definitions_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet(DEFINITIONS_SHEET)
    _title(ws, "Định nghĩa các chỉ tiêu và căn cứ")
    _header(ws, ("Chỉ tiêu", "Cách tính", "Căn cứ"))
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 60
    for r, row in enumerate(definitions_rows(), start=3):
        for c, text in enumerate(row, start=1):
            ws.cell(row=r, column=c, value=text).alignment = Alignment(wrap_text=True)
    ws.freeze_panes = "A3"


def write_workbook(report: Report, path: Path, criteria_labels: Mapping[str, str]) -> Path:
    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    subtitle = f"{report.header.unit_name} – kỳ {report.period.label()}".lstrip(" –")
    for table in report_tables(report, criteria_labels):
        _table_sheet(wb, table, subtitle)
    _definitions_sheet(wb)
    path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    # Built in memory, then written private (0600) whatever the umask.
    buffer = io.BytesIO()
    wb.save(buffer)
    write_atomic(path, buffer.getvalue())
    return path
