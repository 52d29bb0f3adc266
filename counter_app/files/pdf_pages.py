"""One PDF per digitised paper: images put into a PDF as they are (img2pdf:
no re-encoding, so a scan keeps every pixel), and a PDF's pages counted."""

from __future__ import annotations

import io
from collections.abc import Sequence

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
