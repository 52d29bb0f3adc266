"""The pages of the paper being digitised, as thumbnails the official puts in
order, turns and removes before the copy is saved.

Each page is a page of one of the PDFs gathered so far (a scan run, a file, a
file from the scan folder) plus the quarter turns the official gave it;
nothing is re-encoded until :meth:`PageStrip.pdf` composes the final PDF
(files/pdf_pages.compose: pages copied whole, turns as /Rotate).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QTransform
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.files.pdf_pages import PageRef, compose, page_count

THUMB = QSize(110, 150)
_REF = Qt.ItemDataRole.UserRole


class _Source:
    """One gathered PDF, kept open for its thumbnails."""

    def __init__(self, pdf: bytes, parent: QWidget) -> None:
        self.pdf = pdf
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, parent)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.doc = QPdfDocument(parent)
        self.doc.load(self._buffer)

    def thumbnail(self, page: int, rotation: int) -> QPixmap:
        size = self.doc.pagePointSize(page).toSize()
        size.scale(THUMB, Qt.AspectRatioMode.KeepAspectRatio)
        image: QImage = self.doc.render(page, size)
        pixmap = QPixmap.fromImage(image)
        if rotation % 360:
            pixmap = pixmap.transformed(QTransform().rotate(rotation))
        return pixmap


class PageStrip(QWidget):
    """Thumbnails in reading order; drag to reorder, buttons to turn and remove."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sources: list[_Source] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setObjectName("pages")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Snap)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSpacing(6)
        self.list.model().rowsMoved.connect(self._renumber)
        layout.addWidget(self.list, 1)
        # Two rows, turning and ordering: five in one row made the digitise
        # dialog wider than a 1366 px screen at 125 %.
        turns, order = QHBoxLayout(), QHBoxLayout()
        self.left_button = QPushButton(self.tr("Turn &left"), self)
        self.left_button.clicked.connect(lambda: self.rotate_selected(-90))
        self.right_button = QPushButton(self.tr("Turn &right"), self)
        self.right_button.clicked.connect(lambda: self.rotate_selected(90))
        self.earlier_button = QPushButton(self.tr("&Earlier"), self)
        self.earlier_button.clicked.connect(lambda: self.move_selected(-1))
        self.later_button = QPushButton(self.tr("La&ter"), self)
        self.later_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton(self.tr("Remove &page"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        for row, row_buttons in (
            (turns, (self.left_button, self.right_button)),
            (order, (self.earlier_button, self.later_button, self.remove_button)),
        ):
            for button in row_buttons:
                button.setAutoDefault(False)
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)

    # ----- gathering ----------------------------------------------------------------------

    def add_pdf(self, pdf: bytes) -> int:
        """Append every page of ``pdf``; the number of pages added."""
        source = _Source(pdf, self)
        self._sources.append(source)
        index = len(self._sources) - 1
        pages = page_count(pdf)
        for page in range(pages):
            item = QListWidgetItem()
            item.setData(_REF, (index, page, 0))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            self.list.addItem(item)
            self._paint(item)
        self._renumber()
        return pages

    def clear(self) -> None:
        self.list.clear()
        self._sources.clear()
        self.changed.emit()

    # ----- editing ------------------------------------------------------------------------

    def _selected_rows(self) -> list[int]:
        return sorted(self.list.row(item) for item in self.list.selectedItems())

    def rotate_page(self, row: int, degrees: int) -> None:
        item = self.list.item(row)
        source, page, rotation = item.data(_REF)
        item.setData(_REF, (source, page, (rotation + degrees) % 360))
        self._paint(item)
        self.changed.emit()

    def rotate_selected(self, degrees: int) -> None:
        for row in self._selected_rows():
            self.rotate_page(row, degrees)

    def move_page(self, row: int, to: int) -> None:
        if not 0 <= to < self.list.count() or row == to:
            return
        item = self.list.takeItem(row)
        self.list.insertItem(to, item)
        self.list.setCurrentItem(item)
        self._renumber()

    def move_selected(self, step: int) -> None:
        rows = self._selected_rows()
        if len(rows) == 1:
            self.move_page(rows[0], rows[0] + step)

    def remove_page(self, row: int) -> None:
        self.list.takeItem(row)
        self._renumber()

    def remove_selected(self) -> None:
        for row in reversed(self._selected_rows()):
            self.list.takeItem(row)
        self._renumber()

    # ----- result -------------------------------------------------------------------------

    def refs(self) -> list[PageRef]:
        return [PageRef(*self.list.item(r).data(_REF)) for r in range(self.list.count())]

    def count(self) -> int:
        return self.list.count()

    def pdf(self) -> bytes:
        """The paper as one PDF, its pages in the order shown (ValueError if none)."""
        return compose([s.pdf for s in self._sources], self.refs())

    def _paint(self, item: QListWidgetItem) -> None:
        source, page, rotation = item.data(_REF)
        item.setIcon(QIcon(self._sources[source].thumbnail(page, rotation)))

    def _renumber(self, *_args: object) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setText(self.tr("Page {n}").format(n=row + 1))
        self.changed.emit()
