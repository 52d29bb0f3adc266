"""A stored file the database names and the disk lost is told at start
(without reading the files) and listed by ``counter-app check``; orphans are
purged on the record only, and never a file a paper names."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime, open_runtime
from counter_app.cli import main
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.files.store import FileStore, files_dir
from counter_app.i18n import render
from counter_app.models import AuditEntry
from counter_app.services import file_checks, papers
from tests.conftest import PASSWORD, login
from tests.files.test_backup_with_files import add_scan
from tests.services.test_papers import scan_page


@pytest.fixture(autouse=True)
def _official_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)


def _reopen_notices(data: Path) -> list[str]:
    rt = open_runtime(data)
    try:
        return [render(n) for n in rt.notices]
    finally:
        rt.close()


def test_a_missing_file_is_told_at_start_and_a_silent_damage_left_to_the_check(
    counter: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    data = counter.data_dir
    lost_code, lost = add_scan(counter, 200)
    hurt_code, hurt = add_scan(counter, 120)
    whole_code, _ = add_scan(counter, 60)
    counter.close()
    store = FileStore(files_dir(data))
    assert _reopen_notices(data) == []
    # WHEN one file vanished and another had bytes changed, same size
    store.path_of(lost).unlink()
    damaged = bytearray(store.path_of(hurt).read_bytes())
    damaged[-20] ^= 0xFF
    store.path_of(hurt).write_bytes(bytes(damaged))
    # THEN the start tells the official of the missing one, in Vietnamese,
    # and names its dossier (the damaged one needs the files read: not at start)
    notices = _reopen_notices(data)
    assert len(notices) == 1 and "bị thiếu hoặc hỏng" in notices[0], notices
    assert lost_code in notices[0] and hurt_code not in notices[0]
    # AND counter-app check reads every file and names both, exit non-zero
    capsys.readouterr()
    assert main(["--data-dir", str(data), "check", "--by", "tiepnhan"]) == 3
    out = capsys.readouterr().out
    assert f"THIẾU: tệp {lost} của hồ sơ {lost_code}" in out, out
    assert f"HỎNG: tệp {hurt} của hồ sơ {hurt_code}" in out, out
    assert whole_code not in out and "2/3" in out.replace(" trên ", "/"), out


def test_a_file_cut_short_is_told_at_start(counter: Runtime) -> None:
    code, sha = add_scan(counter, 200)
    counter.close()
    path = FileStore(files_dir(counter.data_dir)).path_of(sha)
    path.write_bytes(path.read_bytes()[:100])
    notices = _reopen_notices(counter.data_dir)
    # (the day's first backup, at the same start, cannot copy it either and says so)
    assert any(code in n and "báo quản trị viên" in n for n in notices), notices


def test_check_says_all_is_whole(counter: Runtime, capsys: pytest.CaptureFixture[str]) -> None:
    add_scan(counter, 200)
    counter.close()
    capsys.readouterr()
    assert main(["--data-dir", str(counter.data_dir), "check", "--by", "tiepnhan"]) == 0
    assert "1 tệp" in capsys.readouterr().out


def test_purge_deletes_only_old_orphans_on_the_record(
    counter: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    data = counter.data_dir
    code, removed = add_scan(counter, 200)
    uuid = papers.list_papers(counter.ctx, code)[0].uuid
    papers.remove(counter.ctx, login(counter.ctx, "tiepnhan"), uuid, "Quét nhầm trang")
    store = counter.ctx.files
    old_orphan = store.put_bytes(images_to_pdf([scan_page(10)])).sha256
    fresh_orphan = store.put_bytes(images_to_pdf([scan_page(30)])).sha256
    day_ago = time.time() - 86_400
    for sha in (removed, old_orphan):
        os.utime(store.path_of(sha), (day_ago, day_ago))
    # AND what two writes killed midway left: one yesterday, one a moment ago
    stale = store.path_of(old_orphan).with_name(f"{'e' * 62}.4242.tmp")
    stale.write_bytes(b"%PDF-1.4 cut short")
    os.utime(stale, (day_ago - 60, day_ago - 60))
    writing = store.path_of(old_orphan).with_name(f"{'f' * 62}.4343.tmp")
    writing.write_bytes(b"%PDF-1.4 being written")
    counter.close()
    # an official who is not an administrator is refused, nothing deleted
    assert main(["--data-dir", str(data), "files", "purge-orphans", "--by", "tiepnhan"]) == 2
    assert store.has(old_orphan)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "files", "purge-orphans", "--by", "quantri"]) == 0
    assert "1 tệp" in capsys.readouterr().out
    # THEN the old orphan is gone; the removed copy's file and the fresh one stay
    assert not store.has(old_orphan)
    assert store.has(removed) and store.has(fresh_orphan)
    # the day-old part-file is swept; one that may still be being written stays
    assert not stale.exists() and writing.exists()
    rt = open_runtime(data)
    try:
        with rt.ctx.sessions() as session:
            entry = session.scalars(
                select(AuditEntry).where(AuditEntry.event == file_checks.PURGE_EVENT)
            ).one()
        assert entry.username == "quantri" and entry.details["files"] == [old_orphan]
        assert entry.details["partials"] == 1
    finally:
        rt.close()


def _age_folders(data: Path) -> None:
    """The store's folders as a day-old store leaves them (no folder changed
    in the last seconds, which the start would list again anyway)."""
    old = time.time() - 3600
    for sub in files_dir(data).iterdir():
        if sub.is_dir():
            os.utime(sub, (old, old))


def test_the_start_lists_only_the_folders_that_changed_and_the_new_rows(
    counter: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    data = counter.data_dir
    quiet_code, quiet = add_scan(counter, 200)
    counter.close()
    _age_folders(data)
    assert _reopen_notices(data) == []  # a whole start: the folders are remembered
    store = FileStore(files_dir(data))
    # A file gone with its folder's time put back (as no deletion leaves it):
    # the start does not list a folder that did not change...
    folder = store.path_of(quiet).parent
    before = folder.stat()
    store.path_of(quiet).unlink()
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert _reopen_notices(data) == []
    # ...the full check reads every file and finds it
    capsys.readouterr()
    assert main(["--data-dir", str(data), "check", "--by", "tiepnhan"]) == 3
    assert quiet_code in capsys.readouterr().out
    # A paper added since: its row is new, so its file is looked for, even
    # when its folder's time says nothing changed.
    rt = open_runtime(data)
    new_code, new = add_scan(rt, 90)
    rt.close()
    folder = store.path_of(new).parent
    before = folder.stat()
    store.path_of(new).unlink()
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))
    notices = _reopen_notices(data)
    assert any(new_code in n for n in notices), notices


def test_purge_spares_the_files_of_a_database_a_restore_replaced(
    counter: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    from counter_app.services import backups

    data = counter.data_dir
    before_scan = backups.back_up(data, "manual")[0]
    _, sha = add_scan(counter, 200)
    counter.close()
    # An older copy is restored: no row of the restored database names the
    # scan, but the replaced database (kept in backups/replaced-…) does.
    backups.restore(data, before_scan)
    store = FileStore(files_dir(data))
    day_ago = time.time() - 86_400
    os.utime(store.path_of(sha), (day_ago, day_ago))
    capsys.readouterr()
    assert main(["--data-dir", str(data), "files", "purge-orphans", "--by", "quantri"]) == 0
    assert "Đã xóa 0 tệp" in capsys.readouterr().out
    assert store.has(sha)
