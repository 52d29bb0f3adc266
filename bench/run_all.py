"""`make bench`: every benchmark, one after the other, figures on stdout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    status = 0
    for script in ("bench_core.py", "bench_print.py"):
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
