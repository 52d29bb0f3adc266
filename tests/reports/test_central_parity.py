"""One data set, two sides: the counter's SQLite and the central PostgreSQL
give the same figures, and both are the hand count (tests/reports/cases.py)
plus the dossier the portal sent."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime

import pytest

from counter_app.centre import admin
from counter_app.cli import main
from counter_app.reports.central_source import central_facts, report_engine
from counter_app.reports.figures import Cut
from counter_app.services.reports import counter_report, province_report
from tests.conftest import Clock
from tests.reports import cases
from tests.reports.expected import all_figures
from tests.reports.test_counter_figures import check_figures
from tests.sync.conftest import Centre


@pytest.mark.slow
def test_counter_and_centre_give_the_same_figures(centre: Centre) -> None:
    # GIVEN a desk connected to the centre and a dossier from the portal
    clock = Clock(datetime(2026, 12, 30, 8, 0))
    desk = centre.desk("Quầy số 1", clock)
    admin.import_online(centre.engine, [cases.ONLINE_ENTRY])
    # WHEN the desk handles the hand-counted dossiers, then syncs
    cases.build(desk.ctx, clock)
    report = desk.sync()
    assert report.push.sent > 0
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 0
    # THEN the counter's own report and the province's agree, figure by figure
    local = counter_report(desk.ctx, cases.QUARTER)
    # (the replica URL is the one read: the primary's given here is unreachable)
    unreachable = centre.url.replace(f":{centre.engine.url.port}/", ":9/")
    central = province_report(unreachable, cases.QUARTER, replica_url=centre.url)
    expected = cases.with_online(cases.EXPECTED)
    months = [(2, 3), (2, 1), (9, 4)]  # M arrived in March
    check_figures(local, expected, months)
    check_figures(central, expected, months)
    assert asdict(local.total) == asdict(central.total)
    assert [asdict(f) for _, f in local.months] == [asdict(f) for _, f in central.months]
    assert (central.procedures, central.procedures_on_the_spot) == (31, 4)
    # and so do the cuts
    for cut in (Cut.PROCEDURE, Cut.OFFICIAL, Cut.COUNTER, Cut.FIELD, Cut.LEVEL, Cut.AGENCY):
        here = counter_report(desk.ctx, cases.QUARTER, cut).groups
        there = province_report(centre.url, cases.QUARTER, cut).groups
        assert {k: asdict(v) for k, v in here.items()} == {k: asdict(v) for k, v in there.items()}
    by_channel = province_report(centre.url, cases.QUARTER, Cut.OFFICIAL).groups
    assert by_channel["dvc"].received_online == 1
    assert by_channel["tiepnhan"].received == 12
    # and the command line's province report reads the replica it is given
    out = desk.directory / "tinh.json"
    argv = ["report", "--central", unreachable, "--replica", centre.url, "--from", "2027-01-01"]
    assert main([*argv, "--to", "2027-03-31", "--out", str(out)]) == 0
    total = json.loads(out.read_text(encoding="utf-8"))["total"]
    assert total == pytest.approx(all_figures(expected))
    # and the centre's facts can be read for some agencies only
    engine = report_engine(centre.url)
    try:
        with engine.connect() as conn:
            everyone = central_facts(conn, cases.QUARTER)
            agency = everyone[0].agency_id
            some = central_facts(conn, cases.QUARTER, [agency, "000.99.99.H99"])
    finally:
        engine.dispose()
    assert some and {f.agency_id for f in some} == {agency}
    assert len(some) == sum(f.agency_id == agency for f in everyone)


def test_province_report_refuses_an_unreachable_primary_without_a_replica(centre: Centre) -> None:
    from sqlalchemy.exc import OperationalError

    unreachable = centre.url.replace(f":{centre.engine.url.port}/", ":9/")
    with pytest.raises(OperationalError):
        province_report(unreachable, cases.QUARTER)
