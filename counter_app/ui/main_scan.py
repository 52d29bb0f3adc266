"""What a scan does at the desk, whichever of its windows has the focus.

A receipt's barcode or QR code opens its dossier; a signed receipt's QR code
also finds the signed electronic form it was printed from, by its hash, and
selects it in the dossier's papers (or says none is held). A citizen's card fills the
reception form that is open (the official still checks it against the card);
with no reception open, the status bar says how to use it: a card never
starts a search. A QR code that is neither is said so, and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from counter_app.domain.card_qr import CardQr
from counter_app.services import print_jobs
from counter_app.services.context import ServiceContext
from counter_app.services.paper_records import PaperInfo
from counter_app.ui.formats import fmt_datetime
from counter_app.ui.scanner import BarcodeScanner
from counter_app.ui.workers import WorkerRunner

if TYPE_CHECKING:
    from counter_app.ui.main_window import MainWindow

_SHOWN_MS = 10_000


class MainScan(QObject):
    def __init__(self, window: MainWindow, ctx: ServiceContext) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self.scanner = BarcodeScanner(self)
        self.scanner.code_scanned.connect(window.open_dossier)
        self.scanner.card_scanned.connect(self._card)
        self.scanner.unreadable.connect(self._unreadable)
        self.scanner.signed_receipt_scanned.connect(self._signed_receipt)
        self._reads = WorkerRunner(QThreadPool(self))
        window.input.on_key(self.scanner.on_key)

    def _signed_receipt(self, code: str, sha256: str) -> None:
        ctx = self._ctx
        self._reads.start(
            lambda: print_jobs.signed_form(ctx, code, sha256),
            lambda found: self._signed_found(code, found),
            lambda _error: None,  # the dossier's own opening says what is wrong
        )

    def _signed_found(self, code: str, found: object) -> None:
        bar = self._window.statusBar()
        if not isinstance(found, PaperInfo):
            bar.showMessage(
                self.tr(
                    "This receipt names a signed electronic form that is not held for "
                    "dossier {code}: it was not printed from a signed copy of this system, "
                    "or that copy has not reached this desk yet."
                ).format(code=code),
                _SHOWN_MS,
            )
            return
        bar.showMessage(
            self.tr(
                "The receipt matches the signed electronic form of dossier {code}, signed by "
                "{name} at {when}; it is selected in the dossier's Papers tab."
            ).format(code=code, name=found.signer_name, when=fmt_datetime(found.signed_at)),
            _SHOWN_MS,
        )
        dossier = self._window.dossier_dialog
        if dossier is not None and shiboken6.isValid(dossier) and dossier.code == code:
            dossier.papers.show_copy(found.uuid)

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
