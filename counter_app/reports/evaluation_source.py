"""Where the evaluation figures come from: the dossiers' evaluations (local
migration 0016) on the counter's SQLite, and the same field of the dossier's
body at the centre, read at query time (no central column holds it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from counter_app.models import Dossier
from counter_app.reports.definitions import Period
from counter_app.reports.evaluation import EvaluationFigures, tally_evaluations
from counter_app.wire import central_tables as t


def local_evaluations(session: Session, period: Period) -> dict[str, EvaluationFigures]:
    """This counter's evaluations by counter (its own, and those pulled here)."""
    rows = session.execute(
        select(Dossier.counter_uuid, Dossier.returned_at, Dossier.evaluation).where(
            Dossier.returned_at >= period.start,
            Dossier.returned_at < period.end,
            Dossier.evaluation.is_not(None),
        )
    ).all()
    return tally_evaluations(((r[0] or "", r[1], r[2]) for r in rows), period)


def central_evaluations(
    conn: Connection, period: Period, agency_ids: Sequence[str] | None = None
) -> dict[str, EvaluationFigures]:
    """The province's evaluations by one-stop unit (agency), from the bodies."""
    d = t.dossiers.c
    body: Any = d.body
    query = select(d.agency_id, d.returned_at, body["evaluation"]).where(
        d.returned_at >= period.start,
        d.returned_at < period.end,
        body.has_key("evaluation"),
    )
    if agency_ids:
        query = query.where(d.agency_id.in_(agency_ids))
    return tally_evaluations(((r[0] or "", r[1], r[2]) for r in conn.execute(query)), period)
