"""The PDF of one form of a dossier, built from the database as it holds it now."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.calendar import classify
from counter_app.domain.identity_documents import ORGANISATION_KINDS
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.procedure import Delivery, TimeUnit
from counter_app.domain.workflow import Action, Role
from counter_app.models import CounterIdentity, Dossier, PrintJob, User, UserRole, WorkflowStep
from counter_app.paper import (
    FormKind,
    form_set_for,
    load_form_set,
    render_apology,
    render_control_slip,
    render_receipt,
    render_refusal,
    render_stop_notice,
    render_supplement,
)
from counter_app.paper.data import (
    AgencyInfo,
    ApologyData,
    Applicant,
    ControlSlipData,
    ControlStep,
    HandedDocument,
    ReceiptData,
    RefusalData,
    SignerInfo,
    StopNoticeData,
    SupplementData,
    SupplementItem,
    Timeliness,
)

_CTX = "Printing"

FORM_LABELS = {"original": "Bản chính", "certified_copy": "Bản sao", "photocopy": "Bản chụp"}


def agency_info(c: CounterIdentity, unit_name: str = "") -> AgencyInfo:
    """The header names the agency above its one-stop unit; the province stays off the forms.

    ``unit_name`` is the unit a dossier was received by, when it has one.
    """
    return AgencyInfo(
        name=unit_name or c.unit_name,
        parent_name=c.agency_name,
        agency_id=c.agency_id,
        place=c.place or c.agency_name,
        phone=c.phone,
    )


def applicant_of(d: Dossier) -> Applicant:
    # An organisation is named on the forms by its name; its representative signs.
    organisation = d.applicant_id_kind in ORGANISATION_KINDS
    return Applicant(
        name=d.organisation if organisation else d.applicant_name,
        id_number=d.applicant_id_number,
        address=d.applicant_address,
        phone=d.applicant_phone,
        email=d.applicant_email,
        id_kind=d.applicant_id_kind,
        nationality=d.applicant_nationality,
        representative=d.applicant_name if organisation else "",
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


def _check_receipt_due(session: Session, d: Dossier) -> None:
    """A dossier received incomplete gets form 02, not the receipt: the receipt
    and its appointment come once the dossier is complete (Decree 118/2025
    Art. 17(1)(c), 17(3)). A receipt printed before a later supplement request
    (Art. 19(5)) may still be printed again."""
    if d.paused_since is None or done_prints(session, d, FormKind.RECEIPT) > 0:
        return
    raise UserError(
        Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Printing",
                "Dossier {code} waits for its supplement: the receipt with the appointment "
                "is given once the dossier is complete (Decree 118/2025 Art. 17(1)(c)). "
                "Print the supplement request (form 02) for the citizen instead.",
            ),
            {"code": d.code},
        ),
        field="kind",
    )


def timeliness(d: Dossier, at: datetime | None) -> Timeliness | None:
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
    signed_sha256: str = "",
) -> bytes:
    """The PDF of one form of dossier ``d`` as the database holds it in ``session``.

    ``signed_sha256``: a receipt's paper print names its signed copy (issue 21 point 4).
    """
    # The set in force on the receipt date: a reprint looks like the original.
    agency, applicant = agency_info(counter, d.unit_name), applicant_of(d)
    form_set = form_set_for(d.received_at.date())
    if kind is FormKind.RECEIPT:
        _check_receipt_due(session, d)
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
                fee_free=d.fee_free,
                delivery=Delivery(d.delivery),
                post_address=d.delivery_address,
                reprint_no=reprint_no,
                signed_sha256=signed_sha256,
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
                # Signed under "Người tiếp nhận hồ sơ": the official who received
                # the dossier hands it back, not the leader who decided.
                officer=_full_name(session, d.received_by),
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
                # Signed under "Người tiếp nhận hồ sơ": the official who received
                # the dossier hands it back, not the leader who decided.
                officer=_full_name(session, d.received_by),
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
        # A result given on the spot needs no receipt (Decree 118/2025 Art. 17(4)).
        with_receipt = not d.on_the_spot or done_prints(session, d, FormKind.RECEIPT) > 0
        return render_control_slip(
            _control_slip(d, agency, with_receipt), paper=paper, form_set=form_set
        )
    raise UserError(
        Message(_CTX, QT_TRANSLATE_NOOP("Printing", "Print the ledger from the ledger screen.")),
        field="kind",
    )


SENDING, DONE, FAILED = "sending", "done", "failed"


def done_prints(session: Session, d: Dossier, kind: FormKind) -> int:
    return (
        session.scalar(
            select(func.count(PrintJob.id)).where(
                PrintJob.dossier_id == d.id,
                PrintJob.form_kind == kind.value,
                # A job left "sending" by a crash may have reached the paper.
                PrintJob.status.in_((SENDING, DONE)),
            )
        )
        or 0
    )


def _control_slip(d: Dossier, agency: AgencyInfo, with_receipt: bool) -> ControlSlipData:
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
                result=timeliness(d, step.at),
                note=step.note,
            )
        )
    return ControlSlipData(
        agency=agency,
        dossier_code=d.code,
        applicant=applicant_of(d),
        request=d.procedure_name,
        received_at=d.received_at,
        appointment=d.appointment_at,
        handling_unit=agency.parent_name,
        steps=tuple(rows),
        with_receipt=with_receipt,
    )


def form_number(form_set: str, kind: FormKind) -> str:
    """ "01" for "Mẫu số 01": used to name saved PDFs."""
    return load_form_set(form_set).form(kind).number.split()[-1]
