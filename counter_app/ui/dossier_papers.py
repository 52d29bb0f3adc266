"""The dossier window's electronic papers (Decree 118/2025 Art. 17(1)(c)).

Each paper of the checklist with its electronic copy, or marked "not yet
digitised" with a button to digitise it; the dossier's copies, who made
them and when, removed ones greyed with their reason; a copy opened in the
system's PDF viewer or removed with a reason. How the two tables read is
ui/paper_tables.py.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.private_files import private_dir
from counter_app.services import papers
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.papers import PaperInfo
from counter_app.services.views import DossierInfo
from counter_app.sync.file_download import fetch
from counter_app.sync.file_upload import pending_files
from counter_app.ui.digitise_dialog import DigitiseDialog
from counter_app.ui.paper_tables import fill_checklist, fill_copies, table_look
from counter_app.ui.signature_check import SignatureCheckDialog
from counter_app.ui.widgets import error_label
from counter_app.ui.workers import WorkerRunner, WriteRunner, refusal
from counter_app.wire import connection_file as settings_file

log = logging.getLogger(__name__)
OpenUrl = Callable[[QUrl], bool]


class DossierPapers(QWidget):
    """``papers_changed()`` after a copy is added or removed; ``counted(missing)``
    each time the list is read: how many checklist papers have no copy."""

    papers_changed = Signal()
    counted = Signal(int)

    def __init__(
        self,
        ctx: ServiceContext,
        user: Actor,
        writes: WriteRunner,
        parent: QWidget | None = None,
        *,
        open_url: OpenUrl = QDesktopServices.openUrl,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        # The counter's folder: its link to the centre, where another desk's
        # copies are fetched from when opened here.
        self._data_dir = data_dir
        self._user = user
        self._writes = writes
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        self._reads = WorkerRunner(pool)
        self.open_url = open_url
        self.info: DossierInfo | None = None
        self.copies: list[PaperInfo] = []
        self._to_show: str | None = None  # a copy to select once the list is read
        self.digitise_dialog: DigitiseDialog | None = None
        self.remove_question: QInputDialog | None = None
        self._build()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        checklist_box = QGroupBox(self.tr("Papers of the checklist"), self)
        checklist_layout = QVBoxLayout(checklist_box)
        self.checklist = QTableWidget(0, 3, checklist_box)
        self.checklist.setObjectName("paperChecklist")
        self.checklist.setHorizontalHeaderLabels([self.tr("Paper"), self.tr("Electronic copy"), ""])
        table_look(self.checklist, 0)
        checklist_layout.addWidget(self.checklist)
        root.addWidget(checklist_box, 1)

        copies_box = QGroupBox(self.tr("Electronic copies of this dossier"), self)
        copies_layout = QVBoxLayout(copies_box)
        self.table = QTableWidget(0, 8, copies_box)
        self.table.setObjectName("paperCopies")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Paper"),
                self.tr("Document"),
                self.tr("Type"),
                self.tr("Pages"),
                self.tr("Origin"),
                self.tr("Digitised by"),
                self.tr("State"),
                self.tr("Signature"),
            ]
        )
        table_look(self.table, 0, 1)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _i: self.open_selected())
        copies_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open"), copies_box)
        self.open_button.setObjectName("openCopy")
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self.tr("Re&move…"), copies_box)
        self.remove_button.setObjectName("removeCopy")
        self.remove_button.clicked.connect(self.ask_remove)
        self.check_button = QPushButton(self.tr("&Check signatures"), copies_box)
        self.check_button.setObjectName("checkSignatures")
        self.check_button.clicked.connect(self.check_selected)
        self.check_dialog: SignatureCheckDialog | None = None
        for button in (self.open_button, self.remove_button, self.check_button):
            button.setAutoDefault(False)
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        copies_layout.addLayout(buttons)
        self.pending_label = QLabel(copies_box)
        self.pending_label.setObjectName("filesPending")
        self.pending_label.setStyleSheet("color:#8a4b00;")
        self.pending_label.setVisible(False)
        copies_layout.addWidget(self.pending_label)
        self.error = error_label(copies_box)
        copies_layout.addWidget(self.error)
        root.addWidget(copies_box, 1)

    # ----- content ------------------------------------------------------------------------

    def show_dossier(self, info: DossierInfo) -> None:
        self.info = info
        ctx, code, directory = self._ctx, info.code, self._data_dir
        self._reads.start(lambda: papers.list_papers(ctx, code), self._fill, self._failed)
        self._reads.start(lambda: _pending(ctx, directory, code), self._show_pending, self._failed)

    def _show_pending(self, count: object) -> None:
        assert isinstance(count, int)
        # A copy's row goes to the centre first, its file after (sync/file_upload).
        self.pending_label.setText(
            self.tr("{count} copies' files not yet at the centre (sent at the next sync)").format(
                count=count
            )
        )
        self.pending_label.setVisible(count > 0)

    @property
    def busy(self) -> bool:
        return self._reads.busy

    def _fill(self, copies: object) -> None:
        assert isinstance(copies, list) and self.info is not None
        self.copies = copies
        fill_checklist(self.checklist, self.info.documents, copies, self.digitise)
        fill_copies(self.table, copies)
        self._selection_changed()
        if self._to_show is not None:
            self.show_copy(self._to_show)
        self.counted.emit(len(self.missing()))

    def show_copy(self, uuid: str) -> None:
        """Select the copy ``uuid`` (a scanned receipt's signed form); once read, if not yet."""
        row = next((n for n, c in enumerate(self.copies) if c.uuid == uuid), None)
        if row is None:
            self._to_show = uuid
            return
        self._to_show = None
        self.table.selectRow(row)

    def missing(self) -> list[int]:
        """Positions of the checklist's papers without a copy."""
        assert self.info is not None
        held = {c.component for c in self.copies if not c.removed}
        return [n for n in range(1, len(self.info.documents) + 1) if n not in held]

    # ----- actions ------------------------------------------------------------------------

    def digitise(self, position: int) -> DigitiseDialog:
        assert self.info is not None
        dialog = DigitiseDialog(self._ctx, self._user, self.info, position, self)
        dialog.saved.connect(lambda _p: self._changed())
        self.digitise_dialog = dialog
        dialog.open()
        return dialog

    def _selected(self) -> PaperInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.copies[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        copy = self._selected()
        self.open_button.setEnabled(copy is not None)
        self.remove_button.setEnabled(copy is not None and not copy.removed)
        self.check_button.setEnabled(copy is not None)

    def check_selected(self) -> SignatureCheckDialog | None:
        """What the selected copy's signatures say, as its file is on disk now."""
        copy = self._selected()
        if copy is None:
            return None
        dialog = SignatureCheckDialog(self._ctx, copy, self._data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.check_dialog = dialog
        dialog.open()
        return dialog

    def open_selected(self) -> None:
        copy = self._selected()
        if copy is None:
            return
        store = self._ctx.files
        if store is not None and not store.has(copy.sha256) and self._data_dir is not None:
            # Digitised at another desk (a dossier handed over): fetched from
            # the centre off the UI thread, hash-checked, then opened.
            ctx, directory, sha = self._ctx, self._data_dir, copy.sha256
            self.open_button.setEnabled(False)
            self._say(self.tr("Fetching the copy from the centre…"))
            self._reads.start(
                lambda: fetch(ctx, directory, sha),
                lambda _path: self._fetched(copy),
                self._not_fetched,
            )
            return
        self._open(copy)

    def _fetched(self, copy: PaperInfo) -> None:
        self.open_button.setEnabled(True)
        self.error.setVisible(False)
        self._open(copy)

    def _not_fetched(self, error: object) -> None:
        self.open_button.setEnabled(True)
        detail = render(error.message) if isinstance(error, UserError) else str(error)
        self._say(
            self.tr("The copy could not be fetched from the centre: {detail}").format(detail=detail)
        )

    def _open(self, copy: PaperInfo) -> None:
        try:
            path = self._viewable(copy)
        except OSError as exc:
            log.warning("Copy %s cannot be opened: %s", copy.uuid, exc)
            self._say(self.tr("The copy's file is not on this computer; check the desk."))
            return
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            self._say(self.tr("No program opens PDF files on this computer; ask IT to add one."))

    def _viewable(self, copy: PaperInfo) -> Path:
        """The stored file under a name a PDF viewer recognises, in a private
        folder beside the store (the store names files by hash only)."""
        stored = papers.file_path(self._ctx, copy.sha256)
        folder = private_dir(stored.parents[2] / "opened")
        name = f"{copy.dossier_code}-{copy.component or 0}-{copy.uuid[:8]}.pdf"
        target = folder / name
        if not target.exists():
            shutil.copyfile(stored, target)
            target.chmod(0o600)
        return target

    def ask_remove(self) -> QInputDialog | None:
        copy = self._selected()
        if copy is None or copy.removed:
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Remove the copy"))
        dialog.setLabelText(
            self.tr("Why is “{name}” removed from the dossier? (kept on record)").format(
                name=copy.data.document_name
            )
        )
        dialog.textValueSelected.connect(lambda reason: self.remove(copy.uuid, reason))
        self.remove_question = dialog
        dialog.open()
        return dialog

    def remove(self, uuid: str, reason: str) -> None:
        ctx, user = self._ctx, self._user
        self._writes.start(
            lambda: papers.remove(ctx, user, uuid, reason),
            lambda _r: self._changed(),
            lambda error: self._say(render(refusal(error).message)),
        )

    def _changed(self) -> None:
        self.error.clear()
        self.error.setVisible(False)
        if self.info is not None:
            self.show_dossier(self.info)
        self.papers_changed.emit()

    def _failed(self, error: object) -> None:
        if isinstance(error, UserError):
            self._say(render(error.message))
        else:
            log.error("Papers could not be read: %r", error)
            self._say(self.tr("The electronic copies could not be read; close and open again."))

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def wait(self) -> None:
        self._reads.wait()


def _pending(ctx: ServiceContext, directory: Path | None, code: str) -> int:
    """Files of this dossier's copies the centre has not taken yet; none for a
    desk not linked to a centre (nothing would ever send them)."""
    if directory is None or settings_file.stored(directory) is None:
        return 0
    return pending_files(ctx, code)
