"""Decree 118/2025 Article 19(5) in the dossier window: the supplement's new
appointment is shown to the official, who prints the new receipt; a late
request is flagged in the history; the closing is offered from its day only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.workflow import Action, State
from counter_app.paper import FormKind
from counter_app.services import dossiers, print_jobs
from counter_app.services.auth import Actor
from counter_app.services.dossiers import StepRequest
from counter_app.services.views import DossierInfo
from counter_app.ui.dossier_dialog import DossierDialog
from tests.conftest import Clock
from tests.ui.conftest import wait_signal

Receive = Callable[..., DossierInfo]


def _dialog(
    qtbot: QtBot, counter: Runtime, user: Actor, code: str, printed: list[tuple[str, str]]
) -> DossierDialog:
    dialog = DossierDialog(
        counter.ctx, user, code, print_form=lambda c, kind: printed.append((c, kind))
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_article_19_5_the_supplement_shows_the_new_appointment_and_prints_the_new_receipt(
    qtbot: QtBot,
    counter: Runtime,
    clock: Clock,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
) -> None:
    # GIVEN a dossier received Thu 26/11/2026 09:00 (due Tue 01/12 09:00),
    # its supplement asked on Wed 02/12, after the 3 working days
    code = receive_dossier().code
    print_jobs.print_form(
        counter.ctx, official("tiepnhan"), code, FormKind.RECEIPT, lambda _pdf: "printer"
    )
    clock.now = datetime(2026, 12, 2, 9, 0)
    dossiers.take_step(
        counter.ctx,
        official("thamdinh"),
        code,
        StepRequest(Action.REQUEST_SUPPLEMENT, items=("Giấy xác nhận cư trú",)),
    )
    printed: list[tuple[str, str]] = []
    dialog = _dialog(qtbot, counter, official("tiepnhan"), code, printed)
    # THEN the history flags the late request with its article
    note = dialog.steps.item(1, 4).text()
    assert "Điều 19 khoản 5" in note and "Đề nghị muộn" in note
    # AND closing is not offered before its day: 15 days Thu 03/12 – Thu 17/12, then Fri 18/12
    assert Action.CLOSE not in dialog.action_buttons
    assert "18/12/2026" in dialog.view.values["appointment"].text()
    # WHEN the citizen brings the supplement on Thu 03/12 10:00
    clock.now = datetime(2026, 12, 3, 10, 0)
    qtbot.mouseClick(dialog.action_buttons[Action.SUPPLEMENT], Qt.MouseButton.LeftButton)
    step = dialog.step_dialog
    assert step is not None
    with wait_signal(qtbot, dialog.dossier_changed):
        qtbot.mouseClick(step.ok, Qt.MouseButton.LeftButton)
    # THEN the official is told the new appointment, counted again from now
    # (Tue 08/12 10:00), and the old one
    notice = dialog.appointment_notice
    assert notice is not None and notice.isVisible()
    assert "08/12/2026 10:00" in notice.text() and "01/12/2026 09:00" in notice.text()
    assert "08/12/2026 10:00" in dialog.view.values["appointment"].text()
    # AND answering yes prints the new receipt
    yes = notice.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert printed == [(code, "receipt")]


def test_a_dossier_received_incomplete_is_offered_its_first_receipt_when_complete(
    qtbot: QtBot,
    counter: Runtime,
    clock: Clock,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
) -> None:
    # GIVEN a dossier received incomplete on Thu 26/11/2026: form 02, no receipt
    code = receive_dossier().code
    dossiers.take_step(
        counter.ctx,
        official("tiepnhan"),
        code,
        StepRequest(Action.REQUEST_SUPPLEMENT, items=("Giấy xác nhận cư trú",)),
    )
    printed: list[tuple[str, str]] = []
    dialog = _dialog(qtbot, counter, official("tiepnhan"), code, printed)
    # WHEN the citizen brings the missing paper on Fri 27/11 10:00
    clock.now = datetime(2026, 11, 27, 10, 0)
    qtbot.mouseClick(dialog.action_buttons[Action.SUPPLEMENT], Qt.MouseButton.LeftButton)
    step = dialog.step_dialog
    assert step is not None
    with wait_signal(qtbot, dialog.dossier_changed):
        qtbot.mouseClick(step.ok, Qt.MouseButton.LeftButton)
    # THEN the official is offered the receipt with the appointment counted from
    # now, and no "earlier" date the citizen never held
    notice = dialog.appointment_notice
    assert notice is not None and notice.isVisible()
    assert "Hồ sơ đã đủ" in notice.text() and "(trước" not in notice.text()
    qtbot.mouseClick(notice.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert printed == [(code, "receipt")]


def test_article_19_5_closing_is_offered_from_its_day_and_taken_in_one_click(
    qtbot: QtBot,
    counter: Runtime,
    clock: Clock,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
) -> None:
    # GIVEN a supplement asked Thu 26/11/2026: closable from Mon 14/12
    # (15 days: Fri 27/11 – Fri 11/12)
    code = receive_dossier().code
    dossiers.take_step(
        counter.ctx,
        official("thamdinh"),
        code,
        StepRequest(Action.REQUEST_SUPPLEMENT, items=("Giấy xác nhận cư trú",)),
    )
    clock.now = datetime(2026, 12, 14, 8, 0)
    dialog = _dialog(qtbot, counter, official("tiepnhan"), code, [])
    # WHEN the official closes it
    qtbot.mouseClick(dialog.action_buttons[Action.CLOSE], Qt.MouseButton.LeftButton)
    step = dialog.step_dialog
    assert step is not None
    with wait_signal(qtbot, dialog.dossier_changed):
        qtbot.mouseClick(step.ok, Qt.MouseButton.LeftButton)
    # THEN it is closed, with nothing more to do
    assert dossiers.get_dossier(counter.ctx, code).state is State.CLOSED
    assert dialog.action_buttons == {}
    assert dialog.appointment_notice is None
