"""The last good backup in the status bar, and the offer to restore one.

A good backup is one that passed its checks (services/backups.py); the
label turns red when there is none from today or yesterday, since a desk
that works without one loses a day's dossiers with a disk.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from counter_app.domain.messages import Message, UserError
from counter_app.i18n import render
from counter_app.services import backups
from counter_app.ui.formats import fmt_datetime, fmt_moment_short
from counter_app.ui.workers import WorkerRunner

STALE_DAYS = 1


class BackupStatusLabel(QLabel):
    """With a ``runner``, the first refresh of each day also takes the day's
    backup off the UI thread: a window left open for days still gets one."""

    def __init__(
        self,
        data_dir: Path | None,
        runner: WorkerRunner | None = None,
        parent: QWidget | None = None,
        *,
        brief: bool = False,
    ) -> None:
        super().__init__(parent)
        self._brief = brief
        self.setObjectName("backupStatus")
        self._data_dir = data_dir
        self._runner = runner
        self._backing_up = False
        self._failure = ""
        self.setVisible(data_dir is not None)
        self.refresh()

    def refresh(self) -> None:
        if self._data_dir is None:
            return
        if (
            self._runner is not None
            and not self._backing_up
            and backups.daily_due(self._data_dir, date.today())
        ):
            self._backing_up = True
            directory = self._data_dir
            self._runner.start(
                lambda: backups.back_up(directory, "daily"), self._backed_up, self._not_backed_up
            )
        last = backups.last_good(self._data_dir)
        tip = self._failure or (str(last.path) if last else "")
        if self._failure:
            self.setText(self.tr("The last backup failed"))
        elif last is None or last.at is None:
            self.setText(self.tr("No backup yet"))
        else:
            full = self.tr("Last good backup: {when}").format(when=fmt_datetime(last.at))
            # Brief in the status bar; the whole date and the file in the tooltip.
            brief = self.tr("Backup: {when}").format(when=fmt_moment_short(last.at, date.today()))
            self.setText(brief if self._brief else full)
            tip = f"{full}\n{last.path}"
        stale = (
            bool(self._failure)
            or last is None
            or last.at is None
            or (datetime.now().date() - last.at.date()).days > STALE_DAYS
        )
        self.setToolTip(tip)
        self.setStyleSheet("color: #b00020; font-weight: bold;" if stale else "")

    def _backed_up(self, _paths: object) -> None:
        self._backing_up = False
        self._failure = ""
        self.refresh()

    def _not_backed_up(self, error: object) -> None:
        # Retried at the next refresh; until then the label says so in red.
        self._failure = render(error.message) if isinstance(error, UserError) else str(error)
        self.refresh()
        self._backing_up = False


def show_notices(parent: QWidget | None, notices: list[Message]) -> None:
    """What the start found (a database behind its mark, a failed backup)."""
    for notice in notices:
        QMessageBox.warning(
            parent,
            QApplication.translate("BackupStatus", "Check the counter's data"),
            render(notice),
        )


def offer_restore(parent: QWidget | None, damage: Message, latest: Path | None) -> bool:
    """A damaged database: say so, and offer the latest good backup. True: restore it."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QApplication.translate("BackupStatus", "Damaged database"),
        render(damage),
    )
    box.setObjectName("damagedDatabase")
    restore = None
    if latest is not None:
        restore = box.addButton(
            QApplication.translate("BackupStatus", "Restore the latest good backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    box.addButton(
        QApplication.translate("BackupStatus", "Open read-only"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    return restore is not None and box.clickedButton() is restore
