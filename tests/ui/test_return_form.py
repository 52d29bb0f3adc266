"""The return step in the window: who collected the result, how, and the
citizen's own answers (Decree 118/2025 Art. 33(1)) from the screen facing them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.papers import PaperRole
from counter_app.domain.returns import Channel, Collector
from counter_app.domain.workflow import Action, State
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.services import dossiers, papers
from counter_app.services.auth import Actor
from counter_app.services.dossiers import StepRequest
from counter_app.services.returns import current_evaluation
from counter_app.services.views import DossierInfo
from counter_app.ui.dossier_dialog import DossierDialog
from counter_app.ui.return_form import CitizenScreen
from tests.conftest import login
from tests.services.test_papers import scan_page
from tests.ui.conftest import wait_signal

Receive = Callable[..., DossierInfo]


def _ready_dialog(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> tuple[str, DossierDialog]:
    code = receive_dossier().code
    for user, action in [
        ("thamdinh", Action.START_APPRAISAL),
        ("thamdinh", Action.APPRAISE),
        ("phochutich", Action.APPROVE),
        ("tiepnhan", Action.PREPARE_RESULT),
    ]:
        dossiers.take_step(counter.ctx, login(counter, user), code, StepRequest(action))
    dialog = DossierDialog(counter.ctx, official("tiepnhan"), code)
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    return code, dialog


def test_article_33_1_an_authorised_person_collects_and_the_citizen_answers_on_their_screen(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
    tmp_path: Path,
) -> None:
    code, dialog = _ready_dialog(qtbot, counter, official, receive_dossier, hold)
    qtbot.mouseClick(dialog.action_buttons[Action.RETURN_RESULT], Qt.MouseButton.LeftButton)
    step = dialog.step_dialog
    assert step is not None and step.return_form is not None
    form = step.return_form
    assert not form.collector_name.isEnabled()
    form.collector.setCurrentIndex(form.collector.findData(Collector.AUTHORISED))
    assert form.collector_name.isEnabled()
    form.collector_name.setText("Hoàng Văn Nam")
    qtbot.keyClicks(form.collector_id, "020085000123")
    # The questions are the list's, in Vietnamese, each "not answered" first.
    assert set(form.answers) == {"4", "d", "7", "e", "g", "h"}
    assert form.answers["4"].currentData() is None
    assert form.answers["4"].itemText(1) == "2: Không phải liên hệ cơ quan nào"
    # The citizen's screen (on the second monitor when the desk has one).
    screen = CitizenScreen(code, current_evaluation())
    qtbot.addWidget(screen)
    screen.rated.connect(form.set_answers)
    screen.show()
    assert screen.grab().save(str(tmp_path / "citizen-screen.png"))
    qtbot.mouseClick(screen.buttons[("4", 2)], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.buttons[("7", 1)], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.buttons[("7", 0)], Qt.MouseButton.LeftButton)  # changed their mind
    qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    assert not screen.isVisible()
    assert form.answers["4"].currentData() == 2 and form.answers["7"].currentData() == 0
    form.answers["e"].setCurrentIndex(form.answers["e"].findData(1))
    form.comment.setText("Cần thêm ghế chờ")
    assert step.grab().save(str(tmp_path / "return-step.png"))
    with wait_signal(qtbot, dialog.dossier_changed):
        qtbot.mouseClick(step.ok, Qt.MouseButton.LeftButton)
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.RETURNED
    assert info.steps[-1].data["return"]["collector_name"] == "Hoàng Văn Nam"
    evaluation = info.steps[-1].data["evaluation"]
    assert evaluation["citizen"] == {"4": 2, "d": None, "7": 0, "e": 1, "g": None, "h": None}
    assert evaluation["comment"] == "Cần thêm ghế chờ"
    assert set(evaluation["system"]) == {"1", "3"}
    # The history says who collected the result.
    note = dialog.steps.item(dialog.steps.rowCount() - 1, 4).text()
    assert "Người nhận: Hoàng Văn Nam (020085000123)" in note


def test_by_post_needs_the_tracking_number_and_takes_no_rating(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> None:
    code, dialog = _ready_dialog(qtbot, counter, official, receive_dossier, hold)
    step = dialog.start_step(Action.RETURN_RESULT)
    form = step.return_form
    assert form is not None
    form.set_answers({"4": 2})
    form.channel.setCurrentIndex(form.channel.findData(Channel.POST))
    assert not form.rating_box.isEnabled() and form.answers["4"].currentData() is None
    qtbot.mouseClick(step.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(step.findChildren(QMessageBox)), timeout=10_000)
    box = step.findChildren(QMessageBox)[0]
    assert "mã bưu gửi" in box.text()
    box.accept()
    assert dossiers.get_dossier(counter.ctx, code).state is State.RESULT_READY
    qtbot.keyClicks(form.tracking, "EF123456789VN")
    with wait_signal(qtbot, dialog.dossier_changed):
        qtbot.mouseClick(step.ok, Qt.MouseButton.LeftButton)
    record = dossiers.get_dossier(counter.ctx, code).steps[-1].data["return"]
    assert record["channel"] == "post" and record["tracking_number"] == "EF123456789VN"


def test_article_22_the_result_is_returned_with_its_electronic_copy(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
    tmp_path: Path,
) -> None:
    code, dialog = _ready_dialog(qtbot, counter, official, receive_dossier, hold)
    step = dialog.start_step(Action.RETURN_RESULT)
    row = step.result_copy
    assert row is not None and row.result_copy() is None  # paper only unless a file is chosen
    # WHEN the official picks a file that is no PDF: told so, nothing taken
    bogus = tmp_path / "ket-qua.pdf"
    bogus.write_bytes(b"not a pdf")
    row.load(bogus)
    # (read on the worker, like the signatures' check: told once it is read)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=10_000
    )
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and "ket-qua.pdf" in box.text()
    box.accept()
    assert row.result_copy() is None
    # WHEN the authority's signed PDF is chosen, with its result type
    issued = tmp_path / "xac-nhan-tthn.pdf"
    issued.write_bytes(images_to_pdf([scan_page(240), scan_page(235)]))
    row.load(issued)
    # Read and its signatures checked off the UI thread: an unsigned file is taken, with a warning
    qtbot.waitUntil(lambda: row.checking is None, timeout=10_000)
    assert row.file_label.text() == "xac-nhan-tthn.pdf, 2 trang"
    assert row.signatures.text().startswith("Tệp không có chữ ký số")
    row.kind.setCurrentIndex(row.kind.findData("KQ.XNTTHN"))
    assert step.grab().save(str(tmp_path / "return-with-copy.png"))
    with wait_signal(qtbot, dialog.dossier_changed):
        qtbot.mouseClick(step.ok, Qt.MouseButton.LeftButton)
    # THEN the dossier is returned and its result kept, coded by Art. 22(4)
    assert dossiers.get_dossier(counter.ctx, code).state is State.RETURNED
    (copy,) = papers.list_papers(counter.ctx, code)
    number = dossiers.get_dossier(counter.ctx, code).row.applicant_id_number
    assert copy.role is PaperRole.RESULT and copy.document_code == f"{number}.KQ.XNTTHN"
    assert copy.pages == 2 and copy.data.document_name == "Giấy xác nhận tình trạng hôn nhân"
