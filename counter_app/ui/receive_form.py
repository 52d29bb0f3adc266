"""The reception form: its fields, and what they show while they are filled.

The procedure brings its checklist, delivery choices, fee rule and the
appointment a dossier received now would get; ticking documents shows what
is still missing. Receiving what the form holds is ReceiveDialog's
(ui/receive_dialog.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.bounds import MAX_COPIES, MAX_PAGES, MAX_SETS
from counter_app.domain.card_qr import CardQr
from counter_app.domain.fees import compute_fee
from counter_app.domain.messages import UserError
from counter_app.domain.procedure import (
    Delivery,
    FeeKind,
    ProcedureSpec,
    RequiredDocument,
    cutoff_applies,
)
from counter_app.domain.procedure_rules import rules_for
from counter_app.services import calendar_admin, catalogue
from counter_app.services.context import ServiceContext
from counter_app.ui.applicant_box import ApplicantBox
from counter_app.ui.code_room_note import code_room_note
from counter_app.ui.document_checklist import DocumentChecklist
from counter_app.ui.fee_entry import FeeEntry
from counter_app.ui.formats import (
    DELIVERIES,
    fmt_datetime,
    fmt_money,
    fmt_processing,
    label,
)
from counter_app.ui.procedure_picker import ProcedurePicker
from counter_app.ui.reuse_papers import ReusePanel, lookups
from counter_app.ui.widgets import FieldErrors, error_label, ok_cancel


class ReceiveForm(QDialog):
    """The fields of a reception; :class:`ReceiveDialog` receives what they hold."""

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, data_dir: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        # The counter's folder, for its link to the centre (papers held there).
        self._data_dir = data_dir
        self._per_page = self._per_copy = False
        self.errors = FieldErrors()
        self._build()
        self.procedure.set_procedures(catalogue.list_procedures(ctx))
        self._procedure_changed()

    def submit(self) -> None:
        """Receive what the form holds (Ctrl+Enter or the Receive button)."""
        raise NotImplementedError

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)

        top = QFormLayout()
        self.procedure = ProcedurePicker(self)
        self.procedure.setObjectName("procedure")
        top.addRow(self.tr("&Procedure:"), self.errors.add("procedure", self.procedure))
        self.procedure_info = QLabel(self)
        self.procedure_info.setWordWrap(True)
        self.on_the_spot_badge = QLabel(self.tr("4 on the spot"), self)
        self.on_the_spot_badge.setStyleSheet(
            "background:#1b7f3b;color:white;border-radius:3px;padding:1px 6px;font-weight:bold;"
        )
        self.on_the_spot_badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # Decree 118/2025 Art. 17(4): a result given on the spot needs no
        # receipt unless the citizen asks for one.
        self.receipt_requested = QCheckBox(self.tr("The citizen asks for a receipt"), self)
        self.receipt_requested.setObjectName("receiptRequested")
        # Decree 118/2025 Art. 17(1)(c): once received, each paper is copied
        # into an electronic copy; the dossier opens on its papers to do it.
        self.digitise_now = QCheckBox(self.tr("Digitise the papers right after"), self)
        self.digitise_now.setObjectName("digitiseNow")
        self.digitise_now.setChecked(True)
        info_row = QHBoxLayout()
        info_row.addWidget(self.procedure_info, 1)
        info_row.addWidget(self.receipt_requested, 0, Qt.AlignmentFlag.AlignTop)
        info_row.addWidget(self.digitise_now, 0, Qt.AlignmentFlag.AlignTop)
        info_row.addWidget(self.on_the_spot_badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addRow("", info_row)
        root.addLayout(top)

        middle = QHBoxLayout()
        self.inputs: list[QWidget] = [
            self.procedure,
            self._applicant_box(),
            self._documents_box(),
            self._fee_box(),
        ]
        middle.addWidget(self.inputs[1], 5)
        middle.addWidget(self.inputs[2], 6)
        root.addLayout(middle, 1)
        root.addWidget(self.inputs[3])

        self.received_label = QLabel(self)
        self.received_label.setObjectName("receivedLabel")
        self.received_label.setWordWrap(True)
        self.received_label.setStyleSheet(
            "background:#fff4ce;color:#5c4400;border:1px solid #e0c060;padding:6px;"
        )
        self.received_label.setVisible(False)
        root.addWidget(self.received_label)

        self.general_error = error_label(self)
        self.general_error.setObjectName("generalError")
        root.addWidget(self.general_error)
        self.buttons, self.ok_button, self.cancel_button = ok_cancel(
            self, self.tr("Receive"), self.submit
        )
        self.ok_button.setObjectName("receiveButton")
        self.ok_button.setToolTip("Ctrl+Enter")
        root.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.submit)

        self.procedure.currentIndexChanged.connect(self._procedure_changed)
        self.id_number.textChanged.connect(self.reuse_panel.number_changed)
        chain: list[QWidget] = [
            self.procedure,
            *self.applicant_box.tab_chain(),
            self.documents,
            self.tick_all,
            self.supplement_reason,
            self.sets,
            self.pages,
            self.copies,
            self.delivery,
            self.delivery_address,
            self.note,
            self.ok_button,
            self.cancel_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)

    def _applicant_box(self) -> ApplicantBox:
        box = self.applicant_box = ApplicantBox(self.errors, self._ctx.now().year, self)
        # The fields by their old names: the dialog, the scanner and tests read them here.
        self.full_name, self.id_number, self.sex = box.full_name, box.id_number, box.sex
        self.birth_year, self.phone, self.email = box.birth_year, box.phone, box.email
        self.address, self.organisation = box.address, box.organisation
        return box

    def _documents_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Documents handed in (tick each one received)"), self)
        layout = QVBoxLayout(box)
        self.documents = DocumentChecklist(box)
        self.documents.itemChanged.connect(self._documents_changed)
        layout.addWidget(self.errors.add("documents", self.documents), 1)
        row = QHBoxLayout()
        self.tick_all = QPushButton(self.tr("All required handed in"), box)
        self.tick_all.clicked.connect(self._tick_all)
        row.addWidget(self.tick_all)
        row.addStretch(1)
        layout.addLayout(row)
        lookup, fetch = lookups(self._ctx, self._data_dir)
        self.reuse_panel = ReusePanel(
            lookup, fetch, self.documents, lambda: self._ctx.now().date(), box
        )
        layout.addWidget(self.reuse_panel)
        self.missing_label = QLabel(box)
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color:#8a4b00;")
        layout.addWidget(self.missing_label)
        # Form 02 states its reason (Decree 118/2025 Art. 17(1)(c)); the
        # usual one at the desk is written already, the official may say more.
        self.supplement_reason = QLineEdit(box)
        self.supplement_reason.setObjectName("supplementReason")
        self.supplement_reason.setText(
            self.tr("The dossier lacks documents the procedure requires.")
        )
        self.supplement_reason_label = QLabel(self.tr("Reason for the supplement:"), box)
        self.supplement_reason_label.setBuddy(self.supplement_reason)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.supplement_reason_label)
        reason_row.addWidget(self.supplement_reason, 1)
        layout.addLayout(reason_row)
        return box

    def _fee_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Fee and result"), self)
        grid = QGridLayout(box)
        self.sets = QSpinBox(box)
        self.sets.setRange(1, MAX_SETS)
        self.pages = QSpinBox(box)
        self.pages.setRange(1, MAX_PAGES)
        self.copies = QSpinBox(box)
        self.copies.setRange(1, MAX_COPIES)
        self.fee_label = QLabel(box)
        self.fee_label.setObjectName("fee")
        font = QFont(self.fee_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.fee_label.setFont(font)
        self.fee_entry = FeeEntry(box)
        for spin in (self.pages, self.copies, self.fee_entry.signatures, self.fee_entry.amount):
            spin.valueChanged.connect(self._update_fee)
        self.sets_label = QLabel(self.tr("Sets:"), box)
        self.pages_label = QLabel(self.tr("Pages:"), box)
        self.copies_label = QLabel(self.tr("Copies:"), box)
        grid.addWidget(self.sets_label, 0, 0)
        grid.addWidget(self.errors.add("sets", self.sets), 0, 1)
        grid.addWidget(self.pages_label, 0, 2)
        grid.addWidget(self.errors.add("pages", self.pages), 0, 3)
        grid.addWidget(self.copies_label, 0, 4)
        grid.addWidget(self.errors.add("copies", self.copies), 0, 5)
        grid.addWidget(self.fee_label, 0, 6, 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.errors.add("fee_amount", self.fee_entry), 1, 0, 1, 8)

        self.delivery = QComboBox(box)
        self.delivery.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.delivery.currentIndexChanged.connect(self._delivery_changed)
        self.delivery_address = QLineEdit(box)
        self.delivery_address.setPlaceholderText(self.tr("Postal address for the result"))
        # A row of its own below the fee entry's (shown for some fees only):
        # sharing it, the two labels were drawn over each other.
        grid.addWidget(QLabel(self.tr("Result:"), box), 2, 0)
        grid.addWidget(self.errors.add("delivery", self.delivery), 2, 1, 1, 2)
        grid.addWidget(self.errors.add("delivery_address", self.delivery_address), 2, 3, 1, 5)
        self.note = QPlainTextEdit(box)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(52)
        grid.addWidget(QLabel(self.tr("Note:"), box), 3, 0)
        grid.addWidget(self.errors.add("note", self.note), 3, 1, 1, 7)
        grid.setColumnStretch(7, 1)
        return box

    def _receipt_on_request(self, spec: ProcedureSpec) -> bool:
        rules = rules_for(self._ctx.now().date())
        return spec.on_the_spot and rules.receipt_on_request_for_immediate.value

    def wants_receipt(self) -> bool:
        """Whether the receipt is printed: always, but for a result given on
        the spot, where the citizen must ask for it (Decree 118 Art. 17(4))."""
        spec = self.procedure.current_spec()
        if spec is None or not self._receipt_on_request(spec):
            return True
        return self.receipt_requested.isChecked()

    # ----- reacting to input -----------------------------------------------------------

    def _procedure_changed(self) -> None:
        spec = self.procedure.current_spec()
        self.reuse_panel.forget()
        self.documents.blockSignals(True)
        self.documents.clear()
        self.delivery.clear()
        if spec is None:
            self.procedure_info.setText(self.tr("Choose the procedure first."))
            self.on_the_spot_badge.setVisible(False)
            self.receipt_requested.setVisible(False)
            self.documents.blockSignals(False)
            self._update_fee()
            self._documents_changed()
            return
        for doc in spec.documents:
            self._add_document(doc)
        self.documents.blockSignals(False)
        for delivery in spec.deliveries:
            self.delivery.addItem(label(DELIVERIES, delivery.value), delivery.value)
        appointment = calendar_admin.due(
            self._ctx, self._ctx.now(), spec.processing_time, cutoff=cutoff_applies(spec)
        )
        info = self.tr("Processing time: {time}. Appointment if received now: {appointment}.")
        note = code_room_note(self._ctx, spec.code)
        self.procedure_info.setText(
            info.format(
                time=fmt_processing(spec.processing_time), appointment=fmt_datetime(appointment)
            )
            + (f"\n{note}" if note else "")
        )
        self.on_the_spot_badge.setVisible(spec.on_the_spot)
        self.receipt_requested.setVisible(self._receipt_on_request(spec))
        per_page = self._per_page = spec.fee.kind is FeeKind.PER_PAGE_TIERED
        per_copy = self._per_copy = per_page or spec.fee.kind in (
            FeeKind.PER_COPY,
            FeeKind.PER_DOCUMENT,
        )
        self.fee_entry.show_for(spec.fee)
        for widget in (self.pages, self.pages_label):
            widget.setVisible(per_page)
        for widget in (self.copies, self.copies_label):
            widget.setVisible(per_copy)
        self.fee_label.setToolTip(spec.fee.note)
        self._update_fee()
        self._documents_changed()

    def _add_document(self, doc: RequiredDocument) -> None:
        self.documents.add(doc)

    def _tick_all(self) -> None:
        self.documents.tick_required()

    def handed_in(self) -> list[RequiredDocument]:
        return self.documents.handed_in()

    def missing(self) -> list[RequiredDocument]:
        """Mandatory documents not ticked: the complete supplement list."""
        return self.documents.missing()

    def _documents_changed(self) -> None:
        self.reuse_panel.keep_only({d.name for d in self.handed_in()})
        missing = self.missing()
        if missing:
            self.missing_label.setText(
                self.tr(
                    "Not handed in yet: {documents}. The dossier will be received with a request to supplement them."
                ).format(documents="; ".join(d.name for d in missing))
            )
            self.ok_button.setText(self.tr("Receive and request supplement"))
        else:
            self.missing_label.setText("")
            self.ok_button.setText(self.tr("Receive"))
        self.missing_label.setVisible(bool(missing))
        self.supplement_reason.setVisible(bool(missing))
        self.supplement_reason_label.setVisible(bool(missing))

    def _update_fee(self) -> None:
        spec = self.procedure.current_spec()
        if spec is None:
            self.fee_label.setText("")
            return
        try:
            fee = compute_fee(
                spec.fee,
                pages=self.pages.value(),
                copies=self.copies.value(),
                signatures=self.fee_entry.signature_count(),
                entered=self.fee_entry.entered(),
            )
        except UserError:
            # A fee the province sets and not typed yet: receiving will say what to enter.
            self.fee_label.setText(self.tr("Fee: to be entered"))
            return
        self.fee_label.setText(self.tr("Fee: {amount}").format(amount=fmt_money(fee)))

    def _delivery_changed(self) -> None:
        post = self.delivery.currentData() == Delivery.POST.value
        self.delivery_address.setEnabled(post)
        if post and not self.delivery_address.text():
            self.delivery_address.setText(self.address.text())

    def fill_from_card(self, card: CardQr) -> None:
        """The card's QR code, scanned: the official checks it against the card."""
        self.applicant_box.fill_from_card(card)

    def _show_errors(self, problems: list[tuple[str, str]]) -> None:
        first = self.errors.show(problems, self.general_error)
        if first is not None:
            first.setFocus()
