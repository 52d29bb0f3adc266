"""Core benchmarks: receiving a dossier, and search over a million dossiers.

    python bench/bench_core.py [--count 1000000] [--data out/bench/million]
    python bench/bench_core.py --quick   # or BENCH_QUICK=1: a few rows, to see it runs

A reception (validate, code, commit, outbox, audit) is timed beside its floor,
a bare durable SQLite commit (WAL, synchronous=FULL, one small row) in the
same folder, the two interleaved so that the machine's load weighs on both.
The million-row database is generated once (bench/datagen.py) and reused.
Search is measured through the service the UI calls, beside the same query
as a plain LIKE '%…%' scan and a bare FTS5 trigram lookup.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datagen import PASSWORD, fill, new_counter  # noqa: E402
from counter_app.domain.text import fold  # noqa: E402
from counter_app.domain.validation import ApplicantInput  # noqa: E402
from counter_app.services.auth import login  # noqa: E402
from counter_app.services.dossiers import ReceiveRequest, receive  # noqa: E402
from counter_app.services.search import search  # noqa: E402

ACCENTED = [
    "Nguyễn Văn Đức",
    "Trần Thị Hạnh",
    "Lê Minh Tuấn",
    "Phạm Thu Hương",
    "Đỗ Đình Định",
    "Hoàng Thanh Tâm",
    "Vũ Ngọc Lan",
    "Bùi Quang Hải",
    "Lý Hồng Thúy",
    "Nông Đức Sơn",
]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def report(label: str, ms: list[float]) -> None:
    print(f"{label:<44} p50={statistics.median(ms):7.2f}ms p95={pct(ms, 95):7.2f}ms n={len(ms)}")


class BareCommit:
    """The floor of a reception: one durable commit of one small row, in plain
    sqlite3 with the pragmas that make the app's commits durable."""

    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(path, isolation_level=None)
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute("PRAGMA synchronous=FULL")
        self.con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")

    def __call__(self) -> None:
        self.con.execute("BEGIN IMMEDIATE")
        self.con.execute("INSERT INTO t (body) VALUES (?)", ("Nguyễn Văn Đức 020190001234",))
        self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()


def bench_receive(n: int = 300, warmup: int = 20) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-core-") as tmp:
        rt = new_counter(Path(tmp) / "counter")
        bare = BareCommit(Path(tmp) / "bare.sqlite3")
        people = [
            ApplicantInput(full_name=name, id_number="020190001234", phone="0912345678")
            for name in ACCENTED
        ]
        official = login(rt.ctx, "bench", PASSWORD)
        ms, floor = [], []
        for i in range(warmup + n):
            # Interleaved one by one: a burst of load on the shared machine
            # slows both sides, not one.
            floor += timed(bare, 1)
            ms += timed(
                lambda: receive(
                    rt.ctx,
                    official,
                    ReceiveRequest("2.000815", people[i % len(people)], pages=3),  # noqa: B023
                ),
                1,
            )
        bare.close()
        rt.close()
    report("bare durable SQLite commit (floor)", floor[warmup:])
    report("receive (validate+code+commit+outbox+audit)", ms[warmup:])
    ratio = statistics.median(ms[warmup:]) / statistics.median(floor[warmup:])
    print(f"{'ratio receive / floor (median)':<44} {ratio:.1f} (target <= 15)", flush=True)


def bench_search(data: Path, count: int, n: int) -> None:
    db_file = data / "counter.sqlite3"
    if not db_file.exists():
        t0 = time.perf_counter()
        rt = new_counter(data)
        fill(rt, count)
        rt.close()
        print(f"generated {count} dossiers in {time.perf_counter() - t0:.0f}s")
    rt = new_counter(data)
    rng = random.Random(3)
    with rt.ctx.sessions() as s:
        total = s.execute(text("SELECT count(*) FROM dossiers")).scalar()
        sample = s.execute(
            text(
                "SELECT applicant_name, applicant_id_number, applicant_phone FROM dossiers "
                "WHERE id % 997 = 0 LIMIT 400"
            )
        ).all()
    print(f"search over {total} dossiers")
    names = [r[0] for r in sample]
    accented = [rng.choice(names) for _ in range(n)]
    plain = [fold(q) for q in accented]
    cccd = [r[1][3:10] for r in sample][:n]
    phones = [r[2][-7:] for r in sample][:n]

    def run(queries: list[str]) -> list[float]:
        it = iter(queries)
        return timed(lambda: search(rt.ctx, next(it), limit=50), len(queries))

    report("search service, names with accents", run(accented))
    report("search service, names without accents", run(plain))
    report("search service, name typed mid-word", run([q[:-1] for q in plain]))
    report("search service, inner part of a name", run([q[2:-2] for q in plain]))
    report("search service, CCCD fragment (7 digits)", run(cccd))
    report("search service, phone fragment (7 digits)", run(phones))
    report("search service, common surname 'nguyen'", run(["nguyen"] * 50))
    report("search service, no match", run(["khong ton tai ai"] * 50))

    with rt.db.engine.connect() as conn:

        def like(q: str) -> Callable[[], object]:
            return lambda: conn.execute(
                text("SELECT id FROM dossiers WHERE search_text LIKE :q ORDER BY id DESC LIMIT 50"),
                {"q": f"%{q}%"},
            ).all()

        def like_raw(q: str) -> Callable[[], object]:
            return lambda: conn.execute(
                text(
                    "SELECT id FROM dossiers WHERE applicant_name LIKE :q ORDER BY id DESC LIMIT 50"
                ),
                {"q": f"%{q}%"},
            ).all()

        def fts(q: str) -> Callable[[], object]:
            return lambda: conn.execute(
                text(
                    "SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH :q "
                    "ORDER BY rowid DESC LIMIT 50"
                ),
                {"q": f'"{q}"'},
            ).all()

        k = min(n, 40)
        report("plain LIKE '%folded%' scan, names", [timed(like(q), 1)[0] for q in plain[:k]])
        report("plain LIKE '%accented%' on name", [timed(like_raw(q), 1)[0] for q in accented[:k]])
        report("plain LIKE scan, no match", timed(like("khong ton tai ai"), 10))
        report("bare FTS5 trigram lookup, names", [timed(fts(q), 1)[0] for q in plain])
    rt.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    p.add_argument("--count", type=int, help="dossiers to search (1000000; quick: 2000)")
    p.add_argument("--data", type=Path, help="folder of the generated database, kept")
    p.add_argument("--queries", type=int, help="queries per kind (200; quick: 10)")
    p.add_argument("--receptions", type=int, help="receptions timed (300; quick: 30)")
    p.add_argument("--fresh", action="store_true", help="regenerate the database")
    args = p.parse_args()
    count = args.count or (2_000 if args.quick else 1_000_000)
    queries = args.queries or (10 if args.quick else 200)
    receptions = args.receptions or (30 if args.quick else 300)
    bench_receive(receptions, warmup=5 if args.quick else 20)
    if args.data is None and args.quick:
        # A quick run's few rows are made afresh in a folder of its own.
        with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
            bench_search(Path(tmp), count, queries)
        return
    data = args.data or Path("out/bench") / "million"
    if args.fresh and data.exists():
        shutil.rmtree(data)
    bench_search(data, count, queries)


if __name__ == "__main__":
    main()
