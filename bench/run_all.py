"""`make bench`: every benchmark, one after the other, figures on stdout.

bench_sync.py starts a throwaway PostgreSQL cluster of its own (about five
minutes on two cores); BENCH_QUICK=1 runs it with smaller sizes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    status = 0
    for script in ("bench_core.py", "bench_print.py", "bench_sync.py"):
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
