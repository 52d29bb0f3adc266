"""Turning either database's columns into :class:`DossierFacts`.

Both sides read the same fields under the same names (the counter's columns,
the centre's extracted columns and JSON body keys), then call
:func:`assemble` here: one place decides what a step or a pause means.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from counter_app.domain.workflow import Action, State
from counter_app.reports.definitions import (
    DossierFacts,
    Pause,
    ReturnFacts,
    channel_of,
)

# The only steps the definitions look at; both queries read just these.
STEP_ACTIONS = (Action.REFUSE.value, Action.WITHDRAW.value, Action.RETURN_RESULT.value)


def _dt(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _required(value: Any) -> datetime:
    moment = _dt(value)
    if moment is None:
        raise ValueError("a dossier lacks a required date")
    return moment


class Gathered:
    """Steps and pauses of the dossiers read, by the dossier's key."""

    def __init__(self) -> None:
        self.pauses: dict[Any, list[Pause]] = defaultdict(list)
        self.steps: dict[Any, list[tuple[str, datetime, Mapping[str, Any]]]] = defaultdict(list)

    def add_pause(self, key: Any, started_at: Any, ended_at: Any) -> None:
        self.pauses[key].append(Pause(_required(started_at), _dt(ended_at)))

    def add_step(self, key: Any, action: str, at: Any, data: Mapping[str, Any] | None) -> None:
        self.steps[key].append((action, _required(at), data or {}))


def _return_of(at: datetime, data: Mapping[str, Any]) -> ReturnFacts:
    record = data.get("return") or {}
    return ReturnFacts(
        at=at,
        channel=str(record.get("channel") or "desk"),
        collected_by=str(record.get("collected_by") or "applicant"),
        rating=record.get("rating"),
        criteria={str(k): str(v) for k, v in (record.get("criteria") or {}).items()},
    )


def assemble(row: Mapping[str, Any], key: Any, gathered: Gathered) -> DossierFacts:
    """One dossier's facts from its row (names as in ``DossierFacts``) and its
    steps and pauses."""
    refused = False
    withdrawn_at: datetime | None = None
    returned: ReturnFacts | None = None
    for action, at, data in gathered.steps.get(key, ()):
        if action == Action.REFUSE.value:
            refused = True
        elif action == Action.WITHDRAW.value:
            withdrawn_at = at
        elif action == Action.RETURN_RESULT.value:
            returned = _return_of(at, data)
    pauses = tuple(sorted(gathered.pauses.get(key, ()), key=lambda p: p.started_at))
    return DossierFacts(
        code=row["code"],
        agency_id=row["agency_id"],
        counter_uuid=row["counter_uuid"] or "",
        procedure_code=row["procedure_code"],
        field=row["field"] or "",
        level=row["level"] or "",
        official=row["official"] or "",
        channel=channel_of(row["source"], row["ledger_book"] or ""),
        state=State(row["state"]),
        on_the_spot=bool(row["on_the_spot"]),
        received_at=_required(row["received_at"]),
        appointment_at=_required(row["appointment_at"]),
        original_appointment_at=_required(row["original_appointment_at"]),
        finished_at=_dt(row["finished_at"]),
        apology_count=int(row["apology_count"] or 0),
        fee=int(row["fee"] or 0),
        delivery=row["delivery"] or "counter",
        pauses=pauses,
        refused=refused,
        withdrawn_at=withdrawn_at,
        returned=returned,
    )


def assemble_all(
    rows: Iterable[Mapping[str, Any]], key_name: str, gathered: Gathered
) -> list[DossierFacts]:
    return [assemble(r, r[key_name], gathered) for r in rows]
