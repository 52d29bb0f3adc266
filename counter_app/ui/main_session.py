"""Sessions at a shared desk: lock (Ctrl+L, or after a while without input),
switch official, log out — the window stays open throughout.

While locked, the work lists and every open dialog are hidden (a citizen's
data is on them) and only a login opens the desk again. The same official
finds everything as they left it, a half-typed reception included; another
official takes the desk over: what the previous one had open is closed and
the window follows the new official's roles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.ui.login_dialog import LoginDialog

if TYPE_CHECKING:
    from counter_app.ui.main_window import MainWindow


class MainSession(QObject):
    def __init__(self, window: MainWindow, ctx: ServiceContext, lock_after_minutes: int) -> None:
        super().__init__(window)
        self._window, self._ctx = window, ctx
        self.login: LoginDialog | None = None
        self._hidden: list[QDialog] = []
        menu = window.menuBar().addMenu(self.tr("S&ession"))
        self.lock_action = menu.addAction(self.tr("&Lock the screen"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        menu.addAction(self.tr("&Switch official…"), self.switch)
        menu.addAction(self.tr("Log &out"), self.log_out)
        menu.addSeparator()
        self.exit_action = menu.addAction(self.tr("E&xit"))
        self.exit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.exit_action.triggered.connect(self.ask_to_exit)
        self.exit_box: QMessageBox | None = None
        self._exiting = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.set_idle_ms(lock_after_minutes * 60_000)
        window.input.activity.connect(self._input)
        window.input.on_key(self._key)

    def ask_to_exit(self) -> QMessageBox:
        """Exit asks first: Alt+F4 or a stray click on the title bar's X must not
        close the desk in the middle of a citizen's visit."""
        if self.exit_box is not None and self.exit_box.isVisible():
            return self.exit_box
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Exit"),
            self.tr(
                "Close the one-stop desk application? Every dossier received is saved; "
                "a form not yet sent is lost."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Exit"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Stay"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda _r: self._answered(box))
        self.exit_box = box
        box.open()
        return box

    def _answered(self, box: QMessageBox) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self._exiting = True
            self._window.close()

    def may_close(self, event: QCloseEvent) -> bool:
        """A close the window system asks for (Alt+F4, the title bar) is asked first;
        the application's own closing is not."""
        if self._exiting or not event.spontaneous():
            return True
        self.ask_to_exit()
        return False

    @property
    def locked(self) -> bool:
        return self.login is not None

    def set_idle_ms(self, ms: int) -> None:
        """0 never locks by itself."""
        self.idle.setInterval(ms)
        if ms > 0:
            self.idle.start()
        else:
            self.idle.stop()

    def _input(self) -> None:
        if not self.locked and self.idle.interval() > 0:
            self.idle.start()

    def _key(self, _widget: QWidget | None, event: QKeyEvent) -> bool:
        if self.locked or QKeySequence(event.keyCombination()) != self.lock_action.shortcut():
            return False
        # A dialog open over the window (a reception) keeps the menu's
        # shortcut from firing: the desk locks all the same.
        self.lock()
        return True

    def lock(self) -> LoginDialog:
        """Ctrl+L or idle: the same official unlocks with their password."""
        user = self._window.user
        return self._cover(
            self.tr(
                "The desk is locked. {name} types the password to go on, or another "
                "official logs in to take the desk over."
            ).format(name=user.full_name),
            user.username,
        )

    def switch(self) -> LoginDialog:
        return self._cover(self.tr("Another official logs in to take the desk over."), "")

    def log_out(self) -> LoginDialog:
        """What was open is closed at once; the next official logs in."""
        dialog = self._cover(self.tr("Logged out. The next official logs in."), "")
        self._close_hidden()
        return dialog

    def _cover(self, intro: str, username: str) -> LoginDialog:
        if self.login is not None:
            return self.login
        self.idle.stop()
        window = self._window
        # Lock, logout or switch: the token's PIN is forgotten (Issue 21:
        # nobody signs with the previous official's open token).
        window.signing.forget()
        self._hidden = [
            d for d in window.findChildren(QDialog) if d.isVisible() and d.parent() is not None
        ]
        for dialog in self._hidden:
            dialog.hide()
        central = window.centralWidget()
        if isinstance(central, QWidget):
            central.setVisible(False)
        login = LoginDialog(
            self._ctx,
            window,
            counter_name=window.counter.counter_name,
            intro=intro,
            username=username,
            cancellable=False,
        )
        login.setObjectName("lockLogin")
        if not username:
            # A logout or a switch: the desk is nobody's until someone logs in.
            window.status.show_official(None)
        login.accepted.connect(self._opened)
        self.login = login
        login.open()
        return login

    def _opened(self) -> None:
        login, self.login = self.login, None
        assert login is not None and login.user is not None
        actor: Actor = login.user
        window = self._window
        if actor.username == window.user.username:
            for dialog in self._hidden:
                dialog.show()
            self._hidden = []
            window.status.show_official(actor)
        else:
            self._close_hidden()
            window.set_user(actor)
        central = window.centralWidget()
        if isinstance(central, QWidget):
            central.setVisible(True)
        login.deleteLater()
        if self.idle.interval() > 0:
            self.idle.start()

    def _close_hidden(self) -> None:
        # done(), not reject(): nothing may ask the next official about the
        # previous one's typing; the reception it would have saved was not made.
        for dialog in self._hidden:
            dialog.done(QDialog.DialogCode.Rejected)
        self._hidden = []
