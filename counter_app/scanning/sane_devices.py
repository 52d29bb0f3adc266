"""Which scanners SANE sees and what each can do (Decree 118/2025 Art. 13(2)(b)).

python-sane talks to the system's SANE library (Debian ``libsane1``): which
backends it loads comes from ``SANE_CONFIG_DIR`` or /etc/sane.d. The tests
and the demo point ``SANE_CONFIG_DIR`` at resources/sane, where only SANE's
virtual ``test`` scanner is enabled (README, "Scanners").

SANE is not thread-safe: every call goes through ``LOCK``, so the window may
list devices on one worker while another scans (scanning/sane_source.py),
one after the other.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

_CTX = "Scanning"
LOCK = threading.RLock()
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


class ScannerError(UserError):
    """The scanner refused or failed; the message says what to do."""


def error(text: str, /, **params: object) -> ScannerError:
    return ScannerError(Message(_CTX, text, dict(params)))


def sane_module() -> Any:
    """python-sane, started once per process (under the lock)."""
    global _started
    try:
        import sane
    except ImportError:  # pragma: no cover - a desk without libsane1
        raise error(
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
    with LOCK:
        found = sane_module().get_devices()
    return [Device(*(str(part) for part in row[:4])) for row in found]


@contextmanager
def opened(name: str) -> Iterator[Any]:
    sane = sane_module()
    try:
        dev = sane.open(name)
    except (sane._sane.error, RuntimeError) as exc:
        raise error(
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


def source_names(dev: Any) -> dict[Source, str]:
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


def mode_names(dev: Any) -> dict[ColourMode, str]:
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
    with LOCK, opened(name) as dev:
        sources = source_names(dev)
        if Source.ADF in sources:
            sources.setdefault(Source.ADF_DUPLEX, "")
        return DeviceOptions(
            sources=tuple(s for s in Source if s in sources),
            modes=tuple(m for m in ColourMode if m in mode_names(dev)),
            resolutions=_resolutions(dev),
            duplex_on_device=bool(sources.get(Source.ADF_DUPLEX)),
        )


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
