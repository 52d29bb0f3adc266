"""The working calendar dialog, driven as the administrator."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.errors import Forbidden
from counter_app.domain.procedure import ProcessingTime, TimeUnit
from counter_app.services import calendar_admin
from counter_app.services.auth import Actor
from counter_app.ui.admin.calendar_dialog import CalendarDialog
from tests.ui.conftest import written

THREE_DAYS = ProcessingTime(3, TimeUnit.WORKING_DAYS)


@pytest.fixture
def dialog(qtbot: QtBot, counter: Runtime, official: Callable[[str], Actor]) -> CalendarDialog:
    d = CalendarDialog(counter.ctx, official("quantri"))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_a_day_off_added_moves_the_due_date_and_can_be_removed_again(
    dialog: CalendarDialog, counter: Runtime, qtbot: QtBot
) -> None:
    # GIVEN Thursday 26/11/2026 09:00: three working days end on Tuesday 1/12
    assert "01/12/2026" in dialog.preview.text()
    # WHEN the administrator adds Monday 30/11 as a province day off
    dialog.day.setDate(QDate(2026, 11, 30))
    dialog.reason.setText("Quyết định 123/QĐ-UBND nghỉ bù")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    # THEN it is listed and the appointment moves to Wednesday 2/12 (same hour)
    assert dialog.model.rowCount() == 1
    assert "30/11/2026" in dialog.model.index(0, 0).data()
    assert dialog.model.index(0, 1).data() == "Ngày nghỉ"
    assert "02/12/2026" in dialog.preview.text()
    received = datetime(2026, 11, 26, 9, 0)
    assert calendar_admin.due(counter.ctx, received, THREE_DAYS, cutoff=None) == datetime(
        2026, 12, 2, 9, 0
    )
    # WHEN it is selected and removed
    dialog.view.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    # THEN the national calendar counts again
    assert dialog.model.rowCount() == 0
    assert "01/12/2026" in dialog.preview.text()


def test_a_day_without_a_reason_is_refused_in_words(dialog: CalendarDialog, qtbot: QtBot) -> None:
    dialog.day.setDate(QDate(2026, 12, 5))
    dialog.reason.setText("   ")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    assert dialog.model.rowCount() == 0
    assert dialog.outcome.isVisible()
    assert "tên" in dialog.outcome.text().lower()


def test_a_later_cutoff_keeps_an_afternoon_request_on_the_same_day(
    dialog: CalendarDialog, counter: Runtime, qtbot: QtBot
) -> None:
    same_day = ProcessingTime.same_day()
    at_1530 = datetime(2026, 11, 26, 15, 30)
    # GIVEN the 15:00 rule: a same-day request at 15:30 is due the next working day
    assert calendar_admin.due(counter.ctx, at_1530, same_day, cutoff=None).date() == date(
        2026, 11, 27
    )
    # WHEN the administrator moves the cut-off to 16:00
    dialog.cutoff.setTime(QTime(16, 0))
    qtbot.mouseClick(dialog.save_hours_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    # THEN it is kept, and the request is due that same day
    assert f"{calendar_admin.get_working_hours(counter.ctx).cutoff:%H:%M}" == "16:00"
    assert calendar_admin.due(counter.ctx, at_1530, same_day, cutoff=None).date() == date(
        2026, 11, 26
    )


def test_a_badly_written_period_is_refused_and_changes_nothing(
    dialog: CalendarDialog, counter: Runtime, qtbot: QtBot
) -> None:
    before = calendar_admin.get_working_hours(counter.ctx)
    dialog.periods.setText("7h30 đến 11h")
    qtbot.mouseClick(dialog.save_hours_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    assert dialog.outcome.isVisible()
    assert calendar_admin.get_working_hours(counter.ctx) == before


def test_only_an_administrator_changes_the_calendar(
    counter: Runtime, official: Callable[[str], Actor]
) -> None:
    clerk = official("tiepnhan")
    admin = official("quantri")
    day = date(2026, 12, 7)
    with pytest.raises(Forbidden):
        calendar_admin.set_province_day(counter.ctx, clerk, day, working=False, name="Nghỉ")
    calendar_admin.set_province_day(counter.ctx, admin, day, working=False, name="Nghỉ")
    with pytest.raises(Forbidden):
        calendar_admin.remove_province_day(counter.ctx, clerk, day)
    with pytest.raises(Forbidden):
        calendar_admin.set_working_hours(counter.ctx, clerk, "07:00-11:00", "15:00")
    assert [d.day for d in calendar_admin.province_days(counter.ctx, 2026)] == [day]
