"""Decree 118/2025 Art. 17(1)(c): a paper scanned at the desk through SANE
becomes one PDF in the dossier, whole or not at all. The scanner is SANE's
own virtual ``test`` device, enabled from the project's resources/sane."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from counter_app.app_setup import Runtime
from counter_app.domain.papers import Origin, PaperData
from counter_app.files.pdf_pages import images_to_pdf, page_count
from counter_app.scanning.sane_devices import ColourMode, ScannerError, Source, devices, options
from counter_app.scanning.sane_source import ScanCancelled, ScanRequest, Side, page_images, scan
from counter_app.services import papers
from counter_app.services.papers import NewCopy
from tests.conftest import login
from tests.scanning.support import DEVICE, new_dossier, slow_sane_dir

BIRTH = PaperData("GT.KS", "Giấy khai sinh", holder_id_number="020190001234")


def test_the_project_sane_folder_offers_the_test_scanner_with_feeder_and_duplex() -> None:
    assert [d.name for d in devices()] == [DEVICE]
    opts = options(DEVICE)
    assert opts.sources == (Source.FLATBED, Source.ADF, Source.ADF_DUPLEX)
    # the test scanner's feeder reads one side: duplex is two passes
    assert not opts.duplex_on_device
    assert ColourMode.GREY in opts.modes and ColourMode.COLOUR in opts.modes
    assert 75 in opts.resolutions and 300 in opts.resolutions


def test_three_feeder_pages_become_one_saved_pdf_with_its_hash(counter: Runtime) -> None:
    code = new_dossier(counter)
    seen: list[int] = []
    pages = scan(
        ScanRequest(DEVICE, Source.ADF, ColourMode.GREY, 75, max_sheets=3),
        on_page=lambda n, _p: seen.append(n),
    )
    assert seen == [1, 2, 3]
    assert [(p.sheet, p.side) for p in pages] == [(1, Side.FRONT), (2, Side.FRONT), (3, Side.FRONT)]
    assert pages[0].image.size == (236, 295)  # 80 x 100 mm at 75 dpi
    pdf = images_to_pdf(page_images(pages))
    info = papers.add_copy(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        NewCopy(code, pdf, BIRTH, Origin.SCAN, component=1),
    )
    stored = papers.file_path(counter.ctx, info.sha256)
    with pikepdf.open(stored) as doc:
        assert len(doc.pages) == 3
    assert info.pages == 3 and info.size == stored.stat().st_size
    assert info.sha256 == hashlib.sha256(stored.read_bytes()).hexdigest()


def test_a_feeder_run_reads_until_the_feeder_is_empty() -> None:
    # sane-test(5): its feeder is empty after 10 sheets
    pages = scan(ScanRequest(DEVICE, Source.ADF, ColourMode.GREY, 75))
    assert len(pages) == 10


def test_duplex_gives_two_images_per_sheet_front_then_back() -> None:
    turned: list[int] = []
    order: list[tuple[int, Side]] = []

    def turn_over(sheets: int) -> bool:
        turned.append(sheets)
        return True

    pages = scan(
        ScanRequest(DEVICE, Source.ADF_DUPLEX, ColourMode.COLOUR, 75, max_sheets=3),
        on_page=lambda _n, p: order.append((p.sheet, p.side)),
        turn_over=turn_over,
    )
    assert turned == [3]
    # the stack turned over: the last sheet's back is read first
    assert order[3:] == [(3, Side.BACK), (2, Side.BACK), (1, Side.BACK)]
    assert [(p.sheet, p.side) for p in pages] == [
        (s, side) for s in (1, 2, 3) for side in (Side.FRONT, Side.BACK)
    ]
    assert all(p.image.mode == "RGB" for p in pages)
    assert page_count(images_to_pdf(page_images(pages))) == 6


def test_declining_to_turn_the_stack_over_cancels_the_duplex_run() -> None:
    with pytest.raises(ScanCancelled):
        scan(ScanRequest(DEVICE, Source.ADF_DUPLEX, max_sheets=2), turn_over=lambda _n: False)


def test_cancel_between_pages_stops_the_run_and_stores_nothing(counter: Runtime) -> None:
    code = new_dossier(counter)
    read: list[int] = []
    with pytest.raises(ScanCancelled):
        scan(
            ScanRequest(DEVICE, Source.ADF, resolution=75),
            on_page=lambda n, _p: read.append(n),
            cancelled=lambda: len(read) >= 2,
        )
    assert read == [1, 2]
    assert papers.list_papers(counter.ctx, code) == []
    assert list(counter.ctx.files.stored()) == []
    # the scanner is free again for the next run
    assert len(scan(ScanRequest(DEVICE, Source.FLATBED, resolution=75))) == 1


def test_a_device_that_is_not_there_is_a_sentence() -> None:
    with pytest.raises(ScannerError) as refused:
        scan(ScanRequest("test:7", Source.FLATBED))
    assert "test:7" in str(refused.value)


def test_a_desk_killed_mid_scan_leaves_no_paper_and_no_half_file(
    counter: Runtime, tmp_path: Path
) -> None:
    code = new_dossier(counter)
    env = dict(os.environ, SANE_CONFIG_DIR=str(slow_sane_dir(tmp_path / "sane", delay_us=100_000)))
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parents[2])] + sys.path)
    with subprocess.Popen(
        [sys.executable, "-m", "tests.scanning.scan_proc", str(counter.data_dir), code],
        stdout=subprocess.PIPE,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        text=True,
    ) as proc:
        assert proc.stdout is not None
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            lines.append(line.strip())
            if line.startswith("page 1") or not line:
                break
        assert lines[-1] == "page 1", lines
        # killed while the feeder reads the second sheet
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert papers.list_papers(counter.ctx, code) == []
    files = counter.ctx.files.root
    leftovers = [p for p in files.rglob("*") if p.is_file()] if files.exists() else []
    assert leftovers == []
