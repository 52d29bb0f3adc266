"""Where the official signs a form: the build reports the cell it drew.

A form's signature place moves with its content (a long procedure name, a
long list of papers, the shrinking that keeps a receipt on one page), so no
coordinate is written down anywhere: the signature cell is a flowable that
notes where it lands on the page while the PDF is built, and the PDF bytes
come back with that place (:class:`FormPdf`), for the visible signature
block to sit exactly there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from reportlab.platypus import Flowable


@dataclass(frozen=True)
class SignaturePlace:
    """A rectangle in PDF points (origin bottom left) on a 0-based page."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float


class FormPdf(bytes):
    """A form's PDF bytes with where its official signs (None: it has no place).

    A ``bytes`` for every caller that prints, saves or compares it.
    """

    signature_place: SignaturePlace | None

    def __new__(cls, pdf: bytes, place: SignaturePlace | None = None) -> FormPdf:
        made = super().__new__(cls, pdf)
        made.signature_place = place
        return made


def place_of(pdf: bytes) -> SignaturePlace | None:
    """The signature place ``pdf`` was built with, if it is a form's."""
    return pdf.signature_place if isinstance(pdf, FormPdf) else None


# The places drawn by the build running in this thread (None: no build listens).
_drawn: ContextVar[list[SignaturePlace] | None] = ContextVar("signature_places", default=None)


@contextmanager
def recording() -> Iterator[list[SignaturePlace]]:
    """Collect the signature cells drawn inside the block, in drawing order."""
    places: list[SignaturePlace] = []
    token = _drawn.set(places)
    try:
        yield places
    finally:
        _drawn.reset(token)


class SignatureCell(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """The empty space where the official signs; draws nothing, notes where it is."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height
        self.width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        places = _drawn.get()
        if places is None:
            return
        # The canvas's matrix holds every translation and the shrinking of a
        # receipt squeezed onto one page: the corners in page coordinates.
        corners = [self.canv.absolutePosition(x, y) for x, y in ((0, 0), (self.width, self.height))]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        page = int(self.canv.getPageNumber()) - 1
        places.append(SignaturePlace(page, min(xs), min(ys), max(xs), max(ys)))
