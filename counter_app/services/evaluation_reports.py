"""The evaluation reports as use cases: each indicator of Circular 01/2018 at
the desk, and the province's Decree 118/2025 Article 32(1) figures at the
centre (read from its replica when one is configured)."""

from __future__ import annotations

from counter_app.reports.central_source import central_facts, report_engine
from counter_app.reports.definitions import Period
from counter_app.reports.evaluation import EvaluationFigures, ProvinceFigures, province_figures
from counter_app.reports.evaluation_source import central_evaluations, local_evaluations
from counter_app.services.context import ServiceContext


def counter_evaluation(ctx: ServiceContext, period: Period) -> dict[str, EvaluationFigures]:
    """This counter's indicator figures for ``period``, by counter ("" all)."""
    with ctx.sessions() as session:
        return local_evaluations(session, period)


def province_evaluation(
    primary_url: str, period: Period, *, replica_url: str | None = None
) -> dict[str, ProvinceFigures]:
    """The Article 32(1) figures by one-stop unit ("" the province)."""
    engine = report_engine(primary_url, replica_url)
    try:
        with engine.connect() as conn:
            return province_figures(
                central_facts(conn, period), central_evaluations(conn, period), period
            )
    finally:
        engine.dispose()
