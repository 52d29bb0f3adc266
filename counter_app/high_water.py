"""The counter's high-water mark, kept outside its database.

A database restored from an older copy, or one that lost its -wal, no longer
knows the last codes and ledger numbers it handed out; the paper receipts
still carry them. So every commit that moves a dossier code or ledger
sequence (or the audit log's head) first writes those numbers into
``high_water.json`` beside the database: a small file written atomically and
fsynced, and copied into every backup location. Written before the commit,
the mark can only be ahead of the database (a commit that then fails skips a
number), never behind it.

The sync protocol's own row numbers (``rows``) are left out on purpose: the
centre's high-water mark is their witness, and numbering above what the
centre received would leave a gap it refuses.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from counter_app.models import AuditEntry, NumberSequence
from counter_app.private_files import write_atomic

log = logging.getLogger(__name__)

FILENAME = "high_water.json"
FORMAT = 1
# Sequences whose numbers reach paper: dossier codes and ledger entries.
KEPT_PREFIXES = ("code:", "ledger:")


@dataclass(frozen=True)
class Mark:
    sequences: dict[str, int] = field(default_factory=dict)
    audit_last_id: int = 0
    audit_head: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "sequences": dict(sorted(self.sequences.items())),
            "audit": {"last_id": self.audit_last_id, "head": self.audit_head},
        }

    def above(self, other: Mark) -> dict[str, int]:
        """The sequences where this mark is ahead of ``other``."""
        return {n: v for n, v in self.sequences.items() if v > other.sequences.get(n, 0)}


def merge_sequences(*marks: Mark) -> dict[str, int]:
    merged: dict[str, int] = {}
    for mark in marks:
        for name, value in mark.sequences.items():
            merged[name] = max(value, merged.get(name, 0))
    return merged


def read(path: Path) -> Mark:
    """The mark in ``path``; an empty mark when there is none yet.

    A damaged file is reported in the log and read as empty: the database and
    the other copies still stand, and refusing to start would help nobody."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        audit = data["audit"]
        return Mark(
            {str(k): int(v) for k, v in data["sequences"].items()},
            int(audit["last_id"]),
            str(audit["head"]),
        )
    except FileNotFoundError:
        return Mark()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        log.error("High-water mark %s is unreadable; ignored", path)
        return Mark()


def write(path: Path, mark: Mark) -> None:
    write_atomic(path, json.dumps(mark.to_json(), indent=1).encode("utf-8"))


def current(session: Session) -> Mark:
    """What the database itself says it has handed out."""
    rows = session.execute(select(NumberSequence.name, NumberSequence.value)).all()
    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return Mark(
        {name: value for name, value in rows if name.startswith(KEPT_PREFIXES)},
        last[0] if last else 0,
        last[1] if last else "",
    )


def audit_hash_at(session: Session, entry_id: int) -> str | None:
    return session.scalar(select(AuditEntry.hash).where(AuditEntry.id == entry_id))


class MarkKeeper:
    """The ``before_commit`` hook that keeps the file ahead of the database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._written: Mark | None = None

    def install(self, factory: sessionmaker[Session]) -> None:
        event.listen(factory, "before_commit", self._before_commit)

    def _before_commit(self, session: Session) -> None:
        now = current(session)
        with self._lock:
            if now == self._written:
                return
            stored = read(self.path) if self._written is None else self._written
            new = Mark(merge_sequences(stored, now), now.audit_last_id, now.audit_head)
            if new != stored:
                write(self.path, new)
            self._written = new
