"""The result's electronic copy and its signatures (Decree 118/2025 Art.
22(1): results are signed digitally and returned on paper and
electronically).

Two ways a signed result reaches the return: the deciding authority signed
it elsewhere and the official imports the PDF, or the authority's signer
signs it at the desk (4 tại chỗ) with their own token. Either way the PDF
is stored by the return itself (StepRequest.result_copy); this module holds
the rules around it: what an imported PDF's signatures allow, and the audit
entry naming the signer of a result signed at the desk.
"""

from __future__ import annotations

import hashlib
import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.models import Dossier
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.signing import ltv
from counter_app.signing.sign import VIETNAM, Placement
from counter_app.signing.token import CertificateInfo
from counter_app.signing.trust import TrustAnchors
from counter_app.signing.verify import SignatureReport, Verdict

log = logging.getLogger(__name__)
_CTX = "ResultSigning"
# Not the file as its signer left it: the signed bytes do not match, or the
# file was changed in ways a signature does not allow after it.
_NOT_AS_SIGNED = frozenset({Verdict.BROKEN, Verdict.CHANGED})
RESULT_REASON = "Ký kết quả giải quyết TTHC"


def refuse_altered(name: str, reports: list[SignatureReport]) -> None:
    """An imported result whose signature no longer matches its bytes is
    refused: it is not the document the authority signed. An unsigned or an
    untrusted one is taken (a scan of the signed paper carries no signature;
    the province may not have installed that CA's root): the window warns."""
    altered = [r for r in reports if r.verdict in _NOT_AS_SIGNED]
    if altered:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "ResultSigning",
                    "“{name}” was changed after {signer} signed it: it is not the document "
                    "the authority issued. Ask the authority for the file as issued, or scan "
                    "the signed paper result instead.",
                ),
                {"name": name, "signer": altered[0].signer},
            )
        )


def refuse_revoked(pdf: bytes, anchors: TrustAnchors, holder: str) -> None:
    """A result just signed at the desk with a certificate its CA has revoked
    is refused, when the CA can be asked now. Offline or with no roots
    installed the status stays unknown and the signature is kept: the desk
    signs offline (PAdES B-B) and the status is shown where it is checked."""
    if anchors.empty:
        return
    try:
        statuses = ltv.revocation_status(pdf, anchors, online=True)
    except Exception:  # noqa: BLE001 - a CA that cannot be asked leaves it unknown
        log.info("Revocation status of a result's signer not read", exc_info=True)
        return
    last = statuses[-1] if statuses else None
    if last is not None and last.status is ltv.Revocation.REVOKED:
        day = last.revoked_on.astimezone(VIETNAM).strftime("%d/%m/%Y") if last.revoked_on else "?"
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "ResultSigning",
                    "The certificate of {holder} was revoked by its CA on {day}; the result was "
                    "not signed. Sign with a valid certificate.",
                ),
                {"holder": holder, "day": day},
            )
        )


def placement(ctx: ServiceContext) -> Placement:
    """How a result is signed at the desk: invisible (a result's layout is the
    authority's), with its reason and the agency's name as the place."""
    with ctx.sessions() as session:
        agency = counter_identity(session).agency_name
    # Written into the signed document, which is Vietnamese whatever the window's language.
    return Placement(reason=RESULT_REASON, location=agency)


def record_signed(
    ctx: ServiceContext, actor: Actor, code: str, pdf: bytes, cert: CertificateInfo
) -> None:
    """The audit entry of a result signed at the desk: who signed, with which
    certificate, which file (the return then stores that same file)."""

    def write(session: Session) -> None:
        acting_user(session, actor)
        if session.scalar(select(Dossier.id).where(Dossier.code == code)) is None:
            raise UserError(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP("ResultSigning", "Dossier {code} is not held here."),
                    {"code": code},
                )
            )
        audit.log_event(
            session,
            ctx,
            actor.username,
            "result.signed",
            code,
            {
                "sha256": hashlib.sha256(pdf).hexdigest(),
                "signer": cert.holder,
                "serial": cert.serial,
                "fingerprint": cert.fingerprint,
            },
        )

    ctx.sessions.write(write)
