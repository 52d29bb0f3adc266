"""The last good backup in the status bar, and the offer to restore one.

A good backup is one that passed its checks (services/backups.py); the
label turns red when there is none from today or yesterday, since a desk
that works without one loses a day's dossiers with a disk.
"""

from __future__ import annotations

import threading
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
    backup off the UI thread (a window left open for days still gets one),
    and the files the start left to copy are copied there too: the start
    copies the database and what a moment allows (app_setup.open_runtime),
    the window the rest, after the login. :meth:`stop` asks that work to stop
    after the file it is copying (the window closing); the exit backup or the
    next start goes on from there."""

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
        self._stop = threading.Event()
        self.setVisible(data_dir is not None)
        self.refresh()

    def refresh(self) -> None:
        if self._data_dir is None:
            return
        last = backups.last_good(self._data_dir)
        if self._runner is not None and not self._backing_up and not self._stop.is_set():
            directory, stop = self._data_dir, self._stop
            if backups.daily_due(directory, date.today()):
                self._backing_up = True
                self._runner.start(
                    lambda: backups.back_up(directory, "daily", stop=stop),
                    self._backed_up,
                    self._not_backed_up,
                )
            elif last is not None and last.copying is not None and not self._failure:
                self._backing_up = True
                self._runner.start(
                    lambda: backups.finish_copy(directory, stop),
                    self._backed_up,
                    self._not_backed_up,
                )
        self._show(last)

    def stop(self) -> None:
        self._stop.set()

    def _show(self, last: backups.LastBackup | None) -> None:
        tip = self._failure or (str(last.path) if last else "")
        copying = last is not None and last.copying is not None
        if self._failure:
            self.setText(self.tr("The last backup failed"))
        elif last is None or last.at is None:
            self.setText(self.tr("No backup yet"))
        else:
            full = self.tr("Last good backup: {when}").format(when=fmt_datetime(last.at))
            # Brief in the status bar; the whole date and the file in the tooltip.
            brief = self.tr("Backup: {when}").format(when=fmt_moment_short(last.at, date.today()))
            if copying:
                # The database is safe; its electronic copies are not all there yet.
                count = last.copying or "?"
                full = self.tr(
                    "Database backed up: {when}; {count} electronic copies still being copied"
                ).format(when=fmt_datetime(last.at), count=count)
                # The brief text keeps its width (the bar fills 1366 px at 125 %
                # to the pixel): its colour and the tooltip say the copy goes on.
            self.setText(brief if self._brief else full)
            tip = f"{full}\n{last.path}"
        stale = (
            bool(self._failure)
            or last is None
            or last.at is None
            or (datetime.now().date() - last.at.date()).days > STALE_DAYS
        )
        self.setToolTip(tip)
        style = "color: #8a5a00;" if copying else ""
        self.setStyleSheet("color: #b00020; font-weight: bold;" if stale else style)

    def _backed_up(self, _result: object) -> None:
        self._backing_up = False
        self._failure = ""
        # Shown, not refreshed: a place unplugged keeps its copy pending, and
        # the next timer's refresh, not this answer, tries again.
        if self._data_dir is not None:
            self._show(backups.last_good(self._data_dir))

    def _not_backed_up(self, error: object) -> None:
        # Retried at the next refresh; until then the label says so in red.
        self._failure = render(error.message) if isinstance(error, UserError) else str(error)
        self._backing_up = False
        if self._data_dir is not None:
            self._show(backups.last_good(self._data_dir))


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
