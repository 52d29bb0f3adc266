"""The dossier window's papers tab with a centre: a copy whose file has not
reached the centre says so, and a desk that took the dossier over opens a
copy digitised elsewhere by fetching it from the centre, off the UI thread."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from counter_app.centre import admin
from counter_app.files.pdf_pages import page_count
from counter_app.ui.dossier_dialog import DossierDialog
from tests.conftest import Clock, login
from tests.sync.conftest import Centre, Desk
from tests.sync.paper_support import add_paper, push_rows_only, small_pdf
from tests.sync.support import receive_many

DAY = datetime(2026, 11, 26, 8, 0)


def _papers_tab(qtbot: QtBot, desk: Desk, code: str, opened: list[QUrl]) -> DossierDialog:
    dialog = DossierDialog(desk.ctx, login(desk.ctx, "tiepnhan"), code, data_dir=desk.directory)
    qtbot.addWidget(dialog)
    dialog.papers.open_url = lambda url: opened.append(url) or True
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.papers)
    qtbot.waitUntil(lambda: dialog.papers.table.rowCount() == 1, timeout=10_000)
    return dialog


def test_pending_files_show_and_a_copy_from_another_desk_is_fetched_when_opened(
    qtbot: QtBot, centre: Centre
) -> None:
    a = centre.desk("Quầy số 1", Clock(DAY))
    b = centre.desk("Quầy số 2", Clock(DAY))
    (code,) = receive_many(a, 1)
    info = add_paper(a, code, small_pdf(60))
    push_rows_only(a)
    # GIVEN desk A's copy whose row went ahead of its file: the tab says so
    opened: list[QUrl] = []
    dialog = _papers_tab(qtbot, a, code, opened)
    qtbot.waitUntil(lambda: dialog.papers.pending_label.isVisibleTo(dialog), timeout=10_000)
    assert dialog.papers.pending_label.text().startswith("1 ")
    dialog.close()
    # WHEN the file follows and the dossier is handed over to desk B
    a.sync()
    admin.hand_over(centre.engine, code, b.registration.counter_uuid)
    b.sync()
    assert b.ctx.files is not None and not b.ctx.files.has(info.sha256)
    dialog = _papers_tab(qtbot, b, code, opened)
    assert not dialog.papers.pending_label.isVisibleTo(dialog)
    dialog.papers.table.selectRow(0)
    qtbot.mouseClick(dialog.papers.open_button, Qt.MouseButton.LeftButton)
    # THEN B fetches it from the centre and opens it
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=20_000)
    assert b.ctx.files.intact(info.sha256)
    assert page_count(Path(opened[0].toLocalFile()).read_bytes()) == 1
    dialog.close()
