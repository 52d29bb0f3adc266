"""The home screen's Administration menu, shown only while an administrator is
at the desk: officials and the procedure catalogue; other admin screens are
added to it with ``add_action``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from counter_app.domain.workflow import Role
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.ui.admin.catalogue_dialog import CatalogueDialog
from counter_app.ui.admin.officials_dialog import OfficialsDialog

if TYPE_CHECKING:
    from counter_app.ui.main_window import MainWindow

_Dialog = TypeVar("_Dialog", bound=QDialog)


class MainAdmin(QObject):
    def __init__(self, window: MainWindow, ctx: ServiceContext) -> None:
        super().__init__(window)
        self._window, self._ctx = window, ctx
        self.officials_dialog: OfficialsDialog | None = None
        self.catalogue_dialog: CatalogueDialog | None = None
        self.menu = window.menuBar().addMenu(self.tr("&Administration"))
        self.menu.menuAction().setObjectName("adminMenu")
        self.officials_action = self.add_action(self.tr("&Officials…"), self.open_officials)
        self.catalogue_action = self.add_action(
            self.tr("Procedure &catalogue…"), self.open_catalogue
        )

    def add_action(self, text: str, slot: Callable[[], object]) -> QAction:
        """Another entry in the menu; ``slot`` runs when it is chosen (with
        ``self._window.user``, the administrator at the desk, to act as)."""
        action = QAction(text, self._window)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def set_user(self, user: Actor) -> None:
        """The menu is there only for an administrator."""
        admin = Role.ADMIN in user.roles
        self.menu.menuAction().setVisible(admin)
        self.menu.menuAction().setEnabled(admin)

    @property
    def visible(self) -> bool:
        return self.menu.menuAction().isVisible()

    def open_officials(self) -> OfficialsDialog:
        dialog = OfficialsDialog(self._ctx, self._window.user, self._window)
        self.officials_dialog = dialog
        return self._show(dialog)

    def open_catalogue(self) -> CatalogueDialog:
        dialog = CatalogueDialog(self._ctx, self._window.user, self._window)
        # The work lists show procedure names and "4 tại chỗ".
        dialog.changed.connect(self._window.refresh)
        self.catalogue_dialog = dialog
        return self._show(dialog)

    @staticmethod
    def _show(dialog: _Dialog) -> _Dialog:
        # A new dialog per opening: it acts as the official at the desk now.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
