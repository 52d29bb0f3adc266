"""Decree 118/2025 Art. 17(1)(c): papers that come as files (a phone photo, a
PDF, the printer's scan-to-folder) become one PDF each, upright and whole,
and the official can reorder, turn and remove pages before saving."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from counter_app.app_setup import Runtime
from counter_app.domain.papers import Origin, PaperData
from counter_app.files.pdf_pages import (
    PageRef,
    all_pages,
    compose,
    images_to_pdf,
    page_count,
    rotations,
)
from counter_app.scanning.folder import ScanFolder
from counter_app.scanning.imports import BadFile, read_file, to_pdf
from counter_app.services import desk_settings, papers
from counter_app.services.papers import NewCopy
from tests.conftest import login
from tests.scanning.support import new_dossier

BIRTH = PaperData("GT.KS", "Giấy khai sinh", holder_id_number="020190001234")


def encoded(image: Image.Image, fmt: str, **kw: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **kw)
    return out.getvalue()


def shade_page(shade: int, size: tuple[int, int] = (60, 80)) -> bytes:
    return encoded(Image.new("L", size, shade), "PNG")


def rendered(pdf: bytes, tmp_path: Path, page: int = 1) -> Image.Image:
    """The page as a viewer shows it (poppler's pdftoppm, rotation applied)."""
    source = tmp_path / "in.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "36", "-f", str(page), "-l", str(page), "-png", source, tmp_path / "p"],
        check=True,
        timeout=60,
    )
    (png,) = sorted(tmp_path.glob("p-*.png"))
    image = Image.open(png)
    image.load()
    png.unlink()
    return image


def test_a_phone_photo_taken_sideways_reads_upright(tmp_path: Path) -> None:
    # the camera stored 200 x 100 pixels and "turn 90° clockwise to view" (EXIF 6)
    photo = Image.new("RGB", (200, 100), "white")
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "IMG_0001.jpg"
    path.write_bytes(encoded(photo, "JPEG", exif=exif.tobytes()))
    pdf = read_file(path)
    assert page_count(pdf) == 1
    page = rendered(pdf, tmp_path)
    assert page.height > page.width  # upright: taller than wide
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        (image,) = doc.pages[0].get_images().values()
        assert image.Filter == "/DCTDecode"  # the photo's own JPEG, not re-encoded


def test_a_png_with_transparency_is_laid_on_white(tmp_path: Path) -> None:
    cut_out = Image.new("RGBA", (100, 100), (0, 0, 0, 0))  # all transparent black
    cut_out.paste((0, 0, 0, 255), (0, 0, 50, 100))  # left half black ink
    pdf = to_pdf(encoded(cut_out, "PNG"), "giay.png")
    page = rendered(pdf, tmp_path).convert("L")
    assert page.getpixel((page.width - 3, page.height // 2)) > 245  # white, not black
    assert page.getpixel((2, page.height // 2)) < 10


def test_a_multi_page_tiff_gives_a_page_per_frame(tmp_path: Path) -> None:
    frames = [Image.new("L", (60, 80), s) for s in (30, 120, 220)]
    data = encoded(frames[0], "TIFF", save_all=True, append_images=frames[1:])
    assert page_count(to_pdf(data, "scan.tif")) == 3


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"hello, not a paper", "not a PDF, JPEG"),
        (b"%PDF-1.4 torn off", "cannot be read"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "cannot be read"),
    ],
)
def test_a_bad_file_is_a_sentence_and_stores_nothing(
    counter: Runtime, data: bytes, words: str
) -> None:
    with pytest.raises(BadFile) as refused:
        to_pdf(data, "giay.pdf")
    assert words in str(refused.value) and "giay.pdf" in str(refused.value)
    assert list(counter.ctx.files.stored()) == []


def test_pages_reordered_turned_and_removed_show_in_the_saved_pdf(
    counter: Runtime, tmp_path: Path
) -> None:
    code = new_dossier(counter)
    first = images_to_pdf([shade_page(0), shade_page(90)])
    second = images_to_pdf([shade_page(180), shade_page(250, (80, 60))])
    # As the page strip composes them: both files' pages, the landscape page
    # first and turned upright, the blank back (shade 90) left out.
    merged = compose([first, second], all_pages([first, second]))
    assert page_count(merged) == 4
    edited = compose([first, second], [PageRef(1, 1, 90), PageRef(0, 0), PageRef(1, 0)])
    info = papers.add_copy(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        NewCopy(code, edited, BIRTH, Origin.FILE, component=1),
    )
    saved = papers.file_path(counter.ctx, info.sha256).read_bytes()
    assert info.pages == 3 and page_count(saved) == 3
    assert rotations(saved) == [90, 0, 0]
    shades = [rendered(saved, tmp_path, n).convert("L").getpixel((5, 5)) for n in (1, 2, 3)]
    assert [round(s / 10) for s in shades] == [25, 0, 18]  # poppler's rounding aside
    first_page = rendered(saved, tmp_path, 1)
    assert first_page.height > first_page.width


def test_compose_takes_pages_from_several_files_in_one_go() -> None:
    a = images_to_pdf([shade_page(0)])
    b = images_to_pdf([shade_page(90), shade_page(180)])
    out = compose([a, b], [PageRef(1, 1), PageRef(0, 0, 270), PageRef(1, 0)])
    assert page_count(out) == 3 and rotations(out) == [0, 270, 0]
    with pytest.raises(ValueError):
        compose([a], [])


def test_a_scan_dropped_in_the_folder_is_offered_once_complete_then_moved(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    now = [100.0]
    watch = ScanFolder(folder, settle=2.0, clock=lambda: now[0])
    pdf = images_to_pdf([shade_page(0), shade_page(200)])
    target = folder / "SCAN0001.pdf"
    with target.open("wb") as half:
        half.write(pdf[: len(pdf) // 2])
    (folder / "notes.txt").write_text("not a scan")
    assert watch.look() == ([], True)
    now[0] += 3
    with target.open("ab") as rest:  # the printer goes on writing
        rest.write(pdf[len(pdf) // 2 :])
    assert watch.look() == ([], True)  # changed since: not yet
    now[0] += 1
    assert watch.look() == ([], True)  # unchanged, but not long enough
    now[0] += 2
    ready, pending = watch.look()
    assert [f.name for f in ready] == ["SCAN0001.pdf"] and not pending
    assert page_count(read_file(ready[0].path)) == 2
    moved = watch.take(ready[0])
    assert moved == folder / "taken" / "SCAN0001.pdf" and not target.exists()
    now[0] += 5
    assert watch.look() == ([], False)  # not offered twice
    # the printer reuses the name: the second one is kept beside the first
    target.write_bytes(pdf)
    watch.look()
    now[0] += 5
    (again,), _ = watch.look()
    assert watch.take(again) == folder / "taken" / "SCAN0001-1.pdf"


def test_the_scan_folder_is_a_desk_setting(counter: Runtime, tmp_path: Path) -> None:
    clerk = login(counter.ctx, "tiepnhan")
    assert desk_settings.scan_folder(counter.ctx) is None
    with pytest.raises(Exception) as refused:
        desk_settings.set_scan_folder(counter.ctx, clerk, str(tmp_path / "missing"))
    assert "missing" in str(refused.value)
    assert desk_settings.scan_folder(counter.ctx) is None
    desk_settings.set_scan_folder(counter.ctx, clerk, str(tmp_path))
    assert desk_settings.scan_folder(counter.ctx) == tmp_path.resolve()
