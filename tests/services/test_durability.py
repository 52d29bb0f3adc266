"""SIGKILL in the middle of a burst of receptions loses no reported dossier."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

from counter_app.app_setup import open_runtime
from counter_app.services import audit
from tests.conftest import make_counter

CHILD = Path(__file__).resolve().parents[1] / "reception_burst.py"
ROOT = Path(__file__).resolve().parents[2]


def _burst_then_kill(data_dir: Path, stop_after: int) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir)], stdout=subprocess.PIPE, text=True, env=env
    )
    reported: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        reported.append(line.strip())
        if len(reported) >= stop_after:
            break
    # Mid-burst: the child is inside its next transaction or about to be.
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    return reported


def test_sigkill_mid_burst_keeps_every_reported_dossier(tmp_path: Path) -> None:
    data_dir = tmp_path / "counter"
    make_counter(data_dir).close()
    reported: list[str] = []
    for stop_after in (40, 25, 60):
        reported += _burst_then_kill(data_dir, stop_after)

    db = data_dir / "counter.sqlite3"
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = Counter(code for (code,) in con.execute("SELECT code FROM dossiers"))
    con.close()
    assert set(reported) <= set(stored), "a code printed on a receipt is missing"
    assert all(n == 1 for n in stored.values())
    assert len(set(reported)) == len(reported), "a code was handed out twice"

    # The app starts again on the same file and carries on numbering.
    rt = open_runtime(data_dir)
    with rt.ctx.sessions() as s:
        assert audit.verify(s).ok
    rt.close()
