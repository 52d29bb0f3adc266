"""First run: who this counter belongs to, its code slot, and the first administrator."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.codes import SLOTS
from counter_app.domain.messages import UserError
from counter_app.domain.workflow import Role, role_label
from counter_app.i18n import render
from counter_app.services import auth, catalogue, setup, users
from counter_app.services.context import ServiceContext
from counter_app.services.setup import CounterInfo
from counter_app.ui.widgets import FieldErrors, error_label, ok_cancel, tab_through

log = logging.getLogger(__name__)


class SetupDialog(QDialog):
    """Sets the counter up once; if that was done already (e.g. from the command
    line) only the first administrator is asked for."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.counter: CounterInfo | None = setup.get_counter(ctx)
        self.setWindowTitle(self.tr("Set up this counter"))
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This computer is not set up as a counter yet. Type the agency's details as in the national catalogue; they are printed on every receipt and cannot be changed later."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        agency = QGroupBox(self.tr("Agency and counter"), self)
        form = QFormLayout(agency)
        self.agency_id = QLineEdit(agency)
        self.agency_id.setPlaceholderText("000.00.37.H37")
        self.agency_name = QLineEdit(agency)
        self.agency_name.setPlaceholderText(self.tr("e.g. UBND xã Hoàng Văn Thụ"))
        self.unit_name = QLineEdit(agency)
        self.unit_name.setPlaceholderText(
            self.tr("e.g. Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ")
        )
        self.unit_name.setToolTip(self.tr("The one-stop unit, as the printed forms name it."))
        self.parent_name = QLineEdit(agency)
        self.parent_name.setPlaceholderText(self.tr("e.g. UBND TỈNH LẠNG SƠN"))
        self.place = QLineEdit(agency)
        self.counter_name = QLineEdit(agency)
        self.counter_name.setPlaceholderText(self.tr("e.g. Quầy số 1"))
        self.code_slot = QSpinBox(agency)
        self.code_slot.setRange(0, SLOTS - 1)
        self.code_slot.setToolTip(
            self.tr(
                "Each counter of the same agency needs its own slot (0–9), so dossier numbers never collide when they work offline."
            )
        )
        form.addRow(self.tr("Agency identifier:"), self.errors.add("agency_id", self.agency_id))
        form.addRow(self.tr("Agency name:"), self.errors.add("agency_name", self.agency_name))
        form.addRow(self.tr("One-stop unit:"), self.errors.add("unit_name", self.unit_name))
        form.addRow(self.tr("Superior agency:"), self.parent_name)
        form.addRow(self.tr("Place (for dates on forms):"), self.place)
        form.addRow(self.tr("Counter name:"), self.errors.add("counter_name", self.counter_name))
        form.addRow(self.tr("Code slot:"), self.errors.add("code_slot", self.code_slot))
        layout.addWidget(agency)
        self._agency_group = agency
        agency.setEnabled(self.counter is None)

        admin = QGroupBox(self.tr("First administrator"), self)
        admin_form = QFormLayout(admin)
        self.username = QLineEdit(admin)
        self.full_name = QLineEdit(admin)
        self.password = QLineEdit(admin)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(admin)
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        admin_form.addRow(self.tr("User name:"), self.errors.add("username", self.username))
        admin_form.addRow(self.tr("Full name:"), self.errors.add("full_name", self.full_name))
        admin_form.addRow(self.tr("Password:"), self.errors.add("password", self.password))
        admin_form.addRow(self.tr("Repeat password:"), self.errors.add("password2", self.password2))
        roles_row = QWidget(admin)
        roles_layout = QHBoxLayout(roles_row)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        self.role_boxes: dict[Role, QCheckBox] = {}
        for role in (Role.ADMIN, Role.RECEIVER, Role.APPRAISER, Role.APPROVER, Role.RETURNER):
            box = QCheckBox(render(role_label(role)), roles_row)
            box.setChecked(role in (Role.ADMIN, Role.RECEIVER, Role.RETURNER))
            box.setEnabled(role is not Role.ADMIN)
            self.role_boxes[role] = box
            roles_layout.addWidget(box)
        admin_form.addRow(self.tr("Roles:"), self.errors.add("roles", roles_row))
        layout.addWidget(admin)

        self.load_sample = QCheckBox(
            self.tr("Load the sample catalogue of commune procedures"), self
        )
        self.load_sample.setChecked(True)
        layout.addWidget(self.load_sample)
        self.error = error_label(self)
        layout.addWidget(self.error)

        buttons, self.ok, _cancel = ok_cancel(self, self.tr("Set up"), self.submit)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        tab_through(
            self.agency_id,
            self.agency_name,
            self.unit_name,
            self.parent_name,
            self.place,
            self.counter_name,
            self.code_slot,
            self.username,
            self.full_name,
            self.password,
            self.password2,
            *self.role_boxes.values(),
            self.load_sample,
            self.ok,
        )
        # The first field to type: the agency's, or the administrator's when the
        # agency part was saved already and is locked.
        (self.agency_id if self.counter is None else self.username).setFocus()

    def submit(self) -> None:
        self.errors.clear()
        self.error.setVisible(False)
        if self.password.text() != self.password2.text():
            self._show("password2", self.tr("The two passwords differ; type them again."))
            return
        try:
            identity = {
                "agency_id": self.agency_id.text(),
                "agency_name": self.agency_name.text(),
                "unit_name": self.unit_name.text(),
                "parent_name": self.parent_name.text(),
                "place": self.place.text(),
                "counter_name": self.counter_name.text(),
                "code_slot": self.code_slot.value(),
            }
            # Everything is checked before anything is saved: the agency part
            # must not be recorded (and locked) when the administrator's is refused.
            if self.counter is None:
                setup.check_counter(**identity)
            users.check_first_admin(
                username=self.username.text(),
                full_name=self.full_name.text(),
                password=self.password.text(),
            )
            if self.counter is None:
                self.counter = setup.setup_counter(self._ctx, **identity)
                # Once the identity exists it cannot change: lock it for a retry.
                self._agency_group.setEnabled(False)
            users.create_first_admin(
                self._ctx,
                username=self.username.text(),
                full_name=self.full_name.text(),
                password=self.password.text(),
                roles=[r for r, box in self.role_boxes.items() if box.isChecked()],
            )
        except UserError as err:
            self._show(err.field or "", render(err.message))
            return
        if self.load_sample.isChecked():
            # The administrator just chose this password: the import is theirs.
            admin = auth.login(self._ctx, self.username.text(), self.password.text())
            report = catalogue.import_sample(self._ctx, admin)
            log.info("Sample catalogue: %d procedures", report.created)
        self.accept()

    def _show(self, field: str, text: str) -> None:
        first = self.errors.show([(field, text)], self.error)
        if first is not None:
            first.setFocus()
