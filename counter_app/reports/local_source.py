"""The counter's own SQLite: facts of the dossiers a period may count."""

from __future__ import annotations

from sqlalchemy import ColumnElement, literal, or_, select
from sqlalchemy.orm import Session

from counter_app.models import ClockPause, Dossier, Procedure, WorkflowStep
from counter_app.reports.definitions import DossierFacts, Period
from counter_app.reports.facts import STEP_ACTIONS, Gathered, assemble_all
from counter_app.reports.source import CatalogueLine


def _candidates(period: Period) -> ColumnElement[bool]:
    """Received before the period ends and not returned before it starts (a
    superset of definitions.is_relevant; withdrawn dossiers are few)."""
    return (Dossier.received_at < period.end) & or_(
        Dossier.returned_at.is_(None), Dossier.returned_at >= period.start
    )


def local_facts(session: Session, period: Period, agency_id: str) -> list[DossierFacts]:
    where = _candidates(period)
    ids = select(Dossier.id).where(where).scalar_subquery()
    rows = session.execute(
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
            Dossier.received_at,
            Dossier.appointment_at,
            Dossier.original_appointment_at,
            Dossier.finished_at,
            Dossier.apology_count,
            Dossier.fee,
            Dossier.delivery,
        )
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .where(where)
    ).mappings()
    gathered = Gathered()
    for p in session.execute(
        select(ClockPause.dossier_id, ClockPause.started_at, ClockPause.ended_at).where(
            ClockPause.dossier_id.in_(ids)
        )
    ):
        gathered.add_pause(p.dossier_id, p.started_at, p.ended_at)
    for s in session.execute(
        select(WorkflowStep.dossier_id, WorkflowStep.action, WorkflowStep.at, WorkflowStep.data)
        .where(WorkflowStep.action.in_(STEP_ACTIONS), WorkflowStep.dossier_id.in_(ids))
        .order_by(WorkflowStep.counter_seq)
    ):
        gathered.add_step(s.dossier_id, s.action, s.at, s.data)
    return assemble_all([dict(r) for r in rows], "key", gathered)


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
