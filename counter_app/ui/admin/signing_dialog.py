"""Administration > Digital signatures: the token driver (the PKCS#11 module
the CA's software installed: a DLL on Windows, a .so on Linux), the folder of
trusted roots the province installs, and a try of the token that lists its
certificates (issue 21)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.services import signatures
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.signing import trust
from counter_app.ui.signing_dialogs import certificate_table
from counter_app.ui.widgets import error_label, fit_to_screen
from counter_app.ui.window_signing import WindowSigning
from counter_app.ui.workers import WorkerRunner, WriteRunner, refusal

MODULE_FILTER = "PKCS#11 (*.dll *.so *.dylib);;* (*)"


def _trust_state(data_dir: Path | None) -> tuple[Path, int]:
    folder = trust.trust_dir(data_dir or Path("."))
    return folder, len(trust.load_trust_anchors(folder).roots)


class SigningAdminDialog(QDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        user: Actor,
        data_dir: Path | None,
        signing: WindowSigning,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signingAdmin")
        self.setWindowTitle(self.tr("Digital signatures"))
        self._ctx, self._user, self._signing = ctx, user, signing
        self.actor = user
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        self._reads = WorkerRunner(pool)
        self._writes = WriteRunner(ctx.submit_write, self)
        root = self._root = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.module = QLineEdit(self)
        self.module.setObjectName("modulePath")
        self.module.setPlaceholderText(self.tr("e.g. the .dll the CA's token software installed"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        row.addWidget(self.module, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Token driver (PKCS#11)"), row)
        self.tsa = QLineEdit(self)
        self.tsa.setObjectName("tsaUrl")
        self.tsa.setPlaceholderText(self.tr("e.g. the CA's http://… address (empty: no extension)"))
        form.addRow(self.tr("Timestamp server (TSA)"), self.tsa)
        self.trust_label = QLabel(self)
        self.trust_label.setObjectName("trustFolder")
        self.trust_label.setWordWrap(True)
        form.addRow(self.tr("Trusted roots"), self.trust_label)
        root.addLayout(form)
        self.certificates: QTableWidget = certificate_table(self, [])
        self.certificates.setVisible(False)
        root.addWidget(self.certificates, 1)
        self.message = QLabel(
            self.tr("“Try the token” opens it with its PIN and lists its certificates."), self
        )
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        root.addWidget(self.message)
        self.error = error_label(self)
        root.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.try_button = buttons.addButton(
            self.tr("&Try the token"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.try_button.setObjectName("tryToken")
        self.try_button.clicked.connect(self.try_token)
        self.save_button = buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        root.addWidget(buttons)
        self._reads.start(lambda: signatures.pkcs11_module_setting(ctx), self._loaded, self._failed)
        self._reads.start(lambda: signatures.tsa_url(ctx), self._tsa_loaded, self._failed)
        self._reads.start(lambda: _trust_state(data_dir), self._show_trust, self._failed)
        fit_to_screen(self, 860, 420)

    def _loaded(self, path: object) -> None:
        self.module.setText(str(path))

    def _tsa_loaded(self, url: object) -> None:
        self.tsa.setText(str(url))

    def _show_trust(self, state: object) -> None:
        assert isinstance(state, tuple)
        folder, count = state
        self.trust_label.setText(
            self.tr("{folder} ({count} root certificates installed)").format(
                folder=folder, count=count
            )
        )

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The token driver (PKCS#11 module)"), "", MODULE_FILTER
        )
        if path:
            self.module.setText(path)

    def save(self) -> None:
        self.error.setVisible(False)
        ctx, user, path, url = self._ctx, self._user, self.module.text(), self.tsa.text()

        def save() -> tuple[str, str]:
            return (
                signatures.set_pkcs11_module(ctx, user, path),
                signatures.set_tsa_url(ctx, user, url),
            )

        self._writes.start(save, self._saved, self._refused)

    def _saved(self, saved: object) -> None:
        assert isinstance(saved, tuple)
        path, url = saved
        self.module.setText(str(path))
        self.tsa.setText(str(url))
        # Another driver: the open token session belongs to the old one.
        self._signing.forget(reset=True)
        self.message.setText(self.tr("Saved."))

    def try_token(self) -> None:
        self.error.setVisible(False)
        self.message.setText(self.tr("Opening the token…"))
        self._signing.certificates(self, self._listed, self._refused)

    def _listed(self, certs: object) -> None:
        assert isinstance(certs, list)
        table = certificate_table(self, certs)
        self._root.replaceWidget(self.certificates, table)
        self.certificates.deleteLater()
        self.certificates = table
        table.setVisible(True)
        self.message.setText(
            self.tr("The token answers: {count} certificates.").format(count=len(certs))
        )

    def _refused(self, error: object) -> None:
        self.message.setText("")
        self.error.setText(render(refusal(error).message))
        self.error.setVisible(True)

    def _failed(self, error: object) -> None:
        if isinstance(error, UserError):
            self._refused(error)
        else:
            refusal(error)

    def done(self, result: int) -> None:  # noqa: D102 - waits for its reads and writes
        self._reads.wait()
        self._writes.wait()
        super().done(result)
