"""Dossier ledger (Sổ theo dõi hồ sơ) for a period, A4 landscape, paginated."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from counter_app.paper.blocks import agency_block, form_reference, title_paragraph
from counter_app.paper.data import LedgerData, LedgerPeriod, LedgerRow
from counter_app.paper.flowables import blank, plain_table
from counter_app.paper.formset import ColumnSpec, FormKind, FormSet, load_form_set
from counter_app.paper.layout import build_pdf, paper_size
from counter_app.paper.styles import Styles, make_styles
from counter_app.paper.text import esc, short_date

_MARGINS = (10 * mm, 10 * mm, 10 * mm, 12 * mm)


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return f"{short_date(moment.date())}<br/>{moment.hour:02d}:{moment.minute:02d}"


def _cells(forms: FormSet) -> dict[str, Callable[[LedgerRow], str]]:
    """Paragraph markup of each column key for a row."""
    return {
        "entry_no": lambda r: str(r.entry_no),
        "dossier_code": lambda r: esc(r.dossier_code),
        "procedure_name": lambda r: esc(r.procedure_name),
        "number_of_sets": lambda r: f"{r.number_of_sets:02d}",
        "applicant_name": lambda r: esc(r.applicant_name),
        "address_phone": lambda r: "<br/>".join(esc(p) for p in (r.address, r.phone) if p),
        "handling_unit": lambda r: esc(r.handling_unit),
        "received_at": lambda r: _when(r.received_at),
        "appointment": lambda r: _when(r.appointment),
        "transferred_at": lambda r: _when(r.transferred_at),
        "result_received_at": lambda r: _when(r.result_received_at),
        "returned_at": lambda r: _when(r.returned_at),
        "result": lambda r: esc(forms.timeliness(r.result)),
        "signature": lambda r: "",
        "note": lambda r: esc(r.note),
    }


_CENTERED = {
    "entry_no",
    "number_of_sets",
    "received_at",
    "appointment",
    "transferred_at",
    "result_received_at",
    "returned_at",
    "result",
}


def _header_rows(
    columns: tuple[ColumnSpec, ...], group_title: str, st: Styles
) -> tuple[list[list[Flowable]], list[tuple[object, ...]]]:
    """Two header rows; grouped columns share a spanning title, others span both rows."""
    top: list[Flowable] = []
    bottom: list[Flowable] = []
    spans: list[tuple[object, ...]] = []
    index = 0
    while index < len(columns):
        column = columns[index]
        if not column.group:
            top.append(Paragraph(esc(column.header), st.cell_head))
            bottom.append(blank())
            spans.append(("SPAN", (index, 0), (index, 1)))
            index += 1
            continue
        end = index
        while end + 1 < len(columns) and columns[end + 1].group == column.group:
            end += 1
        for position in range(index, end + 1):
            top.append(Paragraph(esc(group_title), st.cell_head) if position == index else blank())
            bottom.append(Paragraph(esc(columns[position].header), st.cell_head))
        spans.append(("SPAN", (index, 0), (end, 0)))
        index = end + 1
    return [top, bottom], spans


def render_ledger(
    data: LedgerData,
    period: LedgerPeriod,
    *,
    paper: str = "A4",
    form_set: str = "tt01-2018",
) -> bytes:
    """The ledger's entries for ``period``; the table header repeats on every page."""
    forms = load_form_set(form_set)
    spec = forms.form(FormKind.LEDGER)
    paper_size(paper, ("A4",))
    pagesize = landscape(A4)
    st = make_styles(8.5, compact=True)
    width = pagesize[0] - _MARGINS[0] - _MARGINS[1]
    total = sum(c.width for c in spec.columns)
    widths = [width * c.width / total for c in spec.columns]
    header, spans = _header_rows(spec.columns, spec.texts.get("dates_group", ""), st)
    cells = _cells(forms)
    rows: list[list[Flowable]] = [*header]
    for row in data.rows:
        rows.append(
            [
                Paragraph(cells[c.key](row), st.cell_center if c.key in _CENTERED else st.cell)
                for c in spec.columns
            ]
        )
    head = plain_table(
        st.fonts.regular,
        [[agency_block(data.agency, forms, st, width * 0.35), blank()]],
        [width * 0.35, width * 0.65],
        padding=0,
    )
    story: list[Flowable] = [
        form_reference(spec, forms, st),
        head,
        title_paragraph(spec.title, make_styles(12, compact=True), width),
        Paragraph(spec.text("book", ledger_book=data.ledger_book), st.center),
        Paragraph(
            spec.text("period", start=short_date(period.start), end=short_date(period.end)),
            st.center,
        ),
        Spacer(1, 2 * mm),
        plain_table(st.fonts.regular, rows, widths, grid=True, head_rows=2, extra=spans),
    ]
    if not data.rows:
        story.append(Paragraph(spec.text("empty"), st.center))
    return build_pdf(
        story,
        pagesize=pagesize,
        margins=_MARGINS,
        title=f"{spec.title.capitalize()} - {data.ledger_book}",
        subject=f"{spec.number} - {forms.circular}",
        fonts=st.fonts,
        page_label=lambda page, pages: forms.text("page", page=page, pages=pages),
        # As of its latest entry: the same period prints the same book.
        created=max(
            (r.received_at for r in data.rows), default=datetime.combine(period.start, time())
        ),
    )
