"""Integrity at start: a really damaged database is opened read-only and nothing is written."""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path

import pytest

from counter_app.app_setup import open_runtime
from counter_app.cli import main
from counter_app.domain.messages import UserError
from counter_app.domain.validation import ApplicantInput
from counter_app.services import backups
from counter_app.services.dossiers import ReceiveRequest, receive
from tests.conftest import PASSWORD, Clock, login, make_counter

CITIZEN = ApplicantInput(full_name="Hoàng Văn Nam", id_number="020088004567")


@pytest.fixture(autouse=True)
def _official_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's commands below act as a logged-in official (``--by``)."""
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)


def _digest(directory: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in directory.glob("counter.sqlite3*")
    }


@pytest.fixture
def damaged(tmp_path: Path, clock: Clock) -> Path:
    # GIVEN a real counter with a good backup, then 60 dossiers more
    rt = make_counter(tmp_path / "counter")
    rt.ctx.clock = clock
    backups.back_up(rt.data_dir)
    for _ in range(60):
        receive(rt.ctx, login(rt, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN))
    rt.close()
    gc.collect()  # no connection of this process left open on the file
    # WHEN a failing disk overwrites pages of the database file
    path = rt.db.path
    size, page = path.stat().st_size, 4096
    with path.open("r+b") as f:
        for offset in range(page * 4, size - page, page * 3):
            f.seek(offset)
            f.write(bytes(range(256)) * (page // 256))
    return rt.data_dir


def test_damaged_database_is_opened_read_only_and_nothing_is_written(damaged: Path) -> None:
    before = _digest(damaged)
    rt = open_runtime(damaged)
    # THEN the start check found it, and the official is told in Vietnamese
    assert rt.db.damage
    message = rt.db.damage_message()
    assert message is not None and rt.notices == [message]
    from counter_app import i18n

    text = i18n.render(message)
    assert "hỏng" in text and "counter-" in text  # names the latest good backup
    # AND a reception is refused with that sentence, not a traceback
    with pytest.raises(UserError) as refused:
        receive(rt.ctx, login(rt, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN))
    assert refused.value.message == message
    rt.close()
    # AND the files are byte for byte as they were: no upgrade, no checkpoint, no write
    assert _digest(damaged) == before


def test_cli_says_the_database_is_damaged_and_restore_brings_the_counter_back(
    damaged: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(damaged), "dossier", "search", "nam", "--by", "tiepnhan"]) in (
        0,
        1,
        2,
    )
    assert "hỏng" in capsys.readouterr().err
    latest = backups.last_good(damaged)
    assert latest is not None
    assert main(["--data-dir", str(damaged), "restore", str(latest.path), "--by", "quantri"]) == 0
    rt = open_runtime(damaged)
    rt.ctx.clock = clock
    assert not rt.db.damage
    code = receive(rt.ctx, login(rt, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)).code
    # 60 codes were handed out after the backup: the next one is above them
    assert code.endswith("-0061")
    rt.close()


def test_a_damaged_database_is_never_saved_as_a_good_backup(
    damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good_before = sorted(p.name for p in (damaged / "backups").glob("counter-*.sqlite3"))
    assert main(["--data-dir", str(damaged), "backup"]) == 2
    err = capsys.readouterr().err
    assert "hỏng" in err and "Chưa sao lưu được" in err
    assert sorted(p.name for p in (damaged / "backups").glob("counter-*.sqlite3")) == good_before
    assert not list((damaged / "backups").glob(".*partial"))
