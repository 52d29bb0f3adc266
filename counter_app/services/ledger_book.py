"""The ledger of the dossiers received in a period, printed as one form."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select

from counter_app.domain.workflow import Action, State
from counter_app.models import Dossier
from counter_app.paper import form_set_for, render_ledger
from counter_app.paper.data import LedgerData, LedgerPeriod, LedgerRow
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.print_jobs.forms import agency_info, applicant_of, timeliness


def _note(d: Dossier) -> str:
    """The ledger's note column: a dossier that ended without a result."""
    if d.state == State.WITHDRAWN:
        return "Rút hồ sơ"
    if d.state == State.CLOSED:
        # Decree 118/2025 Article 19(5): its supplement never came.
        return "Đóng hồ sơ (không bổ sung)"
    return ""


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
                    # An organisation by its name, as on its receipt.
                    applicant_name=applicant_of(d).name,
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
                    result=timeliness(d, d.finished_at),
                    note=_note(d),
                )
            )
        return render_ledger(
            # The unit the period's dossiers were received by, as their papers name it.
            LedgerData(
                agency_info(counter, dossiers[0].unit_name if dossiers else ""),
                counter.ledger_book,
                tuple(rows),
            ),
            LedgerPeriod(start, end),
            paper=paper,
            form_set=form_set_for(start),
        )
