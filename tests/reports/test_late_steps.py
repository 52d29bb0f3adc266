"""The steps the law times, counted late alike at the desk and at the centre
(through the real push): an online dossier answered after 8 working hours
(Decree 118/2025 Art. 17(2)), a paper dossier handed over after the morning
of the next working day (Art. 18(2)), an extension asked on the deadline's
own day (Art. 19(6))."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime

from alembic import command
from alembic.config import Config

from counter_app.centre import admin
from counter_app.centre.schema import MIGRATIONS_DIR, init
from counter_app.domain.workflow import Action
from counter_app.reports.definitions import Period
from counter_app.services.reports import counter_report, province_report
from tests.conftest import Clock
from tests.reports import cases
from tests.sync.conftest import Centre

MARCH = Period(date(2027, 3, 1), date(2027, 3, 31))
APRIL = Period(date(2027, 4, 1), date(2027, 4, 30))
ONLINE = {
    **cases.ONLINE_ENTRY,
    "code": "000.00.37.H37-270326-9001",
    # Friday 26/03/2027 16:30: 30 minutes that day, 7 h 30 on Monday 29/03
    "submitted_at": "2027-03-26T16:30:00",
}


def test_late_answers_hand_overs_and_extensions_counted_at_desk_and_centre(
    centre: Centre,
) -> None:
    # GIVEN a desk that pulled an online dossier submitted on Friday 26/03/2027 16:30
    clock = Clock(datetime(2027, 3, 26, 17, 0))
    desk = centre.desk("Quầy số 1", clock)
    admin.import_online(centre.engine, [ONLINE])
    desk.sync()
    d = cases.Desk(desk.ctx, clock)
    # and a paper dossier received the same Friday after 15:00 (hand-over
    # due by Monday 29/03 11:30), one due on Wednesday 24/03 09:00
    paper = d.receive("2027-03-26T15:30", cases.P3, "Lộc Văn Thành")
    extended = d.receive("2027-03-22T09:00", cases.P2, "Hà Thị Duyên")
    # WHEN the extension is asked on the deadline's own day
    d.step(
        "2027-03-24T08:00",
        "tiepnhan",
        extended,
        Action.APOLOGISE,
        new_appointment=datetime(2027, 3, 26, 16, 0),
        note="Cần xác minh thêm",
    )
    # and the paper dossier is handed over on Monday afternoon, the online
    # one answered (appraisal started) on Tuesday 30/03, both late; a later
    # transfer is no second hand-over
    d.step("2027-03-29T14:00", "thamdinh", paper, Action.START_APPRAISAL)
    d.step("2027-03-30T09:00", "thamdinh", ONLINE["code"], Action.START_APPRAISAL)
    d.step(
        "2027-03-30T10:00", "thamdinh", ONLINE["code"], Action.TRANSFER, department="Phòng Tư pháp"
    )
    d.at("2027-04-01T09:00")
    report = desk.sync()
    assert report.push.sent > 0
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 0
    # THEN March counts one of each, on the counter and at the centre alike
    local = counter_report(desk.ctx, MARCH).total
    central = province_report(centre.url, MARCH).total
    late = ("extensions_late", "handovers_late", "online_answers_late")
    assert {k: getattr(local, k) for k in late} == dict.fromkeys(late, 1)
    assert asdict(local) == asdict(central)
    # and April, when none of those steps was taken, none
    april = counter_report(desk.ctx, APRIL).total
    assert {k: getattr(april, k) for k in late} == dict.fromkeys(late, 0)
    assert asdict(april) == asdict(province_report(centre.url, APRIL).total)

    # WHEN the centre goes back before c0008 (its facts dropped, the push's
    # refresh as c0005 wrote it) and up again
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = centre.engine
    command.downgrade(cfg, "c0007_supplement_outcome")
    push = str(centre.scalar("SELECT prosrc FROM pg_proc WHERE proname = 'central_push'"))
    assert "'apologise'" not in push and "'return_result'" in push
    init(centre.engine)
    # THEN the upgrade made the facts of the records already there
    assert asdict(province_report(centre.url, MARCH).total) == asdict(local)
