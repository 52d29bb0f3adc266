"""SIGKILL in a burst of receptions, then a restore of the copy from before
it: no code a receipt carried is handed out again."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.app_setup import open_runtime
from counter_app.cli import main
from counter_app.domain.validation import ApplicantInput
from counter_app.services import backups
from counter_app.services.dossiers import ReceiveRequest, receive
from tests.conftest import PASSWORD, login, make_counter
from tests.services.test_durability import _burst_then_kill


@pytest.fixture(autouse=True)
def _official_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's commands below act as a logged-in official (``--by``)."""
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)


def test_restore_after_a_killed_burst_never_reuses_a_printed_code(tmp_path: Path) -> None:
    # GIVEN a desk backed up before a burst of receptions that ends in SIGKILL
    data_dir = tmp_path / "counter"
    rt = make_counter(data_dir)
    (before_burst,) = backups.back_up(data_dir)
    rt.close()
    printed = _burst_then_kill(data_dir, 30)
    # WHEN the copy from before the burst is restored (the disk lost the rest)
    assert main(["--data-dir", str(data_dir), "restore", str(before_burst), "--by", "quantri"]) == 0
    again = open_runtime(data_dir)
    # THEN the next code is above every code a receipt carried
    code = receive(
        again.ctx,
        login(again, "tiepnhan"),
        ReceiveRequest(
            "2.000815", ApplicantInput(full_name="Vi Thị Hoa", id_number="020190001234")
        ),
    ).code
    again.close()
    assert code not in printed and code > max(printed)
