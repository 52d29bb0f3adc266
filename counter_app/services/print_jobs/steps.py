"""A step whose paper must reach the citizen: committed only once the form printed.

The step is applied, the form is built from it and printed, and only then does
the transaction commit; a failed print rolls it back.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter_app.models import Dossier
from counter_app.paper import FormKind
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.dossiers import StepRequest, apply_step, load_dossier
from counter_app.services.print_jobs.forms import build_form
from counter_app.services.print_jobs.jobs import PrintResult, Sink, print_failed, record_job
from counter_app.services.print_jobs.settings import paper_for


def _step_and_form(
    session: Session,
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    step: StepRequest,
    kind: FormKind,
    paper: str | None,
) -> tuple[Dossier, bytes]:
    """Apply ``step`` in ``session`` (not committed) and build the form it produces."""
    d = load_dossier(session, code)
    counter = counter_identity(session)
    apply_step(session, ctx, d, acting_user(session, actor), counter, step, ctx.now())
    session.flush()
    return d, build_form(session, d, counter, kind, paper=paper_for(session, kind, paper))


def step_with_form(
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    step: StepRequest,
    kind: FormKind,
    sink: Sink,
    *,
    paper: str | None = None,
) -> PrintResult:
    """Take a step whose paper must reach the citizen: commit only if the print succeeded."""
    failure: Exception | None = None
    with ctx.sessions.begin() as session:
        d, pdf = _step_and_form(session, ctx, actor, code, step, kind, paper)
        try:
            target = sink(pdf)
        except Exception as exc:  # the printer's failure, whatever its kind
            failure = exc
            session.rollback()
        else:
            record_job(session, ctx, d, actor.username, kind, target, "done", 0)
    if failure is not None:
        raise print_failed(ctx, actor, code, kind, 0, failure) from failure
    return PrintResult(code, kind, target, 0, pdf)


def preview_step_form(
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    step: StepRequest,
    kind: FormKind,
    *,
    paper: str | None = None,
) -> bytes:
    """The form as it will print once ``step`` is taken; nothing is saved.

    The step is applied and checked exactly as ``step_with_form`` would, so a
    refused step is refused here already, then rolled back.
    """
    with ctx.sessions.trial() as session:
        _d, pdf = _step_and_form(session, ctx, actor, code, step, kind, paper)
    return pdf
