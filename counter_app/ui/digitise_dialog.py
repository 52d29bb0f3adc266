"""Digitise one paper of a dossier's checklist (Decree 118/2025 Art. 17(1)(c)).

The official gathers the paper's pages from the scanner, the scan folder or
files, puts them in order, turns and removes pages, fills in the data of
Article 19(2) and saves: one PDF, stored with its hash, linked to the
checklist's paper. Scanning runs on a worker (ui/paper_scan.py) with its
progress and a Cancel button; the save goes through the window's one writer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError, ValidationFailed
from counter_app.domain.papers import Origin, PaperData
from counter_app.domain.text import fold
from counter_app.i18n import render
from counter_app.scanning import imports, sane_source
from counter_app.scanning.folder import SETTLE_SECONDS, FolderFile
from counter_app.scanning.sane_source import ColourMode, Device, DeviceOptions, ScanRequest, Source
from counter_app.services import desk_settings, papers
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.papers import NewCopy, PaperInfo
from counter_app.services.views import DossierInfo
from counter_app.ui.paper_folder import FolderPanel
from counter_app.ui.paper_pages import PageStrip
from counter_app.ui.paper_scan import ScanRunner
from counter_app.ui.widgets import FieldErrors, error_label, fit_to_screen
from counter_app.ui.workers import WorkerRunner, WriteRunner, refusal

log = logging.getLogger(__name__)
FILE_FILTER = "PDF, JPEG, PNG, TIFF (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    return datetime.strptime(text, "%d/%m/%Y").date()


def guess_type(component: str) -> str | None:
    """The document type a checklist line names first ("Tờ khai … Giấy xác nhận
    …" is a form, not the certificate it asks for); None when none is named."""
    folded = fold(component)
    found: list[tuple[int, str]] = []
    for t in papers.document_types().types:
        for alias in t.name.split("/"):
            at = folded.find(fold(alias.strip()))
            if alias.strip() and at >= 0 and not t.result:
                found.append((at, t.code))
    return min(found)[1] if found else None


class DigitiseDialog(QDialog):
    """``saved(PaperInfo)`` once the copy is stored."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: ServiceContext,
        user: Actor,
        info: DossierInfo,
        position: int,
        parent: QWidget | None = None,
        *,
        settle: float = SETTLE_SECONDS,
        choose_files: Callable[[], list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._user = user
        self.info = info
        self.position = position
        self.component = next(d.name for d in info.documents if d.position == position)
        self._writes = WriteRunner(ctx.submit_write, self)
        self._reads = WorkerRunner(self._own_pool())
        self.scanner = ScanRunner(self)
        self._origins: set[Origin] = set()
        self._taken: list[FolderFile] = []
        self._devices: list[Device] = []
        self._options: DeviceOptions | None = None
        self._settle = settle
        self._choose_files = choose_files or self._ask_files
        self.turn_question: QMessageBox | None = None
        self.setWindowTitle(
            self.tr("Digitise: {paper} ({code})").format(paper=self.component, code=info.code)
        )
        self._build()
        self.scanner.page_read.connect(self._page_read)
        self.scanner.finished.connect(self._scan_finished)
        self.scanner.cancelled.connect(self._scan_cancelled)
        self.scanner.failed.connect(self._scan_failed)
        self.scanner.listed.connect(self._listed)
        self.scanner.look_up_failed.connect(self._look_up_failed)
        self.scanner.turn_over.connect(self._ask_turn_over)
        self.pages.changed.connect(self._pages_changed)
        self._pages_changed()
        self.refresh_devices()
        self._load_folder()
        fit_to_screen(self, 1100, 720)

    def _own_pool(self) -> QThreadPool:
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        return pool

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        head = QLabel(
            self.tr("Paper {n} of the checklist: {paper}").format(
                n=self.position, paper=self.component
            ),
            self,
        )
        head.setWordWrap(True)
        root.addWidget(head)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self._build_sources())
        pages_box = QGroupBox(self.tr("Pages"), self)
        pages_layout = QVBoxLayout(pages_box)
        self.pages = PageStrip(pages_box)
        pages_layout.addWidget(self.pages)
        self.page_count = QLabel(pages_box)
        self.page_count.setObjectName("pageCount")
        pages_layout.addWidget(self.page_count)
        split.addWidget(pages_box)
        split.addWidget(self._build_fields())
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        root.addWidget(split, 1)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("%v pages read"))
        self.progress.setVisible(False)
        self.cancel_scan_button = QPushButton(self.tr("&Stop scanning"), self)
        self.cancel_scan_button.setObjectName("cancelScan")
        self.cancel_scan_button.clicked.connect(self.cancel_scan)
        self.cancel_scan_button.setVisible(False)
        self.cancel_scan_button.setAutoDefault(False)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_scan_button)
        root.addLayout(progress_row)

        self.error = error_label(self)
        self.error.setObjectName("error")
        root.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save the copy"), self)
        self.save_button.setObjectName("saveCopy")
        self.save_button.clicked.connect(self.save)
        self.save_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setAutoDefault(False)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        root.addLayout(bottom)

    def _build_sources(self) -> QWidget:
        self.sources = QTabWidget(self)
        self.sources.setObjectName("sources")
        scanner = QWidget(self.sources)
        form = QFormLayout(scanner)
        self.device = QComboBox(scanner)
        self.device.setObjectName("device")
        self.device.setMinimumContentsLength(18)
        self.device.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.device.currentIndexChanged.connect(self._device_chosen)
        refresh = QPushButton(self.tr("Look for scanners"), scanner)
        refresh.clicked.connect(self.refresh_devices)
        refresh.setAutoDefault(False)
        device_row = QHBoxLayout()
        device_row.addWidget(self.device, 1)
        device_row.addWidget(refresh)
        form.addRow(self.tr("Scanner:"), device_row)
        self.source = QComboBox(scanner)
        self.source.setObjectName("source")
        form.addRow(self.tr("Source:"), self.source)
        self.mode = QComboBox(scanner)
        self.mode.setObjectName("mode")
        form.addRow(self.tr("Colour:"), self.mode)
        self.resolution = QComboBox(scanner)
        self.resolution.setObjectName("resolution")
        form.addRow(self.tr("Resolution:"), self.resolution)
        self.scan_button = QPushButton(self.tr("S&can"), scanner)
        self.scan_button.setObjectName("scan")
        self.scan_button.clicked.connect(self.start_scan)
        self.scan_button.setAutoDefault(False)
        form.addRow(self.scan_button)
        self.scanner_note = QLabel(scanner)
        self.scanner_note.setWordWrap(True)
        form.addRow(self.scanner_note)
        self.sources.addTab(scanner, self.tr("Scanner"))

        self.folder = FolderPanel(self.sources, settle=self._settle)
        self.folder.take_requested.connect(self.take_folder_files)
        self.folder.choose_requested.connect(self._choose_folder)
        self.sources.addTab(self.folder, self.tr("Scan folder"))

        files = QWidget(self.sources)
        files_layout = QVBoxLayout(files)
        note = QLabel(
            self.tr(
                "A PDF, a JPEG or PNG photo (taken with a phone, for instance) or a TIFF. "
                "Every page is added to the paper."
            ),
            files,
        )
        note.setWordWrap(True)
        files_layout.addWidget(note)
        self.file_button = QPushButton(self.tr("Add &files…"), files)
        self.file_button.setObjectName("addFiles")
        self.file_button.clicked.connect(self.add_files)
        self.file_button.setAutoDefault(False)
        files_layout.addWidget(self.file_button)
        files_layout.addStretch(1)
        self.sources.addTab(files, self.tr("File"))
        return self.sources

    def _build_fields(self) -> QWidget:
        box = QGroupBox(self.tr("The paper's data (Decree 118/2025, Art. 19(2))"), self)
        form = QFormLayout(box)
        self.errors = FieldErrors()
        self.doc_type = QComboBox(box)
        self.doc_type.setObjectName("doc_type_code")
        types = papers.document_types()
        for t in types.types:
            if not t.result:
                self.doc_type.addItem(f"{t.code} — {t.name}", t.code)
        self.doc_type.setCurrentIndex(self.doc_type.findData(guess_type(self.component)))
        form.addRow(self.tr("Document type:"), self.errors.add("doc_type_code", self.doc_type))
        self.document_name = QLineEdit(self.component, box)
        self.document_name.setCursorPosition(0)  # the name's start, not its end
        form.addRow(self.tr("Document name:"), self.errors.add("document_name", self.document_name))
        self.holder_id_number = QLineEdit(self.info.row.applicant_id_number, box)
        form.addRow(
            self.tr("Identification number:"),
            self.errors.add("holder_id_number", self.holder_id_number),
        )
        self.summary = QPlainTextEdit(box)
        self.summary.setFixedHeight(60)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        form.addRow(self.tr("Summary:"), self.errors.add("summary", self.summary))
        self.valid_until = QLineEdit(box)
        self.valid_until.setPlaceholderText(self.tr("dd/mm/yyyy, empty: no limit"))
        form.addRow(self.tr("Valid until:"), self.errors.add("valid_until", self.valid_until))
        self.scope = QLineEdit(box)
        form.addRow(self.tr("Scope:"), self.errors.add("scope", self.scope))
        without = QLabel(self.tr("Without an identification number:"), box)
        without.setStyleSheet("font-weight:bold;")
        form.addRow(without)
        self.holder_name = QLineEdit(self.info.row.applicant_name, box)
        form.addRow(self.tr("Full name:"), self.errors.add("holder_name", self.holder_name))
        self.holder_birth_year = QLineEdit(box)
        form.addRow(
            self.tr("Year of birth:"),
            self.errors.add("holder_birth_year", self.holder_birth_year),
        )
        self.id_issued_on = QLineEdit(box)
        self.id_issued_on.setPlaceholderText(self.tr("dd/mm/yyyy"))
        form.addRow(self.tr("Issued on:"), self.errors.add("id_issued_on", self.id_issued_on))
        self.id_issued_by = QLineEdit(box)
        form.addRow(self.tr("Issued by:"), self.errors.add("id_issued_by", self.id_issued_by))
        return box

    # ----- scanner ------------------------------------------------------------------------

    def refresh_devices(self) -> None:
        self.scanner_note.setText(self.tr("Looking for scanners…"))
        self.scanner.look_up(sane_source.devices)

    def _listed(self, answer: object) -> None:
        if isinstance(answer, DeviceOptions):
            self._fill_options(answer)
            return
        assert isinstance(answer, list)
        self._devices = answer
        self.device.blockSignals(True)
        self.device.clear()
        for dev in answer:
            self.device.addItem(dev.label, dev.name)
        self.device.blockSignals(False)
        if not answer:
            self.scanner_note.setText(
                self.tr(
                    "No scanner found. Check that it is on and connected, or use the scan "
                    "folder or a file."
                )
            )
            self.scan_button.setEnabled(False)
            return
        self.scanner_note.clear()
        self._device_chosen()

    def _look_up_failed(self, error: object) -> None:
        # No SANE on this computer, or the scanner went away: the folder and
        # files still work.
        self.scan_button.setEnabled(False)
        self.source.clear()
        if isinstance(error, UserError):
            self.scanner_note.setText(render(error.message))
        else:
            log.error("Scanner look-up failed: %r", error)
            self.scanner_note.setText(
                self.tr(
                    "No scanner found. Check that it is on and connected, or use the scan "
                    "folder or a file."
                )
            )

    def _device_chosen(self) -> None:
        name = self.device.currentData()
        if name:
            self.scanner.look_up(lambda: sane_source.options(name))

    def _fill_options(self, options: DeviceOptions) -> None:
        self._options = options
        self.source.clear()
        for source in options.sources:
            self.source.addItem(render(sane_source.source_label(source)), source.value)
        self.mode.clear()
        for mode in options.modes:
            self.mode.addItem(render(sane_source.mode_label(mode)), mode.value)
        grey = self.mode.findData(ColourMode.GREY.value)
        self.mode.setCurrentIndex(max(grey, 0))
        self.resolution.clear()
        for dpi in options.resolutions:
            self.resolution.addItem(f"{dpi} dpi", dpi)
        # 200 dpi reads well and keeps a page small; the lowest if not offered.
        best = self.resolution.findData(200)
        self.resolution.setCurrentIndex(best if best >= 0 else 0)
        self.scan_button.setEnabled(bool(options.sources))

    def scan_request(self) -> ScanRequest:
        return ScanRequest(
            device=str(self.device.currentData()),
            source=Source(self.source.currentData()),
            mode=ColourMode(self.mode.currentData() or ColourMode.GREY.value),
            resolution=int(self.resolution.currentData() or 150),
        )

    def start_scan(self) -> None:
        if not self.device.currentData() or self.source.currentData() is None:
            return
        self.error.clear()
        self._scanning(True)
        self.scanner.start(self.scan_request())

    def cancel_scan(self) -> None:
        self.scanner.cancel()

    def _scanning(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self.cancel_scan_button.setVisible(on)
        self.scan_button.setEnabled(not on)
        self.save_button.setEnabled(not on and self.pages.count() > 0)

    def _page_read(self, count: int) -> None:
        self.progress.setRange(0, max(count, 1) + 1)
        self.progress.setValue(count)

    def _scan_finished(self, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        self._scanning(False)
        self.pages.add_pdf(pdf)
        self._origins.add(Origin.SCAN)

    def _scan_cancelled(self) -> None:
        self._scanning(False)

    def _scan_failed(self, error: object) -> None:
        self._scanning(False)
        self._show_failure(error)

    def _ask_turn_over(self, sheets: int) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Turn the stack over"),
            self.tr(
                "{sheets} fronts are read. Put the stack back in the feeder turned over, "
                "then press OK to read the backs."
            ).format(sheets=sheets),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.finished.connect(
            lambda result: self.scanner.answer(result == QMessageBox.StandardButton.Ok)
        )
        self.turn_question = box
        box.open()

    # ----- folder and files ---------------------------------------------------------------

    def _load_folder(self) -> None:
        ctx = self._ctx
        self._reads.start(
            lambda: desk_settings.scan_folder(ctx),
            lambda path: self.folder.set_folder(path if isinstance(path, Path) else None),
            lambda error: self._show_failure(error),
        )

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("The folder the printer scans into"))
        if path:
            self.set_scan_folder(path)

    def set_scan_folder(self, path: str) -> None:
        ctx, user = self._ctx, self._user
        self._writes.start(
            lambda: desk_settings.set_scan_folder(ctx, user, path),
            lambda saved: self.folder.set_folder(saved if isinstance(saved, Path) else None),
            self._show_failure,
        )

    def take_folder_files(self, files: object) -> None:
        assert isinstance(files, list)
        self._import([f.path for f in files], Origin.FOLDER, files)

    def _ask_files(self) -> list[str]:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"), "", FILE_FILTER)
        return names

    def add_files(self) -> None:
        names = self._choose_files()
        if names:
            self._import([Path(n) for n in names], Origin.FILE, [])

    def _import(self, paths: list[Path], origin: Origin, folder_files: list[FolderFile]) -> None:
        self.error.clear()

        def read() -> list[bytes]:
            return [imports.read_file(p) for p in paths]

        def done(pdfs: object) -> None:
            assert isinstance(pdfs, list)
            for pdf in pdfs:
                self.pages.add_pdf(pdf)
            self._origins.add(origin)
            self._taken += folder_files
            self.folder.remove(folder_files)

        self._reads.start(read, done, self._show_failure)

    # ----- saving -------------------------------------------------------------------------

    def _pages_changed(self) -> None:
        n = self.pages.count()
        self.page_count.setText(self.tr("{n} pages in this copy").format(n=n))
        self.save_button.setEnabled(n > 0 and not self.cancel_scan_button.isVisible())

    def origin(self) -> Origin:
        # One origin per copy: a scan at the desk if any page was scanned here.
        for origin in (Origin.SCAN, Origin.FOLDER, Origin.FILE):
            if origin in self._origins:
                return origin
        return Origin.FILE

    def paper_data(self) -> PaperData:
        errors: list[tuple[str, str]] = []

        def day(field: str, widget: QLineEdit) -> date | None:
            try:
                return _parse_date(widget.text())
            except ValueError:
                errors.append((field, self.tr("Write the date as dd/mm/yyyy.")))
                return None

        year_text = self.holder_birth_year.text().strip()
        year = int(year_text) if year_text.isdigit() else None
        if year_text and year is None:
            errors.append(("holder_birth_year", self.tr("Write the year with four digits.")))
        number = self.holder_id_number.text()
        data = PaperData(
            doc_type_code=str(self.doc_type.currentData() or ""),
            document_name=self.document_name.text(),
            holder_id_number=number,
            # The name, year and issue are asked only without a number.
            holder_name="" if number.strip() else self.holder_name.text(),
            holder_birth_year=year,
            id_issued_on=day("id_issued_on", self.id_issued_on),
            id_issued_by=self.id_issued_by.text(),
            summary=self.summary.toPlainText(),
            valid_until=day("valid_until", self.valid_until),
            scope=self.scope.text(),
        )
        if errors:
            raise _FormErrors(errors)
        return data

    def save(self) -> None:
        self.errors.clear()
        self.error.clear()
        try:
            data = self.paper_data()
        except _FormErrors as bad:
            self._focus(self.errors.show(bad.errors, self.error))
            return
        if self.pages.count() == 0:
            return
        try:
            pdf = self.pages.pdf()
        except ValueError as exc:
            log.warning("Pages could not be composed: %s", exc)
            self.error.setText(self.tr("The pages could not be put together; add them again."))
            self.error.setVisible(True)
            return
        new = NewCopy(self.info.code, pdf, data, self.origin(), component=self.position)
        ctx, user = self._ctx, self._user
        self.save_button.setEnabled(False)
        self._writes.start(lambda: papers.add_copy(ctx, user, new), self._saved, self._refused)

    def _saved(self, info: object) -> None:
        assert isinstance(info, PaperInfo)
        log.info("Copy %s saved for %s paper %s", info.uuid, self.info.code, self.position)
        self._move_taken()
        self.saved.emit(info)
        self.accept()

    def _move_taken(self) -> None:
        folder = self.folder.folder
        if folder is None:
            return
        for file in self._taken:
            try:
                folder.take(file)
            except OSError as exc:
                # Taken by another desk meanwhile, or the share went away: the
                # copy is saved; the file may be offered again, harmlessly.
                log.warning("Could not move %s into taken/: %s", file.path, exc)
        self._taken = []

    def _refused(self, error: object) -> None:
        self.save_button.setEnabled(self.pages.count() > 0)
        failure = refusal(error)
        if isinstance(failure, ValidationFailed):
            pairs = [(field, render(message)) for field, message in failure.errors]
        else:
            pairs = [(failure.field or "", render(failure.message))]
        self._focus(self.errors.show(pairs, self.error))

    def _show_failure(self, error: object) -> None:
        if isinstance(error, UserError):
            text = render(error.message)
        else:
            log.error("Digitising failed: %r", error)
            text = self.tr(
                "That did not work. Try again; if it keeps failing, call the IT staff "
                "(details are in the log file)."
            )
        self.error.setText(text)
        self.error.setVisible(True)

    @staticmethod
    def _focus(widget: QWidget | None) -> None:
        if widget is not None:
            widget.setFocus()

    def done(self, result: int) -> None:  # noqa: D102 - a closing dialog waits for its work
        self.scanner.wait()
        self._reads.wait()
        self._writes.wait()
        if self.turn_question is not None:
            self.turn_question.close()
        super().done(result)


class _FormErrors(Exception):
    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__(errors)
        self.errors = errors
