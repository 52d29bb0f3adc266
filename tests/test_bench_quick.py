"""`make bench` runs to the end: its quick mode, every part with a few rows,
runs here as `make bench` runs it (a process of its own, real PostgreSQL
clusters, real SQLite files, the real app started to its login window)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUN_ALL = ROOT / "bench" / "run_all.py"

# What each part prints: its figures and, for the speeds of issue 17 point 5,
# the floor measured in the same run beside them.
FIGURES = {
    "bench_start.py": [
        r"bare PySide6 window \(floor\)\s+wall median \d+\.\d+ s",
        r"app to login window\s+wall median \d+\.\d+ s",
        r"ratio app/floor \(wall, median\): \d+\.\d+",
    ],
    "bench_core.py": [
        r"bare durable SQLite commit \(floor\)\s+p50=\s*\d+\.\d+ms",
        r"receive \(validate\+code\+commit\+outbox\+audit\)\s+p50=\s*\d+\.\d+ms",
        r"ratio receive / floor \(median\)\s+\d+\.\d",
        r"search service, names with accents\s+p50=",
    ],
    "bench_print.py": [r"receipt_pdf_a4 median=\d+\.\dms"],
    "bench_scan.py": [
        r"SANE read \+ img2pdf \(floor\), 2 pages A4 75 dpi grey\s+median \d+\.\d ms",
        r"scan to saved, hashed PDF \(desk\), 2 pages A4 75 dpi grey\s+median \d+\.\d ms",
        r"ratio desk / floor \(median\) \d+\.\d\d \(target <= 2\.0\)",
    ],
    "bench_sync.py": [
        r"ratio push / COPY\s+\d+\.\d+",
        r"catch-up sync_once \(push \+ pull\)\s+\d+ entries in \d+\.\d+s",
        r"errors\s+0\n",
        r"entries left waiting / quarantined\s+0 / 0",
    ],
    "bench_reports.py": [
        r"counter_report, year 2026 .*\d+ ms",
        r"province_report, June 2026 .*\d+ ms",
    ],
    "bench_files.py": [
        r"start without stored files \(floor\)\s+wall median \d+\.\d+ s",
        r"start with \d+ stored files\s+wall median \d+\.\d+ s",
        r"ratio with files/floor \(wall, median\): \d+\.\d+",
        r"file check / floor: \d+\.\d+",
        r"ratio app start with files/floor \(wall, median\): \d+\.\d+",
    ],
    "bench_files_sync.py": [r"ratio upload / COPY\s+\d+\.\d+"],
    "bench_backup.py": [
        r"daily backup at start, no files \(floor\)\s+wall median \d+\.\d+ s",
        r"daily backup at start, \d+ files backed up\s+wall median \d+\.\d+ s",
        r"ratio daily backup with files/floor \(wall, median\): \d+\.\d+",
        r"place lacking all \d+ files\s+wall median \d+\.\d+ s",
        r"start within the database's backup \+ the files budget: yes",
    ],
    "bench_signing.py": [
        r"one-page receipt, visible \(floor\)\s+median \d+\.\d ms",
        r"SigningSession\.sign, one-page receipt, visible box \(desk\)\s+median \d+\.\d ms",
        r"ratio desk / floor \(median\) \d+\.\d\d \(target <= 2\.0\)",
        r"20 scanned one-page copies .* signed in turn\s+total \d+\.\d{3} s, median of \d+ \(target < 1\.0\)",
    ],
}


def run_all(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        # The checkout under test, not whatever copy the venv installed.
        "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH")))),
        **(env or {}),
    }
    environment.pop("BENCH_QUICK", None)
    with subprocess.Popen(
        [sys.executable, str(RUN_ALL), *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    ) as bench:
        try:
            out, _ = bench.communicate(timeout=280)
        except subprocess.TimeoutExpired:
            # The parts' clusters and desks too, not only run_all.py.
            os.killpg(bench.pid, signal.SIGTERM)
            out, _ = bench.communicate()
            pytest.fail(f"the quick bench took more than 280 s:\n{out}")
    return bench.returncode, out


@pytest.mark.slow
def test_quick_bench_runs_every_part_to_the_end_with_its_figures() -> None:
    started = time.monotonic()
    code, out = run_all("--quick")
    took = time.monotonic() - started
    assert code == 0, out
    for part, figures in FIGURES.items():
        assert f"== {part}: exit 0" in out, out
        for figure in figures:
            assert re.search(figure, out), f"{part}: no {figure!r} in\n{out}"
    assert re.search(r"bench: all 10 parts ran to the end", out), out
    print(f"quick bench: {took:.0f}s")


def test_a_failing_part_fails_the_bench_and_is_named_while_the_others_still_run() -> None:
    # No Qt platform to draw on: the start benchmark cannot start a window.
    code, out = run_all(
        "--quick", "bench_start.py", "bench_print.py", env={"QT_QPA_PLATFORM": "nowhere"}
    )
    assert code == 1, out
    assert "== bench_print.py: exit 0" in out, out
    assert re.search(r"receipt_pdf_a4 median=", out), out
    assert out.rstrip().splitlines()[-1].startswith("bench: FAILED bench_start.py (exit 1)"), out
