"""The procedure catalogue from the Administration menu: find, import a file
with a bad row (the report says which and why), correct one procedure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.procedure import DocumentForm, FeeKind, Level, RequiredDocument
from counter_app.services import catalogue
from counter_app.ui.admin.catalogue_dialog import CatalogueDialog
from counter_app.ui.admin.catalogue_model import ProceduresModel
from counter_app.ui.admin.documents_editor import DocumentsEditor
from counter_app.ui.admin.import_report import RejectedRowsModel
from counter_app.ui.admin.procedure_form import ProcedureForm
from counter_app.ui.main_window import MainWindow
from tests.ui.conftest import gone
from tests.ui.desk_login import take_desk

MARITAL_STATUS = "1.004873"  # a fee the province sets, not "4 tại chỗ"

# As Excel saves it for Vietnamese Windows: BOM, semicolons, Vietnamese words.
CSV = (
    "\ufeffcode;name;field;level;processing_amount;processing_unit;fee_kind;fee_amount;"
    "on_the_spot\r\n"
    "1.001193;Thủ tục đăng ký khai sinh;Hộ tịch;xã;;trong ngày;free;;không\r\n"
    "1.000001;Thủ tục xác nhận thử nghiệm;Hộ tịch;xã;2;ngày làm việc;flat;10000;không\r\n"
    "1.00119;Sai mã;Hộ tịch;xã;;trong ngày;free;;không\r\n"
)


def _catalogue(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> tuple[CatalogueDialog, list[Path]]:
    """The dialog from the menu, its file chooser answering with the test's file."""
    window.admin_menu.catalogue_action.trigger()
    dialog = window.admin_menu.catalogue_dialog
    assert dialog is not None and dialog.isVisible()
    chosen: list[Path] = []
    dialog._choose = lambda _parent: chosen[0] if chosen else None
    _wait_loaded(qtbot, dialog)
    return dialog, chosen


def _wait_loaded(qtbot: QtBot, dialog: CatalogueDialog) -> None:
    """The catalogue is read off the UI thread."""
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)


def _visible_codes(dialog: CatalogueDialog) -> list[str]:
    return [
        str(dialog.proxy.index(row, ProceduresModel.CODE).data())
        for row in range(dialog.proxy.rowCount())
    ]


def test_the_filter_finds_a_procedure_typed_without_accents(
    qtbot: QtBot,
    make_window: Callable[[str], MainWindow],
    tmp_path: Path,
    qtmodeltester: ModelTester,
) -> None:
    dialog, _ = _catalogue(make_window("quantri"), tmp_path, qtbot)
    qtmodeltester.check(dialog.model)
    assert dialog.proxy.rowCount() == 31
    dialog.filter_edit.setText("tinh trang hon nhan")
    assert _visible_codes(dialog) == [MARITAL_STATUS]
    assert dialog.status.text() == "1 trên 31 thủ tục"
    dialog.filter_edit.setText("KHAI SINH đăng")
    assert set(_visible_codes(dialog)) == {"1.001193", "1.004884"}
    dialog.filter_edit.setText("2.0008")
    assert set(_visible_codes(dialog)) == {"2.000815", "2.000884"}


def test_an_import_with_a_bad_row_reports_it_and_keeps_the_good_ones(
    qtbot: QtBot,
    make_window: Callable[[str], MainWindow],
    tmp_path: Path,
    counter: Runtime,
    qtmodeltester: ModelTester,
) -> None:
    # GIVEN a file of three rows, the last with a mistyped code
    path = tmp_path / "danh-muc.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog, chosen = _catalogue(make_window("quantri"), tmp_path, qtbot)
    chosen.append(path)
    # WHEN the administrator imports it
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report_dialog is not None, timeout=10_000)
    report = dialog.report_dialog
    assert report is not None and report.isVisible()
    _wait_loaded(qtbot, dialog)
    # THEN the report counts the rows and shows the bad one with its reason
    assert report.summary.text() == ("1 thủ tục mới, 1 thủ tục được cập nhật, 1 dòng bị từ chối.")
    model = report.model
    qtmodeltester.check(model)
    qtmodeltester.check(report.imported_model)
    assert model.rowCount() == 1
    assert model.index(0, RejectedRowsModel.ROW).data() == 4
    assert "1.00119" in model.index(0, RejectedRowsModel.REASON).data()
    assert "Dòng 4" in model.index(0, RejectedRowsModel.REASON).data()
    assert report.tabs.currentWidget() is report.view
    assert report.tabs.tabText(0) == "Dòng bị từ chối (1)"
    imported = report.imported_model
    assert [
        [imported.index(row, column).data() for column in (0, 2)]
        for row in range(imported.rowCount())
    ] == [["1.001193", "Cập nhật"], ["1.000001", "Mới"]]
    # AND the list has the new procedure
    assert dialog.model.row_of("1.000001") >= 0
    assert dialog.status.text() == "32 thủ tục"
    assert "1.000001" in {p.code for p in catalogue.list_procedures(counter.ctx)}


def test_a_file_that_is_no_catalogue_is_refused_with_its_reason(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], tmp_path: Path
) -> None:
    path = tmp_path / "danh-muc.txt"
    path.write_text("không phải danh mục", encoding="utf-8")
    dialog, chosen = _catalogue(make_window("quantri"), tmp_path, qtbot)
    chosen.append(path)
    dialog.import_button.click()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    qtbot.waitUntil(lambda: bool(dialog.findChildren(QMessageBox)), timeout=5_000)
    (box,) = dialog.findChildren(QMessageBox)
    assert "danh-muc.txt" in box.text()
    assert dialog.report_dialog is None


def test_edited_4tc_and_province_fee_reach_the_reception(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], tmp_path: Path
) -> None:
    window = make_window("motcua")
    # GIVEN the reception proposes no fee for a procedure whose fee the province sets
    receive = window.new_dossier()
    assert receive is not None and receive.procedure.select_code(MARITAL_STATUS)
    assert receive.fee_entry.entered() is None
    receive.done(0)
    # WHEN the administrator sets the province's amount and "4 tại chỗ"
    take_desk(qtbot, window, "quantri")
    dialog, _ = _catalogue(window, tmp_path, qtbot)
    dialog.select(MARITAL_STATUS)
    form = dialog.edit()
    assert isinstance(form, ProcedureForm)
    assert form.fee_kind.currentData() == FeeKind.SET_BY_PROVINCE
    form.on_the_spot.setChecked(True)
    form.fee_amount.setValue(15_000)
    form.ok_button.click()
    qtbot.waitUntil(lambda: gone(form), timeout=10_000)
    _wait_loaded(qtbot, dialog)
    # THEN the catalogue shows them, the edited procedure still selected
    assert dialog.selected() is not None and dialog.selected().code == MARITAL_STATUS
    row = dialog.model.row_of(MARITAL_STATUS)
    assert dialog.model.index(row, ProceduresModel.ON_THE_SPOT).data() == "★"
    assert "15.000" in dialog.model.index(row, ProceduresModel.FEE).data()
    dialog.close()
    # AND the reception proposes the amount and marks the procedure "4 tại chỗ"
    take_desk(qtbot, window, "motcua")
    receive = window.new_dossier()
    assert receive is not None and receive.procedure.select_code(MARITAL_STATUS)
    assert receive.fee_entry.entered() == 15_000
    assert "4 tại chỗ" in receive.procedure.currentText()


def test_a_name_too_long_is_refused_under_the_field(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], tmp_path: Path, counter: Runtime
) -> None:
    dialog, _ = _catalogue(make_window("quantri"), tmp_path, qtbot)
    dialog.select(MARITAL_STATUS)
    form = dialog.edit()
    assert form is not None
    before = form.spec
    form.name.setMaxLength(1000)
    form.name.setText("x" * 501)
    form.ok_button.click()
    label = form.errors.label("name")
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    assert "500" in label.text()
    assert form.isVisible()
    assert next(p for p in catalogue.list_procedures(counter.ctx) if p.code == MARITAL_STATUS) == (
        before
    )


def test_a_new_procedure_with_its_documents_is_saved_from_the_window(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], tmp_path: Path, counter: Runtime
) -> None:
    dialog, _ = _catalogue(make_window("quantri"), tmp_path, qtbot)
    # WHEN the administrator adds a procedure the catalogue lacks, with two documents
    form = dialog.add()
    assert form.is_new and form.documents.table.rowCount() == 0
    form.code.setText("1.000110")
    form.name.setText("Thủ tục thử nghiệm đăng ký lại kết hôn")
    form.field_edit.setText("Hộ tịch")
    form.amount.setValue(3)
    form.documents.add_button.click()
    form.documents.set_name(0, "Tờ khai đăng ký lại kết hôn")
    second = form.documents.add()
    form.documents.set_name(second, "Giấy xác nhận tình trạng hôn nhân")
    form_box = form.documents.table.cellWidget(second, DocumentsEditor.FORM)
    form_box.setCurrentIndex(form_box.findData(DocumentForm.CERTIFIED_COPY))
    form.documents.table.cellWidget(second, DocumentsEditor.MANDATORY).setChecked(False)
    form.ok_button.click()
    qtbot.waitUntil(lambda: gone(form), timeout=10_000)
    _wait_loaded(qtbot, dialog)
    # THEN it is in the catalogue, selected in the list, its documents as typed
    assert dialog.selected() is not None and dialog.selected().code == "1.000110"
    saved = next(p for p in catalogue.list_procedures(counter.ctx) if p.code == "1.000110")
    assert (saved.name, saved.field, saved.level) == (
        "Thủ tục thử nghiệm đăng ký lại kết hôn",
        "Hộ tịch",
        Level.COMMUNE,
    )
    assert saved.processing_time.amount == 3
    assert saved.documents == (
        RequiredDocument("Tờ khai đăng ký lại kết hôn", DocumentForm.ORIGINAL, 1, True),
        RequiredDocument(
            "Giấy xác nhận tình trạng hôn nhân", DocumentForm.CERTIFIED_COPY, 1, False
        ),
    )


def test_a_document_added_removed_and_renamed_in_an_existing_procedure_is_saved(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], tmp_path: Path, counter: Runtime
) -> None:
    dialog, _ = _catalogue(make_window("quantri"), tmp_path, qtbot)
    dialog.select(MARITAL_STATUS)
    form = dialog.edit()
    assert form is not None
    before = form.spec.documents
    assert form.documents.table.rowCount() == len(before) >= 1
    # WHEN the first document is renamed, the last removed, and a new one added (2 copies)
    form.documents.set_name(0, "Tờ khai (mẫu mới)")
    form.documents.table.selectRow(len(before) - 1)
    form.documents.remove_button.click()
    row = form.documents.add()
    form.documents.set_name(row, "Ảnh chân dung")
    form.documents.table.cellWidget(row, DocumentsEditor.QUANTITY).setValue(2)
    form.ok_button.click()
    qtbot.waitUntil(lambda: gone(form), timeout=10_000)
    # THEN the catalogue has exactly that list
    saved = next(p for p in catalogue.list_procedures(counter.ctx) if p.code == MARITAL_STATUS)
    expected = (
        [replace(before[0], name="Tờ khai (mẫu mới)")]
        + list(before[1:-1])
        + [RequiredDocument("Ảnh chân dung", DocumentForm.ORIGINAL, 2, True)]
    )
    assert list(saved.documents) == expected


def test_a_new_procedure_with_a_code_already_there_is_refused_under_the_code(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], tmp_path: Path, counter: Runtime
) -> None:
    dialog, _ = _catalogue(make_window("quantri"), tmp_path, qtbot)
    before = catalogue.list_procedures(counter.ctx)
    form = dialog.add()
    form.code.setText(MARITAL_STATUS)
    form.name.setText("Trùng mã")
    form.field_edit.setText("Hộ tịch")
    form.ok_button.click()
    label = form.errors.label("code")
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    assert "đã có thủ tục" in label.text()
    assert form.isVisible()
    assert catalogue.list_procedures(counter.ctx) == before


def test_the_template_saved_from_the_window_imports_back(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], tmp_path: Path, counter: Runtime
) -> None:
    dialog, chosen = _catalogue(make_window("quantri"), tmp_path, qtbot)
    target = tmp_path / "mau-danh-muc.xlsx"
    dialog._choose_template = lambda _parent: target
    # WHEN the administrator saves the template, then imports it untouched
    dialog.template_button.click()
    assert target.is_file()
    assert "mau-danh-muc.xlsx" in dialog.status.text()
    chosen.append(target)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report_dialog is not None, timeout=10_000)
    # THEN its example row is read, no row refused
    report = dialog.report_dialog
    assert report is not None and report.model.rowCount() == 0
    assert report.imported_model.index(0, 0).data() == "1.001193"
