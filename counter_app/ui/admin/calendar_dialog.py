"""Lịch làm việc: the province's days off and make-up working days, the
working hours with the 15:00 cut-off, and what they do to an appointment.

Days the centre's feed sends land in the same list (sync/local_apply.py) and
can be changed here like the desk's own; the next change at the centre wins.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.bounds import MAX_WORKING_DAYS
from counter_app.domain.procedure import ProcessingTime, TimeUnit
from counter_app.domain.working_hours import format_working_hours
from counter_app.services import calendar_admin
from counter_app.services.auth import Actor
from counter_app.services.calendar_admin import ProvinceDay
from counter_app.services.context import ServiceContext
from counter_app.ui.admin.desk_common import AdminDialog, note, section
from counter_app.ui.formats import fmt_date, fmt_datetime
from counter_app.ui.list_table_model import ListTableModel, ModelIndex
from counter_app.ui.widgets import fit_to_screen, read_only_table

_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


class ProvinceDaysModel(ListTableModel):
    DAY, KIND, NAME = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Date"), self.tr("Kind"), self.tr("Reason"))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day: ProvinceDay | None = self.item(index)
        if day is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.DAY:
            return f"{_WEEKDAYS[day.day.weekday()]}, {fmt_date(day.day)}"
        if column == self.KIND:
            return self.tr("Make-up working day") if day.working else self.tr("Day off")
        return day.name


class CalendarDialog(AdminDialog):
    def __init__(self, ctx: ServiceContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, actor, parent, "adminCalendar")
        self.setWindowTitle(self.tr("Working calendar"))
        today = ctx.now().date()
        layout = QVBoxLayout(self)

        days = section(layout, self, self.tr("The province's days off and make-up working days"), 1)
        note(
            days,
            self,
            self.tr(
                "National holidays (Tết, 30/4, 1/5, 2/9…) are counted already; list here only what the province decided on top of them."
            ),
        )
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Year:"), self))
        self.year = QSpinBox(self)
        self.year.setObjectName("calendarYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self.reload)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        days.addLayout(year_row)
        self.model = ProvinceDaysModel(self)
        self.view = read_only_table(self, self.model, ProvinceDaysModel.NAME)
        self.view.setObjectName("provinceDays")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        days.addWidget(self.view, 1)
        add_row = QHBoxLayout()
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setObjectName("newDay")
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.kind = QComboBox(self)
        self.kind.setObjectName("newDayKind")
        self.kind.addItem(self.tr("Day off"), False)
        self.kind.addItem(self.tr("Make-up working day"), True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("newDayReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Reason, e.g. the decision that set it"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("addDay")
        self.add_button.clicked.connect(self.add_day)
        self.remove_button = QPushButton(self.tr("Remove the selected day"), self)
        self.remove_button.setObjectName("removeDay")
        self.remove_button.clicked.connect(self.remove_day)
        for widget in (self.day, self.kind):
            add_row.addWidget(widget)
        add_row.addWidget(self.reason, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        days.addLayout(add_row)

        hours_box = section(layout, self, self.tr("Working hours"))
        form = QFormLayout()
        current = calendar_admin.get_working_hours(ctx)
        self.periods = QLineEdit(format_working_hours(current), self)
        self.periods.setObjectName("workingPeriods")
        self.periods.setToolTip(
            self.tr("Periods of the working day, e.g. 07:30-11:30, 13:30-17:00")
        )
        form.addRow(self.tr("Working periods:"), self.periods)
        self.cutoff = QTimeEdit(QTime(current.cutoff.hour, current.cutoff.minute), self)
        self.cutoff.setObjectName("cutoff")
        self.cutoff.setDisplayFormat("HH:mm")
        self.cutoff.setMaximumWidth(120)
        form.addRow(self.tr("Same-day requests received after:"), self.cutoff)
        hours_box.addLayout(form)
        note(hours_box, self, self.tr("…count from the next working day."))
        self.save_hours_button = QPushButton(self.tr("Save the working hours"), self)
        self.save_hours_button.setObjectName("saveHours")
        self.save_hours_button.clicked.connect(self.save_hours)
        hours_box.addWidget(self.save_hours_button, 0, Qt.AlignmentFlag.AlignRight)

        preview = section(layout, self, self.tr("What this does to an appointment"))
        preview_row = QHBoxLayout()
        preview_row.addWidget(QLabel(self.tr("Working days to process:"), self))
        self.preview_days = QSpinBox(self)
        self.preview_days.setObjectName("previewDays")
        self.preview_days.setRange(1, MAX_WORKING_DAYS)
        self.preview_days.setValue(3)
        self.preview_days.valueChanged.connect(self.update_preview)
        preview_row.addWidget(self.preview_days)
        preview_row.addStretch(1)
        preview.addLayout(preview_row)
        self.preview = QLabel(self)
        self.preview.setObjectName("duePreview")
        self.preview.setWordWrap(True)
        preview.addWidget(self.preview)

        self.finish(layout, stretch=False)
        self.reload()
        fit_to_screen(self, 860, 720)

    def reload(self) -> None:
        self.model.set_items(calendar_admin.province_days(self.ctx, self.year.value()))
        self.update_preview()

    def selected_day(self) -> date | None:
        rows = self.view.selectionModel().selectedRows()
        day: ProvinceDay | None = self.model.item(rows[0]) if rows else None
        return day.day if day else None

    def add_day(self) -> None:
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        working = bool(self.kind.currentData())
        ctx, actor, name = self.ctx, self.actor, self.reason.text()
        self.attempt(
            lambda: calendar_admin.set_province_day(ctx, actor, day, working=working, name=name),
            self.tr("{day} saved.").format(day=fmt_date(day)),
            lambda: self._day_saved(day),
        )

    def _day_saved(self, day: date) -> None:
        self.reason.clear()
        self.year.setValue(day.year)
        self.reload()

    def remove_day(self) -> None:
        day = self.selected_day()
        if day is None:
            self.show_failure(self.tr("Select the day to remove in the list first."))
            return
        ctx, actor = self.ctx, self.actor
        self.attempt(
            lambda: calendar_admin.remove_province_day(ctx, actor, day),
            self.tr("{day} follows the national calendar again.").format(day=fmt_date(day)),
            self.reload,
        )

    def save_hours(self) -> None:
        cutoff = self.cutoff.time().toString("HH:mm")
        ctx, actor, periods = self.ctx, self.actor, self.periods.text()
        self.attempt(
            lambda: calendar_admin.set_working_hours(ctx, actor, periods, cutoff),
            self.tr("Working hours saved; appointments from now on use them."),
            self._hours_saved,
        )

    def _hours_saved(self) -> None:
        self.periods.setText(format_working_hours(calendar_admin.get_working_hours(self.ctx)))
        self.update_preview()

    def update_preview(self) -> None:
        now = self.ctx.now()
        count = self.preview_days.value()
        due = calendar_admin.due(
            self.ctx, now, ProcessingTime(count, TimeUnit.WORKING_DAYS), cutoff=None
        )
        same_day = calendar_admin.due(self.ctx, now, ProcessingTime.same_day(), cutoff=None)
        self.preview.setText(
            self.tr(
                "A dossier received now ({now}) with {count} working days is due {due}; a same-day one is due {same_day}."
            ).format(
                now=fmt_datetime(now),
                count=count,
                due=fmt_datetime(due),
                same_day=fmt_datetime(same_day),
            )
        )
