"""The reception form's applicant: a citizen by CCCD or old CMND, a foreigner
by passport and nationality, or an organisation by its tax or business
registration code with the representative who files for it.

Choosing the document changes what the box asks: the number's label and
hint, the nationality (a passport only), the organisation's name and the
representative (an organisation only), sex and birth year (a person only).
The CCCD number fills sex and birth year; no other number carries them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from counter_app.domain.card_qr import CardQr
from counter_app.domain.cccd import Sex, cccd_birth_info
from counter_app.domain.countries import VIETNAMESE_NAMES
from counter_app.domain.identity_documents import ORGANISATION_KINDS, IdKind
from counter_app.domain.validation import ApplicantInput
from counter_app.ui.formats import ID_KINDS, SEXES, label
from counter_app.ui.widgets import FieldErrors


class ApplicantBox(QGroupBox):
    """The applicant's fields; :meth:`applicant` reads them as typed."""

    def __init__(self, errors: FieldErrors, this_year: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Applicant"), parent)
        self._this_year = this_year
        # What the CCCD last filled in (sex, year): replaced when the number is
        # corrected, kept once the official changed it by hand.
        self._from_cccd: tuple[str | None, int] = (None, 0)
        form = self._form = QFormLayout(self)
        self.id_kind = QComboBox(self)
        self.id_kind.setObjectName("id_kind")
        for kind in IdKind:
            self.id_kind.addItem(label(ID_KINDS, kind.value), kind.value)
        self.organisation = QLineEdit(self)
        self.organisation.setObjectName("organisation")
        self.organisation.setPlaceholderText(self.tr("As on the registration certificate"))
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("full_name")
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("id_number")
        self.id_number.editingFinished.connect(self._fill_from_cccd)
        self.nationality = QLineEdit(self)
        self.nationality.setObjectName("nationality")
        self.nationality.setPlaceholderText(
            self.tr("Code on the passport (CHN, KOR, USA…) or name")
        )
        names = QCompleter([names[0] for names in VIETNAMESE_NAMES.values()], self.nationality)
        names.setCaseSensitivity(names.caseSensitivity().CaseInsensitive)
        self.nationality.setCompleter(names)
        self.sex = QComboBox(self)
        self.sex.addItem("—", None)
        for value in SEXES:
            self.sex.addItem(label(SEXES, value), value)
        self.birth_year = QSpinBox(self)
        self.birth_year.setRange(1899, 2100)
        self.birth_year.setSpecialValueText("—")
        self.birth_year.setValue(1899)
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        self.address = QLineEdit(self)
        self.sex_year = QWidget(self)
        row = QHBoxLayout(self.sex_year)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(errors.add("sex", self.sex), 1)
        year_label = QLabel(self.tr("Birth &year:"), self.sex_year)
        year_label.setBuddy(self.birth_year)
        row.addWidget(year_label)
        row.addWidget(errors.add("birth_year", self.birth_year), 1)
        form.addRow(self.tr("&Document:"), errors.add("id_kind", self.id_kind))
        form.addRow(self.tr("Or&ganisation:"), errors.add("organisation", self.organisation))
        form.addRow(self.tr("&Full name:"), errors.add("full_name", self.full_name))
        form.addRow(self.tr("&Citizen ID (CCCD):"), errors.add("id_number", self.id_number))
        form.addRow(self.tr("&Nationality:"), errors.add("nationality", self.nationality))
        form.addRow(self.tr("&Sex:"), self.sex_year)
        form.addRow(self.tr("P&hone:"), errors.add("phone", self.phone))
        form.addRow(self.tr("&Email:"), errors.add("email", self.email))
        form.addRow(self.tr("&Address:"), errors.add("address", self.address))
        self.id_kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def tab_chain(self) -> list[QWidget]:
        """The box's inputs in the order Tab visits them (hidden ones are skipped)."""
        return [
            self.id_kind,
            self.organisation,
            self.full_name,
            self.id_number,
            self.nationality,
            self.sex,
            self.birth_year,
            self.phone,
            self.email,
            self.address,
        ]

    def kind(self) -> IdKind:
        return IdKind(self.id_kind.currentData())

    def set_kind(self, kind: IdKind) -> None:
        self.id_kind.setCurrentIndex(self.id_kind.findData(kind.value))

    def applicant(self) -> ApplicantInput:
        """What the box holds, as typed: only the fields the chosen document asks."""
        kind = self.kind()
        person = kind not in ORGANISATION_KINDS
        sex = self.sex.currentData() if person else None
        year = self.birth_year.value()
        return ApplicantInput(
            full_name=self.full_name.text(),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.text(),
            sex=Sex(sex) if sex else None,
            birth_year=None if not person or year == self.birth_year.minimum() else year,
            organisation="" if person else self.organisation.text(),
            id_kind=kind,
            nationality=self.nationality.text() if kind is IdKind.PASSPORT else "",
        )

    def text_inputs(self) -> list[QLineEdit]:
        return [
            self.full_name,
            self.id_number,
            self.nationality,
            self.phone,
            self.email,
            self.address,
            self.organisation,
        ]

    def _kind_changed(self) -> None:
        kind = self.kind()
        organisation = kind in ORGANISATION_KINDS
        numbers = {
            IdKind.CCCD: (self.tr("&Citizen ID (CCCD):"), self.tr("12 digits")),
            IdKind.CMND: (self.tr("&CMND number:"), self.tr("9 digits")),
            IdKind.PASSPORT: (self.tr("&Passport number:"), self.tr("6 to 9 letters and digits")),
            IdKind.TAX_CODE: (
                self.tr("&Tax code:"),
                self.tr("10 digits; a branch: 10 digits-3 digits"),
            ),
            IdKind.BUSINESS_CODE: (
                self.tr("&Business registration code:"),
                self.tr("As on the registration certificate"),
            ),
        }
        number_label, hint = numbers[kind]
        self._label_of(self.id_number).setText(number_label)
        self.id_number.setPlaceholderText(hint)
        self._label_of(self.full_name).setText(
            self.tr("&Representative:") if organisation else self.tr("&Full name:")
        )
        self._show_row(self.organisation, organisation)
        self._show_row(self.nationality, kind is IdKind.PASSPORT)
        self._show_row(self.sex_year, not organisation)
        self._fill_from_cccd()

    def _row_of(self, widget: QWidget) -> QWidget:
        # A field with an error label sits in a holder: the row's field.
        holder = widget.parentWidget()
        return holder if holder is not None and holder is not self else widget

    def _label_of(self, widget: QWidget) -> QLabel:
        found = self._form.labelForField(self._row_of(widget))
        assert isinstance(found, QLabel)
        return found

    def _show_row(self, widget: QWidget, visible: bool) -> None:
        self._form.setRowVisible(self._row_of(widget), visible)

    def fill_from_card(self, card: CardQr) -> None:
        """The card's QR code, scanned: the official checks it against the card."""
        self.set_kind(IdKind.CCCD)
        self.id_number.setText(card.id_number)
        self.full_name.setText(card.full_name)
        self.address.setText(card.address)
        self.sex.setCurrentIndex(self.sex.findData(card.sex.value if card.sex else None))
        self.birth_year.setValue(card.birth_date.year)
        self._from_cccd = (self.sex.currentData(), card.birth_date.year)

    def _fill_from_cccd(self) -> None:
        # Only a CCCD carries sex and birth year; a CMND's or passport's digits do not.
        info = cccd_birth_info(self.id_number.text()) if self.kind() is IdKind.CCCD else None
        if info is None:
            return
        sex, year = info
        if year > self._this_year:
            # A mistyped century digit: no year is better than 2100.
            year = self.birth_year.minimum()
        filled_sex, filled_year = self._from_cccd
        if self.sex.currentData() in (None, filled_sex):
            self.sex.setCurrentIndex(self.sex.findData(sex.value))
        if self.birth_year.value() in (self.birth_year.minimum(), filled_year):
            self.birth_year.setValue(year)
        self._from_cccd = (sex.value, year)
