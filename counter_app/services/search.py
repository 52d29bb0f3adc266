"""Finding dossiers the way officials type: any case, with or without accents.

The folded ``search_text`` column carries a trigram FTS5 index, so any
substring of three or more letters is an index lookup, newest first. Shorter
words narrow the rows the index found.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import column, func, select, table, text
from sqlalchemy.orm import Session

from counter_app.domain.codes import parse_code
from counter_app.domain.text import fold
from counter_app.domain.workflow import State
from counter_app.models import Dossier
from counter_app.services.context import ServiceContext
from counter_app.services.views import DossierRow, row_of

_fts = table("dossier_fts", column("rowid"))
_CLOCK_STATES = [
    s.value for s in (State.RECEIVED, State.IN_APPRAISAL, State.TRANSFERRED, State.APPRAISED)
]


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def search_rows(session: Session, query: str, limit: int = 50) -> list[Dossier]:
    code = parse_code(query)
    if code is not None:
        found = session.scalars(select(Dossier).where(Dossier.code == str(code))).all()
        if found:
            return list(found)
    tokens = fold(query).split()
    if not tokens:
        return []
    long_tokens = [t for t in tokens if len(t) >= 3]
    short_tokens = [t for t in tokens if len(t) < 3]
    stmt = select(Dossier)
    if long_tokens:
        match = " AND ".join(_fts_phrase(t) for t in long_tokens)
        ids = (
            select(_fts.c.rowid)
            .where(text("dossier_fts MATCH :match").bindparams(match=match))
            .order_by(_fts.c.rowid.desc())
        )
        stmt = stmt.where(Dossier.id.in_(ids))
    for token in short_tokens:
        stmt = stmt.where(func.instr(Dossier.search_text, token) > 0)
    stmt = stmt.order_by(Dossier.id.desc()).limit(limit)
    return list(session.scalars(stmt))


def search(ctx: ServiceContext, query: str, limit: int = 50) -> list[DossierRow]:
    """Dossiers matching every word of ``query`` in code, name, CCCD or phone; newest first."""
    with ctx.sessions() as session:
        return [row_of(d) for d in search_rows(session, query, limit)]


class WorkList(StrEnum):
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    PENDING = "pending"
    WAITING_SUPPLEMENT = "waiting_supplement"
    RESULT_READY = "result_ready"
    RECEIVED_TODAY = "received_today"


def work_list(ctx: ServiceContext, which: WorkList, limit: int = 500) -> list[DossierRow]:
    """The home screen's lists: by state and by deadline."""
    now = ctx.now()
    today_start = datetime.combine(now.date(), time())
    tomorrow = today_start + timedelta(days=1)
    stmt = select(Dossier)
    if which is WorkList.DUE_TODAY:
        stmt = stmt.where(
            Dossier.state.in_(_CLOCK_STATES),
            Dossier.paused_since.is_(None),
            Dossier.appointment_at >= now,
            Dossier.appointment_at < tomorrow,
        )
    elif which is WorkList.OVERDUE:
        stmt = stmt.where(
            Dossier.state.in_(_CLOCK_STATES),
            Dossier.paused_since.is_(None),
            Dossier.appointment_at < now,
        )
    elif which is WorkList.PENDING:
        stmt = stmt.where(Dossier.state.not_in([State.RETURNED.value, State.WITHDRAWN.value]))
    elif which is WorkList.WAITING_SUPPLEMENT:
        stmt = stmt.where(Dossier.state == State.SUPPLEMENT_REQUESTED.value)
    elif which is WorkList.RESULT_READY:
        stmt = stmt.where(Dossier.state == State.RESULT_READY.value)
    elif which is WorkList.RECEIVED_TODAY:
        stmt = stmt.where(Dossier.received_at >= today_start, Dossier.received_at < tomorrow)
    stmt = stmt.order_by(Dossier.appointment_at).limit(limit)
    with ctx.sessions() as session:
        return [row_of(d) for d in session.scalars(stmt)]


def count_received(ctx: ServiceContext, day: date) -> int:
    start = datetime.combine(day, time())
    with ctx.sessions() as session:
        return (
            session.scalar(
                select(func.count(Dossier.id)).where(
                    Dossier.received_at >= start, Dossier.received_at < start + timedelta(days=1)
                )
            )
            or 0
        )
