"""The home screen: work lists by state and deadline, search, keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.services import dossiers
from counter_app.services.dossiers import StepRequest
from counter_app.services.search import WorkList
from counter_app.services.views import DossierInfo
from counter_app.ui.dossier_table_model import CODE_ROLE, OVERDUE_ROLE, DossierTableModel
from counter_app.ui.main_lists import WORK_LISTS
from counter_app.ui.main_window import MainWindow
from tests.conftest import login
from tests.ui.conftest import Chooser, wait_preview, wait_signal

CERTIFIED_COPY = "2.000815"
Receive = Callable[..., DossierInfo]


def refresh(qtbot: QtBot, window: MainWindow) -> None:
    with wait_signal(qtbot, window.refreshed):
        window.refresh()


def test_work_lists_show_received_dossiers(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], receive_dossier: Receive
) -> None:
    same_day = receive_dossier(CERTIFIED_COPY)
    three_days = receive_dossier()
    window = make_window("tiepnhan")
    refresh(qtbot, window)
    assert window.models[WorkList.RECEIVED_TODAY].codes() == [same_day.code, three_days.code]
    assert window.models[WorkList.DUE_TODAY].codes() == [same_day.code]
    assert window.models[WorkList.PENDING].rowCount() == 2
    assert window.models[WorkList.OVERDUE].rowCount() == 0
    # The tab titles carry the counts.
    assert window.tabs.tabText(0).endswith("(1)")


def test_overdue_dossier_moves_to_the_overdue_list_in_red(
    qtbot: QtBot,
    counter: Runtime,
    clock: object,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Receive,
) -> None:
    info = receive_dossier()  # due Tue 01/12/2026 09:00
    window = make_window("tiepnhan")
    assert window.models[WorkList.OVERDUE].codes() == []
    # WHEN the clock passes the appointment and the list refreshes
    clock.now = datetime(2026, 12, 1, 10, 0)  # type: ignore[attr-defined]
    refresh(qtbot, window)
    model = window.models[WorkList.OVERDUE]
    assert model.codes() == [info.code]
    index = model.index(0, DossierTableModel.CODE)
    assert index.data(OVERDUE_ROLE) is True
    assert isinstance(index.data(Qt.ItemDataRole.BackgroundRole), QBrush)
    # The view shows the same highlight through its sorting proxy.
    view = window.views[WorkList.OVERDUE]
    assert view.model().index(0, 0).data(CODE_ROLE) == info.code
    assert view.model().index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == index.data(
        Qt.ItemDataRole.BackgroundRole
    )


def test_search_ignores_accents_and_enter_opens_the_dossier(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], receive_dossier: Receive
) -> None:
    wanted = receive_dossier(
        CERTIFIED_COPY, ApplicantInput(full_name="Đặng Thị Hường", id_number="020185000123")
    )
    receive_dossier()
    window = make_window("tiepnhan")
    window.show()
    # WHEN the official types the name without accents and presses Enter
    with wait_signal(qtbot, window.searched):
        qtbot.keyClicks(window.search_edit, "dang thi huong", delay=30)
        qtbot.keyClick(window.search_edit, Qt.Key.Key_Return, delay=30)
    # THEN the results tab lists exactly that dossier, selected
    assert window.tabs.currentIndex() == window.search_index
    assert window.search_model.codes() == [wanted.code]
    assert window.selected_code() == wanted.code
    # AND Enter on the row opens it
    with wait_signal(qtbot, window.dossier_opened) as opened:
        qtbot.keyClick(window.search_view, Qt.Key.Key_Return)
    assert opened.args == [wanted.code]
    assert window.dossier_dialog is not None and window.dossier_dialog.isVisible()


def test_shortcuts_open_reception_and_focus_search(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.focusWidget() is window.search_edit
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.receive_dialog is not None and window.receive_dialog.isVisible())
    window.receive_dialog.reject()  # type: ignore[union-attr]


def test_reception_is_only_for_receiving_officers(
    make_window: Callable[[str], MainWindow],
) -> None:
    window = make_window("thamdinh")
    assert not window.new_button.isEnabled()
    assert window.new_dossier() is None


def test_status_bar_names_the_official_and_the_counter(
    make_window: Callable[[str], MainWindow],
) -> None:
    window = make_window("tiepnhan")
    assert "Hoàng Thị Mai" in window.user_label.text()
    assert "Quầy số 1" in window.counter_label.text()
    assert window.updated_label.text()


def test_a_supplement_request_taken_from_the_window_prints_form_02(
    qtbot: QtBot,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Receive,
    printed: object,
) -> None:
    code = receive_dossier().code
    window = make_window("tiepnhan")
    dialog = window.open_dossier(code)
    assert dialog is not None
    step = dialog.start_step(Action.REQUEST_SUPPLEMENT)
    assert step.items is not None
    step.items.setPlainText("Bản sao sổ hộ khẩu")
    step.ok.click()
    preview = wait_preview(qtbot, dialog.step_print)
    with wait_signal(qtbot, window.refreshed, timeout=10_000):
        preview.save_button.click()
    # Form 02 went through the window's print or save choice, not a second print.
    chooser = window._choose_sink
    assert isinstance(chooser, Chooser)
    assert (chooser.folder / f"{code}-yeu-cau-bo-sung.pdf").exists()
    assert printed.jobs == []  # type: ignore[attr-defined]
    assert window.models[WorkList.WAITING_SUPPLEMENT].codes() == [code]


def test_the_lists_of_what_is_due_today_show_only_while_they_hold_a_dossier(
    qtbot: QtBot,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Receive,
    counter: Runtime,
) -> None:
    # GIVEN a paper dossier received on Thursday 26/11/2026 at 09:00
    code = receive_dossier().code
    window = make_window("tiepnhan")
    refresh(qtbot, window)
    handover = [w for w, _t in WORK_LISTS].index(WorkList.HANDOVER_DUE)
    # THEN its hand-over is due today (Decree 118 Art. 18(2)): the tab shows, with it
    assert window.tabs.isTabVisible(handover)
    assert window.models[WorkList.HANDOVER_DUE].codes() == [code]
    # AND the lists with nothing to do stay out of the way
    closing = [w for w, _t in WORK_LISTS].index(WorkList.TO_CLOSE)
    assert not window.tabs.isTabVisible(closing)
    # WHEN it is handed over, its tab goes
    dossiers.take_step(
        counter.ctx, login(counter, "thamdinh"), code, StepRequest(Action.START_APPRAISAL)
    )
    refresh(qtbot, window)
    assert not window.tabs.isTabVisible(handover)
