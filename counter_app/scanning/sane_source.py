"""One scan run through SANE (Decree 118/2025 Art. 17(1)(c)): the flatbed, the
feeder, and duplex on a feeder that reads one side (the official turns the
stack over). Devices and their options: scanning/sane_devices.py, whose lock
every SANE call here holds too.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PIL import Image

from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.scanning.sane_devices import (
    LOCK,
    ColourMode,
    Source,
    error,
    mode_names,
    opened,
    sane_module,
    source_label,
    source_names,
)


class Side(StrEnum):
    FRONT = "front"
    BACK = "back"


@dataclass(frozen=True)
class ScanRequest:
    device: str
    source: Source = Source.FLATBED
    mode: ColourMode = ColourMode.GREY
    resolution: int = 150
    # Sheets to take from the feeder at most (None: until it is empty).
    max_sheets: int | None = None


@dataclass(frozen=True)
class ScannedPage:
    sheet: int  # 1-based, in the order the sheets lie in the stack
    side: Side
    image: Image.Image

    def png(self) -> bytes:
        out = io.BytesIO()
        self.image.save(out, format="PNG")
        return out.getvalue()


class ScanCancelled(Exception):
    """The official cancelled the run; the pages read so far are dropped."""


Progress = Callable[[int, ScannedPage], None]  # pages read so far, the last one


def _set(dev: Any, option: str, value: Any) -> None:
    try:
        setattr(dev, option, value)
    except (AttributeError, ValueError, TypeError) as exc:
        raise error(
            QT_TRANSLATE_NOOP(
                "Scanning", "The scanner does not accept {option} = {value} ({reason})."
            ),
            option=option,
            value=value,
            reason=str(exc),
        ) from None


def _configure(dev: Any, request: ScanRequest, source_name: str) -> None:
    if source_name:
        _set(dev, "source", source_name)
    mode = mode_names(dev).get(request.mode)
    if mode is not None:
        _set(dev, "mode", mode)
    if "resolution" in dev.opt:
        _set(dev, "resolution", request.resolution)


def _feeder_empty(exc: Exception) -> bool:
    text = str(exc).lower()
    return "out of documents" in text or "no docs" in text


def _read_pass(
    dev: Any,
    sane: Any,
    *,
    feeder: bool,
    limit: int | None,
    cancelled: Callable[[], bool],
    got: Callable[[Image.Image], None],
) -> int:
    """Read frames until the feeder is empty (or one frame from the flatbed)."""
    count = 0
    while limit is None or count < limit:
        if cancelled():
            dev.cancel()
            raise ScanCancelled()
        try:
            dev.start()
        except sane._sane.error as exc:
            if feeder and _feeder_empty(exc):
                break
            raise error(
                QT_TRANSLATE_NOOP(
                    "Scanning", "The scanner stopped: {reason}. Check the paper and scan again."
                ),
                reason=str(exc),
            ) from None
        try:
            # no_cancel keeps the feeder's next sheet ready (SANE's batch mode).
            image = dev.snap(no_cancel=feeder)
        except (sane._sane.error, RuntimeError) as exc:
            dev.cancel()
            raise error(
                QT_TRANSLATE_NOOP(
                    "Scanning", "The scanner stopped: {reason}. Check the paper and scan again."
                ),
                reason=str(exc),
            ) from None
        got(image.copy())
        count += 1
        if not feeder:
            break
    if feeder:
        dev.cancel()
    return count


def scan(
    request: ScanRequest,
    *,
    on_page: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    turn_over: Callable[[int], bool] | None = None,
) -> list[ScannedPage]:
    """The pages of one run, in reading order (front, back, front, back … when duplex).

    ``cancelled`` is asked before each page: True stops the run and raises
    ScanCancelled. A duplex run on a feeder that reads one side asks
    ``turn_over(sheets)`` between its two passes (the official turns the stack
    over and puts it back); False cancels.
    """
    pages: list[ScannedPage] = []

    def add(page: ScannedPage) -> None:
        pages.append(page)
        if on_page is not None:
            on_page(len(pages), page)

    with LOCK:
        sane = sane_module()
        with opened(request.device) as dev:
            names = source_names(dev)
            feeder = request.source is not Source.FLATBED
            duplex = request.source is Source.ADF_DUPLEX
            if duplex and names.get(Source.ADF_DUPLEX):
                _configure(dev, request, names[Source.ADF_DUPLEX])

                def both(image: Image.Image) -> None:
                    n = len(pages)
                    add(ScannedPage(n // 2 + 1, Side.BACK if n % 2 else Side.FRONT, image))

                limit = None if request.max_sheets is None else 2 * request.max_sheets
                _read_pass(dev, sane, feeder=True, limit=limit, cancelled=cancelled, got=both)
            else:
                wanted = Source.ADF if duplex else request.source
                if wanted not in names:
                    raise error(
                        QT_TRANSLATE_NOOP(
                            "Scanning",
                            "This scanner has no {source}; choose another source.",
                        ),
                        source=source_label(wanted),
                    )
                _configure(dev, request, names[wanted])

                def front(image: Image.Image) -> None:
                    add(ScannedPage(len(pages) + 1, Side.FRONT, image))

                sheets = _read_pass(
                    dev,
                    sane,
                    feeder=feeder,
                    limit=request.max_sheets,
                    cancelled=cancelled,
                    got=front,
                )
                if duplex and sheets:
                    fronts = list(pages)
                    merged = _second_pass(dev, sane, fronts, cancelled, turn_over, add)
                    pages[:] = merged
    if not pages:
        raise error(
            QT_TRANSLATE_NOOP(
                "Scanning", "The feeder is empty: put the papers in the feeder and scan again."
            )
        )
    return pages


def _second_pass(
    dev: Any,
    sane: Any,
    fronts: list[ScannedPage],
    cancelled: Callable[[], bool],
    turn_over: Callable[[int], bool] | None,
    add: Callable[[ScannedPage], None],
) -> list[ScannedPage]:
    """The backs of a stack turned over: the last sheet's back comes first."""
    sheets = len(fronts)
    if turn_over is None or not turn_over(sheets):
        raise ScanCancelled()
    backs: list[Image.Image] = []

    def back(image: Image.Image) -> None:
        sheet = sheets - len(backs)
        backs.append(image)
        add(ScannedPage(sheet, Side.BACK, image))

    _read_pass(dev, sane, feeder=True, limit=sheets, cancelled=cancelled, got=back)
    if len(backs) != sheets:
        raise error(
            QT_TRANSLATE_NOOP(
                "Scanning",
                "The feeder gave {backs} backs for {fronts} fronts; put the whole stack back, "
                "turned over, and scan again.",
            ),
            backs=len(backs),
            fronts=sheets,
        )
    merged: list[ScannedPage] = []
    for n, page in enumerate(fronts):
        merged += [page, ScannedPage(n + 1, Side.BACK, backs[sheets - 1 - n])]
    return merged


def page_images(pages: Sequence[ScannedPage]) -> list[bytes]:
    """Each page as PNG, ready for files.pdf_pages.images_to_pdf."""
    return [p.png() for p in pages]
