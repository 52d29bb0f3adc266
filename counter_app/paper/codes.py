"""Code 128 barcode and QR code of a dossier, drawn as vector rectangles.

Vector bars stay sharp on any printer; a bitmap would be resampled by the
printer driver and blur the narrow modules a handheld scanner relies on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import Any

import barcode
import segno
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from counter_app.paper import errors

QUIET_MODULES = 10  # Code 128 needs at least 10 modules of white on each side
MIN_MODULE = 0.33 * mm
QR_QUIET_MODULES = 4

_KEYS = {
    "MHS": "dossier_code",
    "CQ": "agency_id",
    "TTHC": "procedure_code",
    "HEN": "appointment",
    "KS": "signed_sha256",
}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_APPOINTMENT_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class QrPayload:
    dossier_code: str
    agency_id: str = ""
    procedure_code: str = ""
    appointment: datetime | None = None
    # The SHA-256 of the digitally signed copy the paper was printed from; "" if none.
    signed_sha256: str = ""


def qr_payload(
    dossier_code: str,
    agency_id: str,
    procedure_code: str,
    appointment: datetime,
    signed_sha256: str = "",
) -> str:
    """The text put in a receipt's QR code: one ``KEY:value`` per line.

    Anyone's phone can read a QR code off a receipt left on a desk, so it
    carries what finds the dossier, never the citizen's identity number.
    Receipts printed before kept a ``CD:`` line; the reader skips it. A
    receipt printed from its signed electronic copy adds ``KS:`` and that
    copy's SHA-256: a hash cannot be inside the file it is the hash of, so
    the paper names the electronic original and not the other way round."""
    lines = [
        f"MHS:{dossier_code}",
        f"CQ:{agency_id}",
        f"TTHC:{procedure_code}",
        f"HEN:{appointment.strftime(_APPOINTMENT_FORMAT)}",
    ]
    if signed_sha256:
        lines.append(f"KS:{signed_sha256}")
    return "\n".join(lines)


def parse_qr_payload(text: str) -> QrPayload:
    """Read a scanned receipt QR code; raises UserError when it is not one."""
    fields: dict[str, str] = {}
    # A 2D scanner typing the code may send each line break as Enter or Tab.
    for line in re.split(r"[\r\n\t]+", text):
        key, sep, value = line.partition(":")
        if sep and key.strip() in _KEYS:
            fields[_KEYS[key.strip()]] = value.strip()
    if not fields.get("dossier_code"):
        raise errors.printing_error(errors.NOT_A_SLIP_QR, missing="MHS")
    appointment_text = fields.pop("appointment", "")
    try:
        appointment = (
            datetime.strptime(appointment_text, _APPOINTMENT_FORMAT) if appointment_text else None
        )
    except ValueError as exc:
        raise errors.printing_error(errors.NOT_A_SLIP_QR, missing="HEN") from exc
    signed = fields.get("signed_sha256", "").lower()
    if signed and not _SHA256.match(signed):
        raise errors.printing_error(errors.NOT_A_SLIP_QR, missing="KS")
    fields["signed_sha256"] = signed
    return QrPayload(appointment=appointment, **fields)


def code128_modules(code: str) -> str:
    """Module pattern ("1" bar, "0" space) of ``code``, without quiet zones."""
    return "".join(barcode.get("code128", code).build())


def _runs(pattern: str) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules."""
    runs: list[tuple[int, int]] = []
    pos = 0
    for bit, group in groupby(pattern):
        length = len(list(group))
        if bit == "1":
            runs.append((pos, length))
        pos += length
    return runs


def _fill_rects(canvas: Any, rects: Iterable[tuple[float, float, float, float]]) -> None:
    """Fill rectangles (x, y, width, height) in black as one PDF path.

    Written as raw "re" operators: going through ReportLab's path API costs a
    float-to-text conversion per number in pure Python, which dominated the
    time to print a receipt.
    """
    ops = [f"{x:.3f} {y:.3f} {w:.3f} {h:.3f} re" for x, y, w, h in rects]
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral("\n".join(ops) + "\nf")
    canvas.restoreState()


class Code128(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """A Code 128 barcode with the human-readable code under it.

    ``module`` is the preferred module width; when ``max_width`` is given the
    module shrinks so the barcode and its quiet zones fit.
    """

    def __init__(
        self,
        code: str,
        font_name: str,
        *,
        module: float = 0.4 * mm,
        max_width: float | None = None,
        bar_height: float = 12 * mm,
        font_size: float = 9,
    ) -> None:
        super().__init__()
        self.code = code
        self.font_name = font_name
        self.font_size = font_size
        self.bar_height = bar_height
        pattern = code128_modules(code)
        total = len(pattern) + 2 * QUIET_MODULES
        if max_width is not None:
            module = min(module, max_width / total)
        self.module = module
        self.bars = _runs(pattern)
        self.width = total * module
        self.text_height = font_size * 1.25
        self.height = bar_height + self.text_height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        left = QUIET_MODULES * self.module
        _fill_rects(
            canvas,
            (
                (
                    left + start * self.module,
                    self.text_height,
                    length * self.module,
                    self.bar_height,
                )
                for start, length in self.bars
            ),
        )
        canvas.saveState()
        canvas.setFont(self.font_name, self.font_size)
        canvas.drawCentredString(self.width / 2, self.font_size * 0.3, self.code)
        canvas.restoreState()


def _merge_rows(rows: list[list[tuple[int, int]]]) -> list[tuple[int, int, int, int]]:
    """Dark runs as rectangles (column, row, width, height), merging identical
    runs of consecutive rows so fewer rectangles go into the PDF."""
    done: list[tuple[int, int, int, int]] = []
    open_runs: dict[tuple[int, int], int] = {}  # (start, length) -> first row
    for index, runs in enumerate(rows):
        current = set(runs)
        for run, first in list(open_runs.items()):
            if run not in current:
                done.append((run[0], first, run[1], index - first))
                del open_runs[run]
        for run in runs:
            open_runs.setdefault(run, index)
    done.extend((run[0], first, run[1], len(rows) - first) for run, first in open_runs.items())
    return done


class QrCode(Flowable):  # type: ignore[misc]
    """A QR code (error correction M) of ``text``, ``size`` wide including quiet zone."""

    def __init__(self, text: str, size: float = 30 * mm) -> None:
        super().__init__()
        qr = segno.make(text, error="m", micro=False)
        rows = ["".join("1" if cell else "0" for cell in row) for row in qr.matrix]
        self.modules = len(rows)
        self.module = size / (self.modules + 2 * QR_QUIET_MODULES)
        self.rects = _merge_rows([_runs(row) for row in rows])
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        offset = QR_QUIET_MODULES * self.module
        top = self.height - offset
        module = self.module
        # Row 0 is the top of the symbol; PDF y grows upwards.
        _fill_rects(
            self.canv,
            (
                (offset + col * module, top - (row + h) * module, w * module, h * module)
                for col, row, w, h in self.rects
            ),
        )
