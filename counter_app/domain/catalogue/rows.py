"""A catalogue read row by row: good rows kept, each bad row reported, none fatal.

Importing must never stop at the first bad cell: every row is checked on its
own, good rows are kept, and each problem is reported with the row number the
official sees in the file and the column (or JSON key) to fix. Whatever the
file, a row is a mapping of the flat column names in ``COLUMNS`` to raw values.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from counter_app.domain.catalogue.fields import read_spec
from counter_app.domain.catalogue.messages import MSG_DUPLICATE_CODE
from counter_app.domain.catalogue.row_reader import RowError, RowReader
from counter_app.domain.procedure import ProcedureSpec

logger = logging.getLogger(__name__)

COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "field",
    "level",
    "processing_amount",
    "processing_unit",
    "fee_kind",
    "fee_amount",
    "fee_tiers",
    "fee_cap_per_copy",
    "fee_online_amount",
    "fee_note",
    "documents",
    "on_the_spot",
    "online_level",
    "deliveries",
    "legal_basis",
    "source_note",
    "cutoff",
    "deciding_authority",
    "special_basis",
    "special_supplement_clock",
    "special_supplement_request_days",
    "special_closing_days",
    "extra",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("code", "name", "field", "level", "processing_unit")


@dataclass
class ImportResult:
    procedures: list[ProcedureSpec]
    errors: list[RowError]
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


def collect_rows(
    rows: Iterable[tuple[int, Mapping[str, object]]], names: Mapping[str, str], source: str = ""
) -> ImportResult:
    procedures: list[ProcedureSpec] = []
    errors: list[RowError] = []
    first_row_of_code: dict[str, int] = {}
    for row, values in rows:
        reader = RowReader(row, values, names)
        spec = read_spec(reader)
        if spec is not None and spec.code in first_row_of_code:
            reader.error(
                "code",
                MSG_DUPLICATE_CODE,
                value=spec.code,
                first_row=first_row_of_code[spec.code],
            )
            spec = None
        errors.extend(reader.errors)
        if spec is not None:
            first_row_of_code[spec.code] = row
            procedures.append(spec)
    logger.info("Catalogue read: %d procedures, %d errors", len(procedures), len(errors))
    return ImportResult(procedures, errors, source)
