"""How a synced row crosses the wire: by UUID and procedure code, never by the
counter's local integer keys, with dates as ISO text."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

# Local-only columns: integer keys, the entry's own bookkeeping (carried on
# the entry), and the folded search column the counter derives itself.
_LOCAL = frozenset({"id", "dossier_id", "procedure_id", "counter_seq", "version", "search_text"})


def wire_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row_payload(values: Mapping[str, Any], dossier_uuid: str | None = None) -> dict[str, Any]:
    """The body of an outbox entry from a row's column values."""
    body = {k: wire_value(v) for k, v in values.items() if k not in _LOCAL}
    if dossier_uuid is not None:
        body["dossier_uuid"] = dossier_uuid
    return body


def parse_datetime(value: Any) -> datetime | None:
    return None if value in (None, "") else datetime.fromisoformat(value)
