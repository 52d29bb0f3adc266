"""Plain data handed to the UI, the CLI and printing: no ORM object leaves a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.messages import Message
from counter_app.domain.procedure_rules import ProcedureRules, SpecialRules, rules_for
from counter_app.domain.supplement import closable_from
from counter_app.domain.workflow import State
from counter_app.models import Dossier
from counter_app.reports.definitions import is_due_today, is_overdue


@dataclass(frozen=True)
class DocumentLine:
    name: str
    form: str
    quantity: int
    # What a digitised paper names as the component it fulfils.
    position: int = 0


@dataclass(frozen=True)
class StepLine:
    action: str
    from_state: str | None
    to_state: str
    username: str
    user_full_name: str
    counter_name: str
    at: datetime
    note: str
    data: dict[str, Any]


@dataclass(frozen=True)
class NoteLine:
    """A department's note or result recorded centrally (arrives with sync)."""

    department: str
    text: str
    at: datetime


@dataclass(frozen=True)
class DossierRow:
    """One line of a work list or a search result."""

    code: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    state: State
    received_at: datetime
    appointment_at: datetime
    paused: bool
    on_the_spot: bool
    # The applicant's document (domain.identity_documents.IdKind): how the number is named.
    applicant_id_kind: str = "cccd"
    # An online dossier not answered yet (Decree 118/2025 Art. 17(2), the
    # list ONLINE_ANSWER_DUE): by when, and the working minutes left then.
    answer_by: datetime | None = None
    answer_left: int | None = None

    def overdue(self, now: datetime) -> bool:
        return is_overdue(self.state, self.paused, self.appointment_at, now)

    def due_today(self, now: datetime) -> bool:
        return is_due_today(self.state, self.paused, self.appointment_at, now)


@dataclass(frozen=True)
class DossierInfo:
    """A dossier with everything a form or a detail view shows."""

    row: DossierRow
    applicant_email: str
    applicant_address: str
    organisation: str
    sets: int
    pages: int
    copies: int
    fee: int
    original_appointment_at: datetime
    apology_count: int
    delivery: str
    delivery_address: str
    ledger_book: str
    ledger_year: int
    ledger_entry: int
    received_by: str
    note: str
    finished_at: datetime | None
    returned_at: datetime | None
    print_count: int
    documents: list[DocumentLine]
    steps: list[StepLine]
    supplement_items: list[str]
    rules: ProcedureRules  # the rules of its reception date
    warnings: list[Message] = field(default_factory=list)
    # Waiting for its supplement: the first day the desk may close it (Decree
    # 118/2025 Art. 19(5)); None otherwise, or when read without a calendar.
    closable_from: date | None = None
    central_notes: list[NoteLine] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.row.code

    @property
    def state(self) -> State:
        return self.row.state


def row_of(d: Dossier | Row[Any]) -> DossierRow:
    """A list line from a dossier, or from a select of the same columns."""
    return DossierRow(
        code=d.code,
        procedure_code=d.procedure_code,
        procedure_name=d.procedure_name,
        applicant_name=d.applicant_name,
        applicant_id_number=d.applicant_id_number,
        applicant_phone=d.applicant_phone,
        applicant_id_kind=d.applicant_id_kind,
        state=State(d.state),
        received_at=d.received_at,
        appointment_at=d.appointment_at,
        paused=d.paused_since is not None,
        on_the_spot=d.on_the_spot,
    )


def rules_of(d: Dossier) -> ProcedureRules:
    """The rules a dossier is handled under: those of its reception date, with
    what its procedure's specialised law sets instead (the catalogue's)."""
    return rules_under(d.received_at, d.procedure.special_rules)


def rules_under(received_at: datetime, special_rules: dict[str, Any] | None) -> ProcedureRules:
    """:func:`rules_of` for a list row: its reception and its procedure's column."""
    return rules_for(received_at.date(), SpecialRules.from_dict(special_rules))


def closing_day(d: Dossier, calendar: WorkCalendar) -> date | None:
    """The first day a dossier waiting for its supplement may be closed."""
    waiting = next((p for p in d.pauses if p.ended_at is None), None)
    if waiting is None or d.state != State.SUPPLEMENT_REQUESTED:
        return None
    return closable_from(rules_of(d), calendar, waiting.started_at)


def info_of(
    d: Dossier, warnings: list[Message] | None = None, calendar: WorkCalendar | None = None
) -> DossierInfo:
    items: list[str] = []
    for pause in d.pauses:
        items.extend(str(i) for i in pause.items)
    return DossierInfo(
        row=row_of(d),
        applicant_email=d.applicant_email,
        applicant_address=d.applicant_address,
        organisation=d.organisation,
        sets=d.sets,
        pages=d.pages,
        copies=d.copies,
        fee=d.fee,
        original_appointment_at=d.original_appointment_at,
        apology_count=d.apology_count,
        delivery=d.delivery,
        delivery_address=d.delivery_address,
        ledger_book=d.ledger_book,
        ledger_year=d.ledger_year,
        ledger_entry=d.ledger_entry,
        received_by=d.received_by,
        note=d.note,
        finished_at=d.finished_at,
        returned_at=d.returned_at,
        print_count=d.print_count,
        documents=[DocumentLine(x.name, x.form, x.quantity, x.position) for x in d.documents],
        steps=[
            StepLine(
                s.action,
                s.from_state,
                s.to_state,
                s.username,
                s.user_full_name,
                s.counter_name,
                s.at,
                s.note,
                dict(s.data),
            )
            for s in d.steps
        ],
        supplement_items=items,
        rules=rules_of(d),
        warnings=list(warnings or []),
        central_notes=[NoteLine(n.department, n.text, n.at) for n in d.central_notes],
        closable_from=closing_day(d, calendar) if calendar is not None else None,
    )
