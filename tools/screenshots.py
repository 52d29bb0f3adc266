"""`make screenshots`: the desk's windows on a 1366×768 screen, as docs/screenshots/*.png.

    python tools/screenshots.py [--out docs/screenshots]

The demo's scripted day (counter_app/devtools/demo.py) is played through the real
services, on its scripted clock, into a throwaway data dir; one of its
dossiers is then taken on (transferred, back from the department, approved,
result ready) so the dossier window has a history and the return form
applies, and one more citizen files a dossier for the step dialog. Each
window of SHOTS is then opened over that data, drawn and saved.

The screen is fixed the way tests/ui/test_screen_fit.py fixes it: Qt's
offscreen platform with a one-screen configuration file, set before the
application starts (Qt reads it then).

To show another window, add a ``Shot(name, opener)``: ``opener(desk)``
returns the widget to draw (built over ``desk``, the played day).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counter_app import i18n  # noqa: E402
from counter_app.app_setup import Runtime, open_runtime  # noqa: E402
from counter_app.devtools.demo import DEMO_PASSWORD, DEMO_USERS, run_demo  # noqa: E402
from counter_app.devtools.demo_parts import DEMO_PROVINCE_FEE  # noqa: E402
from counter_app.domain.procedure import FeeKind  # noqa: E402
from counter_app.domain.validation import ApplicantInput  # noqa: E402
from counter_app.domain.workflow import Action, State  # noqa: E402
from counter_app.paper import FormKind  # noqa: E402
from counter_app.reports.definitions import Period  # noqa: E402
from counter_app.services import auth, catalogue, dossiers, print_jobs, setup  # noqa: E402
from counter_app.services.auth import Actor  # noqa: E402
from counter_app.services.context import ServiceContext  # noqa: E402
from counter_app.services.dossiers import ReceiveRequest, StepRequest  # noqa: E402
from counter_app.services.search import WorkList  # noqa: E402
from counter_app.services.views import DossierInfo  # noqa: E402
from counter_app.ui.admin.backups_dialog import BackupsDialog  # noqa: E402
from counter_app.ui.admin.calendar_dialog import CalendarDialog  # noqa: E402
from counter_app.ui.admin.catalogue_dialog import CatalogueDialog  # noqa: E402
from counter_app.ui.admin.officials_dialog import OfficialsDialog  # noqa: E402
from counter_app.ui.app import build_main_window  # noqa: E402
from counter_app.ui.dossier_dialog import DossierDialog  # noqa: E402
from counter_app.ui.form_print import FormPrint  # noqa: E402
from counter_app.ui.help_window import HelpWindow  # noqa: E402
from counter_app.ui.ledger_dialog import LedgerPrint  # noqa: E402
from counter_app.ui.login_dialog import LoginDialog  # noqa: E402
from counter_app.ui.print_preview import PrintPreviewDialog  # noqa: E402
from counter_app.ui.receive_dialog import ReceiveDialog  # noqa: E402
from counter_app.ui.reports_dialog import ReportsDialog  # noqa: E402
from counter_app.ui.step_dialog import StepDialog  # noqa: E402

# The commonest commune screen, as tests/ui/test_screen_fit.py sets it.
SCREEN = {"screens": [{"name": "Desk", "x": 0, "y": 0, "width": 1366, "height": 768}]}


@dataclass
class Desk:
    """The played day: the counter, its officials and the dossiers of each shot."""

    rt: Runtime
    receiver: Actor
    approver: Actor
    admin: Actor
    worked: DossierInfo  # taken through its steps to "result ready"
    waiting: DossierInfo  # just received: the step dialog's dossier

    @property
    def ctx(self) -> ServiceContext:
        return self.rt.ctx


@dataclass(frozen=True)
class Shot:
    name: str
    opener: Callable[[Desk], QWidget]


def play_day(data_dir: Path, forms_dir: Path) -> Desk:
    rt = open_runtime(data_dir)
    lines = list(run_demo(rt, forms_dir))
    receiver = auth.login(rt.ctx, DEMO_USERS[0].username, DEMO_PASSWORD)
    approver = auth.login(rt.ctx, DEMO_USERS[1].username, DEMO_PASSWORD)
    admin = auth.login(rt.ctx, DEMO_USERS[2].username, DEMO_PASSWORD)
    clock = rt.ctx.clock
    multi_day = json.loads(lines[1])["code"]
    for minutes, actor, step in (
        (20, receiver, StepRequest(Action.TRANSFER, department="Phòng Văn hóa - Xã hội")),
        (240, receiver, StepRequest(Action.RETURN_FROM_DEPARTMENT, note="Đủ điều kiện")),
        (30, approver, StepRequest(Action.APPROVE)),
        (15, receiver, StepRequest(Action.PREPARE_RESULT)),
    ):
        clock.now += timedelta(minutes=minutes)
        dossiers.take_step(rt.ctx, actor, multi_day, step)
    worked = dossiers.get_dossier(rt.ctx, multi_day)
    assert worked.state is State.RESULT_READY
    clock.now += timedelta(minutes=10)
    spec = next(s for s in catalogue.list_procedures(rt.ctx) if s.code == worked.row.procedure_code)
    waiting = dossiers.receive(
        rt.ctx,
        receiver,
        ReceiveRequest(
            spec.code,
            ApplicantInput(
                full_name="Hoàng Văn Tuấn",
                id_number="020092007788",
                phone="0912888999",
                address="Thôn Khòn Pát, xã Hoàng Văn Thụ, Lạng Sơn",
            ),
            fee_amount=DEMO_PROVINCE_FEE if spec.fee.kind is FeeKind.SET_BY_PROVINCE else None,
        ),
    )
    return Desk(rt, receiver, approver, admin, worked, waiting)


# ----- the windows ------------------------------------------------------------------------


def login(desk: Desk) -> QWidget:
    counter = setup.get_counter(desk.ctx)
    dialog = LoginDialog(desk.ctx, counter_name=counter.counter_name if counter else "")
    dialog.username.setText(desk.receiver.username)
    return dialog


def main_window(desk: Desk) -> QWidget:
    window = build_main_window(desk.ctx, desk.receiver)
    screen = window.screen().availableGeometry()
    window.resize(screen.width(), screen.height() - 30)
    # The day's dossiers, in every state the script left them.
    window.tabs.setCurrentWidget(window.views[WorkList.RECEIVED_TODAY])
    return window


def reception(desk: Desk) -> QWidget:
    dialog = ReceiveDialog(desk.ctx, desk.receiver)
    assert dialog.procedure.select_code(desk.worked.row.procedure_code)
    dialog.full_name.setText("Đinh Thị Hoa")
    dialog.id_number.setText("020195003344")
    dialog.id_number.editingFinished.emit()  # sex and birth year, read from the CCCD
    dialog.phone.setText("0977 123 456")
    dialog.address.setText("Khối 5, phường Đông Kinh, Lạng Sơn")
    dialog.documents.item(0).setCheckState(Qt.CheckState.Checked)
    if dialog.fee_entry.amount.isVisibleTo(dialog):
        dialog.fee_entry.amount.setValue(DEMO_PROVINCE_FEE)
    return dialog


def dossier_window(desk: Desk) -> QWidget:
    return DossierDialog(desk.ctx, desk.receiver, desk.worked.code)


def step(desk: Desk) -> QWidget:
    dialog = StepDialog(
        Action.REQUEST_SUPPLEMENT,
        lambda _request: True,
        code=desk.waiting.code,
        appointment=desk.waiting.row.appointment_at,
    )
    dialog.items.setPlainText("Giấy xác nhận tình trạng hôn nhân\nBản sao Sổ hộ khẩu")
    dialog.note.setPlainText("Hồ sơ chưa đủ thành phần theo quy định")
    return dialog


def return_form(desk: Desk) -> QWidget:
    dialog = StepDialog(
        Action.RETURN_RESULT,
        lambda _request: True,
        code=desk.worked.code,
        appointment=desk.worked.row.appointment_at,
    )
    assert dialog.return_form is not None
    dialog.return_form.set_answers({"4": 2, "7": 2, "d": 1})
    return dialog


def receipt_preview(desk: Desk) -> QWidget:
    form = FormPrint(desk.ctx, desk.receiver, desk.worked.code, FormKind.RECEIPT)
    return PrintPreviewDialog(form, print_jobs.form_pdf(desk.ctx, form.code, form.kind))


def ledger_preview(desk: Desk) -> QWidget:
    today = desk.ctx.now().date()
    ledger = LedgerPrint(desk.ctx, today.replace(day=1), today)
    return PrintPreviewDialog(ledger, ledger.build())


def reports(desk: Desk) -> QWidget:
    dialog = ReportsDialog(desk.ctx)
    today = desk.ctx.now().date()
    dialog.set_period(Period(today.replace(day=1), today))
    dialog.load()
    _wait_until(lambda: dialog.report is not None)
    return dialog


def help_window(_desk: Desk) -> QWidget:
    return HelpWindow()


def officials(desk: Desk) -> QWidget:
    dialog = OfficialsDialog(desk.ctx, desk.admin)
    _wait_until(lambda: dialog.model.rowCount() > 0)
    return dialog


def procedure_catalogue(desk: Desk) -> QWidget:
    dialog = CatalogueDialog(desk.ctx, desk.admin)
    _wait_until(lambda: dialog.model.rowCount() > 0)
    return dialog


def working_calendar(desk: Desk) -> QWidget:
    return CalendarDialog(desk.ctx, desk.admin)


def backups_screen(desk: Desk) -> QWidget:
    return BackupsDialog(desk.ctx, desk.admin, desk.rt.data_dir)


SHOTS = [
    Shot("login", login),
    Shot("main_window", main_window),
    Shot("receive_dialog", reception),
    Shot("dossier_dialog", dossier_window),
    Shot("step_dialog", step),
    Shot("return_form", return_form),
    Shot("receipt_preview", receipt_preview),
    Shot("ledger_preview", ledger_preview),
    Shot("reports", reports),
    Shot("help", help_window),
    Shot("admin_officials", officials),
    Shot("admin_catalogue", procedure_catalogue),
    Shot("admin_calendar", working_calendar),
    Shot("admin_backups", backups_screen),
]


def _wait_until(done: Callable[[], bool], seconds: float = 20) -> None:
    app = QApplication.instance()
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _settle(seconds: float) -> None:
    """Let the window draw: a PDF view renders its pages in the background."""
    _wait_until(lambda: False, seconds)


def take(shots: list[Shot], desk: Desk, out: Path) -> list[Path]:
    written = []
    for shot in shots:
        widget = shot.opener(desk)
        widget.show()
        _settle(1.5)
        path = out / f"{shot.name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
        widget.close()
        widget.deleteLater()
        _settle(0.1)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        config = Path(tmp) / "screen.json"
        config.write_text(json.dumps(SCREEN), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        os.environ["COUNTER_APP_LANG"] = "vi"
        app = QApplication(sys.argv[:1])
        i18n.install(app)
        desk = play_day(Path(tmp) / "data", Path(tmp) / "forms")
        try:
            for path in take(SHOTS, desk, args.out):
                print(path)
        finally:
            desk.rt.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
