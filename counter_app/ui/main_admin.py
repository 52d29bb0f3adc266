"""The home screen's Administration menu, shown only while an administrator is
at the desk: officials, the procedure catalogue, the working calendar, printers
and paper, the unit and its forms, backups and the central connection; further
admin screens are added to it with ``add_action``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from counter_app.domain.workflow import Role
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.ui.admin.backups_dialog import BackupsDialog
from counter_app.ui.admin.calendar_dialog import CalendarDialog
from counter_app.ui.admin.catalogue_dialog import CatalogueDialog
from counter_app.ui.admin.central_dialog import CentralDialog
from counter_app.ui.admin.officials_dialog import OfficialsDialog
from counter_app.ui.admin.printer_dialog import PrinterDialog
from counter_app.ui.admin.signing_dialog import SigningAdminDialog
from counter_app.ui.admin.unit_dialog import UnitDialog

if TYPE_CHECKING:
    from counter_app.ui.main_window import MainWindow

_Dialog = TypeVar("_Dialog", bound=QDialog)


class MainAdmin(QObject):
    def __init__(self, window: MainWindow, ctx: ServiceContext, data_dir: Path) -> None:
        super().__init__(window)
        self._window, self._ctx, self._data_dir = window, ctx, data_dir
        self.officials_dialog: OfficialsDialog | None = None
        self.catalogue_dialog: CatalogueDialog | None = None
        self.menu = window.menuBar().addMenu(self.tr("&Administration"))
        self.menu.menuAction().setObjectName("adminMenu")
        self.officials_action = self.add_action(self.tr("&Officials…"), self.open_officials)
        self.catalogue_action = self.add_action(
            self.tr("Procedure &catalogue…"), self.open_catalogue
        )
        self.menu.addSeparator()
        self.calendar_action = self.add_action(self.tr("Working &calendar…"), self.open_calendar)
        self.printer_action = self.add_action(self.tr("&Printers and paper…"), self.open_printer)
        self.unit_action = self.add_action(self.tr("&Unit and forms…"), self.open_unit)
        self.menu.addSeparator()
        self.backups_action = self.add_action(self.tr("&Backups…"), self.open_backups)
        self.central_action = self.add_action(self.tr("Central c&onnection…"), self.open_central)
        self.signing_action = self.add_action(self.tr("&Digital signatures…"), self.open_signing)

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

    def open_calendar(self) -> CalendarDialog:
        return self._show(CalendarDialog(self._ctx, self._window.user, self._window))

    def open_printer(self) -> PrinterDialog:
        return self._show(PrinterDialog(self._ctx, self._window.user, self._window))

    def open_unit(self) -> UnitDialog:
        return self._show(UnitDialog(self._ctx, self._window.user, self._window))

    def open_backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self._ctx, self._window.user, self._data_dir, self._window)
        # After a restore every write is refused until the app starts again.
        dialog.restored.connect(self._window.close)
        return self._show(dialog)

    def open_central(self) -> CentralDialog:
        dialog = CentralDialog(self._ctx, self._window.user, self._data_dir, self._window)
        # A newly imported connection starts the background sync at once.
        dialog.connection_imported.connect(self._window.sync.refresh_status)
        return self._show(dialog)

    def open_signing(self) -> SigningAdminDialog:
        window = self._window
        return self._show(
            SigningAdminDialog(self._ctx, window.user, self._data_dir, window.signing, window)
        )

    @staticmethod
    def _show(dialog: _Dialog) -> _Dialog:
        # A new dialog per opening: it acts as the official at the desk now.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
