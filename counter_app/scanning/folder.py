"""The folder an office's multifunction printer scans into (scan-to-folder).

The printer writes a file over the network while the window watches: a file
is offered only once it has kept the same size and time for ``settle``
seconds, so a half-written scan is never taken. A file the official has
taken into a dossier is moved into the ``taken`` subfolder: it is not
offered again, and it stays there for the office to clear.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from counter_app.scanning.imports import accepted

TAKEN = "taken"
# A printer writing over SMB pauses between blocks; two seconds without a
# change is the sign it has finished.
SETTLE_SECONDS = 2.0


@dataclass(frozen=True)
class FolderFile:
    path: Path
    size: int
    modified: float

    @property
    def name(self) -> str:
        return self.path.name


class ScanFolder:
    """What the folder offers, looked at again each time it changes."""

    def __init__(
        self,
        root: Path,
        settle: float = SETTLE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.root = root
        self.settle = settle
        self._clock = clock
        # path -> (size, mtime, when that state was first seen)
        self._seen: dict[Path, tuple[int, float, float]] = {}

    def look(self) -> tuple[list[FolderFile], bool]:
        """The complete files, oldest first, and whether some are still being written."""
        now = self._clock()
        ready: list[FolderFile] = []
        pending = False
        present: set[Path] = set()
        try:
            entries = list(os.scandir(self.root))
        except OSError:
            self._seen.clear()
            return [], False
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith(".") or not accepted(path):
                continue
            try:
                if not entry.is_file():
                    continue
                stat = entry.stat()
            except OSError:
                continue  # gone between the listing and the look
            present.add(path)
            state = (stat.st_size, stat.st_mtime)
            known = self._seen.get(path)
            if known is None or known[:2] != state:
                self._seen[path] = (*state, now)
                pending = True
            elif stat.st_size > 0 and now - known[2] >= self.settle:
                ready.append(FolderFile(path, stat.st_size, stat.st_mtime))
            else:
                pending = True
        for gone in set(self._seen) - present:
            del self._seen[gone]
        ready.sort(key=lambda f: (f.modified, f.name))
        return ready, pending

    def take(self, file: FolderFile) -> Path:
        """Move ``file`` into ``taken/`` (a new name if one is there already)."""
        target_dir = self.root / TAKEN
        target_dir.mkdir(exist_ok=True)
        target = target_dir / file.name
        n = 1
        while target.exists():
            target = target_dir / f"{file.path.stem}-{n}{file.path.suffix}"
            n += 1
        os.replace(file.path, target)
        self._seen.pop(file.path, None)
        return target
