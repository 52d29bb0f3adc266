"""Every command that reads or changes citizens' data acts as a logged-in
official with the right role: without ``--by`` (or its password) it is
refused with one Vietnamese sentence, exit 2, and nothing changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from counter_app import backup_files
from counter_app.cli import main
from counter_app.domain.validation import ApplicantInput
from counter_app.services import backups
from counter_app.services.dossiers import ReceiveRequest, receive
from tests.conftest import PASSWORD, PROVINCE_FEE, login, make_counter

CITIZEN = ApplicantInput("Vi Thị Hoa", id_number="020185000123", phone="0912345678")
PERIOD = ("--from", "2020-01-01", "--to", "2099-12-31")


class Desk:
    """A counter with one citizen's dossier, a checked backup on a USB drive,
    and the files a command could write, all under one folder."""

    def __init__(self, root: Path) -> None:
        self.data = root / "counter"
        self.usb = root / "usb"
        self.usb.mkdir()
        self.out = root / "out"
        self.out.mkdir()
        rt = make_counter(self.data)
        try:
            self.code = receive(
                rt.ctx,
                login(rt, "tiepnhan"),
                ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE),
            ).code
        finally:
            rt.close()
        backups.back_up(self.data, to=self.usb)
        self.backup = backup_files.generations(self.usb)[0]

    def state(self) -> tuple[list[str], list[str], list[str]]:
        """What a command could have changed: the database's content, the files
        of the data folder (not its log) and of the drive and the output folder."""
        con = sqlite3.connect(f"file:{self.data / 'counter.sqlite3'}?mode=ro", uri=True)
        try:
            dump = list(con.iterdump())
        finally:
            con.close()
        files = sorted(
            str(p.relative_to(self.data))
            for p in self.data.rglob("*")
            if "logs" not in p.parts and not p.name.endswith(("-wal", "-shm"))
        )
        written = sorted(str(p) for p in (*self.usb.rglob("*"), *self.out.rglob("*")))
        return dump, files, written


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return Desk(tmp_path)


def _commands(desk: Desk) -> dict[str, list[str]]:
    """Every command on citizens' data or the database, as a script would type it."""
    out = desk.out
    return {
        "dossier show": ["dossier", "show", desk.code],
        "dossier search": ["dossier", "search", "Vi Thị Hoa"],
        "dossier print": ["dossier", "print", desk.code, "--out", str(out / "bien-nhan.pdf")],
        "report json": ["report", *PERIOD, "--out", str(out / "r.json")],
        "report xlsx": ["report", *PERIOD, "--format", "xlsx", "--out", str(out / "r.xlsx")],
        "report pdf": ["report", *PERIOD, "--format", "pdf", "--out", str(out / "r.pdf")],
        "report ledger": ["report", *PERIOD, "--format", "ledger", "--out", str(out / "so.pdf")],
        "restore": ["restore", str(desk.backup)],
        "backup --to": ["backup", "--to", str(out)],
        "backup --place": ["backup", "--place", str(out)],
        "sync": ["sync"],
        "sync status": ["sync", "status"],
        "sync resync": ["sync", "resync"],
        "audit verify": ["audit", "verify"],
        "user list": ["user", "list"],
    }


NAMES = [
    "dossier show",
    "dossier search",
    "dossier print",
    "report json",
    "report xlsx",
    "report pdf",
    "report ledger",
    "restore",
    "backup --to",
    "backup --place",
    "sync",
    "sync status",
    "sync resync",
    "audit verify",
    "user list",
]
ADMIN_ONLY = ["restore", "backup --to", "backup --place", "sync resync", "user list"]


def _refused(desk: Desk, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    before = desk.state()
    capsys.readouterr()
    assert main(["--data-dir", str(desk.data), *argv]) == 2
    captured = capsys.readouterr()
    assert desk.state() == before, "a refused command changed something"
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err, captured.err
    assert captured.out == ""
    return lines[0]


@pytest.mark.parametrize("name", NAMES)
def test_without_a_login_the_command_is_refused_and_nothing_changes(
    desk: Desk, name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = _commands(desk)[name]
    # GIVEN no official named, not even with a password in the environment
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    said = _refused(desk, argv, capsys)
    assert "--by" in said
    # GIVEN an official named but no password (a script, no terminal to ask on)
    monkeypatch.delenv("COUNTER_APP_PASSWORD")
    said = _refused(desk, [*argv, "--by", "quantri"], capsys)
    assert "COUNTER_APP_PASSWORD" in said
    # GIVEN a wrong password: refused (the failed login is audited, nothing else)
    monkeypatch.setenv("COUNTER_APP_PASSWORD", "doan-bua-thoi")
    capsys.readouterr()
    assert main(["--data-dir", str(desk.data), *argv, "--by", "quantri"]) == 2
    assert "Sai tên đăng nhập hoặc mật khẩu" in capsys.readouterr().err
    assert not list(desk.out.iterdir()) and len(list(desk.usb.glob("counter-*"))) == 1


@pytest.mark.parametrize("name", ADMIN_ONLY)
def test_an_official_without_the_administrator_role_is_refused(
    desk: Desk, name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    said = _refused(desk, [*_commands(desk)[name], "--by", "tiepnhan"], capsys)
    assert "Quản trị viên" in said


@pytest.mark.parametrize(
    ("name", "by"),
    [
        ("dossier show", "tiepnhan"),
        ("dossier search", "phochutich"),
        ("report ledger", "thamdinh"),
        ("audit verify", "motcua"),
        ("user list", "quantri"),
    ],
)
def test_a_logged_in_official_gets_the_answer(
    desk: Desk,
    name: str,
    by: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    capsys.readouterr()
    assert main(["--data-dir", str(desk.data), *_commands(desk)[name], "--by", by]) == 0
    assert capsys.readouterr().out


def test_restore_is_done_by_an_administrator(
    desk: Desk, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    argv = ["--data-dir", str(desk.data), "restore", str(desk.backup), "--by", "quantri"]
    assert main(argv) == 0
    assert "khôi phục" in capsys.readouterr().out.lower()


def test_a_new_machine_restores_with_the_backups_administrator(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a new machine: no database for anyone to log in on
    new = tmp_path / "new-machine"
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    argv = ["--data-dir", str(new), "restore", str(desk.backup)]
    # THEN an official of the backup who is no administrator is refused, nothing made
    assert main([*argv, "--by", "tiepnhan"]) == 2
    assert "Quản trị viên" in capsys.readouterr().err
    assert not (new / "counter.sqlite3").exists()
    # AND its administrator restores it, the backup file itself untouched
    before = desk.backup.read_bytes()
    assert main([*argv, "--by", "quantri"]) == 0
    assert desk.backup.read_bytes() == before
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    assert main(["--data-dir", str(new), "dossier", "show", desk.code, "--by", "tiepnhan"]) == 0
    assert "Vi Thị Hoa" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["calendar", "due", "--from", "2026-11-26 10:00", "--days", "3"],
        ["calendar", "list", "2026"],
        ["calendar", "hours"],
        ["catalogue", "list"],
        ["printer"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_commands_on_no_citizens_data_need_no_login(
    desk: Desk, argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COUNTER_APP_PASSWORD", raising=False)
    try:
        code = main(["--data-dir", str(desk.data), *argv])
    except SystemExit as done:  # --help
        code = int(done.code or 0)
    assert code == 0
