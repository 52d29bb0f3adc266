"""A step whose paper goes to the citizen (forms 02, 03, 04) is previewed first
and saved only once its form was printed or saved: never before, never without."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.messages import Message
from counter_app.domain.workflow import Action, State
from counter_app.i18n import render
from counter_app.paper import FormKind
from counter_app.services import dossiers
from counter_app.services.auth import Actor
from counter_app.services.dossiers import StepRequest
from counter_app.services.print_jobs import Sink, file_sink
from counter_app.services.views import DossierInfo
from counter_app.ui.dossier_dialog import DossierDialog
from counter_app.ui.form_print import (
    FILE_WORDS,
    ChooseSink,
    Output,
    PrintPreviewDialog,
    render_to_printer,
)
from counter_app.ui.step_dialog import StepDialog
from tests.conftest import login
from tests.ui.conftest import Chooser, gone, print_jobs, wait_preview, wait_signal

Receive = Callable[[], DossierInfo]
MISSING = ["Bản sao Giấy khai sinh", "Giấy xác nhận cư trú"]


def open_dialog(
    qtbot: QtBot,
    counter: Runtime,
    user: Actor,
    code: str,
    choose: ChooseSink,
    hold: list[object],
) -> DossierDialog:
    dialog = DossierDialog(counter.ctx, user, code, choose_sink=choose)
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    return dialog


def request_supplement(dialog: DossierDialog) -> StepDialog:
    step = dialog.start_step(Action.REQUEST_SUPPLEMENT)
    assert step.items is not None
    step.items.setPlainText("\n".join(MISSING))
    step.ok.click()
    return step


class Changes:
    def __init__(self, dialog: DossierDialog) -> None:
        self.codes: list[str] = []
        dialog.dossier_changed.connect(self.codes.append)


@dataclass
class Previewing:
    """A received dossier whose supplement request (form 02) is being previewed."""

    code: str
    dialog: DossierDialog
    changes: Changes
    step: StepDialog
    preview: PrintPreviewDialog


@pytest.fixture
def previewing(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    chooser: Chooser,
    hold: list[object],
) -> Previewing:
    code = receive_dossier().code
    dialog = open_dialog(qtbot, counter, official("tiepnhan"), code, chooser, hold)
    changes = Changes(dialog)
    step = request_supplement(dialog)
    return Previewing(code, dialog, changes, step, wait_preview(qtbot, dialog.step_print))


def test_supplement_request_is_saved_only_once_form_02_is_saved(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    tmp_path: Path,
    hold: list[object],
) -> None:
    code = receive_dossier().code
    target = tmp_path / "02.pdf"
    seen_while_saving: list[State] = []

    def choose(parent: QWidget, output: Output, file_name: str) -> Sink | None:
        assert output is Output.PDF_FILE and file_name == f"{code}-yeu-cau-bo-sung.pdf"

        def sink(pdf: bytes) -> str:
            # What every other screen sees while the paper is being written.
            seen_while_saving.append(dossiers.get_dossier(counter.ctx, code).state)
            return file_sink(target)(pdf)

        return sink

    dialog = open_dialog(qtbot, counter, official("tiepnhan"), code, choose, hold)
    changes = Changes(dialog)
    # GIVEN the official lists the documents to supplement and confirms
    step = request_supplement(dialog)
    # THEN form 02 is previewed with the pending step named, and nothing is saved yet
    preview = wait_preview(qtbot, dialog.step_print)
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.pending.isVisible() and preview.pending.text()
    assert step.busy and not step.ok.isEnabled()
    assert dossiers.get_dossier(counter.ctx, code).state is State.RECEIVED
    assert print_jobs(counter) == [] and changes.codes == []
    # WHEN the official saves it as PDF
    with wait_signal(qtbot, dialog.dossier_changed, timeout=10_000):
        preview.save_button.click()
    # THEN the PDF exists, and the request was recorded only after it was written
    assert target.read_bytes().startswith(b"%PDF")
    assert seen_while_saving == [State.RECEIVED]
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.SUPPLEMENT_REQUESTED
    assert info.supplement_items == MISSING
    assert print_jobs(counter) == [("supplement", "done")]
    assert changes.codes == [code]
    # AND the dossier window shows it; the preview and the step form are gone
    assert dialog.supplement_box.isVisibleTo(dialog)
    assert dialog.state_badge.text() != ""
    qtbot.waitUntil(lambda: gone(step, preview))


def test_a_failed_save_changes_nothing_and_can_be_tried_again(
    qtbot: QtBot, counter: Runtime, previewing: Previewing, chooser: Chooser, tmp_path: Path
) -> None:
    code, dialog, changes = previewing.code, previewing.dialog, previewing.changes
    step, preview = previewing.step, previewing.preview
    # GIVEN a folder that does not exist
    chooser.path = tmp_path / "no-such-folder" / "02.pdf"
    try:
        chooser.path.write_bytes(b"")
    except OSError as exc:
        detail = str(exc)
    # WHEN the official saves there
    preview.save_button.click()
    qtbot.waitUntil(lambda: bool(preview.findChildren(QMessageBox)), timeout=10_000)
    # THEN the message says printing failed and nothing changed, in the official's language
    box = next(b for b in preview.findChildren(QMessageBox) if b.isVisible())
    expected = Message(
        "Printing",
        "Printing failed ({detail}); check the printer and paper, then print again. "
        "Nothing was changed.",
        {"detail": detail},
    )
    assert box.text() == render(expected)
    assert str(chooser.path) in box.text()
    # AND the dossier is as it was, the failure is on record, the preview stays open
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.RECEIVED and len(info.steps) == 1
    assert info.supplement_items == []
    assert print_jobs(counter) == [("supplement", "failed")]
    assert changes.codes == []
    assert preview.isVisible() and preview.save_button.isEnabled()
    box.button(QMessageBox.StandardButton.Ok).click()
    # WHEN saved again to a folder that exists, THEN the request goes through
    chooser.path = tmp_path / "02.pdf"
    with wait_signal(qtbot, dialog.dossier_changed, timeout=10_000):
        preview.save_button.click()
    assert chooser.path.exists()
    assert dossiers.get_dossier(counter.ctx, code).state is State.SUPPLEMENT_REQUESTED
    assert print_jobs(counter) == [("supplement", "failed"), ("supplement", "done")]
    qtbot.waitUntil(lambda: gone(step))


def test_cancelling_the_preview_takes_no_step(
    qtbot: QtBot, counter: Runtime, previewing: Previewing, chooser: Chooser
) -> None:
    code, changes = previewing.code, previewing.changes
    step, preview = previewing.step, previewing.preview
    # GIVEN the official closes the save dialog without choosing a file
    chooser.cancel = True
    preview.save_button.click()
    assert chooser.asked == [(Output.PDF_FILE, f"{code}-yeu-cau-bo-sung.pdf")]
    assert preview.isVisible()
    # WHEN the preview is cancelled
    preview.close_button.click()
    # THEN nothing is saved or printed, and the step form is back, as it was typed
    qtbot.waitUntil(lambda: not preview.isVisible())
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.RECEIVED and len(info.steps) == 1
    assert print_jobs(counter) == [] and changes.codes == []
    assert list(chooser.folder.iterdir()) == []
    assert step.isVisible() and step.ok.isEnabled() and not step.busy
    assert step.items is not None and step.items.toPlainText() == "\n".join(MISSING)
    step.cancel.click()
    assert not step.isVisible()
    assert dossiers.get_dossier(counter.ctx, code).state is State.RECEIVED


def test_refusal_is_printed_on_the_printer_before_it_is_saved(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    tmp_path: Path,
    hold: list[object],
) -> None:
    code = receive_dossier().code
    for action in (Action.START_APPRAISAL, Action.APPRAISE):
        dossiers.take_step(counter.ctx, login(counter.ctx, "thamdinh"), code, StepRequest(action))
    printed = tmp_path / "printer-output.pdf"

    def choose(parent: QWidget, output: Output, file_name: str) -> Sink | None:
        assert output is Output.PRINTER
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return lambda pdf: render_to_printer(pdf, printer)

    dialog = open_dialog(qtbot, counter, official("phochutich"), code, choose, hold)
    step = dialog.start_step(Action.REFUSE)
    step.note.setPlainText("Không đủ điều kiện theo quy định")
    step.ok.click()
    preview = wait_preview(qtbot, dialog.step_print)
    assert dossiers.get_dossier(counter.ctx, code).state is State.APPRAISED
    with wait_signal(qtbot, dialog.dossier_changed, timeout=20_000):
        preview.print_button.click()
    out = QPdfDocument()
    out.load(str(printed))
    assert out.pageCount() >= 1
    assert dossiers.get_dossier(counter.ctx, code).state is State.REFUSED
    assert print_jobs(counter) == [("refusal", "done")]


def test_every_form_is_saved_under_a_vietnamese_name() -> None:
    # Issue 20: the default file names ended in English ("-receipt.pdf").
    assert set(FILE_WORDS) == set(FormKind)
    assert FILE_WORDS[FormKind.RECEIPT] == "giay-tiep-nhan"
    assert all(word.isascii() and " " not in word for word in FILE_WORDS.values())
