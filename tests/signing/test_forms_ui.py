"""Issue 21 at the print preview: the official ticks "Ký số", prints the
receipt to a file, types the token's PIN and picks the certificate; the
signed receipt is kept in the dossier as a form, and the paper's QR code,
scanned back at the desk, finds it (real SoftHSM token, offscreen window)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.papers import Origin, PaperRole
from counter_app.paper import parse_qr_payload, qr_payload
from counter_app.services import papers
from counter_app.services.signatures import set_pkcs11_module
from counter_app.services.views import DossierInfo
from counter_app.ui.form_print import preview_form
from counter_app.ui.main_window import MainWindow
from counter_app.ui.signing_dialogs import PinDialog
from tests.conftest import AGENCY, login
from tests.printing import conftest as printing_fixtures
from tests.printing.conftest import decode
from tests.signing.token_support import USER_PIN, TokenEnv, start_token
from tests.ui import conftest as ui_fixtures
from tests.ui.conftest import wait_signal
from tests.ui.keyboard import SCANNER_GAP_MS, Keyboard

# The window tests' fixtures, and the printing tests' page images.
chooser, hold, printed = ui_fixtures.chooser, ui_fixtures.hold, ui_fixtures.printed
make_window, receive_dossier = ui_fixtures.make_window, ui_fixtures.receive_dossier
pages_as_images = printing_fixtures.pages_as_images
SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


def _pin_and_certificate(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.signing.pin_dialog is not None, timeout=10_000)
    pin = window.signing.pin_dialog
    assert isinstance(pin, PinDialog)
    pin.pin.setText(USER_PIN)
    pin.accept()
    qtbot.waitUntil(lambda: window.signing.certificate_dialog is not None, timeout=10_000)
    choice = window.signing.certificate_dialog
    assert choice is not None
    row = next(
        r
        for r in range(choice.table.rowCount())
        if choice.table.item(r, 0).text() == "Nguyễn Thị Lan"
    )
    choice.table.selectRow(row)
    choice.accept()


def test_ticking_sign_in_the_preview_keeps_the_signed_receipt_and_its_paper_finds_it(
    qtbot: QtBot,
    counter: Runtime,
    env: TokenEnv,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Callable[..., DossierInfo],
    pages_as_images: Callable[..., list[object]],
    hold: list[object],
    tmp_path: Path,
) -> None:
    window = make_window("tiepnhan")
    window.show()
    info = receive_dossier()
    clerk = login(counter, "tiepnhan")

    # No token driver set: the box is not offered
    loader = preview_form(window, counter.ctx, clerk, info.code, "receipt")
    hold.append(loader)
    qtbot.waitUntil(lambda: loader.dialog is not None, timeout=10_000)
    plain = loader.dialog
    assert plain is not None
    window.signing.wait()
    qtbot.wait(50)
    assert plain.sign_box.isHidden()
    plain.reject()

    set_pkcs11_module(counter.ctx, login(counter, "quantri"), str(env.module))
    loader = preview_form(window, counter.ctx, clerk, info.code, "receipt")
    hold.append(loader)
    qtbot.waitUntil(lambda: loader.dialog is not None, timeout=10_000)
    dialog = loader.dialog
    assert dialog is not None
    hold.append(dialog)
    qtbot.waitUntil(lambda: not dialog.sign_box.isHidden(), timeout=10_000)
    assert dialog.sign_box.text() == "Ký số" and not dialog.sign_box.isChecked()
    dialog.sign_box.setChecked(True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "print_preview_sign.png"))

    target = tmp_path / "giay-tiep-nhan.pdf"
    dialog.save_to(target)
    _pin_and_certificate(qtbot, window)
    qtbot.waitUntil(lambda: dialog.printed_to is not None, timeout=20_000)
    assert dialog.printed_to == str(target)

    (form,) = papers.list_papers(counter.ctx, info.code)
    assert (form.role, form.origin, form.signer_name) == (
        PaperRole.FORM,
        Origin.ISSUED,
        "Nguyễn Thị Lan",
    )
    stored = counter.ctx.files.read(form.sha256)  # type: ignore[union-attr]
    sha = hashlib.sha256(stored).hexdigest()
    qrs = [text for page in pages_as_images(target.read_bytes(), 200) for _f, text in decode(page)]
    ks = {parse_qr_payload(t).signed_sha256 for t in qrs if t.startswith("MHS:")}
    assert ks == {sha}

    # The paper's QR code scanned at the home screen: the dossier opens, its
    # signed form is found by the hash and selected in the papers tab
    dialog_closed = dialog
    dialog_closed.close()
    keyboard = Keyboard()
    text = next(t for t in qrs if t.startswith("MHS:")) + "\n"
    with wait_signal(qtbot, window.dossier_opened):
        keyboard.type(window.search_edit, text, gap_ms=SCANNER_GAP_MS)
    bar = window.statusBar()
    qtbot.waitUntil(lambda: "Nguyễn Thị Lan" in bar.currentMessage(), timeout=10_000)
    tab = window.dossier_dialog.papers  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: tab._selected() is not None, timeout=10_000)
    assert tab._selected().uuid == form.uuid  # type: ignore[union-attr]
    assert tab.table.item(0, 0).text() == "Biểu mẫu đã ký"
    window.dossier_dialog.close()  # type: ignore[union-attr]

    # A receipt naming a signed copy this desk does not hold is said so
    forged = qr_payload(
        info.code, AGENCY, info.row.procedure_code, info.row.appointment_at, "0" * 64
    )
    with wait_signal(qtbot, window.dossier_opened):
        keyboard.type(window.search_edit, forged + "\n", gap_ms=SCANNER_GAP_MS)
    qtbot.waitUntil(lambda: "không" in bar.currentMessage(), timeout=10_000)
