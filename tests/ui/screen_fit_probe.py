"""Open every window and dialog of the desk on the screen Qt was started with
and print, as JSON, each button that does not lie inside the usable screen.

Run in a process of its own (the screen size and scale factor are fixed when
the QApplication starts): see tests/ui/test_screen_fit.py.
Usage: python -m tests.ui.screen_fit_probe DATA_DIR [SCREENSHOT_DIR]
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMainWindow, QWidget

from counter_app import i18n
from counter_app.app_setup import Runtime, open_runtime
from counter_app.catalogue_files.csv_format import parse_csv
from counter_app.domain.papers import Origin, PaperData
from counter_app.domain.workflow import Action
from counter_app.files import backup_copy
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.paper import FormKind
from counter_app.services import backups, catalogue, dossiers, papers, setup, users
from counter_app.services.catalogue import ImportReport
from counter_app.services.dossiers import ReceiveRequest
from counter_app.services.papers import NewCopy, PaperInfo
from counter_app.services.print_jobs import form_pdf
from counter_app.services.views import DossierInfo
from counter_app.signing.token import describe
from counter_app.sync.service import IssueInfo, SyncStatus
from counter_app.ui.admin.backups_dialog import BackupsDialog
from counter_app.ui.admin.calendar_dialog import CalendarDialog
from counter_app.ui.admin.catalogue_dialog import CatalogueDialog
from counter_app.ui.admin.central_dialog import CentralDialog
from counter_app.ui.admin.import_report import ImportReportDialog
from counter_app.ui.admin.official_forms import AddOfficialDialog, PasswordDialog, RolesDialog
from counter_app.ui.admin.officials_dialog import OfficialsDialog
from counter_app.ui.admin.printer_dialog import PrinterDialog
from counter_app.ui.admin.procedure_form import ProcedureForm
from counter_app.ui.admin.signing_dialog import SigningAdminDialog
from counter_app.ui.admin.unit_dialog import UnitDialog
from counter_app.ui.digitise_dialog import DigitiseDialog
from counter_app.ui.dossier_dialog import DossierDialog
from counter_app.ui.form_print import FormPrint, PrintPreviewDialog
from counter_app.ui.help_window import HelpWindow
from counter_app.ui.ledger_dialog import LedgerPeriodDialog
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.receive_dialog import ReceiveDialog
from counter_app.ui.reports_dialog import ReportsDialog
from counter_app.ui.reuse_papers import ReuseDialog
from counter_app.ui.setup_dialog import SetupDialog
from counter_app.ui.signature_check import SignatureCheckDialog
from counter_app.ui.signing_dialogs import CertificateDialog, PinDialog
from counter_app.ui.step_dialog import StepDialog
from counter_app.ui.sync_issues_dialog import SyncIssuesDialog
from counter_app.ui.sync_worker import SyncPhase
from counter_app.ui.widgets import ElidedLabel
from counter_app.ui.window_signing import WindowSigning
from tests.conftest import make_counter
from tests.scanning.support import DEVICE  # sets SANE_CONFIG_DIR: the project's test scanner
from tests.signing.token_support import shared_pki
from tests.ui.conftest import CITIZEN, user_info

# A desktop's taskbar takes this much of the screen's height (Windows 10/11 at
# 100 %, in device pixels); the offscreen screen has none, so it is kept free here.
TASKBAR_PX = 48


def usable_area(app: QApplication) -> QRect:
    screen = app.primaryScreen()
    area = screen.availableGeometry()
    taskbar = round(TASKBAR_PX / screen.devicePixelRatio())
    return area.adjusted(0, 0, 0, -taskbar)


def outside(window: QWidget, area: QRect) -> list[dict[str, object]]:
    """Visible buttons of ``window`` (its frame included) not wholly inside ``area``."""
    found = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.width() == 0:
            continue
        top_left = button.mapToGlobal(button.rect().topLeft())
        rect = QRect(top_left, button.size())
        if not area.contains(rect):
            found.append(
                {
                    "window": type(window).__name__,
                    "button": button.text() or button.objectName(),
                    "rect": [rect.x(), rect.y(), rect.width(), rect.height()],
                }
            )
    # Nothing in the status bar is cut short (at 1366 px it once read "Trung tâm: mấ"),
    # but for the names that give way by design, ending in "…".
    if isinstance(window, QMainWindow):
        bar = window.statusBar()
        for item in bar.findChildren(QLabel) + bar.findChildren(QAbstractButton):
            if not item.isVisibleTo(window):
                continue
            least = item.minimumSizeHint() if isinstance(item, ElidedLabel) else item.sizeHint()
            if item.width() < least.width():
                found.append(
                    {"window": type(window).__name__, "button": item.text(), "rect": ["cut"]}
                )
    # The title bar (with its close button) must be reachable too.
    frame = window.frameGeometry()
    if frame.top() < area.top() or frame.left() < area.left():
        found.append({"window": type(window).__name__, "button": "title bar", "rect": []})
    return found


def windows(data_dir: Path) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    fresh = open_runtime(data_dir / "fresh")
    yield "setup", lambda: SetupDialog(fresh.ctx)
    rt = make_counter(data_dir / "counter")
    ctx = rt.ctx
    counter = setup.get_counter(ctx)
    assert counter is not None
    clerk = user_info(rt, "tiepnhan")
    # The procedure with the longest checklist makes the tallest reception form.
    longest = max(catalogue.list_procedures(ctx), key=lambda p: len(p.documents))
    info: DossierInfo = dossiers.receive(ctx, clerk, ReceiveRequest(longest.code, CITIZEN))
    yield "login", lambda: LoginDialog(ctx, counter_name=counter.counter_name)
    yield (
        "main",
        lambda: MainWindow(
            ctx, clerk, counter, print_receipt=lambda *_: None, data_dir=rt.data_dir
        ),
    )

    def linked() -> QWidget:
        """The home screen at its most crowded status bar: linked to the centre,
        the link down, changes waiting, records sync could not apply, notices
        due, a backup taken and the lists refreshed (each of these came at its
        own time before, so the bar's width depended on the machine's speed),
        the day's backup still copying a year's files."""
        (generation, *_) = backups.back_up(rt.data_dir, "daily")
        backup_copy.mark_pending(generation, 48_000)
        window = MainWindow(
            ctx, clerk, counter, print_receipt=lambda *_: None, data_dir=rt.data_dir
        )
        # Its own first reads land (the lists' refresh reads the sync status
        # and the notices again, and so does the notice sender's first run),
        # then no more: the texts below stay.
        read: list[str] = []
        window.sync.status_changed.connect(lambda _s: read.append("status"))
        window.refreshed.connect(lambda: read.append("lists"))
        window.notices.sent.connect(lambda _r: read.append("sent"))
        window.notices.loaded.connect(lambda: read.append("notices"))
        while not (
            "lists" in read
            and read.count("status") >= 2
            and "sent" in read
            and "notices" in read[read.index("sent") :]
        ):
            QApplication.processEvents()
        window.notices.timer.stop()
        settle = time.monotonic() + 0.5
        while time.monotonic() < settle:
            QApplication.processEvents()
        window.sync.directory = None
        issue = IssueInfo("pull", "dossier", "u1", "stale", datetime(2026, 12, 31, 16, 40))
        window.sync_status.show_status(
            SyncStatus(True, 128, datetime(2026, 12, 31, 16, 45), [issue, issue], files_pending=12)
        )
        window.sync_status.show_phase(SyncPhase.OFFLINE)
        window.offline_label.setVisible(False)
        window.notices.status_label.setText("Thông báo chờ gửi: 12")
        window.notices.status_label.setVisible(True)
        return window

    yield "main-linked", linked

    def receive() -> QWidget:
        dialog = ReceiveDialog(ctx, clerk)
        assert dialog.procedure.select_code(longest.code)
        return dialog

    yield "receive", receive
    yield "dossier", lambda: DossierDialog(ctx, clerk, info.code)
    # A "4 tại chỗ" dossier shows the most buttons: approve and refuse on the spot too.
    spot = next(p for p in catalogue.list_procedures(ctx) if p.on_the_spot)
    both = user_info(rt, "motcua")
    on_the_spot = dossiers.receive(ctx, both, ReceiveRequest(spot.code, CITIZEN)).code
    yield "dossier-on-the-spot", lambda: DossierDialog(ctx, both, on_the_spot)
    for action in (Action.REQUEST_SUPPLEMENT, Action.APOLOGISE, Action.RETURN_RESULT):
        yield (
            f"step-{action.value}",
            lambda a=action: StepDialog(
                a, lambda _r: True, code=info.code, appointment=info.row.appointment_at
            ),
        )
    pdf = form_pdf(ctx, info.code, FormKind.RECEIPT)
    receipt = FormPrint(ctx, clerk, info.code, FormKind.RECEIPT)
    yield "preview", lambda: PrintPreviewDialog(receipt, pdf)
    yield from paper_windows(rt, info)
    yield "ledger-period", lambda: LedgerPeriodDialog(ctx.now().date())
    yield "sync-issues", lambda: SyncIssuesDialog([])
    yield "guide", lambda: HelpWindow()
    yield "reports", lambda: ReportsDialog(ctx)
    admin = user_info(rt, "quantri")
    yield "admin-calendar", lambda: CalendarDialog(ctx, admin)
    yield "admin-printer", lambda: PrinterDialog(ctx, admin)
    yield "admin-unit", lambda: UnitDialog(ctx, admin)
    yield "admin-backups", lambda: BackupsDialog(ctx, admin, rt.data_dir)
    yield "admin-central", lambda: CentralDialog(ctx, admin, rt.data_dir)
    yield from admin_windows(rt)


def wait_for(done: Callable[[], bool], seconds: float = 30) -> None:
    """Let the window's workers (SANE look-ups, a scan, reads) answer."""
    until = time.monotonic() + seconds
    while not done():
        if time.monotonic() > until:
            raise SystemExit(f"screen_fit_probe: gave up waiting for {done}")
        QApplication.processEvents()
        time.sleep(0.01)


def paper_windows(rt: Runtime, info: DossierInfo) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """The electronic papers: digitising a checklist paper (before and after a
    scan), the dossier's papers tab and the papers offered again at reception."""
    ctx = rt.ctx
    clerk = user_info(rt, "tiepnhan")
    position = info.documents[0].position
    # Two papers already held for the citizen, one of them this dossier's.
    image = io.BytesIO()
    Image.new("L", (60, 80), 240).save(image, "PNG")
    page = images_to_pdf([image.getvalue()])
    for code, name in (("GT.KS", "Giấy khai sinh"), ("GT.CT", "Giấy xác nhận cư trú")):
        data = PaperData(code, name, holder_id_number=CITIZEN.id_number, summary=name)
        papers.add_copy(ctx, clerk, NewCopy(info.code, page, data, Origin.SCAN, component=position))

    def digitise(scan: bool) -> QWidget:
        dialog = DigitiseDialog(ctx, clerk, info, position)
        panel = dialog.scan_panel
        wait_for(lambda: panel.source.count() > 0)
        assert panel.device.currentData() == DEVICE
        if scan:
            panel.resolution.setCurrentIndex(panel.resolution.findData(75))
            panel.scan_button.click()
            wait_for(lambda: dialog.pages.count() > 0 and dialog.save_button.isEnabled())
        return dialog

    yield "digitise", lambda: digitise(scan=False)
    yield "digitise-pages", lambda: digitise(scan=True)

    def dossier_papers() -> QWidget:
        dialog = DossierDialog(ctx, clerk, info.code)
        dialog.tabs.setCurrentWidget(dialog.papers)
        wait_for(lambda: not dialog.papers.busy)
        return dialog

    yield "dossier-papers", dossier_papers
    held = papers.held_for(ctx, CITIZEN.id_number)
    assert len(held) == 2
    documents = [d.name for d in info.documents]
    yield "reuse", lambda: ReuseDialog(held, documents, ctx.now().date())
    yield from signing_windows(rt, held[0])


def signing_windows(rt: Runtime, copy: PaperInfo) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """Issue 21: the token's PIN, the certificate choice (a long holder name, an
    expired one), a copy's signature check and Administration > Digital signatures."""
    ctx = rt.ctx
    admin = user_info(rt, "quantri")
    certs = [describe(o.der, role) for role, o in shared_pki().officials.items()]
    yield "signing-pin", lambda: PinDialog(["VNPT-CA Token 0123456789", "Token co quan"])
    yield "signing-certificate", lambda: CertificateDialog(certs)

    def check() -> QWidget:
        dialog = SignatureCheckDialog(ctx, copy, rt.data_dir)
        wait_for(lambda: dialog.checked is not None)
        return dialog

    yield "signing-check", check
    signing = WindowSigning(ctx, lambda: admin)
    yield "admin-signing", lambda: SigningAdminDialog(ctx, admin, rt.data_dir, signing)


def admin_windows(rt: Runtime) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """The Administration menu's dialogs, as the administrator opens them."""
    ctx = rt.ctx
    admin = user_info(rt, "quantri")
    official = next(u for u in users.list_users(ctx) if u.username == "motcua")
    longest = max(catalogue.list_procedures(ctx), key=lambda p: len(p.name))
    yield "officials", lambda: OfficialsDialog(ctx, admin)
    yield "add-official", lambda: AddOfficialDialog(ctx, admin)
    yield "reset-password", lambda: PasswordDialog(ctx, admin, official, None)
    yield "roles", lambda: RolesDialog(ctx, admin, official, None)
    yield "catalogue", lambda: CatalogueDialog(ctx, admin)
    yield "edit-procedure", lambda: ProcedureForm(ctx, admin, longest, None)
    # A long report: every row of a file rejected, each with its reason.
    errors = parse_csv(
        "code,name,field,level,processing_unit\n"
        + "".join(f"1.00{n:04d},,Hộ tịch,thôn,tuần\n" for n in range(40))
    ).errors
    yield (
        "import-report",
        lambda: ImportReportDialog(ImportReport((), frozenset(), errors), "danh-muc.csv"),
    )


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    i18n.install(app)
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    area = usable_area(app)
    report: list[dict[str, object]] = []
    for name, build in windows(data_dir):
        window = build()
        window.show()
        for _ in range(5):
            app.processEvents()
        if shots is not None:
            window.grab().save(str(shots / f"{name}.png"))
        report += outside(window, area)
        window.close()
        window.deleteLater()
        app.processEvents()
    print(json.dumps({"area": [area.width(), area.height()], "outside": report}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
