"""A step whose paper must reach the citizen: committed only once the form printed.

The step is tried (applied and rolled back) to build its form; the form goes to
the printer with no write held; then the step is applied again, at the same
time, and committed only if it yields the very form that printed (the PDFs
are byte-for-byte reproducible). A failed print commits nothing but the
failed job; a dossier changed while the paper printed is refused.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.models import Dossier
from counter_app.paper import FormKind
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.dossiers import StepRequest, apply_step, load_dossier
from counter_app.services.paper_records import PaperInfo
from counter_app.services.print_jobs.forms import build_form
from counter_app.services.print_jobs.jobs import PrintResult, Sink, print_failed, record_job
from counter_app.services.print_jobs.settings import paper_for
from counter_app.services.print_jobs.signed import FormSigner, StoredForm, record_form, sign_form

CHANGED_WHILE_PRINTING = QT_TRANSLATE_NOOP(
    "Printing",
    "The dossier changed while its form was printing, so the step was not saved. "
    "Open the dossier again and take the step again.",
)


def _step_and_form(
    session: Session,
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    step: StepRequest,
    kind: FormKind,
    paper: str | None,
    now: datetime,
) -> tuple[Dossier, bytes]:
    """Apply ``step`` in ``session`` (not committed) and build the form it produces."""
    d = load_dossier(session, code)
    counter = counter_identity(session)
    apply_step(session, ctx, d, acting_user(session, actor), counter, step, now)
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
    sign: FormSigner | None = None,
) -> PrintResult:
    """Take a step whose paper must reach the citizen: commit only if the print succeeded.

    With ``sign``, the form that prints is signed first, the very bytes the
    step yields (a refused signature takes no step and prints nothing), and
    kept as the dossier's signed form in the step's unit of work.
    """
    now = ctx.now()
    pdf = ctx.sessions.write(
        lambda session: _step_and_form(session, ctx, actor, code, step, kind, paper, now)[1],
        trial=True,
    )
    stored: StoredForm | None = None
    if sign is not None:
        stored = sign_form(ctx, sign, code, kind, pdf)
    try:
        target = sink(pdf)
    except Exception as exc:  # the printer's failure, whatever its kind
        raise print_failed(ctx, actor, code, kind, 0, exc) from exc

    def commit(session: Session) -> PaperInfo | None:
        d, again = _step_and_form(session, ctx, actor, code, step, kind, paper, now)
        if again != pdf:
            raise UserError(Message("Printing", CHANGED_WHILE_PRINTING))
        record_job(session, ctx, d, actor.username, kind, target, "done", 0)
        return None if stored is None else record_form(session, ctx, actor, d, stored)

    kept = ctx.sessions.write(commit)
    return PrintResult(code, kind, target, 0, pdf, kept)


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
    now = ctx.now()
    return ctx.sessions.write(
        lambda session: _step_and_form(session, ctx, actor, code, step, kind, paper, now)[1],
        trial=True,
    )
