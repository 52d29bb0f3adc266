"""Finding and registering a serif font family that prints Vietnamese.

Times New Roman is the administrative standard; Liberation Serif has the same
metrics and DejaVu Serif is the last resort. Built-in PDF fonts are never used:
they cannot show Vietnamese letters.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from counter_app.paper import errors

log = logging.getLogger(__name__)

STYLES = ("regular", "bold", "italic", "bold_italic")
VIETNAMESE_SAMPLE = "ẠẶẸỆỢỰđĐươỹ"

DEFAULT_FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "C:/Windows/Fonts",
    "/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
)


@dataclass(frozen=True)
class _Candidate:
    family: str
    key: str  # prefix of the names registered with ReportLab
    files: dict[str, tuple[str, ...]]  # style -> accepted file names (lower case)


_CANDIDATES: tuple[_Candidate, ...] = (
    _Candidate(
        "Times New Roman",
        "TimesNewRoman",
        {
            "regular": ("times.ttf", "times new roman.ttf", "times_new_roman.ttf"),
            "bold": ("timesbd.ttf", "times new roman bold.ttf", "times_new_roman_bold.ttf"),
            "italic": ("timesi.ttf", "times new roman italic.ttf", "times_new_roman_italic.ttf"),
            "bold_italic": (
                "timesbi.ttf",
                "times new roman bold italic.ttf",
                "times_new_roman_bold_italic.ttf",
            ),
        },
    ),
    _Candidate(
        "Liberation Serif",
        "LiberationSerif",
        {
            "regular": ("liberationserif-regular.ttf",),
            "bold": ("liberationserif-bold.ttf",),
            "italic": ("liberationserif-italic.ttf",),
            "bold_italic": ("liberationserif-bolditalic.ttf",),
        },
    ),
    _Candidate(
        "DejaVu Serif",
        "DejaVuSerif",
        {
            "regular": ("dejavuserif.ttf",),
            "bold": ("dejavuserif-bold.ttf",),
            "italic": ("dejavuserif-italic.ttf",),
            "bold_italic": ("dejavuserif-bolditalic.ttf",),
        },
    ),
)


@dataclass(frozen=True)
class FontFamily:
    """Names under which the four styles are registered with ReportLab."""

    family: str  # human name, e.g. "Liberation Serif"
    regular: str
    bold: str
    italic: str
    bold_italic: str
    files: tuple[str, ...]


def _fontconfig_files() -> list[Path]:
    """Font files fontconfig knows about (covers custom font directories)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run(
            [fc_list, "--format", "%{file}\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [Path(line) for line in out.splitlines() if line.lower().endswith(".ttf")]


def _index(dirs: Iterable[str], extra_files: Iterable[Path]) -> dict[str, list[Path]]:
    """Map lower-case file name -> every path found with that name."""
    found: dict[str, list[Path]] = {}
    for raw_dir in dirs:
        base = Path(raw_dir).expanduser()
        if not base.is_dir():
            continue
        for root, subdirs, names in os.walk(base):
            subdirs.sort()
            for name in sorted(names):
                found.setdefault(name.lower(), []).append(Path(root) / name)
    for path in extra_files:
        paths = found.setdefault(path.name.lower(), [])
        if path not in paths:
            paths.append(path)
    return found


def _covers_vietnamese(font: TTFont) -> bool:
    # Liberation 1.x, for one, ships the same file names without these glyphs.
    cmap = font.face.charToGlyph
    return all(ord(ch) in cmap for ch in VIETNAMESE_SAMPLE)


def _load_style(index: dict[str, list[Path]], names: tuple[str, ...], reg: str) -> TTFont | None:
    for name in names:
        for path in index.get(name, ()):
            try:
                font = TTFont(reg, str(path))
            except Exception:  # noqa: BLE001 - a broken font file is skipped, not fatal
                log.warning("Cannot read font file %s", path, exc_info=True)
                continue
            if _covers_vietnamese(font):
                return font
    return None


def _pick(index: dict[str, list[Path]]) -> tuple[_Candidate, dict[str, TTFont]] | None:
    for candidate in _CANDIDATES:
        fonts: dict[str, TTFont] = {}
        for style in STYLES:
            font = _load_style(index, candidate.files[style], f"CA-{candidate.key}-{style}")
            if font is None:
                break
            fonts[style] = font
        else:
            return candidate, fonts
    return None


@lru_cache(maxsize=4)
def _register(search_dirs: tuple[str, ...] | None) -> FontFamily:
    if search_dirs is None:
        index = _index(DEFAULT_FONT_DIRS, _fontconfig_files())
    else:
        index = _index(search_dirs, ())
    picked = _pick(index)
    if picked is None:
        raise errors.printing_error(errors.NO_FONT)
    candidate, fonts = picked
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    names = {style: fonts[style].fontName for style in STYLES}
    base = names["regular"]
    # Paragraph <b>/<i> markup resolves through this mapping.
    addMapping(base, 0, 0, names["regular"])
    addMapping(base, 1, 0, names["bold"])
    addMapping(base, 0, 1, names["italic"])
    addMapping(base, 1, 1, names["bold_italic"])
    files = tuple(fonts[s].face.filename for s in STYLES)
    log.info("Printing with %s (%s)", candidate.family, files[0])
    return FontFamily(
        family=candidate.family,
        regular=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        bold_italic=names["bold_italic"],
        files=files,
    )


def register_fonts(search_dirs: Sequence[str | os.PathLike[str]] | None = None) -> FontFamily:
    """Find the best serif family and register it with ReportLab (once).

    ``search_dirs`` replaces the default font directories (and fontconfig);
    raises UserError naming what to install when no family is complete.
    """
    dirs = None if search_dirs is None else tuple(str(d) for d in search_dirs)
    return _register(dirs)


def unprintable(text: str, family: FontFamily | None = None) -> list[int]:
    """1-based positions in ``text`` of the characters some style of the form
    font has no glyph for (they would print as empty boxes, or not at all)."""
    family = family or register_fonts()
    fonts = [
        pdfmetrics.getFont(name)
        for name in (family.regular, family.bold, family.italic, family.bold_italic)
    ]
    return [
        i
        for i, ch in enumerate(text, 1)
        if not ch.isspace() and any(ord(ch) not in f.face.charToGlyph for f in fonts)
    ]
