"""The counter's content-addressed file store (Decree 118/2025 Art. 17(1)(c)).

Each file is kept once, named by its SHA-256: ``files/ab/cdef…`` under the
data folder, private like the database. A file is written to a temporary
name, fsynced and renamed, so a crash leaves either nothing or the whole
file; the database row that refers to it is written after the file is on
disk, so a row never points at a file that was never stored. A file stored
but never referred to (a crash between the two) is harmless and found by
:func:`orphans`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from counter_app.private_files import FILE_MODE, fsync_dir, private_dir

CHUNK = 1 << 20
# A write killed midway (power cut, SIGKILL) leaves its part-file; none that
# is still being written is this old.
PARTIAL_AGE_S = 24 * 3600
_HEX = frozenset("0123456789abcdef")


class ContentMismatch(OSError):
    """The bytes written do not have the hash they were to be stored under."""


@dataclass(frozen=True)
class Blob:
    sha256: str
    size: int


def files_dir(data_dir: Path) -> Path:
    return data_dir / "files"


def is_sha256(value: str) -> bool:
    return len(value) == 64 and set(value) <= _HEX


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def put_bytes(self, data: bytes) -> Blob:
        sha = hashlib.sha256(data).hexdigest()
        if not self._touch(sha):
            # Bytes in memory cannot change between the hash and the write.
            self._write(sha, iter((data,)), verify=False)
        return Blob(sha, len(data))

    def put_file(self, source: Path) -> Blob:
        """Store a copy of ``source`` (read twice: to name it, then to copy it)."""
        sha = sha256_of(source)
        if not self._touch(sha):

            def chunks() -> Iterator[bytes]:
                with source.open("rb") as f:
                    while chunk := f.read(CHUNK):
                        yield chunk

            self._write(sha, chunks())
        return Blob(sha, source.stat().st_size)

    def _touch(self, sha256: str) -> bool:
        """True when the file is already stored; its time is then made now,
        so the purge of old orphans (services/file_checks.py) spares a file
        that a row is about to name again."""
        try:
            os.utime(self.path_of(sha256))
        except FileNotFoundError:
            return False
        return True

    def put_known(self, sha256: str, source: Path) -> None:
        """Store a copy of ``source``, which must have the content ``sha256``
        names (a backup's file, a restored one): OSError when it has another,
        and nothing is stored, so damage is never copied under a good name.
        A file already there is replaced whole (it may be the damaged one)."""

        def chunks() -> Iterator[bytes]:
            with source.open("rb") as f:
                while chunk := f.read(CHUNK):
                    yield chunk

        self._write(sha256, chunks())

    def read(self, sha256: str) -> bytes:
        return self.path_of(sha256).read_bytes()

    def intact(self, sha256: str) -> bool:
        """The file is there and still has the content it is named by."""
        path = self.path_of(sha256)
        return path.is_file() and sha256_of(path) == sha256

    def stored(self) -> Iterator[str]:
        """Every hash in the store (names of the right shape only)."""
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if not sub.is_dir() or len(sub.name) != 2:
                continue
            for f in sorted(sub.iterdir()):
                name = sub.name + f.name
                if is_sha256(name) and f.is_file():
                    yield name

    def sweep_partials(self, older_than_s: float = PARTIAL_AGE_S) -> int:
        """Delete the part-files writes killed midway left (``<name>.<pid>.tmp``),
        those older than ``older_than_s``; how many went."""
        cutoff = time.time() - older_than_s
        swept = 0
        for part in self.root.glob("??/*.tmp"):
            with contextlib.suppress(FileNotFoundError):
                if is_sha256(part.parent.name + part.name.split(".", 1)[0]) and (
                    part.stat().st_mtime < cutoff
                ):
                    part.unlink()
                    swept += 1
        return swept

    def _write(self, sha: str, chunks: Iterator[bytes], *, verify: bool = True) -> None:
        """``verify``: hash what is written, for a source that may change (a file)."""
        target = self.path_of(sha)
        private_dir(self.root)
        private_dir(target.parent)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        digest = hashlib.sha256()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            for chunk in chunks:
                if verify:
                    digest.update(chunk)
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        os.close(fd)
        if verify and digest.hexdigest() != sha:
            # The source changed between hashing and copying.
            tmp.unlink(missing_ok=True)
            raise ContentMismatch(f"file changed while stored: expected {sha}")
        os.replace(tmp, target)
        fsync_dir(target.parent)
