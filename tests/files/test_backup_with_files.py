"""Backups carry the electronic dossier's files: copied once, checked, pruned
with care, and brought back with the database they belong to."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app import backup_files, database_checks
from counter_app.app_setup import Runtime, open_runtime
from counter_app.domain.messages import UserError
from counter_app.domain.papers import Origin
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.files.store import FileStore, files_dir
from counter_app.i18n import render
from counter_app.models import DigitisedPaper
from counter_app.services import backups, papers
from counter_app.services.papers import NewCopy
from tests.conftest import login
from tests.services.test_papers import BIRTH, _dossier, scan_page


def add_scan(rt: Runtime, shade: int) -> tuple[str, str]:
    """A dossier with one scanned paper: (its code, the file's hash)."""
    code = _dossier(rt)
    pdf = images_to_pdf([scan_page(shade)])
    info = papers.add_copy(
        rt.ctx, login(rt.ctx, "tiepnhan"), NewCopy(code, pdf, BIRTH, Origin.SCAN, component=1)
    )
    return code, info.sha256


def _store(place: Path) -> FileStore:
    return backup_files.backup_store(place)


def test_a_daily_backup_copies_only_the_new_scans_and_its_check_reads_them(
    counter: Runtime,
) -> None:
    data = counter.data_dir
    place = data / "backups"
    _, first = add_scan(counter, 200)
    backups.back_up(data, "daily")
    copied = _store(place).path_of(first)
    assert copied.read_bytes() == counter.ctx.files.read(first)
    assert copied.stat().st_mode & 0o077 == 0
    inode = copied.stat().st_ino
    # WHEN a day later one more paper is scanned and the desk backs up again
    _, second = add_scan(counter, 120)
    newest = backups.back_up(data, "daily")[0]
    # THEN the new scan is copied and the old one is not written again
    assert _store(place).has(second)
    assert copied.stat().st_ino == inode
    assert database_checks.needed_files(newest).keys() == {first, second}
    assert backups.check_backup(newest).files == tuple(sorted({first, second}))
    # a backup whose copy was damaged afterwards fails its check
    copied.chmod(0o600)
    copied.write_bytes(b"%PDF-1.4 not the scan any more")
    with pytest.raises(UserError) as refused:
        backups.check_backup(newest)
    assert "thiếu 1" in render(refused.value.message), render(refused.value.message)


def test_pruning_keeps_the_files_a_kept_generation_needs(counter: Runtime) -> None:
    data = counter.data_dir
    place = data / "backups"
    backups.set_place(counter.ctx, login(counter.ctx, "quantri"), data, None, keep=2)
    before_scans = backups.back_up(data, "manual")[0]
    _, sha = add_scan(counter, 200)
    backups.back_up(data, "manual")
    counter.close()
    # An older copy is restored: the newer backups no longer name the scan.
    backups.restore(data, before_scans)
    rt = open_runtime(data)
    try:
        backups.back_up(data, "manual")
        # THEN the generation that names the scan is still kept, so is its file
        assert _store(place).has(sha)
        backups.back_up(data, "manual")
    finally:
        rt.close()
    # once no kept generation names it, the file goes with the last one that did
    assert len(backup_files.generations(place)) == 2
    assert not any(sha in database_checks.needed_files(g) for g in backup_files.generations(place))
    assert not _store(place).has(sha)


def test_restore_brings_back_the_database_and_its_files(counter: Runtime) -> None:
    data = counter.data_dir
    code, sha = add_scan(counter, 200)
    generation = backups.back_up(data, "manual")[0]
    counter.close()
    # WHEN the disk lost the files and the database is restored
    live = FileStore(files_dir(data))
    live.path_of(sha).unlink()
    backups.restore(data, generation)
    # THEN the paper's file is back, whole, with the database that names it
    assert live.intact(sha)
    rt = open_runtime(data)
    try:
        with rt.ctx.sessions() as session:
            assert session.scalars(select(DigitisedPaper.sha256)).all() == [sha]
        assert [p.sha256 for p in papers.list_papers(rt.ctx, code)] == [sha]
    finally:
        rt.close()


def test_a_backup_missing_a_file_is_refused_and_nothing_changes(counter: Runtime) -> None:
    data = counter.data_dir
    code, sha = add_scan(counter, 200)
    generation = backups.back_up(data, "manual")[0]
    counter.close()
    database = data / "counter.sqlite3"
    before = database.read_bytes()
    _store(generation.parent).path_of(sha).unlink()
    FileStore(files_dir(data)).path_of(sha).unlink()
    with pytest.raises(UserError) as refused:
        backups.restore(data, generation)
    said = render(refused.value.message)
    assert "chưa khôi phục gì" in said and code in said, said
    assert database.read_bytes() == before
    assert not any(p.name.startswith("replaced-") for p in (data / "backups").iterdir())


def test_a_file_lost_in_the_data_folder_is_said_but_the_database_is_backed_up(
    counter: Runtime,
) -> None:
    data = counter.data_dir
    _, sha = add_scan(counter, 200)
    os.unlink(FileStore(files_dir(data)).path_of(sha))
    with pytest.raises(UserError) as refused:
        backups.back_up(data, "daily")
    assert "counter-app check" in render(refused.value.message)
    assert len(backup_files.generations(data / "backups")) == 1
