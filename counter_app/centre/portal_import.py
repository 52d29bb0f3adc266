"""Dossiers from the public service portal (Cổng dịch vụ công), handed to
the agency's counters through the feed.

Nothing of a file is trusted. Each entry passes a schema with a bound on
every field, then the centre's own registry: the agency is one the centre
knows, the code is a well-formed dossier code of that agency whose code slot
no counter of the agency holds (a slot belongs to one counter or to the
portal, never both), the procedure is in the catalogue, the applicant passes
the counter's checks. One bad entry refuses the whole file, and the refusal
lists every bad entry by position and field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, text

from counter_app.centre.checks import error
from counter_app.centre.portal_checks import check_entries
from counter_app.centre.portal_dossier import write_entry
from counter_app.centre.portal_file import MAX_ENTRIES, Problems, load_portal_file, parse_entries
from counter_app.centre.registration import lock_agency
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.domain.reception import ONLINE_LEDGER_BOOK

# Re-exported: the command line reads the file through this module.
__all__ = ["ONLINE_LEDGER_BOOK", "import_online", "load_portal_file"]


def import_online(engine: Engine, entries: Sequence[Any], *, amend: bool = False) -> list[str]:
    """Import the portal's dossiers; returns the codes imported or amended.

    The whole list is refused (every bad entry listed) or imported in one
    transaction. An entry whose code the centre holds already is left as it
    is when identical (importing a file twice changes nothing) and refused
    by name when it differs, unless ``amend``: then the dossier is updated,
    one version up, and sent again while no counter has taken it; once a
    counter owns it, it stays as the counter made it.
    """
    if not isinstance(entries, list | tuple) or not entries:
        raise error(
            QT_TRANSLATE_NOOP("Central", "The file lists no dossiers; nothing was imported.")
        )
    if len(entries) > MAX_ENTRIES:
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "The file lists {count} dossiers, more than {max} at once; nothing was imported.",
            ),
            count=len(entries),
            max=MAX_ENTRIES,
        )
    problems = Problems()
    parsed = parse_entries(entries, problems)
    with engine.begin() as conn:
        for agency in sorted({e.agency_id.upper() for _, e in parsed}):
            lock_agency(conn, agency)
        checked = check_entries(conn, parsed, problems, amend=amend)
        problems.raise_any()
        calendar = _calendar(conn)
        imported = []
        for item in checked:
            code = write_entry(conn, calendar, item)
            if code:
                imported.append(code)
    return imported


def _calendar(conn: Connection) -> WorkCalendar:
    rows = conn.execute(text("SELECT day, working, name FROM central_calendar_days")).all()
    return WorkCalendar(
        extra_days_off={r.day: r.name for r in rows if not r.working},
        extra_workdays={r.day: r.name for r in rows if r.working},
    )
