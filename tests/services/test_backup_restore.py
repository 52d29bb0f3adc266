"""Backups an official can trust, and a restore that never reuses a code."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app import backup_files, database_checks, high_water
from counter_app.app_setup import Runtime, open_runtime
from counter_app.cli import main
from counter_app.domain.messages import UserError
from counter_app.domain.validation import ApplicantInput
from counter_app.models import AuditEntry, Dossier
from counter_app.paper import FormKind
from counter_app.services import audit, auth, backups, continuity
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.services.print_jobs import file_sink, print_form
from tests.conftest import PASSWORD, Clock, login, make_counter

ADMIN = ("--by", "quantri")

CITIZEN = ApplicantInput(full_name="Hoàng Văn Nam", id_number="020088004567")


@pytest.fixture(autouse=True)
def _official_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's commands below act as a logged-in official (``--by``)."""
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)


def _receive(rt: Runtime, n: int) -> list[str]:
    return [
        receive(rt.ctx, login(rt, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)).code
        for _ in range(n)
    ]


def _count(path: Path, table: str) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def test_restore_after_six_codes_goes_on_from_seven(
    tmp_path: Path,
    clock: Clock,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    # GIVEN a desk that received 3 dossiers, was backed up, then received 3 more
    data, usb = tmp_path / "counter", tmp_path / "usb"
    usb.mkdir()
    rt = make_counter(data)
    rt.ctx.clock = clock
    first = _receive(rt, 3)
    assert main(["--data-dir", str(data), "backup", "--to", str(usb), *ADMIN]) == 0
    copy = backup_files.generations(usb)[0]
    later = _receive(rt, 3)
    assert [c[-4:] for c in first + later] == ["0001", "0002", "0003", "0004", "0005", "0006"]
    rt.close()
    capsys.readouterr()
    # WHEN the copy taken after the third is restored
    assert main(["--data-dir", str(data), "restore", str(copy), *ADMIN]) == 0
    err = capsys.readouterr().err
    # THEN the official is told that dossiers may be missing, in Vietnamese
    assert "có thể" in err and "0006" in err, err
    again = open_runtime(data)
    again.ctx.clock = clock
    with again.ctx.sessions() as s:
        assert len(s.scalars(select(Dossier.code)).all()) == 3
        events = s.scalars(select(AuditEntry).where(AuditEntry.event == continuity.EVENT)).all()
        assert len(events) == 1 and events[0].details["raised"] == {
            "code:261126": 6,
            "ledger:01:2026": 6,
        }
        assert audit.verify(s).ok
    # AND the next codes go on from 7: none printed before is handed out again
    assert [c[-4:] for c in _receive(again, 2)] == ["0007", "0008"]
    # AND the next start says nothing more (the mark is caught up)
    again.close()
    third = open_runtime(data)
    assert third.notices == []
    third.close()
    assert "behind its high-water mark" in caplog.text


def test_backup_carries_what_is_still_in_the_wal(tmp_path: Path, clock: Clock) -> None:
    # GIVEN dossiers committed but not yet checkpointed (the engine stays open)
    rt = make_counter(tmp_path / "counter")
    rt.ctx.clock = clock
    _receive(rt, 4)
    wal = rt.db.path.with_name("counter.sqlite3-wal")
    assert wal.exists() and wal.stat().st_size > 0
    # WHEN a backup is taken while the desk works
    (copy,) = backups.back_up(rt.data_dir)
    # THEN the backup alone (no -wal beside it) holds them, and passes its checks
    assert not copy.with_name(copy.name + "-wal").exists()
    assert _count(copy, "dossiers") == 4
    result = database_checks.check(copy)
    assert result.ok and result.audit_checked > 4
    rt.close()


def test_backup_goes_to_the_second_place_with_the_mark_and_keeps_n_generations(
    tmp_path: Path, clock: Clock
) -> None:
    rt = make_counter(tmp_path / "counter")
    rt.ctx.clock = clock
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.set_place(rt.ctx, login(rt, "quantri"), rt.data_dir, usb, keep=3)
    for _ in range(5):
        _receive(rt, 1)
        backups.back_up(rt.data_dir)
    # THEN each place keeps the 3 newest, the newest holding all 5 dossiers
    assert len(backup_files.generations(usb)) == 3
    assert len(backup_files.generations(rt.data_dir / "backups")) == 3
    assert _count(backup_files.generations(usb)[0], "dossiers") == 5
    # AND the high-water mark travels with them
    assert high_water.read(usb / high_water.FILENAME).sequences["code:261126"] == 5
    last = backups.last_good(rt.data_dir)
    assert last is not None and last.path.name == backup_files.generations(usb)[0].name
    rt.close()


def test_an_unreachable_second_place_fails_the_backup_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rt = make_counter(tmp_path / "counter")
    rt.close()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert main(["--data-dir", str(rt.data_dir), "backup", "--to", str(blocker), *ADMIN]) == 2
    err = capsys.readouterr().err.strip()
    assert "sao lưu" in err.lower() and "Traceback" not in err and len(err.splitlines()) == 1
    # An unplugged drive's mount point is not created on this disk instead
    unplugged = tmp_path / "media" / "usb"
    assert main(["--data-dir", str(rt.data_dir), "backup", "--to", str(unplugged), *ADMIN]) == 2
    assert not unplugged.exists()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    tmp_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    rt, copy = _closed_after_backup(tmp_path, clock, 30)
    _overwrite_pages(copy)
    before = _content(rt.db.path)
    assert main(["--data-dir", str(rt.data_dir), "restore", str(copy), *ADMIN]) == 2
    assert "không" in capsys.readouterr().err
    assert _content(rt.db.path) == before


def _content(path: Path) -> list[str]:
    """Every row of the database but the administrator's own login, which the
    restore command checks (and records) before it refuses the file."""
    con = sqlite3.connect(path)
    try:
        return [line for line in con.iterdump() if "login_attempts" not in line]
    finally:
        con.close()


def test_restore_refuses_a_backup_whose_audit_chain_was_edited(
    tmp_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    rt, copy = _closed_after_backup(tmp_path, clock, 2)
    con = sqlite3.connect(copy)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET username = 'ai-do' WHERE id = 2")
    con.commit()
    con.close()
    assert database_checks.check(copy).audit_broken_id == 2
    assert main(["--data-dir", str(rt.data_dir), "restore", str(copy), *ADMIN]) == 2


def _closed_after_backup(tmp_path: Path, clock: Clock, dossiers: int) -> tuple[Runtime, Path]:
    rt = make_counter(tmp_path / "counter")
    rt.ctx.clock = clock
    _receive(rt, dossiers)
    (copy,) = backups.back_up(rt.data_dir)
    rt.close()
    return rt, copy


def _overwrite_pages(path: Path) -> None:
    """Garbage over the second half of the file's pages, as a failing disk leaves it."""
    size = path.stat().st_size
    page = 4096
    with path.open("r+b") as f:
        for offset in range(max(page, (size // page // 2) * page), size, page):
            f.seek(offset)
            f.write(b"\xa5" * page)


def test_a_deleted_audit_tail_is_found_against_the_outside_mark(
    tmp_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a desk whose audit log has 4 entries past setup
    rt = make_counter(tmp_path / "counter")
    rt.ctx.clock = clock
    _receive(rt, 4)
    rt.close()
    # WHEN someone with sqlite3 drops the trigger and deletes the last two
    con = sqlite3.connect(rt.db.path)
    last = con.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE id > ?", (last - 2,))
    con.commit()
    con.close()
    capsys.readouterr()
    # THEN the chain alone is intact, yet `audit verify` reports the cut
    assert main(["--data-dir", str(rt.data_dir), "audit", "verify", *ADMIN]) == 3
    captured = capsys.readouterr()
    assert str(last) in captured.out and str(last - 2) in captured.out
    # the start said so too, as a cut log and not as missing dossiers
    assert "nhật ký" in captured.err.lower() and "có thể bị thiếu" not in captured.err
    # AND it stays reported on later runs (it is in the audit log itself)
    assert main(["--data-dir", str(rt.data_dir), "audit", "verify", *ADMIN]) == 3


def test_restoring_a_complete_backup_says_no_dossier_is_missing(
    tmp_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a desk backed up after its last dossier; only audit entries came
    # after (the receipt's print, a mistyped password)
    rt = make_counter(tmp_path / "counter")
    rt.ctx.clock = clock
    code = _receive(rt, 2)[-1]
    (copy,) = backups.back_up(rt.data_dir)
    receipt = tmp_path / "receipt.pdf"
    print_form(rt.ctx, login(rt, "tiepnhan"), code, FormKind.RECEIPT, file_sink(receipt))
    with pytest.raises(UserError):
        auth.login(rt.ctx, "tiepnhan", "not the password")
    with rt.ctx.sessions() as s:
        assert high_water.current(s).audit_last_id > _count(copy, "audit_log")
    rt.close()
    capsys.readouterr()
    # WHEN the backup is restored and the counter started
    assert main(["--data-dir", str(rt.data_dir), "restore", str(copy), *ADMIN]) == 0
    err = capsys.readouterr().err
    again = open_runtime(rt.data_dir)
    # THEN nobody is told that dossiers may be missing, and codes go on from 3
    assert "có thể" not in err and again.notices == [], (err, again.notices)
    again.ctx.clock = clock
    assert [c[-4:] for c in _receive(again, 1)] == ["0003"]
    # AND the shorter log is recorded as the restore it was, not as a cut
    with again.ctx.sessions() as s:
        (event,) = s.scalars(select(AuditEntry).where(AuditEntry.event == continuity.EVENT))
        assert event.details["raised"] == {} and event.details["restored_from"]
    assert continuity.missing_tails(again.ctx) == []
    again.close()


def test_a_restore_is_recorded_as_a_restore_not_as_a_cut(tmp_path: Path, clock: Clock) -> None:
    rt = make_counter(tmp_path / "counter")
    rt.ctx.clock = clock
    _receive(rt, 1)
    (copy,) = backups.back_up(rt.data_dir)
    _receive(rt, 1)
    rt.close()
    assert main(["--data-dir", str(rt.data_dir), "restore", str(copy), *ADMIN]) == 0
    assert main(["--data-dir", str(rt.data_dir), "audit", "verify", *ADMIN]) == 0


def test_an_upgrade_at_start_is_preceded_by_a_checked_backup_in_every_place(
    tmp_path: Path, clock: Clock
) -> None:
    from alembic import command

    from counter_app.schema_upgrade import alembic_config

    # GIVEN a desk of the previous schema version with a second backup place
    rt = make_counter(tmp_path / "counter")
    rt.ctx.clock = clock
    _receive(rt, 2)
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.set_place(rt.ctx, login(rt, "quantri"), rt.data_dir, usb)
    command.downgrade(alembic_config(rt.db.engine), "0006")
    rt.close()
    # WHEN the new release starts on it
    again = open_runtime(rt.data_dir)
    # THEN a copy of the old file was taken first, in both places, and it is good
    copies = [g for g in backup_files.generations(usb) if "before-" in g.name]
    assert len(copies) == 1 and database_checks.check(copies[0]).ok
    assert _count(copies[0], "dossiers") == 2
    assert (rt.data_dir / "backups" / copies[0].name).exists()
    again.close()
