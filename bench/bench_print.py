"""Time building a receipt PDF (both copies, A4): `python bench/bench_print.py`
(``--quick`` or BENCH_QUICK=1: 20 runs after 3 warm-ups).

Target: median under 30 ms. Fonts are registered and the form set is loaded
during the warm-up runs, as in a running application.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

# Run from a checkout without installing: make the repository importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.paper import render_receipt  # noqa: E402
from counter_app.paper.samples import sample_receipt  # noqa: E402

WARMUP = 20
RUNS = 200


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    args = p.parse_args()
    warmup, runs = (3, 20) if args.quick else (WARMUP, RUNS)
    data = sample_receipt()
    for _ in range(warmup):
        render_receipt(data, paper="A4")
    timings: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        render_receipt(data, paper="A4")
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    median = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"receipt_pdf_a4 median={median:.1f}ms p95={p95:.1f}ms n={runs}")


if __name__ == "__main__":
    main()
