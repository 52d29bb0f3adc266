"""What the official reads is Vietnamese: UI strings and service messages alike.

Needs resources/translations/counter_app_vi.qm built from the .ts (``make
translations``) after resources/translations/pending/ui.tsv is merged.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter_app import i18n
from counter_app.app_setup import Runtime
from counter_app.services.auth import Actor
from counter_app.services.search import WorkList
from counter_app.services.views import DossierInfo
from counter_app.ui.app import ErrorReporter
from counter_app.ui.dossier_table_model import DossierTableModel
from counter_app.ui.main_window import MainWindow
from counter_app.ui.receive_dialog import ReceiveDialog


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "vi"), "counter_app_vi.qm is missing: run `make translations`"
    yield
    i18n.install(qapp)


def test_reception_speaks_vietnamese(
    vietnamese: None,
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    hold: list[object],
) -> None:
    dialog = ReceiveDialog(counter.ctx, official("tiepnhan"))
    qtbot.addWidget(dialog)
    hold.append(dialog)
    assert dialog.windowTitle() == "Tiếp nhận hồ sơ"
    dialog.procedure.select_code("1.004873")
    assert dialog.fee_label.text().startswith("Phí, lệ phí:")
    dialog.full_name.setText("Lương Văn Bình")
    dialog.id_number.setText("12345")
    dialog.tick_all.click()
    assert dialog.ok_button.text() == "Tiếp nhận"
    dialog.ok_button.click()
    assert (
        dialog.errors.label("id_number").text()
        == "Số CCCD phải gồm đúng 12 chữ số; đã nhập 5 chữ số."
    )


def test_work_lists_speak_vietnamese(
    vietnamese: None,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Callable[..., DossierInfo],
) -> None:
    receive_dossier()
    window = make_window("tiepnhan")
    assert window.tabs.tabText(1) == "Quá hạn (0)"
    model = window.models[WorkList.PENDING]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Mã hồ sơ"
    assert model.index(0, DossierTableModel.STATE).data() == "Đã tiếp nhận"


def test_error_dialog_speaks_vietnamese(vietnamese: None, qtbot: QtBot, tmp_path: Path) -> None:
    reporter = ErrorReporter(tmp_path)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        reporter(*sys.exc_info())  # type: ignore[arg-type]
    assert reporter.last_box is not None
    qtbot.addWidget(reporter.last_box)
    assert reporter.last_box.text().startswith("Đã xảy ra lỗi")
    reporter.last_box.close()
