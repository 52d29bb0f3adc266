"""The day's first start backs up the database whole and the files only for
a moment; the rest is copied after the login, a killed copy is finished by
the next run, and a backup whose files are not all there never passes for a
complete one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from counter_app import backup_files, database_checks
from counter_app.app_setup import Runtime, open_runtime
from counter_app.domain.messages import UserError
from counter_app.files.backup_copy import pending_count
from counter_app.files.store import FileStore, files_dir
from counter_app.i18n import render
from counter_app.models import StoredFile
from counter_app.services import backups
from counter_app.ui.app import _backup_on_exit
from tests.conftest import login
from tests.files.backup_support import held, named, stored
from tests.files.test_backup_with_files import add_scan

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_start_of_the_day_leaves_the_files_it_has_no_time_for(
    counter: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a counter holding 300 files that no backup place holds yet (a new drive)
    data = counter.data_dir
    files = stored(counter, 300)
    counter.close()
    # WHEN the day's first start has no time left for files
    monkeypatch.setattr(backups, "START_FILES_BUDGET_S", 0.0)
    rt = open_runtime(data)
    try:
        assert rt.notices == []
    finally:
        rt.close()
    # THEN the database is backed up and checked, and names every file
    (generation,) = backup_files.generations(data / "backups")
    assert "-daily" in generation.name and database_checks.check(generation).ok
    assert named(generation) == files
    # AND the files are left for later, said beside the generation and to the status
    assert held(data / "backups") == {}
    assert pending_count(generation) == 300
    last = backups.last_good(data)
    assert last is not None and last.path == generation and last.copying == 300


def test_the_copy_left_by_the_start_is_finished_after_it(counter: Runtime) -> None:
    data = counter.data_dir
    files = stored(counter, 300)
    (generation,) = backups.back_up(data, "daily", budget=0.0)
    # A window closing at once stops before the first file
    stop = threading.Event()
    stop.set()
    assert backups.finish_copy(data, stop) == 300
    assert held(data / "backups") == {}
    # (a copy killed yesterday left a part-file in the place's store)
    place_store = backup_files.backup_store(data / "backups")
    stale = place_store.root / "ab" / f"{'c' * 62}.999.tmp"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"cut short")
    yesterday = time.time() - 2 * 86_400
    os.utime(stale, (yesterday, yesterday))
    # WHEN the window's worker goes on
    assert backups.finish_copy(data) == 0
    # THEN every file is in the place, the generation complete and checked whole
    assert held(data / "backups") == files
    assert not stale.exists()
    assert pending_count(generation) is None
    last = backups.last_good(data)
    assert last is not None and last.copying is None
    assert backups.check_backup(generation).files == tuple(sorted(files))


def test_the_exit_backup_does_not_keep_a_closed_app_copying_for_long(
    counter: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a counter whose 300 files no place holds yet, and an exit with no time for files
    data = counter.data_dir
    files = stored(counter, 300)
    monkeypatch.setattr(backups, "EXIT_FILES_BUDGET_S", 0.0)
    # WHEN the window has closed and the exit backup runs
    _backup_on_exit(counter)
    # THEN the database is backed up whole, the files left for the next window
    (generation,) = backup_files.generations(data / "backups")
    assert "-exit" in generation.name and database_checks.check(generation).ok
    assert pending_count(generation) == 300 and held(data / "backups") == {}
    # AND the next window's copy finishes them
    assert backups.finish_copy(data) == 0
    assert held(data / "backups") == files


def test_a_killed_copy_leaves_whole_files_and_the_next_run_finishes_it(
    counter: Runtime,
) -> None:
    # GIVEN a generation whose 3,000 files are still to be copied
    data = counter.data_dir
    place = data / "backups"
    files = stored(counter, 3000)
    (generation,) = backups.back_up(data, "daily", budget=0.0)
    counter.close()
    # WHEN the process copying them is killed midway
    copier = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from counter_app.services import backups;"
            " backups.finish_copy(Path(sys.argv[1]))",
            str(data),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    store = backup_files.backup_store(place)
    deadline = time.monotonic() + 60
    while sum(1 for _ in store.stored()) < 200 and time.monotonic() < deadline:
        assert copier.poll() is None, "the copy ended before it could be killed"
        time.sleep(0.01)
    os.kill(copier.pid, signal.SIGKILL)
    copier.wait()
    # THEN the place holds only whole files, and the generation still says it lacks some
    partly = held(place)
    assert 200 <= len(partly) < 3000
    assert pending_count(generation) is not None
    with pytest.raises(UserError):
        backups.check_backup(generation)  # nothing to restore it with: the files are its own
    # AND the next run finishes the copy
    assert backups.finish_copy(data) == 0
    assert held(place) == files
    assert pending_count(generation) is None
    assert backups.check_backup(generation).files == tuple(sorted(files))


def test_a_restore_from_an_unfinished_copy_says_what_is_missing(counter: Runtime) -> None:
    data = counter.data_dir
    code, sha = add_scan(counter, 200)
    (generation,) = backups.back_up(data, "daily", budget=0.0)
    counter.close()
    database = data / "counter.sqlite3"
    before = database.read_bytes()
    # WHEN the data folder lost the scan before the copy finished
    FileStore(files_dir(data)).path_of(sha).unlink()
    with pytest.raises(UserError) as refused:
        backups.restore(data, generation)
    said = render(refused.value.message)
    # THEN the official reads that the copy did not finish, how many, which dossiers
    assert "chép chưa xong" in said and "thiếu 1 bản" in said and code in said, said
    assert database.read_bytes() == before


def _forget(rt: Runtime, hashes: dict[str, int]) -> None:
    """The database no longer names ``hashes`` (their papers removed, purged)."""

    def write(session: Session) -> None:
        session.execute(delete(StoredFile).where(StoredFile.sha256.in_(list(hashes))))

    rt.ctx.sessions.write(write)


def test_pruning_keeps_every_file_a_kept_generation_names_and_deletes_the_rest(
    counter: Runtime,
) -> None:
    data = counter.data_dir
    place = data / "backups"
    backups.set_place(counter.ctx, login(counter.ctx, "quantri"), data, None, keep=3)
    a = stored(counter, 20, "a")
    # The first generation's copy never finished (the start, then the desk switched off)
    backups.back_up(data, "daily", budget=0.0)
    b = stored(counter, 20, "b")
    backups.back_up(data, "daily", budget=60.0)
    _forget(counter, b)
    c = stored(counter, 20, "c")
    backups.back_up(data, "daily", budget=60.0)
    _forget(counter, c)
    backups.back_up(data, "daily", budget=60.0)
    # WHEN the generation naming b goes, while an older kept one still names c
    backups.back_up(data, "daily", budget=60.0)
    # THEN a file goes only when no kept generation names it
    kept = backup_files.generations(place)
    assert len(kept) == 3
    assert held(place) == a | c
    assert set(held(place)) == set().union(*(named(g) for g in kept))
    # AND the unfinished generation went with its marker
    assert not list(place.glob("*.pending"))
    # WHEN the last generation naming c goes
    backups.back_up(data, "daily", budget=60.0)
    assert held(place) == a
    # AND a generation going away that cannot be read: the store is compared whole
    stray = stored(counter, 1, "stray")
    backups.back_up(data, "daily", budget=60.0)
    _forget(counter, stray)
    for _ in range(2):
        backups.back_up(data, "daily", budget=60.0)
    assert set(held(place)) == set(a) | set(stray)
    oldest = backup_files.generations(place)[-1]
    assert set(stray) <= set(named(oldest))
    oldest.chmod(0o600)
    oldest.write_bytes(b"not a database")
    backups.back_up(data, "daily", budget=60.0)
    assert held(place) == a
