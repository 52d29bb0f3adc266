"""The real start, in a process of its own, up to the login window: what an
official waits for before they can log in loads nothing that only the work
after login needs (sync's PostgreSQL driver, Alembic, the PDF and Excel
libraries)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import make_counter

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("psycopg", "reportlab", "barcode", "segno", "alembic", "openpyxl", "PySide6.QtPdf")

# The entry point the desktop shortcut runs, told to close the login window
# once it is painted; then the modules the start loaded.
START = """
import json, sys
from counter_app.cli import main
code = main(["--data-dir", sys.argv[1]])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_the_login_window_shows_without_the_libraries_of_the_work_after_it(
    tmp_path: Path,
) -> None:
    # GIVEN a counter set up (its database at the newest schema)
    data = tmp_path / "counter"
    make_counter(data).close()
    # WHEN the app starts to its login window, twice (the day's first start backs up)
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", START, str(data)],
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTER_APP_QUIT_AT_LOGIN": "1"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # THEN the login window was shown, and none of those libraries was loaded for it
    assert result["code"] == 0
    modules = set(result["modules"])
    assert "counter_app.ui.login_dialog" in modules
    assert "counter_app.ui.main_window" not in modules
    loaded = {m for m in modules for h in HEAVY if m == h or m.startswith(h + ".")}
    assert loaded == set()
