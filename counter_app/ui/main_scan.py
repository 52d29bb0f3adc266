"""What a scan does at the desk, whichever of its windows has the focus.

A receipt's barcode or QR code opens its dossier. A citizen's card fills the
reception form that is open (the official still checks it against the card);
with no reception open, the status bar says how to use it: a card never
starts a search. A QR code that is neither is said so, and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject

from counter_app.domain.card_qr import CardQr
from counter_app.ui.scanner import BarcodeScanner

if TYPE_CHECKING:
    from counter_app.ui.main_window import MainWindow

_SHOWN_MS = 10_000


class MainScan(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.scanner = BarcodeScanner(self)
        self.scanner.code_scanned.connect(window.open_dossier)
        self.scanner.card_scanned.connect(self._card)
        self.scanner.unreadable.connect(self._unreadable)
        window.input.on_key(self.scanner.on_key)

    def _card(self, card: CardQr) -> None:
        reception = self._window.receive_dialog
        if reception is not None and shiboken6.isValid(reception) and reception.isVisible():
            reception.fill_from_card(card)
            return
        self._window.statusBar().showMessage(
            self.tr(
                "A citizen identity card was scanned. Open a reception (F2) and scan it "
                "again to fill the form from it."
            ),
            _SHOWN_MS,
        )

    def _unreadable(self) -> None:
        self._window.statusBar().showMessage(
            self.tr(
                "The scanned code is neither a receipt of this system nor a citizen "
                "identity card; nothing was changed. Scan the receipt's barcode instead."
            ),
            _SHOWN_MS,
        )
