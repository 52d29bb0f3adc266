"""Bounds of every catalogue cell, checked before a row is read at all.

A catalogue feeds every reception of its procedures, so a cell that would
break one (a hidden control character, a 100,000-character name) rejects its
row here, and only its row. Numbers are bounded where they are read
(``RowReader.integer``) with the limits below.
"""

from __future__ import annotations

from collections.abc import Iterator

from counter_app.domain.bounds import control_position
from counter_app.domain.catalogue.messages import MSG_CONTROL_CHAR, MSG_TOO_LONG
from counter_app.domain.catalogue.row_reader import RowReader

# Longest text per column, in characters; choice and number columns take the default.
MAX_LENGTH: dict[str, int] = {
    "name": 500,
    "field": 200,
    "fee_note": 500,
    "fee_tiers": 500,
    # The whole checklist (a JSON one counts its keys too).
    "documents": 50_000,
    "legal_basis": 2_000,
    "source_note": 2_000,
    "extra": 2_000,
}
DEFAULT_MAX_LENGTH = 100
# A checklist of required documents, and how many of one the citizen hands in.
MAX_DOCUMENTS = 100
MAX_QUANTITY = 100
MAX_DOCUMENT_NAME = 500


def _strings(value: object) -> Iterator[str]:
    """Every text inside a cell (a JSON cell may hold lists and objects)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def screen_row(reader: RowReader) -> bool:
    """Report each cell with a control character or too much text; False if any."""
    clean = True
    for column, value in reader.values.items():
        texts = list(_strings(value))
        position = next((p for p in (control_position(t) for t in texts) if p is not None), None)
        if position is not None:
            reader.error(column, MSG_CONTROL_CHAR, position=position)
            clean = False
            continue
        length = sum(len(t) for t in texts)
        limit = MAX_LENGTH.get(column, DEFAULT_MAX_LENGTH)
        if length > limit:
            reader.error(column, MSG_TOO_LONG, count=length, max=limit)
            clean = False
    return clean
