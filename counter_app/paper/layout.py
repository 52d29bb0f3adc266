"""Pages of the forms: paper sizes and margins, and the PDF build that lays a
story out deterministically (page numbers, fixed dates, the official's place)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from counter_app.paper import errors
from counter_app.paper.fonts import FontFamily
from counter_app.paper.places import FormPdf, recording
from counter_app.paper.text import nfc

PAPERS: dict[str, tuple[float, float]] = {"A4": A4, "A5": A5, "A4-landscape": landscape(A4)}
SLIP_WIDTH = 80 * mm
SLIP_CONTENT_WIDTH = 72 * mm
AUTHOR = "counter_app - Bộ phận một cửa"


def paper_size(paper: str, allowed: Sequence[str]) -> tuple[float, float]:
    if paper not in allowed:
        raise errors.printing_error(
            errors.UNSUPPORTED_PAPER, field="paper", paper=paper, available=", ".join(allowed)
        )
    return PAPERS[paper]


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
