"""Starting the desktop application: Qt, translations, error dialog, setup, login, window.

Everything here is start-up glue: the windows and dialogs are built in their
own modules and take their dependencies as arguments, so tests build them
without this module's modal flow.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from counter_app import config, i18n
from counter_app.app_setup import Runtime, open_runtime, peek_counter_name
from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.ui import ui_thread
from counter_app.ui.login_dialog import LoginDialog

# The login window paints before the counter's database layer loads
# (SQLAlchemy, the models, the services: two thirds of a start); the main
# window and printing (reportlab, Qt's PDF and chart modules, the exports)
# are imported once the official has logged in.
if TYPE_CHECKING:
    from counter_app.services.auth import Actor
    from counter_app.services.context import ServiceContext
    from counter_app.ui.main_window import MainWindow
    from counter_app.ui.print_output import ChooseSink

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

# Set by bench/bench_start.py so that a start is timed end to end: the login
# window closes as soon as it is first painted and the app exits; with the
# value "ready", once the counter is open and checked (a login would be accepted).
QUIT_AT_LOGIN_ENV = "COUNTER_APP_QUIT_AT_LOGIN"
QUIT_WHEN_READY = "ready"


class _WhenPainted(QObject):
    """Calls ``then`` once, from the event loop, after ``widget``'s first paint."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


class ErrorReporter(QObject):
    """``sys.excepthook``: the traceback goes to the log file, the official gets a
    plain Vietnamese message (never the traceback) and the app keeps running."""

    def __init__(self, log_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_dir = log_dir
        self.last_box: QMessageBox | None = None

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("Unhandled exception", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, UserError):
            text = render(exc.message)
        else:
            text = self.tr(
                "Something went wrong and the last action was not finished. Dossiers already saved are safe; try the action again."
            )
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Counter error"), text)
        box.setObjectName("errorReport")
        where = str(config.logs_dir(self.log_dir)) if self.log_dir else ""
        box.setInformativeText(
            self.tr(
                "If it happens again, call the IT staff and give them the log file in: {folder}"
            ).format(folder=where)
            if where
            else self.tr("If it happens again, call the IT staff.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        # open(), not exec(): a hook must not start a nested event loop.
        box.open()
        self.last_box = box


def make_printer(
    ctx: ServiceContext,
    actor: Callable[[], Actor],
    parent: Callable[[], QWidget | None],
    choose_sink: ChooseSink,
) -> tuple[Callable[[str], None], Callable[[str, str], None]]:
    """The window's print callbacks: a print preview of a form of a dossier,
    printed in the name of the official at the desk when it prints."""
    from counter_app.ui import form_print

    def print_form(code: str, kind: str) -> None:
        form_print.preview_form(parent(), ctx, actor(), code, kind, choose_sink=choose_sink)

    def print_receipt(code: str) -> None:
        print_form(code, "receipt")

    return print_receipt, print_form


def build_main_window(ctx: ServiceContext, user: Actor, data_dir: Path | None = None) -> MainWindow:
    from counter_app.services import print_jobs as print_service
    from counter_app.services import setup
    from counter_app.ui import form_print
    from counter_app.ui.main_window import MainWindow

    counter = setup.get_counter(ctx)
    if counter is None:  # setup ran just before; only a broken database lands here
        raise RuntimeError("counter not set up")
    holder: list[MainWindow] = []

    def choose_sink(
        parent: QWidget, output: form_print.Output, file_name: str
    ) -> print_service.Sink | None:
        # Read at each print: the administrator may have chosen another printer since.
        configured = print_service.get_print_settings(ctx).printer
        return form_print.choose_sink(parent, output, file_name, printer_name=configured)

    print_receipt, print_form = make_printer(
        ctx,
        lambda: holder[0].user if holder else user,
        lambda: holder[0] if holder else None,
        choose_sink,
    )
    window = MainWindow(
        ctx,
        user,
        counter,
        print_receipt=print_receipt,
        print_form=print_form,
        choose_sink=choose_sink,
        data_dir=data_dir,
        daily_backup=data_dir is not None,
    )
    holder.append(window)
    return window


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(config.APP_NAME)
    app.setApplicationDisplayName("Một cửa")
    return app


def run_gui(data_dir: str | Path | None = None) -> int:
    """The desktop application; returns the process exit code."""
    app = _application()
    i18n.install(app)
    ui_thread.install(app)
    reporter = ErrorReporter(parent=app)
    sys.excepthook = reporter
    directory = config.data_dir(data_dir)
    reporter.log_dir = directory
    opened: list[Runtime] = []
    try:
        counter_name = peek_counter_name(directory)
        if counter_name is None:
            # First run, or a database that cannot be read without opening it:
            # opened and checked before any window, as setup or a restore may follow.
            user = _open_then_log_in(directory, opened)
        else:
            user = _log_in_while_opening(directory, counter_name, opened)
        if isinstance(user, int):
            return user
        runtime = opened[-1]
        # From here on the window writes only through the one writer thread.
        runtime.ctx.forbid_writes_on_this_thread()
        window = build_main_window(runtime.ctx, user, runtime.data_dir)
        window.show()
        code = app.exec()
        log.info("Counter application closed (%s)", code)
        _backup_on_exit(runtime)
        return int(code)
    finally:
        for runtime in opened:
            runtime.close()


def _open(directory: Path, opened: list[Runtime]) -> Runtime | None:
    """The counter opened, checked and faced (``opened`` keeps it to be closed)."""
    try:
        runtime = open_runtime(directory)
    except Exception:
        log.exception("Could not open the counter's database")
        QMessageBox.critical(
            None,
            QApplication.translate("ErrorReporter", "Counter error"),
            QApplication.translate(
                "ErrorReporter",
                "The counter's data could not be opened. Call the IT staff; nothing was changed.",
            ),
        )
        return None
    opened.append(runtime)
    opened[-1] = runtime = _face_the_start(runtime)
    return runtime


def _open_then_log_in(directory: Path, opened: list[Runtime]) -> Actor | int:
    """The first-run setup when the counter has none, then the login; an int
    is the exit code when nobody logged in."""
    from counter_app.services import setup

    runtime = _open(directory, opened)
    if runtime is None:
        return 1
    ctx = runtime.ctx
    if _needs_setup(ctx):
        from counter_app.ui.setup_dialog import SetupDialog

        if SetupDialog(ctx).exec() != QDialog.DialogCode.Accepted:
            return 1
    counter = setup.get_counter(ctx)
    login = LoginDialog(ctx, counter_name=counter.counter_name if counter else "")
    if os.environ.get(QUIT_AT_LOGIN_ENV):
        _WhenPainted(login, login.reject)
    if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
        return 0
    return login.user


def _log_in_while_opening(directory: Path, counter_name: str, opened: list[Runtime]) -> Actor | int:
    """The login window paints first; the counter is opened and checked
    (quick_check, migrations, the high-water reconcile, the daily backup, and
    what the official must be told of them) right after, while the official
    types: a login is accepted only once that is done."""
    login = LoginDialog(None, counter_name=counter_name)
    failed: list[int] = []
    fault: list[Exception] = []

    def open_and_check() -> None:
        if not login.isVisible():  # closed at its first paint
            return
        try:
            runtime = _open(directory, opened)
        except Exception as exc:  # raised from run_gui, as before the window
            fault.append(exc)
            login.done(QDialog.DialogCode.Rejected)
            return
        if runtime is None:
            failed.append(1)
            login.done(QDialog.DialogCode.Rejected)
        elif _needs_setup(runtime.ctx):  # restored to a counter never set up
            login.done(QDialog.DialogCode.Rejected)
        else:
            login.ready(runtime.ctx)
            if os.environ.get(QUIT_AT_LOGIN_ENV) == QUIT_WHEN_READY:
                QTimer.singleShot(0, login.reject)

    _WhenPainted(login, open_and_check)
    if os.environ.get(QUIT_AT_LOGIN_ENV, QUIT_WHEN_READY) != QUIT_WHEN_READY:
        # Installed last, so called first: closed before the counter is opened.
        _WhenPainted(login, login.reject)
    if login.exec() == QDialog.DialogCode.Accepted and login.user is not None:
        return login.user
    if fault:
        raise fault[0]
    if failed:
        return 1
    if opened and _needs_setup(opened[-1].ctx):
        opened.pop().close()
        return _open_then_log_in(directory, opened)
    return 0


def _needs_setup(ctx: ServiceContext) -> bool:
    from counter_app.services import setup, users

    return setup.get_counter(ctx) is None or not users.list_users(ctx)


def _face_the_start(runtime: Runtime) -> Runtime:
    """A damaged database is offered its latest good backup; whatever else the
    start found (a database behind its high-water mark) is shown once."""
    from counter_app.services import backups
    from counter_app.ui.backup_status import offer_restore, show_notices

    damage = runtime.db.damage_message()
    if damage is not None:
        latest = backups.last_good(runtime.data_dir)
        if latest is not None and offer_restore(None, damage, latest.path):
            runtime.close()
            backups.restore(runtime.data_dir, latest.path)
            runtime = open_runtime(runtime.data_dir)
        elif latest is None:
            offer_restore(None, damage, None)
    show_notices(None, [n for n in runtime.notices if n != damage])
    return runtime


def _backup_on_exit(runtime: Runtime) -> None:
    from counter_app.services import backups

    if runtime.db.damage:
        return
    try:
        backups.back_up(runtime.data_dir, "exit", budget=backups.EXIT_FILES_BUDGET_S)
    except UserError:
        log.warning("No backup on exit", exc_info=True)
