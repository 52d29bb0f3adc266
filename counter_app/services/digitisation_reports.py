"""The digitisation figures as use cases: at the desk from its own database,
and at the centre for the province (read from its replica when one is
configured), counted by the same rules (reports/digitisation.py)."""

from __future__ import annotations

from counter_app.reports.central_source import report_engine
from counter_app.reports.definitions import Period
from counter_app.reports.digitisation import DigitisationFigures
from counter_app.reports.digitisation_source import central_digitisation, local_digitisation
from counter_app.services.context import ServiceContext, counter_identity


def counter_digitisation(ctx: ServiceContext, period: Period) -> dict[str, DigitisationFigures]:
    """This counter's figures for ``period``, under its unit ("" all)."""
    with ctx.sessions() as session:
        return local_digitisation(session, period, counter_identity(session).agency_id)


def province_digitisation(
    primary_url: str, period: Period, *, replica_url: str | None = None
) -> dict[str, DigitisationFigures]:
    """The province's figures by one-stop unit ("" the province)."""
    engine = report_engine(primary_url, replica_url)
    try:
        with engine.connect() as conn:
            return central_digitisation(conn, period)
    finally:
        engine.dispose()
