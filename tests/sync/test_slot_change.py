"""A counter's code slot or ledger book changes during a day (issue 20, point 1):
no code, and no ledger entry, is handed out twice, and the centre takes them all.

The two ways a slot changes: the centre's counter row changes and reaches the
desk by the feed (local_apply), and a desk that worked alone joins the centre
and is given another slot than the one it was set up with (its connection
file, then the first sync's snapshot).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from counter_app.app_setup import open_runtime
from counter_app.centre import admin, feed
from counter_app.centre.registration import counter_body
from counter_app.services.setup import get_counter
from counter_app.sync.service import connect, sync_once
from counter_app.wire.connection_file import write as write_settings
from tests.conftest import Clock, login, make_counter
from tests.sync.conftest import Centre, Desk
from tests.sync.support import local_rows, receive_many

DAY = datetime(2026, 11, 26, 8, 0)


def _move(centre: Centre, desk: Desk, slot: int, book: str) -> None:
    """The centre gives the counter another slot and book, and tells it by the feed."""
    with centre.engine.begin() as conn:
        row = conn.execute(
            text(
                "UPDATE central_counters SET code_slot = :s, ledger_book = :b "
                "WHERE uuid = :u RETURNING *"
            ),
            {"s": slot, "b": book, "u": desk.registration.counter_uuid},
        ).one()
        feed.emit(conn, "counter", row.uuid, counter_body(row), agency_id=row.agency_id)


def _all_accepted(centre: Centre, codes: list[str], *desks: Desk) -> None:
    assert len(set(codes)) == len(codes), codes
    held = centre.scalar("SELECT count(*) FROM central_dossiers WHERE code = ANY(:c)", c=codes)
    assert held == len(codes)
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 0
    for desk in desks:
        assert local_rows(desk, "SELECT count(*) FROM sync_issues")[0][0] == 0


def _ledger(desk: Desk) -> list[tuple[object, ...]]:
    return local_rows(
        desk, "SELECT code, ledger_book, ledger_year, ledger_entry FROM dossiers ORDER BY id"
    )


def test_a_counter_moved_to_another_slot_the_same_day_never_repeats_a_code(
    centre: Centre,
) -> None:
    clock = Clock(DAY)
    # GIVEN a counter on slot 0 and book 01 that received three dossiers
    a = centre.desk("Quầy số 1", clock)
    assert a.registration.code_slot == 0
    before = receive_many(a, 3)
    a.sync()
    # WHEN the centre moves it to slot 1 and book 02 in the middle of the day
    _move(centre, a, 1, "02")
    clock.now += timedelta(hours=1)
    a.sync()
    assert get_counter(a.ctx).code_slot == 1
    after = receive_many(a, 2, first=10)
    # THEN its next codes are in slot 1's range at once, not after slot 0's
    assert [c[-4:] for c in after] == ["1000", "1001"]
    # AND the day's entries stay in the book the day began with
    assert [r[1] for r in _ledger(a)] == ["01"] * 5
    a.sync()
    # WHEN a second counter joins the same day and is given slot 0 and book 01
    b = centre.desk("Quầy số 2", clock)
    assert (b.registration.code_slot, b.registration.ledger_book) == (0, "01")
    theirs = receive_many(b, 2, first=20)
    # THEN it numbers past what slot 0 and book 01 gave out today
    assert [c[-4:] for c in theirs] == ["0004", "0005"]
    assert [r[3] for r in _ledger(b)] == [6, 7]
    a.sync()
    b.sync()
    _all_accepted(centre, before + after + theirs, a, b)
    # AND the next day the first counter writes in its new book, from entry 1
    clock.now = DAY + timedelta(days=1)
    receive_many(a, 1, first=30)
    code, book, _, entry = _ledger(a)[-1]
    assert (str(code)[-4:], book, entry) == ("1000", "02", 1)
    a.sync()
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 0


def test_a_desk_that_joins_the_centre_on_another_slot_never_repeats_a_code(
    centre: Centre, tmp_path: Path
) -> None:
    clock = Clock(DAY)
    # GIVEN a desk set up alone on slot 2 that received two dossiers
    directory = tmp_path / "alone"
    rt = make_counter(directory, slot=2)
    rt.ctx.clock = clock
    me = get_counter(rt.ctx)
    assert me is not None
    reg = admin.register_counter(
        centre.engine,
        agency_id=me.agency_id,
        agency_name=me.agency_name,
        unit_name=me.unit_name,
        counter_name=me.counter_name,
        counter_uuid=me.uuid,
    )
    a = Desk(rt, directory, reg)
    centre.desks.append(a)
    alone = receive_many(a, 2)
    assert [c[-4:] for c in alone] == ["2000", "2001"]
    # WHEN it imports the connection file the centre made for it, on slot 0
    assert reg.code_slot == 0
    file = directory / "connection.json"
    write_settings(file, reg)
    connect(rt.ctx, directory, file, actor=login(rt, "quantri"))
    clock.now += timedelta(hours=1)
    sync_once(rt.ctx, directory)
    joined = receive_many(a, 2, first=10)
    # THEN it numbers in slot 0 from its first number (below the day's mark)
    assert [c[-4:] for c in joined] == ["0001", "0002"]
    a.sync()
    # AND a counter given slot 2 the same day numbers past the desk's codes there
    centre.desk("Quầy số 2", clock)  # slot 1
    c = centre.desk("Quầy số 3", clock)
    assert c.registration.code_slot == 2
    theirs = receive_many(c, 1, first=20)
    assert [x[-4:] for x in theirs] == ["2002"]
    c.sync()
    _all_accepted(centre, alone + joined + theirs, a, c)
    # AND a restart of the desk is not taken for a database found behind
    rt.close()
    again = open_runtime(directory)
    centre.desks[0] = Desk(again, directory, reg)
    assert again.notices == []
