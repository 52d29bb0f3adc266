"""Working days and appointments, checked against the official 2025-2026 calendars.

Expected values are worked out by hand from the working periods 07:30-11:30 and
13:30-17:00 (7 h 30 min a day) and the government's holiday announcements.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from counter_app.domain.calendar import Timeliness, WorkCalendar, classify
from counter_app.domain.messages import UserError
from counter_app.domain.procedure import ProcessingTime, TimeUnit
from counter_app.domain.working_hours import WorkingHours

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def days(n: int) -> ProcessingTime:
    return ProcessingTime(n, TimeUnit.WORKING_DAYS)


def hours(n: int) -> ProcessingTime:
    return ProcessingTime(n, TimeUnit.WORKING_HOURS)


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


# An ordinary week: Monday 2 March 2026 to Sunday 8 March 2026.
MON_0302 = date(2026, 3, 2)


def at(d: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(d, time(hh, mm))


def test_reference_week_is_a_plain_week() -> None:
    assert MON_0302.weekday() == MON


# -- working days ---------------------------------------------------------------


def test_weekdays_work_and_weekends_do_not(cal: WorkCalendar) -> None:
    assert cal.is_working_day(date(2026, 3, 2))
    assert cal.is_working_day(date(2026, 3, 6))
    assert not cal.is_working_day(date(2026, 3, 7))
    assert not cal.is_working_day(date(2026, 3, 8))


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 1),  # Tết Dương lịch
        date(2026, 2, 16),  # Tết Bính Ngọ: Mon 16 ... Fri 20 February
        date(2026, 2, 17),
        date(2026, 2, 18),
        date(2026, 2, 19),
        date(2026, 2, 20),
        date(2026, 4, 27),  # Giỗ Tổ falls on Sun 26 April; Monday is off instead
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 8, 31),  # swapped with Saturday 22 August
        date(2026, 9, 1),
        date(2026, 9, 2),
        date(2026, 11, 24),  # Ngày Văn hóa Việt Nam, a day off from 2026
        date(2025, 5, 2),  # swapped with Saturday 26 April 2025
    ],
)
def test_public_holidays_are_not_working_days(cal: WorkCalendar, day: date) -> None:
    assert day.weekday() < SAT
    assert not cal.is_working_day(day)


def test_days_around_holidays_are_working_days(cal: WorkCalendar) -> None:
    assert cal.is_working_day(date(2026, 2, 13))  # Friday before Tết
    assert cal.is_working_day(date(2026, 2, 23))  # Monday after Tết
    assert cal.is_working_day(date(2026, 4, 28))
    assert cal.is_working_day(date(2026, 11, 25))


def test_government_makeup_saturdays_are_working_days(cal: WorkCalendar) -> None:
    assert date(2026, 8, 22).weekday() == SAT
    assert date(2025, 4, 26).weekday() == SAT
    assert cal.is_working_day(date(2026, 8, 22))
    assert cal.is_working_day(date(2025, 4, 26))
    assert not cal.is_working_day(date(2026, 8, 29))  # an ordinary Saturday


def test_non_working_weekdays_2026(cal: WorkCalendar) -> None:
    listed = cal.non_working_weekdays(2026)
    assert [d for d, _ in listed] == [
        date(2026, 1, 1),
        date(2026, 2, 16),
        date(2026, 2, 17),
        date(2026, 2, 18),
        date(2026, 2, 19),
        date(2026, 2, 20),
        date(2026, 4, 27),
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 8, 31),
        date(2026, 9, 1),
        date(2026, 9, 2),
        date(2026, 11, 24),
    ]
    names = dict(listed)
    assert names[date(2026, 11, 24)] == "Ngày Văn hóa Việt Nam"
    assert names[date(2026, 1, 1)] == "Tết Dương lịch"
    assert "22/08/2026" in names[date(2026, 8, 31)]
    assert "Giỗ Tổ Hùng Vương" in names[date(2026, 4, 27)]


def test_makeup_workdays_name_the_day_they_replace(cal: WorkCalendar) -> None:
    assert cal.makeup_workdays(2026) == [
        (date(2026, 8, 22), "Ngày làm bù (cho ngày nghỉ 31/08/2026)")
    ]
    assert cal.makeup_workdays(2025) == [
        (date(2025, 4, 26), "Ngày làm bù (cho ngày nghỉ 02/05/2025)")
    ]


def test_next_working_day_skips_tet(cal: WorkCalendar) -> None:
    assert cal.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)
    assert cal.next_working_day(date(2026, 8, 21)) == date(2026, 8, 22)


# -- province days off and make-up days -------------------------------------------


PROVINCE_DAY_OFF = date(2026, 3, 3)  # a Tuesday
PROVINCE_SATURDAY = date(2026, 3, 7)


@pytest.fixture(scope="module")
def province() -> WorkCalendar:
    return WorkCalendar(
        extra_days_off={
            PROVINCE_DAY_OFF: "Nghỉ lễ hội của tỉnh",
            date(2026, 8, 22): "Tỉnh nghỉ bù",
            date(2026, 9, 1): "Ngày giải phóng tỉnh",
        },
        extra_workdays={
            PROVINCE_SATURDAY: "Ngày làm bù của tỉnh",
            date(2026, 11, 24): "Làm việc theo quyết định của tỉnh",
        },
    )


def test_province_day_off_moves_the_appointment(province: WorkCalendar) -> None:
    assert not province.is_working_day(PROVINCE_DAY_OFF)
    # Mon 10:00 + 3 days, Tuesday off: Wed (1), Thu (2), Fri (3).
    assert province.due(at(MON_0302, 10), days(3)) == at(date(2026, 3, 6), 10)


def test_province_makeup_saturday_counts(province: WorkCalendar) -> None:
    assert province.is_working_day(PROVINCE_SATURDAY)
    assert province.due(at(date(2026, 3, 6), 10), days(1)) == at(PROVINCE_SATURDAY, 10)


def test_province_overrides_national_days(province: WorkCalendar) -> None:
    assert province.is_working_day(date(2026, 11, 24))
    assert not province.is_working_day(date(2026, 8, 22))


def test_province_days_are_listed(province: WorkCalendar) -> None:
    off = dict(province.non_working_weekdays(2026))
    assert off[PROVINCE_DAY_OFF] == "Nghỉ lễ hội của tỉnh"
    assert off[date(2026, 9, 1)] == "Quốc khánh; Ngày giải phóng tỉnh"
    assert date(2026, 11, 24) not in off
    assert province.makeup_workdays(2026) == [(PROVINCE_SATURDAY, "Ngày làm bù của tỉnh")]


def test_province_days_do_not_leak_into_the_national_calendar(cal: WorkCalendar) -> None:
    assert cal.is_working_day(PROVINCE_DAY_OFF)
    assert not cal.is_working_day(PROVINCE_SATURDAY)


# -- appointments in working days -------------------------------------------------


def test_three_days_from_monday_morning_is_thursday_same_time(cal: WorkCalendar) -> None:
    assert cal.due(at(MON_0302, 10), days(3)) == at(date(2026, 3, 5), 10)


def test_a_result_at_the_end_of_a_period_stays_there(cal: WorkCalendar) -> None:
    tuesday = date(2026, 3, 3)
    assert cal.due(at(tuesday, 7, 30), days(1)) == at(tuesday, 17)
    assert cal.due(at(tuesday, 7, 30), days(3)) == at(date(2026, 3, 5), 17)


def test_received_at_1500_counts_that_day(cal: WorkCalendar) -> None:
    # 15:00-17:00 Monday (2 h) + 07:30-11:30 Tuesday (4 h) + 1 h 30 from 13:30.
    assert cal.due(at(MON_0302, 15), days(1)) == at(date(2026, 3, 3), 15)


def test_received_after_1500_counts_from_next_working_day(cal: WorkCalendar) -> None:
    assert cal.counting_start(at(MON_0302, 15, 1)) == at(date(2026, 3, 3), 7, 30)
    # Where the province applies the rule to procedures counted in days or hours.
    assert cal.due(at(MON_0302, 15, 1), days(1), cutoff=True) == at(date(2026, 3, 3), 17)
    assert cal.due(at(MON_0302, 18), hours(2)) == at(date(2026, 3, 3), 9, 30)


def test_cutoff_follows_the_procedure_kind(cal: WorkCalendar) -> None:
    # GIVEN a dossier received at 16:00 on Monday
    late = at(MON_0302, 16)
    # THEN a same-day procedure is due the next working day (the rule the texts state)
    assert cal.due(late, ProcessingTime.same_day()) == at(date(2026, 3, 3), 17)
    # AND a working-days procedure counts from 16:00 by default: 1 h Monday + 6 h 30 Tuesday
    assert cal.due(late, days(1)) == at(date(2026, 3, 3), 16)
    # AND the province can extend the rule to it, or lift it from a same-day one
    assert cal.due(late, days(1), cutoff=True) == at(date(2026, 3, 3), 17)
    assert cal.due(late, ProcessingTime.same_day(), cutoff=False) == at(MON_0302, 17)


def test_received_in_lunch_break_counts_from_1330(cal: WorkCalendar) -> None:
    assert cal.counting_start(at(MON_0302, 12)) == at(MON_0302, 13, 30)
    # 13:30-17:00 Monday (3 h 30) + Tuesday 07:30-11:30 (4 h) uses the day up
    # exactly at the end of the morning period, where the appointment stays.
    assert cal.due(at(MON_0302, 12), days(1)) == at(date(2026, 3, 3), 11, 30)
    # 12:00 + 2 days: 3 h 30 + 7 h 30 + 4 h = Wednesday 11:30.
    assert cal.due(at(MON_0302, 12), days(2)) == at(date(2026, 3, 4), 11, 30)


def test_received_before_opening_counts_from_opening(cal: WorkCalendar) -> None:
    assert cal.due(at(MON_0302, 6, 45), days(1)) == at(MON_0302, 17)


def test_received_on_weekend_counts_from_monday(cal: WorkCalendar) -> None:
    assert cal.due(at(date(2026, 3, 7), 9), days(1)) == at(date(2026, 3, 9), 17)


def test_tet_2026(cal: WorkCalendar) -> None:
    # Fri 13 Feb 10:00; 16-20 Feb off: Mon 23 (1), Tue 24 (2), Wed 25 (3).
    assert cal.due(at(date(2026, 2, 13), 10), days(3)) == at(date(2026, 2, 25), 10)


def test_gio_to_and_april_30_may_1_2026(cal: WorkCalendar) -> None:
    friday = date(2026, 4, 24)
    # Mon 27 off: Tue 28 (1), Wed 29 (2); Thu 30, Fri 1 off: Mon 4 May (3).
    assert cal.due(at(friday, 9), days(1)) == at(date(2026, 4, 28), 9)
    assert cal.due(at(friday, 9), days(3)) == at(date(2026, 5, 4), 9)


def test_national_day_2026_with_makeup_saturday(cal: WorkCalendar) -> None:
    assert cal.due(at(date(2026, 8, 21), 14), days(1)) == at(date(2026, 8, 22), 14)
    # Fri 28 Aug: Mon 31, Tue 1, Wed 2 off: Thu 3 (1), Fri 4 (2).
    assert cal.due(at(date(2026, 8, 28), 10), days(2)) == at(date(2026, 9, 4), 10)


def test_culture_day_2026_after_cutoff(cal: WorkCalendar) -> None:
    # Mon 23 Nov 16:00 is after 15:00; Tue 24 is off: counting runs Wed 25 where
    # the rule applies (same day by default, any procedure the province marks).
    assert cal.due(at(date(2026, 11, 23), 16), days(1), cutoff=True) == at(date(2026, 11, 25), 17)
    assert cal.due(at(date(2026, 11, 23), 16), ProcessingTime.same_day()) == at(
        date(2026, 11, 25), 17
    )
    # Without it the hour left on Monday counts: 1 h Monday + 6 h 30 Wednesday.
    assert cal.due(at(date(2026, 11, 23), 16), days(1)) == at(date(2026, 11, 25), 16)


def test_makeup_saturday_2025(cal: WorkCalendar) -> None:
    friday = date(2025, 4, 25)
    assert cal.due(at(friday, 10), days(1)) == at(date(2025, 4, 26), 10)
    # Sat 26 (1), Mon 28 (2), Tue 29 (3); 30/4, 1/5, 2/5 off: Mon 5 May (4).
    assert cal.due(at(friday, 10), days(4)) == at(date(2025, 5, 5), 10)


# -- hours and same day -------------------------------------------------------------


def test_working_hours(cal: WorkCalendar) -> None:
    # 10:00-11:30 (1 h 30) then 13:30 + 2 h 30.
    assert cal.due(at(MON_0302, 10), hours(4)) == at(MON_0302, 16)
    # 14:30-17:00 (2 h 30) + Tuesday morning (4 h) + 1 h 30 from 13:30.
    assert cal.due(at(MON_0302, 14, 30), hours(8)) == at(date(2026, 3, 3), 15)
    # Lunch: 13:30-17:00 (3 h 30), then 30 min on Tuesday.
    assert cal.due(at(MON_0302, 12), hours(4)) == at(date(2026, 3, 3), 8)
    # Ends exactly at closing: stays Monday 17:00.
    assert cal.due(at(MON_0302, 10), hours(5)) == at(MON_0302, 17)


def test_same_day(cal: WorkCalendar) -> None:
    same_day = ProcessingTime.same_day()
    assert cal.due(at(MON_0302, 9), same_day) == at(MON_0302, 17)
    assert cal.due(at(MON_0302, 15, 30), same_day) == at(date(2026, 3, 3), 17)
    assert cal.due(at(date(2026, 2, 13), 16), same_day) == at(date(2026, 2, 23), 17)


# -- pauses (supplement requested) ------------------------------------------------


def test_pause_adds_back_the_working_time_paused(cal: WorkCalendar) -> None:
    # Paused Tue 14:00 -> Wed 09:00: 3 h + 1 h 30 = 4 h 30 of working time.
    # Thu 10:00 + 4 h 30: 1 h 30 to 11:30, then 3 h from 13:30 -> 16:30.
    pauses = [(at(date(2026, 3, 3), 14), at(date(2026, 3, 4), 9))]
    assert cal.due(at(MON_0302, 10), days(3), pauses) == at(date(2026, 3, 5), 16, 30)


def test_pause_over_a_weekend_gives_back_only_working_time(cal: WorkCalendar) -> None:
    # Mon 10:00 + 5 days = next Mon 10:00; paused Fri 16:00 -> Mon 08:00 = 1 h 30.
    pauses = [(at(date(2026, 3, 6), 16), at(date(2026, 3, 9), 8))]
    assert cal.due(at(MON_0302, 10), days(5), pauses) == at(date(2026, 3, 9), 11, 30)


def test_overlapping_pauses_count_once(cal: WorkCalendar) -> None:
    pauses = [
        (at(date(2026, 3, 3), 14), at(date(2026, 3, 4), 9)),
        (at(date(2026, 3, 3), 16), at(date(2026, 3, 3), 16, 30)),
    ]
    assert cal.due(at(MON_0302, 10), days(3), pauses) == at(date(2026, 3, 5), 16, 30)


def test_pause_before_the_clock_starts_is_not_given_back(cal: WorkCalendar) -> None:
    # Received after 15:00: clock starts Tue 07:30; only Tue 07:30-08:30 was paused.
    pauses = [(at(MON_0302, 16), at(date(2026, 3, 3), 8, 30))]
    assert cal.due(at(MON_0302, 15, 30), days(1), pauses, cutoff=True) == at(
        date(2026, 3, 4), 8, 30
    )


def test_open_pause_has_no_due_date(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="still paused"):
        cal.due(at(MON_0302, 10), days(3), [(at(date(2026, 3, 3), 14), None)])


def test_pause_ending_before_it_starts_is_refused(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="before it starts"):
        cal.due(at(MON_0302, 10), days(3), [(at(date(2026, 3, 4), 9), at(date(2026, 3, 3), 9))])


# -- working minutes ------------------------------------------------------------------


def test_working_minutes_between(cal: WorkCalendar) -> None:
    assert cal.working_minutes_between(at(MON_0302, 10), at(date(2026, 3, 3), 10)) == 450
    assert cal.working_minutes_between(at(date(2026, 3, 6), 16), at(date(2026, 3, 9), 8)) == 90
    assert cal.working_minutes_between(at(date(2026, 3, 9), 8), at(date(2026, 3, 6), 16)) == -90
    assert cal.working_minutes_between(at(MON_0302, 12), at(MON_0302, 13)) == 0
    assert (
        cal.working_minutes_between(at(date(2026, 2, 13), 7, 30), at(date(2026, 2, 23), 7, 30))
        == 450
    )
    # Two full working weeks.
    assert cal.working_minutes_between(at(MON_0302, 7, 30), at(date(2026, 3, 16), 7, 30)) == 4500


# -- working hours configuration -----------------------------------------------------


def test_custom_working_hours() -> None:
    hours_8h = WorkingHours(periods=((time(8), time(12)), (time(13), time(17))), cutoff=time(16))
    custom = WorkCalendar(hours=hours_8h)
    assert custom.due(at(MON_0302, 8), days(1)) == at(MON_0302, 17)
    assert custom.due(at(MON_0302, 15, 30), days(1)) == at(date(2026, 3, 3), 15, 30)
    assert custom.working_minutes_between(at(MON_0302, 0), at(date(2026, 3, 3), 0)) == 480


@pytest.mark.parametrize(
    "periods",
    [
        (),
        ((time(11, 30), time(7, 30)),),
        ((time(7, 30), time(11, 30)), (time(11, 0), time(17, 0))),
        ((time(13, 30), time(17, 0)), (time(7, 30), time(11, 30))),
    ],
)
def test_bad_working_periods_are_refused(periods: tuple[tuple[time, time], ...]) -> None:
    with pytest.raises(UserError) as caught:
        WorkingHours(periods=periods)
    assert caught.value.field == "periods"


def test_default_day_is_seven_and_a_half_hours() -> None:
    assert WorkingHours().day_length.total_seconds() == 7.5 * 3600


def test_aware_datetimes_are_read_as_vietnam_time(cal: WorkCalendar) -> None:
    received = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam
    assert cal.due(received, days(3)) == at(date(2026, 3, 5), 10)


# -- timeliness -------------------------------------------------------------------------


def test_classify() -> None:
    due = at(date(2026, 3, 5), 10)
    assert classify(due, at(date(2026, 3, 4), 16)) is Timeliness.EARLY
    assert classify(due, at(date(2026, 3, 5), 8)) is Timeliness.ON_TIME
    assert classify(due, due) is Timeliness.ON_TIME
    assert classify(due, at(date(2026, 3, 5), 10, 1)) is Timeliness.LATE
    assert classify(due, at(date(2026, 3, 6), 8)) is Timeliness.LATE
