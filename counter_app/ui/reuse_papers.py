"""At reception, the papers already digitised for the citizen (Decree 118/2025
Art. 17(1)(b), 22(1)): shown as soon as the identification number is typed
or scanned, and taken into the new dossier instead of being asked for again.

The lookup runs off the UI thread; the reuse itself is recorded with the
reception, in its unit of work (services.dossiers.ReceiveRequest.reuse).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.domain.text import fold
from counter_app.i18n import render
from counter_app.services import papers
from counter_app.services.context import ServiceContext
from counter_app.services.papers import PaperInfo, Reuse
from counter_app.sync.papers_lookup import fetch_files, held_anywhere
from counter_app.ui import notify
from counter_app.ui.document_checklist import DocumentChecklist
from counter_app.ui.widgets import ok_cancel
from counter_app.ui.workers import WorkerRunner

Lookup = Callable[[str], list[PaperInfo]]
# Brings the files of papers held at the centre into this counter's store.
Fetch = Callable[[list[PaperInfo]], None]
# Shorter than any identification number: nothing to look up yet.
_MIN_NUMBER = 8
_TYPING_PAUSE_MS = 300


def best_document(paper: PaperInfo, documents: Sequence[str]) -> int:
    """The checklist line a held paper most likely fulfils: the one naming it,
    else the one it fulfilled before, else the first."""
    for wanted in (paper.data.document_name, paper.component_name):
        key = fold(wanted)
        if not key:
            continue
        for i, name in enumerate(documents):
            if key in fold(name) or fold(name) in key:
                return i
    return 0


class ReuseDialog(QDialog):
    """Tick the held papers to take, each for one document of the checklist."""

    def __init__(
        self,
        held: Sequence[PaperInfo],
        documents: Sequence[str],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Papers already digitised"))
        root = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These papers of the citizen are held in digitised form. Tick those you take "
                "into this dossier instead of asking for them again (Decree 118/2025, "
                "Article 17(1)(b)); the paper itself need not be handed in."
            ),
            self,
        )
        intro.setWordWrap(True)
        root.addWidget(intro)
        grid = QGridLayout()
        holder = QWidget(self)
        holder.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        root.addWidget(scroll, 1)
        headings = (self.tr("<b>Paper held</b>"), self.tr("<b>Validity</b>"))
        for column, heading in enumerate((*headings, self.tr("<b>For the document</b>")), 1):
            grid.addWidget(QLabel(heading, holder), 0, column)
        self.rows: list[tuple[PaperInfo, QCheckBox, QComboBox]] = []
        for n, paper in enumerate(held, start=1):
            box = QCheckBox(holder)
            box.setObjectName(f"reuse{n}")
            name = QLabel(self._describe(paper), holder)
            name.setWordWrap(True)
            name.setBuddy(box)
            valid = paper.valid_on(today)
            validity = QLabel(self._validity(paper, today), holder)
            if not valid:
                validity.setStyleSheet("color:#b00020;")
            choice = QComboBox(holder)
            choice.addItems(list(documents))
            choice.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            choice.setMinimumContentsLength(24)
            choice.setCurrentIndex(best_document(paper, documents))
            for widget in (box, name, choice):
                widget.setEnabled(valid and bool(documents))
            box.setToolTip(name.text())
            for column, widget in enumerate((box, name, validity, choice)):
                grid.addWidget(widget, n, column)
            self.rows.append((paper, box, choice))
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setRowStretch(len(held) + 1, 1)
        self.buttons, self.ok_button, _cancel = ok_cancel(self, self.tr("Take"), self.accept)
        root.addWidget(self.buttons)
        self.resize(820, 360)

    def _describe(self, paper: PaperInfo) -> str:
        where = self.tr("dossier {code}").format(code=paper.dossier_code)
        if paper.held_at:
            where = self.tr("dossier {code}, another counter (from the centre)").format(
                code=paper.dossier_code
            )
        return f"{paper.data.document_name} ({paper.data.doc_type_code}), {where}"

    def _validity(self, paper: PaperInfo, today: date) -> str:
        until = paper.data.valid_until
        if until is None:
            return self.tr("valid without limit")
        if paper.valid_on(today):
            return self.tr("valid until {date}").format(date=f"{until:%d/%m/%Y}")
        return self.tr("expired on {date}").format(date=f"{until:%d/%m/%Y}")

    def chosen(self) -> list[Reuse]:
        return [
            Reuse(paper.uuid, choice.currentText(), paper if paper.held_at else None)
            for paper, box, choice in self.rows
            if box.isChecked() and box.isEnabled()
        ]


class ReusePanel(QWidget):
    """Under the checklist: a button when papers are held, then what was taken."""

    changed = Signal()

    def __init__(
        self,
        lookup: Lookup,
        fetch: Fetch,
        checklist: DocumentChecklist,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._fetch = fetch
        self._checklist = checklist
        self._today = today
        self._runner = WorkerRunner(QThreadPool(self))
        self._number = ""
        self.held: list[PaperInfo] = []
        self.taken: list[Reuse] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(self)
        self.button.setObjectName("reuseButton")
        self.button.clicked.connect(self.choose)
        self.label = QLabel(self)
        self.label.setObjectName("reuseLabel")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color:#1b5e20;")
        row.addWidget(self.button)
        row.addWidget(self.label, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._look_up_now)
        self._pending = ""
        self._show()

    def number_changed(self, text: str) -> None:
        """The identification number as typed or scanned; looked up once typing pauses."""
        self._pending = text.strip().upper()
        self._timer.start()

    def _look_up_now(self) -> None:
        number = self._pending
        if number == self._number:
            return
        self._number = number
        self.held = []
        self.forget()
        if len(number) < _MIN_NUMBER:
            return
        lookup = self._lookup
        self._runner.start(
            lambda: lookup(number), lambda rows: self._found(number, rows), self._not_found
        )

    def _found(self, number: str, rows: object) -> None:
        if number != self._number or not isinstance(rows, list):
            return  # an answer for a number since changed
        self.held = rows
        self._show()

    def _not_found(self, _error: object) -> None:
        # The lookup is a help, never a stop: the paper is then received as paper.
        self.held = []
        self._show()

    def choose(self) -> None:
        documents = [doc.name for doc in self._checklist.all_documents()]
        dialog = ReuseDialog(self.held, documents, self._today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        remote = [r.held for r in chosen if r.held is not None]
        if not remote:
            self._take(chosen)
            return
        # Their files come from the centre before the reception may name them.
        self.button.setEnabled(False)
        self.label.setText(self.tr("Fetching the papers' files from the centre…"))
        fetch = self._fetch
        self._runner.start(lambda: fetch(remote), lambda _r: self._take(chosen), self._not_fetched)

    def _take(self, chosen: list[Reuse]) -> None:
        self.button.setEnabled(True)
        self.taken = chosen
        self._checklist.tick_named({r.document_name for r in self.taken})
        self._show()
        self.changed.emit()

    def _not_fetched(self, error: object) -> None:
        self.button.setEnabled(True)
        self._show()
        detail = render(error.message) if isinstance(error, UserError) else str(error)
        notify.inform(
            self,
            self.tr("Papers already digitised"),
            self.tr(
                "The files could not be fetched from the centre, so the papers were not "
                "taken: {detail}. Ask for the papers or scan them."
            ).format(detail=detail),
        )

    def forget(self) -> None:
        """Drop what was taken (the procedure, so the checklist, changed)."""
        self.taken = []
        self._show()

    def keep_only(self, handed_in: set[str]) -> None:
        """A document unticked gives back the paper taken for it."""
        kept = [r for r in self.taken if r.document_name in handed_in]
        if kept != self.taken:
            self.taken = kept
            self._show()

    def reuses(self) -> tuple[Reuse, ...]:
        return tuple(self.taken)

    def _show(self) -> None:
        self.button.setText(
            self.tr("Papers already digitised ({count})…").format(count=len(self.held))
        )
        self.button.setVisible(bool(self.held))
        if self.taken:
            self.label.setText(
                self.tr("Taken from digitised papers: {names}").format(
                    names="; ".join(r.document_name for r in self.taken)
                )
            )
        else:
            self.label.setText("")
        self.setVisible(bool(self.held))


def lookups(ctx: ServiceContext, directory: Path | None) -> tuple[Lookup, Fetch]:
    """The counter's own papers and, when linked, its agency's at the centre."""
    if directory is None:
        return (lambda number: papers.held_for(ctx, number)), (lambda _held: None)
    return (
        lambda number: held_anywhere(ctx, directory, number),
        lambda held: fetch_files(ctx, directory, held),
    )
