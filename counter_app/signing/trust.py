"""Trust anchors as configuration.

The province installs the root certificates it trusts (the national root of
NEAC, the Government CA's root, ...) as files in one folder; nothing is
compiled in, so a root that changes is a file copied by IT staff, and the tests
point the same code at their own test root. The folder is $COUNTER_APP_TRUST_DIR
if set, else ``<data_dir>/trust/``. docs/signatures.md says where the roots are
published.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pem, x509
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.fetchers.aiohttp_fetchers import AIOHttpFetcherBackend
from pyhanko_certvalidator.fetchers.api import OwnedFetcherBackend

TRUST_DIR_ENV = "COUNTER_APP_TRUST_DIR"
# What CAs publish roots as: DER or PEM, under any of these names.
CERT_SUFFIXES = (".crt", ".cer", ".pem", ".der")
# An OCSP responder or CRL server silent this long counts as unreachable.
FETCH_TIMEOUT_S = 10.0


def trust_dir(data_dir: str | Path) -> Path:
    """Where the desk's trusted roots live; the environment wins over the data folder."""
    configured = os.environ.get(TRUST_DIR_ENV, "").strip()
    return Path(configured).expanduser() if configured else Path(data_dir) / "trust"


@dataclass(frozen=True)
class TrustAnchors:
    """The roots read from the folder and the files that could not be read."""

    roots: tuple[x509.Certificate, ...]
    unreadable: tuple[Path, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.roots


def read_certificates(data: bytes) -> list[x509.Certificate]:
    """Every certificate in a DER file or a PEM file (a PEM bundle may hold several)."""
    if pem.detect(data):
        return [
            x509.Certificate.load(der)
            for kind, _headers, der in pem.unarmor(data, multiple=True)
            if kind == "CERTIFICATE"
        ]
    cert = x509.Certificate.load(data)
    # asn1crypto parses lazily: touch the structure so a broken file fails here.
    cert.native  # noqa: B018
    return [cert]


def load_trust_anchors(folder: str | Path) -> TrustAnchors:
    """Read the roots in ``folder``; a missing folder means no roots, not an error.

    A file that is not a certificate is reported, not fatal: one bad download
    must not stop the desk verifying signatures that chain to the other roots.
    """
    folder = Path(folder)
    roots: dict[bytes, x509.Certificate] = {}
    unreadable: list[Path] = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in CERT_SUFFIXES or not path.is_file():
                continue
            try:
                certs = read_certificates(path.read_bytes())
            except (OSError, ValueError, TypeError):
                unreadable.append(path)
                continue
            if not certs:
                unreadable.append(path)
            for cert in certs:
                # The same root published twice (DER and PEM) counts once.
                roots[cert.sha256] = cert
    return TrustAnchors(tuple(roots.values()), tuple(unreadable))


def validation_context(
    anchors: TrustAnchors | Sequence[x509.Certificate],
    *,
    online: bool,
    require_revocation: bool = False,
    other_certs: Sequence[x509.Certificate] = (),
    timeout_s: float = FETCH_TIMEOUT_S,
) -> ValidationContext:
    """A pyHanko ValidationContext trusting exactly these roots.

    ``online`` lets pyHanko fetch OCSP responses, CRLs and missing issuers;
    offline it checks only what the PDF carries. ``require_revocation`` turns
    an unreachable revocation source into a failure instead of a pass, which is
    what extending to B-LT needs: embedding "could not ask" is worthless.
    """
    roots = list(anchors.roots if isinstance(anchors, TrustAnchors) else anchors)
    # Soft-fail otherwise: a signature is not broken because the desk is cut off.
    mode = "hard-fail" if require_revocation else "soft-fail"
    return ValidationContext(
        trust_roots=roots,
        other_certs=list(other_certs),
        allow_fetching=online,
        revocation_mode=mode,
        # Owned: the context's aclose() releases the HTTP session with it.
        fetcher_backend=OwnedFetcherBackend(AIOHttpFetcherBackend(per_request_timeout=timeout_s)),
    )


def desk_validation_context(data_dir: str | Path, *, online: bool) -> ValidationContext:
    """The desk's context: its installed roots, fetching on when it is linked."""
    return validation_context(load_trust_anchors(trust_dir(data_dir)), online=online)
