"""The reception dialog's fee inputs that depend on the procedure's fee rule.

A fee the province sets is typed from the province's table (the catalogue
stores 0 when it does not carry the figure); a fee per signature needs the
number of signatures. Kept out of receive_dialog.py, which is long already.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from counter_app.domain.procedure import FeeKind, FeeRule

_MAX_FEE = 100_000_000  # đồng; far above any one-stop fee, below QSpinBox's int limit


class FeeEntry(QWidget):
    """Signatures and the province's amount, shown only when the rule needs them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signatures = QSpinBox(self)
        self.signatures.setRange(1, 999)
        self.signatures_label = QLabel(self.tr("Signatures:"), self)
        self.amount = QSpinBox(self)
        self.amount.setRange(-1, _MAX_FEE)
        self.amount.setSingleStep(1000)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setSuffix(" đ")
        # -1 shows as "not entered": 0 is a real amount (an exemption).
        self.amount.setSpecialValueText(self.tr("enter the amount"))
        self.amount.setValue(-1)
        self.amount_label = QLabel(self.tr("Fee from the province's table:"), self)
        self.amount.setToolTip(
            self.tr("The province's council sets this fee; type the amount of its fee table.")
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.signatures_label, self.signatures, self.amount_label, self.amount):
            row.addWidget(widget)
        self._rule = FeeRule()
        self.show_for(self._rule)

    def show_for(self, rule: FeeRule) -> None:
        """Show the inputs ``rule`` needs; a table amount the catalogue carries is proposed."""
        self._rule = rule
        per_signature = rule.kind is FeeKind.PER_SIGNATURE
        by_province = rule.kind is FeeKind.SET_BY_PROVINCE
        for widget in (self.signatures, self.signatures_label):
            widget.setVisible(per_signature)
        for widget in (self.amount, self.amount_label):
            widget.setVisible(by_province)
        self.amount.setValue(rule.amount if by_province and rule.amount > 0 else -1)
        self.setVisible(per_signature or by_province)

    def entered(self) -> int | None:
        """The typed amount for a fee the province sets; None otherwise or when not typed."""
        if self._rule.kind is not FeeKind.SET_BY_PROVINCE or self.amount.value() < 0:
            return None
        return self.amount.value()

    def signature_count(self) -> int:
        return self.signatures.value() if self._rule.kind is FeeKind.PER_SIGNATURE else 1
