"""A form the desk issues, signed with the official's token when they choose
(issue 21 point 1; Circular 01/2018/TT-VPCP Art. 9-10: forms 01-06 are made
for electronic use, "được ký số").

The visible signature block goes where the form's own signature place for the
official was drawn (paper/places.py). The signed PDF is the dossier's
electronic form: a paper row of role ``form`` and origin ``issued``, recorded
in the unit of work of the print job or the step it came with, so sync,
backups and the file check carry it as any copy. A receipt's paper print
names the signed copy by its SHA-256 in its QR code (point 4); the signed
copy itself cannot hold its own hash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.papers import Origin, PaperData, PaperRole, SignedBy
from counter_app.files.store import Blob
from counter_app.models import DigitisedPaper, Dossier
from counter_app.paper import FormKind, form_set_for, load_form_set
from counter_app.paper.places import place_of
from counter_app.services import paper_records
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.dossiers import load_dossier
from counter_app.services.paper_records import NewCopy, PaperInfo
from counter_app.services.signatures import SigningSession
from counter_app.signing.sign import Box, Placement


@dataclass(frozen=True)
class SignedForm:
    """A form's signed PDF and the certificate it was signed with."""

    pdf: bytes
    signed_by: SignedBy


# Signs a form's PDF where the placement says; raises (and signs nothing) when
# the token refuses. Called on the thread that owns the token.
FormSigner = Callable[[bytes, Placement], SignedForm]


def token_signer(session: SigningSession) -> FormSigner:
    """Sign with the window's token session (on its token worker)."""

    def sign(pdf: bytes, placement: Placement) -> SignedForm:
        signed = session.sign(pdf, placement)
        cert = session.chosen
        assert cert is not None  # sign() chose one or refused
        return SignedForm(signed, SignedBy(cert.holder, cert.serial, cert.fingerprint))

    return sign


@dataclass(frozen=True)
class StoredForm:
    """A signed form whose file is in the store, waiting for its row."""

    kind: FormKind
    signed: SignedForm
    blob: Blob
    pages: int

    @property
    def sha256(self) -> str:
        return self.blob.sha256


def _names(d: Dossier, kind: FormKind) -> tuple[str, str]:
    """The form's number ("01") and its name, in the set the dossier prints with."""
    spec = load_form_set(form_set_for(d.received_at.date())).form(kind)
    return spec.number.split()[-1], spec.title.capitalize()


def sign_form(
    ctx: ServiceContext, sign: FormSigner, code: str, kind: FormKind, pdf: bytes
) -> StoredForm:
    """``pdf`` signed at its official's signature place and its file stored.

    The file goes to the store first (a row never names a file the store
    lacks); its row is written with the print (:func:`record_form`).
    """
    with ctx.sessions() as session:
        d = load_dossier(session, code)
        _number, name = _names(d, kind)
        location = counter_identity(session).place
    place = place_of(pdf)
    # A form with no place drawn (a control slip with no hand-over yet) is
    # signed all the same, without a block on the paper.
    box = None if place is None else Box(place.page, place.x1, place.y1, place.x2, place.y2)
    signed = sign(pdf, Placement(reason=name, location=location, box=box))
    pages = paper_records.checked_pdf(signed.pdf)
    blob = paper_records.store_of(ctx).put_bytes(signed.pdf)
    return StoredForm(kind, signed, blob, pages)


def record_form(
    session: Session, ctx: ServiceContext, actor: Actor, d: Dossier, stored: StoredForm
) -> PaperInfo:
    """The signed form's row, in the caller's unit of work (the print job's, the step's)."""
    number, name = _names(d, stored.kind)
    # "BM.01": a form of the set, never a type of paper a citizen hands in.
    data = PaperData(doc_type_code=f"BM.{number}", document_name=name)
    new = NewCopy(
        d.code, b"", data, Origin.ISSUED, PaperRole.FORM, signed_by=stored.signed.signed_by
    )
    return paper_records.record(session, ctx, actor, d, new, data, stored.blob, stored.pages)


def signed_form(ctx: ServiceContext, code: str, sha256: str) -> PaperInfo | None:
    """The signed form of dossier ``code`` whose file has ``sha256`` (a printed
    receipt's QR names it), or None when none is held here."""
    with ctx.sessions() as session:
        d = load_dossier(session, code)
        row = session.scalar(
            select(DigitisedPaper).where(
                DigitisedPaper.dossier_id == d.id,
                DigitisedPaper.role == PaperRole.FORM.value,
                DigitisedPaper.sha256 == sha256.lower(),
                DigitisedPaper.removed_at.is_(None),
            )
        )
        return None if row is None else paper_records.info_of(row, d.code)
