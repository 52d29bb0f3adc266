"""One PDF per digitised paper: images put into a PDF as they are (img2pdf:
no re-encoding, so a scan keeps every pixel), a PDF's pages counted, and
pages merged, reordered, turned and removed (pikepdf: pages copied whole)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import img2pdf
import pikepdf


class NotAPdf(ValueError):
    """The bytes are not a PDF that can be read (damaged, encrypted, empty)."""


def page_count(pdf: bytes) -> int:
    try:
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            count = len(doc.pages)
    except pikepdf.PdfError as exc:
        raise NotAPdf(str(exc)) from exc
    if count == 0:
        raise NotAPdf("no pages")
    return count


def images_to_pdf(images: Sequence[bytes]) -> bytes:
    """A PDF with one page per image (JPEG, PNG, TIFF), each image embedded losslessly."""
    if not images:
        raise ValueError("no images")
    try:
        out = img2pdf.convert(list(images), rotation=img2pdf.Rotation.ifvalid)
    except (img2pdf.ImageOpenError, img2pdf.AlphaChannelError, ValueError) as exc:
        raise NotAPdf(str(exc)) from exc
    assert isinstance(out, bytes)
    return out


@dataclass(frozen=True)
class PageRef:
    """One page of the paper being put together: page ``page`` of source PDF
    ``source``, turned by ``rotation`` more degrees (a multiple of 90)."""

    source: int
    page: int
    rotation: int = 0


def _open(pdf: bytes) -> pikepdf.Pdf:
    try:
        return pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as exc:
        raise NotAPdf(str(exc)) from exc


def compose(sources: Sequence[bytes], pages: Sequence[PageRef]) -> bytes:
    """One PDF of ``pages`` in their order: merging, reordering, turning and
    removing pages are each one of these (ui/paper_pages.PageStrip).

    Pages are copied as they are (no re-encoding); a rotation is the page's
    /Rotate, so nothing of the scan is lost either.
    """
    if not pages:
        raise ValueError("no pages")
    opened = [_open(pdf) for pdf in sources]
    try:
        out = pikepdf.new()
        for ref in pages:
            if ref.rotation % 90:
                raise ValueError(f"rotation {ref.rotation} is not a quarter turn")
            out.pages.append(opened[ref.source].pages[ref.page])
            if ref.rotation % 360:
                out.pages[-1].rotate(ref.rotation % 360, relative=True)
        buffer = io.BytesIO()
        out.save(buffer)
    finally:
        for doc in opened:
            doc.close()
    data = buffer.getvalue()
    if page_count(data) != len(pages):
        raise NotAPdf("the composed PDF lost pages")
    return data


def all_pages(sources: Sequence[bytes]) -> list[PageRef]:
    return [PageRef(n, p) for n, pdf in enumerate(sources) for p in range(page_count(pdf))]


def rotations(pdf: bytes) -> list[int]:
    """Each page's /Rotate (0, 90, 180 or 270)."""
    with _open(pdf) as doc:
        return [int(page.obj.get("/Rotate", 0)) % 360 for page in doc.pages]
