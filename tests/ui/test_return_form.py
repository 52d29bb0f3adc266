"""The return step in the window: who collected the result, how, and the
citizen's own rating from the screen facing them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.returns import Channel, Collector, Satisfaction
from counter_app.domain.workflow import Action, State
from counter_app.services import dossiers
from counter_app.services.auth import Actor
from counter_app.services.dossiers import StepRequest
from counter_app.services.views import DossierInfo
from counter_app.ui.dossier_dialog import DossierDialog
from counter_app.ui.return_form import CitizenScreen
from tests.conftest import login
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


def test_an_authorised_person_collects_and_the_citizen_rates_on_their_screen(
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
    # The citizen's screen (on the second monitor when the desk has one).
    screen = CitizenScreen(code)
    qtbot.addWidget(screen)
    screen.rated.connect(form.set_level)
    screen.show()
    qtbot.mouseClick(screen.buttons[Satisfaction.VERY_SATISFIED], Qt.MouseButton.LeftButton)
    assert not screen.isVisible()
    assert form.level_buttons[Satisfaction.VERY_SATISFIED].isChecked()
    form.criteria["4"].setChecked(True)
    assert step.grab().save(str(tmp_path / "return-step.png"))
    with wait_signal(qtbot, dialog.dossier_changed):
        qtbot.mouseClick(step.ok, Qt.MouseButton.LeftButton)
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.RETURNED
    assert info.steps[-1].data["return"]["collector_name"] == "Hoàng Văn Nam"
    assert info.steps[-1].data["return"]["rating"] == "very_satisfied"
    assert info.steps[-1].data["return"]["criteria"] == {"4": "very_satisfied"}
    # The history says who collected the result and how the citizen rated it.
    note = dialog.steps.item(dialog.steps.rowCount() - 1, 4).text()
    assert "Người nhận: Hoàng Văn Nam (020085000123)" in note
    assert "Đánh giá: Rất hài lòng" in note


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
    form.set_level(Satisfaction.SATISFIED)
    form.channel.setCurrentIndex(form.channel.findData(Channel.POST))
    assert not form.rating_box.isEnabled() and form.level_buttons[None].isChecked()
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
