"""The return step's form: who collected the result, how, and the citizen's
answers to the questions of Decree 118/2025 Article 33(1) (list version 2).

The citizen can answer on a second screen facing them
(:class:`CitizenScreen`), so the official does not choose for them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.evaluation import MAX_COMMENT, POINTS, CitizenAnswers, EvaluationSet
from counter_app.domain.returns import Channel, Collector, ReturnDetails


class CitizenScreen(QWidget):
    """A window for the citizen, on the desk's second monitor: each question
    of Decree 118/2025 Article 33(1) with its three answers as big buttons;
    "Gửi đánh giá" hands the answers to the form and closes the window."""

    rated = Signal(object)  # dict[str, int]: question id -> 2/1/0

    def __init__(self, code: str, questions: EvaluationSet, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Your rating"))
        self.setStyleSheet("font-size: 14pt;")
        layout = QVBoxLayout(self)
        title = QLabel(
            self.tr("How was dossier {code} handled? Answer what you wish.").format(code=code),
            self,
        )
        title.setWordWrap(True)
        title.setStyleSheet("font-size: 20pt;")
        layout.addWidget(title)
        self.buttons: dict[tuple[str, int], QPushButton] = {}
        self._groups: dict[str, QButtonGroup] = {}
        for question in questions.questions:
            label = QLabel(question.label, self)
            label.setWordWrap(True)
            layout.addWidget(label)
            row = QHBoxLayout()
            layout.addLayout(row)
            group = QButtonGroup(self)
            self._groups[question.id] = group
            for points in POINTS:
                button = QPushButton(question.answers[points], self)
                button.setObjectName(f"citizen_{question.id}_{points}")
                button.setCheckable(True)
                button.setMinimumHeight(56)
                group.addButton(button, points)
                row.addWidget(button)
                self.buttons[(question.id, points)] = button
        self.done_button = QPushButton(self.tr("Send my rating"), self)
        self.done_button.setObjectName("citizen_done")
        self.done_button.setMinimumHeight(64)
        self.done_button.clicked.connect(self._send)
        layout.addWidget(self.done_button)

    def show_on_second_screen(self) -> bool:
        """Full screen on the monitor that is not the official's; False if there is none."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return False
        parent = self.parentWidget()
        own = parent.screen() if parent is not None else screens[0]
        other = next(s for s in screens if s is not own)
        self.setScreen(other)
        self.setGeometry(other.geometry())
        self.showFullScreen()
        return True

    def _send(self) -> None:
        answers = {qid: g.checkedId() for qid, g in self._groups.items() if g.checkedId() >= 0}
        self.rated.emit(answers)
        self.close()


class ReturnForm(QWidget):
    """Fields of :class:`ReturnDetails`, with their errors under each."""

    def __init__(self, code: str, questions: EvaluationSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = code
        self._questions = questions
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
        # Paired on one row each (name and CCCD, channel and tracking number):
        # with the result's signatures shown too, the form still fits a
        # 1366x768 screen at 125 %.
        form.addRow(
            self.tr("Authorised person's name:"),
            self._pair(self.collector_name, self.tr("Their CCCD number:"), self.collector_id),
        )

        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        self.channel.addItem(self.tr("At the desk"), Channel.DESK)
        self.channel.addItem(self.tr("By post"), Channel.POST)
        self.tracking = QLineEdit(self)
        self.tracking.setObjectName("tracking_number")
        self.tracking.setPlaceholderText("EF123456789VN")
        form.addRow(
            self.tr("Returned:"),
            self._pair(self.channel, self.tr("Postal tracking number:"), self.tracking),
        )

        self.rating_box = QGroupBox(self.tr("The citizen's evaluation"), self)
        rating_layout = QVBoxLayout(self.rating_box)
        self.ask_citizen = QPushButton(self.tr("Ask the citizen on the second screen"), self)
        self.ask_citizen.setObjectName("ask_citizen")
        self.ask_citizen.setAutoDefault(False)
        self.ask_citizen.clicked.connect(self.open_citizen_screen)
        rating_layout.addWidget(self.ask_citizen)
        grid = QGridLayout()
        rating_layout.addLayout(grid)
        # One answer per question of Article 33(1), scored as the list says;
        # "not answered" is the citizen's right and the default.
        self.answers: dict[str, QComboBox] = {}
        for row, question in enumerate(questions.questions):
            label = QLabel(f"{question.short} ({question.point}):", self.rating_box)
            label.setToolTip(question.label)
            box = QComboBox(self.rating_box)
            box.setObjectName(f"answer_{question.id}")
            box.setToolTip(question.label)
            # The answers are long: the box stays narrow (the list opens wide) so
            # that the questions are read whole.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
            box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            box.view().setMinimumWidth(box.view().sizeHintForColumn(0))
            box.addItem(self.tr("Not answered"), None)
            for points in POINTS:
                box.addItem(f"{points}: {question.answers[points]}", points)
            # Two questions a row: the whole form fits a 1366x768 screen at 125 %.
            line, column = divmod(row, 2)
            grid.addWidget(label, line, 2 * column)
            grid.addWidget(box, line, 2 * column + 1)
            self.answers[question.id] = box
        self.comment = QLineEdit(self.rating_box)
        self.comment.setObjectName("comment")
        self.comment.setMaxLength(MAX_COMMENT)
        self.comment.setPlaceholderText(questions.comment_label)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        last = (len(self.answers) + 1) // 2
        grid.addWidget(QLabel(self.tr("Other comments (i):"), self.rating_box), last, 0)
        grid.addWidget(self.comment, last, 1, 1, 3)
        computed = ", ".join(f"{i.id}. {i.short}" for i in questions.computed())
        source = QLabel(
            self.tr("List version {version}: {source}. Scored by the system: {computed}.").format(
                version=questions.version, source=questions.sources[1], computed=computed
            ),
            self.rating_box,
        )
        source.setWordWrap(True)
        source.setStyleSheet("color: #555; font-size: 8pt;")
        rating_layout.addWidget(source)
        form.addRow(self.rating_box)

        self.collector.currentIndexChanged.connect(self._sync_enabled)
        self.channel.currentIndexChanged.connect(self._sync_enabled)
        self._sync_enabled()

    def _pair(self, first: QWidget, label: str, second: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(first, 1)
        said = QLabel(label, self)
        said.setBuddy(second)
        row.addWidget(said)
        row.addWidget(second, 1)
        return row

    def _sync_enabled(self) -> None:
        authorised = self._collector() is Collector.AUTHORISED
        by_post = self._channel() is Channel.POST
        self.collector_name.setEnabled(authorised)
        self.collector_id.setEnabled(authorised)
        self.tracking.setEnabled(by_post)
        # The citizen is not at the desk to rate a result that goes by post.
        self.rating_box.setEnabled(not by_post)
        if by_post:
            for box in self.answers.values():
                box.setCurrentIndex(0)
            self.comment.clear()
        self.ask_citizen.setEnabled(not by_post and len(QGuiApplication.screens()) > 1)

    # Item data comes back from Qt as the enum's plain string value.
    def _collector(self) -> Collector:
        return Collector(self.collector.currentData())

    def _channel(self) -> Channel:
        return Channel(self.channel.currentData())

    def open_citizen_screen(self) -> CitizenScreen:
        screen = CitizenScreen(self._code, self._questions, self.window())
        screen.rated.connect(self.set_answers)
        self.citizen_screen = screen
        screen.show_on_second_screen()
        return screen

    def set_answers(self, answers: dict[str, int]) -> None:
        for qid, points in answers.items():
            box = self.answers.get(qid)
            if box is not None:
                box.setCurrentIndex(box.findData(points))

    def details(self) -> ReturnDetails:
        scores = {
            qid: int(box.currentData())
            for qid, box in self.answers.items()
            if box.currentData() is not None
        }
        comment = self.comment.text().strip()
        return ReturnDetails(
            collector=self._collector(),
            collector_name=self.collector_name.text(),
            collector_id=self.collector_id.text(),
            channel=self._channel(),
            tracking_number=self.tracking.text(),
            answers=CitizenAnswers(scores, comment) if scores or comment else None,
        )
