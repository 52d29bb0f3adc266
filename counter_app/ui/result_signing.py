"""The result signed at the desk by the authority's signer (4 tại chỗ,
Decree 118/2025 Art. 22(1)), and an imported result's signatures checked.

The signer is not the official: their token is opened for this one signing
in a :class:`SigningSession` of its own, never the window's
(ui/window_signing.py holds the official's, whose PIN it keeps). The PIN is
asked, the certificate chosen, the PDF signed, and the session forgotten at
once, whatever happened. Every token call runs on this object's one worker
thread; the UI thread only shows the two questions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool
from PySide6.QtWidgets import QWidget

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.i18n import render
from counter_app.services import result_signing, signatures
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.signatures import SigningSession
from counter_app.signing import ltv, trust
from counter_app.signing.token import CertificateInfo, plugged_in
from counter_app.ui.signature_check import Checked, check_pdf, signature_facts
from counter_app.ui.signing_dialogs import CertificateDialog, PinDialog
from counter_app.ui.workers import WorkerRunner, WriteRunner

log = logging.getLogger(__name__)
Callback = Callable[[object], None]
_CTX = "ResultSigning"


@dataclass(frozen=True)
class DeskContext:
    """What the result row needs from the dossier window it sits in."""

    ctx: ServiceContext
    user: Actor
    code: str

    @property
    def data_dir(self) -> Path | None:
        # The counter's files live in <data folder>/files (files/store.files_dir).
        return self.ctx.files.root.parent if self.ctx.files is not None else None


def desk_of(widget: QWidget) -> DeskContext | None:
    """The dossier window ``widget`` is in (the step form's parent), if any."""
    found = widget.parent()
    while found is not None:
        ctx, user, code = (getattr(found, n, None) for n in ("ctx", "user", "code"))
        if isinstance(ctx, ServiceContext) and isinstance(user, Actor) and isinstance(code, str):
            return DeskContext(ctx, user, code)
        found = found.parent()
    return None


def check_import(pdf: bytes, name: str, data_dir: Path | None) -> list[Checked]:
    """An imported result's signatures (off the UI thread); refused when altered."""
    checked = check_pdf(pdf, data_dir)
    result_signing.refuse_altered(name, [c.report for c in checked])
    return checked


def summary(checked: list[Checked]) -> tuple[str, str, bool]:
    """The row's line, its tooltip (every fact) and whether it is a warning."""
    if not checked:
        return (
            QCoreApplication.translate(
                "ResultSigning",
                "No digital signature in this file (it may be a scan of the signed paper): "
                "check it against the paper result.",
            ),
            "",
            True,
        )
    lines, tips, warn = [], [], False
    for one in checked:
        signer, when, chain, content, trust, revocation = (t for t, _bad in signature_facts(one))
        status = one.revocation.status if one.revocation else ltv.Revocation.UNKNOWN
        known, revoked = status is not ltv.Revocation.UNKNOWN, status is ltv.Revocation.REVOKED
        warn = warn or not one.report.trusted or revoked
        lines.append(
            QCoreApplication.translate(
                "ResultSigning", "Signed by {signer} ({when}): {content}; {trust}"
            ).format(signer=signer, when=when, content=content, trust=trust)
            + (f"; {revocation}" if known else "")
        )
        tips.append(f"{signer}\n{chain}\n{revocation}")
    return "\n".join(lines), "\n\n".join(tips), warn


def _cancelled() -> UserError:
    return UserError(
        Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "ResultSigning",
                "Nothing was signed: the signer's PIN or certificate was not given.",
            ),
        )
    )


class ResultSigner(QObject):
    """One signing of a result on the signer's own token."""

    def __init__(self, desk: DeskContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._desk = desk
        self._parent = parent
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        self.token = WorkerRunner(pool)
        self._writes = WriteRunner(desk.ctx.submit_write, self)
        self._session: SigningSession | None = None  # touched on the token worker only
        self.pin_dialog: PinDialog | None = None
        self.certificate_dialog: CertificateDialog | None = None
        self.busy = False

    def configured(self, on_answer: Callback) -> None:
        ctx = self._desk.ctx
        self.token.start(
            lambda: signatures.token_configured(ctx),
            on_answer,
            lambda error: log.warning("Token driver setting not read: %r", error),
        )

    def sign(self, pdf: bytes, on_signed: Callback, on_failed: Callback) -> None:
        """``on_signed((signed_pdf, CertificateInfo))``; ``on_failed(error)``,
        nothing kept, the token's session forgotten either way."""
        self.busy = True

        def failed(error: object) -> None:
            self.token.start(self._forget, lambda _r: None, lambda _e: None)
            self.busy = False
            on_failed(error)

        def signed(result: object) -> None:
            assert isinstance(result, tuple)
            pdf_out, cert = result
            assert isinstance(cert, CertificateInfo)
            desk = self._desk

            def recorded(_r: object) -> None:
                self.busy = False
                on_signed(result)

            self._writes.start(
                lambda: result_signing.record_signed(desk.ctx, desk.user, desk.code, pdf_out, cert),
                recorded,
                failed,
            )

        def certificates(certs: object) -> None:
            assert isinstance(certs, list)
            now = datetime.now(UTC)
            if not any(c.valid_at(now) for c in certs):
                # No certificate may sign now: signing refuses with its holder
                # and date (signing/sign.check_validity), said as it says it.
                self._sign(pdf, certs[0].fingerprint if certs else "", signed, failed)
                return
            self._ask_certificate(certs, lambda fp: self._sign(pdf, fp, signed, failed), failed)

        def tokens(labels: object) -> None:
            assert isinstance(labels, list)
            self._ask_pin(
                labels,
                lambda pin, label: self.token.start(
                    lambda: self._unlock(pin, label), certificates, failed
                ),
                failed,
            )

        self.token.start(self._tokens, tokens, failed)

    # ----- on the token worker ---------------------------------------------------------------

    def _tokens(self) -> list[str]:
        self._session = SigningSession.configured(self._desk.ctx)
        return plugged_in(self._session.module)

    def _unlock(self, pin: str, label: str | None) -> list[CertificateInfo]:
        assert self._session is not None
        return self._session.unlock(pin, label)

    def _sign_now(self, pdf: bytes, fingerprint: str) -> tuple[bytes, CertificateInfo]:
        session = self._session
        assert session is not None
        try:
            cert = session.choose(fingerprint)
            signed = session.sign(pdf, result_signing.placement(self._desk.ctx))
        finally:
            self._forget()
        anchors = trust.load_trust_anchors(trust.trust_dir(self._desk.data_dir or Path(".")))
        result_signing.refuse_revoked(signed, anchors, cert.holder)
        return signed, cert

    def _forget(self) -> None:
        if self._session is not None:
            self._session.forget()
            self._session = None

    # ----- asked from the UI -----------------------------------------------------------------

    def _sign(self, pdf: bytes, fingerprint: str, signed: Callback, failed: Callback) -> None:
        self.token.start(lambda: self._sign_now(pdf, fingerprint), signed, failed)

    def _ask_pin(
        self, labels: list[str], then: Callable[[str, str | None], None], failed: Callback
    ) -> None:
        dialog = PinDialog(
            labels,
            self._parent,
            intro=QCoreApplication.translate(
                "ResultSigning",
                "The authority's signer types the PIN of their own token. It is used for this "
                "signing only and forgotten at once.",
            ),
        )
        dialog.setWindowTitle(QCoreApplication.translate("ResultSigning", "The signer's token PIN"))
        self.pin_dialog = dialog

        def entered(pin: str, label: str | None) -> None:
            self.pin_dialog = None
            then(pin, label)

        def cancelled() -> None:
            self.pin_dialog = None
            failed(_cancelled())

        dialog.ask(entered, cancelled)

    def _ask_certificate(
        self, certs: list[CertificateInfo], then: Callable[[str], None], failed: Callback
    ) -> None:
        dialog = CertificateDialog(
            certs,
            self._parent,
            intro=QCoreApplication.translate(
                "ResultSigning",
                "The signer chooses their own certificate; the result is signed with it now. "
                "An expired certificate cannot be chosen.",
            ),
        )
        self.certificate_dialog = dialog

        def chosen(cert: CertificateInfo) -> None:
            self.certificate_dialog = None
            then(cert.fingerprint)

        def cancelled() -> None:
            self.certificate_dialog = None
            failed(_cancelled())

        dialog.ask(chosen, cancelled)

    def cancel(self) -> None:
        """Close the signer's open question (which forgets their token's session)."""
        for dialog in (self.pin_dialog, self.certificate_dialog):
            if dialog is not None:
                dialog.reject()

    def wait(self) -> None:
        self.token.wait()
        self._writes.wait()


def failure_text(error: object) -> str:
    """A refusal as the official reads it; anything else was logged by the worker."""
    if isinstance(error, UserError):
        return render(error.message)
    return QCoreApplication.translate(
        "ResultSigning", "The result could not be signed; details are in the log file."
    )
