"""Sao lưu: the last good backup, a backup now, the second place with the
generations kept, and a restore from a chosen file.

A restore replaces the database the window works on. The numbers handed out
since the backup are raised above the high-water mark only when the counter
opens again (app_setup.open_runtime), so after a restore every write is
refused and the application must close: ``restored`` tells the window to.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app import config
from counter_app.services import backups
from counter_app.services.auth import Actor
from counter_app.services.backups import CheckedBackup
from counter_app.services.context import ServiceContext
from counter_app.ui.admin.desk_common import AdminDialog, note, section
from counter_app.ui.backup_status import BackupStatusLabel
from counter_app.ui.formats import fmt_datetime
from counter_app.ui.widgets import fit_to_screen


class BackupsDialog(AdminDialog):
    restored = Signal(object)  # the folder the replaced database was kept in

    def __init__(
        self, ctx: ServiceContext, actor: Actor, data_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, actor, parent, "adminBackups")
        self.setWindowTitle(self.tr("Backups"))
        self.data_dir = data_dir
        self.confirm_box: QMessageBox | None = None
        layout = QVBoxLayout(self)

        now_box = section(layout, self, self.tr("Backup now"))
        self.status = BackupStatusLabel(data_dir, None, self)
        now_box.addWidget(self.status)
        self.back_up_button = QPushButton(self.tr("Back up now"), self)
        self.back_up_button.setObjectName("backUpNow")
        self.back_up_button.clicked.connect(self.back_up)
        now_box.addWidget(self.back_up_button, 0, Qt.AlignmentFlag.AlignLeft)

        place_box = section(layout, self, self.tr("Second backup place"))
        note(
            place_box,
            self,
            self.tr(
                "Every backup also goes to this folder: a USB drive or a network share, so that a broken disk does not take the backups with it."
            ),
        )
        current = backups.settings(data_dir)
        form = QFormLayout()
        place_row = QHBoxLayout()
        self.place = QLineEdit(current.place, self)
        self.place.setObjectName("backupPlace")
        self.place.setPlaceholderText(self.tr("No second place yet"))
        place_row.addWidget(self.place, 1)
        choose = QPushButton(self.tr("Choose…"), self)
        choose.setObjectName("choosePlace")
        choose.clicked.connect(self.choose_place)
        place_row.addWidget(choose)
        form.addRow(self.tr("Folder:"), place_row)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 1000)
        self.keep.setValue(current.keep)
        self.keep.setMaximumWidth(120)
        form.addRow(self.tr("Backups kept in each place:"), self.keep)
        place_box.addLayout(form)
        self.save_place_button = QPushButton(self.tr("Save"), self)
        self.save_place_button.setObjectName("savePlace")
        self.save_place_button.clicked.connect(self.save_place)
        place_box.addWidget(self.save_place_button, 0, Qt.AlignmentFlag.AlignRight)

        restore_box = section(layout, self, self.tr("Restore"))
        note(
            restore_box,
            self,
            self.tr(
                "Restoring puts a backup in place of the counter's data: what was entered after that backup is no longer in the counter (the replaced data is kept aside). Then the application closes and must be opened again."
            ),
        )
        self.restore_button = QPushButton(self.tr("Restore from a backup file…"), self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.choose_backup)
        restore_box.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.finish(layout)
        fit_to_screen(self, 720, 500)

    def back_up(self) -> None:
        self.back_up_button.setEnabled(False)
        self.show_done(self.tr("Backing up…"))
        ctx, actor, directory = self.ctx, self.actor, self.data_dir
        self.runner.start(
            lambda: backups.back_up_now(ctx, actor, directory), self._backed_up, self._failed
        )

    def _backed_up(self, paths: object) -> None:
        self.back_up_button.setEnabled(True)
        written = paths if isinstance(paths, list) else []
        self.status.refresh()
        self.show_done(
            self.tr("Backup written and checked: {paths}").format(
                paths=", ".join(str(p) for p in written)
            )
        )

    def _failed(self, error: object) -> None:
        self.back_up_button.setEnabled(True)
        self.restore_button.setEnabled(True)
        self.show_failure(error)

    def choose_place(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Second backup place"), self.place.text()
        )
        if folder:
            self.place.setText(folder)

    def save_place(self) -> None:
        text = self.place.text().strip()
        ctx, actor, directory, keep = self.ctx, self.actor, self.data_dir, self.keep.value()
        self.attempt(
            lambda: backups.set_place(ctx, actor, directory, Path(text) if text else None, keep),
            self.tr("Saved: the next backups go there too."),
        )

    def choose_backup(self) -> None:
        start = backups.last_good(self.data_dir)
        folder = str(start.path.parent if start else config.backups_dir(self.data_dir))
        file, _ = QFileDialog.getOpenFileName(
            self, self.tr("Backup to restore"), folder, self.tr("Counter backups (*.sqlite3)")
        )
        if file:
            self.check_backup(Path(file))

    def check_backup(self, file: Path) -> None:
        """Check the file off the UI thread (a full integrity check), then ask."""
        self.restore_button.setEnabled(False)
        self.show_done(self.tr("Checking the backup…"))
        # Copies the data folder still holds whole need not be in the backup.
        directory = self.data_dir
        self.runner.start(
            lambda: backups.check_backup(file, directory), self.confirm_restore, self._failed
        )

    def confirm_restore(self, checked: object) -> None:
        self.restore_button.setEnabled(True)
        if not isinstance(checked, CheckedBackup):
            return
        self.outcome.setVisible(False)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore this backup?"),
            self.tr(
                "The counter's data will be replaced by the backup of {when}:\n{file}\n\nEverything entered after that time will no longer be in the counter; the data replaced is kept aside in the backups folder. The application then closes: open it again to go on working."
            ).format(when=fmt_datetime(checked.at) if checked.at else "—", file=checked.path),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("confirmRestore")
        understood = QCheckBox(
            self.tr("I understand that what was entered after this backup leaves the counter"), box
        )
        box.setCheckBox(understood)
        restore = box.addButton(
            self.tr("Restore and close the application"), QMessageBox.ButtonRole.DestructiveRole
        )
        restore.setObjectName("confirmRestoreYes")
        keep = box.addButton(self.tr("Do not restore"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("confirmRestoreNo")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        restore.setEnabled(False)
        understood.toggled.connect(restore.setEnabled)
        restore.clicked.connect(lambda: self.restore(checked.path))
        self.confirm_box = box
        box.open()

    def restore(self, file: Path) -> None:
        for button in (self.back_up_button, self.restore_button, self.save_place_button):
            button.setEnabled(False)
        self.show_done(self.tr("Restoring…"))
        ctx, actor, directory = self.ctx, self.actor, self.data_dir
        self.runner.start(
            lambda: backups.restore_while_open(ctx, actor, directory, file),
            self._restored,
            self._failed,
        )

    def _restored(self, kept: object) -> None:
        self.status.refresh()
        self.show_done(
            self.tr(
                "The backup was restored; the data replaced is kept in {kept}. The application closes now: open it again to go on working."
            ).format(kept=kept)
        )
        self.restored.emit(kept)
