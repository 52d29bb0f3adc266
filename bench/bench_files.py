"""A counter holding 50,000 stored files opens as fast as one holding none
(issue 18 point 8): the start's file check reads directory listings, no file.

    python bench/bench_files.py [--files 50000]
    python bench/bench_files.py --quick   # or BENCH_QUICK=1: 5,000 files

Both counters hold the same history: ``--files / 5`` dossiers (10,000: a
year of a busy commune; bench/datagen.fill). The floor holds no stored file;
the other holds what a counter that scanned those dossiers holds besides:
five papers each, so ``--files`` small files in its store, their
``stored_files`` rows and their ``digitised_papers`` rows
(bench/datagen.fill_papers). A floor without the dossiers would compare a
counter of a year with an empty one: the start's database check
(``PRAGMA quick_check``, kept: issue 7) grows with the whole database, not
with the files. Each round opens both (``app_setup.open_runtime``:
migrations checked, the database checked, the high-water mark, the file
check, the daily backup already taken), in turn, so the machine's load weighs
on both; the medians and their ratio are printed. Then the same two counters
are started as the official starts them: the real program, from its launch
until the login is accepted (bench/bench_start.py's "ready"), in turn; that
ratio is the one the target reads ("starts as fast"): the database check
above is a part of it, the files' own check is 1-2 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_start import timed_run  # noqa: E402
from bench.datagen import fill, fill_papers, new_counter  # noqa: E402
from counter_app import config  # noqa: E402
from counter_app.app_setup import open_runtime  # noqa: E402
from counter_app.services import file_checks  # noqa: E402
from counter_app.ui.app import QUIT_AT_LOGIN_ENV, QUIT_WHEN_READY  # noqa: E402

# A start within this factor of the floor's counts as "as fast".
WITHIN = 2.0
# Papers scanned per dossier.
PER_DOSSIER = 5


def quick_check_ms(data_dir: Path) -> float:
    """The start's database check (storage.open_database), which grows with
    the database: the rows of 50,000 files weigh on it, the files do not."""
    con = sqlite3.connect(config.database_path(data_dir))
    try:
        t0 = time.perf_counter()
        con.execute("PRAGMA quick_check(1)").fetchone()
        return (time.perf_counter() - t0) * 1000
    finally:
        con.close()


def timed_start(data_dir: Path) -> tuple[float, int]:
    t0 = time.perf_counter()
    rt = open_runtime(data_dir)
    took = time.perf_counter() - t0
    notices = len(rt.notices)
    rt.close()
    return took, notices


def app_starts(bare: Path, full: Path, rounds: int) -> tuple[list[float], list[float]]:
    """What the official waits for: the real program (``counter-app``) from
    its launch until the login is accepted (database checked, files checked),
    one counter then the other, the first of each a warm-up."""
    app = str(Path(sys.executable).parent / "counter-app")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        QUIT_AT_LOGIN_ENV: QUIT_WHEN_READY,
    }
    times: tuple[list[float], list[float]] = ([], [])
    for run in range(rounds + 1):
        for taken, data in zip(times, (bare, full), strict=True):
            wall, _cpu = timed_run([app, "--data-dir", str(data)], env)
            if run:
                taken.append(wall)
    return times


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    p.add_argument("--files", type=int)
    p.add_argument("--rounds", type=int)
    args = p.parse_args()
    count = args.files or (5_000 if args.quick else 50_000)
    rounds = args.rounds or (3 if args.quick else 9)
    with tempfile.TemporaryDirectory(prefix="bench-files-") as tmp:
        bare, full = Path(tmp) / "bare", Path(tmp) / "full"
        rt = new_counter(bare)
        fill(rt, count // PER_DOSSIER)
        rt.close()
        # The day's backup is taken here, once: the timed starts do not back up.
        timed_start(bare)
        shutil.copytree(bare, full)
        t0 = time.perf_counter()
        rt = open_runtime(full)
        count = fill_papers(rt, PER_DOSSIER)
        rt.close()
        print(
            f"both counters: {count // PER_DOSSIER} dossiers; made {count} stored files "
            f"and their papers in {time.perf_counter() - t0:.1f}s",
            flush=True,
        )
        timed_start(full)  # both warmed alike: the first start of a process loads the code
        # The first start lists every folder; folders written in the last two
        # seconds are listed again at the next (a coarse clock's tick).
        time.sleep(2.1)
        timed_start(full)
        without, with_files = [], []
        for _ in range(rounds):
            took, _n = timed_start(bare)
            without.append(took)
            took, notices = timed_start(full)
            with_files.append(took)
            if notices:
                print(f"unexpected notices at start: {notices}")
                return 1
        rt = open_runtime(full)
        t0 = time.perf_counter()
        said = file_checks.at_start(rt.ctx, config.database_path(full))
        check_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        listed = file_checks.quick_check(rt.ctx)
        listing_ms = (time.perf_counter() - t0) * 1000
        rt.close()
        assert said is None and listed.checked == count and listed.ok, listed
        pragma = {d.name: quick_check_ms(d) for d in (bare, full)}
        app_bare, app_full = app_starts(bare, full, rounds)
    floor, measured = statistics.median(without), statistics.median(with_files)
    ratio = measured / floor
    print(f"start without stored files (floor)   wall median {floor:.3f} s")
    print(f"start with {count} stored files    wall median {measured:.3f} s")
    print(f"  of which the start's file check   {check_ms:.1f} ms")
    print(f"listing every folder instead (the first start, after a restore) {listing_ms:.0f} ms")
    print(
        f"  SQLite quick_check of the database: {pragma['bare']:.1f} ms without the rows, "
        f"{pragma['full']:.1f} ms with them"
    )
    print(f"ratio with files/floor (wall, median): {ratio:.2f}")
    app_floor, app_measured = statistics.median(app_bare), statistics.median(app_full)
    app_ratio = app_measured / app_floor
    print(f"app start to login ready, without files (floor) wall median {app_floor:.3f} s")
    print(f"app start to login ready, with {count} files   wall median {app_measured:.3f} s")
    print(f"ratio app start with files/floor (wall, median): {app_ratio:.2f}")
    print(
        f"within {WITHIN:.0f}x of the floor (app start): {'yes' if app_ratio <= WITHIN else 'NO'}"
    )
    # What the files themselves cost the start, apart from the larger database.
    print(f"file check / floor: {check_ms / 1000 / floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
