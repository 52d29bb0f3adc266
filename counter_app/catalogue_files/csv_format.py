"""Catalogue CSV: read (UTF-8 with or without BOM; ``;``, ``,`` or tab) and written.

Cells use the mini syntaxes of ``counter_app.domain.catalogue.fields``;
``dump_csv`` writes them so that ``parse_csv`` reads the procedures back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence

from counter_app.catalogue_files.table import table_rows
from counter_app.domain.catalogue.rows import COLUMNS, ImportResult, collect_rows
from counter_app.domain.procedure import FeeTier, ProcedureSpec, RequiredDocument


def _sniff_delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def parse_csv(text: str) -> ImportResult:
    """Parse a CSV catalogue (UTF-8 with or without BOM; ``;``, ``,`` or tab)."""
    text = text.lstrip("\ufeff")
    delimiter = _sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # The csv module stops the whole file at a cell past its field limit
    # (128 KiB); let any cell through and have the row reader reject just its row.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        return collect_rows(table_rows(reader), {})
    finally:
        csv.field_size_limit(limit)


def _format_tiers(tiers: Sequence[FeeTier]) -> str:
    return ";".join(f"{tier.from_page}:{tier.price}" for tier in tiers)


def _format_documents(documents: Sequence[RequiredDocument]) -> str:
    return "\n".join(f"{d.name}|{d.form.value}|{d.quantity}|{int(d.mandatory)}" for d in documents)


_CSV_CELLS: Mapping[str, Callable[[ProcedureSpec], str]] = {
    "code": lambda s: s.code,
    "name": lambda s: s.name,
    "field": lambda s: s.field,
    "level": lambda s: s.level.value,
    "processing_amount": lambda s: str(s.processing_time.amount),
    "processing_unit": lambda s: s.processing_time.unit.value,
    "fee_kind": lambda s: s.fee.kind.value,
    "fee_amount": lambda s: str(s.fee.amount),
    "fee_tiers": lambda s: _format_tiers(s.fee.tiers),
    "fee_cap_per_copy": lambda s: "" if s.fee.cap_per_copy is None else str(s.fee.cap_per_copy),
    "fee_online_amount": lambda s: "" if s.fee.online_amount is None else str(s.fee.online_amount),
    "fee_note": lambda s: s.fee.note,
    "documents": lambda s: _format_documents(s.documents),
    "on_the_spot": lambda s: str(int(s.on_the_spot)),
    "online_level": lambda s: s.online_level.value,
    "deliveries": lambda s: ";".join(d.value for d in s.deliveries),
    "legal_basis": lambda s: s.legal_basis,
    "source_note": lambda s: s.source_note,
    "cutoff": lambda s: "" if s.cutoff is None else str(int(s.cutoff)),
    "deciding_authority": lambda s: s.deciding_authority,
    "special_basis": lambda s: s.special_rules.basis if s.special_rules else "",
    "special_supplement_clock": lambda s: _special(s, "supplement_clock"),
    "special_supplement_request_days": lambda s: _special(s, "supplement_request_days"),
    "special_closing_days": lambda s: _special(s, "closing_days"),
    "extra": lambda s: ";".join(f"{k}={v}" for k, v in s.extra.items()),
}


def _special(spec: ProcedureSpec, key: str) -> str:
    value = spec.special_rules.to_dict().get(key) if spec.special_rules else None
    return "" if value is None else str(value)


def dump_csv(specs: Iterable[ProcedureSpec], delimiter: str = ",") -> str:
    """CSV text with the ``COLUMNS`` header; write it with encoding "utf-8-sig" for Excel."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for spec in specs:
        writer.writerow([_CSV_CELLS[column](spec) for column in COLUMNS])
    return out.getvalue()
