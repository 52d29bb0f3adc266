"""What a PDF's signatures say: who signed, when, through which certificate
chain, and whether the document is as it was signed.

Trust anchors are configuration: the root certificates a province installs
(the national root and the government CA's) in a folder, ``COUNTER_APP_TRUST_DIR``
or ``<data folder>/trust/``, read by the trust configuration (signing/trust.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from io import BytesIO
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.signing import trust
from counter_app.signing.token import refused

log = logging.getLogger(__name__)


class Verdict(Enum):
    GOOD = "good"  # intact, whole, chain to an installed root
    UNTRUSTED = "untrusted"  # intact, but no installed root vouches for it
    CHANGED = "changed"  # intact as signed, but the file was changed afterwards
    BROKEN = "broken"  # the signed bytes or the signature itself do not check


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer: str
    signed_at: datetime | None
    chain: list[str] = field(default_factory=list)  # signer first, root last
    intact: bool = False
    trusted: bool = False
    changed_after: bool = False
    verdict: Verdict = Verdict.BROKEN


def trust_anchors(folder: Path) -> list[asn1_x509.Certificate]:
    """The root certificates in ``folder`` (signing/trust.py reads them)."""
    return list(trust.load_trust_anchors(folder).roots)


def _cn(cert: asn1_x509.Certificate) -> str:
    names = cert.subject.native
    return str(names.get("common_name") or cert.subject.human_friendly)


def _chain(status: object, sig: object) -> list[str]:
    """The validated path; else the chain the signature itself carries (issuer
    by issuer), so an untrusted signature still shows where it leads."""
    path = getattr(status, "validation_path", None)
    if path is not None:
        return [_cn(c) for c in reversed(list(path.iter_certs(include_root=True)))]
    carried = [
        c.chosen
        for c in sig.signed_data["certificates"]  # type: ignore[attr-defined]
        if c.name == "certificate"
    ]
    cert = sig.signer_cert  # type: ignore[attr-defined]
    chain = [cert]
    while cert.issuer != cert.subject and len(chain) < 10:
        issuer = next((c for c in carried if c.subject == cert.issuer), None)
        if issuer is None or issuer in chain:
            break
        chain.append(issuer)
        cert = issuer
    return [_cn(c) for c in chain]


def verify_pdf(pdf: bytes, anchors: list[asn1_x509.Certificate]) -> list[SignatureReport]:
    """Every signature of ``pdf``, oldest first; offline (no fetching)."""
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError):
        raise refused(
            QT_TRANSLATE_NOOP(
                "Signing",
                "The file is not a PDF that can be read; its signatures cannot be checked.",
            )
        ) from None
    reports = []
    for sig in signatures:
        context = ValidationContext(trust_roots=anchors, allow_fetching=False)
        signer_cert = sig.signer_cert
        try:
            status = validate_pdf_signature(sig, context)
        except Exception:  # noqa: BLE001 - a malformed signature is a broken one, said so
            log.info("Signature %s could not be validated", sig.field_name, exc_info=True)
            reports.append(SignatureReport(sig.field_name, _cn(signer_cert), None))
            continue
        level = status.modification_level
        changed = status.coverage != SignatureCoverageLevel.ENTIRE_FILE and (
            level is None or level > ModificationLevel.FORM_FILLING
        )
        intact = bool(status.intact and status.valid)
        if not intact:
            verdict = Verdict.BROKEN
        elif changed:
            verdict = Verdict.CHANGED
        elif not status.trusted:
            verdict = Verdict.UNTRUSTED
        else:
            verdict = Verdict.GOOD
        reports.append(
            SignatureReport(
                field_name=sig.field_name,
                signer=_cn(signer_cert),
                signed_at=status.signer_reported_dt,
                chain=_chain(status, sig),
                intact=intact,
                trusted=bool(status.trusted),
                changed_after=changed,
                verdict=verdict,
            )
        )
    return reports
