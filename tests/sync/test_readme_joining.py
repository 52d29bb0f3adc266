"""The README's commands for joining a counter to the centre, run as written
(a shell, the real `counter-app`, a real PostgreSQL): only the central URL and
the folders are replaced. Then the centre takes a role away, and the desk says so."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
URL_PLACEHOLDER = "postgresql+psycopg://…"


def _section(markdown: str, heading: str) -> str:
    start = markdown.index(f"\n## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def _blocks(markdown: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", markdown, flags=re.S)


def readme_joining_script() -> list[str]:
    """First start (the desk at work), then the centre's and the joining blocks,
    in the README's order; `make central` is the cluster the test started."""
    readme = README.read_text(encoding="utf-8")
    first_start = [b for b in _blocks(_section(readme, "First start")) if "counter-app setup" in b]
    joining = [
        b
        for b in _blocks(_section(readme, "Sync with the province's central database"))
        if "central init" in b or "register-counter" in b
    ]
    assert len(first_start) == 1 and len(joining) == 3, "the README's joining blocks moved"
    return first_start + joining


def _substituted(block: str, url: str, tmp: Path) -> str:
    lines = [line for line in block.splitlines() if not line.startswith("make central")]
    script = "\n".join(lines)
    assert URL_PLACEHOLDER in script or "central init" not in script
    return (
        script.replace(URL_PLACEHOLDER, url)
        .replace("/srv/", f"{tmp}/srv/")
        .replace("resources/", f"{ROOT}/resources/")
    )


def _run(script: str, tmp: Path, **env: str) -> subprocess.CompletedProcess[str]:
    bin_dir = tmp / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "counter-app"
    # The command the README names, running this checkout's code.
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m counter_app.cli "$@"\n')
    shim.chmod(0o755)
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-x", "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp,
        timeout=600,
        env={
            "PATH": f"{bin_dir}:/usr/bin:/bin",
            "HOME": str(tmp),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            **env,
        },
    )


def _desk(tmp: Path, name: str) -> sqlite3.Connection:
    return sqlite3.connect(tmp / "srv" / name / "counter.sqlite3")


def _official(tmp: Path, desk: str, username: str) -> tuple[set[str], str]:
    with _desk(tmp, desk) as db:
        user_id, title = db.execute(
            "SELECT id, title FROM users WHERE username = ?", (username,)
        ).fetchone()
        roles = {
            r for (r,) in db.execute("SELECT role FROM user_roles WHERE user_id = ?", (user_id,))
        }
    return roles, title


def test_the_readmes_joining_commands_work_as_written_and_keep_the_desks_grants(
    central_url: str, tmp_path: Path
) -> None:
    # GIVEN the README's blocks, with the URL and the folders of this test
    script = "\n".join(_substituted(b, central_url, tmp_path) for b in readme_joining_script())
    (tmp_path / "srv" / "quay1").mkdir(parents=True)
    # WHEN they run in one shell, as an administrator would type them
    done = _run(script, tmp_path, COUNTER_APP_DATA_DIR=str(tmp_path / "srv" / "quay1"))
    # THEN every command succeeded
    assert done.returncode == 0, done.stderr[-3000:]
    # AND the counter at work was registered under its own identity, on its slot 0
    with _desk(tmp_path, "quay1") as db:
        identity = db.execute("SELECT uuid FROM counter_identity").fetchone()[0]
    engine = create_engine(central_url)
    try:
        with engine.connect() as conn:
            counters = conn.execute(
                text(
                    "SELECT uuid, counter_name, code_slot FROM central_counters ORDER BY code_slot"
                )
            ).all()
    finally:
        engine.dispose()
    assert [(str(c.uuid), c.code_slot) for c in counters][0] == (identity, 0)
    assert [c.counter_name for c in counters] == ["Quầy số 1", "Quầy số 2"]
    # AND `sync status` shows that identity
    assert identity in done.stdout
    # AND the first sync kept the appraiser role and the title the desk gave tiepnhan,
    # saying so in Vietnamese
    assert _official(tmp_path, "quay1", "tiepnhan") == (
        {"receiver", "appraiser", "returner"},
        "Công chức Văn phòng - Thống kê",
    )
    assert "Bản sao tại trung tâm của cán bộ tiepnhan thiếu vai trò Người thẩm định" in done.stdout
    assert "không có chức danh “Công chức Văn phòng - Thống kê” do quầy này ghi" in done.stdout
    # AND the new counter has the centre's copy as it is
    assert _official(tmp_path, "quay2", "tiepnhan") == ({"receiver", "returner"}, "")

    # WHEN the centre takes the returner role away from tiepnhan and gives a title
    env = {"COUNTER_APP_CENTRAL_URL": central_url, "COUNTER_APP_PASSWORD": "mat-khau-quan-tri"}
    quay1 = f"counter-app --data-dir {tmp_path}/srv/quay1"
    later = _run(
        "echo 'mat-khau-manh' | counter-app central user-add tiepnhan --full-name "
        '"Hoàng Thị Mai" --roles receiver --title "Văn thư" --agency-id 000.00.37.H37\n'
        f"{quay1} sync --by quantri\n{quay1} sync status --by quantri\n",
        tmp_path,
        **env,
    )
    assert later.returncode == 0, later.stderr[-3000:]
    # THEN the desk follows the centre's change, keeps its own appraiser grant,
    # and says what was taken away and why
    assert _official(tmp_path, "quay1", "tiepnhan") == ({"receiver", "appraiser"}, "Văn thư")
    assert "Trung tâm đã thu hồi vai trò Công chức trả kết quả của cán bộ tiepnhan" in later.stdout
    assert "0 xung đột" in later.stdout  # a notice is no conflict
    assert "Công chức Văn phòng - Thống kê" in later.stdout and "Văn thư" in later.stdout
    assert os.stat(tmp_path / "quay1.json").st_mode & 0o077 == 0
