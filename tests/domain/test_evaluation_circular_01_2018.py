"""Circular 01/2018/TT-VPCP Articles 13-14 and Decree 118/2025 Article 33(1):
the indicators a dossier is scored on, with worked dates."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from counter_app.domain.evaluation import (
    CitizenAnswers,
    ScoredBy,
    citizen_average,
    computed_scores,
    contact_points,
    evaluation_record,
    legal_due,
    parse_evaluation,
    time_points,
)
from counter_app.domain.messages import ValidationFailed
from counter_app.domain.returns import Channel, ReturnDetails, parse_criteria, return_record

_DIR = Path(__file__).parents[2] / "resources" / "satisfaction"
V2 = parse_evaluation((_DIR / "criteria-v2.json").read_text(encoding="utf-8"))
V1 = parse_criteria((_DIR / "criteria-v1.json").read_text(encoding="utf-8"))

# Received Mon 02/03/2026 for a 6-working-day procedure: due Tue 10/03 10:00.
DUE = datetime(2026, 3, 10, 10, 0)


@pytest.mark.parametrize(
    ("ready", "points"),
    [
        (datetime(2026, 3, 9, 16, 30), 2),  # the day before: shorter than the limit
        (datetime(2026, 3, 10, 8, 0), 1),  # the appointment's own day, before its hour: equal
        (datetime(2026, 3, 10, 10, 0), 1),  # at the appointment itself: equal
        (datetime(2026, 3, 10, 10, 1), 0),  # a minute after: longer
        (datetime(2026, 3, 11, 8, 0), 0),  # the next day: longer
    ],
)
def test_article_13_indicator_1_time_against_the_legal_limit(ready: datetime, points: int) -> None:
    assert time_points(DUE, ready) == points


def test_article_19_6_an_extension_does_not_move_the_limit_indicator_1_measures() -> None:
    # An apology on Mon 09/03 moved the appointment to Tue 17/03; ready Mon 16/03.
    steps = [
        ("receive", {}),
        ("apologise", {"old_appointment": DUE.isoformat(), "appointment": "2026-03-17T10:00:00"}),
    ]
    assert legal_due(datetime(2026, 3, 17, 10, 0), steps) == DUE
    scores = computed_scores(datetime(2026, 3, 17, 10, 0), datetime(2026, 3, 16, 9, 0), 0, steps)
    assert scores == {"1": 0, "3": 2}


def test_article_19_5_a_restarted_limit_is_the_one_indicator_1_measures() -> None:
    # A supplement asked Wed 04/03 and received Mon 09/03: the 6 working days
    # count again, due Tue 17/03 (the appointment in force). Ready Fri 13/03.
    scores = computed_scores(datetime(2026, 3, 17, 10, 0), datetime(2026, 3, 13, 15, 0), 1, [])
    assert scores == {"1": 2, "3": 1}


@pytest.mark.parametrize(("requests", "points"), [(0, 2), (1, 1), (2, 0), (3, 0)])
def test_article_13_indicator_3_contacts_to_complete_the_dossier(
    requests: int, points: int
) -> None:
    assert contact_points(requests) == points


def test_the_list_cites_decree_118_article_33_and_circular_01_2018_in_force_06_01_2019() -> None:
    assert any("118/2025/NĐ-CP, Điều 33 khoản 1" in s for s in V2.sources)
    assert any("01/2018/TT-VPCP, Điều 13" in s and "06/01/2019" in s for s in V2.sources)
    assert [i.id for i in V2.indicators] == [str(n) for n in range(1, 10)]
    assert {i.id for i in V2.computed()} == {"1", "3"}
    by = {i.id: i.scored_by for i in V2.indicators}
    assert by["4"] is by["7"] is ScoredBy.CITIZEN
    assert by["2"] is ScoredBy.NOT_RECORDED
    # Article 33(1): the citizen is asked points b, d, đ, e, g, h; i is the comment.
    assert sorted(q.point for q in V2.questions) == sorted(["b", "d", "đ", "e", "g", "h"])
    assert all(set(q.answers) == {0, 1, 2} for q in V2.questions)
    # A question on an indicator answers with the indicator's own scale.
    assert V2.question("7").answers == next(i for i in V2.indicators if i.id == "7").points
    # Version 1 stays readable for dossiers rated under it.
    assert V1.version == "1"


def test_each_answer_is_kept_apart_and_an_unanswered_question_stays_none() -> None:
    record = evaluation_record(V2, {"1": 1, "3": 2}, CitizenAnswers({"4": 2, "7": 0}, " Nhanh "))
    assert record == {
        "version": "2",
        "system": {"1": 1, "3": 2},
        "citizen": {"4": 2, "d": None, "7": 0, "e": None, "g": None, "h": None},
        "answered": True,
        "comment": "Nhanh",
    }
    assert citizen_average([record, None, evaluation_record(V2, {}, None)]) == 1.0


def test_an_answer_outside_the_list_or_the_scale_is_refused() -> None:
    with pytest.raises(ValidationFailed) as failed:
        return_record(
            ReturnDetails(answers=CitizenAnswers({"4": 3, "z": 1})), V1, "A", "020190001234", V2
        )
    assert [f for f, _ in failed.value.errors] == ["rating"]


def test_a_result_sent_by_post_takes_no_answers() -> None:
    details = ReturnDetails(
        channel=Channel.POST, tracking_number="EF123456789VN", answers=CitizenAnswers({"4": 2})
    )
    with pytest.raises(ValidationFailed):
        return_record(details, V1, "A", "020190001234", V2)
