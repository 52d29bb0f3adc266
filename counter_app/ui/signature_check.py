"""What a stored copy's signatures say, shown where the official works
(issue 21): who signed, when (Vietnam time), the certificate chain, whether
the file is as it was signed, whether an installed root vouches for it, and
the certificate's revocation status when it can be known.

The check reads the file from the store and runs signing/verify.py (and
signing/ltv.revocation_status when the province's roots are installed) on a
worker: a large PDF or a slow check never freezes the window. It looks at
the bytes on disk as they are, so a file altered after signing shows as
changed."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.services import papers
from counter_app.services.context import ServiceContext
from counter_app.services.papers import PaperInfo
from counter_app.signing import ltv, trust
from counter_app.signing.sign import VIETNAM
from counter_app.signing.verify import SignatureReport, Verdict, verify_pdf
from counter_app.ui.widgets import error_label, fit_to_screen
from counter_app.ui.workers import WorkerRunner

log = logging.getLogger(__name__)
_BAD = QBrush(QColor("#b3261e"))


@dataclass(frozen=True)
class Checked:
    report: SignatureReport
    revocation: ltv.RevocationStatus | None


def check_copy(ctx: ServiceContext, sha256: str, data_dir: Path | None) -> list[Checked]:
    """Every signature of the stored file, as it is on disk now (offline)."""
    return check_pdf(papers.file_path(ctx, sha256).read_bytes(), data_dir)


def check_pdf(pdf: bytes, data_dir: Path | None) -> list[Checked]:
    """Every signature of ``pdf`` (a stored copy, or a result being imported), offline."""
    anchors = trust.load_trust_anchors(trust.trust_dir(data_dir or Path(".")))
    reports = verify_pdf(pdf, list(anchors.roots))
    revocations: list[ltv.RevocationStatus | None] = [None] * len(reports)
    if reports and not anchors.empty:
        # Offline: what the file carries (B-LT); a desk never waits on a CA here.
        try:
            found = ltv.revocation_status(pdf, anchors, online=False)
        except Exception:  # noqa: BLE001 - unknown stays unknown; the rest is still shown
            log.info("Revocation status not read", exc_info=True)
            found = []
        if len(found) == len(reports):
            revocations = list(found)
    return [Checked(r, s) for r, s in zip(reports, revocations, strict=True)]


def signature_facts(checked: Checked) -> list[tuple[str, bool]]:
    """One signature's facts, in the order of the dialog's rows, each with
    whether it is bad news (shown in red)."""

    report = checked.report
    when = (
        report.signed_at.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M") if report.signed_at else "—"
    )
    if report.verdict is Verdict.BROKEN:
        content = QCoreApplication.translate(
            "SignatureCheckDialog", "changed since signing (the signed content does not match)"
        )
    elif report.verdict is Verdict.CHANGED:
        content = QCoreApplication.translate("SignatureCheckDialog", "changed since signing")
    else:
        content = QCoreApplication.translate("SignatureCheckDialog", "intact since signing")
    trusted = (
        QCoreApplication.translate("SignatureCheckDialog", "trusted (chains to an installed root)")
        if report.trusted
        else QCoreApplication.translate(
            "SignatureCheckDialog", "not trusted: no installed root vouches for it"
        )
    )
    revocation = checked.revocation
    revoked = revocation is not None and revocation.status is ltv.Revocation.REVOKED
    return [
        (report.signer, False),
        (when, False),
        (" → ".join(report.chain), False),
        (content, report.verdict in (Verdict.CHANGED, Verdict.BROKEN)),
        (trusted, not report.trusted),
        (
            render(revocation.message())
            if revocation
            else QCoreApplication.translate("SignatureCheckDialog", "not known"),
            revoked,
        ),
    ]


class SignatureCheckDialog(QDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        copy: PaperInfo,
        data_dir: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signatureCheck")
        self.setWindowTitle(self.tr("Signatures of “{name}”").format(name=copy.data.document_name))
        self.checked: list[Checked] | None = None
        root = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Checking the signatures…"), self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        root.addWidget(self.summary)
        # One column per signature, one row per fact: long chains and
        # sentences wrap instead of running off the dialog's side.
        self.table = QTableWidget(6, 0, self)
        self.table.setObjectName("signatures")
        self.table.setVerticalHeaderLabels(
            [
                self.tr("Signed by"),
                self.tr("Signed at"),
                self.tr("Certificate chain"),
                self.tr("Content"),
                self.tr("Trust"),
                self.tr("Revocation"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(False)
        root.addWidget(self.table, 1)
        self.error = error_label(self)
        root.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        self._reads = WorkerRunner(pool)
        self._reads.start(lambda: check_copy(ctx, copy.sha256, data_dir), self._show, self._failed)
        fit_to_screen(self, 820, 380)

    def _show(self, result: object) -> None:
        assert isinstance(result, list)
        self.checked = result
        if not result:
            self.summary.setText(self.tr("This copy carries no digital signature."))
            return
        bad = [c for c in result if c.report.verdict in (Verdict.CHANGED, Verdict.BROKEN)]
        self.summary.setText(
            self.tr("The file was changed after it was signed: do not rely on it.")
            if bad
            else self.tr("{count} signatures; the file is as it was signed.").format(
                count=len(result)
            )
        )
        self.table.setVisible(True)
        self.table.setColumnCount(len(result))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Signature {n}").format(n=n) for n in range(1, len(result) + 1)]
        )
        for col, checked in enumerate(result):
            for row, (text, wrong) in enumerate(signature_facts(checked)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if wrong:
                    item.setForeground(_BAD)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()

    def _failed(self, error: object) -> None:
        self.summary.setText("")
        if isinstance(error, UserError):
            self.error.setText(render(error.message))
        elif isinstance(error, OSError):
            self.error.setText(self.tr("The copy's file is not on this computer; check the desk."))
        else:
            log.error("Signatures could not be checked: %r", error)
            self.error.setText(
                self.tr("The signatures could not be checked; details are in the log file.")
            )
        self.error.setVisible(True)

    def done(self, result: int) -> None:  # noqa: D102 - waits for its check
        self._reads.wait()
        super().done(result)
