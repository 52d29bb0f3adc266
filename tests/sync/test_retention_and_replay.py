"""A counter away past the feed's retention is told so and resyncs explicitly;
a batch applied twice at the centre changes nothing the second time."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text

from counter_app.centre import admin, feed
from counter_app.domain.validation import ApplicantInput
from counter_app.models import CalendarDay, OutboxEntry
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.sync.errors import GapRefused, ResyncNeeded
from counter_app.sync.push import read_entries
from counter_app.sync.push_batch import apply_batch
from counter_app.sync.service import resync_all
from tests.conftest import login
from tests.sync.conftest import Centre
from tests.sync.support import counter_engine

CITIZEN = ApplicantInput(full_name="Vi Thị Hoa", id_number="020190001234", phone="0912345678")


def test_a_counter_away_past_retention_must_resync_explicitly(centre: Centre) -> None:
    # GIVEN a desk that synced once, then was away while the province changed its calendar
    desk = centre.desk("Quầy số 1")
    admin.set_calendar_day(centre.engine, date(2026, 12, 31), working=False, name="Nghỉ bù")
    with centre.engine.begin() as conn:
        conn.execute(text("UPDATE central_changes SET at = now() - interval '61 days'"))
        assert feed.prune(conn) > 0
    # WHEN it syncs, THEN it is told to resync, and nothing was applied
    with pytest.raises(ResyncNeeded):
        desk.sync()
    with desk.ctx.sessions() as s:
        assert s.scalars(select(CalendarDay)).all() == []
    # WHEN the IT staff run the resync, THEN the day off is there and sync works again
    resync_all(desk.ctx, desk.directory)
    with desk.ctx.sessions() as s:
        assert [d.day for d in s.scalars(select(CalendarDay))] == [date(2026, 12, 31)]
    desk.sync()


def test_a_replayed_batch_changes_nothing_and_gives_the_same_answer(centre: Centre) -> None:
    # GIVEN a desk with a dossier waiting
    desk = centre.desk("Quầy số 1")
    receive(desk.ctx, login(desk.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN))
    entries = read_entries(desk.ctx.sessions, 0, 1000)
    assert entries
    counts = "SELECT (SELECT count(*) FROM central_dossiers) * 1000 + count(*) FROM central_records"
    # WHEN the centre applies the same batch twice (an answer lost, a retry)
    answers = []
    tallies = []
    with counter_engine(desk) as engine:
        for _ in range(2):
            with engine.begin() as conn:
                answers.append(apply_batch(conn, entries))
            tallies.append(centre.scalar(counts))
    # THEN the second changed nothing, refused nothing, and the mark is the same
    assert answers[0].refusals == answers[1].refusals == []
    assert (answers[0].applied, answers[1].applied) == (len(entries), 0)
    assert answers[0].high_water == answers[1].high_water == entries[-1].seq
    assert tallies[0] == tallies[1]
    assert centre.scalar("SELECT count(*) FROM central_dossiers") == 1
    # AND the counter's own push then clears its queue without sending a row twice
    report = desk.sync()
    assert report.push.sent == 0
    with desk.ctx.sessions() as s:
        assert s.scalars(select(OutboxEntry)).all() == []


def test_the_centre_refuses_a_batch_that_skips_a_number(centre: Centre) -> None:
    # GIVEN a desk whose queue has lost its first entry (a hole in the numbering)
    desk = centre.desk("Quầy số 1")
    receive(desk.ctx, login(desk.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN))
    with desk.ctx.sessions.begin() as s:
        first = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq).limit(1)).one()
        s.delete(first)
    before = centre.scalar("SELECT high_water FROM central_counters")
    # WHEN it syncs, THEN the centre refuses, nothing is written there and the
    # queue stays as it is
    with pytest.raises(GapRefused):
        desk.sync()
    assert centre.scalar("SELECT high_water FROM central_counters") == before
    assert centre.scalar("SELECT count(*) FROM central_dossiers") == 0
    with desk.ctx.sessions() as s:
        assert len(s.scalars(select(OutboxEntry)).all()) > 0
