"""The dossier window's "4 tại chỗ": the leader signs at the desk (their own
login, unless the official is the leader) and approves, or refuses with a
reason (form 03 is printed for the citizen); either way the window then opens
the return step, where who collects the result and the citizen's evaluation
are recorded.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QPushButton

from counter_app.domain.workflow import Action, Role
from counter_app.paper import FormKind
from counter_app.services import dossiers
from counter_app.services.auth import Actor
from counter_app.services.dossiers import StepRequest
from counter_app.services.views import DossierInfo
from counter_app.ui import notify
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.step_dialog import StepDialog
from counter_app.ui.workers import refusal

if TYPE_CHECKING:
    from counter_app.ui.dossier_dialog import DossierDialog

log = logging.getLogger(__name__)

_APPROVE_STYLE = "background:#1b7f3b;color:white;font-weight:bold;padding:4px 10px;"


class OnTheSpot(QObject):
    def __init__(self, dialog: DossierDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self.approve_button = QPushButton(
            self.tr("4 on the spot: appraise, approve and return now"), dialog
        )
        self.approve_button.setObjectName("onTheSpot")
        self.approve_button.setStyleSheet(_APPROVE_STYLE)
        self.refuse_button = QPushButton(self.tr("4 on the spot: refuse"), dialog)
        self.refuse_button.setObjectName("onTheSpotRefuse")
        for button, refuse in ((self.approve_button, False), (self.refuse_button, True)):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, r=refuse: self.start(refuse=r))
        self.approver_dialog: LoginDialog | None = None
        self.reason_dialog: StepDialog | None = None
        self._refuse = False

    @property
    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.approve_button, self.refuse_button

    def show(self, visible: bool) -> None:
        for button in self.buttons:
            button.setVisible(visible)

    def start(self, *, refuse: bool = False) -> None:
        self._refuse = refuse
        user = self._dialog.user
        if Role.APPROVER in user.roles:
            self._signed(None)
            return
        dialog = LoginDialog(self._dialog.ctx, self._dialog, required_roles={Role.APPROVER})
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._signed(dialog.user))
        self.approver_dialog = dialog
        dialog.open()

    def _signed(self, approver: Actor | None) -> None:
        if not self._refuse:
            self._resolve(approver, "")
            return
        # The refusal's reason, as any refusal: it is printed on form 03.
        row = self._dialog.info.row
        reason = StepDialog(
            Action.REFUSE,
            lambda request: self._reason_typed(approver, request),
            self._dialog,
            code=row.code,
            appointment=row.appointment_at,
        )
        reason.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reason_dialog = reason
        reason.open()

    def _reason_typed(self, approver: Actor | None, request: StepRequest) -> bool:
        self._resolve(approver, request.note)
        return True

    def _resolve(self, approver: Actor | None, note: str) -> None:
        writes = self._dialog.writes
        if writes.busy:
            return
        ctx, user, code, refuse = (
            self._dialog.ctx,
            self._dialog.user,
            self._dialog.code,
            self._refuse,
        )
        for button in self.buttons:
            button.setEnabled(False)
        writes.start(
            lambda: dossiers.resolve_on_the_spot(
                ctx, user, code, approver=approver, note=note, refuse=refuse
            ),
            lambda info: self._resolved(info, approver),
            self._failed,
        )

    def _failed(self, error: object) -> None:
        for button in self.buttons:
            button.setEnabled(True)
        notify.show_user_error(self._dialog, self.tr("4 on the spot"), refusal(error))

    def _resolved(self, info: object, approver: Actor | None) -> None:
        assert isinstance(info, DossierInfo)
        for button in self.buttons:
            button.setEnabled(True)
        log.info(
            "Dossier %s %s on the spot (leader %s)",
            info.code,
            "refused" if self._refuse else "approved",
            approver.username if approver else self._dialog.user.username,
        )
        self._dialog.show_info(info)
        if self._refuse:
            self._dialog.print_form(FormKind.REFUSAL)
        # The citizen collects the result (or the refusal) at once.
        self._dialog.start_step(Action.RETURN_RESULT)
