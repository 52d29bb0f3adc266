"""The reception form's applicant box asks what the chosen document needs,
fills sex and birth year from a CCCD only, and receives a passport holder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.identity_documents import IdKind
from counter_app.models import Dossier
from counter_app.services import dossiers
from counter_app.ui.main_window import MainWindow
from counter_app.ui.receive_dialog import ReceiveDialog
from tests.ui.conftest import wait_signal

CERTIFIED_COPY = "2.000815"


def _dialog(make_window: Callable[[str], MainWindow]) -> ReceiveDialog:
    dialog = make_window("tiepnhan").new_dossier()
    assert dialog is not None
    return dialog


def _number_label(dialog: ReceiveDialog) -> str:
    box = dialog.applicant_box
    return box._label_of(box.id_number).text()


def test_switching_the_document_changes_what_the_form_asks(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    dialog = _dialog(make_window)
    box = dialog.applicant_box
    visible = lambda w: w.isVisibleTo(dialog)  # noqa: E731
    # A CCCD by default: sex and year, no nationality, no organisation
    assert box.kind() is IdKind.CCCD and _number_label(dialog) == "Số &CCCD:"
    assert visible(dialog.sex) and not visible(box.nationality) and not visible(box.organisation)
    # A passport asks the nationality
    box.set_kind(IdKind.PASSPORT)
    assert _number_label(dialog) == "Số hộ &chiếu:" and visible(box.nationality)
    # An organisation asks its name and its representative, not a sex or a birth year
    box.set_kind(IdKind.TAX_CODE)
    assert _number_label(dialog) == "&Mã số thuế:"
    assert visible(box.organisation) and not visible(box.nationality) and not visible(dialog.sex)
    assert box._label_of(box.full_name).text() == "&Người đại diện:"


def test_only_a_cccd_fills_sex_and_birth_year(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    dialog = _dialog(make_window)
    dialog.applicant_box.set_kind(IdKind.PASSPORT)
    # A 12-digit passport number is no citizen ID: nothing is read from it
    dialog.id_number.setText("020090001234")
    dialog.id_number.editingFinished.emit()
    assert dialog.sex.currentData() is None and dialog.birth_year.text() == "—"
    # Chosen as a CCCD, the same digits fill them
    dialog.applicant_box.set_kind(IdKind.CCCD)
    assert dialog.sex.currentData() == "male" and dialog.birth_year.text() == "1990"


def test_a_passport_holder_is_received_and_a_wrong_nationality_refused(
    qtbot: QtBot,
    counter: Runtime,
    make_window: Callable[[str], MainWindow],
    printed: object,
    tmp_path: Path,
) -> None:
    dialog = _dialog(make_window)
    assert dialog.procedure.select_code(CERTIFIED_COPY)
    dialog.applicant_box.set_kind(IdKind.PASSPORT)
    dialog.full_name.setText("Zhang Wei")
    qtbot.keyClicks(dialog.id_number, "e12345678")
    dialog.applicant_box.nationality.setText("Atlantis")
    dialog.address.setText("Khách sạn Mường Thanh, thành phố Lạng Sơn")
    qtbot.mouseClick(dialog.tick_all, Qt.MouseButton.LeftButton)
    dialog.resize(1080, 760)
    # Refused, saying in Vietnamese what to enter, with nothing stored
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    error = dialog.errors.label("nationality")
    assert error.isVisibleTo(dialog) and "Không nhận ra quốc tịch “Atlantis”" in error.text()
    assert dialog.received is None
    # Corrected to a name from the list, the dossier is received with the code stored
    dialog.applicant_box.nationality.setText("Trung Quốc")
    # Kept with the test's files, to look at: the form as the official sees it
    assert dialog.grab().save(str(tmp_path / "receive-passport.png"))
    with wait_signal(qtbot, dialog.dossier_received) as received:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with counter.ctx.sessions() as s:
        d = s.scalars(select(Dossier).where(Dossier.code == received.args[0])).one()
        assert (d.applicant_id_kind, d.applicant_id_number, d.applicant_nationality) == (
            "passport",
            "E12345678",
            "CHN",
        )
    assert dossiers.get_dossier(counter.ctx, received.args[0]).row.applicant_name == "Zhang Wei"
