"""A status-bar name that gives way on a small screen keeps its whole text
within reach: in its tooltip, and for whoever reads the label."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter_app.ui.widgets import ElidedLabel

NAME = "Cán bộ: Nguyễn Thị Phương Thảo (nguyenthiphuongthao)"


def test_a_long_name_gives_way_to_its_neighbour_and_keeps_its_text(qtbot: QtBot) -> None:
    # GIVEN a bar too narrow for a long name beside a text that must stay whole
    bar = QWidget()
    qtbot.addWidget(bar)
    layout = QHBoxLayout(bar)
    name = ElidedLabel(bar, keep_chars=10)
    name.setText(NAME)
    state = QLabel("● Trung tâm: mất kết nối", bar)
    layout.addWidget(name)
    layout.addWidget(state)
    bar.resize(state.sizeHint().width() + name.minimumSizeHint().width() + 40, 30)
    bar.show()
    qtbot.waitExposed(bar)
    # THEN the neighbour is whole and the name is cut short, not hidden
    assert state.width() >= state.sizeHint().width()
    assert 0 < name.width() < name.sizeHint().width()
    # AND the name is whole in its tooltip and its text
    assert name.toolTip() == NAME and name.text() == NAME
    # AND the name never shrinks below the characters it keeps
    assert name.minimumSizeHint().width() == name.fontMetrics().averageCharWidth() * 10
    # AND a short text needs no more room than it takes
    name.setText("An")
    assert name.minimumSizeHint().width() == QLabel("An").minimumSizeHint().width()
