"""The CLI's acting commands log the official in: a name alone records nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from counter_app.domain.validation import ApplicantInput
from counter_app.services.dossiers import ReceiveRequest, receive
from tests.cli.test_cli import run
from tests.conftest import PASSWORD, PROVINCE_FEE, login, make_counter


def _counter_with_dossier(data: Path) -> str:
    rt = make_counter(data)
    try:
        return receive(
            rt.ctx,
            login(rt, "tiepnhan"),
            ReceiveRequest(
                "1.004873",
                ApplicantInput("Vi Thị Hoa", id_number="020185000123"),
                fee_amount=PROVINCE_FEE,
            ),
        ).code
    finally:
        rt.close()


def _rows(data: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(data / "counter.sqlite3") as db:
        return db.execute(sql).fetchall()


def test_print_needs_the_officials_password(tmp_path: Path) -> None:
    data = tmp_path / "d"
    code = _counter_with_dossier(data)
    out = tmp_path / "slip.pdf"
    args = ("dossier", "print", code, "--out", str(out), "--by", "tiepnhan")
    # GIVEN no password at all (a script, no terminal): refused with what to do
    bare = run(*args, data_dir=data, password=None)
    assert bare.returncode == 2 and "COUNTER_APP_PASSWORD" in bare.stderr
    # GIVEN someone else's name and a guess: refused, audited, nothing printed
    wrong = run(*args, data_dir=data, password="doan-bua-thoi")
    assert wrong.returncode == 2 and "Sai tên đăng nhập hoặc mật khẩu" in wrong.stderr
    anyone = run(*args[:-1], "anyone", data_dir=data, password=PASSWORD)
    assert anyone.returncode == 2 and "Traceback" not in anyone.stderr
    assert not out.exists()
    assert _rows(data, "SELECT count(*) FROM print_jobs") == [(0,)]
    failed = _rows(data, "SELECT entity FROM audit_log WHERE event = 'login.failed'")
    assert failed == [("user:tiepnhan",), ("user:anyone",)]
    # WHEN the official types their own password: printed and recorded in their name
    done = run(*args, data_dir=data, password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert _rows(data, "SELECT username, status FROM print_jobs") == [("tiepnhan", "done")]


def test_five_wrong_passwords_lock_the_cli_too(tmp_path: Path) -> None:
    data = tmp_path / "d"
    code = _counter_with_dossier(data)
    args = ("dossier", "print", code, "--out", str(tmp_path / "x.pdf"), "--by", "tiepnhan")
    for _ in range(5):
        assert run(*args, data_dir=data, password="sai-mat-khau").returncode == 2
    locked = run(*args, data_dir=data, password=PASSWORD)
    assert locked.returncode == 2 and "tài khoản bị khóa đến" in locked.stderr
    assert _rows(data, "SELECT count(*) FROM print_jobs") == [(0,)]


def test_admin_commands_check_the_role(tmp_path: Path) -> None:
    make_counter(tmp_path).close()
    refused = run(
        "calendar", "add-day-off", "2026-12-31", "Nghỉ", "--by", "tiepnhan", data_dir=tmp_path
    )
    assert refused.returncode == 2
    assert "Chỉ cán bộ có vai trò “Quản trị viên”" in refused.stderr
    unnamed = run("calendar", "hours", "--set", "07:00-11:00", data_dir=tmp_path)
    assert unnamed.returncode == 2 and "--by" in unnamed.stderr
    # Showing the settings needs no login.
    assert run("calendar", "hours", data_dir=tmp_path, password=None).returncode == 0
    assert run("printer", data_dir=tmp_path, password=None).returncode == 0
    assert _rows(tmp_path, "SELECT count(*) FROM calendar_days") == [(0,)]


def test_the_first_official_is_an_administrator_and_only_the_first(tmp_path: Path) -> None:
    setup = run(
        "setup",
        "--agency-id",
        "000.00.37.H37",
        "--agency-name",
        "UBND xã Hoàng Văn Thụ",
        "--unit-name",
        "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
        "--counter-name",
        "Quầy số 1",
        data_dir=tmp_path,
    )
    assert setup.returncode == 0, setup.stderr
    add = ("user", "add", "--full-name", "Lương Văn Hải", "--roles", "receiver")
    first = run(*add[:2], "quantri", *add[2:], data_dir=tmp_path, stdin=PASSWORD + "\n")
    assert first.returncode == 0, first.stderr
    assert (
        "quantri\tLương Văn Hải\tadmin,receiver"
        in run("user", "list", "--by", "quantri", data_dir=tmp_path).stdout
    )
    second = run(*add[:2], "khac", *add[2:], data_dir=tmp_path, stdin=PASSWORD + "\n")
    assert second.returncode == 2 and "quản trị viên" in second.stderr
    assert "khac" not in run("user", "list", "--by", "quantri", data_dir=tmp_path).stdout


def test_numbers_out_of_range_exit_2_with_a_sentence(tmp_path: Path) -> None:
    for args in (
        ("calendar", "due", "--from", "2026-11-26 10:00", "--days", "10000000"),
        ("calendar", "due", "--from", "2026-11-26 10:00", "--hours", "-1"),
        ("calendar", "list", "99999"),
        ("dossier", "search", "nguyen", "--limit", "0"),
    ):
        result = run(*args, data_dir=tmp_path)
        assert result.returncode == 2, (args, result.stderr)
        assert "không phải số nguyên từ" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_catalogue_errors_name_row_and_column_once(tmp_path: Path) -> None:
    make_counter(tmp_path).close()
    csv = tmp_path / "danh_muc.csv"
    csv.write_text(
        "code,name,field,level,processing_amount,processing_unit,fee_kind,fee_amount\n"
        "1.000001,Thủ tục tốt,Hộ tịch,xã,3,working_days,flat,5000\n"
        "1.000002,Phí quá lớn,Hộ tịch,xã,3,working_days,flat,100000000000000000000000\n"
        "1.000003,Hạn quá dài,Hộ tịch,xã,10000000,working_days,free,0\n",
        encoding="utf-8",
    )
    result = run("catalogue", "import", str(csv), "--by", "quantri", data_dir=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].count("Dòng 3") == 1 and lines[0].count("fee_amount") == 1
    assert lines[1].count("Dòng 4") == 1 and lines[1].count("processing_amount") == 1
    assert "1 thủ tục mới" in result.stdout


def test_the_administrator_sets_how_soon_an_idle_window_locks(tmp_path: Path) -> None:
    data = tmp_path / "d"
    make_counter(data).close()
    clerk = run("lock-after", "5", "--by", "tiepnhan", data_dir=data, password=PASSWORD)
    assert clerk.returncode == 2 and "Traceback" not in clerk.stderr
    out_of_range = run("lock-after", "999", "--by", "quantri", data_dir=data, password=PASSWORD)
    assert out_of_range.returncode == 2
    done = run("lock-after", "5", "--by", "quantri", data_dir=data, password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "5 phút" in done.stdout
    assert _rows(data, "SELECT value FROM settings WHERE key = 'lock_after_minutes'") == [("5",)]
