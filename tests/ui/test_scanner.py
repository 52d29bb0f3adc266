"""A barcode scanner is a keyboard: a fast burst ending in Enter opens the dossier;
people typing at human speed never trigger it."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from counter_app.paper import qr_payload
from counter_app.services.views import DossierInfo
from counter_app.ui.input_watch import InputWatch
from counter_app.ui.main_window import MainWindow
from counter_app.ui.scanner import BarcodeScanner
from tests.conftest import AGENCY
from tests.ui.conftest import not_emitted, wait_signal
from tests.ui.keyboard import HUMAN_GAP_MS, SCANNER_GAP_MS, Keyboard


def watched_edit(qtbot: QtBot, scanner: BarcodeScanner) -> QLineEdit:
    """A text field in a window of its own, its keys handed to the scanner."""
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    watch = InputWatch(edit)
    watch.on_key(scanner.on_key)
    watch.watch_widget(edit)
    return edit


def test_fast_burst_in_the_search_box_opens_the_dossier(
    qtbot: QtBot,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Callable[..., DossierInfo],
) -> None:
    code = receive_dossier().code
    window = make_window("tiepnhan")
    window.show()
    keyboard = Keyboard()
    window.search_edit.setText("abc")
    window.search_edit.end(False)
    # WHEN the scanner "types" the code and Enter into the focused search box
    with wait_signal(qtbot, window.dossier_opened) as opened:
        keyboard.type(window.search_edit, code, gap_ms=SCANNER_GAP_MS)
        keyboard.enter(window.search_edit, gap_ms=SCANNER_GAP_MS)
    # THEN that dossier opens and the scanned text is taken back out of the box
    assert opened.args == [code]
    assert window.dossier_dialog is not None and window.dossier_dialog.code == code
    assert window.search_edit.text() == "abc"


def test_slow_typing_of_a_code_does_not_trigger_the_scanner(
    qtbot: QtBot,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Callable[..., DossierInfo],
) -> None:
    code = receive_dossier().code
    window = make_window("tiepnhan")
    window.show()
    keyboard = Keyboard()
    with not_emitted(window.scanner.code_scanned), wait_signal(qtbot, window.searched):
        keyboard.type(window.search_edit, code, gap_ms=HUMAN_GAP_MS)
        keyboard.enter(window.search_edit, gap_ms=HUMAN_GAP_MS)
    # The typed text stays and Enter ran an ordinary search instead.
    assert window.search_edit.text() == code
    assert window.dossier_dialog is None
    assert window.search_model.codes() == [code]


def test_scan_inside_a_form_field_does_not_submit_the_form(qtbot: QtBot) -> None:
    scanner = BarcodeScanner(min_length=8, max_gap_ms=50)
    edit = watched_edit(qtbot, scanner)
    keyboard = Keyboard()
    edit.setText("Nguyen ")
    with not_emitted(edit.returnPressed), wait_signal(qtbot, scanner.code_scanned) as got:
        keyboard.type(edit, "000.00.37.h37-261126-0001", gap_ms=SCANNER_GAP_MS)
        keyboard.enter(edit, gap_ms=SCANNER_GAP_MS, key=Qt.Key.Key_Enter)
    assert got.args == ["000.00.37.H37-261126-0001"]
    assert edit.text() == "Nguyen "


def test_fast_burst_that_is_not_a_dossier_code_passes_through(qtbot: QtBot) -> None:
    scanner = BarcodeScanner()
    edit = watched_edit(qtbot, scanner)
    keyboard = Keyboard()
    # A CCCD scanned into the ID field is kept and Enter works as usual.
    with not_emitted(scanner.code_scanned), wait_signal(qtbot, edit.returnPressed):
        keyboard.type(edit, "020090001234", gap_ms=SCANNER_GAP_MS)
        keyboard.enter(edit, gap_ms=SCANNER_GAP_MS)
    assert edit.text() == "020090001234"


def test_short_fast_burst_is_ignored(qtbot: QtBot) -> None:
    scanner = BarcodeScanner(min_length=8)
    edit = watched_edit(qtbot, scanner)
    keyboard = Keyboard()
    with not_emitted(scanner.code_scanned):
        keyboard.type(edit, "0001", gap_ms=SCANNER_GAP_MS)
        keyboard.enter(edit, gap_ms=SCANNER_GAP_MS)
    assert edit.text() == "0001"


# ----- QR codes: a receipt's, typed line by line, and the citizen's chip card -----

CARD = "020090001234||Lương Thị Nữ|15031990|Nữ|Số 12, ngõ 3, phố Lê Lợi, Lạng Sơn|20042021"


def receipt_qr(info: DossierInfo, separator: str) -> str:
    payload = qr_payload(info.code, AGENCY, info.row.procedure_code, info.row.appointment_at)
    return payload.replace("\n", separator) + "\n"


@pytest.fixture
def home(make_window: Callable[[str], MainWindow]) -> MainWindow:
    """The receiving official's home screen, shown."""
    window = make_window("tiepnhan")
    window.show()
    return window


def test_a_receipts_qr_code_typed_line_by_line_opens_the_dossier_and_leaves_nothing(
    qtbot: QtBot,
    home: MainWindow,
    receive_dossier: Callable[..., DossierInfo],
) -> None:
    info, window = receive_dossier(), home
    keyboard = Keyboard()
    window.search_edit.setText("abc")
    window.search_edit.end(False)
    # WHEN a 2D scanner types the receipt's QR code, an Enter after each line
    with not_emitted(window.searched), wait_signal(qtbot, window.dossier_opened) as opened:
        keyboard.type(window.search_edit, receipt_qr(info, "\n"), gap_ms=SCANNER_GAP_MS)
    # THEN its dossier opens, no search ran and the box holds what it held
    assert opened.args == [info.code]
    assert window.search_edit.text() == "abc"


def test_a_qr_code_scanned_with_tabs_inside_a_reception_opens_the_dossier_not_the_next_field(
    qtbot: QtBot,
    home: MainWindow,
    receive_dossier: Callable[..., DossierInfo],
) -> None:
    info, window = receive_dossier(), home
    reception = window.new_dossier()
    assert reception is not None
    qtbot.waitUntil(reception.isActiveWindow)
    reception.full_name.setText("Lương Văn ")
    reception.full_name.setFocus()
    # WHEN the scanner, set to send Tab between lines, reads a receipt at the reception form
    with (
        not_emitted(reception.dossier_received),
        wait_signal(qtbot, window.dossier_opened) as opened,
    ):
        keyboard = Keyboard()
        keyboard.type(reception.full_name, receipt_qr(info, "\t"), gap_ms=SCANNER_GAP_MS)
    # THEN the dossier opens; the form keeps its typing, and Tab moved nothing
    assert opened.args == [info.code]
    assert reception.full_name.text() == "Lương Văn "
    assert reception.focusWidget() is reception.full_name


def test_the_citizens_card_fills_the_reception_form_and_submits_nothing(
    qtbot: QtBot, home: MainWindow
) -> None:
    window = home
    reception = window.new_dossier()
    assert reception is not None
    qtbot.waitUntil(reception.isActiveWindow)
    # WHEN the card's QR code (typed in NFD by this scanner) is scanned into the name field
    with (
        not_emitted(reception.dossier_received),
        not_emitted(window.dossier_opened),
        wait_signal(qtbot, window.scanner.card_scanned),
    ):
        Keyboard().type(
            reception.full_name,
            unicodedata.normalize("NFD", CARD) + "\n",
            gap_ms=SCANNER_GAP_MS,
        )
    # THEN the form shows the card's data for the official to check
    assert reception.id_number.text() == "020090001234"
    assert reception.full_name.text() == unicodedata.normalize("NFC", "Lương Thị Nữ")
    assert reception.address.text() == unicodedata.normalize(
        "NFC", "Số 12, ngõ 3, phố Lê Lợi, Lạng Sơn"
    )
    assert reception.sex.currentData() == "female"
    assert reception.birth_year.value() == 1990


@pytest.mark.parametrize(
    ("payload", "signal", "said"),
    [
        # A card at the home screen: no search, the official is told where it helps.
        (CARD + "\n", "card_scanned", "Tiếp nhận"),
        # A QR code of something else: nothing changes, and the official is told so.
        ("MHS:https://example.vn\nCQ:X\n", "unreadable", "không phải"),
    ],
)
def test_a_qr_code_that_opens_no_dossier_at_the_home_screen_leaves_the_search_box_alone(
    qtbot: QtBot, home: MainWindow, payload: str, signal: str, said: str
) -> None:
    window = home
    with (
        not_emitted(window.searched),
        not_emitted(window.dossier_opened),
        wait_signal(qtbot, getattr(window.scanner, signal)),
    ):
        Keyboard().type(window.search_edit, payload, gap_ms=SCANNER_GAP_MS)
    assert window.search_edit.text() == ""
    assert said in window.statusBar().currentMessage()


def test_mhs_typed_by_a_person_is_only_text(qtbot: QtBot, home: MainWindow) -> None:
    window = home
    with not_emitted(window.scanner.unreadable), not_emitted(window.dossier_opened):
        Keyboard().type(window.search_edit, "MHS:12", gap_ms=HUMAN_GAP_MS)
        qtbot.wait(300)
    assert window.search_edit.text() == "MHS:12"
