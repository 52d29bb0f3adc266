"""The evaluation lists the desk offers, read from the shipped, versioned files.

Version 1 is a list of criteria rated at one overall level; from version 2 a
file lists the indicators of Circular 01/2018/TT-VPCP and the questions of
Decree 118/2025 Article 33(1) (domain/evaluation.py). Every version stays
readable: a dossier is read with the list it was rated under.
"""

from __future__ import annotations

import functools
import json
import re

from counter_app.domain.evaluation import EvaluationSet, is_indicator_set, parse_evaluation
from counter_app.domain.returns import CriteriaList, parse_criteria
from counter_app.resources_path import resource

_FILE = re.compile(r"^criteria-v(\d+)\.json$")


@functools.cache
def _files() -> tuple[str, ...]:
    return tuple(
        node.read_text(encoding="utf-8")
        for node in resource("satisfaction").iterdir()
        if _FILE.match(node.name)
    )


@functools.cache
def criteria_lists() -> dict[str, CriteriaList]:
    """The overall-level lists (version 1) by version: an old rating is read
    with its own list."""
    lists = [parse_criteria(text) for text in _files() if not is_indicator_set(json.loads(text))]
    return {c.version: c for c in lists}


def current_criteria() -> CriteriaList:
    """The newest overall-level list: what a rating given as one level is
    checked against (new ratings answer the indicators: current_evaluation)."""
    return max(criteria_lists().values(), key=lambda c: int(c.version))


@functools.cache
def evaluation_sets() -> dict[str, EvaluationSet]:
    sets = [parse_evaluation(text) for text in _files() if is_indicator_set(json.loads(text))]
    return {s.version: s for s in sets}


def current_evaluation() -> EvaluationSet:
    """The newest indicator list: the one a new evaluation is made under."""
    return max(evaluation_sets().values(), key=lambda s: int(s.version))
