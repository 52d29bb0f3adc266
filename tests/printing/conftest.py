"""Helpers to read printed forms back the way a citizen's paper is checked."""

from __future__ import annotations

import io
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

# The standard 14 fonts every PDF viewer has built in; none can show Vietnamese.
BASE14 = {
    "Courier",
    "Courier-Bold",
    "Courier-BoldOblique",
    "Courier-Oblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-BoldOblique",
    "Helvetica-Oblique",
    "Symbol",
    "Times-Bold",
    "Times-BoldItalic",
    "Times-Italic",
    "Times-Roman",
    "ZapfDingbats",
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.fixture
def pages_as_images(tmp_path: Path) -> Callable[[bytes, int], list[Image.Image]]:
    """Rasterise every page with poppler, as a scanner or a photocopy would see it."""

    def convert(pdf: bytes, dpi: int = 150) -> list[Image.Image]:
        source = tmp_path / "form.pdf"
        source.write_bytes(pdf)
        prefix = tmp_path / "page"
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", str(source), str(prefix)],
            check=True,
            timeout=60,
        )
        return [Image.open(p).convert("L") for p in sorted(tmp_path.glob("page*.png"))]

    return convert


def decode(image: Image.Image) -> list[tuple[str, str]]:
    """(format, text) of every barcode and QR code found on the image."""
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]


@pytest.fixture
def read_codes() -> Callable[[Image.Image], list[tuple[str, str]]]:
    return decode


def text_of(pdf: bytes) -> list[str]:
    """NFC text of each page, with runs of white space folded to one space."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join(nfc(page.extract_text()).split()) for page in reader.pages]


@pytest.fixture
def pdf_text() -> Callable[[bytes], list[str]]:
    return text_of


def font_names(pdf: bytes) -> set[str]:
    """BaseFont of every font resource on every page, subset prefix removed."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            base = str(font["/BaseFont"]).lstrip("/")
            names.add(base.split("+", 1)[-1])
            assert "/FontDescriptor" in font, f"{base} is not embedded"
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{base} has no embedded TrueType program"
    return names


@pytest.fixture
def pdf_fonts() -> Callable[[bytes], set[str]]:
    return font_names


@pytest.fixture
def assert_no_base14() -> Callable[[bytes], None]:
    def check(pdf: bytes) -> None:
        names = font_names(pdf)
        assert names, "the PDF has no fonts at all"
        assert not names & BASE14, f"built-in PDF fonts used: {names & BASE14}"

    return check
