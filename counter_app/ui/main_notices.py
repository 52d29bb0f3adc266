"""The home screen's notices: a tab listing what the citizen must be told
(due, being sent, refused) and what went out, a count in the status bar, and
the sender that runs now and then off the UI thread (Decree 118 Articles
17(2), 19(5), 19(6), 22(5)).

The sender runs on its own one-thread pool, never twice at once: every
``SEND_MS``, after each good sync round (the link is back) and once at start.
Recording a phone call is a write: it runs off the UI thread too.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import QT_TRANSLATE_NOOP, UserError
from counter_app.domain.notices import Channel, NoticeKind, NoticeState
from counter_app.i18n import render
from counter_app.services import notices
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.notice_sending import send_due
from counter_app.services.notices import NoticeRow
from counter_app.ui import notify
from counter_app.ui.list_table_model import ListTableModel, ModelIndex
from counter_app.ui.workers import WorkerRunner

log = logging.getLogger(__name__)

_CTX = "Notices"
SEND_MS = 60_000
TITLE = QT_TRANSLATE_NOOP("Notices", "Notices")
KIND_LABELS = {
    NoticeKind.EXTENSION: QT_TRANSLATE_NOOP("Notices", "Extension"),
    NoticeKind.EARLY_RESULT: QT_TRANSLATE_NOOP("Notices", "Result ready early"),
    NoticeKind.ONLINE_ACCEPTED: QT_TRANSLATE_NOOP("Notices", "Online dossier accepted"),
    NoticeKind.ONLINE_CHANGES: QT_TRANSLATE_NOOP("Notices", "Online dossier: changes asked"),
    NoticeKind.CLOSING: QT_TRANSLATE_NOOP("Notices", "Dossier closed"),
}
CHANNEL_LABELS = {
    Channel.EMAIL: QT_TRANSLATE_NOOP("Notices", "E-mail"),
    Channel.SMS: QT_TRANSLATE_NOOP("Notices", "SMS"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Notices", "Phone call"),
}
STATE_LABELS = {
    NoticeState.DUE: QT_TRANSLATE_NOOP("Notices", "To send"),
    NoticeState.SENDING: QT_TRANSLATE_NOOP("Notices", "Sending"),
    NoticeState.SENT: QT_TRANSLATE_NOOP("Notices", "Sent"),
    NoticeState.FAILED: QT_TRANSLATE_NOOP("Notices", "Not delivered"),
    NoticeState.RECORDED: QT_TRANSLATE_NOOP("Notices", "Called"),
}
PHONE_DUE = QT_TRANSLATE_NOOP("Notices", "To call")
HEADERS = (
    QT_TRANSLATE_NOOP("Notices", "Dossier"),
    QT_TRANSLATE_NOOP("Notices", "Notice"),
    QT_TRANSLATE_NOOP("Notices", "Channel"),
    QT_TRANSLATE_NOOP("Notices", "To"),
    QT_TRANSLATE_NOOP("Notices", "State"),
    QT_TRANSLATE_NOOP("Notices", "Made"),
    QT_TRANSLATE_NOOP("Notices", "Done"),
    QT_TRANSLATE_NOOP("Notices", "Why not sent"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def state_label(row: NoticeRow) -> str:
    if row.channel is Channel.PHONE and row.state is NoticeState.DUE:
        return _tr(PHONE_DUE)
    return _tr(STATE_LABELS[row.state])


class NoticeTableModel(ListTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(_tr(h) for h in HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item(index)
        if row is None:
            return None
        assert isinstance(row, NoticeRow)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.subject}\n\n{row.text}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        done = f"{row.done_at:%d/%m/%Y %H:%M} {row.done_by}".strip() if row.done_at else ""
        return (
            row.dossier_code,
            _tr(KIND_LABELS[row.kind]),
            _tr(CHANNEL_LABELS[row.channel]),
            row.recipient,
            state_label(row),
            f"{row.created_at:%d/%m/%Y %H:%M} {row.created_by}",
            done,
            row.last_error,
        )[index.column()]

    def rows(self) -> list[NoticeRow]:
        return [self.item(self.index(r, 0)) for r in range(self.rowCount())]


class MainNotices(QObject):
    """Adds the tab to ``tabs`` and the count to the window's status bar."""

    loaded = Signal()
    sent = Signal(object)  # a SendReport

    def __init__(
        self,
        window: QMainWindow,
        ctx: ServiceContext,
        tabs: QTabWidget,
        data_dir: Path | None,
        send_ms: int = SEND_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._tabs = tabs
        self._data_dir = data_dir
        self.user: Actor | None = None
        self._runner = WorkerRunner(QThreadPool(self))
        send_pool = QThreadPool(self)
        send_pool.setMaxThreadCount(1)
        self._sender = WorkerRunner(send_pool)
        self._sending = False
        self._loading = False
        self._again = False

        self.page = QWidget(tabs)
        self.page.setObjectName("noticesPage")
        layout = QVBoxLayout(self.page)
        self.model = NoticeTableModel(self)
        self.view = QTableView(self.page)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.call_button = QPushButton(
            QCoreApplication.translate("Notices", "I called the citizen"), self.page
        )
        self.call_button.setObjectName("recordCall")
        self.call_button.setToolTip(
            QCoreApplication.translate(
                "Notices", "Record that you told the citizen this notice by phone, now."
            )
        )
        self.call_button.clicked.connect(self.record_call)
        buttons.addWidget(self.call_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.index = tabs.addTab(self.page, _tr(TITLE))

        self.status_label = QLabel(window)
        self.status_label.setObjectName("noticesStatus")
        window.statusBar().addPermanentWidget(self.status_label)

        self.timer = QTimer(self)
        self.timer.setInterval(send_ms)
        self.timer.timeout.connect(self.send_now)
        if data_dir is not None:
            self.timer.start()

    # ----- list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        ctx = self._ctx
        self._runner.start(lambda: notices.list_notices(ctx), self._loaded, self._load_failed)

    def _loaded(self, rows: object) -> None:
        assert isinstance(rows, list)
        self._loading = False
        self.model.set_items(rows)
        open_ = sum(1 for r in rows if r.state in notices.OPEN_STATES)
        self._tabs.setTabText(self._tabs.indexOf(self.page), f"{_tr(TITLE)} ({open_})")
        self.status_label.setText(
            QCoreApplication.translate("Notices", "Notices to send: {count}").format(count=open_)
        )
        self.status_label.setVisible(open_ > 0)
        self.loaded.emit()
        if self._again:
            self._again = False
            self.refresh()

    def _load_failed(self, error: object) -> None:
        self._loading = False
        log.warning("Notices not read: %s", error)

    # ----- sending ------------------------------------------------------------------------

    def send_now(self, *_args: object) -> None:
        """One sender run off the UI thread, unless one is running."""
        if self._data_dir is None or self._sending:
            return
        self._sending = True
        ctx, directory = self._ctx, self._data_dir
        self._sender.start(lambda: send_due(ctx, directory), self._sent, self._send_failed)

    def _sent(self, report: object) -> None:
        self._sending = False
        self.sent.emit(report)
        self.refresh()

    def _send_failed(self, error: object) -> None:
        self._sending = False
        log.warning("Notice sender failed: %s", error)
        self.refresh()

    # ----- a call made --------------------------------------------------------------------

    def selected(self) -> NoticeRow | None:
        row = self.model.item(self.view.currentIndex())
        return row if isinstance(row, NoticeRow) else None

    def record_call(self) -> None:
        row, user = self.selected(), self.user
        if row is None or user is None:
            return
        ctx = self._ctx
        self._runner.start(
            lambda: notices.record_call(ctx, user, row.uuid), self._recorded, self._refused
        )

    def _recorded(self, _row: object) -> None:
        self.refresh()

    def _refused(self, error: object) -> None:
        if isinstance(error, UserError):
            notify.inform(self._window, _tr(TITLE), render(error.message))
        else:
            notify.inform(
                self._window,
                _tr(TITLE),
                QCoreApplication.translate(
                    "Notices",
                    "The call could not be recorded. Try again; if it keeps failing, call the IT staff.",
                ),
            )

    def stop(self) -> None:
        self.timer.stop()
        self._sender.wait()
        self._runner.wait()
