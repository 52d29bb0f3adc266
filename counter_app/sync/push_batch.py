"""One batch of a push, as the desk sends it: streamed into the centre's
inbox (counter_app/wire/batch.py) and applied there by ``central_push()``
(migration c0005_push_entry_point), a function that runs as the centre's own
role and checks every value. The desk's role can write nothing else, so the
rules are enforced by the server, not by this process.

A row the centre refuses is quarantined with both versions and its reason
(counter_app/wire/refusals.py); the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from counter_app.sync.errors import GapRefused, NotRegistered
from counter_app.wire.batch import Entry, stage

# SQLSTATEs central_push() raises (class "CA": the centre's own).
_GAP, _OWNER_CHANGED, _NOT_REGISTERED = "CAGAP", "CAOWN", "CANRG"


class OwnerChanged(RuntimeError):
    """A dossier changed owner between reading and writing it; retry the batch."""


@dataclass(frozen=True)
class Refusal:
    seq: int
    kind: str
    row_uuid: str
    reason: str
    incoming: dict[str, Any]
    existing: dict[str, Any] | None


@dataclass(frozen=True)
class Applied:
    """What the centre answered: its high-water mark after the batch, how many
    entries were new to it, and the refused ones."""

    high_water: int
    applied: int
    refusals: list[Refusal]


def apply_batch(conn: Connection, entries: Sequence[Entry]) -> Applied:
    """Apply entries (seq order) in the caller's transaction. Entries at or
    below the centre's mark are replays and change nothing; the rest must
    start right after it (``GapRefused`` otherwise, nothing written)."""
    stage(conn, entries)
    try:
        answer: dict[str, Any] = conn.execute(text("SELECT central_push()")).scalar_one()
    except DBAPIError as e:
        state = getattr(e.orig, "sqlstate", None)
        diag = getattr(e.orig, "diag", None)
        if state == _GAP:
            expected, got = str(getattr(diag, "message_detail", "0:0")).split(":")
            raise GapRefused(int(expected), int(got)) from None
        if state == _OWNER_CHANGED:
            raise OwnerChanged(str(getattr(diag, "message_primary", ""))) from None
        if state == _NOT_REGISTERED:
            raise NotRegistered() from None
        raise
    by_seq = {e.seq: e for e in entries}
    return Applied(
        answer["high_water"],
        answer["applied"],
        [
            Refusal(
                r["seq"],
                r["kind"],
                r["row_uuid"],
                r["reason"],
                by_seq[r["seq"]].payload,
                r["existing"],
            )
            for r in answer["refusals"]
        ],
    )
