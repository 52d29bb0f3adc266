"""The official's digital signature at the desk (Decree 118/2025 Art.
17(1)(c): each electronic copy made at reception is signed with the
receiving official's personal digital signature).

``SigningSession`` is the window's hold on the token: the PIN is asked once
per session and kept in memory only; the window's lock and logout call
:meth:`SigningSession.forget`. After three wrong PINs in a row the session
stops passing PINs to the token: most tokens lock themselves after a few
(SoftHSM, the tests' token, never does), and only the CA or IT can unblock
a locked one.

:func:`sign_paper` signs a stored digitised paper. A paper is a synced record
the centre keeps as it first arrived: central migration c0010 refuses a
paper whose file (its SHA-256) changes once at the centre. So a paper is
signed *before its first push*, as Art. 17(1)(c) means it (the copy is
signed when it is made, at reception): a paper whose first version already
left the outbox is refused with a sentence (sign a new copy instead). No
central migration is needed: the signed paper reaches the centre once, as
signed, with the signature's columns in its body, and its file is the
signed PDF. The unsigned file stays in the store, named by
``unsigned_sha256``, so nothing is lost (its ``stored_files`` row stays too:
backups copy it and the purge of orphans spares it). Signed offline (B-B),
the paper is queued for its extension to B-LT (sync/signature_extension.py):
that later change of its file is the one c0015 lets the centre take.

"Not yet pushed" is read from the outbox: the paper's first entry leaves it
only once the centre has taken it. A round already under way may have read
that entry before the signing commits; the centre then takes the unsigned
version and refuses the signed one (quarantined, as any refused change).
The window signs a copy as it is made, before any round can carry it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.domain.workflow import Role
from counter_app.models import (
    DigitisedPaper,
    Dossier,
    OutboxEntry,
    Setting,
)
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext, put_setting
from counter_app.services.paper_records import (
    PaperInfo,
    file_row,
    info_of,
    may_digitise,
    queue_extension,
    store_of,
)
from counter_app.signing.sign import Placement, sign_pdf
from counter_app.signing.token import (
    MODULE_ENV,
    CertificateInfo,
    Token,
    TokenGone,
    WrongPin,
    describe,
    existing_module,
    module_path,
    refused,
)

PKCS11_MODULE_KEY = "pkcs11_module"
TSA_URL_KEY = "tsa_url"
# The environment wins over the desk setting, as for the token driver.
TSA_URL_ENV = "COUNTER_APP_TSA_URL"
# Wrong PINs in a row after which the desk stops trying (the token's own
# counter is often 3 to 10; stopping first keeps the last tries for the official).
MAX_WRONG_PINS = 3


def pkcs11_module_setting(ctx: ServiceContext) -> str:
    """The desk's PKCS#11 module path ("" when unset; the environment wins)."""
    with ctx.sessions() as session:
        row = session.get(Setting, PKCS11_MODULE_KEY)
        return row.value if row is not None else ""


def set_pkcs11_module(ctx: ServiceContext, actor: Actor, path: str) -> str:
    """Set the token driver installed by the CA's software (admin only)."""
    value = path.strip()
    if value:
        value = str(existing_module(value))

    def save(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        put_setting(session, PKCS11_MODULE_KEY, value)
        audit.log_event(
            session, ctx, actor.username, "desk.pkcs11_module", "settings", {"path": value}
        )

    ctx.sessions.write(save)
    return value


def tsa_url(ctx: ServiceContext) -> str:
    """The timestamp server that extends this desk's signatures ("" when none)."""
    configured = os.environ.get(TSA_URL_ENV, "").strip()
    if configured:
        return configured
    with ctx.sessions() as session:
        row = session.get(Setting, TSA_URL_KEY)
        return row.value if row is not None else ""


def set_tsa_url(ctx: ServiceContext, actor: Actor, url: str) -> str:
    """Set the timestamp server the CA or the province names (admin only)."""
    value = url.strip()
    parts = urlsplit(value)
    if value and (parts.scheme not in ("http", "https") or not parts.netloc or len(value) > 400):
        raise refused(
            QT_TRANSLATE_NOOP(
                "Signing",
                "The timestamp server address must be a web address such as "
                "http://tsa.example.vn/tsa; copy it as your CA publishes it.",
            )
        )

    def save(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        put_setting(session, TSA_URL_KEY, value)
        audit.log_event(session, ctx, actor.username, "desk.tsa_url", "settings", {"url": value})

    ctx.sessions.write(save)
    return value


def token_configured(ctx: ServiceContext) -> bool:
    """A token driver is set (the environment or the desk): copies are signed."""
    return bool(os.environ.get(MODULE_ENV, "").strip() or pkcs11_module_setting(ctx))


def _chosen_key(username: str) -> str:
    # A username may fill the settings key's 60 characters alone: hashed, 53.
    return "signing_cert." + hashlib.sha256(username.encode()).hexdigest()[:40]


def chosen_certificate(ctx: ServiceContext, username: str) -> str:
    """The fingerprint of the certificate ``username`` signs with at this desk ("" if none)."""
    with ctx.sessions() as session:
        row = session.get(Setting, _chosen_key(username))
        return row.value if row is not None else ""


def remember_certificate(ctx: ServiceContext, actor: Actor, fingerprint: str) -> None:
    """The official's own choice, remembered on this desk for the next session."""
    key = _chosen_key(actor.username)

    def save(session: Session) -> None:
        acting_user(session, actor)
        put_setting(session, key, fingerprint)

    ctx.sessions.write(save)


class SigningSession:
    """The official's token for one window session; the PIN in memory only."""

    def __init__(self, module: Path) -> None:
        self.module = module
        self._label: str | None = None
        self._pin: str | None = None
        self._token: Token | None = None
        self._signer: Any = None
        self._wrong = 0
        self.chosen: CertificateInfo | None = None

    @classmethod
    def configured(cls, ctx: ServiceContext) -> SigningSession:
        return cls(module_path(pkcs11_module_setting(ctx)))

    @property
    def unlocked(self) -> bool:
        return self._pin is not None

    def unlock(self, pin: str, label: str | None = None) -> list[CertificateInfo]:
        """Log in once; the certificates the official may choose from."""
        if self._wrong >= MAX_WRONG_PINS:
            raise refused(
                QT_TRANSLATE_NOOP(
                    "Signing",
                    "Three wrong PINs in a row: the desk stops trying so the token does not "
                    "lock itself. Check the PIN (the CA's token tool shows the tries left); "
                    "locking the window and signing in again allows three more tries.",
                )
            )
        self._close()
        try:
            token = Token.open(self.module, label, pin)
        except WrongPin:
            self._wrong += 1
            raise
        self._wrong = 0
        self._token, self._label, self._pin = token, token.label, pin
        return token.certificates()

    def certificates(self) -> list[CertificateInfo]:
        return self._open().certificates()

    def choose(self, fingerprint: str) -> CertificateInfo:
        for cert in self.certificates():
            if cert.fingerprint == fingerprint:
                self.chosen = cert
                self._signer = None
                return cert
        raise refused(
            QT_TRANSLATE_NOOP(
                "Signing", "The chosen certificate is not on this token; choose another one."
            )
        )

    def signer(self) -> Any:
        """A pyHanko signer for the chosen certificate."""
        if self.chosen is None:
            certs = self.certificates()
            if len(certs) != 1:
                raise refused(QT_TRANSLATE_NOOP("Signing", "Choose the certificate to sign with."))
            self.chosen = certs[0]
        if self._signer is None:
            # Kept: it remembers the room its signatures need (signing/sign.py).
            self._signer = self._open().signer(self.chosen)
        return self._signer

    def sign(self, pdf: bytes, placement: Placement | None = None) -> bytes:
        try:
            return sign_pdf(pdf, self.signer(), placement)
        except TokenGone:
            # The PIN stays: once the token is back, the next signing opens it again.
            self._close()
            raise

    def forget(self) -> None:
        """The window locked or the official logged out: forget PIN and token."""
        self._close()
        self._pin = None
        self._label = None
        self._wrong = 0
        self.chosen = None

    def _open(self) -> Token:
        if self._token is None:
            if self._pin is None:
                raise refused(QT_TRANSLATE_NOOP("Signing", "Type the token's PIN to sign."))
            self._token = Token.open(self.module, self._label, self._pin)
        return self._token

    def _close(self) -> None:
        self._signer = None
        if self._token is not None:
            self._token.close()
            self._token = None


@dataclass(frozen=True)
class Signed:
    paper: PaperInfo
    unsigned_sha256: str


def _never_pushed(session: Session, paper: DigitisedPaper) -> bool:
    """The paper's first version is still in the outbox: the centre has not
    received it (pushed entries leave the outbox once the centre took them)."""
    return (
        session.scalar(
            select(OutboxEntry.seq).where(
                OutboxEntry.row_uuid == paper.uuid, OutboxEntry.version == 1
            )
        )
        is not None
    )


def _signable(session: Session, paper_uuid: str) -> DigitisedPaper:
    paper = session.scalar(select(DigitisedPaper).where(DigitisedPaper.uuid == paper_uuid))
    if paper is None or paper.removed_at is not None:
        raise refused(QT_TRANSLATE_NOOP("Signing", "This electronic copy is not held here."))
    if paper.signed_at is not None:
        raise refused(
            QT_TRANSLATE_NOOP("Signing", "This copy was signed already by {name}."),
            name=paper.signer_name or "",
        )
    if not _never_pushed(session, paper):
        raise refused(
            QT_TRANSLATE_NOOP(
                "Signing",
                "This copy has reached the centre unsigned and stays as it is there; make a "
                "new copy and sign it when it is made.",
            )
        )
    return paper


def sign_paper(
    ctx: ServiceContext,
    actor: Actor,
    paper_uuid: str,
    signer: Any,
    placement: Placement | None = None,
) -> Signed:
    """Sign a stored digitised paper with ``signer`` (a pyHanko Signer, or a
    :class:`SigningSession`): the signed PDF is stored as a new file first,
    then the row names it in one unit of work, audited. A failure of the
    token leaves the store and the row as they were."""
    with ctx.sessions() as session:
        may_digitise(session, actor)
        paper = _signable(session, paper_uuid)
        unsigned = paper.sha256
    pdf = store_of(ctx).read(unsigned)
    if isinstance(signer, SigningSession):
        signed_pdf = signer.sign(pdf, placement)
        assert signer.chosen is not None  # sign() chose it or refused
        cert = signer.chosen
    else:
        signed_pdf = sign_pdf(pdf, signer, placement)
        cert = describe(signer.signing_cert.dump())
    # File first: a row never names a file the store lacks.
    blob = store_of(ctx).put_bytes(signed_pdf)

    def write(session: Session) -> Signed:
        may_digitise(session, actor)
        row = _signable(session, paper_uuid)
        if row.sha256 != unsigned:
            raise refused(
                QT_TRANSLATE_NOOP(
                    "Signing", "The copy changed while it was being signed; sign again."
                )
            )
        now = ctx.now()
        file_row(session, blob, row.pages, now)
        row.unsigned_sha256 = unsigned
        row.sha256 = blob.sha256
        row.size = blob.size
        row.signer_name = cert.holder
        row.signer_serial = cert.serial
        row.signer_fingerprint = cert.fingerprint
        row.signed_at = now
        # Signed offline (B-B): the sync round extends it to B-LT once it can.
        queue_extension(session, row.uuid, now)
        session.flush()
        code = session.scalar(select(Dossier.code).where(Dossier.id == row.dossier_id)) or ""
        audit.log_event(
            session,
            ctx,
            actor.username,
            "paper.signed",
            code,
            {
                "paper": row.uuid,
                "sha256": blob.sha256,
                "unsigned_sha256": unsigned,
                "signer": cert.holder,
                "serial": cert.serial,
                "fingerprint": cert.fingerprint,
            },
        )
        return Signed(info_of(row, code), unsigned)

    return ctx.sessions.write(write)
