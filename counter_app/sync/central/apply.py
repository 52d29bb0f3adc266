"""The centre's side of a push, as the desk calls it: the batch streamed into
the centre's inbox and applied by ``central_push()`` (migration
c0005_push_entry_point), a function that runs as the centre's own role and
checks every value. The desk's role can write nothing else, so what the rules
below name is enforced by the server, not by this process.

A row the centre refuses is quarantined with both versions and its reason;
the rest of the batch goes on. The reasons are the centre's strings (the
migration writes them; tests/sync checks the two agree).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.sync.central.staging import Entry, stage
from counter_app.sync.errors import GapRefused, NotRegistered

# Reasons, stored with the quarantined row and shown to the administrator.
AUDIT_BROKEN = QT_TRANSLATE_NOOP(
    "SyncIssues", "audit chain broken: the entry does not follow the centre's head"
)
CODE_TAKEN = QT_TRANSLATE_NOOP("SyncIssues", "dossier code already belongs to another dossier")
CODE_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "SyncIssues", "dossier code lies outside this counter's range"
)
CODE_CHANGED = QT_TRANSLATE_NOOP("SyncIssues", "dossier code cannot change")
NOT_OWNER = QT_TRANSLATE_NOOP("SyncIssues", "dossier belongs to another counter")
FORBIDDEN = "workflow does not allow {old} -> {new}"
CHANGED_CENTRALLY = QT_TRANSLATE_NOOP(
    "SyncIssues", "dossier was changed centrally since this counter received it"
)
APPEND_ONLY_CHANGED = QT_TRANSLATE_NOOP(
    "SyncIssues", "append-only record arrived again with a different body"
)
DOSSIER_REFUSED = QT_TRANSLATE_NOOP(
    "SyncIssues", "its dossier's change was refused or the dossier belongs to another counter"
)
MALFORMED = (
    QT_TRANSLATE_NOOP("SyncIssues", "unknown kind of row"),
    QT_TRANSLATE_NOOP("SyncIssues", "malformed uuid"),
    QT_TRANSLATE_NOOP("SyncIssues", "body is not an object"),
    QT_TRANSLATE_NOOP("SyncIssues", "body disagrees with the entry (uuid)"),
    QT_TRANSLATE_NOOP("SyncIssues", "malformed version"),
    QT_TRANSLATE_NOOP("SyncIssues", "malformed dossier uuid"),
    QT_TRANSLATE_NOOP("SyncIssues", "malformed dossier"),
    QT_TRANSLATE_NOOP("SyncIssues", "malformed timestamp"),
)
REASONS = (
    AUDIT_BROKEN,
    CODE_TAKEN,
    CODE_OUT_OF_RANGE,
    CODE_CHANGED,
    NOT_OWNER,
    FORBIDDEN.split("{", 1)[0],
    CHANGED_CENTRALLY,
    APPEND_ONLY_CHANGED,
    DOSSIER_REFUSED,
    *MALFORMED,
)

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
