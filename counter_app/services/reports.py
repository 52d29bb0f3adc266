"""Reports as use cases: the counter's own figures, or the province's from
the central database (its replica when configured). The UI and the CLI call
these; the queries and definitions live in counter_app.reports."""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from counter_app.models.user import User
from counter_app.private_files import DIR_MODE, write_atomic
from counter_app.reports.central_source import (
    central_calendar,
    central_catalogue,
    central_facts,
    central_labels,
    report_engine,
)
from counter_app.reports.definitions import Period
from counter_app.reports.figures import Cut
from counter_app.reports.local_source import local_catalogue, local_facts
from counter_app.reports.source import Header, Report, build_report, paused_gc
from counter_app.reports.tables import report_json
from counter_app.reports.xlsx import write_workbook
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.returns import current_criteria


def counter_report(ctx: ServiceContext, period: Period, cut: Cut | None = None) -> Report:
    """This counter's figures for ``period`` from its own database."""
    with paused_gc(), ctx.sessions() as session:
        counter = counter_identity(session)
        labels: dict[str, str] = {
            counter.uuid: counter.counter_name,
            counter.agency_id: counter.agency_name,
        }
        if cut is Cut.OFFICIAL:
            labels = {u: n for u, n in session.execute(select(User.username, User.full_name))}
        return build_report(
            local_facts(session, period, counter.agency_id),
            local_catalogue(session),
            period,
            ctx.calendar(session),
            cut=cut,
            made_at=ctx.now(),
            header=Header(counter.parent_name, counter.agency_name, counter.place),
            labels=labels,
        )


def province_report(
    primary_url: str,
    period: Period,
    cut: Cut | None = None,
    *,
    replica_url: str | None = None,
    header: Header | None = None,
    now: datetime | None = None,
) -> Report:
    """The province's figures for ``period`` from the central database, read
    from ``replica_url`` when one is configured."""
    engine = report_engine(primary_url, replica_url)
    try:
        with paused_gc(), engine.connect() as conn:
            return build_report(
                central_facts(conn, period),
                central_catalogue(conn),
                period,
                central_calendar(conn),
                cut=cut,
                made_at=(now or datetime.now()).replace(microsecond=0),
                header=header,
                labels=central_labels(conn),
            )
    finally:
        engine.dispose()


class Format(StrEnum):
    JSON = "json"
    XLSX = "xlsx"
    PDF = "pdf"


def criteria_labels() -> dict[str, str]:
    """Short names of the satisfaction criteria (the current list's)."""
    return {c.id: c.short for c in current_criteria().criteria}


def export(report: Report, path: Path, fmt: Format) -> Path:
    """Write ``report`` to ``path`` as JSON, an Excel workbook or a PDF.

    Private (0600, a folder it makes 0700) whatever the umask: the figures
    name officials, and a small cut's row can point at a citizen."""
    path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if fmt is Format.JSON:
        text = json.dumps(report_json(report), ensure_ascii=False, indent=2)
        write_atomic(path, text.encode("utf-8"))
        return path
    if fmt is Format.XLSX:
        return write_workbook(report, path, criteria_labels())
    from counter_app.reports.pdf import write_statistics_pdf

    return write_statistics_pdf(report, path, criteria_labels())
