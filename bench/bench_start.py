"""Cold start: a fresh process, from its launch to the first painted login window.

    python bench/bench_start.py [--runs 15]
    python bench/bench_start.py --quick   # or BENCH_QUICK=1: 3 runs each

Each run spawns the real entry point (``counter-app --data-dir DIR``) on a
counter set up once beforehand, with COUNTER_APP_QUIT_AT_LOGIN=1: the login
window closes as soon as it is first painted and the process exits. The
floor is a bare PySide6 process that shows an empty QWidget and exits the
same way. Both are timed from spawn to exit (so both include Python's start
and teardown), one of each in turn; the first run of each is a warm-up and is
not counted.

The counter's database is opened and checked (quick_check, migrations, the
high-water reconcile, the daily backup) once the login window is painted,
while the official types; a login is accepted only after that. A third run,
with COUNTER_APP_QUIT_AT_LOGIN=ready, times the start until then (its
warm-up takes the day's backup), printed beside the others.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datagen import new_counter  # noqa: E402
from counter_app.ui.app import QUIT_AT_LOGIN_ENV, QUIT_WHEN_READY  # noqa: E402

FLOOR = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
widget = QWidget()
quit_on_paint = Quit()
widget.installEventFilter(quit_on_paint)
widget.show()
sys.exit(app.exec())
"""


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run.

    On a shared machine the wall-clock follows the load; the CPU time much less."""
    start, start_cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command[:2])[:80]}… failed (exit {done.returncode}):\n"
            + "\n".join(done.stderr.splitlines()[-5:])
        )
    return time.perf_counter() - start, _children_cpu() - start_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    parser.add_argument("--runs", type=int, help="timed runs of each, after a warm-up (15)")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 15)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        data = Path(tmp) / "data"
        new_counter(data).close()
        app = [str(Path(sys.executable).parent / "counter-app"), "--data-dir", str(data)]
        floor: tuple[list[float], list[float]] = ([], [])
        start: tuple[list[float], list[float]] = ([], [])
        ready: tuple[list[float], list[float]] = ([], [])
        # Run by run in turn, so that a burst of load on the shared machine
        # weighs on all; the first of each is the warm-up, not counted.
        for run in range(runs + 1):
            for times, command, extra in (
                (floor, [sys.executable, "-c", FLOOR], {}),
                (start, app, {QUIT_AT_LOGIN_ENV: "1"}),
                (ready, app, {QUIT_AT_LOGIN_ENV: QUIT_WHEN_READY}),
            ):
                wall, cpu = timed_run(command, {**env, **extra})
                if run:
                    times[0].append(wall)
                    times[1].append(cpu)
    for name, (wall, cpu) in (
        ("bare PySide6 window (floor)", floor),
        ("app to login window", start),
        ("app to login ready (checked)", ready),
    ):
        print(
            f"{name:28} wall median {statistics.median(wall):.3f} s  p90 {pct(wall, 90):.3f} s;"
            f"  cpu median {statistics.median(cpu):.3f} s  ({len(wall)} runs)"
        )
    for what, i in (("wall", 0), ("cpu", 1)):
        ratio = statistics.median(start[i]) / statistics.median(floor[i])
        print(f"ratio app/floor ({what}, median): {ratio:.2f} (target <= 3)")
    ratio = statistics.median(ready[0]) / statistics.median(floor[0])
    print(f"ratio ready/floor (wall, median): {ratio:.2f} (the login accepted from then)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
