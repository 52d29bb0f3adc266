"""The work-list model: a well-behaved Qt model, overdue rows stand out, rows carry their code."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester

from counter_app.app_setup import Runtime
from counter_app.services import search
from counter_app.services.search import WorkList
from counter_app.services.views import DossierInfo
from counter_app.ui.dossier_table_model import CODE_ROLE, OVERDUE_ROLE, DossierTableModel

CERTIFIED_COPY = "2.000815"


def test_model_passes_the_qt_model_tester(
    qtmodeltester: ModelTester, counter: Runtime, receive_dossier: Callable[..., DossierInfo]
) -> None:
    # GIVEN two dossiers in the pending list
    receive_dossier()
    receive_dossier(CERTIFIED_COPY)
    model = DossierTableModel()
    # WHEN the model is filled, THEN Qt's model checks hold
    model.set_rows(search.work_list(counter.ctx, WorkList.PENDING), counter.ctx.now())
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_rows_carry_their_code_and_dates_in_vietnamese_format(
    counter: Runtime, receive_dossier: Callable[..., DossierInfo]
) -> None:
    info = receive_dossier()
    model = DossierTableModel()
    model.set_rows(search.work_list(counter.ctx, WorkList.PENDING), counter.ctx.now())
    index = model.index(0, DossierTableModel.APPOINTMENT)
    assert index.data(CODE_ROLE) == info.code
    assert index.data() == "01/12/2026 09:00"
    assert model.index(0, DossierTableModel.RECEIVED).data() == "26/11/2026 09:00"
    assert model.index(0, DossierTableModel.CODE).data() == info.code


def test_overdue_rows_are_highlighted(
    counter: Runtime, receive_dossier: Callable[..., DossierInfo]
) -> None:
    info = receive_dossier()
    rows = search.work_list(counter.ctx, WorkList.PENDING)
    model = DossierTableModel()
    # GIVEN the appointment is still ahead: no highlight
    model.set_rows(rows, info.row.appointment_at - timedelta(days=2))
    index = model.index(0, DossierTableModel.STATE)
    assert index.data(OVERDUE_ROLE) is False
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    # WHEN time passes the appointment, THEN the row turns red
    model.set_rows(rows, info.row.appointment_at + timedelta(minutes=1))
    index = model.index(0, DossierTableModel.STATE)
    assert index.data(OVERDUE_ROLE) is True
    background = index.data(Qt.ItemDataRole.BackgroundRole)
    foreground = index.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(background, QBrush) and isinstance(foreground, QBrush)
    assert background.color().red() > background.color().green()
    assert model.index(0, DossierTableModel.CODE).data(Qt.ItemDataRole.FontRole).bold()
