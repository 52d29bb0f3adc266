"""The return step's form: who collected the result, how, and the citizen's rating.

The rating can be given by the citizen on a second screen facing them
(:class:`CitizenScreen`), so the official does not choose it for them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.returns import (
    SATISFACTION_LABELS,
    Channel,
    Collector,
    CriteriaList,
    Rating,
    ReturnDetails,
    Satisfaction,
)
from counter_app.i18n import render


class CitizenScreen(QWidget):
    """A window for the citizen, on the desk's second monitor: three big
    buttons, one touch or click, and it closes itself."""

    rated = Signal(object)  # Satisfaction

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Your rating"))
        layout = QVBoxLayout(self)
        question = QLabel(
            self.tr("How satisfied are you with the handling of dossier {code}?").format(code=code),
            self,
        )
        question.setWordWrap(True)
        question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        question.setStyleSheet("font-size: 22pt;")
        layout.addWidget(question)
        row = QHBoxLayout()
        layout.addLayout(row)
        self.buttons: dict[Satisfaction, QPushButton] = {}
        for level in Satisfaction:
            button = QPushButton(render(SATISFACTION_LABELS[level]), self)
            button.setObjectName(f"citizen_{level.value}")
            button.setMinimumSize(220, 140)
            button.setStyleSheet("font-size: 20pt;")
            button.clicked.connect(lambda _=False, lv=level: self._choose(lv))
            row.addWidget(button)
            self.buttons[level] = button

    def show_on_second_screen(self) -> bool:
        """Full screen on the monitor that is not the official's; False if there is none."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return False
        own = self.parentWidget().screen() if self.parentWidget() else screens[0]
        other = next(s for s in screens if s is not own)
        self.setScreen(other)
        self.setGeometry(other.geometry())
        self.showFullScreen()
        return True

    def _choose(self, level: Satisfaction) -> None:
        self.rated.emit(level)
        self.close()


class ReturnForm(QWidget):
    """Fields of :class:`ReturnDetails`, with their errors under each."""

    def __init__(self, code: str, criteria: CriteriaList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = code
        self._criteria = criteria
        self.citizen_screen: CitizenScreen | None = None
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)

        self.collector = QComboBox(self)
        self.collector.setObjectName("collector")
        self.collector.addItem(self.tr("The applicant"), Collector.APPLICANT)
        self.collector.addItem(self.tr("An authorised person"), Collector.AUTHORISED)
        form.addRow(self.tr("Collected by:"), self.collector)
        self.collector_name = QLineEdit(self)
        self.collector_name.setObjectName("collector_name")
        self.collector_id = QLineEdit(self)
        self.collector_id.setObjectName("collector_id")
        self.collector_id.setMaxLength(20)
        form.addRow(self.tr("Authorised person's name:"), self.collector_name)
        form.addRow(self.tr("Their CCCD number:"), self.collector_id)

        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        self.channel.addItem(self.tr("At the desk"), Channel.DESK)
        self.channel.addItem(self.tr("By post"), Channel.POST)
        form.addRow(self.tr("Returned:"), self.channel)
        self.tracking = QLineEdit(self)
        self.tracking.setObjectName("tracking_number")
        self.tracking.setPlaceholderText("EF123456789VN")
        form.addRow(self.tr("Postal tracking number:"), self.tracking)

        self.rating_box = QGroupBox(self.tr("The citizen's rating"), self)
        rating_layout = QVBoxLayout(self.rating_box)
        levels = QHBoxLayout()
        rating_layout.addLayout(levels)
        self.levels = QButtonGroup(self)
        self.level_buttons: dict[Satisfaction | None, QRadioButton] = {}
        for level in (*Satisfaction, None):
            text = render(SATISFACTION_LABELS[level]) if level else self.tr("Declined to rate")
            button = QRadioButton(text, self.rating_box)
            button.setObjectName(f"rating_{level.value if level else 'none'}")
            self.levels.addButton(button)
            levels.addWidget(button)
            self.level_buttons[level] = button
        self.level_buttons[None].setChecked(True)
        self.ask_citizen = QPushButton(self.tr("Ask the citizen on the second screen"), self)
        self.ask_citizen.setObjectName("ask_citizen")
        self.ask_citizen.setAutoDefault(False)
        self.ask_citizen.clicked.connect(self.open_citizen_screen)
        rating_layout.addWidget(self.ask_citizen)
        hint = QLabel(self.tr("Criteria the citizen commented on (optional):"), self.rating_box)
        rating_layout.addWidget(hint)
        grid = QGridLayout()
        rating_layout.addLayout(grid)
        # A tick says the citizen's rating concerns that criterion and records
        # it at the overall level: one row of ticks keeps the form short.
        self.criteria: dict[str, QCheckBox] = {}
        for i, criterion in enumerate(criteria.at_desk()):
            box = QCheckBox(criterion.short, self.rating_box)
            box.setObjectName(f"criterion_{criterion.id}")
            box.setToolTip(criterion.label)
            grid.addWidget(box, i // 2, i % 2)
            self.criteria[criterion.id] = box
        source = QLabel(
            self.tr("List version {version}: {source}").format(
                version=criteria.version, source=criteria.sources[0]
            ),
            self.rating_box,
        )
        source.setWordWrap(True)
        source.setStyleSheet("color: #555; font-size: 8pt;")
        rating_layout.addWidget(source)
        form.addRow(self.rating_box)

        self.collector.currentIndexChanged.connect(self._sync_enabled)
        self.channel.currentIndexChanged.connect(self._sync_enabled)
        self.levels.buttonToggled.connect(self._sync_enabled)
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        authorised = self._collector() is Collector.AUTHORISED
        by_post = self._channel() is Channel.POST
        self.collector_name.setEnabled(authorised)
        self.collector_id.setEnabled(authorised)
        self.tracking.setEnabled(by_post)
        # The citizen is not at the desk to rate a result that goes by post.
        self.rating_box.setEnabled(not by_post)
        if by_post:
            self.level_buttons[None].setChecked(True)
        rated = not self.level_buttons[None].isChecked()
        for box in self.criteria.values():
            box.setEnabled(rated)
        self.ask_citizen.setEnabled(not by_post and len(QGuiApplication.screens()) > 1)

    # Item data comes back from Qt as the enum's plain string value.
    def _collector(self) -> Collector:
        return Collector(self.collector.currentData())

    def _channel(self) -> Channel:
        return Channel(self.channel.currentData())

    def open_citizen_screen(self) -> CitizenScreen:
        screen = CitizenScreen(self._code, self.window())
        screen.rated.connect(self.set_level)
        self.citizen_screen = screen
        screen.show_on_second_screen()
        return screen

    def set_level(self, level: Satisfaction) -> None:
        self.level_buttons[level].setChecked(True)

    def details(self) -> ReturnDetails:
        level = next((lv for lv, b in self.level_buttons.items() if b.isChecked()), None)
        rating = None
        if level is not None:
            rating = Rating(
                level, {cid: level for cid, box in self.criteria.items() if box.isChecked()}
            )
        return ReturnDetails(
            collector=self._collector(),
            collector_name=self.collector_name.text(),
            collector_id=self.collector_id.text(),
            channel=self._channel(),
            tracking_number=self.tracking.text(),
            rating=rating,
        )
