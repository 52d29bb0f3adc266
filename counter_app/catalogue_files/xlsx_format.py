"""Catalogue XLSX: the first worksheet of an Excel workbook, read-only."""

from __future__ import annotations

import zipfile
from pathlib import Path

from counter_app.catalogue_files.messages import MSG_UNREADABLE_XLSX
from counter_app.catalogue_files.table import table_rows
from counter_app.domain.catalogue.messages import catalogue_message
from counter_app.domain.catalogue.rows import ImportResult, collect_rows
from counter_app.domain.messages import UserError


def parse_xlsx(path: Path) -> ImportResult:
    """Parse the first worksheet of an Excel workbook (read-only)."""
    from openpyxl import load_workbook  # deferred: only XLSX imports pay for it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise UserError(
            catalogue_message(MSG_UNREADABLE_XLSX, name=path.name, detail=str(exc))
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        table = (tuple(row) for row in sheet.iter_rows(values_only=True))
        return collect_rows(list(table_rows(table)), {})
    finally:
        workbook.close()
