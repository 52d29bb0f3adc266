"""The counter's high-water mark, kept outside its database.

A database restored from an older copy, or one that lost its -wal, no longer
knows the last codes and ledger numbers it handed out; the paper receipts
still carry them. So every commit that moves a dossier code or ledger
sequence (or the audit log's head) first writes those numbers into
``high_water.json`` beside the database, synced to disk, and copied into
every backup location. Written before the commit, the mark can only be ahead
of the database (a commit that then fails skips a number), never behind it.

The data folder's file is rewritten in place, one sync per commit (a rename
would cost a second one for the folder): it is a JSON array of two slots of
equal, fixed size, each one record ``{"check": crc32, "mark": {...,
"generation": n}}`` padded with spaces. A write fills the slot that does not
hold the newest record; a write torn by a kill or a power cut leaves that
slot failing its check and the other one, the mark before, intact. The
reader takes the valid slot of the higher generation. The file is made (and
grown, when a record no longer fits) whole, by write-temp-and-rename.
Copies in backup places, and a mark a restore adopts, are the plain format 1
object ``write`` makes; ``read`` takes both.

The sync protocol's own row numbers (``rows``) are left out on purpose: the
centre's high-water mark is their witness, and numbering above what the
centre received would leave a gap it refuses.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event, select, union_all
from sqlalchemy.orm import Session, sessionmaker

from counter_app.models import AuditEntry, NumberSequence
from counter_app.private_files import write_atomic

try:  # POSIX: several processes on one data folder take turns on the file.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

FILENAME = "high_water.json"
FORMAT = 1
SLOTTED = 2
# A slot is a whole number of pages, so a torn write of one never reaches the other.
PAGE = 4096
_CHECK = b'{"check":"'
_BODY = b'","mark":'
_HEAD = len(_CHECK) + 8 + len(_BODY)
# fdatasync leaves out the file's times: the slots' blocks are already allocated.
_datasync = getattr(os, "fdatasync", os.fsync)
# Sequences whose numbers reach paper: dossier codes and ledger entries.
KEPT_PREFIXES = ("code:", "ledger:")
# Of the codes, only the newest days' sequences: a day's sequence stops moving
# when the day ends, so an older one needs no guard, and carrying every day
# since the counter began made each commit slower year after year (a
# reception took 7.4 ms instead of 5.5 after three years of days).
KEPT_CODE_DAYS = 40


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
    """The highest of each sequence, the codes of the newest days only."""
    merged: dict[str, int] = {}
    for mark in marks:
        for name, value in mark.sequences.items():
            merged[name] = max(value, merged.get(name, 0))
    # Code sequences are named code:YYMMDD, so their names sort by day.
    days = sorted(name for name in merged if name.startswith("code:"))
    for old in days[:-KEPT_CODE_DAYS]:
        del merged[old]
    return merged


def _mark_of(data: dict[str, Any]) -> Mark:
    audit = data["audit"]
    return Mark(
        {str(k): int(v) for k, v in data["sequences"].items()},
        int(audit["last_id"]),
        str(audit["head"]),
    )


@dataclass(frozen=True)
class _Found:
    """What a file holds: its newest valid mark, that mark's generation and
    slot, and the slot size (0: not the slotted format, rewrite it whole)."""

    mark: Mark
    generation: int = 0
    slot: int = 0
    size: int = 0


def _slot_record(raw: bytes) -> tuple[Mark, int] | None:
    """The mark and generation in one slot's bytes; None when torn or damaged."""
    record = raw.lstrip(b"[,").rstrip(b" \n]")
    if not record.startswith(_CHECK) or record[_HEAD - len(_BODY) : _HEAD] != _BODY:
        return None
    body = record[_HEAD:-1]
    if record[-1:] != b"}" or record[len(_CHECK) : len(_CHECK) + 8] != b"%08x" % zlib.crc32(body):
        return None
    try:
        data = json.loads(body)
        return _mark_of(data), int(data["generation"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _parse(raw: bytes) -> _Found | None:
    if raw.lstrip().startswith(b"{"):  # format 1, written whole
        try:
            return _Found(_mark_of(json.loads(raw)))
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
    size = len(raw) // 2
    # Not its first byte: a slot torn by a power cut may begin with anything.
    if size < PAGE or size % PAGE or len(raw) != 2 * size:
        return None
    slots = [_slot_record(raw[i * size : (i + 1) * size]) for i in (0, 1)]
    valid = [(found[1], i, found[0]) for i, found in enumerate(slots) if found is not None]
    if not valid:
        return None
    generation, slot, mark = max(valid, key=lambda v: v[0])
    return _Found(mark, generation, slot, size)


def read(path: Path) -> Mark:
    """The mark in ``path``; an empty mark when there is none yet.

    A damaged file is reported in the log and read as empty: the database and
    the other copies still stand, and refusing to start would help nobody."""
    try:
        found = _parse(path.read_bytes())
    except FileNotFoundError:
        return Mark()
    except OSError:
        found = None
    if found is None:
        log.error("High-water mark %s is unreadable; ignored", path)
        return Mark()
    return found.mark


def write(path: Path, mark: Mark) -> None:
    """The mark as a plain format 1 file, written whole (a copy, a restore)."""
    write_atomic(path, json.dumps(mark.to_json(), indent=1).encode("utf-8"))


def copy(source: Path, target: Path) -> None:
    """``source``'s mark into ``target`` in format 1; nothing when it holds none."""
    mark = read(source)
    if mark != Mark():
        write(target, mark)


def _record(mark: Mark, generation: int) -> bytes:
    body = json.dumps(
        {**mark.to_json(), "format": SLOTTED, "generation": generation},
        separators=(",", ":"),
    ).encode("utf-8")
    return b"%s%08x%s%s}" % (_CHECK, zlib.crc32(body), _BODY, body)


def slot_bytes(mark: Mark, generation: int, slot: int, size: int) -> bytes:
    """Slot ``slot`` of a slotted file, exactly ``size`` bytes."""
    record = _record(mark, generation)
    lead, tail = (b"[", b"") if slot == 0 else (b",", b"]\n")
    padding = size - len(lead) - len(record) - len(tail)
    if padding < 0:
        raise ValueError("mark does not fit its slot")
    return lead + record + b" " * padding + tail


def _whole(mark: Mark, generation: int) -> bytes:
    """A new slotted file, both slots holding ``mark``, each with as much room
    again to grow (the codes of each new day) before it is made anew."""
    size = -(-2 * (len(_record(mark, generation)) + 3) // PAGE) * PAGE
    return slot_bytes(mark, generation, 0, size) + slot_bytes(mark, generation - 1, 1, size)


def _read_fd(fd: int) -> bytes:
    chunks = []
    offset = 0
    while chunk := os.pread(fd, 1 << 16, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _pwrite_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        done = os.pwrite(fd, view, offset)
        view, offset = view[done:], offset + done


def _open_locked(path: Path) -> int | None:
    """``path`` opened for writing and locked against other processes; None
    when it does not exist. Retried when it was replaced while we waited."""
    while True:
        try:
            fd = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            return None
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                return fd
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def store(path: Path, mark: Mark) -> Mark:
    """Raise the data folder's mark to ``mark`` (sequences merged with what
    the file holds, the audit part taken as given), durably, before returning
    what it now holds. One slot rewritten in place and one ``fdatasync``;
    the whole file when it is missing, in format 1 or its slots too small."""
    fd = _open_locked(path)
    try:
        found = _parse(_read_fd(fd)) if fd is not None else _Found(Mark())
        if found is None:
            log.error("High-water mark %s is unreadable; written anew", path)
            found = _Found(Mark())
        new = Mark(merge_sequences(found.mark, mark), mark.audit_last_id, mark.audit_head)
        if new == found.mark and found.size:
            return new
        generation = found.generation + 1
        slot = 1 - found.slot
        try:
            data = slot_bytes(new, generation, slot, found.size) if found.size else None
        except ValueError:
            data = None
        if data is None or fd is None:
            write_atomic(path, _whole(new, generation))
        else:
            _pwrite_all(fd, data, slot * found.size)
            _datasync(fd)
        return new
    finally:
        if fd is not None:
            os.close(fd)


def current(session: Session) -> Mark:
    """What the database itself says it has handed out."""
    # On the connection, past the ORM (before a commit this flush finds
    # nothing left to do).
    session.flush()
    conn = session.connection()
    rows = conn.execute(_KEPT).all()
    last = conn.execute(_AUDIT_HEAD).first()
    return Mark(dict(rows), last[0] if last else 0, last[1] if last else "")


def _named(prefix: str) -> Any:
    """Names starting with ``prefix``, as a range the primary key's index answers."""
    name = NumberSequence.name
    return (name >= prefix) & (name < prefix[:-1] + chr(ord(prefix[-1]) + 1))


_AUDIT_HEAD = select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
_CODES, _LEDGERS = KEPT_PREFIXES
_KEPT = union_all(
    select(NumberSequence.name, NumberSequence.value).where(_named(_LEDGERS)),
    select(
        select(NumberSequence.name, NumberSequence.value)
        .where(_named(_CODES))
        .order_by(NumberSequence.name.desc())
        .limit(KEPT_CODE_DAYS)
        .subquery()
    ),
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
            # The file is read again each time: another process on this
            # folder, or a restore, may have moved it since.
            self._written = store(self.path, now)
