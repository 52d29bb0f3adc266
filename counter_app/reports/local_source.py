"""The counter's own SQLite: facts of the dossiers a period may count."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, String, func, literal, or_, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.models import ClockPause, Dossier, Procedure, WorkflowStep
from counter_app.reports.definitions import DossierFacts, Period
from counter_app.reports.fact_rules import (
    COMPLETED_FIELDS,
    PAUSE_PATHS,
    STEP_ACTIONS,
    STEP_PATHS,
)
from counter_app.reports.facts import Completion, dossier_facts
from counter_app.reports.source import CatalogueLine


def _raw(column: Any, name: str) -> Any:
    """The column's stored text: ISO dates and JSON parsed by facts.py, many
    times faster than SQLAlchemy's per-value processors on a year of rows."""
    return type_coerce(column, String).label(name)


def _read(model: Any, path: tuple[str, ...]) -> Any:
    """A field the fact rules read (fact_rules: a column, or a path in its JSON)."""
    column = getattr(model, path[0])
    if len(path) == 1:
        return _raw(column, path[0])
    return func.json_extract(column, "$." + ".".join(path[1:])).label("_".join(path))


def _candidates(period: Period) -> ColumnElement[bool]:
    """Received before the period ends and not returned before it starts (a
    superset of definitions.is_relevant; withdrawn dossiers are few)."""
    return (Dossier.received_at < period.end) & or_(
        Dossier.returned_at.is_(None), Dossier.returned_at >= period.start
    )


def facts_select(period: Period, agency_id: str) -> Select[*tuple[Any, ...]]:
    """The dossiers' columns, named and ordered as facts.FIELDS."""
    return (
        select(
            Dossier.id.label("key"),
            Dossier.code,
            literal(agency_id).label("agency_id"),
            Dossier.counter_uuid,
            Dossier.procedure_code,
            Procedure.field,
            Procedure.level,
            Dossier.received_by.label("official"),
            literal(None).label("source"),
            Dossier.ledger_book,
            Dossier.state,
            Dossier.on_the_spot,
            _raw(Dossier.received_at, "received_at"),
            _raw(Dossier.appointment_at, "appointment_at"),
            _raw(Dossier.original_appointment_at, "original_appointment_at"),
            _raw(Dossier.finished_at, "finished_at"),
            Dossier.apology_count,
            Dossier.fee,
            Dossier.delivery,
            Procedure.cutoff,
            Procedure.time_unit,
            # Completion fills these in from the steps and pauses read below.
            *(literal(None).label(name) for name in COMPLETED_FIELDS),
        )
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .where(_candidates(period))
    )


def local_facts(session: Session, period: Period, agency_id: str) -> list[DossierFacts]:
    # Core execution on the session's connection: the ORM's row loading costs
    # more than the query on a year of rows.
    conn = session.connection()
    where = _candidates(period)
    ids = select(Dossier.id).where(where).scalar_subquery()
    rows = conn.execute(facts_select(period, agency_id)).all()
    facts = dossier_facts(rows)
    completion = Completion(dict(zip([row[0] for row in rows], facts, strict=True)))
    pauses = select(
        ClockPause.dossier_id, *(_read(ClockPause, path) for path in PAUSE_PATHS)
    ).where(ClockPause.dossier_id.in_(ids))
    for key, *values in conn.execute(pauses).all():
        completion.add_pause(key, *values)
    # In the desk's order: it breaks a tie between two steps' times (Completion).
    steps = (
        select(
            WorkflowStep.dossier_id,
            WorkflowStep.action,
            *(_read(WorkflowStep, path) for path in STEP_PATHS),
        )
        .where(WorkflowStep.action.in_(STEP_ACTIONS), WorkflowStep.dossier_id.in_(ids))
        .order_by(WorkflowStep.counter_seq)
    )
    for key, action, *values in conn.execute(steps).all():
        completion.add_step(key, action, *values)
    completion.finish()
    return facts


def local_catalogue(session: Session) -> list[CatalogueLine]:
    return [
        CatalogueLine(r.code, r.name, r.level, r.field, r.on_the_spot)
        for r in session.execute(
            select(
                Procedure.code,
                Procedure.name,
                Procedure.level,
                Procedure.field,
                Procedure.on_the_spot,
            )
            .where(Procedure.active)
            .order_by(Procedure.code)
        )
    ]
