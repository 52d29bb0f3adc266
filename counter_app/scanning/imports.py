"""A paper from a file or a phone photo: PDF, JPEG, PNG or TIFF into one PDF.

Images go in without re-encoding where the PDF can hold them as they are
(img2pdf): a JPEG stays the same JPEG and its EXIF orientation becomes the
page's rotation, so a phone photo taken sideways reads upright. What a PDF
page cannot hold is converted losslessly: a PNG's transparency is laid on
white (a paper is white where a photo app cut it out), and each frame of a
multi-page TIFF becomes a page.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.files.pdf_pages import NotAPdf, images_to_pdf, page_count

_CTX = "Scanning"
SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"})
# A phone photo is a few MB, a scanned paper of many pages some tens.
MAX_BYTES = 200 * 1024 * 1024


class BadFile(UserError):
    """The file cannot become a paper; the message names it and what to do."""


def _bad(text: str, /, **params: object) -> BadFile:
    return BadFile(Message(_CTX, text, dict(params)))


def accepted(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def _kind(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    return ""


def _flat_frames(data: bytes) -> list[bytes]:
    """Every frame as a PNG without transparency (laid on white)."""
    out = []
    with Image.open(io.BytesIO(data)) as image:
        for frame in ImageSequence.Iterator(image):
            page = frame.copy()
            if page.mode in ("RGBA", "LA", "PA") or (
                page.mode == "P" and "transparency" in page.info
            ):
                rgba = page.convert("RGBA")
                white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                page = Image.alpha_composite(white, rgba).convert("RGB")
            elif page.mode not in ("1", "L", "RGB", "CMYK"):
                page = page.convert("RGB")
            buffer = io.BytesIO()
            page.save(buffer, format="PNG")
            out.append(buffer.getvalue())
    return out


def _needs_flattening(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        image.verify()
    with Image.open(io.BytesIO(data)) as image:
        transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        return transparent or getattr(image, "n_frames", 1) > 1 or image.mode in ("I;16", "I", "F")


def to_pdf(data: bytes, name: str) -> bytes:
    """``data`` (the file called ``name``) as one PDF; BadFile says why not."""
    if not data:
        raise _bad(QT_TRANSLATE_NOOP("Scanning", "The file {name} is empty."), name=name)
    if len(data) > MAX_BYTES:
        raise _too_big(name)
    kind = _kind(data)
    damaged = _bad(
        QT_TRANSLATE_NOOP(
            "Scanning",
            "The file {name} cannot be read (damaged, protected or not finished); "
            "choose another file or scan the paper.",
        ),
        name=name,
    )
    if kind == "pdf":
        try:
            page_count(data)
        except NotAPdf:
            raise damaged from None
        return data
    if not kind:
        raise _bad(
            QT_TRANSLATE_NOOP(
                "Scanning", "The file {name} is not a PDF, JPEG, PNG or TIFF; choose another file."
            ),
            name=name,
        )
    try:
        images = _flat_frames(data) if _needs_flattening(data) else [data]
        pdf = images_to_pdf(images)
        page_count(pdf)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, NotAPdf):
        raise damaged from None
    return pdf


def read_file(path: Path) -> bytes:
    """The file at ``path`` as one PDF."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _too_big(path.name)
        data = path.read_bytes()
    except OSError:
        raise _bad(
            QT_TRANSLATE_NOOP(
                "Scanning", "The file {name} cannot be opened; check that it is still there."
            ),
            name=path.name,
        ) from None
    return to_pdf(data, path.name)


def _too_big(name: str) -> BadFile:
    return _bad(
        QT_TRANSLATE_NOOP(
            "Scanning", "The file {name} is larger than 200 MB; scan the paper instead."
        ),
        name=name,
    )
