"""Turning either database's columns into :class:`DossierFacts`.

Both sides read the same fields under the same names (the counter's columns,
the centre's columns) and call :func:`dossier_facts`. What a step or a pause
means is decided by :class:`Completion` on the counter, and at the centre by
the SQL function of migration c0004_report_facts, which writes the same
rules onto each dossier's row as its records arrive; the parity test in
tests/reports holds the two to the same figures.
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
from counter_app.domain.workflow import Action, State
from counter_app.reports.definitions import (
    DossierFacts,
    Pause,
    ReturnFacts,
    channel_of,
)

# The only steps the definitions look at; both queries read just these.
_REFUSE, _WITHDRAW, _RETURN = (
    a.value for a in (Action.REFUSE, Action.WITHDRAW, Action.RETURN_RESULT)
)
STEP_ACTIONS = (_REFUSE, _WITHDRAW, _RETURN)


def _dt(value: Any) -> datetime | None:
    # Most values are a driver's datetime or an ISO text: tested first.
    if value.__class__ is datetime:
        return value
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


_fromisoformat = datetime.fromisoformat


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


class Completion:
    """Completes facts (by their dossier's key) with their steps and pauses:
    refused, withdrawn, the return's record, the supplement pauses. The
    queries do not sort by time: of the withdrawals and the returns, the
    last by time wins (the later read on a tie)."""

    def __init__(self, facts: Mapping[Any, DossierFacts]) -> None:
        self._facts = facts
        self._pauses: dict[Any, list[Pause]] = defaultdict(list)

    def add_pause(self, key: Any, started_at: Any, ended_at: Any) -> None:
        self._pauses[key].append(Pause(_required(started_at), _dt(ended_at)))

    def add_step(
        self,
        key: Any,
        action: str,
        at: Any,
        channel: str | None = None,
        collected_by: str | None = None,
        rating: str | None = None,
        criteria: Mapping[str, Any] | str | None = None,
    ) -> None:
        """A step; for a return, the fields of its ``data["return"]`` record
        (the queries read them out of the JSON; ``criteria`` as a mapping or
        its JSON text)."""
        f = self._facts.get(key)
        if f is None:
            return
        # A moment as ISO text is parsed directly.
        moment = _fromisoformat(at) if at.__class__ is str and at else _required(at)
        if action == _RETURN:
            if f.returned is None or moment >= f.returned.at:
                f.returned = return_facts(moment, channel, collected_by, rating, criteria)
        elif action == _REFUSE:
            f.refused = True
        elif action == _WITHDRAW and (f.withdrawn_at is None or moment >= f.withdrawn_at):
            f.withdrawn_at = moment

    def finish(self) -> None:
        """The pauses, in time order, onto their facts."""
        for key, found in self._pauses.items():
            f = self._facts.get(key)
            if f is not None:
                f.pauses = tuple(sorted(found, key=_started))


# The fields of a return step's record the queries read (JSON paths).
RETURN_PATHS = {
    "channel": ("data", "return", "channel"),
    "collected_by": ("data", "return", "collected_by"),
    "rating": ("data", "return", "rating"),
    "criteria": ("data", "return", "criteria"),
}


# What a dossier's steps and pauses mean for the reports. The centre keeps
# them on each dossier's row (migration c0004_report_facts applies the rules
# of Completion as records arrive); the counter's query leaves them empty and
# Completion fills them in from its steps and pauses.
COMPLETED_FIELDS = (
    "refused", "withdrawn_at", "return_at", "return_channel", "return_collected_by",
    "return_rating", "return_criteria", "pause_starts", "pause_ends",
)  # fmt: skip
# The columns both queries select, in this order (facts read them by position:
# a result row's attribute lookup cost more than the rest of the counting).
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
     pause_starts, pause_ends) = row  # fmt: skip
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
        pauses=tuple(map(Pause, pause_starts, pause_ends)) if pause_starts else (),
        refused=bool(refused),
        withdrawn_at=withdrawn_at,
        returned=None
        if return_at is None
        else return_facts(
            return_at, return_channel, return_collected_by, return_rating, return_criteria
        ),
        cutoff=_cutoff(cutoff, time_unit),
    )


def dossier_facts(rows: Iterable[Any]) -> list[DossierFacts]:
    """Facts of result rows (the columns of FIELDS, in order)."""
    return list(map(_dossier, rows))


def _started(pause: Pause) -> datetime:
    return pause.started_at


@lru_cache(maxsize=64)  # a few settings, read once per dossier
def _cutoff(setting: Any, time_unit: Any) -> bool:
    """The procedure's cut-off setting (JSON text at the centre), else its time unit's default."""
    if setting is None or setting == "":
        return default_cutoff(TimeUnit(time_unit)) if time_unit else True
    return setting in (True, 1, "true")
