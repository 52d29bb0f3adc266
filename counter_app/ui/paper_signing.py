"""Signing a scanned copy in the digitise dialog (Decree 118/2025 Art.
17(1)(c)): the composed PDF is signed on the official's token (invisible
PAdES B-B) BEFORE it is stored; the copy is then stored once, already
signed, its signer on its first version. A copy is never stored unsigned
and signed afterwards, so it can never reach the centre unsigned and then be
refused signed (services/signatures.py's note on the race).

With no token driver configured the desk keeps working: the copy is saved
unsigned and the dialog says so. Any refusal (wrong PIN, token removed,
expired certificate) reaches the dialog's error line; nothing is stored."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from counter_app.services import papers
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.papers import NewCopy, SignedBy
from counter_app.signing.token import CertificateInfo
from counter_app.ui.window_signing import Callback, WindowSigning
from counter_app.ui.workers import WriteRunner


class PaperSigning(QObject):
    def __init__(
        self,
        dialog: QDialog,
        ctx: ServiceContext,
        user: Actor,
        writes: WriteRunner,
        save_button: QPushButton,
    ) -> None:
        super().__init__(dialog)
        self._dialog, self._ctx, self._user, self._writes = dialog, ctx, user, writes
        self._save_button = save_button
        self.signing = WindowSigning.of(dialog, ctx, user)
        self.label = QLabel(dialog)
        self.label.setObjectName("signingState")
        self.label.setWordWrap(True)
        self.configured: bool | None = None
        # A method, not a lambda: the connection dies with the dialog.
        self.signing.chosen_changed.connect(self._chosen)
        self.signing.configured(self._configured, lambda _e: None)

    def _configured(self, on: object) -> None:
        self.configured = bool(on)
        self._save_button.setText(
            self.tr("Sign and &save") if self.configured else self.tr("&Save the copy")
        )
        self._show()

    def _chosen(self, _cert: object) -> None:
        self._show()

    def _show(self) -> None:
        cert = self.signing.chosen
        if not self.configured:
            self.label.setText(
                self.tr("No digital signature configured: the copy is saved unsigned.")
            )
        elif cert is not None:
            self.label.setText(self.signing.signed_by_text(cert))
        else:
            self.label.setText(
                self.tr("The copy is signed with your token when saved (the PIN is asked once).")
            )

    def save(self, new: NewCopy, on_saved: Callback, on_refused: Callback) -> None:
        """Sign (when a token is configured), then store: the signed bytes only."""
        ctx, user = self._ctx, self._user

        def store(copy: NewCopy) -> None:
            self._writes.start(lambda: papers.add_copy(ctx, user, copy), on_saved, on_refused)

        def signed(result: object) -> None:
            assert isinstance(result, tuple)
            pdf, cert = result
            assert isinstance(cert, CertificateInfo)
            by = SignedBy(cert.holder, cert.serial, cert.fingerprint)
            store(replace(new, pdf=pdf, signed_by=by))

        def answered(on: object) -> None:
            self._configured(on)
            if on:
                self.signing.sign(new.pdf, self._dialog, signed, on_refused)
            else:
                store(new)

        # Asked again at each save: the administrator may have set the driver meanwhile.
        self.signing.configured(answered, on_refused)

    def wait(self) -> None:
        self.signing.wait()
