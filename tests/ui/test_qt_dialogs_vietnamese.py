"""Qt's own dialogs speak Vietnamese: message boxes, the file dialog, the print
dialog with its options and properties, the print preview and the standard
context menus.

Qt ships no qtbase_vi.qm, so resources/translations/qtbase_vi.ts provides
those strings. Each dialog here is opened for real (offscreen, never blocking)
and every text it carries is compared with the English source strings of Qt's
contexts, read at run time from the .qm files the PySide6 wheel ships (their
sources are Qt's English texts, whatever the language they translate to).
"""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from counter_app import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "qtbase_vi.ts"

# Qt's contexts behind what the app shows: standard buttons, message boxes,
# the file dialog, the print and print preview dialogs with the page setup,
# print properties and CUPS job widgets, paper sizes and the text menus.
CONTEXTS = {
    "QPlatformTheme",
    "QMessageBox",
    "QDialogButtonBox",
    "QFileDialog",
    "QFileSystemModel",
    "QAbstractFileIconProvider",
    "QPrintDialog",
    "QPrintPreviewDialog",
    "QPageSetupWidget",
    "QPageSetupDialog",
    "QPrintSettingsOutput",
    "QPrintWidget",
    "QUnixPrintWidget",
    "QPrintPropertiesWidget",
    "QPrintPropertiesDialog",
    "QCupsJobWidget",
    "QCupsPrinterSupport",
    "QPageSize",
    "QLineEdit",
    "QWidgetTextControl",
    "QAbstractSpinBox",
    "QTabBar",
}
# Written the same in Vietnamese: units, counts, shortcuts, a percentage.
SAME_IN_VIETNAMESE = {
    "%1%",
    "%1 x %2 in",
    "1 (1x1)",
    "2 (2x1)",
    "4 (2x2)",
    "6 (2x3)",
    "9 (3x3)",
    "16 (4x4)",
    "Alt+Left",
    "Alt+Right",
    "Alt+Up",
    "CC",
    "DD",
    "P̸",
    "in",
    "mm",
    "pt",
    "Cicero (CC)",
    "Didot (DD)",
    "Pica (P̸)",
}
PLACEHOLDER = re.compile(r"%L?\d")


def _qt_sources_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("qt_sources", ROOT / "tools" / "qt_sources.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def _label(text: str) -> str:
    """A text as compared: no mnemonic, shortcut, trailing colon or ellipsis."""
    text = text.split("\t")[0].replace("&", "").strip()
    return re.sub(r"(:|…|\.\.\.)$", "", text).strip()


def _paper_code(source: str) -> bool:
    """A4, JIS B5, ANSI C, PRC 16K…: names that are codes, the same in every language."""
    return bool(re.fullmatch(r"[A-Z0-9 ]+", source)) and (
        any(ch.isdigit() for ch in source) or source.startswith("ANSI ")
    )


@pytest.fixture(scope="module")
def english() -> set[str]:
    """Qt's English source texts of CONTEXTS, from every qtbase_*.qm PySide6 ships."""
    tool = _qt_sources_tool()
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    files = sorted(folder.glob("qtbase_*.qm"))
    assert folder / "qtbase_fr.qm" in files, f"no qtbase_fr.qm in {folder}"
    texts = {
        _label(source)
        for (_context, source, _comment) in tool.sources(CONTEXTS, files)
        if source not in SAME_IN_VIETNAMESE and not _paper_code(source)
    } - {""}
    assert {"OK", "Cancel", "Yes", "No", "Look in", "Print", "Zoom in", "Letter / ANSI A"} <= texts
    return texts


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "vi"), "counter_app_vi.qm is missing: run `make translations`"
    yield
    i18n.install(qapp)


@pytest.fixture
def printer() -> Iterator[QPrinter]:
    """Set up before qtbot, so it outlives the dialogs qtbot closes at teardown."""
    yield QPrinter(QPrinter.PrinterMode.HighResolution)


def texts_of(root: QWidget) -> list[str]:
    """Every text ``root`` carries: titles, labels, buttons, tabs, combo items,
    actions with their tooltips, item views' headers and cells, tooltips."""
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    actions = set(root.findChildren(QAction))
    for widget in widgets:
        found += [widget.windowTitle(), widget.toolTip()]
        actions.update(widget.actions())
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        elif isinstance(widget, QGroupBox):
            found.append(widget.title())
        elif isinstance(widget, QTabBar):
            found += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            index = widget.rootIndex()
            for column in range(model.columnCount(index)):
                found.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(model.rowCount(index)):
                    found.append(str(model.index(row, column, index).data() or ""))
    for action in actions:
        found += [action.text(), action.toolTip(), action.iconText()]
    return [text for text in found if text.strip()]


def english_in(root: QWidget, english: set[str]) -> list[str]:
    return sorted({text for text in texts_of(root) if _label(text) in english})


def assert_no_english(labels: list[str]) -> None:
    assert not labels, f"{len(labels)} English labels: {labels}"


def assert_vietnamese(root: QWidget, english: set[str], expected: set[str]) -> None:
    """No English label anywhere in ``root``, and these Vietnamese ones are there."""
    assert_no_english(english_in(root, english))
    missing = expected - {text.split("\t")[0] for text in texts_of(root)}
    assert not missing, f"missing Vietnamese labels: {sorted(missing)}"


def opened(qtbot: QtBot, dialog: QDialog) -> QDialog:
    """``dialog`` shown window-modal without blocking (QDialog.open, never exec)."""
    qtbot.addWidget(dialog)
    QDialog.open(dialog)  # QPrintDialog's binding only offers open(receiver, member)
    return dialog


def test_qtbase_vi_is_complete() -> None:
    """Every message is translated, keeps its placeholders and line breaks,
    and is not the English left in place (tests/test_translations.py checks
    that the .qm is built from it)."""
    contexts = ET.parse(TS).getroot().findall("context")
    counted = 0
    for context in contexts:
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None and translation.text, (name, source)
            assert translation.get("type") is None, (name, source)
            vi = translation.text
            assert sorted(PLACEHOLDER.findall(vi)) == sorted(PLACEHOLDER.findall(source)), (
                name,
                source,
            )
            assert vi.count("\n") == source.count("\n"), (name, source)
            assert vi != source or source in SAME_IN_VIETNAMESE | {"A4"}, (name, source)
            counted += 1
    assert counted > 350


def test_message_boxes_speak_vietnamese(vietnamese: None, qtbot: QtBot, english: set[str]) -> None:
    ok = QMessageBox(QMessageBox.Icon.Warning, "Tiêu đề", "Nội dung")
    ok.setStandardButtons(QMessageBox.StandardButton.Ok)
    question = QMessageBox(QMessageBox.Icon.Question, "Tiêu đề", "Nội dung")
    question.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    question.setDefaultButton(QMessageBox.StandardButton.No)
    details = QMessageBox(QMessageBox.Icon.Critical, "Tiêu đề", "Nội dung")
    details.setDetailedText("Chi tiết")
    english_labels: list[str] = []
    for box in (ok, question, details):
        qtbot.addWidget(box)
        box.open()
        english_labels += english_in(box, english)
        box.close()
    assert_no_english(english_labels)
    assert ok.button(QMessageBox.StandardButton.Ok).text() == "Đồng ý"
    assert question.button(QMessageBox.StandardButton.Yes).text() == "&Có"
    assert question.button(QMessageBox.StandardButton.No).text() == "&Không"


def test_save_file_dialog_speaks_vietnamese(
    vietnamese: None, qtbot: QtBot, tmp_path: Path, english: set[str]
) -> None:
    (tmp_path / "phieu-hen.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "ho-so").mkdir()
    dialog = QFileDialog(None, "Lưu thành tệp PDF", str(tmp_path / "phieu.pdf"), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    opened(qtbot, dialog)
    view = dialog.findChild(QAbstractItemView, "treeView")
    assert view is not None
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 2)
    expected = {"&Tìm trong:", "&Tên tệp:", "&Loại tệp:", "&Lưu", "Hủy", "Tên", "Thư mục"}
    assert_vietnamese(dialog, english, expected)
    dialog.close()


def test_print_dialog_with_its_options_and_properties_speaks_vietnamese(
    printer: QPrinter, vietnamese: None, qtbot: QtBot, english: set[str]
) -> None:
    dialog = opened(qtbot, QPrintDialog(printer))
    options = next(b for b in dialog.findChildren(QPushButton) if b.text().endswith(">>"))
    options.click()
    qtbot.waitUntil(lambda: options.text().endswith("<<"))
    assert_vietnamese(dialog, english, {"&In", "Hủy", "Máy in", "Số bản:", "Tùy &chọn <<"})

    properties = dialog.findChild(QPushButton, "properties")
    assert properties is not None and properties.isEnabled()
    failures: list[BaseException] = []
    inspected: list[QWidget] = []

    def inspect_properties() -> None:
        # The properties dialog runs its own exec(): look, then close it.
        shown = QApplication.activeModalWidget()
        try:
            assert isinstance(shown, QDialog) and shown is not dialog
            inspected.append(shown)
            assert_vietnamese(shown, english, {"Thuộc tính máy in", "Khổ giấy:", "Hướng giấy"})
        except AssertionError as failure:
            failures.append(failure)
        finally:
            if isinstance(shown, QDialog):
                shown.reject()

    QTimer.singleShot(0, inspect_properties)
    properties.click()
    assert inspected, "the properties dialog did not open"
    if failures:
        raise failures[0]
    dialog.close()


def test_print_preview_dialog_speaks_vietnamese(
    printer: QPrinter, vietnamese: None, qtbot: QtBot, english: set[str]
) -> None:
    dialog = opened(qtbot, QPrintPreviewDialog(printer))
    expected = {"Xem trước khi in", "Phóng to", "Trang sau", "Thiết lập trang", "Khổ ngang"}
    assert_vietnamese(dialog, english, expected)
    dialog.close()


@pytest.mark.parametrize("editor", [QLineEdit, QTextEdit])
def test_standard_context_menus_speak_vietnamese(
    vietnamese: None, qtbot: QtBot, english: set[str], editor: Callable[[], QWidget]
) -> None:
    widget = editor()
    qtbot.addWidget(widget)
    menu = widget.createStandardContextMenu()  # type: ignore[attr-defined]
    assert isinstance(menu, QMenu)
    expected = {"&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"}
    assert_vietnamese(menu, english, expected)
    menu.deleteLater()


def test_qt_strings_fall_back_to_english_without_vietnamese(
    qapp: QApplication, english: set[str]
) -> None:
    """The check above can fail: in English the same lookups are the English labels."""
    i18n.install(qapp, "en")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        box = QMessageBox(QMessageBox.Icon.Question, "t", "x")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        assert english_in(box, english) == ["&No", "&Yes"]
        box.deleteLater()
    finally:
        i18n.install(qapp)
