"""Printers and paper, unit and forms: the dialogs driven as the administrator,
checked on the PDF the desk really prints."""

from __future__ import annotations

import io
from collections.abc import Callable

import pypdf
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.errors import Forbidden
from counter_app.paper import FormKind
from counter_app.services import setup
from counter_app.services.auth import Actor
from counter_app.services.print_jobs import form_pdf, get_print_settings, set_print_settings
from counter_app.ui.admin.printer_dialog import PrinterDialog
from counter_app.ui.admin.unit_dialog import UnitDialog
from tests.printing.conftest import text_of
from tests.ui.conftest import Receive, written

A5_WIDTH = 419.53  # points


def _page_width(pdf: bytes) -> float:
    return round(float(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width), 2)


def test_paper_chosen_for_the_receipt_and_a_letter_is_what_prints(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], Actor], receive_dossier: Receive
) -> None:
    code = receive_dossier().code
    assert _page_width(form_pdf(counter.ctx, code, FormKind.RECEIPT)) > A5_WIDTH
    dialog = PrinterDialog(counter.ctx, official("quantri"))
    qtbot.addWidget(dialog)
    dialog.show()
    # WHEN the administrator puts receipts on A5 and control slips on A5, naming a printer
    receipt = dialog.papers[FormKind.RECEIPT]
    receipt.setCurrentIndex(receipt.findData("A5"))
    slip = dialog.papers[FormKind.CONTROL_SLIP]
    slip.setCurrentIndex(slip.findData("A5"))
    dialog.printer.setEditText("EPSON_L3250")
    assert not dialog.papers[FormKind.LEDGER].isEnabled()  # the ledger is A4 only
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    # THEN the receipt and the slip come out on A5, the refusal stays A4
    assert _page_width(form_pdf(counter.ctx, code, FormKind.RECEIPT)) == A5_WIDTH
    assert _page_width(form_pdf(counter.ctx, code, FormKind.CONTROL_SLIP)) == A5_WIDTH
    settings = get_print_settings(counter.ctx)
    assert settings.printer == "EPSON_L3250" and settings.receipt_paper == "A5"
    assert settings.paper(FormKind.REFUSAL) == "A4"
    assert "Đã lưu" in dialog.outcome.text()
    # AND a dialog opened again shows what was saved
    again = PrinterDialog(counter.ctx, official("quantri"))
    qtbot.addWidget(again)
    assert again.chosen_printer() == "EPSON_L3250"
    assert again.papers[FormKind.RECEIPT].currentData() == "A5"


def test_the_default_printer_entry_stores_no_name(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], Actor]
) -> None:
    admin = official("quantri")
    set_print_settings(counter.ctx, admin, printer="Canon")
    dialog = PrinterDialog(counter.ctx, admin)
    qtbot.addWidget(dialog)
    dialog.printer.setCurrentIndex(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    assert get_print_settings(counter.ctx).printer == ""


def test_a_paper_a_form_cannot_take_is_refused_and_only_an_administrator_sets_paper(
    counter: Runtime, official: Callable[[str], Actor]
) -> None:
    admin = official("quantri")
    with pytest.raises(Exception, match="80mm"):
        set_print_settings(counter.ctx, admin, printer="", papers={FormKind.REFUSAL: "80mm"})
    with pytest.raises(Forbidden):
        set_print_settings(
            counter.ctx, official("tiepnhan"), printer="", papers={FormKind.RECEIPT: "A5"}
        )
    assert get_print_settings(counter.ctx).receipt_paper == "A4"


def test_a_renamed_unit_prints_on_new_receipts_and_old_ones_keep_theirs(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], Actor], receive_dossier: Receive
) -> None:
    before = receive_dossier().code
    dialog = UnitDialog(counter.ctx, official("quantri"))
    qtbot.addWidget(dialog)
    dialog.show()
    # THEN the form set in force today (26/11/2026) is the 2025 circular's, with its source
    assert "03/2025/TT-VPCP" in dialog.form_set.text()
    assert "15/09/2025" in dialog.form_set.text()
    # WHEN the administrator renames the unit
    dialog.unit_name.setText("Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ mới")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    after = receive_dossier().code
    # THEN a new receipt names the new unit; the earlier one reprints as it was
    assert "xã Hoàng Văn Thụ mới" in " ".join(
        text_of(form_pdf(counter.ctx, after, FormKind.RECEIPT))
    )
    assert "mới" not in " ".join(text_of(form_pdf(counter.ctx, before, FormKind.RECEIPT)))
    info = setup.get_counter(counter.ctx)
    assert info is not None and info.unit_name.endswith("Thụ mới")


def test_an_empty_unit_name_is_refused_and_only_an_administrator_renames(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], Actor]
) -> None:
    dialog = UnitDialog(counter.ctx, official("quantri"))
    qtbot.addWidget(dialog)
    dialog.unit_name.setText("  ")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    assert dialog.outcome.isVisibleTo(dialog)
    with pytest.raises(Forbidden):
        setup.rename_unit(counter.ctx, official("tiepnhan"), "Bộ phận khác")
    info = setup.get_counter(counter.ctx)
    assert info is not None and info.unit_name.endswith("Hoàng Văn Thụ")
