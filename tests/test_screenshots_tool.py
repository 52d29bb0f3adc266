"""`make screenshots` runs to the end: it broke once when the demo it plays was
reorganised, and nothing ran it until an official's guide needed new pictures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_screenshot_tool_draws_every_window_it_lists(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "tools/screenshots.py", "--out", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    written = [Path(line) for line in done.stdout.split() if line.endswith(".png")]
    assert len(written) >= 10
    for picture in written:
        assert picture.read_bytes().startswith(b"\x89PNG"), picture
    assert {p.name for p in written} >= {"main_window.png", "receive_dialog.png", "return_form.png"}
