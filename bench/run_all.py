"""`make bench`: every benchmark, one after the other, figures on stdout.

    python bench/run_all.py            # full sizes: about a quarter of an hour on two cores
    python bench/run_all.py --quick    # or BENCH_QUICK=1: tiny sizes, to see each part runs
    python bench/run_all.py --quick bench_sync.py bench_reports.py   # some parts only

bench_sync.py and bench_reports.py start throwaway PostgreSQL clusters of
their own (about five minutes each on two cores at full size). The quick mode
runs every part with a few rows (tests/test_bench_quick.py runs it under
`make test`). Each part runs to its end even if one before it failed; the exit
status is non-zero when any part failed, and the last line names them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = (
    "bench_start.py",
    "bench_core.py",
    "bench_print.py",
    "bench_scan.py",
    "bench_sync.py",
    "bench_reports.py",
    "bench_files.py",
    "bench_files_sync.py",
    "bench_backup.py",
    "bench_signing.py",
)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    p.add_argument("parts", nargs="*", metavar="PART", help=f"of {', '.join(PARTS)}; all if none")
    args = p.parse_args()
    if unknown := [part for part in args.parts if part not in PARTS]:
        p.error(f"no such part: {', '.join(unknown)} (the parts: {', '.join(PARTS)})")
    parts = args.parts or PARTS
    failed: list[str] = []
    started = time.perf_counter()
    for script in parts:
        print(f"== {script}", flush=True)
        t0 = time.perf_counter()
        code = subprocess.run(
            [sys.executable, str(HERE / script), *(["--quick"] if args.quick else [])]
        ).returncode
        print(f"== {script}: exit {code} after {time.perf_counter() - t0:.0f}s", flush=True)
        if code != 0:
            failed.append(f"{script} (exit {code})")
    took = f"{time.perf_counter() - started:.0f}s"
    if failed:
        print(f"bench: FAILED {', '.join(failed)} ({took})", flush=True)
        return 1
    print(f"bench: all {len(parts)} parts ran to the end ({took})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
