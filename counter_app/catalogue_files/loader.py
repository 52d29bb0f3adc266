"""A catalogue file read whole, its format chosen by its suffix (.json, .csv, .xlsx).

File-level problems (unknown suffix, not UTF-8, not JSON, missing header
columns, wrong ``format`` marker) raise ``UserError``; row-level problems are
returned in ``ImportResult.errors``.
"""

from __future__ import annotations

from pathlib import Path

from counter_app.catalogue_files.csv_format import parse_csv
from counter_app.catalogue_files.messages import MSG_NOT_UTF8, MSG_UNKNOWN_SUFFIX
from counter_app.catalogue_files.xlsx_format import parse_xlsx
from counter_app.domain.catalogue.document import parse_json
from counter_app.domain.catalogue.messages import catalogue_message
from counter_app.domain.catalogue.rows import ImportResult
from counter_app.domain.messages import UserError


def load_catalogue(path: Path) -> ImportResult:
    """Read a catalogue file, choosing the parser by suffix."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return parse_xlsx(path)
    if suffix not in (".json", ".csv"):
        raise UserError(catalogue_message(MSG_UNKNOWN_SUFFIX, name=path.name))
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(catalogue_message(MSG_NOT_UTF8, name=path.name)) from exc
    return parse_json(text) if suffix == ".json" else parse_csv(text)
