"""Dossier codes (mã hồ sơ) and ledger numbers.

A code is ``<agency identifier>-<YYMMDD>-<NNNN>``. Counters of one agency work
offline at the same time, so they cannot ask each other for the next number:
each counter owns a fixed block of the daily 4-digit sequence (its *code
slot*). Slot 0 numbers 0001–0999, slot 1 numbers 1000–1999, … slot 9 numbers
9000–9999. A commune with one counter therefore hands out 0001, 0002, …
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

_CTX = "Codes"
SLOTS = 10
BLOCK = 1000

# Agency identifiers of the national catalogue look like 000.00.37.H37 or
# H37.1.2; keep the check permissive but free of the code separator "-".
AGENCY_ID_RE = re.compile(r"^[0-9A-Z]{1,4}(\.[0-9A-Z]{1,4}){1,5}$")
CODE_RE = re.compile(r"^(?P<agency>[0-9A-Z.]+)-(?P<day>\d{6})-(?P<seq>\d{4})$")


@dataclass(frozen=True)
class DossierCode:
    agency_id: str
    day: date
    sequence: int

    def __str__(self) -> str:
        return f"{self.agency_id}-{self.day:%y%m%d}-{self.sequence:04d}"


def check_agency_id(agency_id: str) -> str:
    value = agency_id.strip().upper()
    if not AGENCY_ID_RE.match(value):
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Codes",
                    "The agency identifier \u201c{value}\u201d is not valid; "
                    "type it as in the national catalogue, e.g. 000.00.37.H37.",
                ),
                {"value": agency_id},
            ),
            field="agency_id",
        )
    return value


def slot_range(slot: int) -> tuple[int, int]:
    """First and last sequence number a counter in ``slot`` may use on one day."""
    if not 0 <= slot < SLOTS:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP("Codes", "The counter's code slot must be between 0 and 9."),
            ),
            field="code_slot",
        )
    return max(1, slot * BLOCK), slot * BLOCK + BLOCK - 1


def next_sequence(slot: int, last_used: int | None) -> int:
    """The sequence after ``last_used`` (None: first of the day) inside the slot's block.

    Never a number outside the block: a counter moved up to this slot during
    the day (``last_used`` below the block, in its old slot) starts at the
    block's first number, past every number its old slot gave out that day.
    A ``last_used`` above the block (moved down) is the caller's to resolve
    (services/dossier_codes.py): the day's mark never goes back.
    """
    first, last = slot_range(slot)
    candidate = first if last_used is None or last_used < first else last_used + 1
    if candidate > last:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Codes",
                    "This counter has used all {count} dossier numbers for today; "
                    "ask the administrator to give it another code slot.",
                ),
                {"count": last - first + 1},
            )
        )
    return candidate


def parse_code(text: str) -> DossierCode | None:
    """Parse a scanned or typed code; None when it is not a dossier code."""
    m = CODE_RE.match(text.strip().upper())
    if not m:
        return None
    d = m["day"]
    try:
        day = date(2000 + int(d[:2]), int(d[2:4]), int(d[4:]))
    except ValueError:
        return None
    return DossierCode(m["agency"], day, int(m["seq"]))
