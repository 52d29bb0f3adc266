"""The result's electronic copy at the return (Decree 118/2025 Art. 22(1),
22(4)): the PDF the deciding authority issued, or the signed paper scanned,
with its result type; the document code (identification number + result
type) is made by the service. One row (and a line for the file's
signatures once one is chosen), so the return form still fits a 1366×768
screen at 125 %.

A chosen PDF's signatures are checked on a worker (ui/result_signing.py):
one that no longer matches its bytes is refused, an unsigned or untrusted
one is taken with a warning. When a token driver is configured, the
authority's signer can sign the chosen result here with their own token."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QThreadPool
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.papers import Origin, PaperData, ResultCopy, SignedBy
from counter_app.files.pdf_pages import NotAPdf, images_to_pdf, page_count
from counter_app.services.paper_records import document_types
from counter_app.signing.token import CertificateInfo
from counter_app.ui import notify
from counter_app.ui.result_signing import (
    ResultSigner,
    check_import,
    desk_of,
    failure_text,
    summary,
)
from counter_app.ui.signature_check import Checked
from counter_app.ui.workers import WorkerRunner

_IMAGES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")
_WARN = "color:#8a5a00;"
_GOOD = "color:#1b5e20;"


def read_result(path: Path) -> tuple[bytes, Origin, int]:
    """A chosen result: a PDF as issued, or an image of the signed paper made
    a PDF; its pages. Refused in a sentence when it is neither."""
    try:
        data = path.read_bytes()
        if path.suffix.lower() in _IMAGES:
            pdf, origin = images_to_pdf([data]), Origin.SCAN
        else:
            pdf, origin = data, Origin.AUTHORITY
        return pdf, origin, page_count(pdf)
    except (OSError, NotAPdf):
        raise UserError(
            Message(
                "ResultCopyRow",
                QT_TRANSLATE_NOOP(
                    "ResultCopyRow",
                    "“{name}” cannot be read as a PDF or an image; choose the file the "
                    "authority issued, or scan the signed result again.",
                ),
                {"name": path.name},
            )
        ) from None


class ResultCopyRow(QWidget):
    def __init__(self, holder_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._holder_id = holder_id
        self.pdf: bytes | None = None
        self.origin = Origin.AUTHORITY
        # The file chosen (its path while it is read, then its bytes), while
        # its signatures are being checked.
        self.checking: bytes | Path | None = None
        self._name = ""
        self.signed_by: CertificateInfo | None = None
        self._desk = desk_of(self)
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        self._checks = WorkerRunner(pool)
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        lines.addLayout(row)
        self.choose_button = QPushButton(self.tr("Choose the file…"), self)
        self.choose_button.setObjectName("resultFile")
        self.choose_button.clicked.connect(self.choose)
        self.file_label = QLabel(self.tr("none (the result is returned on paper only)"), self)
        self.file_label.setObjectName("resultFileLabel")
        self.kind = QComboBox(self)
        self.kind.setObjectName("resultKind")
        for kind in document_types().types:
            if kind.result:
                self.kind.addItem(f"{kind.name} ({kind.code})", kind.code)
        self.limited = QCheckBox(self.tr("valid until"), self)
        self.until = QDateEdit(self)
        self.until.setDisplayFormat("dd/MM/yyyy")
        self.until.setCalendarPopup(True)
        self.until.setDate(QDate.currentDate().addMonths(6))
        self.until.setEnabled(False)
        self.limited.toggled.connect(self.until.setEnabled)
        for widget in (self.kind, self.limited, self.until):
            widget.setVisible(False)
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.kind, 1)
        row.addWidget(self.limited)
        row.addWidget(self.until)
        signatures = QHBoxLayout()
        lines.addLayout(signatures)
        self.signatures = QLabel(self)
        self.signatures.setObjectName("resultSignatures")
        self.signatures.setWordWrap(True)
        self.signatures.setVisible(False)
        self.sign_button = QPushButton(self.tr("The authority's signer signs the result"), self)
        self.sign_button.setObjectName("resultSign")
        self.sign_button.setAutoDefault(False)
        self.sign_button.setVisible(False)
        self.sign_button.clicked.connect(self.sign)
        self.clear_button = QPushButton(self.tr("Remove the file"), self)
        self.clear_button.setObjectName("resultClear")
        self.clear_button.setAutoDefault(False)
        self.clear_button.setVisible(False)
        self.clear_button.clicked.connect(self.clear)
        signatures.addWidget(self.signatures, 1)
        signatures.addWidget(self.sign_button)
        signatures.addWidget(self.clear_button)
        self.signer: ResultSigner | None = None
        self.token_configured: bool | None = None  # known once asked off the UI thread
        if self._desk is not None:
            self.signer = ResultSigner(self._desk, self)
            self.signer.configured(self._configured)

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The result's electronic copy"),
            "",
            self.tr("PDF or scanned image (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Take the file: a PDF as issued, an image as the scanned signed paper.

        Read, converted and its signatures checked on the worker: a file on a
        slow share or a large scan never freezes the return form."""
        self.pdf, self.signed_by, self._name = None, None, path.name
        self.checking = path
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        for widget in (self.kind, self.limited, self.until):
            widget.setVisible(True)
        self._show_signatures(self.tr("Checking the file's digital signatures…"), "", False)
        self.sign_button.setVisible(False)
        data_dir = self._desk.data_dir if self._desk is not None else None

        def read_and_check() -> tuple[bytes, Origin, int, list[Checked]]:
            pdf, origin, pages = read_result(path)
            return pdf, origin, pages, check_import(pdf, path.name, data_dir)

        self._checks.start(
            read_and_check,
            lambda done: self._read(path, done),
            lambda error: self._refused(path, error),
        )

    def _read(self, path: Path, done: object) -> None:
        if self.checking is not path:
            return  # another file was chosen meanwhile
        assert isinstance(done, tuple)
        pdf, origin, pages, checked = done
        self.file_label.setText(
            self.tr("{name}, {pages} page(s)").format(name=path.name, pages=pages)
        )
        self.checking = pdf
        self._checked(pdf, origin, checked)

    # ----- the signatures ------------------------------------------------------------------

    def _check(self, pdf: bytes, origin: Origin) -> None:
        data_dir, name = self._desk.data_dir if self._desk is not None else None, self._name
        self._checks.start(
            lambda: check_import(pdf, name, data_dir),
            lambda checked: self._checked(pdf, origin, checked),
            lambda error: self._refused(pdf, error),
        )

    def _checked(self, pdf: bytes, origin: Origin, checked: object) -> None:
        if self.checking is not pdf:
            return  # another file was chosen meanwhile
        assert isinstance(checked, list)
        self.checking = None
        self.pdf, self.origin = pdf, origin
        text, tip, warn = summary(checked)
        self._show_signatures(text, tip, warn)
        self.sign_button.setVisible(bool(self.token_configured) and self.signed_by is None)

    def _refused(self, checked: bytes | Path, error: object) -> None:
        if self.checking is not checked:
            return
        self.clear()
        notify.inform(self, self.tr("The result's electronic copy"), failure_text(error))

    def clear(self) -> None:
        """No file: the result is returned on paper only."""
        self.checking, self.pdf, self.signed_by = None, None, None
        self.file_label.setText(self.tr("none (the result is returned on paper only)"))
        self.file_label.setToolTip("")
        hidden = (self.kind, self.limited, self.until, self.signatures, self.sign_button)
        for widget in (*hidden, self.clear_button):
            widget.setVisible(False)

    def _show_signatures(self, text: str, tip: str, warn: bool) -> None:
        self.signatures.setText(text)
        self.signatures.setToolTip(tip)
        self.signatures.setStyleSheet(_WARN if warn else _GOOD)
        self.signatures.setVisible(True)
        self.clear_button.setVisible(True)

    def _configured(self, on: object) -> None:
        self.token_configured = bool(on)
        self.sign_button.setVisible(bool(self.token_configured) and self.pdf is not None)

    def sign(self) -> None:
        """The authority's signer signs the chosen result on their own token."""
        signer, pdf = self.signer, self.pdf
        if signer is None or pdf is None or signer.busy:
            return
        for button in (self.sign_button, self.choose_button, self.clear_button):
            button.setEnabled(False)
        signer.sign(pdf, self._signed, self._sign_failed)

    def _enable(self) -> None:
        for button in (self.sign_button, self.choose_button, self.clear_button):
            button.setEnabled(True)

    def _signed(self, result: object) -> None:
        assert isinstance(result, tuple)
        pdf, cert = result
        assert isinstance(pdf, bytes) and isinstance(cert, CertificateInfo)
        self._enable()
        self.signed_by = cert
        self.sign_button.setVisible(False)
        # What is kept is the signed file as checked, like any chosen file.
        self.pdf, self.checking = None, pdf
        self._show_signatures(self.tr("Checking the file's digital signatures…"), "", False)
        self._check(pdf, Origin.AUTHORITY)

    def _sign_failed(self, error: object) -> None:
        self._enable()
        if not self.isVisible():
            return  # the step form was closed mid-signing: nothing to tell
        notify.inform(self, self.tr("The result's electronic copy"), failure_text(error))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        # The step form closed mid-signing: the signer's questions close and
        # their token's session is forgotten.
        if self.signer is not None:
            self.signer.cancel()
        super().hideEvent(event)

    def wait(self) -> None:
        self._checks.wait()
        if self.signer is not None:
            self.signer.wait()

    def result_copy(self) -> ResultCopy | None:
        if self.checking is not None or (self.signer is not None and self.signer.busy):
            raise UserError(
                Message(
                    "ResultCopyRow",
                    QT_TRANSLATE_NOOP(
                        "ResultCopyRow",
                        "The result's file is still being checked or signed; wait a moment "
                        "and confirm again.",
                    ),
                )
            )
        if self.pdf is None:
            return None
        code = str(self.kind.currentData())
        kind = document_types().get(code)
        until = self.until.date().toPython() if self.limited.isChecked() else None
        assert until is None or isinstance(until, date)
        data = PaperData(
            doc_type_code=code,
            document_name=kind.name if kind else code,
            holder_id_number=self._holder_id,
            valid_until=until,
        )
        by = self.signed_by
        signed_by = None if by is None else SignedBy(by.holder, by.serial, by.fingerprint)
        return ResultCopy(self.pdf, data, self.origin, signed_by)
