"""OCR of a scanned copy: a page the test prints with a Vietnamese font,
rasterised like a scanner's output, read back by Tesseract through ocrmypdf;
the Article 19(2) fields proposed from it; and a desk without Tesseract told
so in a sentence."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.papers import Origin, PaperData
from counter_app.domain.text import fold
from counter_app.files import ocr
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.i18n import render
from counter_app.paper.fonts import register_fonts
from counter_app.services import paper_ocr, papers
from counter_app.services.papers import NewCopy, document_types
from tests.conftest import login
from tests.services.test_papers import _dossier

LINES = [
    (14, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (13, "Độc lập - Tự do - Hạnh phúc"),
    (22, "GIẤY KHAI SINH"),
    (14, "Họ và tên: Lăng Thị Khuyên"),
    (14, "Số định danh cá nhân: 020190001234"),
    (14, "Ngày cấp: 15/03/2021"),
    (14, "Có giá trị đến: 15/03/2046"),
]


def scanned_page(tmp_path: Path) -> bytes:
    """A birth certificate's page printed with the forms' font, then turned
    into a 200 dpi greyscale image as a scanner hands it over."""
    family = register_fonts()
    printed = tmp_path / "page.pdf"
    page = canvas.Canvas(str(printed), pagesize=A4)
    y = 780
    for size, line in LINES:
        page.setFont(family.regular, size)
        page.drawString(70, y, line)
        y -= 40
    page.save()
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-gray",
            "-png",
            "-singlefile",
            str(printed),
            str(tmp_path / "scan"),
        ],
        check=True,
        timeout=60,
    )
    return images_to_pdf([(tmp_path / "scan.png").read_bytes()])


def test_a_scanned_page_becomes_searchable_and_its_fields_are_proposed(tmp_path: Path) -> None:
    scan = scanned_page(tmp_path)
    # the scan alone holds no text
    searchable = tmp_path / "searchable.pdf"
    result = ocr.make_searchable(scan)
    searchable.write_bytes(result.pdf)
    folded = fold(result.text)
    assert "giay khai sinh" in folded and "lang thi khuyen" in folded, result.text
    assert "020190001234" in result.text
    # the PDF itself now carries the text (poppler reads it back)
    layer = subprocess.run(
        ["pdftotext", str(searchable), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "020190001234" in layer and "khai sinh" in fold(layer)
    proposal = ocr.propose(result.text, document_types().types)
    assert proposal.id_numbers == ["020190001234"]
    assert proposal.issued_on == date(2021, 3, 15)
    assert proposal.valid_until == date(2046, 3, 15)
    assert (proposal.doc_type_code, proposal.document_name) == ("GT.KS", "Giấy khai sinh")


def test_the_official_confirms_the_proposal_and_search_finds_the_words_read(
    counter: Runtime, tmp_path: Path
) -> None:
    reading = paper_ocr.read_copy(scanned_page(tmp_path))
    proposal = reading.proposal
    # the official confirms what was proposed; the holder's name is not typed
    data = PaperData(
        doc_type_code=proposal.doc_type_code,
        document_name=proposal.document_name,
        holder_id_number=proposal.id_numbers[0],
        id_issued_on=proposal.issued_on,
        valid_until=proposal.valid_until,
    )
    code = _dossier(counter)
    new = NewCopy(code, reading.pdf, data, Origin.SCAN, component=1, ocr_text=reading.text)
    info = papers.add_copy(counter.ctx, login(counter.ctx, "tiepnhan"), new)
    # the name read off the page finds the copy, typed without accents
    assert [p.uuid for p in papers.search(counter.ctx, "lang thi khuyen")] == [info.uuid]
    assert papers.file_path(counter.ctx, info.sha256).read_bytes() == reading.pdf


def test_proposals_from_imperfect_text() -> None:
    text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nGIẤY CHỨNG NHẬN KẾT HÔN\n"
        "Số CCCD: 0201 9000 1234\nNgày 31/02/2020 sai, ngày 01/06/2020\n"
    )
    proposal = ocr.propose(text, document_types().types)
    # the longest matching name wins; a spaced number is joined; 31/02 is no date
    assert proposal.doc_type_code == "GT.KH"
    assert proposal.id_numbers == ["020190001234"]
    assert proposal.dates == [date(2020, 6, 1)]
    assert proposal.issued_on is None and proposal.valid_until is None


def test_without_tesseract_the_desk_is_told_ocr_is_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A machine where Tesseract was never installed: nothing of it on the PATH.
    monkeypatch.setenv("PATH", str(tmp_path))
    ocr._tesseract_languages.cache_clear()
    try:
        said = ocr.unavailable()
        assert said is not None and "không dùng được" in render(said), render(said)
        with pytest.raises(UserError) as refused:
            ocr.make_searchable(b"%PDF-1.4")
        assert render(refused.value.message) == render(said)
    finally:
        ocr._tesseract_languages.cache_clear()
