"""Returning a result to the citizen: who collected it, how, and their rating.

The return step is the one moment the desk meets the citizen again; what it
records here (the person who signed for the result, the postal tracking
number, the satisfaction rating) is what an inspector and the province's
reports ask for later. The rating is the citizen's to give or to decline.

Criteria lists are versioned data (resources/satisfaction/criteria-v*.json)
that cite their source; a rating keeps the version it was given under, so a
later list never changes what an old rating meant. Version 1 was one overall
level; from version 2 the citizen answers the questions of Decree 118/2025
Article 33(1) one by one (domain/evaluation.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from counter_app.domain.evaluation import CitizenAnswers, EvaluationSet, answer_errors
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, ValidationFailed
from counter_app.domain.text import nfc
from counter_app.domain.validation import ApplicantInput, validate_applicant

_CTX = "Returns"


class Collector(StrEnum):
    APPLICANT = "applicant"
    AUTHORISED = "authorised"  # người được ủy quyền


class Channel(StrEnum):
    DESK = "desk"
    POST = "post"  # dịch vụ bưu chính công ích


class Satisfaction(StrEnum):
    VERY_SATISFIED = "very_satisfied"
    SATISFIED = "satisfied"
    DISSATISFIED = "dissatisfied"


SATISFACTION_LABELS = {
    Satisfaction.VERY_SATISFIED: Message(_CTX, QT_TRANSLATE_NOOP("Returns", "Very satisfied")),
    Satisfaction.SATISFIED: Message(_CTX, QT_TRANSLATE_NOOP("Returns", "Satisfied")),
    Satisfaction.DISSATISFIED: Message(_CTX, QT_TRANSLATE_NOOP("Returns", "Dissatisfied")),
}

# Postal tracking numbers of Vietnam Post (e.g. "EF123456789VN") and of other
# carriers: letters and digits, no spaces once typed separators are removed.
_TRACKING = re.compile(r"^[A-Z0-9]{6,30}$")
_TRACKING_SEPARATORS = re.compile(r"[\s\-.]")


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    # What fits beside a tick box; the full label is the box's tooltip.
    short: str
    at_desk: bool


@dataclass(frozen=True)
class CriteriaList:
    version: str
    title: str
    criteria: tuple[Criterion, ...]
    sources: tuple[str, ...]

    def at_desk(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.at_desk)

    def ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.criteria)


def parse_criteria(text: str) -> CriteriaList:
    """A criteria list from its JSON file; a list without a source is refused."""
    doc = json.loads(text)
    sources = tuple(str(s["cite"]) for s in doc.get("sources", ()))
    if not sources:
        raise ValueError("a satisfaction criteria list must cite its source")
    return CriteriaList(
        version=str(doc["version"]),
        title=str(doc["title"]),
        criteria=tuple(
            Criterion(
                str(c["id"]),
                str(c["label"]),
                str(c.get("short") or c["label"]),
                bool(c.get("at_desk", True)),
            )
            for c in doc["criteria"]
        ),
        sources=sources,
    )


@dataclass(frozen=True)
class Rating:
    level: Satisfaction
    # Criterion id -> level, for the criteria the citizen chose to rate.
    criteria: Mapping[str, Satisfaction] = field(default_factory=dict)


@dataclass(frozen=True)
class ReturnDetails:
    """What the official fills in when handing over (or posting) the result."""

    collector: Collector = Collector.APPLICANT
    # An authorised person's own name and ID number (the applicant's are on file).
    collector_name: str = ""
    collector_id: str = ""
    channel: Channel = Channel.DESK
    tracking_number: str = ""
    # The overall level of list version 1 (dossiers rated under it, and
    # callers of the service that still give it); None: not given.
    rating: Rating | None = None
    # The citizen's answers to the questions of list version 2; None: not
    # asked (or the result went by post).
    answers: CitizenAnswers | None = None


def _msg(source: str, **params: object) -> Message:
    return Message(_CTX, source, dict(params))


def return_record(
    details: ReturnDetails,
    criteria: CriteriaList,
    applicant_name: str,
    applicant_id: str,
    questions: EvaluationSet | None = None,
) -> dict[str, Any]:
    """The step's record of the return, normalised; raises ValidationFailed
    listing every problem (field, message) so the form can show each."""
    errors: list[tuple[str, Message]] = []
    record: dict[str, Any] = {
        "channel": details.channel.value,
        "collected_by": details.collector.value,
    }
    if details.collector is Collector.AUTHORISED:
        person = ApplicantInput(full_name=details.collector_name, id_number=details.collector_id)
        try:
            person = validate_applicant(person)
        except ValidationFailed as failed:
            fields = {"full_name": "collector_name", "id_number": "collector_id"}
            errors += [(fields.get(f, f), m) for f, m in failed.errors]
        record["collector_name"] = person.full_name
        record["collector_id"] = person.id_number
    else:
        record["collector_name"] = applicant_name
        record["collector_id"] = applicant_id
    if details.channel is Channel.POST:
        tracking = _TRACKING_SEPARATORS.sub("", nfc(details.tracking_number)).upper()
        if not _TRACKING.match(tracking):
            source = QT_TRANSLATE_NOOP(
                "Returns",
                "Enter the postal tracking number: 6 to 30 letters and digits, as on the "
                "postal receipt (for example EF123456789VN).",
            )
            errors.append(("tracking_number", _msg(source)))
        record["tracking_number"] = tracking
        if details.rating is not None or (details.answers and details.answers.scores):
            source = QT_TRANSLATE_NOOP(
                "Returns",
                "A result sent by post is not rated at the desk; clear the rating.",
            )
            errors.append(("rating", _msg(source)))
    if details.rating is not None:
        unknown = sorted(set(details.rating.criteria) - criteria.ids())
        if unknown:
            source = QT_TRANSLATE_NOOP(
                "Returns",
                "Criteria {ids} are not in list version {version}; choose from the list shown.",
            )
            errors.append(
                ("rating", _msg(source, ids=", ".join(unknown), version=criteria.version))
            )
        record["rating"] = details.rating.level.value
        record["criteria"] = {k: v.value for k, v in sorted(details.rating.criteria.items())}
        record["criteria_version"] = criteria.version
    else:
        record["rating"] = None
    if details.answers is not None and questions is not None:
        errors += answer_errors(details.answers, questions)
    if errors:
        raise ValidationFailed(errors)
    return record
