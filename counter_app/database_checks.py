"""What a counter's database file says about itself, read from outside: its
integrity, its audit chain, the stored files it names, the numbers it handed
out. Read-only, without a -wal or -shm created beside it, so a backup stays
as it was written and a damaged file is not made worse.

Used on backups (backup_files.py, services/backups.py), on a database a
restore replaced, and on the live file before an upgrade (schema_upgrade.py).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app import high_water
from counter_app.domain.audit_chain import first_broken_link

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Check:
    """What a database file says about itself."""

    integrity: str  # "ok" or SQLite's first complaint
    audit_checked: int = 0
    audit_broken_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.audit_broken_id is None


def one_line(complaint: str) -> str:
    """SQLite's complaint as the official reads it: the first, on one line."""
    # SQLite lists every damaged page; the official needs the first, on one line.
    lines = [ln for ln in complaint.strip().splitlines() if not ln.startswith("***")]
    return (lines[0] if lines else complaint.strip())[:200]


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` without writing anything beside it.

    Read-only, a WAL database still gets a -wal and -shm created next to it
    when they are missing; with no -wal there is nothing else to read, so it
    is opened immutable and no file is created."""
    wal = path.with_name(path.name + "-wal")
    return f"file:{path}?mode=ro" + ("" if wal.exists() else "&immutable=1")


def quick_check(path: Path) -> str:
    """``PRAGMA quick_check`` of a database file: "ok" or the first complaint.

    Read-only, so a damaged file is not made worse by a checkpoint."""
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        return one_line(str(exc))
    try:
        row = con.execute("PRAGMA quick_check(1)").fetchone()
        return one_line(str(row[0])) if row else "no answer"
    except sqlite3.Error as exc:
        return one_line(str(exc))
    finally:
        con.close()


def check(path: Path) -> Check:
    """Full ``integrity_check`` and the audit chain of a self-contained copy."""
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            row = con.execute("PRAGMA integrity_check(1)").fetchone()
            integrity = one_line(str(row[0])) if row else "no answer"
            if integrity != "ok" or not con.execute(_HAS_AUDIT).fetchone():
                return Check(integrity)
            checked, broken, _reason = first_broken_link(
                (i, datetime.fromisoformat(at), u, c, e, n, json.loads(d), p, h)
                for i, at, u, c, e, n, d, p, h in con.execute(_CHAIN)
            )
        finally:
            con.close()
    except (sqlite3.Error, ValueError) as exc:
        return Check(one_line(str(exc)))
    return Check(integrity, checked, broken)


_HAS_AUDIT = "SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_log'"
# The columns the chain covers, present since the first schema.
_CHAIN = (
    "SELECT id, at, username, counter_uuid, event, entity, details, prev_hash, hash "
    "FROM audit_log ORDER BY id"
)


def needed_files(path: Path) -> dict[str, int]:
    """Hash -> size of every stored file a database (live or a backup) names.

    A database from before the electronic dossier names none. Raises
    sqlite3.Error when the file cannot be read."""
    con = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        if not con.execute(_HAS_FILES).fetchone():
            return {}
        return {str(sha): int(size) for sha, size in con.execute(_FILES)}
    finally:
        con.close()


def named_among(path: Path, hashes: set[str]) -> set[str]:
    """Which of ``hashes`` the database ``path`` names (by its key, in
    slices): what pruning asks of a kept generation, not its whole list.
    Raises sqlite3.Error when the file cannot be read."""
    if not hashes:
        return set()
    con = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        if not con.execute(_HAS_FILES).fetchone():
            return set()
        order = sorted(hashes)
        found: set[str] = set()
        for start in range(0, len(order), _SLICE):
            part = order[start : start + _SLICE]
            marks = ",".join("?" * len(part))
            rows = con.execute(f"SELECT sha256 FROM stored_files WHERE sha256 IN ({marks})", part)
            found |= {str(sha) for (sha,) in rows}
        return found
    finally:
        con.close()


# Below SQLite's oldest limit on bound parameters (999).
_SLICE = 900
_HAS_FILES = "SELECT 1 FROM sqlite_master WHERE type='table' AND name='stored_files'"
_FILES = "SELECT sha256, size FROM stored_files"


def dossiers_naming(path: Path, hashes: list[str]) -> list[str]:
    """Codes of the dossiers whose papers use ``hashes``, in the database ``path``."""
    con = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        marks = ",".join("?" * len(hashes))
        rows = con.execute(
            "SELECT DISTINCT d.code FROM digitised_papers p JOIN dossiers d ON d.id = p.dossier_id"
            f" WHERE p.sha256 IN ({marks}) ORDER BY d.code",
            hashes,
        ).fetchall()
    except sqlite3.Error:
        return []
    finally:
        con.close()
    return [str(code) for (code,) in rows]


def database_mark(path: Path) -> high_water.Mark | None:
    """What a database file (a backup, a database a restore replaced) had
    handed out; None when it cannot be read (damaged, not a counter's)."""
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            rows = con.execute("SELECT name, value FROM number_sequences").fetchall()
            last = con.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        log.warning("Numbers of %s not read: %s", path.name, type(exc).__name__)
        return None
    return high_water.Mark(
        {str(n): int(v) for n, v in rows if str(n).startswith(high_water.KEPT_PREFIXES)},
        int(last[0]) if last else 0,
        str(last[1]) if last else "",
    )
