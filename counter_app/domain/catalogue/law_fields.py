"""The catalogue columns that carry the law around a procedure (Decree 118/2025).

- ``deciding_authority``: the identifier of the authority competent to decide
  the procedure (Article 28(2)(a)), in the national list's form, e.g.
  ``000.00.37.H37``; empty when the receiving unit decides.
- ``special_basis`` with ``special_supplement_clock`` (restart / pause, or
  tính lại / tạm dừng), ``special_supplement_request_days`` (working days) and
  ``special_closing_days`` (days): what the procedure's specialised law sets
  instead of the decree (Article 19(5): "unless the specialised law says
  otherwise"), with the article it rests on. A value without its basis is
  refused: a rule nobody can cite is not applied.
"""

from __future__ import annotations

from counter_app.domain.bounds import MAX_WORKING_DAYS
from counter_app.domain.catalogue.cells import _aliases, is_blank
from counter_app.domain.catalogue.messages import (
    MSG_BAD_AUTHORITY,
    MSG_BAD_SUPPLEMENT_CLOCK,
    MSG_SPECIAL_BASIS,
)
from counter_app.domain.catalogue.row_reader import RowReader
from counter_app.domain.codes import AGENCY_ID_RE
from counter_app.domain.procedure_rules import SpecialRules, SupplementClock

SPECIAL_COLUMNS = (
    "special_supplement_clock",
    "special_supplement_request_days",
    "special_closing_days",
)
SUPPLEMENT_CLOCK_ALIASES = _aliases(
    {
        "restart": SupplementClock.RESTART,
        "tính lại": SupplementClock.RESTART,
        "tính lại từ đầu": SupplementClock.RESTART,
        "pause": SupplementClock.PAUSE,
        "tạm dừng": SupplementClock.PAUSE,
    }
)
# Closing periods in days: a specialised law's are counted in weeks or months.
MAX_CLOSING_DAYS = 365


def read_deciding_authority(reader: RowReader) -> str:
    value = reader.text("deciding_authority").strip().upper()
    if value and not AGENCY_ID_RE.match(value):
        reader.error("deciding_authority", MSG_BAD_AUTHORITY, value=value)
    return value


def read_special_rules(reader: RowReader) -> SpecialRules | None:
    basis = reader.text("special_basis")
    clock = None
    if not is_blank(reader.raw("special_supplement_clock")):
        clock = reader.choice(
            "special_supplement_clock", SUPPLEMENT_CLOCK_ALIASES, MSG_BAD_SUPPLEMENT_CLOCK, None
        )
    request_days = _optional_days("special_supplement_request_days", reader, MAX_WORKING_DAYS)
    closing_days = _optional_days("special_closing_days", reader, MAX_CLOSING_DAYS)
    given = [c for c in SPECIAL_COLUMNS if not is_blank(reader.raw(c))]
    if given and not basis:
        names = ", ".join(reader.column_name(c) for c in given)
        reader.error("special_basis", MSG_SPECIAL_BASIS, columns=names)
        return None
    if not given:
        return None
    return SpecialRules(basis, clock, request_days, closing_days)


def _optional_days(column: str, reader: RowReader, high: int) -> int | None:
    if is_blank(reader.raw(column)):
        return None
    return reader.integer(column, default=None, high=high)
