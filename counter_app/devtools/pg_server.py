"""PostgreSQL's own programs on this machine, run the way the server insists on.

The local cluster (local_cluster.py) needs Debian's server binaries, the
newest installed PostgreSQL of a supported major, and, when the tools run as
root (containers, CI), the server's own user: PostgreSQL refuses to run as
root, so every file it touches is handed to that user, the directories above
its own are made traversable, and its commands run under runuser.
"""

from __future__ import annotations

import logging
import os
import pwd
import re
import stat
import subprocess
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)

MIN_MAJOR = 15
PG_LIB = Path("/usr/lib/postgresql")
SERVER_USER = "postgres"


class ClusterError(Exception):
    """The local cluster cannot be found, initialised, started or stopped."""


def find_bin_dir() -> Path:
    """Return the bin directory of the newest installed PostgreSQL >= 15."""
    versions: list[tuple[int, Path]] = []
    if PG_LIB.is_dir():
        for entry in PG_LIB.iterdir():
            if re.fullmatch(r"\d+", entry.name) and (entry / "bin" / "pg_ctl").is_file():
                versions.append((int(entry.name), entry / "bin"))
    usable = sorted(v for v in versions if v[0] >= MIN_MAJOR)
    if not usable:
        found = ", ".join(str(v) for v, _ in sorted(versions)) or "none"
        raise ClusterError(
            f"PostgreSQL {MIN_MAJOR} or later not found under {PG_LIB} (found: {found}); "
            "install Debian's 'postgresql' package (make sysdeps does)."
        )
    return usable[-1][1]


class ServerUser:
    """The user the server runs as: ourselves, or its own user when we are root."""

    def __init__(self) -> None:
        self.as_root = os.geteuid() == 0

    def uid_gid(self) -> tuple[int, int]:
        try:
            entry = pwd.getpwnam(SERVER_USER)
        except KeyError:
            # Debian's postgresql package creates this user; a bare image may not.
            log.info("creating system user %s to run PostgreSQL", SERVER_USER)
            subprocess.run(
                ["useradd", "--system", "--user-group", "--no-create-home", SERVER_USER],
                check=True,
            )
            entry = pwd.getpwnam(SERVER_USER)
        return entry.pw_uid, entry.pw_gid

    def own(self, path: Path) -> None:
        """Hand ``path`` to the server user when we are root (it refuses root)."""
        if not self.as_root:
            return
        uid, gid = self.uid_gid()
        os.chown(path, uid, gid)

    def make_traversable(self, directory: Path) -> None:
        # The server user must reach its data and socket directories; add o+x
        # (search, not listing) only on ancestors that lack it, e.g. pytest's
        # 0700 base directory. The cluster's own directories stay 0700.
        if not self.as_root:
            return
        for ancestor in [directory, *directory.parents]:
            mode = ancestor.stat().st_mode
            if not mode & stat.S_IXOTH:
                log.info("adding o+x to %s so %s can reach the cluster", ancestor, SERVER_USER)
                ancestor.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)

    def run(self, argv: Sequence[str], check: bool = True) -> subprocess.CompletedProcess[str]:
        command = list(argv)
        if self.as_root:
            self.uid_gid()
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        # cwd "/" because the server user may not be allowed into our cwd;
        # every path passed is absolute.
        result = subprocess.run(
            command,
            cwd="/",
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "LC_ALL": "C.UTF-8"},
        )
        if result.stdout.strip():
            log.debug("%s: %s", Path(argv[0]).name, result.stdout.strip())
        if check and result.returncode != 0:
            raise ClusterError(
                f"{' '.join(command)} failed with exit status {result.returncode}:\n"
                f"{result.stderr.strip() or result.stdout.strip()}"
            )
        return result
