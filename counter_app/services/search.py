"""Finding dossiers the way officials type: any case, with or without accents.

The folded ``search_text`` column (code, name, CCCD, phone; lower case, no
accents, đ→d) carries two FTS5 indexes: whole words, for names as people
type them, and trigrams, for any substring of three or more characters.
Both are read newest first and stop at the page size.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, Select, func, select, text
from sqlalchemy.orm import Session

from counter_app.domain.codes import parse_code
from counter_app.domain.extension import last_day_to_ask
from counter_app.domain.handover import handover_deadline
from counter_app.domain.online_answer import answer_deadline
from counter_app.domain.procedure_rules import rules_for
from counter_app.domain.reception import ONLINE_LEDGER_BOOK
from counter_app.domain.supplement import closable_from
from counter_app.domain.text import fold
from counter_app.domain.workflow import PENDING_STATES, State
from counter_app.models import ClockPause, DigitisedPaper, Dossier, Procedure
from counter_app.reports import sql_rules
from counter_app.reports.definitions import DeadlineWindow
from counter_app.services.context import ServiceContext
from counter_app.services.views import DossierRow, row_of, rules_under

_WORD = re.compile(r"\w+")


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


_ROW_COLUMNS = (
    Dossier.id,
    Dossier.code,
    Dossier.procedure_code,
    Dossier.procedure_name,
    Dossier.applicant_name,
    Dossier.applicant_id_kind,
    Dossier.applicant_id_number,
    Dossier.applicant_phone,
    Dossier.state,
    Dossier.received_at,
    Dossier.appointment_at,
    Dossier.paused_since,
    Dossier.on_the_spot,
)


def _rows(session: Session, stmt: Select[*tuple[Any, ...]]) -> list[DossierRow]:
    # Only the list columns, not whole ORM objects: a result list is read
    # far more often than it is opened.
    return [row_of(r) for r in session.execute(stmt)]


def _phrases(tokens: list[str]) -> list[str]:
    """Glue each word shorter than a trigram to the word after it (or before,
    at the end): "vu thanh quynh" → ["vu thanh", "quynh"]. A two-letter
    family name then narrows the index lookup instead of a row scan."""
    phrases: list[str] = []
    pending: list[str] = []
    for token in tokens:
        pending.append(token)
        if len(token) >= 3:
            phrases.append(" ".join(pending))
            pending = []
    if pending:
        if phrases:
            phrases[-1] = " ".join([phrases[-1], *pending])
        else:
            phrases.append(" ".join(pending))
    return phrases


def _fts_ids(session: Session, match: str, short: list[str], limit: int) -> list[int]:
    # The FTS cursor drives the query newest-first and stops at ``limit``: a
    # common name ("nguyen") never materialises its thousands of hits. Plain
    # SQL: building the ORM statement cost more than the lookup itself.
    params: dict[str, object] = {f"s{i}": t for i, t in enumerate(short)}
    params.update(match=match, limit=limit)
    narrow = "".join(f" AND instr(dossiers.search_text, :s{i}) > 0" for i in range(len(short)))
    join = " JOIN dossiers ON dossiers.id = dossier_fts.rowid" if short else ""
    sql = (
        f"SELECT dossier_fts.rowid FROM dossier_fts{join} WHERE dossier_fts MATCH :match{narrow} "
        "ORDER BY dossier_fts.rowid DESC LIMIT :limit"
    )
    return list(session.scalars(text(sql), params))


def _word_ids(session: Session, match: str, limit: int) -> list[int]:
    sql = (
        "SELECT rowid FROM dossier_words WHERE dossier_words MATCH :match "
        "ORDER BY rowid DESC LIMIT :limit"
    )
    return list(session.scalars(text(sql), {"match": match, "limit": limit}))


def _whole_word_ids(session: Session, folded: str, limit: int) -> list[int]:
    """Dossiers holding every typed word, the last one possibly unfinished."""
    words = _WORD.findall(folded)
    if not words:
        return []
    ids = _word_ids(session, " AND ".join(_fts_phrase(w) for w in words), limit)
    # An unfinished last word ("nguyen van du") is a prefix. Not a single
    # letter, nor digits: thousands of words, CCCD or phone numbers share
    # those prefixes, and merging their lists costs more than a substring
    # lookup.
    if not ids and len(words[-1]) >= 2 and not words[-1].isdigit():
        prefix = [*(_fts_phrase(w) for w in words[:-1]), _fts_phrase(words[-1]) + "*"]
        ids = _word_ids(session, " AND ".join(prefix), limit)
    return ids


def search_ids(session: Session, query: str, limit: int = 50) -> list[int]:
    """Ids of dossiers matching every word of ``query``, newest first.

    Whole words first (what people type for a name); when none match, any
    substring of three or more characters (part of a CCCD, a phone, a word).
    """
    code = parse_code(query)
    if code is not None:
        found = session.scalars(select(Dossier.id).where(Dossier.code == str(code))).all()
        if found:
            return list(found)
    folded = fold(query)
    tokens = folded.split()
    if not tokens:
        return []
    ids = _whole_word_ids(session, folded, limit)
    if ids:
        return ids
    phrases = [p for p in _phrases(tokens) if len(p) >= 3]
    if phrases:
        # Words are matched separately (AND), not as one long phrase: the
        # index intersects word lists far faster than it checks a phrase.
        ids = _fts_ids(session, " AND ".join(_fts_phrase(p) for p in phrases), [], limit)
        if ids or len(phrases) == len(tokens):
            return ids
    # Short words typed apart from their neighbours ("thi an" for "Thị Ngọc
    # Ánh"): the long words use the index, the short ones filter its rows.
    long_tokens = [t for t in tokens if len(t) >= 3]
    short = [t for t in tokens if len(t) < 3]
    if long_tokens:
        return _fts_ids(session, " AND ".join(_fts_phrase(t) for t in long_tokens), short, limit)
    params: dict[str, object] = {f"s{i}": t for i, t in enumerate(short)}
    narrow = " AND ".join(f"instr(search_text, :s{i}) > 0" for i in range(len(short)))
    return list(
        session.scalars(
            text(f"SELECT id FROM dossiers WHERE {narrow} ORDER BY id DESC LIMIT :limit"),
            {**params, "limit": limit},
        )
    )


def paper_dossier_ids(session: Session, query: str, limit: int = 50) -> list[int]:
    """Dossiers holding a digitised paper whose data (Decree 118/2025 Art. 19(2))
    or OCR text has every word of ``query``: "giay khai sinh 1990" finds the
    dossier the citizen's birth certificate was scanned into."""
    words = fold(query).split()
    if not words:
        return []
    return list(
        session.scalars(
            select(DigitisedPaper.dossier_id)
            .where(
                DigitisedPaper.removed_at.is_(None),
                *(DigitisedPaper.search_text.contains(w, autoescape=True) for w in words),
            )
            .group_by(DigitisedPaper.dossier_id)
            .order_by(DigitisedPaper.dossier_id.desc())
            .limit(limit)
        )
    )


def search(ctx: ServiceContext, query: str, limit: int = 50) -> list[DossierRow]:
    """Dossiers matching every word of ``query`` in code, name, CCCD or phone,
    else in their digitised papers' data; newest first."""
    with ctx.sessions() as session:
        ids = search_ids(session, query, limit) or paper_dossier_ids(session, query, limit)
        if not ids:
            return []
        # Ids come newest first, and a dossier's id grows with its arrival.
        return _rows(
            session,
            select(*_ROW_COLUMNS).where(Dossier.id.in_(ids)).order_by(Dossier.id.desc()),
        )


class WorkList(StrEnum):
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    PENDING = "pending"
    WAITING_SUPPLEMENT = "waiting_supplement"
    RESULT_READY = "result_ready"
    RECEIVED_TODAY = "received_today"
    # Due on the next working day with no extension asked: today is the last
    # day to ask one in time (Decree 118/2025, Article 19(6)).
    EXTENSION_DUE = "extension_due"
    # Not handed over yet, and due to be by the end of today or already late
    # (Decree 118/2025, Article 18(2)).
    HANDOVER_DUE = "handover_due"
    # Waiting for a supplement past the period the citizen had for it: the
    # desk closes them (Decree 118/2025, Article 19(5)).
    TO_CLOSE = "to_close"
    # Online dossiers the desk has not answered yet (accepted or asked to
    # change), with the working time left (Decree 118/2025, Article 17(2)).
    ONLINE_ANSWER_DUE = "online_answer_due"


def work_list(ctx: ServiceContext, which: WorkList, limit: int = 500) -> list[DossierRow]:
    """The home screen's lists: by state and by deadline."""
    now = ctx.now()
    by_rule = _RULE_LISTS.get(which)
    if by_rule is not None:
        with ctx.sessions() as session:
            return by_rule(session, ctx, now, limit)
    today_start = datetime.combine(now.date(), time())
    tomorrow = today_start + timedelta(days=1)
    stmt = select(*_ROW_COLUMNS)
    if which is WorkList.DUE_TODAY:
        stmt = stmt.where(
            sql_rules.due_today(Dossier.state, Dossier.paused_since, Dossier.appointment_at, now)
        )
    elif which is WorkList.OVERDUE:
        stmt = stmt.where(
            sql_rules.overdue(Dossier.state, Dossier.paused_since, Dossier.appointment_at, now)
        )
    elif which is WorkList.PENDING:
        stmt = stmt.where(Dossier.state.in_([s.value for s in PENDING_STATES]))
    elif which is WorkList.WAITING_SUPPLEMENT:
        stmt = stmt.where(Dossier.state == State.SUPPLEMENT_REQUESTED.value)
    elif which is WorkList.RESULT_READY:
        stmt = stmt.where(Dossier.state == State.RESULT_READY.value)
    elif which is WorkList.RECEIVED_TODAY:
        stmt = stmt.where(Dossier.received_at >= today_start, Dossier.received_at < tomorrow)
    stmt = stmt.order_by(Dossier.appointment_at).limit(limit)
    with ctx.sessions() as session:
        return _rows(session, stmt)


def _extension_due(
    session: Session, ctx: ServiceContext, now: datetime, limit: int
) -> list[DossierRow]:
    """The SQL narrows to dossiers whose clock runs and whose appointment falls
    after today and by the next working day; the rule itself
    (extension.last_day_to_ask, by each dossier's rules) decides."""
    today = now.date()
    next_day = ctx.calendar(session).next_working_day(today)
    stmt = (
        select(*_ROW_COLUMNS, Dossier.apology_count)
        .where(
            sql_rules.in_window(
                DeadlineWindow(
                    since=lambda _now: datetime.combine(today + timedelta(days=1), time()),
                    before=lambda _now: datetime.combine(next_day + timedelta(days=1), time()),
                ),
                Dossier.state,
                Dossier.paused_since,
                Dossier.appointment_at,
                now,
            )
        )
        .order_by(Dossier.appointment_at, Dossier.id)
    )

    def keep(row: DossierRow, r: Row[Any]) -> bool:
        # A specialised law never sets the extension: the decree's rules apply.
        rules = rules_for(row.received_at.date())
        return last_day_to_ask(rules, today, next_day, row.appointment_at, r.apology_count)

    return _kept(session, stmt, keep, limit)


def _to_close(session: Session, ctx: ServiceContext, now: datetime, limit: int) -> list[DossierRow]:
    """The SQL narrows to dossiers waiting for their supplement; the rule
    (supplement.closable_from, by each dossier's rules) decides, oldest
    request first."""
    calendar = ctx.calendar(session)
    stmt = (
        select(*_ROW_COLUMNS, ClockPause.started_at.label("asked_at"), Procedure.special_rules)
        .join(ClockPause, ClockPause.dossier_id == Dossier.id)
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .where(
            Dossier.state == State.SUPPLEMENT_REQUESTED.value,
            ClockPause.ended_at.is_(None),
        )
        .order_by(ClockPause.started_at, Dossier.id)
    )

    def keep(row: DossierRow, r: Row[Any]) -> bool:
        first = closable_from(rules_under(row.received_at, r.special_rules), calendar, r.asked_at)
        return first is not None and first <= now.date()

    return _kept(session, stmt, keep, limit)


def _kept(
    session: Session,
    stmt: Select[*tuple[Any, ...]],
    keep: Callable[[DossierRow, Row[Any]], bool | DossierRow],
    limit: int,
) -> list[DossierRow]:
    """The rows of ``stmt`` (the list columns, then what ``keep`` reads) that
    the domain's rule ``keep`` keeps, at most ``limit``: the SQL only narrows.
    ``keep`` may return the row completed with what the rule found."""
    rows = []
    for r in session.execute(stmt):
        row = row_of(r)
        kept = keep(row, r)
        if kept:
            rows.append(row if kept is True else kept)
            if len(rows) == limit:
                break
    return rows


def _handover_due(
    session: Session, ctx: ServiceContext, now: datetime, limit: int
) -> list[DossierRow]:
    """Received and neither transferred nor in appraisal (only a reception
    step leaves a dossier in RECEIVED), with the hand-over due by tonight."""
    calendar = ctx.calendar(session)
    tonight = datetime.combine(now.date() + timedelta(days=1), time())
    stmt = (
        select(*_ROW_COLUMNS)
        .where(
            Dossier.state == State.RECEIVED.value,
            # Paper dossiers only: an online one travels in the system (Article 18(1)).
            Dossier.ledger_book != ONLINE_LEDGER_BOOK,
        )
        .order_by(Dossier.received_at, Dossier.id)
    )

    def keep(row: DossierRow, _r: Row[Any]) -> bool:
        deadline = handover_deadline(rules_for(row.received_at.date()), calendar, row.received_at)
        return deadline is not None and deadline < tonight

    return _kept(session, stmt, keep, limit)


def _online_answer_due(
    session: Session, ctx: ServiceContext, now: datetime, limit: int
) -> list[DossierRow]:
    """Online dossiers still RECEIVED (their first answer, domain.online_answer,
    moves them on), each with its deadline and the working time left; received
    under rules that set no answer time (before 1/7/2025) they are not listed."""
    calendar = ctx.calendar(session)
    stmt = (
        select(*_ROW_COLUMNS)
        .where(Dossier.state == State.RECEIVED.value, Dossier.ledger_book == ONLINE_LEDGER_BOOK)
        .order_by(Dossier.received_at, Dossier.id)
    )

    def keep(row: DossierRow, _r: Row[Any]) -> bool | DossierRow:
        deadline = answer_deadline(rules_for(row.received_at.date()), calendar, row.received_at)
        if deadline is None:
            return False
        left = calendar.working_minutes_between(now, deadline)
        return replace(row, answer_by=deadline, answer_left=left)

    return _kept(session, stmt, keep, limit)


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


# The lists the law's rules decide, each kept by its domain rule (_kept).
_RuleList = Callable[[Session, ServiceContext, datetime, int], list[DossierRow]]
_RULE_LISTS: dict[WorkList, _RuleList] = {
    WorkList.EXTENSION_DUE: _extension_due,
    WorkList.HANDOVER_DUE: _handover_due,
    WorkList.TO_CLOSE: _to_close,
    WorkList.ONLINE_ANSWER_DUE: _online_answer_due,
}
