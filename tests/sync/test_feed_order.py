"""The feed's trap: a change numbered early and committed late.

Transaction A writes a feed row first (lower id), transaction B writes one
later (higher id) and commits first. A reader that kept "the highest id seen"
would move past A while it was still invisible and never see it. The feed's
cursor is (xid, id) read only below the oldest running transaction, so the
counter waits for A and then receives both, in commit-safe order.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, text

from counter_app.centre import admin, feed
from counter_app.models import CalendarDay
from counter_app.sync.pull import read_cursor
from tests.conftest import Clock
from tests.sync.conftest import Centre, Desk

A_DAY = date(2026, 12, 31)
B_DAY = date(2026, 12, 30)


def _days(desk: Desk) -> dict[date, str]:
    with desk.ctx.sessions() as s:
        rows = s.scalars(select(CalendarDay).where(CalendarDay.day.in_([A_DAY, B_DAY])))
        return {r.day: r.name for r in rows}


def _ids_after(centre: Centre, cursor: int) -> list[int]:
    """What a naive reader sees: committed feed rows with a higher id."""
    with centre.engine.connect() as conn:
        return list(
            conn.execute(
                text("SELECT id FROM central_changes WHERE id > :c ORDER BY id"), {"c": cursor}
            ).scalars()
        )


def _cursor(desk: Desk) -> tuple[int, int]:
    with desk.ctx.sessions() as s:
        cursor = read_cursor(s)
    assert cursor is not None
    return int(cursor[0]), cursor[1]


def test_a_change_committed_late_is_neither_skipped_nor_passed(centre: Centre) -> None:
    desk = centre.desk("Quầy số 1", Clock(datetime(2026, 11, 26, 8, 0)))
    desk.sync()
    start = _cursor(desk)
    with centre.engine.connect() as a:
        # GIVEN transaction A writes its feed row first and stays open
        body = {"day": A_DAY.isoformat(), "working": False, "name": "Nghỉ bù cuối năm"}
        a.execute(
            text("INSERT INTO central_calendar_days (day, working, name) VALUES (:d, false, :n)"),
            {"d": A_DAY, "n": body["name"]},
        )
        feed.emit(a, "calendar_day", A_DAY.isoformat(), body)
        a_xid, a_id = a.execute(
            text("SELECT xid::text, id FROM central_changes WHERE row_uuid = :r"),
            {"r": A_DAY.isoformat()},
        ).one()
        # AND transaction B writes another one and commits
        admin.set_calendar_day(centre.engine, B_DAY, working=False, name="Ngày nghỉ của tỉnh")
        with centre.engine.connect() as conn:
            b_xid, b_id = conn.execute(
                text("SELECT xid::text, id FROM central_changes WHERE row_uuid = :r"),
                {"r": B_DAY.isoformat()},
            ).one()
        assert a_id < b_id and int(a_xid) < int(b_xid)

        # A naive reader that had seen everything before A now sees only B,
        # and its cursor ("highest id seen") jumps past A
        naive_seen = _ids_after(centre, a_id - 1)
        assert naive_seen == [b_id]
        naive_cursor = max(naive_seen)

        # WHEN the counter pulls while A is still open
        report = desk.sync()
        # THEN it gets neither (B is behind A's xid), and its cursor stays before A
        assert report.pull.applied == 0
        assert _days(desk) == {}
        assert _cursor(desk) < (int(a_xid), a_id)
        assert _cursor(desk) == start
        # WHEN A commits
        a.commit()

    # THEN the next pull gets both, A first
    report = desk.sync()
    assert report.pull.applied == 2
    assert _days(desk) == {A_DAY: "Nghỉ bù cuối năm", B_DAY: "Ngày nghỉ của tỉnh"}
    assert _cursor(desk) == (int(b_xid), b_id)
    # AND the naive reader, resuming after B's id, never sees A although it is
    # committed now: it was skipped for good
    assert a_id in _ids_after(centre, a_id - 1)
    assert a_id not in _ids_after(centre, naive_cursor)
    # a further pull delivers nothing again
    assert desk.sync().pull.applied == 0
    assert len(_days(desk)) == 2
