"""Issue 18, point 8: a desk's upload of 100 MB of files to the centre against
a raw COPY of the same bytes into PostgreSQL, in the same run, on the same
throwaway cluster.

    python bench/bench_files_sync.py [--quick] [--megabytes 100] [--files 10]

(``--quick`` or BENCH_QUICK=1: 4 MB in 4 files, to see it runs.)

1. A desk (its own role, real SQLite, real file store) holds papers whose
   files total the size asked (random bytes in a PDF: scans do not compress);
   their rows are pushed first.
2. ``file_upload.upload_files`` sends them over the desk's own connection:
   the centre's functions check each chunk's SHA-256, then the whole file's.
3. The floor: the same files in the same 1 MiB chunks loaded with one COPY
   into a table of the same shape (``bytea`` stored uncompressed), by the
   superuser, in the same database. Reported: both rates and their ratio
   (aim: at least 0.5).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import logging
import os
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import pikepdf
from sqlalchemy import Engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.sync_support import Clock, central, line, new_desk, pg_connect, receive_many  # noqa: E402
from counter_app.app_setup import setup_logging  # noqa: E402
from counter_app.devtools.local_cluster import LocalCluster  # noqa: E402
from counter_app.domain.papers import Origin, PaperData  # noqa: E402
from counter_app.services.auth import login  # noqa: E402
from counter_app.services.papers import NewCopy, add_copy  # noqa: E402
from counter_app.sync.central_link import central_session  # noqa: E402
from counter_app.sync.file_upload import upload_files  # noqa: E402
from counter_app.sync.push import push  # noqa: E402
from counter_app.wire import files as wire  # noqa: E402

MB = 1024 * 1024
PASSWORD = "bench-password"
PAPER = PaperData(
    doc_type_code="GT.KS", document_name="Giấy khai sinh", holder_id_number="020190001234"
)


def scan_pdf(size: int) -> bytes:
    """A one-page PDF of about ``size`` bytes of incompressible content."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.attachments["scan.bin"] = pikepdf.AttachedFileSpec(pdf, os.urandom(size))
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


def copy_floor(engine: Engine, url: str, blobs: list[bytes]) -> tuple[int, float]:
    """COPY the same chunks into a table shaped like central_file_chunks."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE bench_copy_chunks (sha256 varchar(64), n integer, data bytea, "
                "PRIMARY KEY (sha256, n)); "
                "ALTER TABLE bench_copy_chunks ALTER COLUMN data SET STORAGE EXTERNAL"
            )
        )
    rows = [
        (hashlib.sha256(blob).hexdigest(), n, blob[n * wire.CHUNK : (n + 1) * wire.CHUNK])
        for blob in blobs
        for n in range(-(-len(blob) // wire.CHUNK))
    ]
    with pg_connect(url) as conn, conn.cursor() as cur:
        t0 = time.perf_counter()
        with cur.copy(
            "COPY bench_copy_chunks (sha256, n, data) FROM STDIN (FORMAT BINARY)"
        ) as copy:
            copy.set_types(["varchar", "int4", "bytea"])
            for row in rows:
                copy.write_row(row)
        conn.commit()
        took = time.perf_counter() - t0
    return sum(len(r[2]) for r in rows), took


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    p.add_argument("--megabytes", type=int, help="total size of the files (100)")
    p.add_argument("--files", type=int, help="how many files (10)")
    args = p.parse_args()
    total = (args.megabytes or (4 if args.quick else 100)) * MB
    count = args.files or (4 if args.quick else 10)

    root = Path(tempfile.mkdtemp(prefix="counter-bench-files-"))
    (root / "logs").mkdir()
    setup_logging(root, logging.WARNING)
    cluster = LocalCluster(root / "pg")
    try:
        cluster.init()
        cluster.start()
        engine = central(cluster, "files")
        desk = new_desk(
            engine, root, "000.00.37.H37", "Quầy số 1", Clock(datetime(2026, 11, 26, 8))
        )
        ctx = desk.rt.ctx
        (code,) = receive_many(desk, 1)
        official = login(ctx, "tiepnhan", PASSWORD)
        blobs = []
        for _ in range(count):
            pdf = scan_pdf(total // count)
            add_copy(ctx, official, NewCopy(code, pdf, PAPER, Origin.SCAN))
            blobs.append(pdf)
        size = sum(len(b) for b in blobs)
        with central_session(desk.registration) as central_engine, central_engine.connect() as conn:
            push(ctx.sessions, conn, desk.registration.counter_uuid)
            t0 = time.perf_counter()
            report = upload_files(ctx, conn)
            took = time.perf_counter() - t0
        assert report.confirmed == count and report.bytes_sent == size, report
        copied, copy_took = copy_floor(engine, cluster.superuser_url("files"), blobs)
        assert copied == size
        rate, copy_rate = size / took / MB, size / copy_took / MB
        line(
            "upload of files (desk role, checked chunks)",
            f"{size / MB:.0f} MB in {count} files in {took:.2f}s = {rate:.1f} MB/s",
        )
        line(
            "COPY of the same bytes (same chunks)",
            f"{size / MB:.0f} MB in {copy_took:.2f}s = {copy_rate:.1f} MB/s",
        )
        line("ratio upload / COPY", f"{rate / copy_rate:.2f} (aim: at least 0.5)")
        desk.rt.close()
        engine.dispose()
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
