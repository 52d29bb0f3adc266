"""Workflow steps on a stored dossier: one step, or the four of "4 tại chỗ" at once.

``apply_step`` and ``take_step_in`` work in the caller's session, so a step
can share a transaction with its printed paper or a sync apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.bounds import MAX_LONG_TEXT, count_errors, text_errors
from counter_app.domain.errors import Conflict, NotFound, RefusedTransition
from counter_app.domain.evaluation import computed_scores, evaluation_record
from counter_app.domain.extension import ExtensionStanding, asked_late
from counter_app.domain.handover import HANDOVER_ACTIONS, handed_late
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError, ValidationFailed
from counter_app.domain.online_answer import ANSWER_ACTIONS, CHANGES_ACTION, answered_late
from counter_app.domain.papers import PaperData, PaperRole, ResultCopy, validate_paper
from counter_app.domain.procedure import DocumentForm, cutoff_applies
from counter_app.domain.procedure_rules import ProcedureRules
from counter_app.domain.reception import ONLINE_LEDGER_BOOK
from counter_app.domain.returns import ReturnDetails, return_record
from counter_app.domain.supplement import (
    PauseOutcome,
    after_supplement,
    closing_refusal,
    requested_late,
)
from counter_app.domain.text import nfc
from counter_app.domain.workflow import Action, State, next_state
from counter_app.files.store import Blob
from counter_app.models import ClockPause, CounterIdentity, Dossier, DossierDocument, WorkflowStep
from counter_app.models.user import User
from counter_app.reports.definitions import is_overdue
from counter_app.services import audit, notices, paper_records, result_signing
from counter_app.services.auth import Actor, acting_user, roles_of
from counter_app.services.catalogue import spec_of
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.returns import current_criteria, current_evaluation
from counter_app.services.views import DossierInfo, info_of, rules_of
from counter_app.signing.verify import verify_pdf

_CTX = "Dossiers"
# A supplement request lists documents one by one; a few dozen at most.
MAX_ITEMS = 50


def _error(source: str, field: str | None = None, **params: object) -> UserError:
    return UserError(Message(_CTX, source, dict(params)), field=field)


def _conflict(source: str, field: str | None = None, **params: object) -> Conflict:
    return Conflict(Message(_CTX, source, dict(params)), field=field)


def _refused(source: str, **params: object) -> RefusedTransition:
    return RefusedTransition(Message(_CTX, source, dict(params)))


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
    # RETURN_RESULT: the result's electronic copy, kept for reuse (Art. 22).
    result_copy: ResultCopy | None = None


def record_step(
    session: Session,
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
    """Append the step, move the dossier to ``to_state`` and audit it, in ``session``."""
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
    # Flushed with the audit entry: one flush, one outbox numbering, for both.
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


def load_dossier(session: Session, code: str) -> Dossier:
    dossier = session.scalars(select(Dossier).where(Dossier.code == code.strip().upper())).first()
    if dossier is None:
        raise NotFound(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP("Dossiers", "No dossier has the code \u201c{code}\u201d."),
                {"code": code},
            ),
            field="code",
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
    rules = rules_of(dossier)
    extension = ExtensionStanding(
        rules,
        is_overdue(state, dossier.paused_since is not None, dossier.appointment_at, now),
        dossier.apology_count,
    )
    target = next_state(req.action, state, roles_of(user), extension=extension)
    check_step_text(req)
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
            raise _conflict(
                QT_TRANSLATE_NOOP(
                    "Dossiers",
                    "A supplement was already requested for this dossier; the request is "
                    "made only once, with the complete list.",
                ),
                "items",
            )
        late = requested_late(rules, ctx.calendar(session), dossier.received_at, now)
        dossier.pauses.append(ClockPause(started_at=now, items=items, asked_late=late))
        dossier.paused_since = now
        data["items"] = items
        if late:
            # Taken all the same (the citizen needs the list), but the missed
            # window is kept with the step and counted.
            data["asked_late"] = True
            data["basis"] = rules.supplement_request_days.basis
    elif req.action is Action.SUPPLEMENT:
        open_pause = _open_pause(dossier)
        open_pause.ended_at = now
        _add_supplemented(dossier, open_pause.items)
        data["documents"] = list(open_pause.items)
        dossier.paused_since = None
        _set_new_appointment(session, ctx, dossier, open_pause, rules, now, data)
    elif req.action is Action.CLOSE:
        open_pause = _open_pause(dossier)
        refusal = closing_refusal(rules, ctx.calendar(session), open_pause.started_at, now.date())
        if refusal is not None:
            raise RefusedTransition(refusal)
        open_pause.ended_at = now
        open_pause.outcome = PauseOutcome.CLOSED
        dossier.paused_since = None
        data["basis"] = rules.closing_days.basis
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
        if asked_late(rules, now, dossier.appointment_at):
            # Taken all the same (the citizen must hear of the delay), but
            # the missed notice is kept with the step and counted.
            data["asked_late"] = True
            data["basis"] = rules.extension_before_deadline.basis
        dossier.appointment_at = req.new_appointment.replace(microsecond=0)
        dossier.apology_count += 1
    elif req.action is Action.REFUSE:
        # The refusal is the result (form 03 says so): it counts from now, not
        # from whenever someone marks the result ready.
        dossier.finished_at = now
    elif req.action is Action.PREPARE_RESULT:
        dossier.finished_at = dossier.finished_at or now
    elif req.action is Action.RETURN_RESULT:
        questions = current_evaluation()
        data["return"] = return_record(
            req.returned,
            current_criteria(),
            dossier.applicant_name,
            dossier.applicant_id_number,
            questions,
        )
        dossier.returned_at = now
        # Circular 01/2018 Art. 14: what the record scores, with the citizen's answers.
        computed = computed_scores(
            dossier.appointment_at,
            dossier.finished_at or now,
            len(dossier.pauses),
            ((s.action, s.data) for s in dossier.steps),
        )
        dossier.evaluation = evaluation_record(questions, computed, req.returned.answers)
        data["evaluation"] = dict(dossier.evaluation)
    if _hands_over(dossier, req.action) and handed_late(
        rules, ctx.calendar(session), dossier.received_at, now
    ):
        data["handed_late"] = True
        data["basis"] = rules.transfer_cutoff.basis
    answers = _answers_online(dossier, req.action)
    if answers and answered_late(rules, ctx.calendar(session), dossier.received_at, now):
        data["answered_late"] = True
        data["answer_basis"] = rules.online_answer_hours.basis
    record_step(session, dossier, user, counter, req.action, state, target, now, note, data)
    # Articles 19(6), 22(5): what the citizen must be told, in this unit of work.
    notices.after_step(session, dossier, user.username, req.action, now, data, note)
    if answers:
        # Article 17(2): the citizen hears the answer (accepted, or the changes).
        changes = req.action is CHANGES_ACTION
        reason = "; ".join(nfc(i) for i in req.items if nfc(i)) + "." if changes else note
        notices.for_online_answer(
            session, dossier, user.username, now, accepted=not changes, reason=reason
        )


def _hands_over(dossier: Dossier, action: Action) -> bool:
    """Whether ``action`` is the first hand-over of a paper dossier (Article
    18(2); an online one travels in the system, Article 18(1))."""
    return (
        action in HANDOVER_ACTIONS
        and dossier.ledger_book != ONLINE_LEDGER_BOOK
        and not any(s.action in HANDOVER_ACTIONS for s in dossier.steps)
    )


def _answers_online(dossier: Dossier, action: Action) -> bool:
    """Whether ``action`` is the desk's first answer to an online dossier
    (Article 17(2); the step itself is the answer, see domain.online_answer)."""
    return (
        action in ANSWER_ACTIONS
        and dossier.ledger_book == ONLINE_LEDGER_BOOK
        and not any(s.action in ANSWER_ACTIONS for s in dossier.steps)
    )


def _open_pause(dossier: Dossier) -> ClockPause:
    return next(p for p in dossier.pauses if p.ended_at is None)


def _set_new_appointment(
    session: Session,
    ctx: ServiceContext,
    dossier: Dossier,
    pause: ClockPause,
    rules: ProcedureRules,
    now: datetime,
    data: dict[str, object],
) -> None:
    """The time limit once the complete dossier is in (domain.supplement):
    counted again from now, or (a specialised law's pause) given back."""
    proc = spec_of(dossier.procedure)
    new = after_supplement(
        rules,
        ctx.calendar(session),
        received=dossier.received_at,
        complete_at=now,
        processing=proc.processing_time,
        cutoff=cutoff_applies(proc),
        pauses=[(p.started_at, p.ended_at) for p in dossier.pauses],
        statutory=dossier.original_appointment_at,
        extended_to=dossier.appointment_at if dossier.apology_count else None,
    )
    pause.outcome = new.outcome
    data["old_appointment"] = dossier.appointment_at.isoformat()
    data["appointment"] = new.appointment.isoformat()
    data["basis"] = rules.supplement_clock.basis
    dossier.original_appointment_at = new.statutory
    dossier.appointment_at = new.appointment


def _add_supplemented(dossier: Dossier, items: Sequence[str]) -> None:
    """What the citizen brought joins the dossier's documents, in the form and
    quantity the checklist asks for when the item is one of its lines."""
    checklist = {d.name: d for d in spec_of(dossier.procedure).documents}
    for item in items:
        listed = checklist.get(item)
        dossier.documents.append(
            DossierDocument(
                position=len(dossier.documents) + 1,
                name=item,
                form=(listed.form if listed else DocumentForm.ORIGINAL).value,
                quantity=listed.quantity if listed else 1,
            )
        )


def take_step_in(
    session: Session, ctx: ServiceContext, actor: Actor, code: str, request: StepRequest
) -> Dossier:
    """Take one step in the caller's transaction (a sync apply, a step plus its paper)."""
    dossier = load_dossier(session, code)
    user = acting_user(session, actor)
    apply_step(session, ctx, dossier, user, counter_identity(session), request, ctx.now())
    return dossier


def take_step(ctx: ServiceContext, actor: Actor, code: str, request: StepRequest) -> DossierInfo:
    """Take one workflow step; a refused step changes nothing and says why.

    A result's electronic copy is checked and its file stored first; its row
    is written with the step, so the return and its copy stand or fall together.
    """
    copy = request.result_copy
    stored: tuple[PaperData, Blob, int] | None = None
    if copy is not None:
        if request.action is not Action.RETURN_RESULT:
            raise ValueError("a result's copy comes with the return")
        pages = paper_records.checked_pdf(copy.pdf)
        data = validate_paper(copy.data, paper_records.document_types(), ctx.now().date())
        # Whatever path brought it (the window, a script), a result whose
        # signature no longer matches its bytes is not what the authority issued.
        result_signing.refuse_altered(data.document_name, verify_pdf(copy.pdf, []))
        stored = (data, paper_records.store_of(ctx).put_bytes(copy.pdf), pages)

    def step(session: Session) -> DossierInfo:
        dossier = take_step_in(session, ctx, actor, code, request)
        if copy is not None and stored is not None:
            data, blob, pages = stored
            new = paper_records.NewCopy(
                code, b"", data, copy.origin, PaperRole.RESULT, signed_by=copy.signed_by
            )
            paper_records.record(session, ctx, actor, dossier, new, data, blob, pages)
        return info_of(dossier, calendar=ctx.calendar(session))

    return ctx.sessions.write(step)


def check_step_text(req: StepRequest) -> None:
    """Every text of a step is bounded before anything is written."""
    errors = text_errors("note", req.note, max_length=MAX_LONG_TEXT)
    errors += text_errors("department", req.department)
    for item in req.items:
        errors += text_errors("items", item)
    if len(req.items) > MAX_ITEMS:
        errors += count_errors("items", len(req.items), low=1, high=MAX_ITEMS)
    if errors:
        raise ValidationFailed(errors)
