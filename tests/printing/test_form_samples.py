"""The sample pages in docs/forms/ come from the real engine: a scripted month
per form set, played through the services with the service clock, and the
data behind every page agrees with the calendar and the rules."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime, time
from pathlib import Path

import pytest

from counter_app.app_setup import Runtime, open_runtime
from counter_app.devtools.form_samples import MONTHS, Month, month_rows, play_month
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.procedure import ProcedureSpec, cutoff_applies
from counter_app.services import catalogue

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "forms"

Played = list[tuple[Month, list[dict[str, object]]]]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    rt = open_runtime(tmp_path_factory.mktemp("month"))
    yield rt
    rt.close()


@pytest.fixture(scope="module")
def played(desk: Runtime) -> Played:
    months = [play_month(desk, year, month) for year, month in MONTHS]
    return [(m, month_rows(desk, m)) for m in months]


@pytest.fixture(scope="module")
def cal(desk: Runtime, played: Played) -> WorkCalendar:
    with desk.ctx.sessions() as session:
        return desk.ctx.calendar(session)


@pytest.fixture(scope="module")
def specs(desk: Runtime, played: Played) -> dict[str, ProcedureSpec]:
    return {s.code: s for s in catalogue.list_procedures(desk.ctx)}


def _at(value: object) -> datetime:
    return datetime.strptime(str(value), "%Y-%m-%d %H:%M")


def _rows(played: Played) -> list[dict[str, object]]:
    return [row for _month, rows in played for row in rows]


def test_each_month_prints_with_the_set_of_its_dates(played: Played) -> None:
    assert [m.set_id for m, _rows in played] == ["tt01-2018", "tt03-2025"]
    for month, rows in played:
        assert rows, "a month without dossiers proves nothing"
        assert all(month.start <= _at(r["received"]).date() <= month.end for r in rows)


def test_nothing_happens_on_a_day_off_or_outside_working_hours(
    played: Played, cal: WorkCalendar
) -> None:
    for row in _rows(played):
        for key in ("received", "finished", "returned"):
            if row[key] is None:
                continue
            moment = _at(row[key])
            assert cal.is_working_day(moment.date()), (row["code"], key, moment)
            assert time(7, 30) <= moment.time() <= time(17, 0), (row["code"], key, moment)


def test_every_appointment_is_the_one_the_calendar_gives(
    played: Played, cal: WorkCalendar, specs: dict[str, ProcedureSpec]
) -> None:
    for row in _rows(played):
        spec = specs[str(row["procedure"])]
        received = _at(row["received"])
        expected = cal.due(received, spec.processing_time, cutoff=cutoff_applies(spec))
        assert _at(row["appointment_at_reception"]) == expected, row["code"]
        # A moved appointment (supplement pause, apology) is still a working moment.
        assert cal.is_working_day(_at(row["appointment"]).date()), row["code"]


def test_no_dossier_decided_in_time_is_marked_late(played: Played) -> None:
    seen = set()
    for row in _rows(played):
        if row["finished"] is None:
            continue
        late = _at(row["finished"]) > _at(row["appointment"])
        assert (row["timeliness"] == "late") is late, row
        seen.add(row["timeliness"])
    # The month shows all three results, so the check above had something to check.
    assert seen == {"early", "on_time", "late"}


def test_the_ledger_page_says_what_the_data_says(
    played: Played, pdf_text: Callable[[bytes], list[str]]
) -> None:
    for month, rows in played:
        ledger = next(s for s in month.samples if s.name.endswith("-ledger"))
        text = " ".join(pdf_text(ledger.pdf))
        late = sum(1 for r in rows if r["timeliness"] == "late")
        assert late >= 1 and text.count("Quá hạn") == late
        assert "Không thu" not in text  # a ledger states no fee; receipts do


def test_docs_forms_is_this_engines_output(played: Played) -> None:
    # GIVEN the committed pages and the data they were printed from
    committed = json.loads((DOCS / "samples.json").read_text(encoding="utf-8"))
    # THEN a fresh run of the same months gives the same dossiers, and every page is there
    for month, rows in played:
        key = f"{month.start:%Y-%m}"
        assert committed[key]["form_set"] == month.set_id
        assert committed[key]["dossiers"] == rows
        assert committed[key]["samples"] == {s.name: s.code for s in month.samples}
        for sample in month.samples:
            assert (DOCS / f"{sample.name}.png").is_file(), sample.name
