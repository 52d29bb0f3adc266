"""One procedure added or corrected by the administrator: its name, processing
time, "4 tại chỗ", fee and the documents of its dossier (a new one also its
code, field and level). The service checks it as an import checks a row; what
the form does not show (deliveries, legal basis) is kept as is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from counter_app.domain.bounds import MAX_FEE, MAX_WORKING_DAYS, MAX_WORKING_HOURS
from counter_app.domain.catalogue.limits import MAX_LENGTH
from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.domain.procedure import (
    AMOUNT_KINDS,
    FeeKind,
    FeeRule,
    Level,
    ProcedureSpec,
    ProcessingTime,
    TimeUnit,
)
from counter_app.services import catalogue
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.ui.admin.catalogue_model import FEE_KINDS, fee_kind_label
from counter_app.ui.admin.documents_editor import DocumentsEditor
from counter_app.ui.admin.service_form import ServiceForm

# Where the catalogue's checks name each edited value (its JSON keys).
CODE, NAME, FIELD, LEVEL = "code", "name", "field", "level"
AMOUNT, FEE_AMOUNT, DOCUMENTS = "processing_time.amount", "fee.amount", "documents"

# The levels a new procedure may have (the district level ended on 1 July 2025).
LEVELS: dict[Level, str] = {
    Level.COMMUNE: QT_TRANSLATE_NOOP("ProcedureForm", "Commune level"),
    Level.PROVINCE: QT_TRANSLATE_NOOP("ProcedureForm", "Province level"),
}
# What a new procedure starts from: the fields the form does not show keep these.
BLANK = ProcedureSpec("", "", "", Level.COMMUNE, ProcessingTime(1, TimeUnit.WORKING_DAYS))


class ProcedureForm(ServiceForm):
    """``spec`` None: a new procedure, saved with ``catalogue.add_procedure``."""

    def __init__(
        self,
        ctx: ServiceContext,
        actor: Actor,
        spec: ProcedureSpec | None,
        parent: QWidget | None,
    ) -> None:
        self.is_new = spec is None
        spec = spec or BLANK
        super().__init__(
            self.tr("New procedure")
            if self.is_new
            else self.tr("Procedure {code}").format(code=spec.code),
            parent,
        )
        self.setObjectName("newProcedure" if self.is_new else "editProcedure")
        self._ctx, self._actor, self.spec = ctx, actor, spec
        self.code = QLineEdit(spec.code, self)
        self.field_edit = QLineEdit(spec.field, self)
        self.level = QComboBox(self)
        if self.is_new:
            self.code.setPlaceholderText(self.tr("e.g. 1.001193"))
            self.code.setMaxLength(20)
            self.field(self.tr("Code:"), CODE, self.code)
        else:
            self.form.addRow(self.tr("Code:"), QLabel(spec.code, self))
        self.name = self.field(self.tr("Name:"), NAME, QLineEdit(spec.name, self))
        self.name.setMaxLength(MAX_LENGTH["name"])
        self.name.setCursorPosition(0)
        if self.is_new:
            self.field_edit.setMaxLength(MAX_LENGTH["field"])
            self.field_edit.setPlaceholderText(self.tr("e.g. Hộ tịch"))
            self.field(self.tr("Field:"), FIELD, self.field_edit)
            for level, text in LEVELS.items():
                self.level.addItem(self.tr(text), level)
            self.field(self.tr("Level:"), LEVEL, self.level)

        time = QWidget(self)
        row = QHBoxLayout(time)
        row.setContentsMargins(0, 0, 0, 0)
        self.unit = QComboBox(time)
        units = {
            TimeUnit.WORKING_DAYS: self.tr("working days"),
            TimeUnit.WORKING_HOURS: self.tr("working hours"),
            TimeUnit.SAME_DAY: self.tr("the same day"),
        }
        for unit, label in units.items():
            self.unit.addItem(label, unit)
        self.amount = QSpinBox(time)
        row.addWidget(self.amount)
        row.addWidget(self.unit, 1)
        self.field(self.tr("Processing time:"), AMOUNT, time)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.unit.setCurrentIndex(self.unit.findData(spec.processing_time.unit))
        self._unit_changed()
        self.amount.setValue(spec.processing_time.amount)

        self.on_the_spot = QCheckBox(
            self.tr("“4 on the spot”: received, appraised, approved and returned at once"), self
        )
        self.on_the_spot.setChecked(spec.on_the_spot)
        self.form.addRow("", self.on_the_spot)

        self.fee_kind = QComboBox(self)
        for kind in FEE_KINDS:
            self.fee_kind.addItem(fee_kind_label(kind), kind)
        self.fee_kind.setCurrentIndex(self.fee_kind.findData(spec.fee.kind))
        self.form.addRow(self.tr("Fee:"), self.fee_kind)
        self.fee_amount = QSpinBox(self)
        self.fee_amount.setRange(0, MAX_FEE)
        self.fee_amount.setSingleStep(1000)
        self.fee_amount.setGroupSeparatorShown(True)
        self.fee_amount.setSuffix(" đ")
        self.fee_amount.setValue(spec.fee.amount)
        self.fee_amount_row = self.field(self.tr("Amount:"), FEE_AMOUNT, self.fee_amount)
        self.fee_hint = QLabel(self)
        self.fee_hint.setWordWrap(True)
        self.form.addRow("", self.fee_hint)
        self.fee_kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.documents = self.field(
            self.tr("Documents of the dossier:"), DOCUMENTS, DocumentsEditor(spec.documents, self)
        )
        self.finish(self.tr("Save the procedure"), 820)

    def _unit_changed(self) -> None:
        unit = TimeUnit(self.unit.currentData())
        same_day = unit is TimeUnit.SAME_DAY
        high = MAX_WORKING_HOURS if unit is TimeUnit.WORKING_HOURS else MAX_WORKING_DAYS
        self.amount.setRange(0 if same_day else 1, 0 if same_day else high)
        self.amount.setEnabled(not same_day)

    def _kind_changed(self) -> None:
        kind = FeeKind(self.fee_kind.currentData())
        takes_amount = kind in AMOUNT_KINDS or kind is FeeKind.SET_BY_PROVINCE
        self.fee_amount.setEnabled(takes_amount)
        hints = {
            FeeKind.SET_BY_PROVINCE: self.tr(
                "The amount of the province's fee table; 0 leaves it to be typed at each reception."
            ),
            FeeKind.PER_PAGE_TIERED: self.tr(
                "Page tiers are set by the catalogue file; import it to change them."
            ),
        }
        self.fee_hint.setText(hints.get(kind, ""))
        self.fee_hint.setVisible(kind in hints)

    def edited(self) -> ProcedureSpec:
        spec = self.spec
        kind = FeeKind(self.fee_kind.currentData())
        amount = self.fee_amount.value() if self.fee_amount.isEnabled() else 0
        # Another kind keeps only the note (the fee's legal text): tiers, cap and
        # online rate belonged to the old kind.
        fee = (
            replace(spec.fee, amount=amount)
            if kind is spec.fee.kind
            else FeeRule(kind, amount, note=spec.fee.note)
        )
        if self.is_new:
            spec = replace(
                spec,
                code=self.code.text().strip(),
                field=self.field_edit.text(),
                level=Level(self.level.currentData()),
            )
        return replace(
            spec,
            name=self.name.text(),
            processing_time=ProcessingTime(self.amount.value(), TimeUnit(self.unit.currentData())),
            on_the_spot=self.on_the_spot.isChecked(),
            fee=fee,
            documents=self.documents.documents(),
        )

    def submit(self) -> Callable[[], object]:
        ctx, actor, spec = self._ctx, self._actor, self.edited()
        if self.is_new:
            return lambda: catalogue.add_procedure(ctx, actor, spec)
        return lambda: catalogue.update_procedure(ctx, actor, spec)
