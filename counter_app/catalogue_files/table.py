"""A spreadsheet table (CSV or XLSX) turned into catalogue rows by its header.

One header row names the columns with the machine names in ``COLUMNS``; a
header cell may carry a hint after a space or a line break, e.g.
``"code (Mã TTHC)"``: only the first word counts. Row numbers are the ones the
official sees in the spreadsheet (header = row 1); blank rows are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from counter_app.catalogue_files.messages import MSG_EMPTY_TABLE, MSG_MISSING_COLUMNS
from counter_app.domain.catalogue.cells import display, is_blank
from counter_app.domain.catalogue.messages import catalogue_message
from counter_app.domain.catalogue.rows import COLUMNS, REQUIRED_COLUMNS
from counter_app.domain.messages import UserError


def _header_key(cell: object) -> str:
    # "code (Mã TTHC)" or "code\nMã TTHC" both mean "code".
    text = display(cell).lower()
    return re.split(r"[\s(]", text, maxsplit=1)[0] if text else ""


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
        raise UserError(catalogue_message(MSG_MISSING_COLUMNS, columns=", ".join(missing)))
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
