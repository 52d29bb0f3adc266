"""A local PostgreSQL cluster built from Debian's server packages.

Used by ``make central`` (a central database for the demo and development)
and by the sync tests, which start a throwaway cluster of their own. It is
not meant for production: a real centre runs a managed PostgreSQL.

Layout for a data directory ``<parent>/<name>``::

    <parent>/<name>/            the cluster (owned by the server's user)
    <parent>/<name>.password    superuser password, mode 0600
    <parent>/<name>.port        TCP port, so a restart keeps its URL
    <parent>/<name>.sockets/    private Unix socket directory

The command line is local_cluster_cli.py; the server's programs and user
are pg_server.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import psycopg
from psycopg import errors as pg_errors
from psycopg import sql
from sqlalchemy.engine import URL

from counter_app.devtools.pg_server import ClusterError, ServerUser, find_bin_dir

log = logging.getLogger(__name__)

SUPERUSER = "postgres"
HOST = "127.0.0.1"
CONF_NAME = "counter_cluster.conf"
LOG_NAME = "server.log"
# sun_path holds 108 bytes; the server appends "/.s.PGSQL.NNNNN" (15) and a NUL.
MAX_SOCKET_DIR = 90
START_TIMEOUT_S = 60


def free_port() -> int:
    """Ask the kernel for a TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # PostgreSQL binds with SO_REUSEADDR too, so connections of the last
        # run left in TIME_WAIT do not keep it off its port.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
        return True


def _conf_quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"


class LocalCluster:
    """One PostgreSQL cluster in ``datadir``, listening on 127.0.0.1 only."""

    def __init__(self, datadir: Path, port: int | None = None, password: str | None = None):
        self.datadir = Path(datadir).absolute()
        parent = self.datadir.parent
        name = self.datadir.name
        self.password_file = parent / f"{name}.password"
        self.port_file = parent / f"{name}.port"
        self.socket_dir = parent / f"{name}.sockets"
        if len(os.fsencode(self.socket_dir)) > MAX_SOCKET_DIR:
            # A deep checkout would overflow sun_path; a fixed name in /tmp per
            # data directory keeps the path short and stable across restarts.
            digest = hashlib.sha1(os.fsencode(self.datadir)).hexdigest()[:12]
            self.socket_dir = Path(tempfile.gettempdir()) / f"counter-pg-{digest}"
        self.log_file = self.datadir / LOG_NAME
        self.bin_dir = find_bin_dir()
        self._server = ServerUser()
        self._password = password
        self.port: int = port if port is not None else self._stored_port()

    # -- context manager ---------------------------------------------------

    def __enter__(self) -> LocalCluster:
        self.init()
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- public API --------------------------------------------------------

    @property
    def password(self) -> str:
        if self._password is None:
            if not self.password_file.is_file():
                raise ClusterError(
                    f"no password file {self.password_file}: the cluster's superuser "
                    "password is unknown (initialise it with init() or pass password=)"
                )
            self._password = self.password_file.read_text(encoding="utf-8").strip()
        return self._password

    def is_initialised(self) -> bool:
        return (self.datadir / "PG_VERSION").is_file()

    def init(self) -> None:
        """Run initdb unless the data directory already holds a cluster."""
        if self.is_initialised():
            log.debug("cluster in %s already initialised", self.datadir)
            return
        if self.datadir.exists() and any(self.datadir.iterdir()):
            raise ClusterError(f"{self.datadir} is not empty and holds no PostgreSQL cluster")
        password = self._password
        if password is None:
            password = secrets.token_urlsafe(24)
        self._write_private(self.password_file, password + "\n")
        self._password = password
        self.datadir.mkdir(parents=True, exist_ok=True)
        self._server.own(self.datadir)
        self.datadir.chmod(0o700)
        self._server.make_traversable(self.datadir.parent)
        self._prepare_socket_dir()
        # initdb reads the password from a file; it runs as the server user, so
        # the file lives in the private socket directory only while initdb runs.
        fd, pwfile_name = tempfile.mkstemp(dir=self.socket_dir, prefix="pw-")
        pwfile = Path(pwfile_name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(password + "\n")
            self._server.own(pwfile)
            log.info("initialising PostgreSQL cluster in %s", self.datadir)
            self._server.run(
                [
                    str(self.bin_dir / "initdb"),
                    "--pgdata",
                    str(self.datadir),
                    "--username",
                    SUPERUSER,
                    "--pwfile",
                    str(pwfile),
                    "--encoding",
                    "UTF8",
                    # C.UTF-8 ships with glibc itself, so no locale package is needed,
                    # and upper()/lower() still understand Vietnamese letters.
                    "--locale",
                    "C.UTF-8",
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                ]
            )
        finally:
            pwfile.unlink(missing_ok=True)
        conf = self.datadir / "postgresql.conf"
        with conf.open("a", encoding="utf-8") as fh:
            # Port, sockets and limits live in a file of their own, rewritten
            # before every start, so initdb's defaults above stay untouched.
            fh.write(f"\ninclude_if_exists = '{CONF_NAME}'\n")

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        if not self.is_initialised():
            raise ClusterError(f"{self.datadir} holds no cluster: call init() first")
        if self.is_running():
            log.info("cluster in %s already running on port %d", self.datadir, self.port)
            return
        if not port_is_free(self.port):
            old = self.port
            self.port = free_port()
            log.warning("port %d is taken; cluster %s moves to %d", old, self.datadir, self.port)
        self._write_public(self.port_file, f"{self.port}\n")
        # pytest resets its base directory to 0700 each session; check again.
        self._server.make_traversable(self.datadir.parent)
        self._prepare_socket_dir()
        self._write_server_conf()
        log.info("starting PostgreSQL in %s on %s:%d", self.datadir, HOST, self.port)
        try:
            self._server.run(
                [
                    str(self.bin_dir / "pg_ctl"),
                    "start",
                    "--wait",
                    f"--timeout={START_TIMEOUT_S}",
                    "--pgdata",
                    str(self.datadir),
                    "--log",
                    str(self.log_file),
                ]
            )
        except ClusterError as exc:
            raise ClusterError(
                f"{exc}\n--- {self.log_file} (tail) ---\n{self._log_tail()}"
            ) from exc

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; ``mode`` is pg_ctl's: smart, fast or immediate."""
        if not self.is_running():
            return
        log.info("stopping PostgreSQL in %s (%s)", self.datadir, mode)
        self._server.run(
            [
                str(self.bin_dir / "pg_ctl"),
                "stop",
                "--wait",
                "--pgdata",
                str(self.datadir),
                "--mode",
                mode,
            ]
        )

    def kill(self) -> None:
        """Stop without a checkpoint, as a crash would; the next start recovers."""
        self.stop(mode="immediate")

    def is_running(self) -> bool:
        if not self.is_initialised():
            return False
        result = self._server.run(
            [str(self.bin_dir / "pg_ctl"), "status", "--pgdata", str(self.datadir)],
            check=False,
        )
        # pg_ctl status: 0 running, 3 not running, 4 no accessible data directory.
        return result.returncode == 0

    def superuser_url(self, dbname: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3 driver) for the superuser."""
        url = URL.create(
            "postgresql+psycopg",
            username=SUPERUSER,
            password=self.password,
            host=HOST,
            port=self.port,
            database=dbname,
        )
        return url.render_as_string(hide_password=False)

    def create_database(self, name: str) -> None:
        """Create database ``name`` unless it exists."""
        with self._admin_connection() as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
            ).fetchone()
            if exists:
                return
            # A concurrent creator may win the race between the check and here.
            with contextlib.suppress(pg_errors.DuplicateDatabase):
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                log.info("created database %s", name)

    def drop_database(self, name: str, force: bool = True) -> None:
        """Drop database ``name`` if it exists; ``force`` ends its sessions first."""
        query = sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
        if force:
            query = sql.SQL("{} WITH (FORCE)").format(query)
        with self._admin_connection() as conn:
            conn.execute(query)

    # -- internals ---------------------------------------------------------

    def _admin_connection(self) -> psycopg.Connection[tuple[object, ...]]:
        # CREATE/DROP DATABASE refuse to run inside a transaction block.
        return psycopg.connect(
            host=HOST,
            port=self.port,
            user=SUPERUSER,
            password=self.password,
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        )

    def _stored_port(self) -> int:
        try:
            return int(self.port_file.read_text(encoding="utf-8").strip())
        except (FileNotFoundError, ValueError):
            return free_port()

    def _write_server_conf(self) -> None:
        settings = {
            "port": str(self.port),
            "listen_addresses": _conf_quote(HOST),
            "unix_socket_directories": _conf_quote(str(self.socket_dir)),
            # Tests open many engines at once (one pool per simulated counter).
            "max_connections": "300",
            # fsync and synchronous_commit stay at their defaults (on): the
            # crash tests rely on a confirmed commit surviving kill().
        }
        text = "".join(f"{key} = {value}\n" for key, value in settings.items())
        path = self.datadir / CONF_NAME
        path.write_text(
            f"# Written by counter_app.devtools.local_cluster; rewritten on every start.\n{text}",
            "utf-8",
        )
        self._server.own(path)

    def _prepare_socket_dir(self) -> None:
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        self._server.own(self.socket_dir)
        self.socket_dir.chmod(0o700)
        self._server.make_traversable(self.socket_dir.parent)

    def _write_private(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        # O_CREAT's mode does not apply to an existing file.
        path.chmod(0o600)

    def _write_public(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def _log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            return f"(cannot read: {exc})"
        return "\n".join(text.splitlines()[-lines:])


@contextlib.contextmanager
def temporary_cluster() -> Iterator[LocalCluster]:
    """A running cluster in a fresh temporary directory, removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="counter-pg-"))
    try:
        with LocalCluster(base / "data") as cluster:
            yield cluster
    finally:
        shutil.rmtree(base, ignore_errors=True)
