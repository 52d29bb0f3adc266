"""Shared helpers of the sync fault tests: work offline, route a desk through
the proxy, run `counter-app sync` as a child, and check "all of it, once"."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Connection, Engine, make_url, text

from counter_app.domain.validation import ApplicantInput
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.sync.service import central_engine
from counter_app.wire import connection_file as settings_file
from tests.conftest import PASSWORD, login
from tests.sync.conftest import Centre, Desk

ROOT = Path(__file__).resolve().parents[2]

# Local table of each synced kind, as the centre names the kind.
LOCAL_TABLES = {
    "document": "dossier_documents",
    "pause": "clock_pauses",
    "step": "workflow_steps",
    "print_job": "print_jobs",
    "audit": "audit_log",
    "paper": "digitised_papers",
}
# CommandComplete for COMMIT: tag byte, length 11, "COMMIT\0".
COMMIT_COMPLETE = b"C\x00\x00\x00\x0bCOMMIT\x00"


def receive_many(desk: Desk, n: int, first: int = 0) -> list[str]:
    """Receive ``n`` dossiers at the desk (nothing is sent: that is the outbox's job)."""
    codes = []
    for i in range(first, first + n):
        info = receive(
            desk.ctx,
            login(desk.ctx, "tiepnhan"),
            ReceiveRequest(
                "2.000815",
                ApplicantInput(
                    full_name="Vi Thị Hoa", id_number=f"0201900{i:05d}", phone="0912345678"
                ),
            ),
        )
        codes.append(info.code)
    return codes


def db_path(desk: Desk) -> Path:
    return desk.directory / "counter.sqlite3"


def local_rows(desk: Desk, sql: str) -> list[tuple[object, ...]]:
    """Read the desk's SQLite file directly, as another process would."""
    con = sqlite3.connect(db_path(desk))
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def outbox_size(desk: Desk) -> int:
    return int(local_rows(desk, "SELECT count(*) FROM sync_outbox")[0][0])  # type: ignore[arg-type]


def route_through(desk: Desk, port: int) -> None:
    """Point the desk's stored connection at ``port`` (a proxy, usually)."""
    current = settings_file.stored(desk.directory)
    assert current is not None
    url = make_url(current.url).set(port=port).render_as_string(hide_password=False)
    settings_file.write(desk.directory / settings_file.SETTINGS_FILENAME, replace(current, url=url))


@contextmanager
def counter_engine(desk: Desk) -> Iterator[Engine]:
    """The desk's own central connection (its role), as sync opens it."""
    current = settings_file.stored(desk.directory)
    assert current is not None
    engine = central_engine(current)
    try:
        yield engine
    finally:
        engine.dispose()


def high_water(centre: Centre, desk: Desk) -> int:
    return int(
        centre.scalar(  # type: ignore[arg-type]
            "SELECT high_water FROM central_counters WHERE uuid = :u",
            u=desk.registration.counter_uuid,
        )
    )


def central_uuids(centre: Centre, desk: Desk) -> dict[str, list[str]]:
    """Per kind, the UUIDs the centre holds from this counter (duplicates kept)."""
    me = desk.registration.counter_uuid
    with centre.engine.connect() as conn:
        out = {
            "dossier": list(
                conn.execute(
                    text("SELECT uuid FROM central_dossiers WHERE origin_counter_uuid = :u"),
                    {"u": me},
                ).scalars()
            )
        }
        for kind in LOCAL_TABLES:
            out[kind] = list(
                conn.execute(
                    text("SELECT uuid FROM central_records WHERE counter_uuid = :u AND kind = :k"),
                    {"u": me, "k": kind},
                ).scalars()
            )
    return out


def local_uuids(desk: Desk, include_refused: bool = False) -> dict[str, list[str]]:
    """Per kind, the UUIDs of the rows this counter made itself and the centre
    did not refuse (a refused row is kept here as a push issue instead);
    ``include_refused`` keeps those too (for the soak, a refused row is lost)."""
    me = desk.registration.counter_uuid
    tables = {"dossier": "dossiers", **LOCAL_TABLES}
    refused = (
        ""
        if include_refused
        else " AND uuid NOT IN (SELECT row_uuid FROM sync_issues WHERE direction = 'push')"
    )
    return {
        kind: [
            str(r[0])
            for r in local_rows(
                desk, f"SELECT uuid FROM {table} WHERE counter_uuid = '{me}'{refused}"
            )
        ]
        for kind, table in tables.items()
    }


def assert_all_once(centre: Centre, *desks: Desk, quarantined: int = 0) -> dict[str, int]:
    """Every row each desk made is at the centre exactly once, nothing is left
    waiting, codes are unique, and the centre holds nothing the desks did not
    send. Returns the central counts per kind, for the test's own asserts."""
    totals: dict[str, int] = {}
    for desk in desks:
        assert outbox_size(desk) == 0, "entries left waiting in the outbox"
        local = local_uuids(desk)
        central = central_uuids(centre, desk)
        for kind, uuids in local.items():
            assert len(central[kind]) == len(set(central[kind])), f"{kind} doubled"
            assert sorted(central[kind]) == sorted(uuids), f"{kind}: centre != counter"
            totals[kind] = totals.get(kind, 0) + len(uuids)
        # The high-water mark is the counter's last number: nothing skipped.
        last = local_rows(desk, "SELECT value FROM number_sequences WHERE name = 'rows'")
        assert high_water(centre, desk) == int(last[0][0])  # type: ignore[arg-type]
        local_codes = local_rows(
            desk,
            f"SELECT code FROM dossiers WHERE counter_uuid = '{desk.registration.counter_uuid}'",
        )
        assert len(local_codes) == len(set(local_codes))
    assert centre.scalar("SELECT count(*) FROM central_dossiers") == centre.scalar(
        "SELECT count(DISTINCT code) FROM central_dossiers"
    )
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == quarantined
    with centre.engine.connect() as conn:
        records = conn.execute(
            text("SELECT count(*) FROM central_records WHERE counter_uuid = ANY(:c)"),
            {"c": [d.registration.counter_uuid for d in desks]},
        ).scalar_one()
    assert records == sum(v for k, v in totals.items() if k != "dossier")
    return totals


def in_push_transaction(watcher: Connection, desk: Desk) -> bool:
    """The desk's own session holds a transaction id: a batch is being written."""
    role = "ctr_" + desk.registration.counter_uuid.replace("-", "")[:20]
    return bool(
        watcher.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = :role "
                "AND backend_xid IS NOT NULL"
            ),
            {"role": role},
        ).scalar_one()
    )


def cli_sync(desk: Desk, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`counter-app --data-dir DIR sync` as its own process (English output
    unless ``env`` says otherwise)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "counter_app.cli",
            "--data-dir",
            str(desk.directory),
            "sync",
            *("--by", "tiepnhan"),  # a desk's official, logged in (the centre's password)
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        # English output, so a test can read the figures it prints
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            "COUNTER_APP_LANG": "en",
            "COUNTER_APP_PASSWORD": PASSWORD,
            **(env or {}),
        },
    )


def finish(proc: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def wait_until(condition: Callable[[], bool], timeout: float = 30.0, poll: float = 0.002) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(poll)


# `central register-counter` for the README's commune, as IT staff type it.
REGISTER_ARGS = (
    "central",
    "register-counter",
    "--agency-id",
    "000.00.37.H37",
    "--agency-name",
    "UBND xã Hoàng Văn Thụ",
    "--unit-name",
    "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
    "--counter-name",
    "Quầy số 1",
)


def run_cli(
    *args: str, data_dir: Path | None = None, url: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """The real `counter-app` in a process of its own, with only the
    environment a script would give it (plus ``env``)."""
    prefix = ["--data-dir", str(data_dir)] if data_dir else []
    return subprocess.run(
        [sys.executable, "-m", "counter_app.cli", *prefix, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            "COUNTER_APP_CENTRAL_URL": url,
            **env,
        },
    )
