"""The dossier window's electronic papers tab: what is not yet digitised is
marked, a paper digitised from its checklist line shows up, a copy opens in
the system viewer as a PDF, and a removed one stays greyed with its reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.files.pdf_pages import page_count
from counter_app.services import papers
from counter_app.services.views import DossierInfo
from counter_app.ui.dossier_dialog import DossierDialog
from tests.conftest import login
from tests.scanning.support import DEVICE  # noqa: F401 - the project's SANE test scanner

Receive = Callable[..., DossierInfo]
LEFT = Qt.MouseButton.LeftButton
SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


def test_a_checklist_paper_digitised_opened_and_removed_from_the_dossier_window(
    qtbot: QtBot, counter: Runtime, receive_dossier: Receive
) -> None:
    info = receive_dossier()
    checklist = len(info.documents)
    assert checklist >= 1
    dialog = DossierDialog(counter.ctx, login(counter, "tiepnhan"), info.code)
    qtbot.addWidget(dialog)
    opened: list[QUrl] = []
    dialog.papers.open_url = lambda url: opened.append(url) or True
    dialog.show()
    tab = dialog.tabs.indexOf(dialog.papers)
    qtbot.waitUntil(lambda: "chưa số hóa" in dialog.tabs.tabText(tab))
    assert f"{checklist} chưa số hóa" in dialog.tabs.tabText(tab)
    dialog.tabs.setCurrentIndex(tab)
    table = dialog.papers.checklist
    assert table.item(0, 1).text() == "chưa số hóa"

    qtbot.mouseClick(table.cellWidget(0, 2), LEFT)
    digitise = dialog.papers.digitise_dialog
    assert digitise is not None and digitise.position == 1
    qtbot.waitUntil(lambda: digitise.scan_panel.resolution.count() > 0, timeout=10_000)
    digitise.scan_panel.resolution.setCurrentIndex(digitise.scan_panel.resolution.findData(75))
    qtbot.mouseClick(digitise.scan_panel.scan_button, LEFT)
    qtbot.waitUntil(lambda: digitise.pages.count() == 1, timeout=20_000)
    qtbot.mouseClick(digitise.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.papers.table.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: table.item(0, 1).text().startswith("đã số hóa"))
    missing = checklist - 1
    if missing:
        assert f"{missing} chưa số hóa" in dialog.tabs.tabText(tab)
    else:
        assert "chưa số hóa" not in dialog.tabs.tabText(tab)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "dossier_papers.png"))

    copies = dialog.papers.table
    copies.selectRow(0)
    qtbot.mouseClick(dialog.papers.open_button, LEFT)
    (url,) = opened
    shown = Path(url.toLocalFile())
    assert shown.suffix == ".pdf" and shown.stat().st_mode & 0o077 == 0
    assert page_count(shown.read_bytes()) == 1

    question = dialog.papers.ask_remove()
    assert question is not None
    question.setTextValue("Quét nhầm giấy tờ")
    question.accept()
    qtbot.waitUntil(lambda: table.item(0, 1).text() == "chưa số hóa", timeout=10_000)
    assert copies.item(0, 6).text() == "đã gỡ bỏ: Quét nhầm giấy tờ"
    assert copies.item(0, 1).foreground().color().name() == "#8a8f98"
    (paper,) = papers.list_papers(counter.ctx, info.code)
    assert paper.removed
    dialog.close()
