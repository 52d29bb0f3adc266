"""``counter-app verify FILE`` for IT staff: each signature's signer, time and
chain; a file changed by one byte after signing is reported broken and the
command exits non-zero; a chain no installed root vouches for is said so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.signing.sign import Box, Placement, sign_pdf
from counter_app.signing.token import Token
from counter_app.signing.verify import Verdict, trust_anchors, verify_pdf
from tests.signing.test_sign import receipt, scan
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, start_token

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


@pytest.fixture(scope="module")
def signed(env: TokenEnv) -> bytes:
    token = Token.open(env.module, LABEL, USER_PIN)
    try:
        certs = {c.label: c for c in token.certificates()}
        once = sign_pdf(scan(), token.signer(certs["valid"]))
        # A second official signs the same file in a box: two signatures.
        return sign_pdf(once, token.signer(certs["other"]), Placement(box=Box(0, 20, 20, 160, 70)))
    finally:
        token.close()


def verify(path: Path, trust: Path | None, data_dir: Path) -> subprocess.CompletedProcess[str]:
    environ = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT)}
    environ["QT_QPA_PLATFORM"] = "offscreen"
    if trust is not None:
        environ["COUNTER_APP_TRUST_DIR"] = str(trust)
    return subprocess.run(
        [sys.executable, "-m", "counter_app.cli", "--data-dir", str(data_dir), "verify", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=environ,
    )


def test_an_intact_file_lists_its_signers_and_chains(
    env: TokenEnv, signed: bytes, tmp_path: Path
) -> None:
    pdf = tmp_path / "ban-sao.pdf"
    pdf.write_bytes(signed)
    done = verify(pdf, env.trust_dir, tmp_path / "data")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "Nguyễn Thị Lan" in lines[0] and "Trần Văn Bình" in lines[2]
    assert "Nguyễn Thị Lan → Test CA cap duoi → Test Root CA Viet Nam" in lines[1]


def test_one_byte_changed_after_signing_is_broken_and_exits_non_zero(
    env: TokenEnv, signed: bytes, tmp_path: Path
) -> None:
    # A byte in the scanned image's data: the PDF still opens, the hash differs.
    at = signed.index(b"stream", signed.index(b"/Image")) + 40
    altered = bytearray(signed)
    altered[at] ^= 0x01
    pdf = tmp_path / "sua.pdf"
    pdf.write_bytes(bytes(altered))
    reports = verify_pdf(bytes(altered), trust_anchors(env.trust_dir))
    assert [r.verdict for r in reports] == [Verdict.BROKEN, Verdict.BROKEN]
    done = verify(pdf, env.trust_dir, tmp_path / "data")
    assert done.returncode == 3, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_chain_to_no_installed_root_is_untrusted(signed: bytes, tmp_path: Path) -> None:
    pdf = tmp_path / "ban-sao.pdf"
    pdf.write_bytes(signed)
    done = verify(pdf, None, tmp_path / "data")  # <data>/trust/ is empty
    assert done.returncode == 4, done.stdout + done.stderr
    assert str(tmp_path / "data" / "trust") in done.stdout
    # The chain the signature carries is still shown; no traceback anywhere.
    assert "Nguyễn Thị Lan → Test CA cap duoi" in done.stdout
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout


def test_a_file_that_is_not_a_pdf_gets_one_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "not.pdf"
    bad.write_bytes(b"hello")
    done = verify(bad, None, tmp_path / "data")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(receipt())
    assert verify(unsigned, None, tmp_path / "data").returncode == 3


def test_a_page_drawn_on_after_signing_is_reported_changed(
    env: TokenEnv, signed: bytes, tmp_path: Path
) -> None:
    from io import BytesIO

    from pyhanko.pdf_utils.generic import StreamObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    # The signed bytes stay as they were; a later revision draws on the page.
    writer = IncrementalPdfFileWriter(BytesIO(signed))
    writer.add_stream_to_page(0, writer.add_object(StreamObject(stream_data=b"0 0 m 90 90 l S")))
    out = BytesIO()
    writer.write(out)
    reports = verify_pdf(out.getvalue(), trust_anchors(env.trust_dir))
    assert [r.verdict for r in reports] == [Verdict.CHANGED, Verdict.CHANGED]
    assert all(r.intact and r.changed_after for r in reports)
    pdf = tmp_path / "ve-them.pdf"
    pdf.write_bytes(out.getvalue())
    assert verify(pdf, env.trust_dir, tmp_path / "data").returncode == 3
