"""Signing PDFs with the official's token (SoftHSM2 with a test CA): a scanned
copy invisibly, a receipt-like form in its signature box (rendered and looked
at), an expired certificate refused with its date, 20 pages at once."""

from __future__ import annotations

import dataclasses
import io
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from counter_app.domain.messages import UserError
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.signing.sign import Box, Placement, sign_pdf
from counter_app.signing.token import Token, list_tokens, module_path
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, start_token


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


@pytest.fixture(scope="module")
def token(env: TokenEnv) -> Token:
    opened = Token.open(env.module, LABEL, USER_PIN)
    yield opened
    opened.close()


def _cert(token: Token, label: str):
    return next(c for c in token.certificates() if c.label == label)


def scan(pages: int = 1) -> bytes:
    images = []
    for n in range(pages):
        out = io.BytesIO()
        Image.new("L", (170, 240), 180 + n).save(out, "PNG")
        images.append(out.getvalue())
    return images_to_pdf(images)


def receipt() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawString(72, 780, "GIAY TIEP NHAN HO SO VA HEN TRA KET QUA")
    page.rect(340, 60, 220, 70)  # the form's signature place
    page.save()
    return out.getvalue()


def _validate(signed: bytes, env: TokenEnv) -> list:
    from asn1crypto import x509

    root = x509.Certificate.load(env.pki.der(env.pki.root))
    context = ValidationContext(trust_roots=[root], allow_fetching=False)
    reader = PdfFileReader(io.BytesIO(signed))
    return [validate_pdf_signature(s, context) for s in reader.embedded_signatures]


def test_the_token_lists_the_officials_certificates(env: TokenEnv, token: Token) -> None:
    # SoftHSM's spare blank slot is no token: only the official's is listed.
    assert [t.label for t in list_tokens(env.module)] == [LABEL]
    lan = _cert(token, "valid")
    assert (lan.holder, lan.id_number, lan.tax_code) == ("Nguyễn Thị Lan", "001190012345", "")
    assert lan.issuer == "Test CA cap duoi"
    binh = _cert(token, "other")
    assert (binh.holder, binh.tax_code) == ("Trần Văn Bình", "0101234567")
    expired = _cert(token, "expired")
    assert expired.not_after == datetime(2024, 3, 15, 12, tzinfo=UTC)
    # The intermediate rides along on the token but has no key: not offered.
    assert {c.label for c in token.certificates()} == {"valid", "other", "expired"}


@pytest.mark.parametrize(
    ("holder", "official", "same"),
    [
        ("Nguyễn Thị Lan", "Nguyễn Thị Lan", True),
        ("NGUYỄN THỊ LAN", "Nguyễn Thị Lan", True),  # a CA writing the name in capitals
        ("Nguyen Thi Lan - UBND xa Hoang Van Thu", "Nguyễn Thị Lan", True),
        ("Nguyễn Thị Lan", "Nguyễn Thị La", False),  # whole words, not a prefix
        ("UBND xã Hoàng Văn Thụ", "Nguyễn Thị Lan", False),  # the agency's certificate
        ("Nguyễn Thị Lan", "", False),
    ],
)
def test_a_certificate_names_its_official_accents_and_case_aside(
    token: Token, holder: str, official: str, same: bool
) -> None:
    lan = dataclasses.replace(_cert(token, "valid"), holder=holder)
    assert lan.issued_to(official) is same


def test_a_scanned_copy_is_signed_invisibly_and_verifies(env: TokenEnv, token: Token) -> None:
    pdf = scan()
    signed = sign_pdf(pdf, token.signer(_cert(token, "valid")))
    assert signed.startswith(pdf)  # an incremental update: the copy's bytes untouched
    (status,) = _validate(signed, env)
    assert status.intact and status.valid and status.trusted
    assert status.signing_cert.subject.native["common_name"] == "Nguyễn Thị Lan"
    # The signature carries its chain, never the other officials' certificates.
    (embedded,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    carried = {c.chosen.subject.native["common_name"] for c in embedded.signed_data["certificates"]}
    assert carried == {"Nguyễn Thị Lan", "Test CA cap duoi"}
    with pikepdf.open(io.BytesIO(signed)) as doc:
        (widget,) = [a for a in doc.pages[0].get("/Annots", []) if a.get("/FT") == "/Sig"]
        rect = [float(v) for v in widget.Rect]
        assert rect[2] - rect[0] == 0 and rect[3] - rect[1] == 0  # invisible


def _dark_share(png: Path, box: tuple[int, int, int, int]) -> float:
    with Image.open(png) as image:
        region = image.convert("L").crop(box)
        return sum(region.histogram()[:100]) / (region.width * region.height)


def test_a_form_is_signed_in_its_box_which_shows_the_signer(
    env: TokenEnv, token: Token, tmp_path: Path
) -> None:
    pdf = receipt()
    unsigned_png, signed_png = tmp_path / "before", tmp_path / "after"
    placement = Placement(reason="Tiếp nhận hồ sơ", box=Box(0, 345, 65, 555, 125))
    signed = sign_pdf(pdf, token.signer(_cert(token, "valid")), placement)
    (status,) = _validate(signed, env)
    assert status.intact and status.valid
    (tmp_path / "signed.pdf").write_bytes(signed)
    (tmp_path / "unsigned.pdf").write_bytes(pdf)
    for name, out in (("unsigned.pdf", unsigned_png), ("signed.pdf", signed_png)):
        subprocess.run(
            ["pdftoppm", "-r", "72", "-png", "-singlefile", str(tmp_path / name), str(out)],
            check=True,
        )
    # At 72 dpi a point is a pixel; the page's top is y = 842.
    inside = (350, 842 - 120, 550, 842 - 70)
    assert _dark_share(unsigned_png.with_suffix(".png"), inside) == 0
    assert _dark_share(signed_png.with_suffix(".png"), inside) > 0.005  # the stamp's text
    above = (340, 842 - 400, 560, 842 - 200)
    assert _dark_share(signed_png.with_suffix(".png"), above) == 0  # nothing outside the box
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "signed.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Ký bởi: Nguyễn Thị Lan" in text


def test_an_expired_certificate_is_refused_with_its_date(token: Token) -> None:
    pdf = scan()
    with pytest.raises(UserError) as refused:
        sign_pdf(pdf, token.signer(_cert(token, "expired")))
    assert "15/03/2024" in str(refused.value) and "Lê Văn Cũ" in str(refused.value)
    not_yet = datetime(2020, 1, 1, tzinfo=UTC)
    with pytest.raises(UserError) as early:
        sign_pdf(pdf, token.signer(_cert(token, "valid")), now=not_yet)
    assert "valid only from" in str(early.value)


def test_a_damaged_pdf_is_refused_in_a_sentence(token: Token) -> None:
    with pytest.raises(UserError, match="not a PDF that can be read"):
        sign_pdf(scan()[:300], token.signer(_cert(token, "valid")))


def test_twenty_scanned_pages_sign_in_one_go(env: TokenEnv, token: Token) -> None:
    pdf = scan(20)
    signer = token.signer(_cert(token, "valid"))
    signed = sign_pdf(pdf, signer)
    (status,) = _validate(signed, env)
    assert status.intact and status.valid
    # The signer's next signatures reuse the room its first one needed.
    again = sign_pdf(scan(1), signer)
    (status,) = _validate(again, env)
    assert status.intact and status.valid
    with pikepdf.open(io.BytesIO(signed)) as doc:
        assert len(doc.pages) == 20


def test_the_module_path_is_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: TokenEnv
) -> None:
    monkeypatch.delenv("COUNTER_APP_PKCS11_MODULE", raising=False)
    with pytest.raises(UserError, match="No token driver"):
        module_path("")
    with pytest.raises(UserError, match="was not found"):
        module_path(str(tmp_path / "vnpt-ca.dll"))
    assert module_path(str(env.module)) == env.module
    monkeypatch.setenv("COUNTER_APP_PKCS11_MODULE", str(env.module))
    assert module_path(str(tmp_path / "other.so")) == env.module
