"""A barcode scanner is a keyboard: a fast burst ending in Enter opens the dossier;
people typing at human speed never trigger it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from counter_app.services.views import DossierInfo
from counter_app.ui.input_watch import InputWatch
from counter_app.ui.main_window import MainWindow
from counter_app.ui.scanner import BarcodeScanner
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
