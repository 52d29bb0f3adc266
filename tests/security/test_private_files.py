"""Every file a command writes with citizens' data is private (0600, a folder
it makes 0700) under the usual umask 022, as the receipt always was."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.cli import main
from counter_app.domain.validation import ApplicantInput
from counter_app.services.dossiers import ReceiveRequest, receive
from tests.conftest import PASSWORD, PROVINCE_FEE, login, make_counter

CITIZEN = ApplicantInput("Vi Thị Hoa", id_number="020185000123", phone="0912345678")
PERIOD = ("--from", "2020-01-01", "--to", "2099-12-31")


@pytest.fixture
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_file_a_command_writes_is_0600_under_umask_022(
    tmp_path: Path, umask_022: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a counter with a citizen's dossier, and a logged-in official's password
    data = tmp_path / "counter"
    rt = make_counter(data)
    try:
        code = receive(
            rt.ctx,
            login(rt, "tiepnhan"),
            ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE),
        ).code
    finally:
        rt.close()
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    out, usb = tmp_path / "out", tmp_path / "usb"
    out.mkdir()
    usb.mkdir()
    official, admin = ("--by", "tiepnhan"), ("--by", "quantri")
    # WHEN every command that writes a file runs, the way an official runs it
    commands = [
        ["report", *PERIOD, "--out", str(out / "q.json"), *official],
        ["report", *PERIOD, "--per", "official", "--format", "xlsx", "--out", str(out / "q.xlsx")],
        ["report", *PERIOD, "--format", "pdf", "--out", str(out / "q.pdf"), *official],
        ["report", *PERIOD, "--format", "ledger", "--out", str(out / "so.pdf"), *official],
        # a folder the report makes for itself
        ["report", *PERIOD, "--out", str(out / "new" / "q.json"), *official],
        ["dossier", "print", code, "--out", str(out / "receipt.pdf"), *official],
        [
            "dossier",
            "print",
            code,
            "--form",
            "control_slip",
            "--out",
            str(out / "s.pdf"),
            *official,
        ],
        ["backup", "--to", str(usb), *admin],
    ]
    commands[1] += official
    for argv in commands:
        assert main(["--data-dir", str(data), *argv]) == 0, argv
    assert (
        main(["--data-dir", str(tmp_path / "demo-data"), "demo", "--out", str(out / "demo")]) == 0
    )
    # THEN each of them, and every folder the app made, is its owner's only
    written = [p for p in (*out.rglob("*"), *usb.rglob("*")) if p.is_file()]
    names = {p.name for p in written}
    assert {"q.json", "q.xlsx", "q.pdf", "so.pdf", "receipt.pdf", "s.pdf"} <= names
    assert any(n.startswith("counter-") for n in names) and len(list((out / "demo").iterdir())) >= 5
    assert {str(p): _mode(p) for p in written} == {str(p): 0o600 for p in written}
    for folder in (out / "new", out / "demo", tmp_path / "demo-data"):
        assert _mode(folder) == 0o700, folder
