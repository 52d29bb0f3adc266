"""The evaluation of a dossier's handling, as Decree 118/2025 Article 33(1)
and Circular 01/2018/TT-VPCP Articles 13-14 set it: nine indicators, each
worth 2, 1 or 0 points per dossier.

Some indicators are the system's to score from the dossier's own record
(Article 14: the time taken, the contacts it took to complete the dossier);
the others are the citizen's answers, asked at the return step, each 0, 1 or
2, or left unanswered. The list is versioned data
(resources/satisfaction/criteria-v2.json) that cites its texts; a dossier's
evaluation keeps the version it was made under.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from counter_app.domain.calendar import Timeliness, classify
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.domain.text import nfc
from counter_app.domain.workflow import Action

_CTX = "Returns"
POINTS = (2, 1, 0)
# Article 33(1)(i), "other comments": a few sentences, not a letter.
MAX_COMMENT = 500


class ScoredBy(StrEnum):
    SYSTEM = "system"  # computed here from the dossier's record
    CITIZEN = "citizen"  # asked of the citizen at the return
    UNIT = "unit"  # scored per desk or office, not per dossier (Article 14)
    NOT_RECORDED = "not_recorded"  # per dossier, but the record cannot say


@dataclass(frozen=True)
class Indicator:
    id: str  # Circular 01/2018 Article 13's number
    point: str | None  # Decree 118/2025 Article 33(1)'s point
    scored_by: ScoredBy
    short: str
    label: str
    points: Mapping[int, str]  # 2/1/0 -> what earns it
    how: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    point: str  # Article 33(1)'s point
    short: str
    label: str
    answers: Mapping[int, str]  # 2/1/0 -> the answer's wording


@dataclass(frozen=True)
class EvaluationSet:
    version: str
    title: str
    sources: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    questions: tuple[Question, ...]
    comment_label: str

    def computed(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.scored_by is ScoredBy.SYSTEM)

    def question(self, qid: str) -> Question | None:
        return next((q for q in self.questions if q.id == qid), None)


def _points(raw: Mapping[str, str] | Mapping[int, str]) -> dict[int, str]:
    points = {int(k): str(v) for k, v in raw.items()}
    if set(points) != set(POINTS):
        raise ValueError(f"an indicator scores 2, 1 and 0 points, not {sorted(points)}")
    return points


def is_indicator_set(doc: Mapping[str, Any]) -> bool:
    return doc.get("kind") == "indicators"


def parse_evaluation(text: str) -> EvaluationSet:
    """An indicator list from its JSON file; one without a source is refused."""
    doc = json.loads(text)
    sources = tuple(str(s["cite"]) for s in doc.get("sources", ()))
    if not sources:
        raise ValueError("an evaluation list must cite its source")
    indicators = tuple(
        Indicator(
            id=str(i["id"]),
            point=i.get("point"),
            scored_by=ScoredBy(i["scored_by"]),
            short=str(i["short"]),
            label=str(i["label"]),
            points=_points(i["points"]),
            how=str(i.get("how", "")),
        )
        for i in doc["indicators"]
    )
    by_id = {i.id: i for i in indicators}
    questions = []
    for q in doc["questions"]:
        # A question on an indicator answers with that indicator's own scale.
        scale = q.get("answers") or by_id[str(q["indicator"])].points
        questions.append(
            Question(
                str(q["id"]), str(q["point"]), str(q["short"]), str(q["label"]), _points(scale)
            )
        )
    return EvaluationSet(
        version=str(doc["version"]),
        title=str(doc["title"]),
        sources=sources,
        indicators=indicators,
        questions=tuple(questions),
        comment_label=str(doc["comment"]["label"]),
    )


# -- What the system scores from the dossier's record -------------------------

_TIME_POINTS = {Timeliness.EARLY: 2, Timeliness.ON_TIME: 1, Timeliness.LATE: 0}


def legal_due(appointment_at: datetime, steps: Iterable[tuple[str, Mapping[str, Any]]]) -> datetime:
    """The appointment the law sets: the one in force, unless an extension
    moved it, then the date it moved (Article 19(6) lets the authority
    apologise and set a new date; the time limit the law set stays the
    measure of indicator 1). A restarted time limit (Article 19(5)) is in
    the appointment already: the law counts it from the complete dossier."""
    for action, data in steps:
        if action == Action.APOLOGISE.value and data.get("old_appointment"):
            return datetime.fromisoformat(str(data["old_appointment"]))
    return appointment_at


def time_points(due: datetime, done: datetime) -> int:
    """Indicator 1: shorter than the legal time 2, equal 1, longer 0. Equal is
    ready on the appointment's own day, not after its hour; shorter is ready
    on an earlier day (calendar.classify, as the reports count on time)."""
    return _TIME_POINTS[classify(due, done)]


def contact_points(supplement_requests: int) -> int:
    """Indicator 3: each supplement request made the citizen come back to
    complete the dossier: none 2, one 1, more 0. (The circular spares the
    applicant's own fault; the record does not say whose fault it was.)"""
    return 2 if supplement_requests == 0 else 1 if supplement_requests == 1 else 0


def computed_scores(
    appointment_at: datetime,
    done_at: datetime,
    supplement_requests: int,
    steps: Iterable[tuple[str, Mapping[str, Any]]],
) -> dict[str, int]:
    """The indicators the record scores, by their number."""
    return {
        "1": time_points(legal_due(appointment_at, steps), done_at),
        "3": contact_points(supplement_requests),
    }


# -- What the citizen answers -------------------------------------------------


@dataclass(frozen=True)
class CitizenAnswers:
    """Question id -> 2/1/0; a question left out was not answered."""

    scores: Mapping[str, int]
    comment: str = ""


def answer_errors(answers: CitizenAnswers, questions: EvaluationSet) -> list[tuple[str, Message]]:
    errors: list[tuple[str, Message]] = []
    unknown = sorted(
        qid
        for qid, score in answers.scores.items()
        if questions.question(qid) is None or score not in POINTS
    )
    if unknown:
        source = QT_TRANSLATE_NOOP(
            "Returns",
            "Answers {ids} are not questions of list version {version} scored 0, 1 or 2; "
            "choose from the list shown.",
        )
        errors.append(
            (
                "rating",
                Message(_CTX, source, {"ids": ", ".join(unknown), "version": questions.version}),
            )
        )
    if len(nfc(answers.comment).strip()) > MAX_COMMENT:
        source = QT_TRANSLATE_NOOP("Returns", "Shorten the comment to {n} characters.")
        errors.append(("comment", Message(_CTX, source, {"n": MAX_COMMENT})))
    return errors


def evaluation_record(
    questions: EvaluationSet, computed: Mapping[str, int], answers: CitizenAnswers | None
) -> dict[str, Any]:
    """What the dossier keeps: the list's version, the system's scores and the
    citizen's (None: not answered; no answers at all: not asked)."""
    citizen: dict[str, int | None] = {q.id: None for q in questions.questions}
    if answers is not None:
        citizen.update({k: int(v) for k, v in answers.scores.items()})
    return {
        "version": questions.version,
        "system": dict(sorted(computed.items())),
        "citizen": citizen,
        "answered": answers is not None and any(v is not None for v in citizen.values()),
        "comment": nfc(answers.comment).strip() if answers is not None else "",
    }


def scores_of(record: Mapping[str, Any] | None) -> dict[str, int]:
    """Every score a dossier's record holds, keyed ``system:<id>`` and
    ``citizen:<id>``; unanswered questions left out. Reads any version."""
    if not record:
        return {}
    out: dict[str, int] = {}
    for side in ("system", "citizen"):
        for key, value in (record.get(side) or {}).items():
            if value in POINTS:
                out[f"{side}:{key}"] = int(value)
    return out


def citizen_average(records: Sequence[Mapping[str, Any] | None]) -> float | None:
    """The mean of every answer citizens gave (0 to 2), None if none answered."""
    values = [v for r in records for k, v in scores_of(r).items() if k.startswith("citizen:")]
    return sum(values) / len(values) if values else None
