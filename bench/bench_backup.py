"""The day's backup at the start of the desk, with 50,000 files already
backed up, against the same counter without files; and the start when a
backup place lacks every file (a new USB drive), which must stay within
the start's budget for files (services/backups.START_FILES_BUDGET_S).

    python bench/bench_backup.py [--files 50000]
    python bench/bench_backup.py --quick   # or BENCH_QUICK=1: 5,000 files

Both counters hold ``--files / 5`` dossiers (bench/datagen.fill); the one with
files holds five scanned papers each (bench/datagen.fill_papers). Each is
first backed up ``keep`` times, so every timed daily backup prunes a
generation as a desk's does after two weeks. A timed round is the call the
start makes (``backups.back_up(..., "daily", budget=...)``: the database
copied and checked, the files the place lacks until the budget, pruning),
one counter then the other, so the machine's load weighs on both. Then the
place is emptied and the start times again: the database and ~2 s of files;
what is left is copied after the login (``backups.finish_copy``, timed once).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datagen import fill, fill_papers, new_counter  # noqa: E402
from counter_app import backup_files  # noqa: E402
from counter_app.services import backups  # noqa: E402

PER_DOSSIER = 5
BUDGET = backups.START_FILES_BUDGET_S


def daily(data_dir: Path) -> float:
    t0 = time.perf_counter()
    backups.back_up(data_dir, "daily", budget=BUDGET)
    return time.perf_counter() - t0


def empty_place(data_dir: Path) -> None:
    """The place as a new drive: no generation, no file."""
    place = data_dir / "backups"
    shutil.rmtree(place / "files", ignore_errors=True)
    for generation in backup_files.generations(place):
        generation.unlink()
    for marker in place.glob("*.pending"):
        marker.unlink()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    p.add_argument("--files", type=int)
    p.add_argument("--rounds", type=int)
    args = p.parse_args()
    count = args.files or (5_000 if args.quick else 50_000)
    rounds = args.rounds or (3 if args.quick else 7)
    with tempfile.TemporaryDirectory(prefix="bench-backup-") as tmp:
        bare, full = Path(tmp) / "bare", Path(tmp) / "full"
        rt = new_counter(bare)
        fill(rt, count // PER_DOSSIER)
        rt.close()
        shutil.copytree(bare, full)
        rt = new_counter(full)
        count = fill_papers(rt, PER_DOSSIER)
        rt.close()
        keep = backup_files.read_settings(full).keep
        t0 = time.perf_counter()
        backups.back_up(full, "daily")  # the first: every file copied
        first = time.perf_counter() - t0
        for data in (bare, full):
            for _ in range(keep):
                backups.back_up(data, "daily", budget=BUDGET)
        print(
            f"both counters: {count // PER_DOSSIER} dossiers, {keep} generations each; "
            f"{count} files backed up whole in {first:.1f}s",
            flush=True,
        )
        without, with_files = [], []
        for _ in range(rounds):
            without.append(daily(bare))
            with_files.append(daily(full))
        assert not backup_files.pending(full)
        lacking = []
        left = 0
        for _ in range(rounds):
            empty_place(full)
            lacking.append(daily(full))
            left = backups.last_good(full).copying or 0  # type: ignore[union-attr]
        t0 = time.perf_counter()
        rest = backups.finish_copy(full)
        after = time.perf_counter() - t0
        assert rest == 0 and not backup_files.pending(full)
    floor, measured = statistics.median(without), statistics.median(with_files)
    start_new = statistics.median(lacking)
    print(f"daily backup at start, no files (floor)         wall median {floor:.3f} s")
    print(f"daily backup at start, {count} files backed up  wall median {measured:.3f} s")
    print(f"ratio daily backup with files/floor (wall, median): {measured / floor:.2f}")
    print(
        f"daily backup at start, place lacking all {count} files  wall median {start_new:.3f} s "
        f"(files budget {BUDGET:.1f} s; {left} files left for after the login)"
    )
    within = start_new - floor <= BUDGET + 0.5
    print(f"start within the database's backup + the files budget: {'yes' if within else 'NO'}")
    print(f"the rest copied after the login: {after:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
