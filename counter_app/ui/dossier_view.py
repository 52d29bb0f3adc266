"""What a dossier holds, shown read-only: its data, the supplement asked for,
departments' notes from the centre, the documents handed in and its history.

The dossier window (dossier_dialog.py) puts the steps the official may take
under it. Strings keep the "DossierDialog" translation context they had when
this was part of that window.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.returns import SATISFACTION_LABELS, Channel, Satisfaction
from counter_app.domain.workflow import Action, action_label, state_label
from counter_app.i18n import render
from counter_app.services.views import DossierInfo, StepLine
from counter_app.ui.formats import (
    DELIVERIES,
    DOCUMENT_FORMS,
    ID_NUMBER_NAMES,
    fmt_datetime,
    fmt_money,
    label,
)


class DossierView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_badge = QLabel(self)
        self.state_badge.setObjectName("stateBadge")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.state_badge)
        head.addStretch(1)
        root.addLayout(head)

        details = QGroupBox(QCoreApplication.translate("DossierDialog", "Dossier"), self)
        self.grid = QGridLayout(details)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        fields = [
            ("procedure", QCoreApplication.translate("DossierDialog", "Procedure:")),
            ("applicant", QCoreApplication.translate("DossierDialog", "Applicant:")),
            # Named after the applicant's document when a dossier is shown.
            ("id_number", QCoreApplication.translate("DossierDialog", "Identity number:")),
            ("phone", QCoreApplication.translate("DossierDialog", "Phone:")),
            ("address", QCoreApplication.translate("DossierDialog", "Address:")),
            ("email", QCoreApplication.translate("DossierDialog", "Email:")),
            ("received", QCoreApplication.translate("DossierDialog", "Received:")),
            ("appointment", QCoreApplication.translate("DossierDialog", "Appointment:")),
            ("fee", QCoreApplication.translate("DossierDialog", "Fee:")),
            ("quantity", QCoreApplication.translate("DossierDialog", "Sets / pages / copies:")),
            ("delivery", QCoreApplication.translate("DossierDialog", "Result delivered:")),
            ("ledger", QCoreApplication.translate("DossierDialog", "Ledger entry:")),
        ]
        wide = {"procedure", "applicant", "address"}
        row = col = 0
        for key, caption in fields:
            value = QLabel(details)
            value.setObjectName(f"value_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            caption_label = QLabel(caption, details)
            self.captions[key] = caption_label
            caption_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if key in wide:
                if col:
                    row, col = row + 1, 0
                self.grid.addWidget(caption_label, row, 0)
                self.grid.addWidget(value, row, 1, 1, 3)
                row += 1
                continue
            self.grid.addWidget(caption_label, row, col)
            self.grid.addWidget(value, row, col + 1)
            col += 2
            if col == 4:
                row, col = row + 1, 0
        root.addWidget(details)

        self.supplement_box = QGroupBox(
            QCoreApplication.translate("DossierDialog", "Supplement requested"), self
        )
        supplement_layout = QVBoxLayout(self.supplement_box)
        self.supplement_items = QLabel(self.supplement_box)
        self.supplement_items.setWordWrap(True)
        supplement_layout.addWidget(self.supplement_items)
        root.addWidget(self.supplement_box)

        self.notes_box = QGroupBox(
            QCoreApplication.translate("DossierDialog", "Notes from departments"), self
        )
        self.notes_box.setObjectName("centralNotes")
        notes_layout = QVBoxLayout(self.notes_box)
        self.central_notes = QLabel(self.notes_box)
        self.central_notes.setWordWrap(True)
        self.central_notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        notes_layout.addWidget(self.central_notes)
        root.addWidget(self.notes_box)

        # A splitter: the official can give the history more room when its notes are long.
        lists = QSplitter(Qt.Orientation.Horizontal, self)
        lists.setChildrenCollapsible(False)
        docs_box = QGroupBox(
            QCoreApplication.translate("DossierDialog", "Documents handed in"), self
        )
        docs_layout = QVBoxLayout(docs_box)
        self.documents = _table(
            docs_box,
            [
                QCoreApplication.translate("DossierDialog", "Document"),
                QCoreApplication.translate("DossierDialog", "Form"),
                QCoreApplication.translate("DossierDialog", "Qty"),
            ],
        )
        docs_layout.addWidget(self.documents)
        lists.addWidget(docs_box)
        steps_box = QGroupBox(QCoreApplication.translate("DossierDialog", "History"), self)
        steps_layout = QVBoxLayout(steps_box)
        self.steps = _table(
            steps_box,
            [
                QCoreApplication.translate("DossierDialog", "Time"),
                QCoreApplication.translate("DossierDialog", "Step"),
                QCoreApplication.translate("DossierDialog", "Official"),
                QCoreApplication.translate("DossierDialog", "Counter"),
                QCoreApplication.translate("DossierDialog", "Note"),
            ],
            _HistoryTable,
        )
        self.steps.setObjectName("steps")
        steps_layout.addWidget(self.steps)
        lists.addWidget(steps_box)
        lists.setStretchFactor(0, 1)
        lists.setStretchFactor(1, 2)
        root.addWidget(lists, 1)

    def fill(self, info: DossierInfo, overdue: bool) -> None:
        row = info.row
        self.title.setText(info.code)
        state = render(state_label(row.state))
        if overdue:
            state = QCoreApplication.translate("DossierDialog", "{state} — overdue").format(
                state=state
            )
        self.state_badge.setText(state)
        colour = "#b3261e" if overdue else ("#5f6b7a" if row.paused else "#1a5fb4")
        self.state_badge.setStyleSheet(
            f"background:{colour};color:white;border-radius:4px;padding:3px 10px;font-weight:bold;"
        )
        procedure = f"{row.procedure_code} – {row.procedure_name}"
        if row.on_the_spot:
            procedure += "  ★ " + QCoreApplication.translate("DossierDialog", "4 on the spot")
        applicant = row.applicant_name
        if info.organisation:
            applicant += f" ({info.organisation})"
        appointment = fmt_datetime(row.appointment_at)
        if info.original_appointment_at != row.appointment_at:
            appointment += " " + QCoreApplication.translate(
                "DossierDialog", "(first given: {date})"
            ).format(date=fmt_datetime(info.original_appointment_at))
        if row.paused:
            appointment += " " + QCoreApplication.translate("DossierDialog", "(clock paused)")
        if info.closable_from is not None:
            appointment += " " + QCoreApplication.translate(
                "DossierDialog", "(closed from {date} if not supplemented)"
            ).format(date=f"{info.closable_from:%d/%m/%Y}")
        delivery = label(DELIVERIES, info.delivery)
        if info.delivery_address:
            delivery += f": {info.delivery_address}"
        values = {
            "procedure": procedure,
            "applicant": applicant,
            "id_number": row.applicant_id_number,
            "phone": row.applicant_phone,
            "address": info.applicant_address,
            "email": info.applicant_email,
            "received": QCoreApplication.translate("DossierDialog", "{time} by {user}").format(
                time=fmt_datetime(row.received_at), user=info.received_by
            ),
            "appointment": appointment,
            "fee": fmt_money(info.fee),
            "quantity": f"{info.sets} / {info.pages} / {info.copies}",
            "delivery": delivery,
            "ledger": QCoreApplication.translate(
                "DossierDialog", "book {book}/{year}, no. {entry}"
            ).format(book=info.ledger_book, year=info.ledger_year, entry=info.ledger_entry),
        }
        for key, text in values.items():
            self.values[key].setText(text or "—")
        self.captions["id_number"].setText(label(ID_NUMBER_NAMES, row.applicant_id_kind) + ":")
        self.values["appointment"].setStyleSheet(
            "color:#b3261e;font-weight:bold;" if overdue else ""
        )

        self.notes_box.setVisible(bool(info.central_notes))
        self.central_notes.setText(
            "\n".join(
                f"• {fmt_datetime(n.at)} — {n.department}: {n.text}" for n in info.central_notes
            )
        )

        self.supplement_box.setVisible(bool(info.supplement_items))
        self.supplement_items.setText("\n".join(f"• {i}" for i in info.supplement_items))

        self.documents.setRowCount(len(info.documents))
        for r, doc in enumerate(info.documents):
            _set_row(
                self.documents, r, [doc.name, label(DOCUMENT_FORMS, doc.form), str(doc.quantity)]
            )
        self.steps.setRowCount(len(info.steps))
        for r, step in enumerate(info.steps):
            _set_row(
                self.steps,
                r,
                [
                    fmt_datetime(step.at),
                    _action_text(step.action),
                    f"{step.user_full_name} ({step.username})",
                    step.counter_name,
                    _step_note(step),
                ],
            )
        self.steps.fit_columns()


def _step_note(step: StepLine) -> str:
    parts = [step.note] if step.note else []
    data = step.data
    if step.action == Action.TRANSFER.value and data.get("department"):
        parts.append(
            QCoreApplication.translate("DossierDialog", "Department: {name}").format(
                name=data["department"]
            )
        )
    if step.action == Action.REQUEST_SUPPLEMENT.value and data.get("items"):
        parts.append("; ".join(str(i) for i in data["items"]))
    if step.action == Action.APOLOGISE.value and data.get("appointment"):
        parts.append(
            QCoreApplication.translate("DossierDialog", "New appointment: {date}").format(
                date=_iso_to_text(str(data["appointment"]))
            )
        )
    if step.action == Action.SUPPLEMENT.value and data.get("appointment"):
        parts.append(
            QCoreApplication.translate(
                "DossierDialog", "Time limit counted again: appointment {date} ({basis})"
            ).format(date=_iso_to_text(str(data["appointment"])), basis=data.get("basis", ""))
        )
    if step.action == Action.CLOSE.value and data.get("basis"):
        parts.append(str(data["basis"]))
    if step.action == Action.RETURN_RESULT.value and data.get("return"):
        parts += _return_lines(data["return"])
    # Taken later than the decree allows: kept on the step with its article.
    if data.get("asked_late"):
        parts.append(
            QCoreApplication.translate(
                "DossierDialog", "Asked later than the law allows ({basis})"
            ).format(basis=data.get("basis", ""))
        )
    if data.get("handed_late"):
        parts.append(
            QCoreApplication.translate(
                "DossierDialog", "Handed over later than the law allows ({basis})"
            ).format(basis=data.get("basis", ""))
        )
    if data.get("answered_late"):
        parts.append(
            QCoreApplication.translate(
                "DossierDialog", "Online dossier answered later than the law allows ({basis})"
            ).format(basis=data.get("answer_basis", ""))
        )
    return "\n".join(parts)


def _return_lines(record: dict[str, Any]) -> list[str]:
    lines = [
        QCoreApplication.translate("DossierDialog", "Collected by {name} ({id_number})").format(
            name=record.get("collector_name", ""), id_number=record.get("collector_id", "")
        )
    ]
    if record.get("channel") == Channel.POST.value:
        lines.append(
            QCoreApplication.translate(
                "DossierDialog", "Sent by post, tracking number {number}"
            ).format(number=record.get("tracking_number", ""))
        )
    if record.get("rating") in set(Satisfaction):
        lines.append(
            QCoreApplication.translate("DossierDialog", "Rating: {level}").format(
                level=render(SATISFACTION_LABELS[Satisfaction(record["rating"])])
            )
        )
    return lines


_Table = TypeVar("_Table", bound=QTableWidget)


def _table(
    parent: QWidget,
    headers: list[str],
    table_class: type[_Table] = QTableWidget,  # type: ignore[assignment]
) -> _Table:
    table = table_class(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    if len(headers) == 3:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    return table


class _HistoryTable(QTableWidget):
    """The steps table, whose last column (the note) keeps a fair share of the
    width: sized to contents, a long name or counter name squeezed it into a
    sliver many lines high. The other columns share the rest and wrap."""

    NOTE_SHARE = 0.5
    MIN_COLUMN = 48

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        last = self.columnCount() - 1
        wanted = [max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(last)]
        # The time is never wrapped; the columns between it and the note share the rest.
        budget = self.viewport().width() * (1 - self.NOTE_SHARE) - wanted[0]
        squeezable = sum(wanted[1:])
        scale = min(1.0, budget / squeezable) if squeezable > 0 else 1.0
        for column, width in enumerate(wanted):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            size = width if column == 0 else max(self.MIN_COLUMN, int(width * scale))
            header.resizeSection(column, size)
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_columns()


def _set_row(table: QTableWidget, row: int, texts: list[str]) -> None:
    for column, text in enumerate(texts):
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        table.setItem(row, column, item)


def _action_text(value: str) -> str:
    try:
        return render(action_label(Action(value)))
    except ValueError:
        return value


def _iso_to_text(value: str) -> str:
    try:
        return fmt_datetime(datetime.fromisoformat(value))
    except ValueError:
        return value
