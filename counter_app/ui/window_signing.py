"""The window's hold on the official's signing token (Decree 118/2025 Art.
17(1)(c)): one :class:`SigningSession` per main window.

The PIN is asked once a session in a small dialog and forgotten when the
window locks, the official logs out or another takes the desk over
(ui/main_session.py calls :meth:`WindowSigning.forget`). The certificate is
chosen the first time and remembered per official on this desk.

A SigningSession is not thread-safe and a token answers one call at a time:
every token call runs on ONE worker thread (a single-thread pool), in the
order asked; the UI thread never touches the token.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QWidget

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.services import signatures
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.signatures import SigningSession
from counter_app.signing.token import CertificateInfo, plugged_in
from counter_app.ui.signing_dialogs import CertificateDialog, PinDialog, vietnam_day
from counter_app.ui.workers import WorkerRunner, WriteRunner

log = logging.getLogger(__name__)
Callback = Callable[[object], None]
Job = Callable[[SigningSession], object]


@dataclass(frozen=True)
class _NeedPin:
    token_labels: list[str]


def _cancelled() -> UserError:
    return UserError(
        Message(
            "WindowSigning",
            QT_TRANSLATE_NOOP(
                "WindowSigning", "Nothing was signed or saved: the token's PIN was not given."
            ),
        )
    )


def _not_chosen() -> UserError:
    return UserError(
        Message(
            "WindowSigning",
            QT_TRANSLATE_NOOP(
                "WindowSigning", "Nothing was signed or saved: no certificate was chosen."
            ),
        )
    )


class WindowSigning(QObject):
    """``chosen_changed(CertificateInfo | None)`` when the certificate in use changes."""

    chosen_changed = Signal(object)

    def __init__(
        self, ctx: ServiceContext, user: Callable[[], Actor], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._user = user
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        self.token = WorkerRunner(pool)
        self._writes = WriteRunner(ctx.submit_write, self)
        self._session: SigningSession | None = None  # touched on the token worker only
        self.chosen: CertificateInfo | None = None
        self.pin_dialog: PinDialog | None = None
        self.certificate_dialog: CertificateDialog | None = None
        self.status_label = QLabel()
        self.status_label.setObjectName("signedBy")
        self.status_label.setVisible(False)

    @staticmethod
    def of(widget: QWidget, ctx: ServiceContext, user: Actor) -> WindowSigning:
        """The signing of the main window ``widget`` is in; a window of its own
        (a dialog opened alone) gets one that lives as long as it does."""
        found: QObject | None = widget
        while found is not None:
            signing = getattr(found, "signing", None)
            if isinstance(signing, WindowSigning):
                return signing
            found = found.parent()
        return WindowSigning(ctx, lambda: user, widget)

    # ----- on the token worker ---------------------------------------------------------------

    def _session_now(self) -> SigningSession:
        if self._session is None:
            self._session = SigningSession.configured(self._ctx)
        return self._session

    def _prepare(self, pin: str | None, label: str | None, username: str) -> object:
        """A session ready to sign: its certificate chosen, else what to ask."""
        session = self._session_now()
        if pin is not None:
            session.unlock(pin, label)
        elif not session.unlocked:
            return _NeedPin(plugged_in(session.module))
        if session.chosen is not None:
            return session.chosen
        certs = session.certificates()
        remembered = signatures.chosen_certificate(self._ctx, username)
        now = datetime.now(UTC)
        if any(c.fingerprint == remembered and c.valid_at(now) for c in certs):
            return session.choose(remembered)
        return certs

    # ----- asked from the UI -----------------------------------------------------------------

    def configured(self, on_answer: Callback, on_failed: Callback) -> None:
        ctx = self._ctx
        self.token.start(lambda: signatures.token_configured(ctx), on_answer, on_failed)

    def sign(self, pdf: bytes, parent: QWidget, on_signed: Callback, on_failed: Callback) -> None:
        """``on_signed((signed_pdf, CertificateInfo))`` once signed on the token."""

        def job(session: SigningSession) -> object:
            signed = session.sign(pdf)
            return signed, session.chosen

        self.run(job, parent, on_signed, on_failed)

    def certificates(self, parent: QWidget, on_done: Callback, on_failed: Callback) -> None:
        """The token's certificates (the PIN asked if not given yet)."""
        self._ask(
            None,
            None,
            parent,
            lambda _c: self._job(lambda s: s.certificates(), on_done, on_failed),
            on_failed,
            choose=False,
        )

    def run(self, job: Job, parent: QWidget, on_done: Callback, on_failed: Callback) -> None:
        """``job(session)`` on the token worker once the PIN and certificate are known."""
        self._ask(None, None, parent, lambda _c: self._job(job, on_done, on_failed), on_failed)

    def _job(self, job: Job, on_done: Callback, on_failed: Callback) -> None:
        self.token.start(lambda: job(self._session_now()), on_done, on_failed)

    def _ask(
        self,
        pin: str | None,
        label: str | None,
        parent: QWidget,
        then: Callback,
        on_failed: Callback,
        *,
        choose: bool = True,
    ) -> None:
        username = self._user().username

        def prepared(result: object) -> None:
            if isinstance(result, _NeedPin):
                self._ask_pin(result.token_labels, parent, then, on_failed, choose)
            elif isinstance(result, CertificateInfo):
                self._use(result)
                then(result)
            elif not choose:
                then(result)
            else:
                assert isinstance(result, list)
                self._ask_certificate(result, parent, then, on_failed)

        self.token.start(lambda: self._prepare(pin, label, username), prepared, on_failed)

    def _ask_pin(
        self,
        labels: list[str],
        parent: QWidget,
        then: Callback,
        on_failed: Callback,
        choose: bool,
    ) -> None:
        dialog = PinDialog(labels, parent)
        self.pin_dialog = dialog

        def entered(pin: str, label: str | None) -> None:
            self.pin_dialog = None
            self._ask(pin, label, parent, then, on_failed, choose=choose)

        def cancelled() -> None:
            self.pin_dialog = None
            on_failed(_cancelled())

        dialog.ask(entered, cancelled)

    def _ask_certificate(
        self, certs: list[CertificateInfo], parent: QWidget, then: Callback, on_failed: Callback
    ) -> None:
        actor = self._user()
        dialog = CertificateDialog(certs, parent, official=actor.full_name)
        self.certificate_dialog = dialog

        def cancelled() -> None:
            self.certificate_dialog = None
            on_failed(_not_chosen())

        def answered(cert: CertificateInfo) -> None:
            self.certificate_dialog = None
            ctx = self._ctx
            self._writes.start(
                lambda: signatures.remember_certificate(ctx, actor, cert.fingerprint),
                lambda _r: None,
                lambda error: log.warning("Certificate choice not remembered: %r", error),
            )

            def chosen(found: object) -> None:
                assert isinstance(found, CertificateInfo)
                self._use(found)
                then(found)

            self.token.start(
                lambda: self._session_now().choose(cert.fingerprint), chosen, on_failed
            )

        dialog.ask(answered, cancelled)

    def _use(self, cert: CertificateInfo) -> None:
        if self.chosen != cert:
            self.chosen = cert
            self.status_label.setText(self.signed_by_text(cert))
            self.status_label.setVisible(True)
            self.chosen_changed.emit(cert)

    def signed_by_text(self, cert: CertificateInfo) -> str:
        return self.tr("Signed by: {holder}, expires {day}").format(
            holder=cert.holder, day=vietnam_day(cert.not_after)
        )

    def forget(self, *, reset: bool = False) -> None:
        """The window locked, the official left or the driver changed: the PIN
        and the token are forgotten (on the token worker, after its work)."""
        for dialog in (self.pin_dialog, self.certificate_dialog):
            if dialog is not None:
                dialog.reject()

        def drop() -> None:
            if self._session is not None:
                self._session.forget()
                if reset:
                    self._session = None

        self.token.start(drop, lambda _r: None, lambda e: log.warning("Forget failed: %r", e))
        self.chosen = None
        self.status_label.setVisible(False)
        self.chosen_changed.emit(None)

    def wait(self) -> None:
        self.token.wait()
