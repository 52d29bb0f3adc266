"""Receiving dossiers and moving them through the workflow, one transaction per step."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain import codes
from counter_app.domain.fees import compute_fee
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.procedure import Delivery, ProcessingTime, RequiredDocument, TimeUnit
from counter_app.domain.returns import ReturnDetails, return_record
from counter_app.domain.text import nfc, search_text
from counter_app.domain.validation import ApplicantInput, validate_applicant
from counter_app.domain.workflow import (
    ON_THE_SPOT_STEPS,
    PENDING_STATES,
    RECEIVE_ROLES,
    Action,
    State,
    next_state,
    require_role,
)
from counter_app.models import ClockPause, CounterIdentity, Dossier, DossierDocument, WorkflowStep
from counter_app.models.user import User
from counter_app.reports.definitions import is_overdue
from counter_app.services import audit, sequences
from counter_app.services.catalogue import load_procedure, spec_of
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.returns import current_criteria
from counter_app.services.users import load_user, roles_of
from counter_app.services.views import DossierInfo, info_of

log = logging.getLogger(__name__)
_CTX = "Dossiers"


def _error(source: str, field: str | None = None, **params: object) -> UserError:
    return UserError(Message(_CTX, source, dict(params)), field=field)


@dataclass(frozen=True)
class ReceiveRequest:
    procedure_code: str
    applicant: ApplicantInput
    # None: the procedure's mandatory checklist, each handed in as listed.
    documents: Sequence[RequiredDocument] | None = None
    sets: int = 1
    pages: int = 1
    copies: int = 1
    delivery: Delivery = Delivery.COUNTER
    delivery_address: str = ""
    note: str = ""


@dataclass(frozen=True)
class StepRequest:
    action: Action
    note: str = ""
    # REQUEST_SUPPLEMENT: the complete, one-time list of what to supplement.
    items: Sequence[str] = field(default_factory=tuple)
    # APOLOGISE: the new appointment.
    new_appointment: datetime | None = None
    # TRANSFER: the specialised department.
    department: str = ""
    # RETURN_RESULT: who collected the result, how, and the citizen's rating.
    returned: ReturnDetails = field(default_factory=ReturnDetails)


def _take_code(session: Session, counter: CounterIdentity, day: datetime) -> str:
    name = f"code:{day:%y%m%d}"
    last = sequences.last_value(session, name)
    while True:
        seq = codes.next_sequence(counter.code_slot, last)
        sequences.set_value(session, name, seq)
        code = str(codes.DossierCode(counter.agency_id, day.date(), seq))
        # A database restored from an older backup must not hand out a code
        # that already left on a receipt; skip past any that exist.
        if session.scalar(select(Dossier.id).where(Dossier.code == code)) is None:
            return code
        last = seq


def _step(
    session: Session,
    ctx: ServiceContext,
    dossier: Dossier,
    user: User,
    counter: CounterIdentity,
    action: Action,
    from_state: State | None,
    to_state: State,
    at: datetime,
    note: str = "",
    data: dict[str, object] | None = None,
) -> None:
    step = WorkflowStep(
        counter_uuid=counter.uuid,
        action=action.value,
        from_state=from_state.value if from_state else None,
        to_state=to_state.value,
        username=user.username,
        user_full_name=user.full_name,
        counter_name=counter.counter_name,
        at=at,
        note=nfc(note),
        data=dict(data or {}),
    )
    dossier.steps.append(step)
    dossier.state = to_state.value
    session.flush()
    audit.record(
        session,
        at=at,
        username=user.username,
        counter_uuid=counter.uuid,
        event=f"dossier.{action.value}",
        entity=f"dossier:{dossier.code}",
        details={
            "from": from_state.value if from_state else None,
            "to": to_state.value,
            "note": step.note,
            **step.data,
        },
    )


def pending_duplicates(ctx: ServiceContext, id_number: str, procedure_code: str) -> list[str]:
    """Codes of this citizen's dossiers for the same procedure that are still pending."""
    with ctx.sessions() as session:
        return _pending_duplicates(session, id_number, procedure_code)


def _pending_duplicates(session: Session, id_number: str, procedure_code: str) -> list[str]:
    if not id_number:
        return []
    return list(
        session.scalars(
            select(Dossier.code).where(
                Dossier.applicant_id_number == id_number,
                Dossier.procedure_code == procedure_code,
                Dossier.state.in_([s.value for s in PENDING_STATES]),
            )
        )
    )


def receive(ctx: ServiceContext, username: str, request: ReceiveRequest) -> DossierInfo:
    """Receive a dossier: validate, number it, compute fee and appointment, commit durably.

    Only after this returns may a receipt be printed: the code on it exists.
    """
    applicant = validate_applicant(request.applicant, today=ctx.now().date())
    if request.sets < 1:
        raise _error(
            QT_TRANSLATE_NOOP("Dossiers", "The number of sets must be at least 1."), "sets"
        )
    with ctx.sessions.begin() as session:
        user = load_user(session, username)
        require_role(Action.RECEIVE, RECEIVE_ROLES, roles_of(user))
        counter = counter_identity(session)
        proc = load_procedure(session, request.procedure_code)
        if request.delivery.value not in proc.deliveries:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Dossiers", "This procedure does not deliver results that way; choose another."
                ),
                "delivery",
            )
        if request.delivery is Delivery.POST and not nfc(request.delivery_address):
            raise _error(
                QT_TRANSLATE_NOOP("Dossiers", "Enter the postal address to send the result to."),
                "delivery_address",
            )
        spec = spec_of(proc)
        fee = compute_fee(spec.fee, pages=request.pages, copies=request.copies)
        documents = (
            list(request.documents)
            if request.documents is not None
            else [d for d in spec.documents if d.mandatory]
        )
        now = ctx.now()
        appointment = ctx.calendar(session).due(now, spec.processing_time)
        code = _take_code(session, counter, now)
        year = now.year
        entry = sequences.next_value(session, f"ledger:{counter.ledger_book}:{year}")
        warnings: list[Message] = []
        duplicates = _pending_duplicates(session, applicant.id_number, proc.code)
        if duplicates:
            warnings.append(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "Dossiers",
                        "This citizen already has a pending dossier for the same procedure: "
                        "{codes}.",
                    ),
                    {"codes": ", ".join(duplicates)},
                )
            )
        dossier = Dossier(
            counter_uuid=counter.uuid,
            code=code,
            procedure_id=proc.id,
            procedure_code=proc.code,
            procedure_name=proc.name,
            state=State.RECEIVED.value,
            on_the_spot=proc.on_the_spot,
            applicant_name=applicant.full_name,
            applicant_id_number=applicant.id_number,
            applicant_phone=applicant.phone,
            applicant_email=applicant.email,
            applicant_address=applicant.address,
            applicant_sex=applicant.sex.value if applicant.sex else None,
            applicant_birth_year=applicant.birth_year,
            organisation=applicant.organisation,
            search_text=search_text(
                code, applicant.full_name, applicant.id_number, applicant.phone
            ),
            sets=request.sets,
            pages=request.pages,
            copies=request.copies,
            fee=fee,
            received_at=now,
            received_by=user.username,
            appointment_at=appointment,
            original_appointment_at=appointment,
            delivery=request.delivery.value,
            delivery_address=nfc(request.delivery_address),
            ledger_book=counter.ledger_book,
            ledger_year=year,
            ledger_entry=entry,
            note=nfc(request.note),
            documents=[
                DossierDocument(
                    position=i, name=nfc(d.name), form=d.form.value, quantity=d.quantity
                )
                for i, d in enumerate(documents, start=1)
            ],
        )
        session.add(dossier)
        session.flush()
        _step(
            session,
            ctx,
            dossier,
            user,
            counter,
            Action.RECEIVE,
            None,
            State.RECEIVED,
            now,
            request.note,
            {"appointment": appointment.isoformat(), "fee": fee},
        )
        info = info_of(dossier, warnings)
    log.info("Received dossier %s", code)
    return info


def load_dossier(session: Session, code: str) -> Dossier:
    dossier = session.scalars(select(Dossier).where(Dossier.code == code.strip().upper())).first()
    if dossier is None:
        raise _error(
            QT_TRANSLATE_NOOP("Dossiers", "No dossier has the code \u201c{code}\u201d."),
            "code",
            code=code,
        )
    return dossier


def apply_step(
    session: Session,
    ctx: ServiceContext,
    dossier: Dossier,
    user: User,
    counter: CounterIdentity,
    req: StepRequest,
    now: datetime,
) -> None:
    state = State(dossier.state)
    overdue = is_overdue(state, dossier.paused_since is not None, dossier.appointment_at, now)
    target = next_state(
        req.action, state, roles_of(user), overdue=overdue, apologies=dossier.apology_count
    )
    data: dict[str, object] = {}
    note = nfc(req.note)
    if req.action is Action.REQUEST_SUPPLEMENT:
        items = [nfc(i) for i in req.items if nfc(i)]
        if not items:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Dossiers",
                    "List every document or detail the citizen must supplement, at once.",
                ),
                "items",
            )
        if dossier.pauses:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Dossiers",
                    "A supplement was already requested for this dossier; the request is "
                    "made only once, with the complete list.",
                ),
                "items",
            )
        dossier.pauses.append(ClockPause(started_at=now, items=items))
        dossier.paused_since = now
        data["items"] = items
    elif req.action is Action.SUPPLEMENT:
        open_pause = next(p for p in dossier.pauses if p.ended_at is None)
        open_pause.ended_at = now
        dossier.paused_since = None
        if dossier.apology_count == 0:
            proc_time = ProcessingTime(
                dossier.procedure.time_amount, TimeUnit(dossier.procedure.time_unit)
            )
            dossier.appointment_at = ctx.calendar(session).due(
                dossier.received_at, proc_time, [(p.started_at, p.ended_at) for p in dossier.pauses]
            )
        data["appointment"] = dossier.appointment_at.isoformat()
    elif req.action is Action.TRANSFER:
        department = nfc(req.department)
        if not department:
            raise _error(
                QT_TRANSLATE_NOOP("Dossiers", "Name the department the dossier is transferred to."),
                "department",
            )
        data["department"] = department
    elif req.action in (Action.REFUSE, Action.WITHDRAW) and not note:
        raise _error(QT_TRANSLATE_NOOP("Dossiers", "Write the reason in the note."), "note")
    elif req.action is Action.APOLOGISE:
        if req.new_appointment is None or req.new_appointment <= max(now, dossier.appointment_at):
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Dossiers", "The new appointment must be later than now and than the old one."
                ),
                "new_appointment",
            )
        if not note:
            raise _error(QT_TRANSLATE_NOOP("Dossiers", "Write the reason for the delay."), "note")
        data["old_appointment"] = dossier.appointment_at.isoformat()
        data["appointment"] = req.new_appointment.replace(microsecond=0).isoformat()
        dossier.appointment_at = req.new_appointment.replace(microsecond=0)
        dossier.apology_count += 1
    elif req.action is Action.PREPARE_RESULT:
        dossier.finished_at = now
    elif req.action is Action.RETURN_RESULT:
        data["return"] = return_record(
            req.returned, current_criteria(), dossier.applicant_name, dossier.applicant_id_number
        )
        dossier.returned_at = now
    _step(session, ctx, dossier, user, counter, req.action, state, target, now, note, data)


def take_step(ctx: ServiceContext, username: str, code: str, request: StepRequest) -> DossierInfo:
    """Take one workflow step; a refused step changes nothing and says why."""
    with ctx.sessions.begin() as session:
        dossier = load_dossier(session, code)
        user = load_user(session, username)
        counter = counter_identity(session)
        apply_step(session, ctx, dossier, user, counter, request, ctx.now())
        return info_of(dossier)


def resolve_on_the_spot(
    ctx: ServiceContext,
    username: str,
    code: str,
    *,
    approver: str | None = None,
    note: str = "",
) -> DossierInfo:
    """ "4 tại chỗ": appraise, approve, ready and return in one sitting, one transaction.

    ``approver`` is the leader who signs at the desk (already logged in by the
    caller); without one, the official must hold the approver role too.
    """
    with ctx.sessions.begin() as session:
        dossier = load_dossier(session, code)
        if not dossier.on_the_spot:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Dossiers", "This procedure is not on the \u201c4 tại chỗ\u201d list."
                ),
            )
        official = load_user(session, username)
        signer = load_user(session, approver) if approver else official
        counter = counter_identity(session)
        now = ctx.now()
        for action in ON_THE_SPOT_STEPS:
            actor = signer if action is Action.APPROVE else official
            apply_step(session, ctx, dossier, actor, counter, StepRequest(action, note), now)
        return info_of(dossier)


def get_dossier(ctx: ServiceContext, code: str) -> DossierInfo:
    with ctx.sessions() as session:
        return info_of(load_dossier(session, code))
