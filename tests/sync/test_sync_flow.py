"""Two counters of one agency work offline, then sync: every dossier arrives
once, codes stay unique, and what the centre knows comes down."""

from __future__ import annotations

from datetime import datetime

from counter_app.domain.workflow import Action
from counter_app.services.auth import login
from tests.conftest import PASSWORD, Clock
from tests.reports import cases
from tests.sync.conftest import Centre
from tests.sync.support import receive_many


def test_two_counters_offline_then_sync_every_dossier_once(centre: Centre) -> None:
    # GIVEN two counters of one agency, connected once (catalogue and officials came down)
    clock = Clock(datetime(2026, 11, 26, 9, 0))
    a = centre.desk("Quầy số 1", clock)
    b = centre.desk("Quầy số 2", clock)
    assert a.registration.code_slot != b.registration.code_slot
    assert login(a.ctx, "tiepnhan", PASSWORD).username == "tiepnhan"
    # WHEN both receive dossiers with the centre out of reach, then sync
    codes = receive_many(a, 30) + receive_many(b, 30, first=30)
    a.sync()
    b.sync()
    # THEN the centre holds each once, codes unique, nothing waiting
    assert len(set(codes)) == 60
    assert centre.scalar("SELECT count(*) FROM central_dossiers") == 60
    assert centre.scalar("SELECT count(DISTINCT code) FROM central_dossiers") == 60
    assert centre.scalar("SELECT count(*) FROM central_records WHERE kind = 'step'") == 60
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 0
    # AND the fee taken at reception, whether it was free by law, and the unit the
    # dossier was received by travel with it (2,000 đ for a one-page certified copy)
    assert centre.scalar("SELECT sum(fee) FROM central_dossiers") == 60 * 2_000
    assert centre.scalar("SELECT count(*) FROM central_dossiers WHERE fee_free") == 0
    units = "SELECT count(*) FROM central_dossiers WHERE body->>'unit_name' = :u"
    assert centre.scalar(units, u="Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ") == 60
    assert a.sync().push.sent == 0


def test_article_19_5_a_restarted_and_a_closed_dossier_reach_the_centre(centre: Centre) -> None:
    # GIVEN a desk with two dossiers received Thu 06/08/2026 and a supplement
    # asked for each that day
    clock = Clock(datetime(2026, 8, 6, 8, 0))
    desk = centre.desk("Quầy số 1", clock)
    d = cases.Desk(desk.ctx, clock)
    brought = d.receive("2026-08-06T08:00", cases.P3, "Lộc Thị Cúc")
    never = d.receive("2026-08-06T08:10", cases.P3, "Hoàng Văn An")
    for code in (brought, never):
        d.step("2026-08-06T14:00", "thamdinh", code, Action.REQUEST_SUPPLEMENT, items=("Bản sao",))
    desk.sync()
    # WHEN one citizen brings it on Mon 10/08 09:00 and the other is closed on
    # the make-up Saturday 22/08, then the desk syncs
    d.step("2026-08-10T09:00", "tiepnhan", brought, Action.SUPPLEMENT)
    d.step("2026-08-22T08:00", "tiepnhan", never, Action.CLOSE)
    desk.sync()
    # THEN the centre took both: the restarted limit (3 working days from
    # the complete dossier) and the new final state, nothing quarantined
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 0
    row = "SELECT {col} FROM central_dossiers WHERE code = :c"
    assert centre.scalar(row.format(col="state"), c=never) == "closed"
    assert centre.scalar(row.format(col="report_pause_outcomes[1]"), c=never) == "closed"
    assert centre.scalar(row.format(col="state"), c=brought) == "in_appraisal"
    assert centre.scalar(row.format(col="appointment_at"), c=brought) == datetime(2026, 8, 13, 9)
    assert centre.scalar(row.format(col="original_appointment_iso"), c=brought) == (
        "2026-08-13T09:00:00"
    )
    assert centre.scalar(row.format(col="report_pause_outcomes[1]"), c=brought) == "restarted"
