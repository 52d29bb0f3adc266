"""Signing on the official's token against pyHanko's own signing, measured in
the same run (issue 21 point 6):

    python bench/bench_signing.py            # 30 rounds; 20 scanned A4 copies at 150 dpi
    python bench/bench_signing.py --quick    # or BENCH_QUICK=1: 5 rounds; 20 small copies

The token is SoftHSM2 in a temporary folder (SOFTHSM2_CONF points there; the
machine's tokens are never read), made as the tests make theirs
(tests/signing/token_support.py: a test CA built with `cryptography`, the
official's key imported with softhsm2-util).

- (a) a one-page receipt (form 01's first copy, counter_app.paper) signed
  with a visible signature block. The floor: pyHanko alone with the same
  SoftHSM key, ``PKCS11Signer`` and ``signers.sign_pdf`` with the same field
  box, nothing of the app. The desk: ``SigningSession.sign`` with a
  ``Placement`` box, the app's path (validity check, field naming, the
  Vietnamese stamp, the token's errors mapped). Medians and their ratio
  (target <= 2.0). The token is logged in once per process (PKCS#11), so the
  floor and the desk run in blocks, floor, desk, floor, desk.
- (b) what signing adds at reception: 20 one-page scanned copies (issue 21
  says "20 scanned pages": at reception each paper is its own copy, signed
  as it is made) signed in sequence through the app's path, invisibly, as
  scanned copies are. The total (target < 1 s); one 20-page copy signed
  once is printed beside it.

Exit status non-zero only when something crashes; the targets are read, not
asserted.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pikepdf  # noqa: E402
import pkcs11  # noqa: E402
from asn1crypto import x509 as asn1_x509  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: E402
from pyhanko.sign import fields, signers  # noqa: E402
from pyhanko.sign.pkcs11 import PKCS11Signer  # noqa: E402

from counter_app.files.pdf_pages import images_to_pdf  # noqa: E402
from counter_app.paper import render_receipt  # noqa: E402
from counter_app.paper.samples import sample_receipt  # noqa: E402
from counter_app.services.signatures import SigningSession  # noqa: E402
from counter_app.signing.sign import Box, Placement  # noqa: E402
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, start_token  # noqa: E402

# The signature place of a receipt: bottom right, above the margin (points).
BOX = Box(0, 330, 60, 550, 130)
COPIES = 20


def one_page_receipt() -> bytes:
    """Form 01's first copy ("Liên 1"), one A4 page, as the desk renders it."""
    pdf = pikepdf.open(io.BytesIO(render_receipt(sample_receipt(), paper="A4")))
    del pdf.pages[1:]
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def scanned_page(dpi: int, seed: int) -> bytes:
    """A greyscale A4 'scan': paper grain and lines of dark marks, as JPEG."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    image = Image.effect_noise((width, height), 12).point(lambda v: min(255, v + 110))
    draw = ImageDraw.Draw(image)
    rng = random.Random(seed)
    for line in range(40):
        y = round(height * (0.08 + line * 0.021))
        x = round(width * 0.1)
        while x < width * 0.88:
            word = rng.randint(dpi // 6, dpi // 2)
            draw.rectangle((x, y, x + word, y + dpi // 12), fill=rng.randint(20, 70))
            x += word + dpi // 10
    out = io.BytesIO()
    image.save(out, "JPEG", quality=75, dpi=(dpi, dpi))
    return images_to_pdf([out.getvalue()])


def timed(runs: int, work: Callable[[], bytes]) -> list[float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        out = work()
        timings.append((time.perf_counter() - start) * 1000)
        assert out.startswith(b"%PDF")
    return timings


def floor_block(env: TokenEnv, pdf: bytes, runs: int) -> list[float]:
    """pyHanko's own signing with the same key: no app code at all."""
    official = env.pki.officials["valid"]
    token = pkcs11.lib(str(env.module)).get_token(token_label=env.label)
    with token.open(user_pin=USER_PIN) as session:
        signer = PKCS11Signer(
            session,
            key_id=official.key_id,
            signing_cert=asn1_x509.Certificate.load(official.der),
            ca_chain=[asn1_x509.Certificate.load(env.pki.der(env.pki.inter))],
        )
        meta = signers.PdfSignatureMetadata(
            field_name="Signature1", subfilter=fields.SigSeedSubFilter.PADES
        )
        spec = fields.SigFieldSpec(
            "Signature1",
            on_page=BOX.page,
            box=(round(BOX.x1), round(BOX.y1), round(BOX.x2), round(BOX.y2)),
        )

        def sign() -> bytes:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
            out = signers.sign_pdf(writer, meta, signer=signer, new_field_spec=spec)
            return bytes(out.getvalue())

        sign()  # warm-up: the first signature loads pyHanko's lazy parts
        return timed(runs, sign)


def desk_session(env: TokenEnv) -> SigningSession:
    session = SigningSession(env.module)
    certs = session.unlock(USER_PIN, LABEL)
    session.choose(next(c for c in certs if c.label == "valid").fingerprint)
    return session


def desk_block(env: TokenEnv, pdf: bytes, runs: int) -> list[float]:
    session = desk_session(env)
    placement = Placement(reason="Tiếp nhận hồ sơ", location="Lạng Sơn", box=BOX)
    try:
        session.sign(pdf, placement)  # warm-up, as a window's first signature
        return timed(runs, lambda: session.sign(pdf, placement))
    finally:
        session.forget()


def reception(env: TokenEnv, scans: list[bytes], whole: bytes) -> tuple[float, float]:
    """Seconds to sign each scanned copy in turn, and one copy of all pages."""
    session = desk_session(env)
    try:
        session.sign(scans[0])  # the PIN was typed and a first copy signed already
        start = time.perf_counter()
        for pdf in scans:
            session.sign(pdf)
        each = time.perf_counter() - start
        start = time.perf_counter()
        session.sign(whole)
        return each, time.perf_counter() - start
    finally:
        session.forget()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    args = p.parse_args()
    # fontTools says so of every stamp's font subset; nothing is wrong.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    runs, dpi = (5, 50) if args.quick else (30, 150)
    with tempfile.TemporaryDirectory(prefix="bench-signing-") as tmp:
        env = start_token(Path(tmp))
        receipt = one_page_receipt()
        floor: list[float] = []
        desk: list[float] = []
        for _ in range(2):
            floor += floor_block(env, receipt, runs)
            desk += desk_block(env, receipt, runs)
        scans = [scanned_page(dpi, seed) for seed in range(COPIES)]
        pages = pikepdf.new()
        for pdf in scans:
            pages.pages.extend(pikepdf.open(io.BytesIO(pdf)).pages)
        whole = io.BytesIO()
        pages.save(whole)
        # A few rounds: one burst of load on the shared machine is not the figure.
        rounds = [reception(env, scans, whole.getvalue()) for _ in range(3 if args.quick else 7)]
        each = statistics.median(r[0] for r in rounds)
        once = statistics.median(r[1] for r in rounds)
    floor_median, desk_median = statistics.median(floor), statistics.median(desk)
    size = sum(len(s) for s in scans) / len(scans) / 1024
    print(
        "pyHanko sign_pdf + PKCS11Signer, one-page receipt, visible (floor)  "
        f"median {floor_median:.1f} ms  n={len(floor)}"
    )
    print(
        "SigningSession.sign, one-page receipt, visible box (desk)  "
        f"median {desk_median:.1f} ms  n={len(desk)}"
    )
    print(f"ratio desk / floor (median) {desk_median / floor_median:.2f} (target <= 2.0)")
    print(
        f"{COPIES} scanned one-page copies ({dpi} dpi grey, {size:.0f} KiB each) signed in turn  "
        f"total {each:.3f} s, median of {len(rounds)} (target < 1.0)"
    )
    print(f"one {COPIES}-page copy of the same scans signed once  {once * 1000:.1f} ms")


if __name__ == "__main__":
    main()
