"""Circular 01/2018 Arts. 13-14 per period and unit at the desk, and Decree
118/2025 Art. 32(1) at the centre, read from the dossiers' bodies there."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from counter_app.app_setup import Runtime
from counter_app.centre import admin
from counter_app.domain.evaluation import CitizenAnswers
from counter_app.domain.returns import ReturnDetails
from counter_app.domain.workflow import Action
from counter_app.reports.definitions import Period
from counter_app.reports.evaluation import TOTAL, EvaluationFigures
from counter_app.services import dossiers
from counter_app.services.context import ServiceContext
from counter_app.services.evaluation_reports import counter_evaluation, province_evaluation
from tests.cli.test_cli import run
from tests.conftest import AGENCY, Clock
from tests.reports import cases
from tests.sync.conftest import Centre

MARCH = Period(date(2027, 3, 1), date(2027, 3, 31))


def _answers(**scores: int) -> ReturnDetails:
    return ReturnDetails(answers=CitizenAnswers(scores))


def _play(ctx: ServiceContext, clock: Clock) -> None:
    """Three dossiers of a 3-working-day procedure, March 2027."""
    d = cases.Desk(ctx, clock)
    # A: received Mon 08/03 09:00, due Thu 11/03 09:00, ready Tue 09/03: shorter.
    a = d.receive("2027-03-08T09:00", cases.P3, "Lộc Thị Cúc")
    d.decide("2027-03-09T14:00", a)
    d.hand_over("2027-03-10T09:00", a, _answers(**{"4": 2, "7": 2, "d": 2}))
    # B: a supplement asked Tue 09/03, brought Wed 10/03 09:00: the limit
    # counts again (Art. 19(5)), due Mon 15/03 09:00; ready that morning: equal.
    b = d.receive("2027-03-08T10:00", cases.P3, "Hoàng Văn An")
    d.step("2027-03-09T09:00", "thamdinh", b, Action.REQUEST_SUPPLEMENT, items=("Bản sao",))
    d.step("2027-03-10T09:00", "tiepnhan", b, Action.SUPPLEMENT)
    due = dossiers.get_dossier(ctx, b).row.appointment_at
    assert due == datetime(2027, 3, 15, 9, 0)
    for who, action in (
        ("thamdinh", Action.APPRAISE),
        ("phochutich", Action.APPROVE),
        ("tiepnhan", Action.PREPARE_RESULT),
    ):
        d.step("2027-03-15T08:00", who, b, action)
    d.hand_over("2027-03-16T09:00", b, _answers(**{"4": 1, "7": 0}))
    # C: received Tue 09/03 09:00, due Fri 12/03 09:00, ready at 15:00: longer.
    c = d.receive("2027-03-09T09:00", cases.P3, "Triệu Thị Bình")
    d.decide("2027-03-12T15:00", c)
    d.hand_over("2027-03-15T10:00", c)  # the citizen was not asked


def _check(figures: EvaluationFigures) -> None:
    counts = {k: t.counts for k, t in figures.indicators.items()}
    assert (figures.evaluated, figures.answered) == (3, 2)
    assert counts["system:1"] == {2: 1, 1: 1, 0: 1}
    assert counts["system:3"] == {2: 2, 1: 1, 0: 0}
    assert counts["citizen:4"] == {2: 1, 1: 1, 0: 0}
    assert counts["citizen:7"] == {2: 1, 1: 0, 0: 1}
    assert counts["citizen:d"] == {2: 1, 1: 0, 0: 0}
    assert "citizen:e" not in counts  # nobody answered it
    assert figures.indicators["system:1"].average == 1.0
    assert figures.indicators["citizen:4"].average == 1.5
    assert figures.citizen_average() == pytest.approx(7 / 5)


def test_circular_01_2018_article_13_each_indicator_per_period_at_the_desk(
    counter: Runtime, clock: Clock
) -> None:
    _play(counter.ctx, clock)
    figures = counter_evaluation(counter.ctx, MARCH)
    _check(figures[TOTAL])
    uuid = next(k for k in figures if k)
    _check(figures[uuid])  # the one counter
    # Returned in March: February's report has none of them.
    assert (
        counter_evaluation(counter.ctx, Period(date(2027, 2, 1), date(2027, 2, 28)))[
            TOTAL
        ].evaluated
        == 0
    )


@pytest.mark.slow
def test_decree_118_article_32_1_the_province_figures_at_the_centre(centre: Centre) -> None:
    clock = Clock(datetime(2027, 3, 8, 8, 0))
    desk = centre.desk("Quầy số 1", clock)
    _play(desk.ctx, clock)
    # AND one dossier submitted on the portal that month: electronic from the start
    admin.import_online(
        centre.engine,
        [
            {
                "code": f"{AGENCY}-270310-9001",
                "agency_id": AGENCY,
                "procedure_code": cases.P3,
                "submitted_at": "2027-03-10T20:15:00",
                "fee": 15_000,
                "applicant": {"full_name": "Lăng Thị Hoa", "id_number": "020190001234"},
            }
        ],
    )
    desk.sync()
    province = province_evaluation(centre.url, MARCH)
    for key in (TOTAL, AGENCY):
        fig = province[key]
        _check(fig.evaluation)
        assert (fig.received, fig.received_online, fig.online_share) == (4, 1, 0.25)
        # Art. 32(1) digitisation: the paper dossiers were not scanned (this
        # version does not scan yet); the portal's is electronic
        assert (fig.digitised, fig.digitisation_share) == (1, 0.25)
        # A early, B on time, C late (the appointment in force).
        assert (fig.resolved, fig.in_time) == (3, 2)
        assert fig.in_time_share == pytest.approx(2 / 3)
        assert fig.satisfaction == pytest.approx(7 / 5)
    # The desk's own figures are the centre's.
    assert counter_evaluation(desk.ctx, MARCH)[TOTAL] == province[TOTAL].evaluation


def test_circular_01_2018_the_indicators_come_out_of_the_command_line(
    counter: Runtime, clock: Clock, tmp_path: Path
) -> None:
    _play(counter.ctx, clock)
    out = tmp_path / "danh-gia.json"
    counter.close()  # the command opens the counter's database itself, as a script would
    done = run(
        "report", "--from", "2027-03-01", "--to", "2027-03-31", "--format", "evaluation",
        "--out", str(out), "--by", "tiepnhan", data_dir=tmp_path / "counter",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    units = json.loads(out.read_text(encoding="utf-8"))["units"]
    every = units[TOTAL]
    assert (every["evaluated"], every["answered"]) == (3, 2)
    assert every["indicators"]["system:1"] == {
        "average": 1.0,
        "points": {"0": 1, "1": 1, "2": 1},
    }
    assert every["indicators"]["citizen:4"]["average"] == 1.5
