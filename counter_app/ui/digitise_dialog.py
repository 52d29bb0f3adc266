"""Digitise one paper of a dossier's checklist (Decree 118/2025 Art. 17(1)(c)).

The official gathers the paper's pages from the scanner, the scan folder or
files, puts them in order, turns and removes pages, fills in the data of
Article 19(2) and saves: one PDF, stored with its hash, linked to the
checklist's paper. Scanning runs on a worker (ui/paper_scan.py) with its
progress and a Cancel button; the save goes through the window's one writer.
Its parts: the sources (ui/paper_sources.py, ui/paper_folder.py), the page
strip (ui/paper_pages.py) and the paper's data (ui/paper_fields.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError, ValidationFailed
from counter_app.domain.papers import Origin
from counter_app.i18n import render
from counter_app.scanning import imports
from counter_app.scanning.folder import SETTLE_SECONDS, FolderFile
from counter_app.scanning.sane_source import ScanRequest
from counter_app.services import desk_settings
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.papers import NewCopy, PaperInfo
from counter_app.services.views import DossierInfo
from counter_app.ui.paper_fields import FormErrors, PaperFields
from counter_app.ui.paper_folder import FolderPanel, move_taken
from counter_app.ui.paper_ocr import PaperOcr
from counter_app.ui.paper_pages import PageStrip
from counter_app.ui.paper_scan import ScanRunner
from counter_app.ui.paper_signing import PaperSigning
from counter_app.ui.paper_sources import FilesPanel, ScannerPanel
from counter_app.ui.widgets import error_label, fit_to_screen
from counter_app.ui.workers import WorkerRunner, WriteRunner, refusal

log = logging.getLogger(__name__)
FILE_FILTER = "PDF, JPEG, PNG, TIFF (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"


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
        self._settle = settle
        self._choose_files = choose_files or self._ask_files
        self.turn_question: QMessageBox | None = None
        self.moving: threading.Thread | None = None  # the taken files on their way
        self.setWindowTitle(
            self.tr("Digitise: {paper} ({code})").format(paper=self.component, code=info.code)
        )
        self._build()
        self.scanner.page_read.connect(self._page_read)
        self.scanner.finished.connect(self._scan_finished)
        self.scanner.cancelled.connect(self._scan_cancelled)
        self.scanner.failed.connect(self._scan_failed)
        self.scanner.turn_over.connect(self._ask_turn_over)
        self.pages.changed.connect(self._pages_changed)
        self._pages_changed()
        self.scan_panel.refresh_devices()
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
        self.fields = PaperFields(
            self.component, self.info.row.applicant_id_number, self.info.row.applicant_name, self
        )
        split.addWidget(self.fields)
        # The page strip gives way first: at 125 % the data's hints ("dd/mm/yyyy,
        # empty: no limit") and the scanner's name were cut short otherwise.
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
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
        self.ocr = PaperOcr(self.pages, self.fields, self._reads, self)
        bottom.insertWidget(0, self.ocr.label, 1)
        bottom.addWidget(self.ocr.button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        root.addLayout(bottom)
        self.signing = PaperSigning(self, self._ctx, self._user, self._writes, self.save_button)
        root.insertWidget(root.indexOf(self.error), self.signing.label)

    def _build_sources(self) -> QWidget:
        self.sources = QTabWidget(self)
        self.sources.setObjectName("sources")
        self.scan_panel = ScannerPanel(self.scanner, self.sources)
        self.scan_panel.scan_requested.connect(self.start_scan)
        self.sources.addTab(self.scan_panel, self.tr("Scanner"))

        self.folder = FolderPanel(self.sources, settle=self._settle)
        self.folder.take_requested.connect(self.take_folder_files)
        self.folder.choose_requested.connect(self._choose_folder)
        self.sources.addTab(self.folder, self.tr("Scan folder"))

        self.files_panel = FilesPanel(self.sources)
        self.files_panel.add_requested.connect(self.add_files)
        self.sources.addTab(self.files_panel, self.tr("File"))
        return self.sources

    # ----- scanning -----------------------------------------------------------------------

    def start_scan(self, request: object) -> None:
        assert isinstance(request, ScanRequest)
        self.error.clear()
        self._scanning(True)
        self.scanner.start(request)

    def cancel_scan(self) -> None:
        self.scanner.cancel()

    def _scanning(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self.cancel_scan_button.setVisible(on)
        self.scan_panel.scan_button.setEnabled(not on)
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

    def save(self) -> None:
        self.fields.errors.clear()
        self.error.clear()
        try:
            data = self.fields.paper_data()
        except FormErrors as bad:
            self._focus(self.fields.errors.show(bad.errors, self.error))
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
        pdf, text = self.ocr.for_saving(pdf)
        new = NewCopy(
            self.info.code, pdf, data, self.origin(), component=self.position, ocr_text=text
        )
        self.save_button.setEnabled(False)
        self.signing.save(new, self._saved, self._refused)

    def _saved(self, info: object) -> None:
        assert isinstance(info, PaperInfo)
        log.info("Copy %s saved for %s paper %s", info.uuid, self.info.code, self.position)
        self._move_taken()
        self.saved.emit(info)
        self.accept()

    def _move_taken(self) -> None:
        folder = self.folder.folder
        if folder is not None and self._taken:
            # Off the UI thread and not waited for by closing: a slow share
            # must freeze neither the window nor the dialog's Save.
            self.moving = move_taken(folder, self._taken)
        self._taken = []

    def _refused(self, error: object) -> None:
        self.save_button.setEnabled(self.pages.count() > 0)
        failure = refusal(error)
        if isinstance(failure, ValidationFailed):
            pairs = [(field, render(message)) for field, message in failure.errors]
        else:
            pairs = [(failure.field or "", render(failure.message))]
        self._focus(self.fields.errors.show(pairs, self.error))

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
        self.folder.wait()
        self.signing.wait()
        self._writes.wait()
        if self.turn_question is not None:
            self.turn_question.close()
        super().done(result)
