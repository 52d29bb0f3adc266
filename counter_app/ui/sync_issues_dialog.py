"""Records sync could not apply: what the centre refused (quarantine), what
met an unsynced local change (conflict) and what the centre sent that this
counter could not apply, listed for the administrator."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.i18n import render
from counter_app.sync.service import IssueInfo
from counter_app.ui.formats import fmt_datetime
from counter_app.ui.list_table_model import ListTableModel, ModelIndex
from counter_app.ui.widgets import fit_to_screen, read_only_table

_CTX = "SyncIssues"
ROW_UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

DIRECTIONS: dict[str, str] = {
    "push": QT_TRANSLATE_NOOP("SyncIssues", "Sent: refused by the centre"),
    "pull": QT_TRANSLATE_NOOP("SyncIssues", "Received: not applied here"),
    "notice": QT_TRANSLATE_NOOP("SyncIssues", "Received: applied, read what changed"),
}
KINDS: dict[str, str] = {
    "dossier": QT_TRANSLATE_NOOP("SyncIssues", "Dossier"),
    "document": QT_TRANSLATE_NOOP("SyncIssues", "Dossier document"),
    "pause": QT_TRANSLATE_NOOP("SyncIssues", "Clock pause"),
    "step": QT_TRANSLATE_NOOP("SyncIssues", "Workflow step"),
    "print_job": QT_TRANSLATE_NOOP("SyncIssues", "Printed form"),
    "audit": QT_TRANSLATE_NOOP("SyncIssues", "Audit entry"),
    "procedure": QT_TRANSLATE_NOOP("SyncIssues", "Procedure"),
    "user": QT_TRANSLATE_NOOP("SyncIssues", "Official"),
    "calendar_day": QT_TRANSLATE_NOOP("SyncIssues", "Calendar day"),
    "counter": QT_TRANSLATE_NOOP("SyncIssues", "Counter"),
    "note": QT_TRANSLATE_NOOP("SyncIssues", "Central note"),
    # A restore waiting to take back from the centre what the copy lacks.
    "restore": QT_TRANSLATE_NOOP("SyncIssues", "Restored backup"),
}


def label(table: dict[str, str], value: str) -> str:
    source = table.get(value)
    return QCoreApplication.translate(_CTX, source) if source else value


def _record(issue: IssueInfo) -> str:
    """The kind of record, and the dossier's code when it is one."""
    kind = label(KINDS, issue.kind)
    return f"{kind} {issue.record}" if issue.record else kind


class SyncIssuesModel(ListTableModel):
    DIRECTION, KIND, REASON, AT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Direction"),
            self.tr("Record"),
            self.tr("Reason"),
            self.tr("Time"),
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        issue: IssueInfo | None = self.item(index)
        if issue is None:
            return None
        column = index.column()
        if role == ROW_UUID_ROLE:
            return issue.row_uuid
        if role == SORT_ROLE:
            return issue.at if column == self.AT else self.data(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DIRECTION:
                return label(DIRECTIONS, issue.direction)
            if column == self.KIND:
                return _record(issue)
            if column == self.REASON:
                return render(issue.message)
            if column == self.AT:
                return fmt_datetime(issue.at)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{_record(issue)} {issue.row_uuid}\n{render(issue.message)}"
        return None


class SyncIssuesDialog(QDialog):
    """Read-only list; resolving an issue is the IT staff's work at the centre."""

    def __init__(self, issues: Sequence[IssueInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIssues")
        self.setWindowTitle(self.tr("Sync issues"))
        self.model = SyncIssuesModel(self)
        self.model.set_items(issues)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These records could not be synced. Nothing was deleted: both versions are kept for the IT staff, and the rest of the queue keeps moving."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.view = read_only_table(self, self.model, SyncIssuesModel.REASON)
        layout.addWidget(self.view, 1)
        self.empty_label = QLabel(self.tr("No sync issues."), self)
        self.empty_label.setVisible(not issues)
        layout.addWidget(self.empty_label)
        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 360)
