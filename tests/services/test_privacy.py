"""Private by default: modes whatever the umask, no citizen's data in the log."""

from __future__ import annotations

import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.private_desk import CITIZEN

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    base = tmp_path_factory.mktemp("private")
    data, usb = base / "data", base / "usb"
    usb.mkdir()
    # GIVEN a desk run in its own process with umask 000, still working
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.services.private_desk", str(data), str(usb)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield data, usb
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        if proc.stdout is not None:
            proc.stdout.close()


def test_every_file_and_folder_is_private_under_umask_000(desk: tuple[Path, Path]) -> None:
    data, usb = desk
    files = [p for p in [*data.rglob("*"), *usb.rglob("*")] if p.is_file()]
    names = {p.name for p in files}
    # THEN the database, its -wal, the log, backups and the mark all exist…
    assert {
        "counter.sqlite3",
        "counter.sqlite3-wal",
        "counter.sqlite3-shm",
        "counter_app.log",
        "high_water.json",
        "backup.json",
    } <= names
    backups = [p for p in files if p.name.startswith("counter-") and p.suffix == ".sqlite3"]
    assert {p.parent for p in backups} == {data / "backups", usb}
    # …and none of them can be read by another account
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in [data, *(p for p in data.rglob("*") if p.is_dir())]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_a_failed_statement_leaves_no_personal_data_in_the_log(desk: tuple[Path, Path]) -> None:
    data, _usb = desk
    log = (data / "logs" / "counter_app.log").read_text(encoding="utf-8")
    # The statement did fail and was logged with its traceback…
    assert "IntegrityError" in log and "UNIQUE constraint failed: dossiers.ledger_book" in log
    assert "[SQL parameters hidden" in log
    # …but nothing that identifies the citizen is there.
    for value in (CITIZEN.full_name, CITIZEN.id_number, CITIZEN.phone, CITIZEN.address):
        assert value not in log
    assert "Phương Thảo" not in log and "004321" not in log
