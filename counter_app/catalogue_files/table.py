"""A spreadsheet table (CSV or XLSX) turned into catalogue rows by its header.

One header row names the columns, in Vietnamese (``VIETNAMESE_HEADERS``, the
template's, or another name in ``COLUMN_ALIASES``) or with the machine names
in ``COLUMNS``. A header cell may carry a hint in brackets or after a line
break, e.g. ``"Mã thủ tục (code)"``; a machine name may also be followed by
a hint after a space, ``"code Mã TTHC"``: then only its first word counts. Row numbers are the ones the
official sees in the spreadsheet (header = row 1); blank rows are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from counter_app.catalogue_files.messages import MSG_EMPTY_TABLE, MSG_MISSING_COLUMNS
from counter_app.domain.catalogue.cells import display, is_blank, match_key
from counter_app.domain.catalogue.messages import catalogue_message
from counter_app.domain.catalogue.rows import (
    COLUMN_ALIASES,
    COLUMNS,
    REQUIRED_COLUMNS,
    VIETNAMESE_HEADERS,
)
from counter_app.domain.messages import UserError


def _header_key(cell: object) -> str:
    # "Mã thủ tục (code)", "code (Mã TTHC)" and "code\nMã TTHC" name their column
    # before the hint; "code Mã TTHC" by its first word.
    text = display(cell).strip()
    if not text:
        return ""
    label = re.split(r"[\n(]", text, maxsplit=1)[0].strip()
    column = COLUMN_ALIASES.get(match_key(label))
    if column is not None:
        return column
    return re.split(r"[\s(]", text.lower(), maxsplit=1)[0]


def table_rows(
    table: Iterable[Sequence[object]],
) -> Iterable[tuple[int, Mapping[str, object]]]:
    iterator = iter(table)
    header: Sequence[object] | None = None
    for header_candidate in iterator:
        header = header_candidate
        break
    if header is None or all(is_blank(cell) for cell in header):
        raise UserError(catalogue_message(MSG_EMPTY_TABLE))
    keys = [_header_key(cell) for cell in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in keys]
    if missing:
        names = ", ".join(f"“{VIETNAMESE_HEADERS[column]}” ({column})" for column in missing)
        raise UserError(catalogue_message(MSG_MISSING_COLUMNS, columns=names))
    positions = {key: index for index, key in reversed(list(enumerate(keys))) if key in COLUMNS}

    def rows() -> Iterable[tuple[int, Mapping[str, object]]]:
        for row_number, cells in enumerate(iterator, start=2):
            if all(is_blank(cell) for cell in cells):
                continue
            yield (
                row_number,
                {
                    key: cells[index] if index < len(cells) else None
                    for key, index in positions.items()
                },
            )

    return rows()
