"""Where the digitisation figures come from: the counter's dossiers, their
checklist and digitised papers (SQLite), and at the centre the same rows as
the sync carries them: ``central_dossiers``, and ``central_records`` of kind
``document`` and ``paper`` whose body is the row's payload (the column names
of DossierDocument and DigitisedPaper, dates as ISO text), linked by
``dossier_uuid``. The counting itself is reports/digitisation.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Integer, or_, select
from sqlalchemy.orm import Session

from counter_app.models import DigitisedPaper, Dossier, DossierDocument
from counter_app.reports.definitions import Period, channel_of
from counter_app.reports.digitisation import (
    DigitisationFigures,
    DossierRecord,
    PaperRecord,
    tally_digitisation,
)
from counter_app.wire import central_tables as t
from counter_app.wire.payload import parse_datetime


def local_digitisation(
    session: Session, period: Period, agency_id: str
) -> dict[str, DigitisationFigures]:
    """This counter's figures, under its one-stop unit (``agency_id``).
    (``between`` takes the period's end too: the counting checks each moment.)"""
    in_period = or_(
        Dossier.received_at.between(period.start, period.end),
        Dossier.returned_at.between(period.start, period.end),
    )
    rows = session.execute(
        select(
            Dossier.id, Dossier.uuid, Dossier.ledger_book, Dossier.received_at, Dossier.returned_at
        ).where(in_period)
    ).all()
    components: dict[int, set[int]] = {}
    for dossier_id, position in session.execute(
        select(DossierDocument.dossier_id, DossierDocument.position).where(
            DossierDocument.dossier_id.in_(select(Dossier.id).where(in_period))
        )
    ):
        components.setdefault(dossier_id, set()).add(position)
    dossiers = [
        DossierRecord(
            uuid,
            agency_id,
            channel_of(None, ledger_book),
            received_at,
            returned_at,
            frozenset(components.get(dossier_id, ())),
        )
        for dossier_id, uuid, ledger_book, received_at, returned_at in rows
    ]
    p = DigitisedPaper
    paper_rows = session.execute(
        select(Dossier.uuid, p.component, p.role, p.origin, p.created_at, p.removed_at)
        .join(Dossier, Dossier.id == p.dossier_id)
        .where(
            or_(
                p.dossier_id.in_(select(Dossier.id).where(in_period)),
                p.created_at.between(period.start, period.end),
            )
        )
    ).all()
    papers = [
        PaperRecord(uuid, agency_id, component, role, origin, created, removed is not None)
        for uuid, component, role, origin, created, removed in paper_rows
    ]
    return tally_digitisation(dossiers, papers, period)


def central_digitisation(
    conn: Connection, period: Period, agency_ids: Sequence[str] | None = None
) -> dict[str, DigitisationFigures]:
    """The province's figures by one-stop unit (agency), from the records."""
    d, r = t.dossiers.c, t.records.c
    body: Any = r.body
    in_period = or_(
        d.received_at.between(period.start, period.end),
        d.returned_at.between(period.start, period.end),
    )
    candidates = select(d.uuid).where(in_period)
    if agency_ids:
        candidates = candidates.where(d.agency_id.in_(agency_ids))
    dossier_rows = conn.execute(
        select(d.uuid, d.agency_id, d.source, d.ledger_book, d.received_at, d.returned_at).where(
            d.uuid.in_(candidates)
        )
    ).all()
    components: dict[str, set[int]] = {}
    for uuid, position in conn.execute(
        select(r.dossier_uuid, body["position"].as_string().cast(Integer)).where(
            r.kind == "document", r.dossier_uuid.in_(candidates)
        )
    ):
        components.setdefault(uuid, set()).add(position)
    dossiers = [
        DossierRecord(
            uuid,
            agency or "",
            channel_of(source, ledger_book or ""),
            received_at,
            returned_at,
            frozenset(components.get(uuid, ())),
        )
        for uuid, agency, source, ledger_book, received_at, returned_at in dossier_rows
    ]
    # ISO text compares as the moments it names; each is checked again parsed.
    created = body["created_at"].as_string()
    added = created.between(period.start.isoformat(), period.end.isoformat())
    papers_query = select(
        r.dossier_uuid,
        r.agency_id,
        body["component"].as_string(),
        body["role"].as_string(),
        body["origin"].as_string(),
        created,
        body["removed_at"].as_string(),
    ).where(r.kind == "paper", or_(r.dossier_uuid.in_(candidates), added))
    if agency_ids:
        papers_query = papers_query.where(r.agency_id.in_(agency_ids))
    papers = [
        PaperRecord(
            uuid,
            agency or "",
            int(component) if component not in (None, "") else None,
            role or "",
            origin or "",
            parse_datetime(created_at),
            removed not in (None, ""),
        )
        for uuid, agency, component, role, origin, created_at, removed in conn.execute(papers_query)
    ]
    return tally_digitisation(dossiers, papers, period)
