"""The two questions signing asks the official: the token's PIN (once a
session) and, the first time at this desk, which certificate to sign with.

Both are opened, never exec'd: the window keeps running (sync, the idle lock)
while the official types."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.signing.sign import VIETNAM
from counter_app.signing.token import CertificateInfo
from counter_app.ui.widgets import fit_to_screen

_GREY = QBrush(QColor("#8a8f98"))


def vietnam_day(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y")


def certificate_table(parent: QWidget, certs: list[CertificateInfo]) -> QTableWidget:
    """The token's certificates, one a row; an expired or not yet valid one is
    greyed and cannot be selected (the library would refuse it anyway)."""
    table = QTableWidget(len(certs), 5, parent)
    table.setObjectName("certificates")
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("CertificateDialog", "Holder"),
            QCoreApplication.translate("CertificateDialog", "CCCD / tax code"),
            QCoreApplication.translate("CertificateDialog", "Issued by"),
            QCoreApplication.translate("CertificateDialog", "Valid from"),
            QCoreApplication.translate("CertificateDialog", "Valid to"),
        ]
    )
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    now = datetime.now(UTC)
    for row, cert in enumerate(certs):
        usable = cert.valid_at(now)
        until = vietnam_day(cert.not_after)
        if not usable:
            until = QCoreApplication.translate("CertificateDialog", "{day} (not valid now)").format(
                day=until
            )
        numbers = " / ".join(n for n in (cert.id_number, cert.tax_code) if n) or "—"
        texts = [cert.holder, numbers, cert.issuer, vietnam_day(cert.not_before), until]
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if not usable:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setForeground(_GREY)
            table.setItem(row, col, item)
    return table


class PinDialog(QDialog):
    """The token's PIN, masked; kept by the window's signing session only."""

    def __init__(
        self, token_labels: list[str], parent: QWidget | None = None, *, intro: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Token PIN"))
        root = QVBoxLayout(self)
        # Several tokens plugged in (a personal one and the agency's): the
        # official says which one; one token is named, not asked.
        self.tokens = QComboBox(self)
        self.tokens.setObjectName("tokens")
        self.tokens.addItems(token_labels)
        self.tokens.setVisible(len(token_labels) > 1)
        token = QLabel(
            self.tr("Token: {label}").format(label=token_labels[0] if token_labels else "—"),
            self,
        )
        token.setObjectName("tokenLabel")
        token.setVisible(len(token_labels) <= 1)
        root.addWidget(token)
        root.addWidget(self.tokens)
        said = QLabel(
            intro
            or self.tr(
                "Type the PIN of your signing token. It is asked once: the desk keeps it until "
                "the screen is locked or you log out."
            ),
            self,
        )
        said.setWordWrap(True)
        root.addWidget(said)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(64)
        root.addWidget(self.pin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open the token"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)
        self.pin.setFocus()
        self.resize(max(420, self.sizeHint().width()), self.sizeHint().height())

    def token_label(self) -> str | None:
        return self.tokens.currentText() or None

    def ask(self, on_pin: Callable[[str, str | None], None], on_cancel: Callable[[], None]) -> None:
        """Open; once answered, the PIN leaves the dialog for ``on_pin`` only
        (the field is cleared and the dialog deleted), or ``on_cancel()``."""

        def answered(result: int) -> None:
            pin, label = self.pin.text(), self.token_label()
            self.pin.clear()
            self.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                on_pin(pin, label)
            else:
                on_cancel()

        self.finished.connect(answered)
        self.open()

    def accept(self) -> None:
        if self.pin.text():
            super().accept()


class CertificateDialog(QDialog):
    """The first signing at this desk: which of the token's certificates is the
    official's (a token may hold a personal and an agency certificate)."""

    def __init__(
        self,
        certs: list[CertificateInfo],
        parent: QWidget | None = None,
        *,
        intro: str = "",
        official: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("certificateDialog")
        self._official = official
        self.setWindowTitle(self.tr("Choose the certificate to sign with"))
        self.certs = certs
        root = QVBoxLayout(self)
        said = QLabel(
            intro
            or self.tr(
                "Choose your own certificate. The desk remembers the choice for your next "
                "sessions; an expired certificate cannot be chosen."
            ),
            self,
        )
        said.setWordWrap(True)
        root.addWidget(said)
        self.table = certificate_table(self, certs)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _i: self.accept())
        root.addWidget(self.table, 1)
        # A token may hold the agency's certificate beside the official's own:
        # a copy signed at reception must carry the receiving official's own
        # signature (Decree 118/2025 Art. 17(1)(c)), so another name is said.
        self.mismatch = QLabel(self)
        self.mismatch.setObjectName("certificateMismatch")
        self.mismatch.setWordWrap(True)
        self.mismatch.setStyleSheet("color:#8a5a00;")
        self.mismatch.setVisible(False)
        root.addWidget(self.mismatch)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Sign with this certificate"))
        self.ok.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)
        fit_to_screen(self, 860, 320)

    def chosen(self) -> CertificateInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.certs[rows[0].row()] if rows else None

    def ask(
        self, on_chosen: Callable[[CertificateInfo], None], on_cancel: Callable[[], None]
    ) -> None:
        """Open; once answered (the dialog then deleted), ``on_chosen(cert)`` or ``on_cancel()``."""

        def answered(result: int) -> None:
            cert = self.chosen()
            self.deleteLater()
            if result == QDialog.DialogCode.Accepted and cert is not None:
                on_chosen(cert)
            else:
                on_cancel()

        self.finished.connect(answered)
        self.open()

    def choose(self, fingerprint: str) -> None:
        for row, cert in enumerate(self.certs):
            if cert.fingerprint == fingerprint:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        cert = self.chosen()
        self.ok.setEnabled(cert is not None)
        other = cert is not None and bool(self._official) and not cert.issued_to(self._official)
        if cert is not None and other:
            self.mismatch.setText(
                self.tr(
                    "This certificate is issued to {holder}, not to {official}: what you sign "
                    "will carry {holder}'s name. Choose it only if it is the certificate you "
                    "were given to sign with."
                ).format(holder=cert.holder, official=self._official)
            )
        self.mismatch.setVisible(other)

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()
