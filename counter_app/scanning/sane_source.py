"""A scanner at the desk through SANE (Decree 118/2025 Art. 13(2)(b), 17(1)(c)).

python-sane talks to the system's SANE library (Debian ``libsane1``): which
backends it loads comes from ``SANE_CONFIG_DIR`` or /etc/sane.d. The tests
and the demo point ``SANE_CONFIG_DIR`` at resources/sane, where only SANE's
virtual ``test`` scanner is enabled (README, "Scanners").

SANE is not thread-safe: every call goes through one lock, so the window may
list devices on one worker while another scans, one after the other.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PIL import Image

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

_CTX = "Scanning"
_LOCK = threading.RLock()
_started = False
# Resolutions offered when the device takes a range: enough for a paper
# (150-300 dpi) and the small ones tests use.
_STANDARD_DPI = (75, 100, 150, 200, 300, 400, 600)


class Source(StrEnum):
    FLATBED = "flatbed"
    ADF = "adf"  # the feeder, one side of each sheet
    ADF_DUPLEX = "adf_duplex"  # the feeder, both sides of each sheet


class ColourMode(StrEnum):
    COLOUR = "colour"
    GREY = "grey"
    LINEART = "lineart"


class Side(StrEnum):
    FRONT = "front"
    BACK = "back"


@dataclass(frozen=True)
class Device:
    name: str  # SANE's device name, e.g. "test:0" or "epson2:net:10.0.0.5"
    vendor: str
    model: str
    kind: str

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.model} ({self.name})"


@dataclass(frozen=True)
class DeviceOptions:
    """What a device can do, in the desk's terms."""

    sources: tuple[Source, ...]
    modes: tuple[ColourMode, ...]
    resolutions: tuple[int, ...]
    # False: the feeder reads one side only; a duplex run is two passes, the
    # official turning the stack over in between.
    duplex_on_device: bool


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


class ScannerError(UserError):
    """The scanner refused or failed; the message says what to do."""


Progress = Callable[[int, ScannedPage], None]  # pages read so far, the last one


def _error(text: str, /, **params: object) -> ScannerError:
    return ScannerError(Message(_CTX, text, dict(params)))


def _sane() -> Any:
    """python-sane, started once per process (under the lock)."""
    global _started
    try:
        import sane
    except ImportError:  # pragma: no cover - a desk without libsane1
        raise _error(
            QT_TRANSLATE_NOOP(
                "Scanning",
                "Scanning is not installed on this computer (SANE); ask IT to install it.",
            )
        ) from None
    if not _started:
        sane.init()
        _started = True
    return sane


def devices() -> list[Device]:
    """The scanners SANE sees now (local and, if configured, on the network)."""
    with _LOCK:
        found = _sane().get_devices()
    return [Device(*(str(part) for part in row[:4])) for row in found]


@contextmanager
def _opened(name: str) -> Iterator[Any]:
    sane = _sane()
    try:
        dev = sane.open(name)
    except (sane._sane.error, RuntimeError) as exc:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Scanning",
                "The scanner {name} cannot be opened ({reason}); check that it is on and "
                "connected, then choose it again.",
            ),
            name=name,
            reason=str(exc),
        ) from None
    try:
        yield dev
    finally:
        dev.close()


def _choices(dev: Any, option: str) -> list[Any]:
    opt = dev.opt.get(option)
    if opt is None or not opt.is_active() or not isinstance(opt.constraint, list):
        return []
    return list(opt.constraint)


def _source_names(dev: Any) -> dict[Source, str]:
    """The device's own name for each source it has."""
    names: dict[Source, str] = {}
    for value in _choices(dev, "source"):
        low = str(value).lower()
        if "duplex" in low:
            names.setdefault(Source.ADF_DUPLEX, value)
        elif "back" in low:
            continue  # "ADF Back" alone: no use at a desk
        elif "adf" in low or "feeder" in low:
            names.setdefault(Source.ADF, value)
        elif "flatbed" in low or "platen" in low or "glass" in low:
            names.setdefault(Source.FLATBED, value)
    if not names:
        # A device without a source option is a flatbed.
        names[Source.FLATBED] = ""
    return names


_MODE_WORDS = {
    ColourMode.COLOUR: ("color", "colour"),
    ColourMode.GREY: ("gray", "grey"),
    ColourMode.LINEART: ("lineart", "binary", "black"),
}


def _mode_names(dev: Any) -> dict[ColourMode, str]:
    names: dict[ColourMode, str] = {}
    for value in _choices(dev, "mode"):
        low = str(value).lower()
        for mode, words in _MODE_WORDS.items():
            if any(w in low for w in words):
                names.setdefault(mode, value)
    return names


def _resolutions(dev: Any) -> tuple[int, ...]:
    opt = dev.opt.get("resolution")
    if opt is None:
        return ()
    constraint = opt.constraint
    if isinstance(constraint, tuple):
        low, high = constraint[0], constraint[1]
        return tuple(d for d in _STANDARD_DPI if low <= d <= high)
    if isinstance(constraint, list):
        return tuple(sorted(int(d) for d in constraint))
    return ()


def options(name: str) -> DeviceOptions:
    with _LOCK, _opened(name) as dev:
        sources = _source_names(dev)
        if Source.ADF in sources:
            sources.setdefault(Source.ADF_DUPLEX, "")
        return DeviceOptions(
            sources=tuple(s for s in Source if s in sources),
            modes=tuple(m for m in ColourMode if m in _mode_names(dev)),
            resolutions=_resolutions(dev),
            duplex_on_device=bool(sources.get(Source.ADF_DUPLEX)),
        )


def _set(dev: Any, option: str, value: Any) -> None:
    try:
        setattr(dev, option, value)
    except (AttributeError, ValueError, TypeError) as exc:
        raise _error(
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
    mode = _mode_names(dev).get(request.mode)
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
            raise _error(
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
            raise _error(
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

    with _LOCK:
        sane = _sane()
        with _opened(request.device) as dev:
            names = _source_names(dev)
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
                    raise _error(
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
        raise _error(
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
        raise _error(
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


def source_label(source: Source) -> Message:
    return {
        Source.FLATBED: Message(_CTX, QT_TRANSLATE_NOOP("Scanning", "flatbed")),
        Source.ADF: Message(_CTX, QT_TRANSLATE_NOOP("Scanning", "document feeder")),
        Source.ADF_DUPLEX: Message(
            _CTX, QT_TRANSLATE_NOOP("Scanning", "document feeder, both sides")
        ),
    }[source]


def mode_label(mode: ColourMode) -> Message:
    return {
        ColourMode.COLOUR: Message(_CTX, QT_TRANSLATE_NOOP("Scanning", "colour")),
        ColourMode.GREY: Message(_CTX, QT_TRANSLATE_NOOP("Scanning", "greyscale")),
        ColourMode.LINEART: Message(_CTX, QT_TRANSLATE_NOOP("Scanning", "black and white")),
    }[mode]


def page_images(pages: Sequence[ScannedPage]) -> list[bytes]:
    """Each page as PNG, ready for files.pdf_pages.images_to_pdf."""
    return [p.png() for p in pages]
