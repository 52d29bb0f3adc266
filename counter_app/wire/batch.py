"""A pushed batch on the wire: its entries and the COPY that streams them into
the centre's inbox (migration c0005_push_entry_point), where central_push()
checks and applies them as the centre's own role.

The body travels as the JSON text the counter stored; the server parses it
once, in COPY. The desk sends nothing it may not: the inbox takes only the
entry's own columns, and the function derives everything else.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Connection

INBOX = "central_push_inbox"


@dataclass(frozen=True)
class Entry:
    """One outbox entry as the counter stored it. The payload travels as its
    JSON text (COPY sends it as is, the server parses it once) and is parsed
    here only where a rule looks inside: audit entries, refusals, rows the
    centre already holds."""

    seq: int
    kind: str
    row_uuid: str
    version: int
    text: str

    @cached_property
    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = json.loads(self.text)
        return body


def stage(conn: Connection, entries: Sequence[Entry]) -> None:
    """Stream the batch with one COPY into the centre's inbox, where
    central_push() finds it (the rows of this transaction only)."""
    # The push's statements each run for milliseconds: compiling them to
    # machine code (which a per-entry look-up's cost estimate would trigger)
    # costs more than it saves.
    conn.exec_driver_sql("SET LOCAL jit = off")
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {INBOX} (seq, kind, uuid, version, body) FROM STDIN") as copy:
            for e in entries:
                copy.write_row((e.seq, e.kind, e.row_uuid, e.version, e.text))
    finally:
        cursor.close()
