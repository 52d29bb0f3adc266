"""Every window and dialog fits the commonest commune screen, 1366×768, at
100 % and at 125 % scaling: no button lies beyond the screen's edge.

Each size runs in a process of its own, since Qt fixes the screen when the
application starts (tests/ui/screen_fit_probe.py opens the windows).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scale", ["1", "1.25"])
def test_every_button_is_on_a_1366x768_screen(tmp_path: Path, scale: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "Desk", "x": 0, "y": 0, "width": 1366, "height": 768}]}),
        encoding="utf-8",
    )
    shots = tmp_path / "shots"
    shots.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "COUNTER_APP_LANG": "vi",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_fit_probe", str(tmp_path / "data"), str(shots)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    expected = [1366, 720] if scale == "1" else [1093, 576]
    assert report["area"] == expected
    assert report["outside"] == []
    # Every window of the desk was opened and drawn.
    assert {p.stem for p in shots.glob("*.png")} >= {
        "setup",
        "login",
        "main",
        "main-linked",
        "receive",
        "dossier",
        "dossier-on-the-spot",
        "dossier-papers",
        "digitise",
        "digitise-pages",
        "reuse",
        "signing-pin",
        "signing-certificate",
        "signing-check",
        "admin-signing",
        "preview",
        "step-return_result",
        "reports",
        "admin-calendar",
        "admin-printer",
        "admin-unit",
        "admin-backups",
        "admin-central",
        "officials",
        "add-official",
        "catalogue",
        "edit-procedure",
        "import-report",
    }
