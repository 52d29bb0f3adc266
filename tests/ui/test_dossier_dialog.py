"""The dossier view: the steps offered follow the official's roles; steps and
"4 tại chỗ" taken through it change the dossier; refusals change nothing."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.workflow import Action, State
from counter_app.models import Dossier
from counter_app.paper import FormKind
from counter_app.services import dossiers
from counter_app.services.auth import Actor
from counter_app.services.dossiers import StepRequest
from counter_app.services.views import DossierInfo
from counter_app.sync.local_apply import apply_change
from counter_app.sync.outbox import APPLYING_FEED
from counter_app.ui.dossier_dialog import DossierDialog
from counter_app.ui.form_print import preview_form
from counter_app.wire.feed import Change
from tests.ui.conftest import Chooser, gone, print_jobs, wait_preview, wait_signal

CERTIFIED_COPY = "2.000815"  # on the "4 tại chỗ" list
PASSWORD = "mat-khau-123"
Receive = Callable[..., DossierInfo]


def open_dialog(
    qtbot: QtBot,
    counter: Runtime,
    user: Actor,
    code: str,
    hold: list[object],
    chooser: Chooser | None = None,
) -> DossierDialog:
    if chooser is None:
        dialog = DossierDialog(counter.ctx, user, code)
    else:
        dialog = DossierDialog(counter.ctx, user, code, choose_sink=chooser)
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    return dialog


def visible_box(parent: object) -> QMessageBox:
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]  # type: ignore[attr-defined]
    assert len(boxes) == 1
    return boxes[0]


def test_buttons_follow_the_roles(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> None:
    code = receive_dossier().code
    expected = {
        # The extension is open before the deadline (Decree 118, Article 19(6)).
        "tiepnhan": {
            Action.REQUEST_SUPPLEMENT,
            Action.TRANSFER,
            Action.WITHDRAW,
            Action.APOLOGISE,
        },
        "thamdinh": {Action.START_APPRAISAL, Action.REQUEST_SUPPLEMENT, Action.TRANSFER},
        "phochutich": set(),
        "quantri": {Action.APOLOGISE},
    }
    for username, actions in expected.items():
        dialog = open_dialog(qtbot, counter, official(username), code, hold)
        assert set(dialog.action_buttons) == actions, username
        shown = {a for a, b in dialog._all_buttons.items() if b.isVisible()}
        assert shown == actions, username
        assert dialog.no_action.isVisible() == (not actions)
        dialog.close()


def test_the_extension_is_offered_until_given_once_and_saved_with_form_04(
    qtbot: QtBot,
    counter: Runtime,
    clock: object,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    chooser: Chooser,
    hold: list[object],
) -> None:
    info = receive_dossier()
    code, due = info.code, info.row.appointment_at
    dialog = open_dialog(qtbot, counter, official("quantri"), code, hold, chooser)
    assert set(dialog.action_buttons) == {Action.APOLOGISE}
    clock.now = datetime(2026, 12, 2, 9, 0)  # type: ignore[attr-defined]
    dialog.reload()
    assert set(dialog.action_buttons) == {Action.APOLOGISE}
    # WHEN the administrator apologises with a new appointment and a reason
    step = dialog.start_step(Action.APOLOGISE)
    assert step.new_appointment is not None
    assert step.new_appointment.dateTime().toPython() > clock.now  # type: ignore[attr-defined]
    step.new_appointment.setDateTime(datetime(2026, 12, 4, 9, 0))
    step.note.setPlainText("Chờ xác minh thông tin hộ tịch")
    step.ok.click()
    # THEN form 04 is previewed and the old appointment still stands
    preview = wait_preview(qtbot, dialog.step_print)
    assert preview.document.pageCount() >= 1
    unchanged = dossiers.get_dossier(counter.ctx, code)
    assert unchanged.row.appointment_at == due and unchanged.apology_count == 0
    # WHEN the letter is saved as PDF, THEN the new appointment is saved with it
    with wait_signal(qtbot, dialog.dossier_changed, timeout=10_000):
        preview.save_button.click()
    saved = chooser.folder / f"{code}-xin-loi-hen-lai.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.row.appointment_at == datetime(2026, 12, 4, 9, 0)
    assert info.apology_count == 1
    assert print_jobs(counter) == [("apology", "done")]
    assert Action.APOLOGISE not in dialog.action_buttons
    # AND asked after the deadline, the step says so with its article
    note = dialog.steps.item(dialog.steps.rowCount() - 1, 4).text()
    assert "Đề nghị muộn hơn thời hạn quy định" in note
    assert "Nghị định 118/2025/NĐ-CP, Điều 19 khoản 6" in note
    qtbot.waitUntil(lambda: gone(step))


def test_a_step_taken_through_the_dialog_changes_the_state(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> None:
    code = receive_dossier().code
    dialog = open_dialog(qtbot, counter, official("thamdinh"), code, hold)
    qtbot.mouseClick(dialog.action_buttons[Action.START_APPRAISAL], Qt.MouseButton.LeftButton)
    step = dialog.step_dialog
    assert step is not None and step.isVisible()
    step.note.setPlainText("Kiểm tra giấy tờ")
    with wait_signal(qtbot, dialog.dossier_changed):
        qtbot.mouseClick(step.ok, Qt.MouseButton.LeftButton)
    assert dossiers.get_dossier(counter.ctx, code).state is State.IN_APPRAISAL
    assert dialog.steps.rowCount() == 2
    assert dialog.steps.item(1, 4).text() == "Kiểm tra giấy tờ"
    assert set(dialog.action_buttons) == {
        Action.REQUEST_SUPPLEMENT,
        Action.TRANSFER,
        Action.APPRAISE,
    }


def test_the_leader_approves_at_the_desk_with_their_own_login(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> None:
    code = receive_dossier().code
    appraiser = official("thamdinh")
    for action in (Action.START_APPRAISAL, Action.APPRAISE):
        dossiers.take_step(counter.ctx, appraiser, code, StepRequest(action))
    dialog = open_dialog(qtbot, counter, official("tiepnhan"), code, hold)
    # GIVEN the clerk at the desk: approving is not theirs, but a colleague may confirm it
    assert Action.APPROVE not in dialog.action_buttons
    assert set(dialog.colleague_buttons) == {Action.APPROVE, Action.REFUSE}
    assert dialog.colleague_box.isVisible()
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.colleague_buttons.values())
    qtbot.mouseClick(dialog.colleague_buttons[Action.APPROVE], Qt.MouseButton.LeftButton)
    login = dialog.colleague_login
    assert login is not None and login.isVisible()
    assert "Phê duyệt" in login.findChild(QLabel).text()
    # WHEN the appraiser tries to sign: refused on the form, nothing changes
    login.username.setText("thamdinh")
    login.password.setText(PASSWORD)
    login.ok.click()
    qtbot.waitUntil(lambda: login.error.isVisible(), timeout=10_000)
    assert "Vi Văn Tùng" in login.error.text()
    assert dialog.step_dialog is None
    # WHEN the vice-chairman logs in and confirms the step's form
    login.password.setText(PASSWORD)
    login.username.setText("phochutich")
    login.ok.click()
    qtbot.waitUntil(lambda: dialog.step_dialog is not None, timeout=10_000)
    step = dialog.step_dialog
    assert step is not None
    with wait_signal(qtbot, dialog.dossier_changed):
        qtbot.mouseClick(step.ok, Qt.MouseButton.LeftButton)
    # THEN the dossier is approved in the leader's name; the desk stays the clerk's
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.APPROVED
    assert info.steps[-1].action == Action.APPROVE.value
    assert info.steps[-1].username == "phochutich"
    assert set(dialog.action_buttons) == {Action.PREPARE_RESULT}
    assert not dialog.colleague_box.isVisible()


def test_a_refused_step_shows_a_message_and_changes_nothing(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    chooser: Chooser,
    hold: list[object],
) -> None:
    code = receive_dossier().code
    dialog = open_dialog(qtbot, counter, official("tiepnhan"), code, hold, chooser)
    # GIVEN a supplement request with an empty list
    step = dialog.start_step(Action.REQUEST_SUPPLEMENT)
    step.ok.click()
    # THEN a message box says why, no preview opens, the form stays open, nothing changes
    qtbot.waitUntil(lambda: bool(step.findChildren(QMessageBox)), timeout=10_000)
    box = visible_box(step)
    assert box.text()
    assert step.isVisible() and step.ok.isEnabled()
    assert dialog.step_print is None
    box.button(QMessageBox.StandardButton.Ok).click()
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.RECEIVED and len(info.steps) == 1
    assert print_jobs(counter) == []
    # WHEN the items are listed and form 02 is saved, THEN the request goes through
    assert step.items is not None
    step.items.setPlainText("Bản sao Giấy khai sinh\nẢnh 4x6")
    step.ok.click()
    preview = wait_preview(qtbot, dialog.step_print)
    with wait_signal(qtbot, dialog.dossier_changed, timeout=10_000):
        preview.save_button.click()
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.SUPPLEMENT_REQUESTED
    assert info.supplement_items == ["Bản sao Giấy khai sinh", "Ảnh 4x6"]
    assert dialog.supplement_box.isVisibleTo(dialog)


def test_on_the_spot_with_the_approver_logging_in_at_the_desk(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> None:
    code = receive_dossier(CERTIFIED_COPY, username="motcua").code
    dialog = open_dialog(qtbot, counter, official("motcua"), code, hold)
    assert dialog.on_the_spot_button.isVisible()
    qtbot.mouseClick(dialog.on_the_spot_button, Qt.MouseButton.LeftButton)
    login = dialog.approver_dialog
    assert login is not None and login.isVisible()
    # GIVEN someone without the approver role tries to sign: refused on the form
    login.username.setText("thamdinh")
    login.password.setText(PASSWORD)
    login.ok.click()
    qtbot.waitUntil(lambda: login.error.isVisible())
    assert "Vi Văn Tùng" in login.error.text()
    assert dossiers.get_dossier(counter.ctx, code).state is State.RECEIVED
    # WHEN the vice-chairman signs in
    login.username.setText("phochutich")
    login.password.setText(PASSWORD)
    with wait_signal(qtbot, dialog.dossier_changed, timeout=10_000):
        login.ok.click()
    # THEN appraisal, approval and the result are recorded, and the window goes
    # straight on to the return: who collects it, and the citizen's evaluation
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.RESULT_READY
    approve = next(s for s in info.steps if s.action == Action.APPROVE.value)
    assert approve.username == "phochutich"
    assert not dialog.on_the_spot_button.isVisible()
    returned = hand_over_at_the_desk(qtbot, dialog)
    assert returned.state is State.RETURNED
    assert returned.steps[-1].data["evaluation"]["citizen"]["4"] == 2
    assert dialog.steps.rowCount() == len(returned.steps) == 6


def hand_over_at_the_desk(qtbot: QtBot, dialog: DossierDialog) -> dossiers.DossierInfo:
    """The return step the window opened: the applicant collects, and answers one question."""
    step = dialog.step_dialog
    assert step is not None and step.return_form is not None and step.isVisible()
    box = step.return_form.answers["4"]
    box.setCurrentIndex(box.findData(2))
    with wait_signal(qtbot, dialog.dossier_changed, timeout=10_000):
        step.ok.click()
    return dossiers.get_dossier(dialog.ctx, dialog.code)


def test_on_the_spot_needs_no_login_when_the_official_is_the_approver(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> None:
    from counter_app.domain.workflow import Role
    from counter_app.services import users

    users.create_user(
        counter.ctx,
        official("quantri"),
        username="chutich",
        full_name="Hoàng Văn Nam",
        password=PASSWORD,
        roles=[Role.RECEIVER, Role.APPRAISER, Role.APPROVER, Role.RETURNER],
    )
    code = receive_dossier(CERTIFIED_COPY).code
    dialog = open_dialog(qtbot, counter, official("chutich"), code, hold)
    with wait_signal(qtbot, dialog.dossier_changed):
        dialog.on_the_spot_button.click()
    assert dialog.approver_dialog is None
    assert hand_over_at_the_desk(qtbot, dialog).state is State.RETURNED


def test_on_the_spot_the_leader_refuses_and_the_citizen_gets_form_03(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> None:
    code = receive_dossier(CERTIFIED_COPY, username="motcua").code
    printed: list[str] = []
    dialog = DossierDialog(
        counter.ctx, official("motcua"), code, print_form=lambda _c, kind: printed.append(kind)
    )
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    # WHEN the leader signs at the desk and refuses, with the reason
    dialog.on_the_spot.refuse_button.click()
    login = dialog.approver_dialog
    assert login is not None
    login.username.setText("phochutich")
    login.password.setText(PASSWORD)
    login.ok.click()
    qtbot.waitUntil(lambda: dialog.on_the_spot.reason_dialog is not None, timeout=10_000)
    reason = dialog.on_the_spot.reason_dialog
    assert reason is not None
    reason.note.setPlainText("Bản chính không hợp lệ")
    with wait_signal(qtbot, dialog.dossier_changed, timeout=10_000):
        reason.ok.click()
    # THEN the refusal is the leader's, form 03 goes to the printer, and the
    # citizen is handed it through the return step
    info = dossiers.get_dossier(counter.ctx, code)
    refuse = next(s for s in info.steps if s.action == Action.REFUSE.value)
    assert (refuse.username, refuse.note) == ("phochutich", "Bản chính không hợp lệ")
    assert printed == ["refusal"]
    assert hand_over_at_the_desk(qtbot, dialog).state is State.RETURNED


def test_on_the_spot_refused_for_an_official_who_cannot_appraise(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> None:
    code = receive_dossier(CERTIFIED_COPY).code
    # tiepnhan receives and returns but does not appraise.
    dialog = open_dialog(qtbot, counter, official("tiepnhan"), code, hold)
    dialog.on_the_spot_button.click()
    login = dialog.approver_dialog
    assert login is not None
    login.username.setText("phochutich")
    login.password.setText(PASSWORD)
    login.ok.click()
    qtbot.waitUntil(lambda: bool(dialog.findChildren(QMessageBox)), timeout=10_000)
    assert visible_box(dialog).text()
    info = dossiers.get_dossier(counter.ctx, code)
    assert info.state is State.RECEIVED and len(info.steps) == 1


def test_a_departments_note_from_the_centre_shows_with_the_dossier(
    qtbot: QtBot,
    counter: Runtime,
    receive_dossier: Receive,
    official: Callable[[str], Actor],
    hold: list[object],
) -> None:
    # GIVEN a dossier with no note: the notes box stays out of the way
    code = receive_dossier().code
    plain = open_dialog(qtbot, counter, official("tiepnhan"), code, hold)
    assert not plain.notes_box.isVisibleTo(plain)
    # WHEN the feed brings the justice department's note on it
    with counter.ctx.sessions() as s:
        uuid = s.scalar(select(Dossier.uuid).where(Dossier.code == code))
    note = Change(
        "1",
        1,
        "note",
        "n-1",
        {
            "uuid": "6a1f4c1e-0000-4000-8000-000000000001",
            "dossier_uuid": uuid,
            "department": "Phòng Tư pháp",
            "text": "Đã xác minh, đủ điều kiện",
            "at": "2026-11-26T10:30:00",
        },
    )
    with counter.ctx.sessions.begin() as s:
        s.info[APPLYING_FEED] = True
        apply_change(s, note)
    # THEN the dossier window shows it, with the department and the time
    dialog = open_dialog(qtbot, counter, official("tiepnhan"), code, hold)
    assert dialog.notes_box.isVisibleTo(dialog)
    text = dialog.view.central_notes.text()
    assert "Phòng Tư pháp" in text and "Đã xác minh, đủ điều kiện" in text
    assert "26/11/2026 10:30" in text


def test_only_steps_that_can_succeed_are_offered_and_close_is_the_default(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> None:
    on_the_spot = receive_dossier(CERTIFIED_COPY).code
    # "4 tại chỗ" is offered to an official who can appraise and return, not to
    # one whose roles would make it fail after the approver typed a password.
    assert open_dialog(
        qtbot, counter, official("motcua"), on_the_spot, hold
    ).on_the_spot_button.isVisible()
    clerk = open_dialog(qtbot, counter, official("tiepnhan"), on_the_spot, hold)
    assert not clerk.on_the_spot_button.isVisible()
    # Enter never takes a step: Close is the default button, no step is.
    assert clerk.close_button.isDefault()
    assert not any(b.isDefault() or b.autoDefault() for b in clerk._all_buttons.values())
    # A supplement is requested once; afterwards the button is gone.
    code = receive_dossier().code
    dossiers.take_step(counter.ctx, official("thamdinh"), code, StepRequest(Action.START_APPRAISAL))
    dossiers.take_step(
        counter.ctx,
        official("thamdinh"),
        code,
        StepRequest(Action.REQUEST_SUPPLEMENT, items=("Bản sao sổ hộ khẩu",)),
    )
    dossiers.take_step(counter.ctx, official("tiepnhan"), code, StepRequest(Action.SUPPLEMENT))
    appraiser = open_dialog(qtbot, counter, official("thamdinh"), code, hold)
    assert Action.APPRAISE in appraiser.action_buttons
    assert Action.REQUEST_SUPPLEMENT not in appraiser.action_buttons


def test_the_control_slip_prints_from_the_dossier_window_through_the_preview(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
    chooser: Chooser,
) -> None:
    code = receive_dossier().code
    loaders: list[object] = []
    dialog = DossierDialog(
        counter.ctx,
        official("tiepnhan"),
        code,
        print_form=lambda c, kind: loaders.append(
            preview_form(dialog, counter.ctx, official("tiepnhan"), c, kind, choose_sink=chooser)
        ),
    )
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.control_slip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(loaders) and loaders[0].dialog is not None, timeout=30_000)
    preview = loaders[0].dialog
    assert preview.printable.kind is FormKind.CONTROL_SLIP
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    saved = chooser.folder / f"{code}-phieu-kiem-soat.pdf"
    qtbot.waitUntil(saved.exists, timeout=30_000)
    text = subprocess.run(
        ["pdftotext", str(saved), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "PHIẾU KIỂM SOÁT" in text and code in text
    # The job is marked done once the file is written and closed, a moment later.
    qtbot.waitUntil(lambda: ("control_slip", "done") in print_jobs(counter), timeout=10_000)
