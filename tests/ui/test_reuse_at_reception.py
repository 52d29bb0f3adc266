"""Decree 118/2025 Art. 17(1)(b) at the reception form: once the citizen's
number is typed, the papers already digitised for them are offered; the
official takes one instead of asking for it again, an expired one cannot be
taken, and the reception records the reuse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.papers import Origin, PaperData
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.services import papers
from counter_app.services.papers import NewCopy
from counter_app.ui.main_window import MainWindow
from counter_app.ui.reuse_papers import ReuseDialog
from tests.conftest import login
from tests.services.test_papers import scan_page
from tests.ui.conftest import Receive, wait_signal
from tests.ui.test_receive_dialog import MARITAL_STATUS, fill_applicant

NUMBER = "020090001234"


def test_a_held_paper_is_offered_and_taken_at_reception_an_expired_one_is_not(
    qtbot: QtBot,
    counter: Runtime,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Receive,
    printed: object,
) -> None:
    # GIVEN a citizen whose birth certificate and an expired residence paper were digitised before
    earlier = receive_dossier().code
    clerk = login(counter.ctx, "tiepnhan")
    pdf = images_to_pdf([scan_page()])
    birth = papers.add_copy(
        counter.ctx,
        clerk,
        NewCopy(
            earlier,
            pdf,
            PaperData("GT.TK", "Tờ khai cấp giấy xác nhận tình trạng hôn nhân", NUMBER),
            Origin.SCAN,
        ),
    )
    papers.add_copy(
        counter.ctx,
        clerk,
        NewCopy(
            earlier,
            images_to_pdf([scan_page(120)]),
            PaperData("GT.CT", "Giấy xác nhận cư trú", NUMBER, valid_until=date(2026, 1, 31)),
            Origin.SCAN,
        ),
    )
    window = make_window("tiepnhan")
    dialog = window.new_dossier()
    assert dialog is not None
    assert dialog.procedure.select_code(MARITAL_STATUS)
    assert not dialog.reuse_panel.isVisibleTo(dialog)
    # WHEN the official types the citizen's number
    fill_applicant(qtbot, dialog, NUMBER)
    # THEN the form offers the two papers held
    qtbot.waitUntil(lambda: dialog.reuse_panel.button.isVisibleTo(dialog))
    assert dialog.reuse_panel.button.text() == "Giấy tờ đã số hóa (2)…"
    seen: dict[str, object] = {}

    def take_the_valid_one() -> None:
        chooser = QApplication.activeModalWidget()
        assert isinstance(chooser, ReuseDialog)
        chooser.grab().save(str(counter.data_dir / "reuse.png"))
        rows = {p.data.doc_type_code: (box, choice) for p, box, choice in chooser.rows}
        seen["expired"] = rows["GT.CT"][0].isEnabled()
        seen["text"] = " ".join(label.text() for label in chooser.findChildren(QLabel))
        box, choice = rows["GT.TK"]
        seen["for"] = choice.currentText()
        box.setChecked(True)
        chooser.ok_button.click()

    QTimer.singleShot(0, take_the_valid_one)
    qtbot.mouseClick(dialog.reuse_panel.button, Qt.MouseButton.LeftButton)
    assert seen["expired"] is False and "hết hạn ngày 31/01/2026" in str(seen["text"])
    # the paper is matched to the checklist line that names it, and that line is ticked
    assert str(seen["for"]).startswith("Tờ khai")
    assert str(seen["for"]) in {d.name for d in dialog.handed_in()}
    assert "Tờ khai" in dialog.reuse_panel.label.text()
    # AND receiving records the reuse in the new dossier
    qtbot.mouseClick(dialog.tick_all, Qt.MouseButton.LeftButton)
    with wait_signal(qtbot, dialog.dossier_received) as received:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (taken,) = papers.list_papers(counter.ctx, received.args[0])
    assert taken.reused_from == birth.uuid and taken.origin is Origin.REUSE
    assert taken.component_name == seen["for"]


def test_article_17_1_c_after_the_receipt_the_dossier_opens_on_its_papers_to_digitise(
    qtbot: QtBot, counter: Runtime, make_window: Callable[[str], MainWindow], printed: object
) -> None:
    window = make_window("tiepnhan")
    for number, digitise in (("020090001235", True), ("020090001236", False)):
        dialog = window.new_dossier()
        assert dialog is not None and dialog.digitise_now.isChecked()
        dialog.digitise_now.setChecked(digitise)
        assert dialog.procedure.select_code(MARITAL_STATUS)
        fill_applicant(qtbot, dialog, number)
        qtbot.mouseClick(dialog.tick_all, Qt.MouseButton.LeftButton)
        with wait_signal(qtbot, dialog.dossier_received) as received:
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        code = received.args[0]
        opened = window.dossier_dialog
        if digitise:
            # the receipt is printed, then the dossier opens on its papers
            assert opened is not None and opened.code == code
            assert opened.tabs.currentWidget() is opened.papers
            opened.close()
            window.dossiers.dossier_dialog = None
        else:
            assert opened is None
    assert [kind for kind, _code in printed.jobs] == ["receipt", "receipt"]  # type: ignore[attr-defined]
