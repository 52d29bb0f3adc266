"""The digitise dialog, driven as an official would (offscreen): pages from
SANE's test scanner, the scan folder and a phone photo, put in order, turned
and thinned, the data of Art. 19(2) filled in, saved as one PDF."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.papers import Origin
from counter_app.files.pdf_pages import images_to_pdf, page_count, rotations
from counter_app.scanning.folder import FolderFile, ScanFolder
from counter_app.services import desk_settings, papers
from counter_app.services.search import search
from counter_app.services.views import DossierInfo
from counter_app.ui.digitise_dialog import DigitiseDialog
from tests.conftest import login
from tests.files.test_ocr import scanned_page
from tests.scanning.support import DEVICE  # sets SANE_CONFIG_DIR: the project's test scanner

Receive = Callable[..., DossierInfo]
LEFT = Qt.MouseButton.LeftButton
SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


def phone_photo(path: Path) -> Path:
    """A photo taken sideways (EXIF: turn 90° clockwise to view)."""
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    Image.new("RGB", (160, 120), (250, 250, 245)).save(out, "JPEG", exif=exif.tobytes())
    path.write_bytes(out.getvalue())
    return path


def open_dialog(qtbot: QtBot, counter: Runtime, info: DossierInfo, **kw: object) -> DigitiseDialog:
    dialog = DigitiseDialog(counter.ctx, login(counter, "tiepnhan"), info, 1, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.scan_panel.source.count() > 0, timeout=10_000)
    return dialog


def choose(combo: object, data: object) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0, data
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_a_paper_scanned_gathered_edited_and_saved_end_to_end(
    qtbot: QtBot, counter: Runtime, receive_dossier: Receive, tmp_path: Path
) -> None:
    info = receive_dossier()
    folder = tmp_path / "mfp"
    folder.mkdir()
    desk_settings.set_scan_folder(counter.ctx, login(counter, "tiepnhan"), str(folder))
    photo = phone_photo(tmp_path / "IMG_2001.jpg")
    dialog = open_dialog(qtbot, counter, info, settle=0.2, choose_files=lambda: [str(photo)])
    assert dialog.scan_panel.device.currentData() == DEVICE
    # Art. 19(2) fields pre-filled from the dossier and the checklist
    assert dialog.fields.holder_id_number.text() == info.row.applicant_id_number
    assert dialog.fields.document_name.text() == info.documents[0].name

    # the feeder: SANE's test scanner holds 10 sheets
    choose(dialog.scan_panel.source, "adf")
    choose(dialog.scan_panel.resolution, 75)
    qtbot.mouseClick(dialog.scan_panel.scan_button, LEFT)
    qtbot.waitUntil(lambda: dialog.pages.count() == 10, timeout=20_000)
    assert not dialog.progress.isVisible()

    # a file the printer writes into the scan folder
    (folder / "SCAN_0001.pdf").write_bytes(images_to_pdf([_png(40)]))
    qtbot.waitUntil(lambda: len(dialog.folder.ready_files()) == 1, timeout=10_000)
    dialog.folder.choose(["SCAN_0001.pdf"])
    qtbot.mouseClick(dialog.folder.take_button, LEFT)
    qtbot.waitUntil(lambda: dialog.pages.count() == 11, timeout=10_000)
    assert dialog.folder.ready_files() == []  # not offered twice

    # and a phone photo
    qtbot.mouseClick(dialog.files_panel.file_button, LEFT)
    qtbot.waitUntil(lambda: dialog.pages.count() == 12, timeout=10_000)

    # the official keeps pages 1-2 of the scan, the folder's page and the photo
    for row in range(9, 1, -1):
        dialog.pages.remove_page(row)
    assert dialog.pages.count() == 4
    dialog.pages.move_page(3, 0)  # the photo first
    dialog.pages.rotate_page(1, 90)  # the first scanned page turned
    dialog.fields.summary.setPlainText("Khai sinh của Nguyễn Thị Đoàn")
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "digitise_dialog.png"))

    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        qtbot.mouseClick(dialog.save_button, LEFT)
    paper = saved.args[0]
    assert paper.pages == 4 and paper.component == 1 and paper.origin is Origin.SCAN
    assert paper.data.summary == "Khai sinh của Nguyễn Thị Đoàn"
    stored = papers.file_path(counter.ctx, paper.sha256).read_bytes()
    assert page_count(stored) == 4
    # the photo upright by its EXIF turn, the scanned page turned by the official
    assert rotations(stored)[1] == 90 and rotations(stored)[0] in (90, 270)
    assert [p.uuid for p in papers.list_papers(counter.ctx, info.code)] == [paper.uuid]
    assert dialog.moving is not None
    dialog.moving.join(10)
    assert (folder / "taken" / "SCAN_0001.pdf").exists()
    assert not (folder / "SCAN_0001.pdf").exists()


def _png(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("L", (60, 80), shade).save(out, "PNG")
    return out.getvalue()


def test_missing_data_is_shown_next_to_the_field_and_nothing_is_stored(
    qtbot: QtBot, counter: Runtime, receive_dossier: Receive
) -> None:
    info = receive_dossier()
    dialog = open_dialog(qtbot, counter, info)
    choose(dialog.scan_panel.resolution, 75)
    qtbot.mouseClick(dialog.scan_panel.scan_button, LEFT)  # the flatbed: one page
    qtbot.waitUntil(lambda: dialog.pages.count() == 1, timeout=20_000)
    dialog.fields.document_name.clear()
    dialog.fields.valid_until.setText("31/02/2030")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.fields.errors.label("valid_until").isVisible()
    dialog.fields.valid_until.clear()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.fields.errors.label("document_name").isVisible(), timeout=10_000)
    assert dialog.fields.errors.label("document_name").text()
    assert dialog.isVisible()
    assert papers.list_papers(counter.ctx, info.code) == []
    assert list(counter.ctx.files.stored()) == []


def test_stopping_a_duplex_scan_while_the_stack_is_turned_adds_no_page(
    qtbot: QtBot, counter: Runtime, receive_dossier: Receive
) -> None:
    info = receive_dossier()
    dialog = open_dialog(qtbot, counter, info)
    choose(dialog.scan_panel.source, "adf_duplex")
    choose(dialog.scan_panel.resolution, 75)
    qtbot.mouseClick(dialog.scan_panel.scan_button, LEFT)
    qtbot.waitUntil(lambda: dialog.turn_question is not None, timeout=20_000)
    assert dialog.progress.isVisible() and dialog.cancel_scan_button.isVisible()
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_scan_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=10_000)
    assert dialog.pages.count() == 0
    # a second run, the stack turned over: ten sheets, both sides
    dialog.turn_question = None
    qtbot.mouseClick(dialog.scan_panel.scan_button, LEFT)
    qtbot.waitUntil(lambda: dialog.turn_question is not None, timeout=20_000)
    dialog.turn_question.done(QMessageBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: dialog.pages.count() == 20, timeout=20_000)


def test_a_scanner_that_went_away_is_a_sentence_and_the_files_still_work(
    qtbot: QtBot, counter: Runtime, receive_dossier: Receive, tmp_path: Path
) -> None:
    info = receive_dossier()
    photo = phone_photo(tmp_path / "IMG_2002.jpg")
    dialog = open_dialog(qtbot, counter, info, choose_files=lambda: [str(photo)])
    dialog.scan_panel.device.addItem("Máy quét cũ", "test:7")
    dialog.scan_panel.device.setCurrentIndex(1)
    qtbot.waitUntil(lambda: "test:7" in dialog.scan_panel.scanner_note.text(), timeout=10_000)
    assert "Không mở được máy quét" in dialog.scan_panel.scanner_note.text()
    assert not dialog.scan_panel.scan_button.isEnabled()
    qtbot.mouseClick(dialog.files_panel.file_button, LEFT)
    qtbot.waitUntil(lambda: dialog.pages.count() == 1, timeout=10_000)
    assert dialog.save_button.isEnabled()


def share_with_a_scan(counter: Runtime, tmp_path: Path, name: str, shade: int) -> Path:
    """The desk's scan folder, a share the printer has written one scan into."""
    folder = tmp_path / "share"
    folder.mkdir()
    desk_settings.set_scan_folder(counter.ctx, login(counter, "tiepnhan"), str(folder))
    (folder / name).write_bytes(images_to_pdf([_png(shade)]))
    return folder


def test_a_slow_scan_folder_share_freezes_neither_the_save_nor_the_window(
    qtbot: QtBot,
    counter: Runtime,
    receive_dossier: Receive,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The share answers a move after seconds (a network share at a slow office):
    the copy is saved and the dialog closes at once; the file lands in taken/
    when the share answers."""
    info = receive_dossier()
    folder = share_with_a_scan(counter, tmp_path, "SCAN_0002.pdf", 90)
    share_answers = threading.Event()
    real_take = ScanFolder.take

    def slow_take(self: ScanFolder, file: FolderFile) -> Path:
        share_answers.wait(8)  # the share's latency; the real move follows
        return real_take(self, file)

    monkeypatch.setattr(ScanFolder, "take", slow_take)
    dialog = open_dialog(qtbot, counter, info, settle=0.2)
    qtbot.waitUntil(lambda: len(dialog.folder.ready_files()) == 1, timeout=10_000)
    dialog.folder.choose(["SCAN_0002.pdf"])
    qtbot.mouseClick(dialog.folder.take_button, LEFT)
    qtbot.waitUntil(lambda: dialog.pages.count() == 1, timeout=10_000)

    started = time.monotonic()
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert time.monotonic() - started < 4  # not the share's 8 s
    assert (folder / "SCAN_0002.pdf").exists()  # still on its way
    share_answers.set()
    assert dialog.moving is not None
    dialog.moving.join(10)
    assert (folder / "taken" / "SCAN_0002.pdf").exists()
    assert not (folder / "SCAN_0002.pdf").exists()


def test_a_slow_scan_folder_listing_does_not_freeze_the_window(
    qtbot: QtBot,
    counter: Runtime,
    receive_dossier: Receive,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Listing the share takes seconds: the window goes on answering and the
    printer's file is offered once the listing is back."""
    info = receive_dossier()
    share_with_a_scan(counter, tmp_path, "SCAN_0003.pdf", 120)
    real_look = ScanFolder.look

    def slow_look(self: ScanFolder) -> tuple[list[FolderFile], bool]:
        time.sleep(1.5)  # the share's latency; the real listing follows
        return real_look(self)

    monkeypatch.setattr(ScanFolder, "look", slow_look)
    dialog = open_dialog(qtbot, counter, info, settle=0.2)
    qtbot.waitUntil(lambda: dialog.folder.folder is not None, timeout=10_000)
    started = time.monotonic()
    dialog.folder.look()  # as the folder's watcher does when the printer writes
    assert time.monotonic() - started < 0.5
    qtbot.waitUntil(lambda: len(dialog.folder.ready_files()) == 1, timeout=20_000)
    assert dialog.folder.ready_files()[0].name == "SCAN_0003.pdf"


def test_reading_the_text_fills_the_empty_fields_and_makes_the_copy_searchable(
    qtbot: QtBot, counter: Runtime, receive_dossier: Receive, tmp_path: Path
) -> None:
    # GIVEN a birth certificate's page as a file, and the number field left empty
    page = tmp_path / "khai-sinh.pdf"
    page.write_bytes(scanned_page(tmp_path))
    info = receive_dossier()
    dialog = open_dialog(qtbot, counter, info, choose_files=lambda: [str(page)])
    qtbot.mouseClick(dialog.files_panel.file_button, LEFT)
    qtbot.waitUntil(lambda: dialog.pages.count() == 1, timeout=20_000)
    dialog.fields.holder_id_number.clear()
    # WHEN the official has the text read
    assert dialog.ocr.button.isEnabled()
    qtbot.mouseClick(dialog.ocr.button, LEFT)
    qtbot.waitUntil(lambda: dialog.ocr.button.isEnabled(), timeout=120_000)
    # THEN the number and the dates read off the page fill the empty fields
    assert dialog.fields.holder_id_number.text() == "020190001234"
    assert dialog.fields.id_issued_on.text() == "15/03/2021"
    assert dialog.fields.valid_until.text() == "15/03/2046"
    assert "Hãy kiểm tra lại" in dialog.ocr.label.text()
    # AND the saved copy is the searchable one: its words find the dossier
    dialog.fields.summary.setPlainText("Giấy khai sinh")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    (copy,) = papers.list_papers(counter.ctx, info.code)
    assert [r.code for r in search(counter.ctx, "khuyen 020190001234")] == [info.code]
    stored = papers.file_path(counter.ctx, copy.sha256).read_bytes()
    assert b"GlyphLessFont" in stored or b"/Font" in stored  # the text layer OCR added
