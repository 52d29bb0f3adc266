"""B-B signatures extended to B-LT against the live test PKI on loopback, the
revocation status a desk shows, and the offline case: nothing changes, and the
queued PDF is extended once the servers are back."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from io import BytesIO

import img2pdf
import pytest
from PIL import Image
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from counter_app import i18n
from counter_app.signing import ltv
from counter_app.signing.ltv import Extension, LtvSources, Revocation
from tests.signing.pki import fixtures
from tests.signing.pki.server import ARCH, TestPki

# The session's PKI (a conftest importing it for the folder would do the same).
test_pki = fixtures.test_pki


@pytest.fixture(scope="module")
def page() -> bytes:
    image = BytesIO()
    Image.new("L", (40, 40), 255).save(image, "PNG")
    return img2pdf.convert(image.getvalue())


def sign_b_b(pki: TestPki, label: str, pdf: bytes) -> bytes:
    """What signing-core's signer produces offline: PAdES B-B, nothing fetched."""
    meta = signers.PdfSignatureMetadata(field_name="Signature1", subfilter=SigSeedSubFilter.PADES)
    out = signers.sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf)), meta, signer=pki.signer(label))
    return out.getvalue()


def sources(pki: TestPki, **overrides) -> LtvSources:
    return LtvSources(
        **{"tsa_url": pki.tsa_url, "anchors": [pki.root()], "timeout_s": 3.0, **overrides}
    )


def unchanged(result: ltv.ExtensionResult, signed: bytes) -> Extension:
    """The status of an extension that must have left the signed bytes as they were."""
    assert result.pdf == signed, result.status
    return result.status


def day(moment: datetime | None) -> str:
    assert moment is not None
    return f"{moment.astimezone():%d/%m/%Y}"


def reader(pdf: bytes) -> PdfFileReader:
    return PdfFileReader(BytesIO(pdf))


def test_valid_official_b_b_is_extended_to_b_lt_and_validates_from_the_file_alone(
    test_pki: TestPki, page: bytes
) -> None:
    signed = sign_b_b(test_pki, "official", page)
    assert not ltv.is_extended(signed)
    assert "/DSS" not in reader(signed).root
    # Offline, a B-B file says nothing about revocation.
    [before] = ltv.revocation_status(signed, [test_pki.root()], online=False)
    assert before.status is Revocation.UNKNOWN
    # Online, the Government CA's OCSP responder says it is good.
    [asked] = ltv.revocation_status(signed, [test_pki.root()], online=True)
    assert asked.status is Revocation.GOOD, asked.detail

    result = ltv.extend(signed, sources(test_pki))

    assert result.status is Extension.EXTENDED, result.detail
    assert result.pdf.startswith(signed)  # incremental: the signed bytes are intact
    assert ltv.is_extended(result.pdf)
    assert result.when is not None
    assert abs((datetime.now(UTC) - result.when).total_seconds()) < 120
    extended = reader(result.pdf)
    signature, stamp = extended.embedded_signatures
    assert stamp.sig_object_type == "/DocTimeStamp"
    dss = DocumentSecurityStore.read_dss(extended)
    assert dss.ocsps and dss.crls

    # The timestamp is pyHanko-valid against the test root.
    ts_status = validate_pdf_timestamp(
        stamp, validation_context=ValidationContext(trust_roots=[test_pki.root()])
    )
    assert ts_status.valid and ts_status.trusted
    # And the signature validates with revocation data required and no network:
    # everything needed is embedded.
    offline = dss.as_validation_context(
        {
            "trust_roots": [test_pki.root()],
            "allow_fetching": False,
            "revocation_mode": "require",
            "retroactive_revinfo": True,
        }
    )
    sig_status = validate_pdf_signature(signature, offline)
    assert sig_status.bottom_line, sig_status.pretty_print_details()
    assert sig_status.modification_level is not None

    [after] = ltv.revocation_status(result.pdf, [test_pki.root()], online=False)
    assert after.status is Revocation.GOOD, after.detail
    assert after.checked_at == result.when
    assert "Nguyen Van An" in after.signer

    again = ltv.extend(result.pdf, sources(test_pki))
    assert again.status is Extension.ALREADY and again.pdf == result.pdf


def test_revoked_official_is_reported_revoked_with_the_date(test_pki: TestPki, page: bytes) -> None:
    signed = sign_b_b(test_pki, "official-revoked", page)

    [status] = ltv.revocation_status(signed, [test_pki.root()], online=True)
    assert status.status is Revocation.REVOKED
    assert status.revoked_on == datetime(2025, 6, 1, tzinfo=UTC)
    assert f"ngày {day(status.revoked_on)}" in i18n.render(status.message())

    result = ltv.extend(signed, sources(test_pki))
    assert unchanged(result, signed) is Extension.REVOKED
    assert result.when == datetime(2025, 6, 1, tzinfo=UTC)
    assert f"thu hồi ngày {day(result.when)}" in i18n.render(result.message())


def test_expired_official_is_refused_extension_with_the_date(
    test_pki: TestPki, page: bytes
) -> None:
    # pyHanko's SimpleSigner signs with whatever it holds; the refusal before
    # signing belongs to the signing step. Here: the desk never extends it.
    signed = sign_b_b(test_pki, "official-expired", page)

    result = ltv.extend(signed, sources(test_pki))

    assert unchanged(result, signed) is Extension.EXPIRED
    assert result.when == datetime(2023, 1, 1, tzinfo=UTC)
    assert f"hết hạn ngày {day(result.when)}" in i18n.render(result.message())


def test_untrusted_root_is_not_extended(test_pki: TestPki, page: bytes) -> None:
    signed = sign_b_b(test_pki, "official", page)
    # The Government CA alone is no root the desk installed.
    result = ltv.extend(signed, sources(test_pki, anchors=[test_pki.cert("tsa")]))
    assert unchanged(result, signed) is Extension.UNTRUSTED


def test_offline_leaves_the_pdf_unchanged_then_extends_once_the_servers_are_back(
    test_pki: TestPki, page: bytes
) -> None:
    signed = sign_b_b(test_pki, "official", page)
    other = sign_b_b(test_pki, "official", page + b"\n")
    queued = [(hashlib.sha256(p).hexdigest(), p) for p in (signed, other)]

    with test_pki.stopped():
        result = ltv.extend(signed, sources(test_pki))
        assert unchanged(result, signed) is Extension.PENDING
        assert i18n.render(result.message()).startswith("Chưa gia hạn")
        offline_round = ltv.extend_pending(queued, sources(test_pki))
        # Both stay queued; the first failure ended the round.
        assert offline_round.pending == [sha for sha, _ in queued]
        assert offline_round.extended == [] and offline_round.settled == {}
        [status] = ltv.revocation_status(signed, [test_pki.root()], online=True)
        assert status.status is Revocation.UNKNOWN

    back = ltv.extend_pending(queued, sources(test_pki))

    assert back.pending == [] and back.settled == {}
    assert [e.sha256 for e in back.extended] == [sha for sha, _ in queued]
    for item in back.extended:
        assert item.new_sha256 == hashlib.sha256(item.pdf).hexdigest() != item.sha256
        assert ltv.is_extended(item.pdf)


def test_unreachable_timestamp_server_changes_nothing(test_pki: TestPki, page: bytes) -> None:
    # OCSP and CRLs answer, the TSA does not: the validation data fetched in
    # memory must not leak out as a half-extended file.
    signed = sign_b_b(test_pki, "official", page)
    with_dead_tsa = sources(test_pki, tsa_url="http://127.0.0.1:9/tsa")

    assert unchanged(ltv.extend(signed, with_dead_tsa), signed) is Extension.PENDING


def test_unreachable_revocation_sources_are_not_extended_without_revocation_data(
    test_pki: TestPki, page: bytes
) -> None:
    # The timestamp authority answers, the OCSP responder and CRLs do not: a
    # B-LT saying "could not ask" would be worthless, so nothing is written.
    signed = sign_b_b(test_pki, "official", page)
    with test_pki.stopped(), test_pki.mirror() as elsewhere:
        result = ltv.extend(signed, sources(test_pki, tsa_url=f"{elsewhere}/{ARCH}/tsa/tsa"))
    assert unchanged(result, signed) is Extension.PENDING, result.detail


def test_a_pdf_without_signature_is_not_extended(test_pki: TestPki, page: bytes) -> None:
    assert unchanged(ltv.extend(page, sources(test_pki)), page) is Extension.UNSIGNED
    round_ = ltv.extend_pending([("ab" * 32, page)], sources(test_pki))
    assert list(round_.settled) == ["ab" * 32]
    assert ltv.extend(b"not a pdf", sources(test_pki)).status is Extension.UNSIGNED
