"""The random fault schedule for as long as asked (``make soak``).

    python tools/soak.py [--seconds 300] [--seed N] [--counters 3] [--silent-bound S] [-v]

Starts a throwaway local PostgreSQL cluster as the centre, registers the
counters, runs tests/sync/fault_schedule.py's rounds until the time is up,
heals every fault and counts. Prints what ran, then one line

    soak: rounds=R lost=L doubled=D stalled=S seed=X

and exits 1 if any count is not zero. The same seed draws the same actions
(their timing, and so what a fault hits, still depends on the machine).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counter_app.devtools.local_cluster import temporary_cluster  # noqa: E402
from tests.sync.conftest import Centre  # noqa: E402
from tests.sync.fault_schedule import schedule  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/soak.py", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=300.0, help="how long rounds are drawn")
    parser.add_argument("--seed", type=int, default=None, help="default: from the clock")
    parser.add_argument("--counters", type=int, choices=(2, 3), default=3)
    parser.add_argument(
        "--silent-bound",
        type=float,
        default=None,
        help="a sync on a silent link must end by itself within this many seconds "
        "(default: such a sync is killed after a few seconds, like a closed window)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per round")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time()) % 1_000_000
    # The sync's own warnings (each cut link is one) would drown the summary.
    # (the desks' runtimes set the root logger to INFO for their log files).
    console = logging.StreamHandler()
    console.setLevel(logging.ERROR)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(console)
    say = print if args.verbose else (lambda _line: None)
    print(f"soak: {args.counters} counters, {args.seconds:.0f} s, seed={seed}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="counter-soak-"))
    try:
        with temporary_cluster() as cluster:
            cluster.create_database("soak")
            centre = Centre(cluster.superuser_url("soak"), work)
            try:
                with schedule(
                    centre, cluster, args.counters, seed, silent_bound=args.silent_bound, say=say
                ) as runner:
                    tally = runner.run(args.seconds)
            finally:
                centre.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(tally.details())
    for line in tally.unexpected:
        print(f"soak: unexpected: {line}")
    print(tally.summary(), flush=True)
    return 0 if tally.ok else 1


if __name__ == "__main__":
    sys.exit(main())
