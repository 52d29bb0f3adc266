"""A paper scanned at the desk, from the feeder to its saved copy, against the
floor measured in the same run (issue 18 point 8):

    python bench/bench_scan.py            # 10 A4 pages at 300 dpi, greyscale, 5 rounds
    python bench/bench_scan.py --quick    # or BENCH_QUICK=1: 2 pages at 75 dpi, 2 rounds

The scanner is SANE's virtual ``test`` scanner, through a copy of the
project's SANE folder (resources/sane) in a temporary directory, changed for a
real page: A4 at the chosen resolution, and no 4 KiB read limit (a USB
scanner hands over far bigger blocks; keeping the limit would slow the floor
as much as the app and flatter the ratio).

- the floor: python-sane read straight off the device (open, feeder, grey,
  the resolution, ``snap`` every sheet), each page as PNG, ``img2pdf`` of
  them: the least any scan-to-PDF must do;
- the desk: what the digitise dialog does with the same sheets, off the UI:
  ``scanning.sane_source.scan`` (its lock, options and feeder loop), the run's
  PDF (``files.pdf_pages.images_to_pdf``), the page strip's composed PDF
  (``pdf_pages.compose``, as Save sends it) and ``services.papers.add_copy``
  (page count, SHA-256, the content-addressed store's durable write, the row
  and its outbox entry in one transaction on a real SQLite counter).

One floor and one desk run in turn per round, so a burst of load on the shared
machine slows both; the medians and their ratio are printed (target: ≤ 2.0).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET = 2.0
DEVICE = "test:0"


def sane_dir(target: Path, resolution: int) -> Path:
    """The project's SANE folder, its test scanner made to give A4 pages."""
    shutil.copytree(ROOT / "resources" / "sane", target)
    conf = target / "test.conf"
    lines = []
    for line in conf.read_text(encoding="utf-8").splitlines():
        key = line.split(" ", 1)[0]
        line = {
            "read-limit": "read-limit false",
            "resolution": f"resolution {resolution}",
            "br_x": "br_x 210.0",
            "br_y": "br_y 297.0",
        }.get(key, line)
        lines.append(line)
    conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    args = p.parse_args()
    pages, dpi, rounds = (2, 75, 2) if args.quick else (10, 300, 5)
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        # Before SANE starts in this process: it reads its folder once, at init.
        os.environ["SANE_CONFIG_DIR"] = str(sane_dir(Path(tmp) / "sane", dpi))
        run(Path(tmp), pages, dpi, rounds)


def run(tmp: Path, pages: int, dpi: int, rounds: int) -> None:
    import img2pdf

    from bench.datagen import PASSWORD, new_counter
    from counter_app.domain.papers import Origin, PaperData
    from counter_app.domain.validation import ApplicantInput
    from counter_app.files.pdf_pages import all_pages, compose, images_to_pdf, page_count
    from counter_app.scanning.sane_devices import LOCK, ColourMode, Source, sane_module
    from counter_app.scanning.sane_source import ScanRequest, page_images, scan
    from counter_app.services import dossiers, papers
    from counter_app.services.auth import login
    from counter_app.services.papers import NewCopy

    def floor() -> bytes:
        sane = sane_module()
        images = []
        with LOCK:
            dev = sane.open(DEVICE)
            try:
                dev.source = "Automatic Document Feeder"
                dev.mode = "Gray"
                dev.resolution = dpi
                for _ in range(pages):
                    dev.start()
                    images.append(dev.snap(no_cancel=True))
                dev.cancel()
            finally:
                dev.close()
        encoded = []
        for image in images:
            out = io.BytesIO()
            image.save(out, format="PNG")
            encoded.append(out.getvalue())
        return bytes(img2pdf.convert(encoded))

    rt = new_counter(tmp / "counter")
    official = login(rt.ctx, "bench", PASSWORD)
    applicant = ApplicantInput(full_name="Lăng Thị Khuyên", id_number="020190001234")
    request = ScanRequest(DEVICE, Source.ADF, ColourMode.GREY, dpi, max_sheets=pages)

    def desk() -> float:
        """Seconds from the scan's start to the stored copy (the dossier is
        received beforehand, as at the desk)."""
        code = dossiers.receive(
            rt.ctx, official, dossiers.ReceiveRequest("2.000815", applicant, pages=3)
        ).code
        data = PaperData("GT.KS", "Giấy khai sinh", holder_id_number=applicant.id_number)
        started = time.perf_counter()
        run_pdf = images_to_pdf(page_images(scan(request)))
        saved = compose([run_pdf], all_pages([run_pdf]))
        info = papers.add_copy(rt.ctx, official, NewCopy(code, saved, data, Origin.SCAN))
        took = time.perf_counter() - started
        assert info.pages == pages and papers.file_path(rt.ctx, info.sha256).exists()
        return took

    floor_s: list[float] = []
    desk_s: list[float] = []
    for n in range(rounds + 1):  # the first round warms both up and is not counted
        started = time.perf_counter()
        pdf = floor()
        took = time.perf_counter() - started
        assert page_count(pdf) == pages
        if n:
            floor_s.append(took)
            desk_s.append(desk())
        else:
            desk()
    rt.close()
    size = f"{pages} pages A4 {dpi} dpi grey"
    f, d = statistics.median(floor_s), statistics.median(desk_s)
    print(f"{'SANE read + img2pdf (floor), ' + size:<58} median {f * 1000:.1f} ms", flush=True)
    print(f"{'scan to saved, hashed PDF (desk), ' + size:<58} median {d * 1000:.1f} ms", flush=True)
    verdict = "ok" if d / f <= TARGET else "OVER TARGET"
    print(f"ratio desk / floor (median) {d / f:.2f} (target <= {TARGET}) {verdict}", flush=True)
    print(f"rounds {rounds}; floor {fmt(floor_s)}; desk {fmt(desk_s)}", flush=True)


def fmt(values: list[float]) -> str:
    return " ".join(f"{v * 1000:.0f}" for v in values) + " ms"


if __name__ == "__main__":
    main()
