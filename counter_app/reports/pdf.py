"""The statistics report as a PDF: the official header (governing body, unit,
national motto, dateline), the figures' tables, charts drawn with ReportLab's
graphics, and the definitions with their sources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from counter_app.paper.blocks import national_header
from counter_app.paper.data import AgencyInfo
from counter_app.paper.flowables import plain_table
from counter_app.paper.formset import load_form_set
from counter_app.paper.layout import build_pdf
from counter_app.paper.styles import Styles, make_styles
from counter_app.paper.text import esc
from counter_app.private_files import write_atomic
from counter_app.reports.charts import in_time_line, monthly_bars
from counter_app.reports.source import Report
from counter_app.reports.tables import DATE, TEXT, Table, definitions_rows, report_tables
from counter_app.reports.text import cell_text

FORM_SET = "tt03-2025"  # the national header's wording (motto, dateline)
MARGINS = (25 * mm, 15 * mm, 15 * mm, 15 * mm)
GROUPS_PER_TABLE = 4
TITLE = "BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH"


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(esc(text), style)


def _cell(st: Styles, v: Any, kind: str) -> Paragraph:
    """A figure right-aligned, text left-aligned."""
    style = st.cell if kind in (TEXT, DATE) else ParagraphStyle("num", st.cell, alignment=TA_RIGHT)
    return _p(cell_text(v, kind), style)


def _grid(st: Styles, rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Flowable:
    extra = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
    return plain_table(st.fonts.regular, rows, widths, grid=True, head_rows=1, extra=extra)


def _transposed(table: Table, st: Styles, width: float) -> list[Flowable]:
    """A wide group table printed one figure per line, groups across, in
    chunks of GROUPS_PER_TABLE columns (the last one holds the total)."""
    out: list[Flowable] = [_p(table.title, st.center_bold)]
    groups = list(table.rows)
    for i in range(0, len(groups), GROUPS_PER_TABLE):
        chunk = groups[i : i + GROUPS_PER_TABLE]
        label_w = width * 0.46
        col_w = (width - label_w) / len(chunk)
        head = [_p(table.headers[0], st.cell_head), *(_p(str(g[0]), st.cell_head) for g in chunk)]
        body = [
            [_p(header, st.cell), *(_cell(st, g[c], kind) for g in chunk)]
            for c, (header, kind) in enumerate(zip(table.headers, table.kinds, strict=True))
            if c > 0
        ]
        out += [_grid(st, [head, *body], [label_w, *([col_w] * len(chunk))]), Spacer(0, 4 * mm)]
    return [KeepTogether(out[:2]), *out[2:]]


def _plain(table: Table, st: Styles, width: float) -> list[Flowable]:
    if not table.rows:
        return []
    widths = [width / len(table.headers)] * len(table.headers)
    if len(table.headers) == 4:
        widths = [width * 0.14, width * 0.5, width * 0.22, width * 0.14]
    head = [_p(h, st.cell_head) for h in table.headers]
    body = [[_cell(st, v, k) for v, k in zip(row, table.kinds, strict=True)] for row in table.rows]
    title = _p(table.title, st.center_bold)
    return [KeepTogether([title, _grid(st, [head, *body], widths)]), Spacer(0, 4 * mm)]


def _definitions(st: Styles, width: float) -> list[Flowable]:
    rows = [[_p(h, st.cell_head) for h in ("Chỉ tiêu", "Cách tính", "Căn cứ")]]
    rows += [[_p(a, st.cell), _p(b, st.cell), _p(c, st.cell)] for a, b, c in definitions_rows()]
    return [
        PageBreak(),
        _p("Định nghĩa các chỉ tiêu và căn cứ", st.center_bold),
        _grid(st, rows, [width * 0.25, width * 0.42, width * 0.33]),
    ]


def statistics_pdf(report: Report, criteria_labels: Mapping[str, str]) -> bytes:
    st = make_styles(11)
    width = A4[0] - MARGINS[0] - MARGINS[1]
    form_set = load_form_set(FORM_SET)
    h = report.header
    agency = AgencyInfo(name=h.unit_name, parent_name=h.parent_name, agency_id="", place=h.place)
    tables = report_tables(report, criteria_labels)
    story: list[Flowable] = [
        national_header(agency, form_set, st, width, day=report.made_at.date()),
        Spacer(0, 4 * mm),
        _p(TITLE, st.title),
        _p(
            f"Kỳ báo cáo: từ ngày {report.period.first:%d/%m/%Y} đến ngày "
            f"{report.period.last:%d/%m/%Y}",
            st.center_italic,
        ),  # fmt: skip
        Spacer(0, 3 * mm),
    ]
    story += _transposed(tables[0], st, width)
    story.append(monthly_bars(report, width, st.fonts.regular, st.fonts.bold))
    story.append(in_time_line(report, width, st.fonts.regular, st.fonts.bold))
    story += _transposed(tables[1], st, width)
    for table in tables[2:]:
        story += _plain(table, st, width)
    story += _definitions(st, width)
    return build_pdf(
        story,
        pagesize=A4,
        margins=MARGINS,
        title=TITLE,
        subject=report.period.label(),
        page_label=lambda page, total: f"Trang {page}/{total}",
        fonts=st.fonts,
        created=report.made_at,
    )


def write_statistics_pdf(report: Report, path: Path, criteria_labels: Mapping[str, str]) -> Path:
    write_atomic(path, statistics_pdf(report, criteria_labels))  # private whatever the umask
    return path
