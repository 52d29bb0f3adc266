"""Decree 118/2025 Article 17(2): the desk answers an online dossier (accepts it
or asks for changes) within 8 working hours of the system receiving it, with
worked dates; a dossier received under Decree 61/2018 has no such time."""

from __future__ import annotations

from datetime import date, datetime

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.online_answer import answer_deadline, answered_late, minutes_left
from counter_app.domain.procedure_rules import rules_for

CALENDAR = WorkCalendar()
D118 = rules_for(date(2026, 11, 27))


def test_article_17_2_submitted_friday_1630_is_answered_by_monday_close() -> None:
    # 30 minutes left on Friday 27/11/2026 (to 17:00), 7 h 30 on Monday 30/11:
    # the weekend counts for nothing
    friday = datetime(2026, 11, 27, 16, 30)
    assert answer_deadline(D118, CALENDAR, friday) == datetime(2026, 11, 30, 17, 0)
    assert not answered_late(D118, CALENDAR, friday, datetime(2026, 11, 30, 17, 0))
    assert answered_late(D118, CALENDAR, friday, datetime(2026, 11, 30, 17, 1))
    # Monday 9:00: 90 minutes of the morning gone, six hours left
    assert minutes_left(D118, CALENDAR, friday, datetime(2026, 11, 30, 9, 0)) == 360
    # Tuesday 9:00: overdue by the 90 working minutes since Monday's close
    assert minutes_left(D118, CALENDAR, friday, datetime(2026, 12, 1, 9, 0)) == -90


def test_article_17_2_hours_not_days_no_1500_cut_off() -> None:
    # Submitted on Friday at 15:30, after the cut-off of the processing time:
    # the answer's hours start at once (1 h 30 on Friday, 6 h 30 on Monday)
    assert answer_deadline(D118, CALENDAR, datetime(2026, 11, 27, 15, 30)) == datetime(
        2026, 11, 30, 16, 0
    )
    # At night or on a Saturday the hours start with the next working morning
    assert answer_deadline(D118, CALENDAR, datetime(2026, 11, 28, 10, 0)) == datetime(
        2026, 12, 1, 8, 0
    )
    # Before opening: 07:30 + 4 h + 3 h 30 + 30 min the next morning
    assert answer_deadline(D118, CALENDAR, datetime(2026, 11, 25, 7, 0)) == datetime(
        2026, 11, 26, 8, 0
    )


def test_article_17_2_across_tet_2027() -> None:
    # Submitted on Wednesday 3/2/2027 at 14:00, the last working afternoon
    # before Tết (4/2-10/2 off): 3 h that day, 5 h from Thursday 11/2
    submitted = datetime(2027, 2, 3, 14, 0)
    assert answer_deadline(D118, CALENDAR, submitted) == datetime(2027, 2, 11, 14, 30)
    assert not answered_late(D118, CALENDAR, submitted, datetime(2027, 2, 8, 10, 0))
    assert answered_late(D118, CALENDAR, submitted, datetime(2027, 2, 11, 15, 0))


def test_decree_61_set_no_answer_time() -> None:
    rules = rules_for(date(2025, 6, 30))
    received = datetime(2025, 6, 30, 9, 0)
    assert answer_deadline(rules, CALENDAR, received) is None
    assert minutes_left(rules, CALENDAR, received, datetime(2025, 7, 30, 9, 0)) is None
    assert not answered_late(rules, CALENDAR, received, datetime(2025, 7, 30, 9, 0))
