"""The user guide (F1), shipped with the package in Vietnamese, and the About box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counter_app import __version__
from counter_app.resources_path import resource
from counter_app.ui.widgets import fit_to_screen

GUIDE = ("guide", "huong-dan-su-dung.md")


class HelpWindow(QDialog):
    """The guide beside the work, not over it: modeless, so the official can read
    a step and do it in the main window at the same time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("User guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(resource(*GUIDE).read_text(encoding="utf-8"))
        layout.addWidget(self.browser)
        fit_to_screen(self, 820, 900)


def show_about(
    parent: QWidget, data_dir: Path | None, counter_uuid: str | None = None
) -> QMessageBox:
    lines = [
        "<p><b>{}</b></p>".format(QCoreApplication.translate("About", "One-stop counter")),
        "<p>{}</p>".format(
            QCoreApplication.translate("About", "Version {version}").format(version=__version__)
        ),
        "<p>{}</p>".format(
            QCoreApplication.translate(
                "About",
                "Receives citizens' administrative dossiers at the one-stop desk, follows "
                "every step to the result, prints the forms and works offline.",
            )
        ),
    ]
    if data_dir is not None:
        lines.append(
            "<p>{}</p>".format(
                QCoreApplication.translate("About", "Data folder: {path}").format(
                    path=str(data_dir)
                )
            )
        )
    if counter_uuid:
        # The identity the province's IT staff register the counter under.
        lines.append(
            "<p>{}</p>".format(
                QCoreApplication.translate("About", "This counter's identity: {uuid}").format(
                    uuid=counter_uuid
                )
            )
        )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("About", "About"),
        "".join(lines),
        parent=parent,
    )
    box.setObjectName("aboutBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box


class MainHelp(QObject):
    """The Help menu of the main window: the guide (F1) and About."""

    def __init__(
        self, window: QMainWindow, data_dir: Path | None, counter_uuid: str | None = None
    ) -> None:
        super().__init__(window)
        self._window, self._data_dir = window, data_dir
        self.window: HelpWindow | None = None
        menu = window.menuBar().addMenu(self.tr("&Help"))
        guide = menu.addAction(self.tr("User &guide"))
        guide.setShortcut(QKeySequence(Qt.Key.Key_F1))
        guide.triggered.connect(self.show_guide)
        menu.addAction(self.tr("&About"), lambda: show_about(window, data_dir, counter_uuid))

    def show_guide(self) -> HelpWindow:
        """F1: the guide opens beside the work (one window, brought to the front)."""
        if self.window is None:
            self.window = HelpWindow(self._window)
        self.window.show()
        self.window.raise_()
        return self.window
