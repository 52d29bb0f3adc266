"""Receiving dossiers; the workflow steps that follow live in ``dossier_steps``
(re-exported here, the name callers know)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from counter_app.domain import reception
from counter_app.domain.bounds import (
    MAX_COPIES,
    MAX_FEE,
    MAX_LONG_TEXT,
    MAX_PAGES,
    MAX_SETS,
    count_errors,
    text_errors,
)
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError, ValidationFailed
from counter_app.domain.procedure import Delivery, RequiredDocument
from counter_app.domain.text import nfc, search_text
from counter_app.domain.validation import ApplicantInput, validate_applicant
from counter_app.domain.workflow import PENDING_STATES, RECEIVE_ROLES, Action, State, require_role
from counter_app.models import Dossier, DossierDocument
from counter_app.services import papers, sequences
from counter_app.services.auth import Actor, acting_user, roles_of
from counter_app.services.catalogue import load_procedure, spec_of
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.dossier_codes import take_code
from counter_app.services.dossier_steps import (
    StepRequest,
    apply_step,
    load_dossier,
    record_step,
    take_step,
    take_step_in,
)
from counter_app.services.on_the_spot import resolve_on_the_spot
from counter_app.services.printable import printable_errors
from counter_app.services.setup import ledger_book_for
from counter_app.services.views import DossierInfo, info_of

__all__ = [
    "ReceiveRequest",
    "StepRequest",
    "apply_step",
    "get_dossier",
    "load_dossier",
    "pending_duplicates",
    "receive",
    "receive_in",
    "resolve_on_the_spot",
    "take_step",
    "take_step_in",
]

log = logging.getLogger(__name__)
_CTX = "Dossiers"
_PENDING = [s.value for s in PENDING_STATES]
# Built once: a statement made afresh costs more than running it (every
# reception runs these; bench/bench_core.py times a reception).
_PENDING_CODES = select(Dossier.code).where(
    Dossier.applicant_id_number == bindparam("id_number"),
    # A passport number may equal another kind's number: the same person is
    # the same document.
    Dossier.applicant_id_kind == bindparam("id_kind"),
    Dossier.procedure_code == bindparam("procedure_code"),
    Dossier.state.in_(_PENDING),
)


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
    signatures: int = 1  # for a fee charged per signature
    online: bool = False  # submitted online: the lower online rate where there is one
    # The amount from the province's fee table, for a fee the province sets.
    fee_amount: int | None = None
    # Digitised papers already held, taken instead of being asked for again
    # (Decree 118/2025 Art. 17(1)(b)).
    reuse: Sequence[papers.Reuse] = ()


def pending_duplicates(
    ctx: ServiceContext, applicant: ApplicantInput, procedure_code: str
) -> list[str]:
    """Codes of this applicant's dossiers for the same procedure that are still
    pending: the same kind of document with the same number (``applicant``
    validated, so the number is as stored)."""
    with ctx.sessions() as session:
        return _pending_duplicates(session, applicant, procedure_code)


def _pending_duplicates(
    session: Session, applicant: ApplicantInput, procedure_code: str
) -> list[str]:
    if not applicant.id_number:
        return []
    session.flush()  # the connection below sees this unit of work's dossiers
    params = {
        "id_number": applicant.id_number,
        "id_kind": applicant.id_kind.value,
        "procedure_code": procedure_code,
    }
    return list(session.connection().scalars(_PENDING_CODES, params))


def _check_request(request: ReceiveRequest) -> None:
    """Counts and texts of a reception, bounded here and not only in the widgets."""
    errors = count_errors("sets", request.sets, low=1, high=MAX_SETS)
    errors += count_errors("pages", request.pages, low=1, high=MAX_PAGES)
    errors += count_errors("copies", request.copies, low=1, high=MAX_COPIES)
    errors += count_errors("signatures", request.signatures, low=1, high=MAX_COPIES)
    if request.fee_amount is not None:
        errors += count_errors("fee_amount", request.fee_amount, low=0, high=MAX_FEE)
    errors += text_errors("delivery_address", request.delivery_address)
    errors += text_errors("note", request.note, max_length=MAX_LONG_TEXT)
    for doc in request.documents or ():
        errors += text_errors("documents", doc.name)
    if errors:
        raise ValidationFailed(errors)


def receive(ctx: ServiceContext, actor: Actor, request: ReceiveRequest) -> DossierInfo:
    """Receive a dossier: validate, number it, compute fee and appointment, commit durably.

    Only after this returns may a receipt be printed: the code on it exists.
    """
    info = ctx.sessions.write(lambda session: info_of(*receive_in(session, ctx, actor, request)))
    log.info("Received dossier %s", info.code)
    return info


def receive_in(
    session: Session, ctx: ServiceContext, actor: Actor, request: ReceiveRequest
) -> tuple[Dossier, list[Message]]:
    """Receive in the caller's transaction; the dossier and the warnings for the official."""
    applicant = validate_applicant(request.applicant, today=ctx.now().date())
    _check_request(request)
    unprintable = printable_errors(
        {
            "full_name": applicant.full_name,
            "address": applicant.address,
            "organisation": applicant.organisation,
            "delivery_address": request.delivery_address,
            "note": request.note,
        }
    )
    if unprintable:
        raise ValidationFailed(unprintable)
    user = acting_user(session, actor)
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
    documents = (
        list(request.documents)
        if request.documents is not None
        else [d for d in spec.documents if d.mandatory]
    )
    now = ctx.now()
    received = reception.terms(
        spec,
        ctx.calendar(session),
        now,
        pages=request.pages,
        copies=request.copies,
        signatures=request.signatures,
        online=request.online,
        entered_fee=request.fee_amount,
    )
    code = take_code(session, counter, now, proc.deciding_authority)
    year = now.year
    book = ledger_book_for(session, counter, now.date())
    entry = sequences.next_value(session, f"ledger:{book}:{year}")
    warnings: list[Message] = []
    duplicates = _pending_duplicates(session, applicant, proc.code)
    if duplicates:
        warnings.append(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Dossiers",
                    "This citizen already has a pending dossier for the same procedure: {codes}.",
                ),
                {"codes": ", ".join(duplicates)},
            )
        )
    dossier = Dossier(
        counter_uuid=counter.uuid,
        code=code,
        procedure=proc,  # the relationship, so the reply needs no query for it
        procedure_code=proc.code,
        procedure_name=proc.name,
        state=State.RECEIVED.value,
        on_the_spot=received.on_the_spot,
        **reception.applicant_fields(applicant),
        search_text=search_text(
            code,
            applicant.full_name,
            applicant.id_number,
            applicant.phone,
            applicant.organisation,
        ),
        sets=request.sets,
        pages=request.pages,
        copies=request.copies,
        fee=received.fee,
        fee_free=received.fee_free,
        unit_name=counter.unit_name,
        received_at=now,
        received_by=user.username,
        appointment_at=received.appointment,
        original_appointment_at=received.appointment,
        delivery=request.delivery.value,
        delivery_address=nfc(request.delivery_address),
        ledger_book=book,
        ledger_year=year,
        ledger_entry=entry,
        note=nfc(request.note),
        documents=[
            DossierDocument(position=i, name=nfc(d.name), form=d.form.value, quantity=d.quantity)
            for i, d in enumerate(documents, start=1)
        ],
    )
    # A new dossier has no steps, pauses or notes yet: said here, not
    # loaded by a query each when the step is appended and the view is made.
    for empty in ("steps", "pauses", "central_notes"):
        set_committed_value(dossier, empty, [])
    # Not flushed here: the dossier, its documents, the step and the audit
    # entry go in one flush, one outbox numbering (record_step flushes).
    session.add(dossier)
    record_step(
        session,
        dossier,
        user,
        counter,
        Action.RECEIVE,
        None,
        State.RECEIVED,
        now,
        request.note,
        {
            "appointment": received.appointment.isoformat(),
            "fee": received.fee,
            "online": request.online,
        },
    )
    for taken in request.reuse:
        papers.reuse_at_reception(session, ctx, actor, dossier, taken)
    return dossier, warnings


def get_dossier(ctx: ServiceContext, code: str) -> DossierInfo:
    with ctx.sessions() as session:
        return info_of(load_dossier(session, code), calendar=ctx.calendar(session))
