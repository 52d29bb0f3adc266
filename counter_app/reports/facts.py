"""Turning either database's columns into :class:`DossierFacts`.

Both sides read the same fields under the same names (the counter's columns,
the centre's columns) and call :func:`dossier_facts`. What a step or a pause
means is declared once, in :mod:`counter_app.reports.fact_rules`: on the
counter :class:`Completion` applies those rules to the steps and pauses it
reads; at the centre the SQL function made of the same rules
(``sql_rules.refresh_report_facts_sql``) writes them onto each dossier's row
as its records arrive. Either way the same completed columns become facts
here (:func:`_completed`); tests/reports/test_fact_rules.py and the parity test
hold the two sides to the same facts and figures.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from counter_app.domain.procedure import TimeUnit, default_cutoff
from counter_app.domain.workflow import State
from counter_app.reports.definitions import (
    DossierFacts,
    LateSteps,
    Pause,
    ReturnFacts,
    channel_of,
)
from counter_app.reports.fact_rules import (
    COMPLETED_FIELDS,
    PAUSE,
    PAUSE_PATHS,
    RULES,
    STEP,
    STEP_PATHS,
    FactRule,
    Pick,
    Value,
)


def _dt(value: Any) -> datetime | None:
    # Most values are a driver's datetime or an ISO text: tested first.
    if value.__class__ is datetime:
        return value
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _required(value: Any) -> datetime:
    if value.__class__ is datetime:
        return value
    moment = _dt(value)
    if moment is None:
        raise ValueError("a dossier lacks a required date")
    return moment


# Most returns rate no criterion: their empty record is neither parsed nor
# copied (nothing changes a ReturnFacts' criteria).
_EMPTY_JSON = "{}"
_NO_CRITERIA: Mapping[str, str] = MappingProxyType({})


def return_facts(
    at: datetime,
    channel: str | None,
    collected_by: str | None,
    rating: str | None,
    criteria: Mapping[str, Any] | str | None,
) -> ReturnFacts:
    """The fields of a return step's ``data["return"]`` record (``criteria`` as
    a mapping or its JSON text)."""
    if criteria == _EMPTY_JSON or not criteria:
        levels: Mapping[str, str] = _NO_CRITERIA
    else:
        parsed = json.loads(criteria) if isinstance(criteria, str) else criteria
        levels = {str(k): str(v) for k, v in parsed.items()} if parsed else _NO_CRITERIA
    return ReturnFacts(at, channel or "desk", collected_by or "applicant", rating or None, levels)


def _read(rule: FactRule, paths: tuple[tuple[str, ...], ...]) -> tuple[tuple[int, bool], ...]:
    """Where each of the rule's fields lies among the values read with its
    kind's records, and whether it is a time."""
    return tuple((paths.index(f.path), f.value is Value.TIME) for f in rule.fields)


def _by_action() -> dict[str, list[tuple[FactRule, tuple[tuple[int, bool], ...]]]]:
    # One step may feed several rules (a start of appraisal is a hand-over
    # and an online answer).
    rules: dict[str, list[tuple[FactRule, tuple[tuple[int, bool], ...]]]] = {}
    for rule in RULES:
        for action in rule.actions if rule.kind == STEP else ():
            rules.setdefault(action, []).append((rule, _read(rule, STEP_PATHS)))
    return rules


_STEP_RULES = _by_action()
_PAUSE_RULES = tuple((r, _read(r, PAUSE_PATHS)) for r in RULES if r.kind == PAUSE)


def _order(values: tuple[Any, ...]) -> tuple[tuple[bool, Any], ...]:
    # Pick.ALL: by the fields left to right, a missing value after any value.
    return tuple((v is None, v) for v in values)


class Completion:
    """Completes facts (by their dossier's key) with what their steps and
    pauses mean, by the rules of :mod:`fact_rules` (the centre applies the same
    rules in SQL): the completed columns, as the centre's row holds them, then
    the same facts a centre's row makes. Steps are given in the desk's order
    (its counter sequence): of two a Pick.LAST rule finds at the same time,
    the later given wins, as the later pushed does at the centre (Pick.FIRST:
    the earlier)."""

    def __init__(self, facts: Mapping[Any, DossierFacts]) -> None:
        self._facts = facts
        self._found: dict[Any, dict[str, Any]] = defaultdict(dict)

    def add_pause(self, key: Any, *values: Any) -> None:
        """A pause, with the values of fact_rules.PAUSE_PATHS (start, end)."""
        for rule, read in _PAUSE_RULES:
            self._add(key, rule, read, values)

    def add_step(self, key: Any, action: str, *values: Any) -> None:
        """A step, with the values of fact_rules.STEP_PATHS (its time, then
        the fields of its ``data["return"]`` record, read out of the JSON;
        ``criteria`` as a mapping or its JSON text). Missing ones are None."""
        for rule, read in _STEP_RULES.get(action, ()):
            self._add(key, rule, read, values)

    def _add(
        self, key: Any, rule: FactRule, read: tuple[tuple[int, bool], ...], values: tuple[Any, ...]
    ) -> None:
        if key not in self._facts:
            return
        found = self._found[key]
        if rule.pick is Pick.ANY:
            found[rule.name] = True
            return
        picked = tuple(
            (_dt(values[i]) if time else values[i]) if i < len(values) else None for i, time in read
        )
        if rule.pick is Pick.ALL:
            found.setdefault(rule.name, []).append(picked)
        elif picked[0] is not None:
            held = found.get(rule.name)
            if (
                held is None
                or (rule.pick is Pick.LAST and picked[0] >= held[0])
                or (rule.pick is Pick.FIRST and picked[0] < held[0])
            ):
                found[rule.name] = picked

    def finish(self) -> None:
        """The completed columns onto their facts."""
        for key, found in self._found.items():
            f = self._facts[key]
            f.pauses, f.refused, f.withdrawn_at, f.returned, f.late = _completed(*_columns(found))


def _columns(found: Mapping[str, Any]) -> list[Any]:
    """A dossier's values of COMPLETED_FIELDS from what its rules found."""
    out: list[Any] = []
    for rule in RULES:
        held = found.get(rule.name)
        if rule.pick is Pick.ANY:
            out.append(bool(held))
        elif held is None:
            out += [None] * len(rule.fields)
        elif rule.pick is not Pick.ALL:
            out += held
        else:
            out += zip(*sorted(held, key=_order), strict=True)
    return out


# A flag as either side reads it from a record: SQLite's integer, the JSON text.
_TRUE = frozenset({True, "1", "true"})  # True == 1: the integer too


def _completed(
    refused: Any,
    withdrawn_at: Any,
    return_at: Any,
    return_channel: Any,
    return_collected_by: Any,
    return_rating: Any,
    return_criteria: Any,
    pause_starts: Any,
    pause_ends: Any,
    pause_outcomes: Any,
    pause_asked_late: Any,
    apology_at: Any,
    apology_asked_late: Any,
    handed_at: Any,
    handed_late: Any,
    answered_at: Any,
    answered_late: Any,
) -> tuple[tuple[Pause, ...], bool, datetime | None, ReturnFacts | None, LateSteps | None]:
    """The facts' pauses, refusal, withdrawal, return and late steps from the
    completed columns (COMPLETED_FIELDS, in order), whichever side completed them."""
    late = None
    if apology_asked_late in _TRUE or handed_late in _TRUE or answered_late in _TRUE:
        late = LateSteps(
            _dt(apology_at) if apology_asked_late in _TRUE else None,
            _dt(handed_at) if handed_late in _TRUE else None,
            _dt(answered_at) if answered_late in _TRUE else None,
        )
    return (
        tuple(
            Pause(start, end, outcome or None, late in _TRUE)
            for start, end, outcome, late in zip(
                pause_starts, pause_ends, pause_outcomes, pause_asked_late, strict=True
            )
        )
        if pause_starts
        else (),
        bool(refused),
        withdrawn_at,
        None
        if return_at is None
        else return_facts(
            return_at, return_channel, return_collected_by, return_rating, return_criteria
        ),
        late,
    )


# The columns both queries select, in this order (facts read them by position:
# a result row's attribute lookup cost more than the rest of the counting).
# The completed ones last: the centre keeps them on each dossier's row, the
# counter's query leaves them empty and Completion fills them in.
FIELDS = (
    "key", "code", "agency_id", "counter_uuid", "procedure_code", "field", "level",
    "official", "source", "ledger_book", "state", "on_the_spot", "received_at",
    "appointment_at", "original_appointment_at", "finished_at", "apology_count", "fee",
    "delivery", "cutoff", "time_unit", *COMPLETED_FIELDS,
)  # fmt: skip
_STATES = {s.value: s for s in State}


def _dossier(row: tuple[Any, ...]) -> DossierFacts:
    """A dossier's facts from its row (the columns of FIELDS): complete at the
    centre; on the counter, before its steps and pauses (:class:`Completion`)."""
    (_key, code, agency_id, counter_uuid, procedure_code, field, level, official, source,
     ledger_book, state, on_the_spot, received_at, appointment_at, original_appointment_at,
     finished_at, apology_count, fee, delivery, cutoff, time_unit, refused, withdrawn_at,
     return_at, return_channel, return_collected_by, return_rating, return_criteria,
     pause_starts, pause_ends, pause_outcomes, pause_asked_late, apology_at, apology_asked_late,
     handed_at, handed_late, answered_at, answered_late) = row  # fmt: skip
    pauses, refused, withdrawn_at, returned, late = _completed(
        refused, withdrawn_at, return_at, return_channel, return_collected_by, return_rating,
        return_criteria, pause_starts, pause_ends, pause_outcomes, pause_asked_late,
        apology_at, apology_asked_late, handed_at, handed_late, answered_at, answered_late,
    )  # fmt: skip
    return DossierFacts(
        code,
        agency_id,
        counter_uuid or "",
        procedure_code,
        field or "",
        level or "",
        official or "",
        channel_of(source, ledger_book or ""),
        _STATES[state],
        on_the_spot in (True, 1, "true"),
        # The drivers type most dates already: those are not looked at again.
        received_at if received_at.__class__ is datetime else _required(received_at),
        appointment_at if appointment_at.__class__ is datetime else _required(appointment_at),
        _required(original_appointment_at),
        _dt(finished_at),
        int(apology_count or 0),
        int(fee or 0),
        delivery or "counter",
        pauses=pauses,
        refused=refused,
        withdrawn_at=withdrawn_at,
        returned=returned,
        late=late,
        cutoff=_cutoff(cutoff, time_unit),
    )


def dossier_facts(rows: Iterable[Any]) -> list[DossierFacts]:
    """Facts of result rows (the columns of FIELDS, in order)."""
    return list(map(_dossier, rows))


@lru_cache(maxsize=64)  # a few settings, read once per dossier
def _cutoff(setting: Any, time_unit: Any) -> bool:
    """The procedure's cut-off setting (JSON text at the centre), else its time unit's default."""
    if setting is None or setting == "":
        return default_cutoff(TimeUnit(time_unit)) if time_unit else True
    return setting in (True, 1, "true")
