"""Đơn vị và mẫu biểu: the unit's name the forms print, the agency's details
as the counter holds them, and the form set in force.

There is no setting to choose a form set: a dossier prints with the set in
force on its receipt date (printing/formset.py), so the dialog only shows
which set that is today and on what text it rests.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.paper import available_form_sets, form_set_for, load_form_set
from counter_app.paper.formset import FormSet
from counter_app.services import setup
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.ui.admin.desk_common import AdminDialog, note, section
from counter_app.ui.formats import fmt_date
from counter_app.ui.widgets import fit_to_screen


def _value(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text or "—", parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class UnitDialog(AdminDialog):
    def __init__(self, ctx: ServiceContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, actor, parent, "adminUnit")
        self.setWindowTitle(self.tr("Unit and forms"))
        counter = setup.get_counter(ctx)
        if counter is None:  # the window opens only on a counter set up
            raise RuntimeError("counter not set up")
        layout = QVBoxLayout(self)

        unit_box = section(layout, self, self.tr("The unit named on the forms"))
        row = QHBoxLayout()
        self.unit_name = QLineEdit(counter.unit_name, self)
        self.unit_name.setObjectName("unitName")
        self.unit_name.setMaxLength(200)
        row.addWidget(self.unit_name, 1)
        self.rename_button = QPushButton(self.tr("Rename"), self)
        self.rename_button.setObjectName("renameUnit")
        self.rename_button.clicked.connect(self.rename)
        row.addWidget(self.rename_button)
        unit_box.addLayout(row)
        note(
            unit_box,
            self,
            self.tr(
                "Dossiers received already keep the name they were received under: their papers reprint as the originals did."
            ),
        )

        agency_box = section(layout, self, self.tr("The agency, as the counter was set up"))
        agency = QFormLayout()
        for text, value in (
            (self.tr("Agency:"), counter.agency_name),
            (self.tr("Agency code:"), counter.agency_id),
            (self.tr("Above it:"), counter.parent_name),
            (self.tr("Place on the dateline:"), counter.place),
            (self.tr("Phone:"), counter.phone),
            (self.tr("Counter:"), counter.counter_name),
            (self.tr("Code slot / ledger book:"), f"{counter.code_slot} / {counter.ledger_book}"),
        ):
            agency.addRow(text, _value(value, self))
        agency_box.addLayout(agency)

        forms_box = section(layout, self, self.tr("Form set"))
        today = ctx.now().date()
        current = load_form_set(form_set_for(today))
        self.form_set = _value(self.describe(current), self)
        self.form_set.setObjectName("formSetToday")
        forms_box.addWidget(self.form_set)
        source = _value(
            self.tr("Why from that date: {source}").format(source=current.in_force_source), self
        )
        source.setObjectName("formSetSource")
        forms_box.addWidget(source)
        others = [load_form_set(s) for s in available_form_sets() if s != current.set_id]
        if others:
            since = self.tr("{circular} (from {day})")
            sets = "; ".join(
                since.format(circular=s.circular, day=fmt_date(s.in_force_from)) for s in others
            )
            forms_box.addWidget(_value(self.tr("Other sets: {sets}").format(sets=sets), self))
        rule = _value(
            self.tr(
                "A dossier prints with the set in force on its receipt date, so a reprint looks like the original; there is nothing to choose here."
            ),
            self,
        )
        forms_box.addWidget(rule)
        self.finish(layout)
        fit_to_screen(self, 760, 640)

    def describe(self, form_set: FormSet) -> str:
        numbers = ", ".join(
            f"{spec.number.split()[-1]} {spec.title.capitalize()}"
            for spec in form_set.forms.values()
        )
        return self.tr(
            "In force today: {circular}, for dossiers received from {day}. Forms: {forms}."
        ).format(circular=form_set.circular, day=fmt_date(form_set.in_force_from), forms=numbers)

    def rename(self) -> None:
        ctx, actor, name = self.ctx, self.actor, self.unit_name.text()
        self.attempt(
            lambda: setup.rename_unit(ctx, actor, name),
            self.tr("Saved: dossiers received from now on print the new name."),
        )
