"""The dossier's history stays readable: the note gets the room, long names
do not squeeze it, and its rows wrap instead of growing many lines high."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.workflow import Action
from counter_app.services import dossiers
from counter_app.services.auth import Actor
from counter_app.services.dossiers import StepRequest
from counter_app.services.views import DossierInfo
from counter_app.ui.dossier_dialog import DossierDialog
from tests.conftest import login

Receive = Callable[..., DossierInfo]
LONG_NOTE = (
    "Đã đối chiếu bản chính giấy chứng nhận quyền sử dụng đất với bản sao; thửa đất số 125, "
    "tờ bản đồ số 7; đề nghị cơ quan chuyên môn kiểm tra lại diện tích do có sai khác nhỏ "
    "giữa hồ sơ địa chính và giấy chứng nhận đã cấp năm 2009."
)


@pytest.mark.parametrize(("width", "max_lines"), [(1000, 8.5), (1340, 5.5)])
def test_the_note_column_gets_the_room_and_rows_stay_short(
    width: int,
    max_lines: float,
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
) -> None:
    code = receive_dossier().code
    dossiers.take_step(
        counter.ctx, login(counter, "thamdinh"), code, StepRequest(Action.START_APPRAISAL)
    )
    dossiers.take_step(
        counter.ctx,
        login(counter, "thamdinh"),
        code,
        StepRequest(Action.TRANSFER, note=LONG_NOTE, department="Phòng Nông nghiệp và Môi trường"),
    )
    dialog = DossierDialog(counter.ctx, official("tiepnhan"), code)
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.resize(width, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.steps
    note_width = table.columnWidth(4)
    assert note_width >= 0.45 * table.viewport().width()
    lines = max(table.rowHeight(r) for r in range(table.rowCount())) / (
        table.fontMetrics().lineSpacing()
    )
    assert lines <= max_lines, f"a history row is {lines:.1f} lines high"
    assert LONG_NOTE in table.item(2, 4).text()
