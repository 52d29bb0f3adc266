"""Paper and files survive what a commune office's PC does to them: a full disk
never leaves a truncated PDF, and a crash while the receipt prints still makes
the next one a marked reprint."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from counter_app.app_setup import Runtime, open_runtime
from counter_app.domain.catalogue.limits import MAX_LENGTH
from counter_app.domain.messages import ValidationFailed
from counter_app.domain.validation import ApplicantInput
from counter_app.i18n import render
from counter_app.paper import FormKind
from counter_app.services import catalogue, search
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.services.print_jobs import file_sink, form_pdf, print_form
from tests.conftest import PROVINCE_FEE, login, make_counter
from tests.printing.conftest import text_of
from tests.services.private_desk import CITIZEN

ROOT = Path(__file__).resolve().parents[2]


def _run(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )


def test_a_full_disk_leaves_the_previous_pdf_whole(tmp_path: Path) -> None:
    target = tmp_path / "receipt.pdf"
    target.write_bytes(b"%PDF-1.4 the receipt printed yesterday")
    before = target.read_bytes()
    # WHEN a process whose files may not grow past 4 KB (as a full disk would
    # stop it) saves a 40 KB form over it
    done = _run(
        f"""
        import errno, resource, signal
        from pathlib import Path
        from counter_app.services.print_jobs import file_sink
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            file_sink(Path({str(target)!r}))(b"%PDF-1.4 " + b"x" * 40_000)
        except OSError as exc:
            raise SystemExit(3 if exc.errno == errno.EFBIG else 4)
        """
    )
    # THEN the save failed, and the old file is there, whole; no part-file is left
    assert done.returncode == 3, done.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["receipt.pdf"]
    # AND a save that fits replaces it, readable by its owner only
    file_sink(target)(b"%PDF-1.4 new")
    assert target.read_bytes() == b"%PDF-1.4 new"
    assert target.stat().st_mode & 0o077 == 0


def test_a_crash_while_printing_makes_the_next_print_a_reprint(tmp_path: Path) -> None:
    rt = make_counter(tmp_path / "desk")
    code = receive(
        rt.ctx, login(rt, "tiepnhan"), ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE)
    ).code
    rt.close()
    # WHEN the app is killed while the receipt goes to the printer
    done = _run(
        f"""
        import os, signal
        from pathlib import Path
        from counter_app.app_setup import open_runtime
        from counter_app.paper import FormKind
        from counter_app.services import auth
        from counter_app.services.print_jobs import print_form
        from tests.conftest import PASSWORD
        rt = open_runtime(Path({str(tmp_path / "desk")!r}))
        clerk = auth.login(rt.ctx, "tiepnhan", PASSWORD)
        def printer(pdf):
            os.kill(os.getpid(), signal.SIGKILL)
        print_form(rt.ctx, clerk, {code!r}, FormKind.RECEIPT, printer)
        """
    )
    assert done.returncode == -9, done.stderr
    # THEN the attempt is on record, and the next receipt says it is a reprint
    rt = open_runtime(tmp_path / "desk")
    try:
        preview = form_pdf(rt.ctx, code, FormKind.RECEIPT)
        result = print_form(
            rt.ctx, login(rt, "tiepnhan"), code, FormKind.RECEIPT, file_sink(tmp_path / "r.pdf")
        )
        assert result.reprint_no == 1
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "BẢN IN LẠI (lần 1)" in text
        assert preview == result.pdf  # the preview already said so
        with rt.ctx.sessions() as s:
            from sqlalchemy import text as sql

            jobs = s.execute(sql("SELECT status FROM print_jobs ORDER BY id")).scalars().all()
        assert jobs == ["sending", "done"]
    finally:
        rt.close()


def test_a_name_the_forms_font_cannot_print_is_refused_at_reception(counter: Runtime) -> None:
    clerk = login(counter, "tiepnhan")
    for name, position in (("Lý 小龍", 4), ("Nguyễn An 🌸", 11)):
        request = ReceiveRequest(
            "2.000815",
            ApplicantInput(full_name="Lý Tiểu Long", address=name, id_number="020190001234"),
        )
        with pytest.raises(ValidationFailed) as refused:
            receive(counter.ctx, clerk, request)
        (field, message), *_ = refused.value.errors
        assert field == "address" and message.params == {"position": position}
        assert "vị trí" in render(message) and name[position - 1] not in render(message)
    assert search.count_received(counter.ctx, counter.ctx.now().date()) == 0
    # Vietnamese, with every tone mark, prints and is received.
    received = receive(
        counter.ctx,
        clerk,
        ReceiveRequest(
            "2.000815",
            ApplicantInput(
                full_name="Lương Thị Ửng",
                id_number="020190001234",
                address="Thôn Nà Cạn, xã Hoàng Văn Thụ",
            ),
        ),
    )
    assert received.code


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_each_copy_of_the_receipt_is_one_page_whatever_the_procedures_name(
    counter: Runtime,
    paper: str,
    pages_as_images: Callable[[bytes, int], list[Image.Image]],
    read_codes: Callable[[Image.Image], list[tuple[str, str]]],
) -> None:
    # GIVEN the longest name the catalogue accepts (the sample's longest is 266)
    spec = next(p for p in catalogue.list_procedures(counter.ctx) if p.code == "2.000815")
    longest = ((spec.name + " ") * 3)[: MAX_LENGTH["name"]].strip()
    assert len(longest) >= MAX_LENGTH["name"] - 1
    catalogue.import_specs(
        counter.ctx, login(counter, "quantri"), [replace(spec, name=longest)], source="test"
    )
    code = receive(counter.ctx, login(counter, "tiepnhan"), ReceiveRequest(spec.code, CITIZEN)).code
    pdf = form_pdf(counter.ctx, code, FormKind.RECEIPT, paper=paper)
    # THEN two pages, one per copy, each with the whole name and the last note,
    # and their codes still read at full size
    pages = text_of(pdf)
    assert len(pages) == 2
    for page in pages:
        assert longest[-40:] in page
        assert "Ghi chú" in page
    for image in pages_as_images(pdf, 150):
        assert ("Code128", code) in read_codes(image)
