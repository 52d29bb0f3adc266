"""Receiving a dossier through the dialog, the way an official does it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.fees import format_vnd
from counter_app.domain.messages import Message
from counter_app.domain.text import fold
from counter_app.domain.workflow import State
from counter_app.i18n import render
from counter_app.services import dossiers, search
from counter_app.services.search import WorkList
from counter_app.services.views import DossierInfo
from counter_app.ui.main_window import MainWindow
from counter_app.ui.receive_dialog import DOC_ROLE, ReceiveDialog
from tests.conftest import PROVINCE_FEE, Clock
from tests.printing.conftest import text_of
from tests.ui.conftest import Chooser, gone, print_jobs, wait_preview, wait_signal

CERTIFIED_COPY = "2.000815"  # per page, same day, "4 tại chỗ"
MARITAL_STATUS = "1.004873"  # flat fee, 3 working days
CONTRACT_CERTIFICATION = "2.001035"  # has an optional power of attorney


def fill_applicant(qtbot: QtBot, dialog: ReceiveDialog, id_number: str = "020090001234") -> None:
    # Vietnamese letters arrive from an IME, not as key clicks; digits are typed.
    dialog.full_name.setText("Lương Văn Bình")
    qtbot.keyClicks(dialog.id_number, id_number)
    qtbot.keyClicks(dialog.phone, "0987 654 321")
    dialog.address.setText("Thôn Nà Cạn, xã Hoàng Văn Thụ")
    # A fee the province sets is typed from its table (the dialog shows the box then).
    if dialog.fee_entry.amount.isVisibleTo(dialog):
        dialog.fee_entry.amount.setValue(PROVINCE_FEE)


def question_box(parent: QWidget) -> QMessageBox:
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1, boxes
    return boxes[0]


def test_receive_through_the_dialog_stores_and_prints(
    qtbot: QtBot, counter: Runtime, make_window: Callable[[str], MainWindow], printed: object
) -> None:
    # GIVEN the receiving officer's window and the reception dialog (F2)
    window = make_window("tiepnhan")
    dialog = window.new_dossier()
    assert dialog is not None
    # WHEN the official picks the procedure, types the applicant and ticks the documents
    assert dialog.procedure.select_code(MARITAL_STATUS)
    fill_applicant(qtbot, dialog)
    qtbot.mouseClick(dialog.tick_all, Qt.MouseButton.LeftButton)
    assert dialog.missing() == []
    handed_in = len(dialog.handed_in())
    with wait_signal(qtbot, dialog.dossier_received) as received:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    code = received.args[0]
    # THEN the dossier exists with what was typed, and its receipt was sent to print
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.row.applicant_name == "Lương Văn Bình"
    assert info.row.applicant_id_number == "020090001234"
    assert info.row.applicant_phone == "0987654321"
    assert info.state is State.RECEIVED
    assert len(info.documents) == handed_in
    assert printed.jobs == [("receipt", code)]  # type: ignore[attr-defined]
    assert gone(dialog)
    # AND the home screen shows it in today's list
    qtbot.waitUntil(lambda: code in window.models[WorkList.RECEIVED_TODAY].codes())
    assert [r.code for r in search.search(counter.ctx, "luong van binh")] == [code]


def test_invalid_cccd_shows_the_field_message_and_saves_nothing(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], object], hold: list[object]
) -> None:
    dialog = ReceiveDialog(counter.ctx, official("tiepnhan"))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    dialog.procedure.select_code(MARITAL_STATUS)
    fill_applicant(qtbot, dialog, id_number="12345")
    dialog.tick_all.click()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    error = dialog.errors.label("id_number")
    expected = Message(
        "Validation",
        "Citizen ID (CCCD) must have exactly 12 digits; {count} were entered.",
        {"count": 5},
    )
    assert error.isVisible()
    assert error.text() == render(expected)
    assert dialog.focusWidget() is dialog.id_number
    assert dialog.isVisible() and dialog.received is None
    assert search.search(counter.ctx, "Lương Văn Bình") == []
    assert search.count_received(counter.ctx, counter.ctx.now().date()) == 0
    # WHEN the official corrects the number, THEN the message goes and the dossier is stored
    dialog.id_number.setText("020090001234")
    assert not error.isVisible()
    with wait_signal(qtbot, dialog.dossier_received):
        dialog.ok_button.click()
    assert not error.isVisible()
    assert search.count_received(counter.ctx, counter.ctx.now().date()) == 1


def test_no_procedure_chosen_is_refused_next_to_the_field(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], object], hold: list[object]
) -> None:
    dialog = ReceiveDialog(counter.ctx, official("tiepnhan"))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    hold.append(dialog)
    fill_applicant(qtbot, dialog)
    dialog.ok_button.click()
    assert dialog.errors.label("procedure").text()
    assert search.count_received(counter.ctx, counter.ctx.now().date()) == 0


def test_fee_follows_pages_and_copies_live(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], object], hold: list[object]
) -> None:
    dialog = ReceiveDialog(counter.ctx, official("tiepnhan"))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.procedure.select_code(CERTIFIED_COPY)
    assert dialog.fee_label.text().endswith(format_vnd(2000))
    dialog.pages.setValue(3)
    dialog.copies.setValue(2)
    # 2 pages × 2.000 đ + 1 page × 1.000 đ, for each of 2 copies (Circular 226/2016).
    assert dialog.fee_label.text().endswith("10.000 đ")
    dialog.procedure.select_code(MARITAL_STATUS)
    assert dialog.pages.isHidden() and dialog.copies.isHidden()


@pytest.fixture
def shown_dialog(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], object], hold: list[object]
) -> ReceiveDialog:
    """The reception dialog of the receiving official, on screen."""
    dialog = ReceiveDialog(counter.ctx, official("tiepnhan"))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    return dialog


def test_a_fee_the_province_sets_is_typed_before_receiving(
    qtbot: QtBot, counter: Runtime, shown_dialog: ReceiveDialog
) -> None:
    # GIVEN a procedure whose fee the province sets (the catalogue holds no figure)
    dialog = shown_dialog
    dialog.procedure.select_code(MARITAL_STATUS)
    assert dialog.fee_entry.amount.isVisible() and not dialog.fee_entry.signatures.isVisible()
    fill_applicant(qtbot, dialog)
    qtbot.mouseClick(dialog.tick_all, Qt.MouseButton.LeftButton)
    # WHEN the amount is left empty, THEN receiving is refused next to it and stores nothing
    dialog.fee_entry.amount.setValue(-1)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.label("fee_amount").isVisible())
    assert dialog.received is None
    assert search.count_received(counter.ctx, counter.ctx.now().date()) == 0
    # WHEN typed from the province's table, THEN the dossier keeps that fee
    dialog.fee_entry.amount.setValue(PROVINCE_FEE)
    assert dialog.fee_label.text().endswith(format_vnd(PROVINCE_FEE))
    with wait_signal(qtbot, dialog.dossier_received) as received:
        dialog.ok_button.click()
    assert dossiers.get_dossier(counter.ctx, received.args[0]).fee == PROVINCE_FEE


def test_procedure_search_ignores_accents_and_case(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], object], hold: list[object]
) -> None:
    dialog = ReceiveDialog(counter.ctx, official("tiepnhan"))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    hold.append(dialog)
    completer = dialog.procedure.completer()
    for typed in ("XAC NHAN TINH TRANG HON NHAN", "xác nhận tình trạng", "1.004873"):
        completer.setCompletionPrefix(typed)
        assert completer.completionCount() == 1, typed
        assert MARITAL_STATUS in completer.currentCompletion()
    assert fold("Đăng ký") == "dang ky"
    completer.setCompletionPrefix("dang ky")
    assert completer.completionCount() > 3


def receive_incomplete(qtbot: QtBot, dialog: ReceiveDialog) -> tuple[str, list[str]]:
    """Receive with the first required document missing, confirming the supplement."""
    dialog.procedure.select_code(MARITAL_STATUS)
    fill_applicant(qtbot, dialog)
    dialog.tick_all.click()
    dialog.documents.item(0).setCheckState(Qt.CheckState.Unchecked)
    missing = [d.name for d in dialog.missing()]
    assert missing and dialog.ok_button.text() != dialog.tr("Receive")
    dialog.ok_button.click()
    assert dialog.supplement_reason.isVisibleTo(dialog)
    dialog.supplement_reason.setText("Thiếu tờ khai theo mẫu.")
    box = question_box(dialog)
    with wait_signal(qtbot, dialog.received_incomplete) as received:
        box.button(QMessageBox.StandardButton.Yes).click()
    return str(received.args[0]), missing


def test_missing_mandatory_document_receives_then_requests_supplement_with_form_02(
    qtbot: QtBot,
    counter: Runtime,
    make_window: Callable[[str], MainWindow],
    printed: object,
    chooser: Chooser,
) -> None:
    window = make_window("tiepnhan")
    dialog = window.new_dossier()
    assert dialog is not None
    # GIVEN the first required document is not handed in, and the official confirms
    code, missing = receive_incomplete(qtbot, dialog)
    # THEN the dossier is received at once, with no receipt promising a date
    # (Decree 118/2025 Art. 17(1)(c): the receipt comes once it is complete)
    assert printed.jobs == []  # type: ignore[attr-defined]
    assert dossiers.get_dossier(counter.ctx, code).state is State.RECEIVED
    # AND form 02 is previewed before the request is recorded
    preview = wait_preview(qtbot, dialog.supplement_print)
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()
    assert code in dialog.received_label.text()
    # WHEN it is saved
    with wait_signal(qtbot, dialog.supplement_requested, timeout=10_000):
        preview.save_button.click()
    # THEN the dossier waits for exactly the missing documents, and the form exists
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.SUPPLEMENT_REQUESTED
    assert info.supplement_items == missing
    form_02 = chooser.folder / f"{code}-yeu-cau-bo-sung.pdf"
    text = " ".join(text_of(form_02.read_bytes()))
    assert "Lý do: Thiếu tờ khai theo mẫu." in text and missing[0] in text
    assert print_jobs(counter) == [("supplement", "done")]
    assert printed.jobs == []  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: gone(dialog))
    qtbot.waitUntil(lambda: code in window.models[WorkList.WAITING_SUPPLEMENT].codes())


def test_supplement_preview_cancelled_keeps_the_received_dossier(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], object],
    chooser: Chooser,
    hold: list[object],
) -> None:
    dialog = ReceiveDialog(counter.ctx, official("tiepnhan"), choose_sink=chooser)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    code, missing = receive_incomplete(qtbot, dialog)
    # WHEN the official cancels the preview of form 02
    preview = wait_preview(qtbot, dialog.supplement_print)
    preview.close_button.click()
    # THEN the dossier stays received (that commit stands) without a supplement request
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.RECEIVED and info.supplement_items == []
    assert print_jobs(counter) == []
    assert dialog.isVisible() and code in dialog.received_label.text()
    assert not dialog.full_name.isEnabled()
    assert search.count_received(counter.ctx, counter.ctx.now().date()) == 1
    # WHEN the official asks again and saves, THEN no second dossier, the request is recorded
    dialog.ok_button.click()
    preview = wait_preview(qtbot, dialog.supplement_print)
    with wait_signal(qtbot, dialog.supplement_requested, timeout=10_000):
        preview.save_button.click()
    assert search.count_received(counter.ctx, counter.ctx.now().date()) == 1
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.SUPPLEMENT_REQUESTED and info.supplement_items == missing


def test_pending_duplicate_asks_before_receiving_again(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], object],
    receive_dossier: Callable[..., DossierInfo],
    hold: list[object],
) -> None:
    from counter_app.domain.validation import ApplicantInput

    earlier = receive_dossier(
        MARITAL_STATUS, ApplicantInput(full_name="Lương Văn Bình", id_number="020090001234")
    )
    dialog = ReceiveDialog(counter.ctx, official("tiepnhan"))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    dialog.procedure.select_code(MARITAL_STATUS)
    fill_applicant(qtbot, dialog)
    dialog.tick_all.click()
    dialog.ok_button.click()
    box = question_box(dialog)
    assert earlier.code in box.text()
    # WHEN the official answers No, nothing is stored and the form stays open
    box.button(QMessageBox.StandardButton.No).click()
    assert search.count_received(counter.ctx, counter.ctx.now().date()) == 1
    assert dialog.isVisible()
    # WHEN asked again and answered Yes, a second dossier is received
    dialog.ok_button.click()
    with wait_signal(qtbot, dialog.dossier_received):
        question_box(dialog).button(QMessageBox.StandardButton.Yes).click()
    assert search.count_received(counter.ctx, counter.ctx.now().date()) == 2


def test_escape_on_a_filled_form_asks_before_throwing_it_away(
    qtbot: QtBot, shown_dialog: ReceiveDialog
) -> None:
    dialog = shown_dialog
    dialog.procedure.select_code(MARITAL_STATUS)
    fill_applicant(qtbot, dialog)
    # WHEN Escape is pressed on the filled form, THEN it asks, and No is the default
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = question_box(dialog)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.isVisible() and dialog.full_name.text() == "Lương Văn Bình"
    # AND answering Yes closes it
    dialog.cancel_button.click()
    question_box(dialog).button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_an_empty_form_closes_without_a_question(qtbot: QtBot, shown_dialog: ReceiveDialog) -> None:
    dialog = shown_dialog
    dialog.procedure.select_code(MARITAL_STATUS)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]


def test_all_required_ticks_the_required_documents_only(
    qtbot: QtBot, shown_dialog: ReceiveDialog
) -> None:
    dialog = shown_dialog
    assert dialog.procedure.select_code(CONTRACT_CERTIFICATION)
    qtbot.mouseClick(dialog.tick_all, Qt.MouseButton.LeftButton)
    ticked = {d.name: d.mandatory for d in dialog.handed_in()}
    listed = [dialog.documents.item(i).data(DOC_ROLE) for i in range(dialog.documents.count())]
    assert ticked and all(ticked.values())
    assert dialog.missing() == []
    # The power of attorney is listed "(if any)" and stays unticked.
    assert any("ủy quyền" in d.name and not d.mandatory for d in listed)
    assert not any("ủy quyền" in name for name in ticked)


@pytest.mark.parametrize("asked", [False, True])
def test_article_17_4_a_result_given_on_the_spot_prints_a_receipt_only_when_asked(
    qtbot: QtBot,
    counter: Runtime,
    make_window: Callable[[str], MainWindow],
    printed: object,
    asked: bool,
) -> None:
    # GIVEN a certified copy, a procedure whose result is given on the spot
    window = make_window("tiepnhan")
    dialog = window.new_dossier()
    assert dialog is not None
    assert dialog.procedure.select_code(CERTIFIED_COPY)
    fill_applicant(qtbot, dialog)
    qtbot.mouseClick(dialog.tick_all, Qt.MouseButton.LeftButton)
    # THEN the form offers the citizen's request for a receipt, unticked
    assert dialog.receipt_requested.isVisibleTo(dialog)
    assert not dialog.receipt_requested.isChecked()
    dialog.receipt_requested.setChecked(asked)
    with wait_signal(qtbot, dialog.dossier_received) as received:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    code = received.args[0]
    # AND the dossier, its code and its ledger line are recorded either way
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.RECEIVED and info.ledger_entry > 0
    if asked:
        assert printed.jobs == [("receipt", code)]  # type: ignore[attr-defined]
    else:
        # AND without the request no receipt: the dossier opens to be resolved now
        assert printed.jobs == []  # type: ignore[attr-defined]
        assert window.dossier_dialog is not None and window.dossier_dialog.code == code


def test_a_procedure_not_resolved_on_the_spot_always_prints_its_receipt(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    dialog = window.new_dossier()
    assert dialog is not None
    assert dialog.procedure.select_code(MARITAL_STATUS)
    assert not dialog.receipt_requested.isVisibleTo(dialog)
    assert dialog.wants_receipt()


def test_before_decree_118_every_dossier_got_its_receipt(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], clock: Clock
) -> None:
    # Decree 61/2018 (to 30/6/2025) had no exception for results given on the spot.
    clock.now = datetime(2025, 6, 16, 9, 0)
    window = make_window("tiepnhan")
    dialog = window.new_dossier()
    assert dialog is not None
    assert dialog.procedure.select_code(CERTIFIED_COPY)
    assert not dialog.receipt_requested.isVisibleTo(dialog)
    assert dialog.wants_receipt()


def test_a_corrected_cccd_refills_what_the_mistyped_one_filled(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    dialog = window.new_dossier()
    assert dialog is not None

    def typed(number: str) -> tuple[object, str]:
        dialog.id_number.setText(number)
        dialog.id_number.editingFinished.emit()
        return dialog.sex.currentData(), dialog.birth_year.text()

    # A mistyped century digit would mean born in 2190: the year is left empty
    assert typed("020490001234") == ("male", "—")
    # Corrected, the number fills the year (and the sex) it holds
    assert typed("020090001234") == ("male", "1990")
    assert typed("020185000123") == ("female", "1985")
    # What the official set by hand stays when the number changes again
    dialog.birth_year.setValue(1986)
    assert typed("020090001234") == ("male", "1986")
