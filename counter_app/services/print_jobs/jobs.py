"""Print jobs: a form of a committed dossier sent to a sink, every attempt recorded.

A receipt printed again is a marked reprint; a failed print is recorded in a
transaction of its own and reaches the official as one message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.models import Dossier, PrintJob
from counter_app.paper import FormKind
from counter_app.private_files import write_atomic
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.dossiers import load_dossier
from counter_app.services.paper_records import PaperInfo
from counter_app.services.print_jobs.forms import DONE, FAILED, SENDING, build_form, done_prints
from counter_app.services.print_jobs.settings import paper_for
from counter_app.services.print_jobs.signed import FormSigner, StoredForm, record_form, sign_form

log = logging.getLogger(__name__)
_CTX = "Printing"


# A sink prints or saves the PDF and says where it went (printer or path);
# it raises on failure.
Sink = Callable[[bytes], str]


def file_sink(path: Path) -> Sink:
    """A sink that writes the PDF durably and names the file it wrote.

    Written beside it and renamed into place: a full disk or a crash leaves
    the file that was there before (or none), never a truncated PDF; the
    form carries a citizen's data, so the file is private (0600).
    """

    def write(pdf: bytes) -> str:
        try:
            write_atomic(path, pdf)
        except OSError as exc:
            # Name the file the official chose, not the part-file beside it.
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        return str(path)

    return write


@dataclass(frozen=True)
class PrintResult:
    code: str
    kind: FormKind
    target: str
    reprint_no: int
    pdf: bytes
    # The signed electronic form kept in the dossier, when the official signed it.
    signed: PaperInfo | None = None


def _current_form(
    ctx: ServiceContext,
    code: str,
    kind: FormKind,
    paper: str | None,
    actor: Actor | None = None,
    signed_sha256: str = "",
) -> tuple[bytes, int]:
    """The form as it prints now, and its reprint number (receipts count their prints).

    With ``actor``, the official is checked first: no paper leaves for a login
    that no longer holds.
    """
    with ctx.sessions() as session:
        if actor is not None:
            acting_user(session, actor)
        paper = paper_for(session, kind, paper)
        d = load_dossier(session, code)
        reprint = done_prints(session, d, kind) if kind is FormKind.RECEIPT else 0
        pdf = build_form(
            session,
            d,
            counter_identity(session),
            kind,
            paper=paper,
            reprint_no=reprint,
            signed_sha256=signed_sha256,
        )
    return pdf, reprint


def printed(ctx: ServiceContext, code: str, kind: FormKind) -> bool:
    """Whether the form went to paper for the dossier (a reprint counts once)."""
    with ctx.sessions() as session:
        return done_prints(session, load_dossier(session, code), kind) > 0


def form_pdf(ctx: ServiceContext, code: str, kind: FormKind, *, paper: str | None = None) -> bytes:
    """A preview of the form (a receipt preview shows the next reprint number)."""
    return _current_form(ctx, code, kind, paper)[0]


def record_job(
    session: Session,
    ctx: ServiceContext,
    d: Dossier,
    username: str,
    kind: FormKind,
    target: str,
    status: str,
    reprint_no: int,
    error: str = "",
) -> PrintJob:
    counter = counter_identity(session)
    job = PrintJob(
        counter_uuid=counter.uuid,
        dossier_id=d.id,
        form_kind=kind.value,
        reprint_no=reprint_no,
        target=target,
        status=status,
        error=error,
        username=username,
        at=ctx.now(),
    )
    session.add(job)
    if status != SENDING:
        _audit_job(session, ctx, d, job)
    if status == DONE:
        d.print_count += 1
    return job


def _finish_job(
    session: Session, ctx: ServiceContext, job_id: int, status: str, target: str, error: str = ""
) -> None:
    job = session.get_one(PrintJob, job_id)
    job.status, job.target, job.error = status, target, error
    d = session.get_one(Dossier, job.dossier_id)
    if status == DONE:
        d.print_count += 1
    _audit_job(session, ctx, d, job)


def _audit_job(session: Session, ctx: ServiceContext, d: Dossier, job: PrintJob) -> None:
    kind, username = job.form_kind, job.username
    status, target, reprint_no, error = job.status, job.target, job.reprint_no, job.error
    audit.log_event(
        session,
        ctx,
        username,
        f"print.{kind}",
        f"dossier:{d.code}",
        {"status": status, "target": target, "reprint_no": reprint_no, "error": error},
    )


def print_failed(
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    kind: FormKind,
    reprint: int,
    exc: Exception,
    job_id: int | None = None,
) -> UserError:
    """Record the failed job (``job_id``: the one recorded before sending) in
    its own transaction; the error to raise to the official."""
    log.warning("Printing %s of %s failed: %s", kind.value, code, exc)

    def record(session: Session) -> None:
        if job_id is not None:
            _finish_job(session, ctx, job_id, FAILED, "", str(exc))
        else:
            d = load_dossier(session, code)
            record_job(session, ctx, d, actor.username, kind, "", FAILED, reprint, str(exc))

    ctx.sessions.write(record)
    return UserError(
        Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Printing",
                "Printing failed ({detail}); check the printer and paper, then print again. "
                "Nothing was changed.",
            ),
            {"detail": str(exc) or type(exc).__name__},
        )
    )


def print_form(
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    kind: FormKind,
    sink: Sink,
    *,
    paper: str | None = None,
    sign: FormSigner | None = None,
) -> PrintResult:
    """Print a form of a committed dossier and record the job (a repeat is a marked reprint).

    With ``sign``, the form is signed first (a refused signature prints and
    records nothing) and kept as the dossier's signed form with the job; a
    receipt's paper then carries the signed copy's SHA-256 in its QR code.
    """
    pdf, reprint = _current_form(ctx, code, kind, paper, actor)
    stored: StoredForm | None = None
    if sign is not None:
        stored = sign_form(ctx, sign, code, kind, pdf)
        if kind is FormKind.RECEIPT:
            pdf, _ = _current_form(ctx, code, kind, paper, actor, stored.sha256)

    # Recorded before the paper goes out: should the app die while it prints,
    # the next print of this form still counts this one and is a marked reprint.
    # Three short writes: none holds the writer while the printer runs.
    def sending(session: Session) -> int:
        acting_user(session, actor)
        d = load_dossier(session, code)
        job = record_job(session, ctx, d, actor.username, kind, "", SENDING, reprint)
        session.flush()
        return job.id

    job_id = ctx.sessions.write(sending)
    try:
        target = sink(pdf)
    except Exception as exc:
        raise print_failed(ctx, actor, code, kind, reprint, exc, job_id) from exc

    def done(session: Session) -> PaperInfo | None:
        _finish_job(session, ctx, job_id, DONE, target)
        if stored is None:
            return None
        return record_form(session, ctx, actor, load_dossier(session, code), stored)

    kept = ctx.sessions.write(done)
    return PrintResult(code, kind, target, reprint, pdf, kept)
