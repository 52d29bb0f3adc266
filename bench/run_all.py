"""`make bench`: every benchmark, one after the other, figures on stdout.

bench_sync.py and bench_reports.py start throwaway PostgreSQL clusters of
their own (about five minutes each on two cores); BENCH_QUICK=1 runs them
with smaller sizes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    status = 0
    for script in (
        "bench_start.py",
        "bench_core.py",
        "bench_print.py",
        "bench_sync.py",
        "bench_reports.py",
    ):
        print(f"== {script}", flush=True)
        status |= subprocess.run(
            [
                sys.executable,
                str(HERE / script),
            ]
        ).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
