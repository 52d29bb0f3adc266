"""Shared layout of the administrative forms: styles, header, signatures, PDF build."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from counter_app.domain.countries import nationality_name
from counter_app.paper import errors
from counter_app.paper.data import AgencyInfo, Applicant
from counter_app.paper.fonts import FontFamily, register_fonts
from counter_app.paper.formset import FormSet, FormSpec
from counter_app.paper.places import FormPdf, SignatureCell, recording
from counter_app.paper.text import esc, long_date, nfc, short_date

PAPERS: dict[str, tuple[float, float]] = {"A4": A4, "A5": A5, "A4-landscape": landscape(A4)}
SLIP_WIDTH = 80 * mm
SLIP_CONTENT_WIDTH = 72 * mm
AUTHOR = "counter_app - Bộ phận một cửa"


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of one paper size, all in the registered serif family."""

    fonts: FontFamily
    size: float
    body: ParagraphStyle
    body_justified: ParagraphStyle
    center: ParagraphStyle
    header: ParagraphStyle
    center_bold: ParagraphStyle
    center_italic: ParagraphStyle
    title: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    small_right_italic: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    mark: ParagraphStyle


def make_styles(size: float, fonts: FontFamily | None = None, *, compact: bool = False) -> Styles:
    """Styles for body text of ``size`` points; ``compact`` tightens the spacing."""
    fonts = fonts or register_fonts()
    lead = size * (1.17 if compact else 1.28)
    gap = size * (0.08 if compact else 0.25)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {
            "fontName": fonts.regular,
            "fontSize": size,
            "leading": lead,
            "spaceAfter": gap,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    small = size * (0.75 if compact else 0.8)
    return Styles(
        fonts=fonts,
        size=size,
        body=style("body", alignment=TA_LEFT),
        body_justified=style("body_justified", alignment=TA_JUSTIFY, firstLineIndent=size),
        center=style("center", alignment=TA_CENTER),
        header=style("header", alignment=TA_CENTER, spaceAfter=0),
        center_bold=style("center_bold", alignment=TA_CENTER, fontName=fonts.bold),
        center_italic=style("center_italic", alignment=TA_CENTER, fontName=fonts.italic),
        title=style(
            "title",
            alignment=TA_CENTER,
            fontName=fonts.bold,
            fontSize=size * 1.15,
            leading=size * 1.4,
            spaceBefore=size * (0.3 if compact else 0.6),
            spaceAfter=size * 0.15,
        ),
        small=style("small", fontSize=small, leading=small * 1.25, spaceAfter=0),
        small_center=style(
            "small_center", fontSize=small, leading=small * 1.25, alignment=TA_CENTER, spaceAfter=0
        ),
        small_right_italic=style(
            "small_right_italic",
            fontName=fonts.italic,
            fontSize=small * 0.9,
            leading=small * 1.1,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
        cell=style("cell", fontSize=size * 0.92, leading=size * 1.12, spaceAfter=0),
        cell_center=style(
            "cell_center",
            fontSize=size * 0.92,
            leading=size * 1.12,
            spaceAfter=0,
            alignment=TA_CENTER,
        ),
        cell_head=style(
            "cell_head",
            fontName=fonts.bold,
            fontSize=size * 0.92,
            leading=size * 1.12,
            spaceAfter=0,
            alignment=TA_CENTER,
        ),
        mark=style(
            "mark",
            fontName=fonts.bold,
            alignment=TA_CENTER,
            fontSize=size * 1.05,
            textColor=colors.black,
            borderColor=colors.black,
            borderWidth=0.8,
            borderPadding=(1, 4, 1, 4),
            spaceBefore=1,
            spaceAfter=3,
        ),
    )


class CenteredRule(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """A short horizontal line centred in the available width (header underlines)."""

    def __init__(self, length: float, thickness: float = 0.6, space: float = 1.5) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space = space
        self.avail = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.space * 2 + self.thickness

    def draw(self) -> None:
        x = (self.avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.space, x + self.length, self.space)


class CutLine(Flowable):  # type: ignore[misc]
    """Dashed cut line between the two copies of a thermal slip."""

    def __init__(self, height: float = 6 * mm) -> None:
        super().__init__()
        self.height = height
        self.avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        self.canv.setDash(3, 2)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, self.height / 2, self.avail, self.height / 2)


def blank() -> Flowable:
    """An empty table cell.

    A string cell, even "", makes ReportLab select the table's font (Helvetica
    by default), which would put a base-14 font into the PDF.
    """
    return Spacer(0, 0)


def plain_table(
    font: str,
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    grid: bool = False,
    head_rows: int = 0,
    extra: Sequence[tuple[Any, ...]] = (),
    padding: float = 2,
    heights: Sequence[float | None] | None = None,
) -> Table:
    """A table laid out for forms; ``font`` is the registered regular face.

    Every cell selects the table font when drawn, flowable cells included, so
    the default (Helvetica) must be replaced even though no cell holds text.
    """
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding * 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding * 0.75),
    ]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    if head_rows:
        commands.append(("VALIGN", (0, 0), (-1, head_rows - 1), "MIDDLE"))
    commands.extend(extra)
    return Table(
        [list(r) for r in rows],
        colWidths=list(widths),
        rowHeights=list(heights) if heights is not None else None,
        style=TableStyle(commands),
        repeatRows=head_rows,
        hAlign="CENTER",
    )


def form_reference(spec: FormSpec, form_set: FormSet, st: Styles) -> Paragraph:
    """The small "Mẫu số 0x (Ban hành kèm theo …)" line at the top of a form."""
    return Paragraph(f"{spec.number} ({nfc(form_set.legal_reference)})", st.small_right_italic)


def _fit(text: str, font: str, size: float, width: float) -> float:
    """Largest size up to ``size`` (not below 85 %) at which ``text`` fits on one line."""
    needed = stringWidth(text, font, size)
    return size if needed <= width else max(size * 0.85, size * width / needed)


def _balanced(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` on one line if it fits, else split in two lines of similar length.

    A header name wrapped by the paragraph engine can leave one word alone on
    the second line; official documents balance the two lines instead.
    """
    if stringWidth(text, font, size) <= width:
        return [text]
    words = text.split()
    best = [text]
    best_gap = float("inf")
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        widths = stringWidth(first, font, size), stringWidth(second, font, size)
        if max(widths) <= width and abs(widths[0] - widths[1]) < best_gap:
            best, best_gap = [first, second], abs(widths[0] - widths[1])
    return best


def title_paragraph(title: str, st: Styles, width: float) -> Paragraph:
    """The form's title, shrunk a little when that keeps it on one line."""
    size = _fit(nfc(title), st.fonts.bold, st.title.fontSize, width)
    return Paragraph(f'<font size="{size:.2f}">{esc(title)}</font>', st.title)


def agency_block(
    agency: AgencyInfo, form_set: FormSet, st: Styles, width: float, document_number: str = ""
) -> list[Flowable]:
    """Top-left header: governing body, the unit in bold, a short rule, "Số: …"."""
    unit = nfc(agency.name).upper()
    parent = nfc(agency.parent_name).upper()
    size = min(
        _fit(parent, st.fonts.regular, st.size, width), _fit(unit, st.fonts.bold, st.size, width)
    )
    unit_lines = _balanced(unit, st.fonts.bold, size, width)
    longest = max(stringWidth(line, st.fonts.bold, size) for line in unit_lines)
    unit_markup = "<br/>".join(esc(line) for line in unit_lines)
    block: list[Flowable] = [
        Paragraph(f'<font size="{size:.2f}">{esc(parent)}</font>', st.header),
        Paragraph(f'<font size="{size:.2f}"><b>{unit_markup}</b></font>', st.header),
        CenteredRule(min(width * 0.5, longest * 0.4)),
    ]
    if document_number:
        number = form_set.text("number_line", document_number=document_number)
        block.append(Paragraph(number, st.header))
    return block


def motto_block(
    form_set: FormSet, st: Styles, width: float, *, place: str = "", day: date | None = None
) -> list[Flowable]:
    """Top-right header: national name, motto underlined, then the dateline."""
    motto_1 = nfc(str(form_set.common["motto_1"]))
    motto_2 = nfc(str(form_set.common["motto_2"]))
    size = _fit(motto_1, st.fonts.bold, st.size, width)
    block: list[Flowable] = [
        Paragraph(f'<font size="{size:.2f}"><b>{esc(motto_1)}</b></font>', st.header),
        Paragraph(f'<font size="{size:.2f}"><b>{esc(motto_2)}</b></font>', st.header),
        CenteredRule(stringWidth(motto_2, st.fonts.bold, size)),
    ]
    if day is not None:
        block.append(Paragraph(f"<i>{dateline_text(form_set, place, day)}</i>", st.header))
    return block


def national_header(
    agency: AgencyInfo,
    form_set: FormSet,
    st: Styles,
    width: float,
    *,
    day: date | None,
    document_number: str = "",
) -> Table:
    """Agency on the left, national motto and dateline on the right."""
    left_w = width * 0.4
    left = agency_block(agency, form_set, st, left_w - 2, document_number)
    right = motto_block(form_set, st, width - left_w - 2, place=agency.place, day=day)
    return plain_table(st.fonts.regular, [[left, right]], [left_w, width - left_w], padding=0)


def dateline_text(form_set: FormSet, place: str, day: date) -> str:
    """ "Hoàng Văn Thụ, ngày 26 tháng 11 năm 2026" (paragraph markup)."""
    parts = long_date(day).split()  # ["ngày", "26", "tháng", "11", "năm", "2026"]
    return form_set.text("dateline", place=place, day=parts[1], month=parts[3], year=parts[5])


def identity_line(form_set: FormSet, applicant: Applicant) -> list[str]:
    """The applicant's document under their name ("Số hộ chiếu: … Quốc tịch: …",
    "Mã số thuế: … Người đại diện: …"); none when no number was recorded."""
    if not applicant.id_number:
        return []
    labels = form_set.common["id_labels"]
    values = {
        "id_label": labels.get(applicant.id_kind, labels["cccd"]),
        "id_number": applicant.id_number,
        "nationality": nationality_name(applicant.nationality),
        "representative": applicant.representative,
    }
    if applicant.representative:
        return [form_set.text("identity_organisation", **values)]
    if applicant.nationality:
        return [form_set.text("identity_passport", **values)]
    return [form_set.text("identity", **values)]


def datetime_text(form_set: FormSet, moment: datetime) -> str:
    """ "09 giờ 15 phút, ngày 26/11/2026"."""
    return form_set.text(
        "datetime",
        hour=f"{moment.hour:02d}",
        minute=f"{moment.minute:02d}",
        date=short_date(moment.date()),
    )


def signature_block(
    titles: Sequence[tuple[str, str, str]],
    st: Styles,
    width: float,
    *,
    space: float = 18 * mm,
    sign_at: int | None = None,
) -> Table:
    """Side-by-side signature blocks: (title, hint, name) each; blank title = empty column.

    Titles, hints and names sit on shared rows so the names line up. The
    space of column ``sign_at`` (the official who signs digitally) reports
    where it was drawn (paper/places.py).
    """
    col = width / len(titles)
    rows: list[list[Flowable]] = [[], [], [], []]
    for index, (title, hint, name) in enumerate(titles):
        lines = nfc(title).split("\n")
        size = min((_fit(line, st.fonts.bold, st.size, col - 4) for line in lines), default=st.size)
        markup = "<br/>".join(esc(line) for line in lines)
        rows[0].append(Paragraph(f'<font size="{size:.2f}"><b>{markup}</b></font>', st.header))
        rows[1].append(Paragraph(f"<i>{esc(hint)}</i>", st.header) if title else blank())
        # The cell's paddings (plain_table, padding=1) come off the row's height.
        rows[2].append(SignatureCell(space - 1.25) if index == sign_at else blank())
        rows[3].append(Paragraph(f"<b>{esc(name)}</b>", st.header) if title and name else blank())
    return plain_table(
        st.fonts.regular,
        rows,
        [col] * len(titles),
        padding=1,
        heights=[None, None, space, None],
    )


def paper_size(paper: str, allowed: Sequence[str]) -> tuple[float, float]:
    if paper not in allowed:
        raise errors.printing_error(
            errors.UNSUPPORTED_PAPER, field="paper", paper=paper, available=", ".join(allowed)
        )
    return PAPERS[paper]


PageHook = Callable[[Canvas, BaseDocTemplate], None]


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Canvas that knows the page count when pages are written ("Trang 2/5")."""

    def __init__(self, *args: Any, page_label: Callable[[int, int], str], font: str, **kw: Any):
        super().__init__(*args, **kw)
        self._saved: list[dict[str, Any]] = []
        self._page_label = page_label
        self._label_font = font

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            width, _height = self._pagesize
            self.setFont(self._label_font, 8)
            self.drawRightString(width - 10 * mm, 6 * mm, self._page_label(self._pageNumber, total))
            super().showPage()
        super().save()


def build_pdf(
    story: list[Flowable],
    *,
    pagesize: tuple[float, float],
    margins: tuple[float, float, float, float],
    title: str,
    subject: str,
    page_label: Callable[[int, int], str] | None = None,
    fonts: FontFamily,
    created: datetime,
) -> FormPdf:
    """Lay out ``story`` and return the PDF bytes (deterministic output), with
    the first signature cell drawn (the official's place, paper/places.py).

    ``margins`` are (left, right, top, bottom). ``created`` is the moment the
    paper speaks of (a reception, a step): the same dossier gives the same
    bytes whenever it is printed, which is how a step's form is checked
    before the step is saved, and its properties show a true date.
    """
    left, right, top, bottom = margins
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=nfc(title),
        author=AUTHOR,
        subject=nfc(subject),
        creator="counter_app",
        invariant=1,
        # Without an initial font ReportLab starts every page in Helvetica, which
        # puts a base-14 font in the PDF even though no text uses it.
        initialFontName=fonts.regular,
        initialFontSize=10,
    )
    frame = Frame(
        left,
        bottom,
        pagesize[0] - left - right,
        pagesize[1] - top - bottom,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=pagesize)])
    maker: Any = Canvas
    if page_label is not None:
        maker = partial(_NumberedCanvas, page_label=page_label, font=fonts.regular)
    stamp = created.strftime("D:%Y%m%d%H%M%S+07'00'")  # desks keep Vietnam's time

    def dated(*args: Any, **kwargs: Any) -> Any:
        canvas = maker(*args, **kwargs)
        canvas.setDateFormatter(lambda *_: stamp)
        return canvas

    with recording() as places:
        doc.build(story, canvasmaker=dated)
    return FormPdf(buffer.getvalue(), places[0] if places else None)


@dataclass(frozen=True)
class PageSetup:
    """Paper, body font size and margins of a one-copy form."""

    size: tuple[float, float]
    font_size: float
    margins: tuple[float, float, float, float]  # left, right, top, bottom
    compact: bool
    signature_space: float

    @property
    def width(self) -> float:
        return self.size[0] - self.margins[0] - self.margins[1]


FORM_PAGES: dict[str, PageSetup] = {
    # Decree 30/2020 margins (left 30-35 mm, right 15-20 mm) trimmed for a counter form.
    "A4": PageSetup(A4, 13, (25 * mm, 15 * mm, 15 * mm, 15 * mm), False, 24 * mm),
    "A5": PageSetup(A5, 10.5, (14 * mm, 10 * mm, 8 * mm, 8 * mm), True, 16 * mm),
}


def page_setup(paper: str) -> PageSetup:
    paper_size(paper, tuple(FORM_PAGES))
    return FORM_PAGES[paper]
