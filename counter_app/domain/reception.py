"""What a reception sets, whoever receives: a desk (services/dossiers.py) or
the centre importing a dossier from the public service portal
(centre/portal_import.py). Written once, so an online dossier and one handed
in at the desk get the same appointment, fee and applicant fields."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.fees import compute_fee, is_free_by_law
from counter_app.domain.procedure import ProcedureSpec, cutoff_applies
from counter_app.domain.validation import ApplicantInput

# The ledger book of dossiers submitted on the public service portal: the
# centre files them there, and a desk tells an online dossier by it.
ONLINE_LEDGER_BOOK = "DVC"


@dataclass(frozen=True)
class Terms:
    """The appointment and fee a dossier is received on (kept as received,
    whatever the procedure becomes later)."""

    appointment: datetime
    fee: int
    fee_free: bool
    on_the_spot: bool


def terms(
    spec: ProcedureSpec,
    calendar: WorkCalendar,
    received_at: datetime,
    *,
    pages: int,
    copies: int,
    signatures: int = 1,
    online: bool,
    entered_fee: int | None,
) -> Terms:
    return Terms(
        appointment=calendar.due(received_at, spec.processing_time, cutoff=cutoff_applies(spec)),
        fee=compute_fee(
            spec.fee,
            pages=pages,
            copies=copies,
            signatures=signatures,
            online=online,
            entered=entered_fee,
        ),
        fee_free=is_free_by_law(spec.fee),
        on_the_spot=spec.on_the_spot,
    )


def applicant_fields(applicant: ApplicantInput) -> dict[str, Any]:
    """A validated applicant as the dossier's columns (and the wire body's keys)."""
    return {
        "applicant_name": applicant.full_name,
        "applicant_id_kind": applicant.id_kind.value,
        "applicant_id_number": applicant.id_number,
        "applicant_nationality": applicant.nationality,
        "applicant_phone": applicant.phone,
        "applicant_email": applicant.email,
        "applicant_address": applicant.address,
        "applicant_sex": applicant.sex.value if applicant.sex else None,
        "applicant_birth_year": applicant.birth_year,
        "organisation": applicant.organisation,
    }
