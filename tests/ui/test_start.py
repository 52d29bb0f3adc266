"""The real start, in a process of its own, up to the login window: what an
official waits for before they can log in loads nothing that only the work
after login needs (sync's PostgreSQL driver, Alembic, the PDF and Excel
libraries)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from counter_app.app_setup import open_runtime, peek_counter_name
from counter_app.config import database_path
from counter_app.services import backups
from counter_app.ui.app import QUIT_AT_LOGIN_ENV, QUIT_WHEN_READY
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


def _start(data: Path, quit_at_login: str = "1") -> set[str]:
    """The entry point run to its login window; the modules it loaded."""
    done = subprocess.run(
        [sys.executable, "-c", START, str(data)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_AT_LOGIN_ENV: quit_at_login},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    return set(result["modules"])


def test_the_login_window_shows_without_the_libraries_of_the_work_after_it(
    tmp_path: Path,
) -> None:
    # GIVEN a counter set up (its database at the newest schema)
    data = tmp_path / "counter"
    make_counter(data).close()
    # WHEN the app starts to its login window, twice (the day's first start backs
    # up), each time until the window would accept a login (the counter checked)
    for _ in range(2):
        modules = _start(data, QUIT_WHEN_READY)
        # THEN the login window was shown, and none of those libraries was loaded for it
        assert "counter_app.ui.login_dialog" in modules
        assert "counter_app.ui.main_window" not in modules
        loaded = {m for m in modules for h in HEAVY if m == h or m.startswith(h + ".")}
        assert loaded == set()


def test_the_login_window_paints_before_the_database_layer_loads(tmp_path: Path) -> None:
    # GIVEN a counter set up
    data = tmp_path / "counter"
    make_counter(data).close()
    # WHEN the app starts and its login window is first painted
    modules = _start(data)
    # THEN the window did not wait for SQLAlchemy, the models or argon2
    assert "counter_app.ui.login_dialog" in modules
    early = {"sqlalchemy", "counter_app.models", "counter_app.storage", "argon2"}
    assert {m for m in modules for e in early if m == e or m.startswith(e + ".")} == set()


def test_the_start_checks_are_done_before_a_login_is_accepted(tmp_path: Path) -> None:
    # GIVEN a counter set up, not yet started today
    data = tmp_path / "counter"
    make_counter(data).close()
    assert backups.daily_due(data, date.today())
    # WHEN the app starts and its login window becomes ready to accept a login
    modules = _start(data, QUIT_WHEN_READY)
    # THEN by then the counter was opened and checked: the day's backup is taken
    assert "counter_app.ui.login_dialog" in modules
    assert "counter_app.storage" in modules
    assert not backups.daily_due(data, date.today())


def test_the_window_peeks_at_the_name_only_of_a_counter_set_up(tmp_path: Path) -> None:
    # A counter not set up (no file, an empty file, a schema without a counter)
    # is opened before any window: its first run shows the setup, not a login.
    assert peek_counter_name(tmp_path / "none") is None
    (tmp_path / "empty").mkdir()
    database_path(tmp_path / "empty").touch()
    assert peek_counter_name(tmp_path / "empty") is None
    open_runtime(tmp_path / "fresh").close()
    assert peek_counter_name(tmp_path / "fresh") is None
    make_counter(tmp_path / "set-up", name="Quầy số 2").close()
    assert peek_counter_name(tmp_path / "set-up") == "Quầy số 2"
    # and the peek wrote nothing beside the database
    assert not (tmp_path / "none").exists()
    assert sorted(p.name for p in (tmp_path / "empty").iterdir()) == ["counter.sqlite3"]
