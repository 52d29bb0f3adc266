"""The reception form's word on another authority's code numbers, said before
the desk runs out of them (domain/code_blocks.py; Decree 118/2025 Art. 28(2))."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.services.context import ServiceContext
from counter_app.services.dossier_codes import code_room
from counter_app.ui.formats import fmt_date


def code_room_note(ctx: ServiceContext, procedure_code: str) -> str:
    """Empty unless the codes of the procedure's authority are running out."""
    found = code_room(ctx, procedure_code)
    if found is None or not found.warn:
        return ""
    until = found.room.valid_until
    return QCoreApplication.translate(
        "ReceiveForm",
        "Codes of {authority}: {left} number(s) left today, granted until {until}. "
        "Synchronise with the centre to get more; when none are left, dossiers take "
        "this unit's own code.",
    ).format(
        authority=found.authority_id,
        left=found.room.left_today,
        until=fmt_date(until) if until else "—",
    )
