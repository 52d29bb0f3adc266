"""Where the digitise dialog's pages come from, besides the scan folder
(ui/paper_folder.py): the scanner through SANE (device, source, colour and
resolution, looked up on the scan worker so a slow network scanner never
freezes the window) and files or phone photos."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.scanning import sane_devices
from counter_app.scanning.sane_devices import ColourMode, Device, DeviceOptions, Source
from counter_app.scanning.sane_source import ScanRequest
from counter_app.ui.paper_scan import ScanRunner

log = logging.getLogger(__name__)


class ScannerPanel(QWidget):
    """``scan_requested(ScanRequest)`` when the official presses Scan."""

    scan_requested = Signal(object)

    def __init__(self, runner: ScanRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._devices: list[Device] = []
        self._options: DeviceOptions | None = None
        form = QFormLayout(self)
        self.device = QComboBox(self)
        self.device.setObjectName("device")
        self.device.setMinimumContentsLength(12)
        self.device.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.device.currentIndexChanged.connect(self._device_chosen)
        refresh = QPushButton(self.tr("Look for scanners"), self)
        refresh.clicked.connect(self.refresh_devices)
        refresh.setAutoDefault(False)
        # The device's name gets the row (a network scanner's is long); looking
        # again sits beside Scan.
        form.addRow(self.tr("Scanner:"), self.device)
        self.source = QComboBox(self)
        self.source.setObjectName("source")
        form.addRow(self.tr("Source:"), self.source)
        self.mode = QComboBox(self)
        self.mode.setObjectName("mode")
        form.addRow(self.tr("Colour:"), self.mode)
        self.resolution = QComboBox(self)
        self.resolution.setObjectName("resolution")
        form.addRow(self.tr("Resolution:"), self.resolution)
        self.scan_button = QPushButton(self.tr("S&can"), self)
        self.scan_button.setObjectName("scan")
        self.scan_button.clicked.connect(self._scan)
        self.scan_button.setAutoDefault(False)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_button, 1)
        scan_row.addWidget(refresh)
        form.addRow(scan_row)
        self.scanner_note = QLabel(self)
        self.scanner_note.setWordWrap(True)
        form.addRow(self.scanner_note)
        runner.listed.connect(self._listed)
        runner.look_up_failed.connect(self._look_up_failed)

    def refresh_devices(self) -> None:
        self.scanner_note.setText(self.tr("Looking for scanners…"))
        self._runner.look_up(sane_devices.devices)

    def _none_found(self) -> str:
        return self.tr(
            "No scanner found. Check that it is on and connected, or use the scan folder or a file."
        )

    def _listed(self, answer: object) -> None:
        if isinstance(answer, DeviceOptions):
            self._fill_options(answer)
            return
        assert isinstance(answer, list)
        self._devices = answer
        self.device.blockSignals(True)
        self.device.clear()
        for dev in answer:
            self.device.addItem(dev.label, dev.name)
        self.device.blockSignals(False)
        if not answer:
            self.scanner_note.setText(self._none_found())
            self.scan_button.setEnabled(False)
            return
        self.scanner_note.clear()
        self._device_chosen()

    def _look_up_failed(self, error: object) -> None:
        # No SANE on this computer, or the scanner went away: the folder and
        # files still work.
        self.scan_button.setEnabled(False)
        self.source.clear()
        if isinstance(error, UserError):
            self.scanner_note.setText(render(error.message))
        else:
            log.error("Scanner look-up failed: %r", error)
            self.scanner_note.setText(self._none_found())

    def _device_chosen(self) -> None:
        name = self.device.currentData()
        if name:
            self._runner.look_up(lambda: sane_devices.options(name))

    def _fill_options(self, options: DeviceOptions) -> None:
        self._options = options
        self.source.clear()
        for source in options.sources:
            self.source.addItem(render(sane_devices.source_label(source)), source.value)
        self.mode.clear()
        for mode in options.modes:
            self.mode.addItem(render(sane_devices.mode_label(mode)), mode.value)
        grey = self.mode.findData(ColourMode.GREY.value)
        self.mode.setCurrentIndex(max(grey, 0))
        self.resolution.clear()
        for dpi in options.resolutions:
            self.resolution.addItem(f"{dpi} dpi", dpi)
        # 200 dpi reads well and keeps a page small; the lowest if not offered.
        best = self.resolution.findData(200)
        self.resolution.setCurrentIndex(best if best >= 0 else 0)
        self.scan_button.setEnabled(bool(options.sources))

    def scan_request(self) -> ScanRequest:
        return ScanRequest(
            device=str(self.device.currentData()),
            source=Source(self.source.currentData()),
            mode=ColourMode(self.mode.currentData() or ColourMode.GREY.value),
            resolution=int(self.resolution.currentData() or 150),
        )

    def _scan(self) -> None:
        if self.device.currentData() and self.source.currentData() is not None:
            self.scan_requested.emit(self.scan_request())


class FilesPanel(QWidget):
    """``add_requested()`` when the official wants to add files."""

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "A PDF, a JPEG or PNG photo (taken with a phone, for instance) or a TIFF. "
                "Every page is added to the paper."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.file_button = QPushButton(self.tr("Add &files…"), self)
        self.file_button.setObjectName("addFiles")
        self.file_button.clicked.connect(self.add_requested)
        self.file_button.setAutoDefault(False)
        layout.addWidget(self.file_button)
        layout.addStretch(1)
