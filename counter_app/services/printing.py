"""Printed forms of a dossier: built from the database, printed, recorded.

Two rules of the desk live here. A receipt is built only from a committed
dossier, so the code on it exists. And a state change that depends on a
paper (the supplement request, the apology) commits only after that paper
was printed: the step is applied, the form is built from it and printed,
and only then does the transaction commit; a failed print rolls it back.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.calendar import classify
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.procedure import Delivery, TimeUnit
from counter_app.domain.workflow import Action, Role, State
from counter_app.models import (
    CounterIdentity,
    Dossier,
    PrintJob,
    Setting,
    User,
    UserRole,
    WorkflowStep,
)
from counter_app.printing import (
    FormKind,
    load_form_set,
    render_apology,
    render_control_slip,
    render_ledger,
    render_receipt,
    render_refusal,
    render_stop_notice,
    render_supplement,
)
from counter_app.printing.data import (
    AgencyInfo,
    ApologyData,
    Applicant,
    ControlSlipData,
    ControlStep,
    HandedDocument,
    LedgerData,
    LedgerPeriod,
    LedgerRow,
    ReceiptData,
    RefusalData,
    SignerInfo,
    StopNoticeData,
    SupplementData,
    SupplementItem,
    Timeliness,
)
from counter_app.services import audit
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.dossiers import StepRequest, apply_step, load_dossier
from counter_app.services.users import load_user

log = logging.getLogger(__name__)
_CTX = "Printing"

FORM_LABELS = {"original": "Bản chính", "certified_copy": "Bản sao", "photocopy": "Bản chụp"}
# A sink prints or saves the PDF and says where it went (printer or path);
# it raises on failure.
Sink = Callable[[bytes], str]


PAPERS = ("A4", "A5", "80mm")
PRINTER_KEY = "printer_name"
RECEIPT_PAPER_KEY = "receipt_paper"


@dataclass(frozen=True)
class PrintSettings:
    """The desk's printer and the paper its receipts go on (A4, A5 or 80 mm slip)."""

    printer: str = ""
    receipt_paper: str = "A4"


def _settings(session: Session) -> PrintSettings:
    printer = session.get(Setting, PRINTER_KEY)
    paper = session.get(Setting, RECEIPT_PAPER_KEY)
    return PrintSettings(printer.value if printer else "", paper.value if paper else "A4")


def get_print_settings(ctx: ServiceContext) -> PrintSettings:
    with ctx.sessions() as session:
        return _settings(session)


def set_print_settings(
    ctx: ServiceContext, *, printer: str, receipt_paper: str, by: str
) -> PrintSettings:
    if receipt_paper not in PAPERS:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Printing", "Receipt paper “{value}” is not known; choose A4, A5 or 80mm."
                ),
                {"value": receipt_paper},
            ),
            field="receipt_paper",
        )
    with ctx.sessions.begin() as session:
        for key, value in ((PRINTER_KEY, printer.strip()), (RECEIPT_PAPER_KEY, receipt_paper)):
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
        audit.log_event(
            session,
            ctx,
            by,
            "print.settings",
            "settings",
            {"printer": printer.strip(), "receipt_paper": receipt_paper},
        )
        return _settings(session)


def _paper(session: Session, kind: FormKind, paper: str | None) -> str:
    """The paper asked for, else the configured one for receipts, else A4."""
    if paper is not None:
        return paper
    return _settings(session).receipt_paper if kind is FormKind.RECEIPT else "A4"


def file_sink(path: Path) -> Sink:
    """A sink that writes the PDF durably (fsync) and names the file it wrote."""

    def write(pdf: bytes) -> str:
        with path.open("wb") as fh:
            fh.write(pdf)
            fh.flush()
            os.fsync(fh.fileno())
        return str(path)

    return write


@dataclass(frozen=True)
class PrintResult:
    code: str
    kind: FormKind
    target: str
    reprint_no: int
    pdf: bytes


def _agency(c: CounterIdentity) -> AgencyInfo:
    return AgencyInfo(
        name=c.agency_name,
        parent_name=c.parent_name,
        agency_id=c.agency_id,
        place=c.place or c.agency_name,
        phone=c.phone,
    )


def _applicant(d: Dossier) -> Applicant:
    return Applicant(
        name=d.applicant_name,
        id_number=d.applicant_id_number,
        address=d.applicant_address,
        phone=d.applicant_phone,
        email=d.applicant_email,
    )


def processing_time_text(amount: int, unit: str) -> str:
    if unit == TimeUnit.SAME_DAY:
        return "Trong ngày làm việc"
    word = "giờ làm việc" if unit == TimeUnit.WORKING_HOURS else "ngày làm việc"
    return f"{amount:02d} {word}"


def _full_name(session: Session, username: str) -> str:
    user = session.scalars(select(User).where(User.username == username)).first()
    return user.full_name if user else username


def _signer(session: Session, d: Dossier) -> SignerInfo:
    """The leader who signed the dossier, else the counter's approver."""
    approval = next((s for s in d.steps if s.action == Action.APPROVE), None)
    user = None
    if approval is not None:
        user = session.scalars(select(User).where(User.username == approval.username)).first()
    if user is None:
        user = session.scalars(
            select(User).join(UserRole).where(UserRole.role == Role.APPROVER.value, User.active)
        ).first()
    if user is None:
        return SignerInfo("THỦ TRƯỞNG CƠ QUAN", "")
    title = user.title.upper()
    if title.startswith("PHÓ CHỦ TỊCH"):
        title = "KT. CHỦ TỊCH\n" + title.split(" UBND")[0]
    return SignerInfo(title or "THỦ TRƯỞNG CƠ QUAN", user.full_name)


def _last_step(d: Dossier, action: Action) -> WorkflowStep:
    step = next((s for s in reversed(d.steps) if s.action == action), None)
    if step is None:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Printing", "This dossier has no step that this form reports on yet."
                ),
            ),
            field="kind",
        )
    return step


def _done_prints(session: Session, d: Dossier, kind: FormKind) -> int:
    return (
        session.scalar(
            select(func.count(PrintJob.id)).where(
                PrintJob.dossier_id == d.id,
                PrintJob.form_kind == kind.value,
                PrintJob.status == "done",
            )
        )
        or 0
    )


def _result(d: Dossier, at: datetime | None) -> Timeliness | None:
    if at is None:
        return None
    return Timeliness(classify(d.appointment_at, at).value)


def build_form(
    session: Session,
    d: Dossier,
    counter: CounterIdentity,
    kind: FormKind,
    *,
    paper: str,
    reprint_no: int = 0,
) -> bytes:
    """The PDF of one form of dossier ``d`` as the database holds it in ``session``."""
    agency, applicant, form_set = _agency(counter), _applicant(d), counter.form_set
    if kind is FormKind.RECEIPT:
        return render_receipt(
            ReceiptData(
                dossier_code=d.code,
                agency=agency,
                applicant=applicant,
                request=d.procedure_name,
                procedure_code=d.procedure_code,
                documents=tuple(
                    HandedDocument(x.name, FORM_LABELS.get(x.form, x.form), x.quantity)
                    for x in d.documents
                ),
                number_of_sets=d.sets,
                processing_time_text=processing_time_text(
                    d.procedure.time_amount, d.procedure.time_unit
                ),
                received_at=d.received_at,
                appointment=d.appointment_at,
                ledger_book=d.ledger_book,
                ledger_entry=d.ledger_entry,
                receiving_officer=_full_name(session, d.received_by),
                fee=d.fee,
                delivery=Delivery(d.delivery),
                post_address=d.delivery_address,
                reprint_no=reprint_no,
            ),
            paper=paper,
            form_set=form_set,
        )
    if kind is FormKind.SUPPLEMENT:
        step = _last_step(d, Action.REQUEST_SUPPLEMENT)
        items = tuple(SupplementItem(str(i)) for i in step.data.get("items", []))
        return render_supplement(
            SupplementData(
                agency=agency,
                applicant=applicant,
                request=d.procedure_name,
                items=items,
                reason=step.note,
                officer=step.user_full_name,
                issued_at=step.at,
                dossier_code=d.code,
            ),
            paper=paper,
            form_set=form_set,
        )
    if kind is FormKind.REFUSAL:
        step = _last_step(d, Action.REFUSE)
        return render_refusal(
            RefusalData(
                agency=agency,
                applicant=applicant,
                request=d.procedure_name,
                reason=step.note,
                officer=step.user_full_name,
                issued_at=step.at,
                dossier_code=d.code,
            ),
            paper=paper,
            form_set=form_set,
        )
    if kind is FormKind.APOLOGY:
        step = _last_step(d, Action.APOLOGISE)
        return render_apology(
            ApologyData(
                agency=agency,
                applicant=applicant,
                dossier_code=d.code,
                request=d.procedure_name,
                received_at=d.received_at,
                appointment=datetime.fromisoformat(str(step.data["old_appointment"])),
                new_appointment=datetime.fromisoformat(str(step.data["appointment"])),
                reason=step.note,
                issued_at=step.at,
                signer=_signer(session, d),
            ),
            paper=paper,
            form_set=form_set,
        )
    if kind is FormKind.STOP_NOTICE:
        step = _last_step(d, Action.WITHDRAW)
        return render_stop_notice(
            StopNoticeData(
                agency=agency,
                applicant=applicant,
                dossier_code=d.code,
                request=d.procedure_name,
                received_at=d.received_at,
                reason=step.note,
                issued_at=step.at,
                signer=_signer(session, d),
            ),
            paper=paper,
            form_set=form_set,
        )
    if kind is FormKind.CONTROL_SLIP:
        return render_control_slip(_control_slip(d, agency), paper=paper, form_set=form_set)
    raise UserError(
        Message(_CTX, QT_TRANSLATE_NOOP("Printing", "Print the ledger from the ledger screen.")),
        field="kind",
    )


def _control_slip(d: Dossier, agency: AgencyInfo) -> ControlSlipData:
    """Form 05/06: each step is a hand-over from the previous holder to the next."""
    rows: list[ControlStep] = []
    steps = list(d.steps)
    for before, step in zip(steps, steps[1:], strict=False):
        unit = str(step.data.get("department")) if step.action == Action.TRANSFER else agency.name
        rows.append(
            ControlStep(
                handed_over_unit=agency.name
                if before.action != Action.TRANSFER
                else str(before.data.get("department", agency.name)),
                handed_over_by=before.user_full_name,
                received_unit=unit,
                received_by=step.user_full_name,
                handed_over_at=step.at,
                result=_result(d, step.at),
                note=step.note,
            )
        )
    return ControlSlipData(
        agency=agency,
        dossier_code=d.code,
        applicant=_applicant(d),
        request=d.procedure_name,
        received_at=d.received_at,
        appointment=d.appointment_at,
        handling_unit=agency.name,
        steps=tuple(rows),
    )


def _current_form(
    ctx: ServiceContext, code: str, kind: FormKind, paper: str | None
) -> tuple[bytes, int]:
    """The form as it prints now, and its reprint number (receipts count their prints)."""
    with ctx.sessions() as session:
        paper = _paper(session, kind, paper)
        d = load_dossier(session, code)
        reprint = _done_prints(session, d, kind) if kind is FormKind.RECEIPT else 0
        pdf = build_form(
            session, d, counter_identity(session), kind, paper=paper, reprint_no=reprint
        )
    return pdf, reprint


def form_pdf(ctx: ServiceContext, code: str, kind: FormKind, *, paper: str | None = None) -> bytes:
    """A preview of the form (a receipt preview shows the next reprint number)."""
    return _current_form(ctx, code, kind, paper)[0]


def _record(
    session: Session,
    ctx: ServiceContext,
    d: Dossier,
    username: str,
    kind: FormKind,
    target: str,
    status: str,
    reprint_no: int,
    error: str = "",
) -> None:
    counter = counter_identity(session)
    session.add(
        PrintJob(
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
    )
    if status == "done":
        d.print_count += 1
    audit.log_event(
        session,
        ctx,
        username,
        f"print.{kind.value}",
        f"dossier:{d.code}",
        {"status": status, "target": target, "reprint_no": reprint_no, "error": error},
    )


def _print_failed(
    ctx: ServiceContext, username: str, code: str, kind: FormKind, reprint: int, exc: Exception
) -> UserError:
    """Record the failed job in its own transaction; the error to raise to the official."""
    log.warning("Printing %s of %s failed: %s", kind.value, code, exc)
    with ctx.sessions.begin() as session:
        d = load_dossier(session, code)
        _record(session, ctx, d, username, kind, "", "failed", reprint, str(exc))
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
    username: str,
    code: str,
    kind: FormKind,
    sink: Sink,
    *,
    paper: str | None = None,
) -> PrintResult:
    """Print a form of a committed dossier and record the job (a repeat is a marked reprint)."""
    pdf, reprint = _current_form(ctx, code, kind, paper)
    try:
        target = sink(pdf)
    except Exception as exc:
        raise _print_failed(ctx, username, code, kind, reprint, exc) from exc
    with ctx.sessions.begin() as session:
        d = load_dossier(session, code)
        _record(session, ctx, d, username, kind, target, "done", reprint)
    return PrintResult(code, kind, target, reprint, pdf)


def _step_and_form(
    session: Session,
    ctx: ServiceContext,
    username: str,
    code: str,
    step: StepRequest,
    kind: FormKind,
    paper: str,
) -> tuple[Dossier, bytes]:
    """Apply ``step`` in ``session`` (not committed) and build the form it produces."""
    d = load_dossier(session, code)
    counter = counter_identity(session)
    apply_step(session, ctx, d, load_user(session, username), counter, step, ctx.now())
    session.flush()
    return d, build_form(session, d, counter, kind, paper=paper)


def step_with_form(
    ctx: ServiceContext,
    username: str,
    code: str,
    step: StepRequest,
    kind: FormKind,
    sink: Sink,
    *,
    paper: str = "A4",
) -> PrintResult:
    """Take a step whose paper must reach the citizen: commit only if the print succeeded."""
    failure: Exception | None = None
    with ctx.sessions.begin() as session:
        d, pdf = _step_and_form(session, ctx, username, code, step, kind, paper)
        try:
            target = sink(pdf)
        except Exception as exc:  # the printer's failure, whatever its kind
            failure = exc
            session.rollback()
        else:
            _record(session, ctx, d, username, kind, target, "done", 0)
    if failure is not None:
        raise _print_failed(ctx, username, code, kind, 0, failure) from failure
    return PrintResult(code, kind, target, 0, pdf)


def preview_step_form(
    ctx: ServiceContext,
    username: str,
    code: str,
    step: StepRequest,
    kind: FormKind,
    *,
    paper: str = "A4",
) -> bytes:
    """The form as it will print once ``step`` is taken; nothing is saved.

    The step is applied and checked exactly as ``step_with_form`` would, so a
    refused step is refused here already, then rolled back.
    """
    with ctx.sessions() as session:
        _d, pdf = _step_and_form(session, ctx, username, code, step, kind, paper)
        session.rollback()
    return pdf


def ledger_pdf(ctx: ServiceContext, start: date, end: date, *, paper: str = "A4") -> bytes:
    """Form 06 (07 in TT03/2025): the ledger of dossiers received in a period."""
    with ctx.sessions() as session:
        counter = counter_identity(session)
        dossiers = session.scalars(
            select(Dossier)
            .where(
                Dossier.received_at >= datetime.combine(start, time()),
                Dossier.received_at < datetime.combine(end, time.max),
            )
            .order_by(Dossier.ledger_year, Dossier.ledger_entry)
        ).all()
        rows = []
        for d in dossiers:
            transfer = next((s for s in d.steps if s.action == Action.TRANSFER), None)
            back = next((s for s in d.steps if s.action == Action.RETURN_FROM_DEPARTMENT), None)
            rows.append(
                LedgerRow(
                    entry_no=d.ledger_entry,
                    dossier_code=d.code,
                    procedure_name=d.procedure_name,
                    applicant_name=d.applicant_name,
                    address=d.applicant_address,
                    phone=d.applicant_phone,
                    received_at=d.received_at,
                    appointment=d.appointment_at,
                    number_of_sets=d.sets,
                    handling_unit=str(transfer.data.get("department"))
                    if transfer
                    else counter.agency_name,
                    transferred_at=transfer.at if transfer else None,
                    result_received_at=back.at if back else d.finished_at,
                    returned_at=d.returned_at,
                    result=_result(d, d.finished_at),
                    note="Rút hồ sơ" if d.state == State.WITHDRAWN else "",
                )
            )
        return render_ledger(
            LedgerData(_agency(counter), counter.ledger_book, tuple(rows)),
            LedgerPeriod(start, end),
            paper=paper,
            form_set=counter.form_set,
        )


def form_number(form_set: str, kind: FormKind) -> str:
    """ "01" for "Mẫu số 01": used to name saved PDFs."""
    return load_form_set(form_set).form(kind).number.split()[-1]


__all__ = [
    "PrintResult",
    "Sink",
    "build_form",
    "file_sink",
    "form_number",
    "form_pdf",
    "ledger_pdf",
    "PrintSettings",
    "get_print_settings",
    "preview_step_form",
    "print_form",
    "set_print_settings",
    "step_with_form",
]
