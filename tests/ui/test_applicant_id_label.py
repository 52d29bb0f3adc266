"""The dossier view and the work list name the applicant's number after the
document it is (CCCD, passport, tax code), not "CCCD" for everyone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.services import search
from counter_app.ui.dossier_dialog import DossierDialog
from counter_app.ui.dossier_table_model import DossierTableModel
from tests.applicant_examples import CCCD, PASSPORT, TAX_CODE
from tests.conftest import login
from tests.ui.test_dossier_dialog import Receive


def _dialog(qtbot: QtBot, counter: Runtime, code: str) -> DossierDialog:
    dialog = DossierDialog(counter.ctx, login(counter, "tiepnhan"), code)
    qtbot.addWidget(dialog)
    return dialog


def test_a_passport_holders_dossier_names_the_passport(
    qtbot: QtBot, counter: Runtime, receive_dossier: Receive
) -> None:
    # GIVEN a foreigner's dossier received on a passport, and a citizen's on a CCCD
    passport = receive_dossier(applicant=PASSPORT).code
    citizen = receive_dossier(applicant=CCCD).code
    # WHEN the dossier is opened
    dialog = _dialog(qtbot, counter, passport)
    # THEN the number is labelled a passport number
    assert dialog.view.captions["id_number"].text() == "Hộ chiếu:"
    assert dialog.view.values["id_number"].text() == "E12345678"
    assert _dialog(qtbot, counter, citizen).view.captions["id_number"].text() == "CCCD:"


def test_the_work_list_tooltip_names_each_applicants_document(
    counter: Runtime, receive_dossier: Receive
) -> None:
    for applicant in (PASSPORT, TAX_CODE, CCCD):
        receive_dossier(applicant=applicant)
    model = DossierTableModel()
    rows = search.search(counter.ctx, "E12345678") + search.search(counter.ctx, "0314409058")
    rows += search.search(counter.ctx, "020087002345")
    assert [row.applicant_id_kind for row in rows] == ["passport", "tax_code", "cccd"]
    model.set_rows(rows, rows[0].received_at)
    tips = {
        model.row_at(r).applicant_id_kind: model.index(r, DossierTableModel.APPLICANT).data(
            Qt.ItemDataRole.ToolTipRole
        )
        for r in range(model.rowCount())
    }
    assert "Hộ chiếu: E12345678" in tips["passport"]
    assert "Mã số thuế: 0314409058-002" in tips["tax_code"]
    assert "CCCD: 020087002345" in tips["cccd"]
    assert "CCCD" not in tips["passport"]
