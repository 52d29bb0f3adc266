"""Long-term validation: extending a B-B signature to B-T/B-LT, and revocation status.

A desk signs offline (PAdES B-B: the signature and the chain, nothing else).
When a timestamp server and the CAs' OCSP/CRL sources answer, `extend` adds
the validation data of the signature to the document security store (DSS)
and then a document timestamp with the timestamp authority's own validation
data. The signature can then be checked years later, after the official's
certificate has expired, from what the PDF carries.

Extension is all or nothing: every step works on bytes in memory and the
caller gets new bytes only when all of them succeeded. Offline (or a source
not answering) the result is PENDING ("chưa gia hạn") with the input bytes
untouched, and the sync round retries through `extend_pending`.
"""

from __future__ import annotations

import asyncio
import enum
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from typing import Any

import aiohttp
from asn1crypto import x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers import PdfTimeStamper
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.validation import EmbeddedPdfSignature, async_validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore, async_add_validation_info
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import (
    ExpiredError,
    InsufficientRevinfoError,
    NotYetValidError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
)

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.signing.trust import TrustAnchors, validation_context

CTX = "SignatureLtv"
DIGEST = "sha256"
# A timestamp server that has not answered in this long is treated as offline.
DEFAULT_TIMEOUT_S = 10.0

# What "could not reach a source" looks like from pyHanko and aiohttp.
_NETWORK_ERRORS = (
    TimestampRequestError,
    InsufficientRevinfoError,
    aiohttp.ClientError,
    asyncio.TimeoutError,
    OSError,
)


class Extension(enum.Enum):
    EXTENDED = "extended"
    ALREADY = "already"
    PENDING = "pending"  # chưa gia hạn: nothing changed, retry when linked
    REVOKED = "revoked"
    EXPIRED = "expired"
    UNTRUSTED = "untrusted"
    UNSIGNED = "unsigned"

    @property
    def retry(self) -> bool:
        """Worth trying again later: only the link was missing."""
        return self is Extension.PENDING


@dataclass(frozen=True)
class LtvSources:
    """Where a desk gets trusted time and revocation data, and which roots it trusts."""

    tsa_url: str
    anchors: TrustAnchors | Sequence[x509.Certificate]
    timeout_s: float = DEFAULT_TIMEOUT_S

    def context(self) -> ValidationContext:
        # A fresh context per document: what it fetched belongs to that document.
        return validation_context(
            self.anchors, online=True, require_revocation=True, timeout_s=self.timeout_s
        )


@dataclass(frozen=True)
class ExtensionResult:
    status: Extension
    pdf: bytes  # the extended PDF, or the input unchanged
    when: datetime | None = None  # the document timestamp, or the revocation/expiry date
    detail: str = ""  # pyHanko's own words, for the log and IT staff

    @property
    def changed(self) -> bool:
        return self.status is Extension.EXTENDED

    def message(self) -> Message:
        return _extension_message(self.status, self.when)


def _when(moment: datetime | None) -> str:
    return f"{moment.astimezone():%H:%M %d/%m/%Y}" if moment else ""


def _day(moment: datetime | None) -> str:
    return f"{moment.astimezone():%d/%m/%Y}" if moment else ""


def _extension_message(status: Extension, when: datetime | None) -> Message:
    texts = {
        Extension.EXTENDED: QT_TRANSLATE_NOOP(
            "SignatureLtv",
            "Extended: timestamped at {when}, with the revocation data embedded (PAdES B-LT).",
        ),
        Extension.ALREADY: QT_TRANSLATE_NOOP("SignatureLtv", "Already extended (PAdES B-LT)."),
        Extension.PENDING: QT_TRANSLATE_NOOP(
            "SignatureLtv",
            "Not extended yet: the timestamp server or the revocation sources cannot be "
            "reached. It will be retried when the connection returns.",
        ),
        Extension.REVOKED: QT_TRANSLATE_NOOP(
            "SignatureLtv",
            "The signer's certificate was revoked on {day}; the signature cannot be extended.",
        ),
        Extension.EXPIRED: QT_TRANSLATE_NOOP(
            "SignatureLtv",
            "The signer's certificate expired on {day}; the signature cannot be extended.",
        ),
        Extension.UNTRUSTED: QT_TRANSLATE_NOOP(
            "SignatureLtv",
            "The signer's certificate does not lead to an installed root certificate; "
            "the signature cannot be extended.",
        ),
        Extension.UNSIGNED: QT_TRANSLATE_NOOP(
            "SignatureLtv", "The file carries no signature to extend."
        ),
    }
    return Message(CTX, texts[status], {"when": _when(when), "day": _day(when)})


def _reader(pdf: bytes) -> PdfFileReader:
    return PdfFileReader(BytesIO(pdf), strict=False)


def _signatures(reader: PdfFileReader) -> list[EmbeddedPdfSignature]:
    return [s for s in reader.embedded_signatures if s.sig_object_type == "/Sig"]


def _document_timestamps(reader: PdfFileReader) -> list[EmbeddedPdfSignature]:
    return [s for s in reader.embedded_signatures if s.sig_object_type == "/DocTimeStamp"]


def _has_dss(reader: PdfFileReader) -> bool:
    return "/DSS" in reader.root


def is_extended(pdf: bytes) -> bool:
    """B-LT already: a DSS and a document timestamp after the last signature."""
    reader = _reader(pdf)
    signatures = _signatures(reader)
    stamps = _document_timestamps(reader)
    if not signatures or not stamps or not _has_dss(reader):
        return False
    last_signed = max(s.signed_revision for s in signatures)
    return any(t.signed_revision > last_signed for t in stamps)


async def _extend(pdf: bytes, sources: LtvSources, context: ValidationContext) -> bytes:
    # The validation data of each signature first (one incremental update
    # each), then a document timestamp over all of it; pyHanko adds the TSA's
    # own validation data after the timestamp.
    data = pdf
    for index in range(len(_signatures(_reader(pdf)))):
        signature = _signatures(_reader(data))[index]
        out = await async_add_validation_info(signature, context, output=BytesIO())
        data = out.getvalue()
    stamper = PdfTimeStamper(HTTPTimeStamper(sources.tsa_url, timeout=sources.timeout_s))
    out = await stamper.async_timestamp_pdf(
        IncrementalPdfFileWriter(BytesIO(data), strict=False),
        DIGEST,
        validation_context=context,
        output=BytesIO(),
    )
    extended: bytes = out.getvalue()
    return extended


async def _run(pdf: bytes, sources: LtvSources) -> bytes:
    context = sources.context()
    try:
        return await _extend(pdf, sources, context)
    finally:
        await context.aclose()  # type: ignore[no-untyped-call]


def extend(pdf: bytes, sources: LtvSources) -> ExtensionResult:
    """Extend every signature of ``pdf`` to B-LT, or say why not (``pdf`` unchanged).

    Runs its own event loop: call it from a worker thread, never from a
    coroutine.
    """
    try:
        reader = _reader(pdf)
        signatures = _signatures(reader)
    except (PdfReadError, ValueError) as exc:
        return ExtensionResult(Extension.UNSIGNED, pdf, detail=str(exc))
    if not signatures:
        return ExtensionResult(Extension.UNSIGNED, pdf)
    if is_extended(pdf):
        return ExtensionResult(Extension.ALREADY, pdf)
    try:
        extended = asyncio.run(_run(pdf, sources))
    except RevokedError as exc:
        return ExtensionResult(Extension.REVOKED, pdf, _revocation_date(exc), str(exc))
    except (ExpiredError, NotYetValidError) as exc:
        return ExtensionResult(Extension.EXPIRED, pdf, _expiry(signatures), str(exc))
    except _NETWORK_ERRORS as exc:
        return ExtensionResult(Extension.PENDING, pdf, detail=f"{type(exc).__name__}: {exc}")
    except (PathBuildingError, PathValidationError) as exc:
        return ExtensionResult(Extension.UNTRUSTED, pdf, detail=str(exc))
    except SigningError as exc:
        # pyHanko wraps a failed timestamp request in a signing error.
        if isinstance(exc.__cause__, _NETWORK_ERRORS):
            return ExtensionResult(Extension.PENDING, pdf, detail=str(exc))
        raise
    stamp = _document_timestamps(_reader(extended))[-1]
    return ExtensionResult(Extension.EXTENDED, extended, _timestamp_time(stamp))


def _revocation_date(exc: RevokedError) -> datetime | None:
    return exc.revocation_dt


def _expiry(signatures: list[EmbeddedPdfSignature]) -> datetime | None:
    expiry: datetime = signatures[0].signer_cert.not_valid_after
    return expiry


def _timestamp_time(stamp: EmbeddedPdfSignature) -> datetime | None:
    token = stamp.signed_data["encap_content_info"]["content"].parsed
    gen_time: datetime = token["gen_time"].native
    return gen_time


@dataclass(frozen=True)
class Extended:
    """One queued PDF that is now B-LT: the caller stores ``pdf`` (a new sha256)."""

    sha256: str  # of the bytes the caller queued
    new_sha256: str
    pdf: bytes


@dataclass
class PendingRound:
    """What one round of `extend_pending` did."""

    extended: list[Extended] = field(default_factory=list)
    # Not extendable ever (revoked, expired, untrusted, unsigned, already B-LT):
    # the caller takes them off the queue.
    settled: dict[str, ExtensionResult] = field(default_factory=dict)
    # Still queued: the link went down, or was never up.
    pending: list[str] = field(default_factory=list)


def extend_pending(items: Iterable[tuple[str, bytes]], sources: LtvSources) -> PendingRound:
    """Try to extend each queued (sha256, pdf bytes); the sync round calls this.

    The first PDF that finds the sources unreachable ends the round: the
    others would wait out the same timeout each, and they stay queued.
    """
    done = PendingRound()
    queue = list(items)
    for position, (sha256, pdf) in enumerate(queue):
        result = extend(pdf, sources)
        if result.status is Extension.EXTENDED:
            new = hashlib.sha256(result.pdf).hexdigest()
            done.extended.append(Extended(sha256, new, result.pdf))
        elif result.status.retry:
            done.pending.extend(s for s, _ in queue[position:])
            break
        else:
            done.settled[sha256] = result
    return done


# --- verification helpers ---------------------------------------------------


class Revocation(enum.Enum):
    GOOD = "good"
    REVOKED = "revoked"
    UNKNOWN = "unknown"  # offline and the PDF carries no revocation data


@dataclass(frozen=True)
class RevocationStatus:
    status: Revocation
    signer: str  # the certificate's subject, as the CA wrote it
    revoked_on: datetime | None = None
    # The moment the status holds for: the document timestamp if there is one.
    checked_at: datetime | None = None
    detail: str = ""

    def message(self) -> Message:
        texts = {
            Revocation.GOOD: QT_TRANSLATE_NOOP("SignatureLtv", "Certificate not revoked."),
            Revocation.REVOKED: QT_TRANSLATE_NOOP("SignatureLtv", "Certificate revoked on {day}."),
            Revocation.UNKNOWN: QT_TRANSLATE_NOOP(
                "SignatureLtv",
                "Revocation status unknown: no connection and no revocation data in the file.",
            ),
        }
        return Message(CTX, texts[self.status], {"day": _day(self.revoked_on)})


def _covering_timestamp(
    reader: PdfFileReader, signature: EmbeddedPdfSignature
) -> EmbeddedPdfSignature | None:
    later = [
        t for t in _document_timestamps(reader) if t.signed_revision > signature.signed_revision
    ]
    return min(later, key=lambda t: t.signed_revision) if later else None


async def _status_of(
    reader: PdfFileReader,
    signature: EmbeddedPdfSignature,
    anchors: TrustAnchors | Sequence[x509.Certificate],
    online: bool,
) -> RevocationStatus:
    roots = list(anchors.roots if isinstance(anchors, TrustAnchors) else anchors)
    stamp = _covering_timestamp(reader, signature)
    moment = _timestamp_time(stamp) if stamp is not None else None
    kwargs: dict[str, Any] = {
        "trust_roots": roots,
        "allow_fetching": online,
        # "Good" must mean someone said so: no data is UNKNOWN, never GOOD.
        "revocation_mode": "require",
        # The embedded responses date from the extension, just after the
        # timestamp: they speak for the timestamp's moment.
        "retroactive_revinfo": True,
    }
    if moment is not None:
        kwargs["moment"] = moment
    dss = DocumentSecurityStore.read_dss(reader) if _has_dss(reader) else None
    if dss is not None:
        context = dss.as_validation_context(kwargs)
    else:
        if not online:
            # Nothing embedded, nothing fetched: pyHanko wants that said outright.
            kwargs.update(crls=[], ocsps=[])
        context = ValidationContext(**kwargs)
    signer = signature.signer_cert.subject.human_friendly
    try:
        result = await async_validate_pdf_signature(
            signature, signer_validation_context=context, skip_diff=True
        )
    finally:
        await context.aclose()  # type: ignore[no-untyped-call]
    if result.revocation_details is not None:
        return RevocationStatus(
            Revocation.REVOKED, signer, result.revocation_details.revocation_date, moment
        )
    if result.trusted:
        return RevocationStatus(Revocation.GOOD, signer, None, moment)
    detail = getattr(result, "trust_problem_indic", "") or ""
    return RevocationStatus(Revocation.UNKNOWN, signer, None, moment, str(detail))


def revocation_status(
    pdf: bytes, anchors: TrustAnchors | Sequence[x509.Certificate], *, online: bool
) -> list[RevocationStatus]:
    """The revocation status of each signature's certificate, in signing order.

    Uses the revocation data the PDF carries (B-LT) and, when ``online``, what
    the CAs' OCSP responders and CRLs say now.
    """
    reader = _reader(pdf)

    async def all_of() -> list[RevocationStatus]:
        return [await _status_of(reader, s, anchors, online) for s in _signatures(reader)]

    return asyncio.run(all_of())
