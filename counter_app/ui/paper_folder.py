"""The desk's scan folder in the digitise dialog: the files the office's
multifunction printer has finished writing, offered to the official.

QFileSystemWatcher says when the folder changes; a timer looks again while a
file is still growing (scanning/folder.py offers it only once its size has
settled), so a half-written scan is never listed. Looking and moving the
taken files run off the UI thread: the folder is often a network share.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.scanning.folder import SETTLE_SECONDS, FolderFile, ScanFolder
from counter_app.ui.workers import WorkerRunner

log = logging.getLogger(__name__)
_FILE = Qt.ItemDataRole.UserRole
LOOK_AGAIN_MS = 500


def move_taken(folder: ScanFolder, files: list[FolderFile]) -> threading.Thread:
    """Move the files of a saved copy into ``taken/`` on a thread of their own.

    A plain daemon thread, not a pool of the dialog: the dialog closes at once
    and nothing waits for a share that answers slowly; the move touches no
    database and a rename cut short by quitting leaves the file in place,
    offered again, harmlessly.
    """
    files = list(files)

    def run() -> None:
        for file in files:
            try:
                folder.take(file)
            except OSError as exc:
                # Taken by another desk meanwhile, or the share went away: the
                # copy is saved; the file may be offered again, harmlessly.
                log.warning("Could not move %s into taken/: %s", file.path, exc)

    thread = threading.Thread(target=run, name="scan-folder-move", daemon=True)
    thread.start()
    return thread


class FolderPanel(QWidget):
    """``take_requested(list[FolderFile])`` when the official adds the chosen files;
    ``choose_requested()`` when they want another folder."""

    take_requested = Signal(object)
    choose_requested = Signal()

    def __init__(self, parent: QWidget | None = None, settle: float = SETTLE_SECONDS) -> None:
        super().__init__(parent)
        self._settle = settle
        self.folder: ScanFolder | None = None
        # Added to the paper being made: moved away only when it is saved.
        self._added: set[Path] = set()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _p: self.look())
        self._timer = QTimer(self)
        self._timer.setInterval(LOOK_AGAIN_MS)
        self._timer.timeout.connect(self.look)
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        self._reads = WorkerRunner(pool)
        self._looking = False
        self._again = False
        layout = QVBoxLayout(self)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setObjectName("scanFolder")
        layout.addWidget(self.where)
        self.files = QListWidget(self)
        self.files.setObjectName("folderFiles")
        self.files.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.files.itemDoubleClicked.connect(lambda _i: self._take())
        layout.addWidget(self.files, 1)
        row = QHBoxLayout()
        self.take_button = QPushButton(self.tr("&Add the chosen files"), self)
        self.take_button.setObjectName("takeFolderFiles")
        self.take_button.clicked.connect(self._take)
        self.take_button.setAutoDefault(False)
        self.choose_button = QPushButton(self.tr("Choose the &folder…"), self)
        self.choose_button.clicked.connect(self.choose_requested)
        self.choose_button.setAutoDefault(False)
        row.addWidget(self.take_button)
        row.addStretch(1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.set_folder(None)

    def set_folder(self, path: Path | None) -> None:
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self.files.clear()
        if path is None:
            self.folder = None
            self.where.setText(
                self.tr(
                    "No scan folder is set for this desk. Choose the folder the office's "
                    "printer scans into."
                )
            )
            self.take_button.setEnabled(False)
            return
        self.folder = ScanFolder(path, settle=self._settle)
        self.where.setText(self.tr("Files scanned into {path}:").format(path=str(path)))
        self._watcher.addPath(str(path))
        self.look()

    def look(self) -> None:
        """Look at the folder again, on the panel's worker: listing a network
        share can take seconds. A look asked for meanwhile follows it."""
        if self.folder is None:
            return
        if self._looking:
            self._again = True
            return
        self._looking, self._again = True, False
        folder = self.folder
        self._reads.start(
            folder.look,
            lambda result: self._looked(folder, result),
            self._look_failed,
        )

    def _looked(self, folder: ScanFolder, result: object) -> None:
        self._looking = False
        if folder is not self.folder or self._again:
            self.look()  # another folder chosen, or the folder changed again
            return
        assert isinstance(result, tuple)
        ready, pending = result
        chosen = {item.data(_FILE).path for item in self.files.selectedItems()}
        self.files.clear()
        for file in ready:
            if file.path in self._added:
                continue
            item = QListWidgetItem(file.name)
            item.setData(_FILE, file)
            self.files.addItem(item)
            item.setSelected(file.path in chosen)
        self.take_button.setEnabled(self.files.count() > 0)
        # A file still being written: look again until it settles.
        if pending and not self._timer.isActive():
            self._timer.start()
        elif not pending:
            self._timer.stop()

    def _look_failed(self, error: object) -> None:
        self._looking = False
        log.error("Looking at the scan folder failed: %r", error)

    def wait(self) -> None:
        self._reads.wait()

    def ready_files(self) -> list[FolderFile]:
        return [self.files.item(r).data(_FILE) for r in range(self.files.count())]

    def choose(self, names: list[str]) -> None:
        for r in range(self.files.count()):
            item = self.files.item(r)
            item.setSelected(item.text() in names)

    def _take(self) -> None:
        chosen = [item.data(_FILE) for item in self.files.selectedItems()]
        if not chosen and self.files.count() == 1:
            chosen = self.ready_files()
        if chosen:
            self.take_requested.emit(chosen)

    def remove(self, files: list[FolderFile]) -> None:
        """Files added to the paper are no longer offered in this dialog."""
        gone = {f.path for f in files}
        self._added |= gone
        for r in reversed(range(self.files.count())):
            if self.files.item(r).data(_FILE).path in gone:
                self.files.takeItem(r)
