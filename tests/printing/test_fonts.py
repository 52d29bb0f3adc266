"""Font discovery: Vietnamese-capable serif or a clear error naming what to install."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from counter_app.domain.messages import UserError
from counter_app.paper.fonts import register_fonts

LIBERATION2 = Path("/usr/share/fonts/truetype/liberation2")
LIBERATION1 = Path("/usr/share/fonts/truetype/liberation")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def test_no_font_names_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        register_fonts([tmp_path])
    message = str(caught.value)
    assert "Times New Roman" in message
    assert "fonts-liberation2" in message and "fonts-dejavu-core" in message


def _copy(source: Path, target: Path, names: list[str]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(source / name, target / name)


def test_liberation_serif_is_preferred_over_dejavu(tmp_path: Path) -> None:
    _copy(
        DEJAVU,
        tmp_path / "a",
        [
            "DejaVuSerif.ttf",
            "DejaVuSerif-Bold.ttf",
            "DejaVuSerif-Italic.ttf",
            "DejaVuSerif-BoldItalic.ttf",
        ],
    )
    _copy(
        LIBERATION2,
        tmp_path / "b",
        [
            "LiberationSerif-Regular.ttf",
            "LiberationSerif-Bold.ttf",
            "LiberationSerif-Italic.ttf",
            "LiberationSerif-BoldItalic.ttf",
        ],
    )
    family = register_fonts([tmp_path])
    assert family.family == "Liberation Serif"


def test_font_without_vietnamese_glyphs_is_skipped(tmp_path: Path) -> None:
    # Liberation 1.x has the same file names but no Vietnamese letters.
    _copy(
        LIBERATION1,
        tmp_path / "old",
        [
            "LiberationSerif-Regular.ttf",
            "LiberationSerif-Bold.ttf",
            "LiberationSerif-Italic.ttf",
            "LiberationSerif-BoldItalic.ttf",
        ],
    )
    with pytest.raises(UserError):
        register_fonts([tmp_path])
    _copy(
        DEJAVU,
        tmp_path / "dejavu",
        [
            "DejaVuSerif.ttf",
            "DejaVuSerif-Bold.ttf",
            "DejaVuSerif-Italic.ttf",
            "DejaVuSerif-BoldItalic.ttf",
        ],
    )
    assert register_fonts([tmp_path / "old", tmp_path / "dejavu"]).family == "DejaVu Serif"


def test_default_search_finds_a_family_on_this_machine() -> None:
    family = register_fonts()
    assert family.family in {"Times New Roman", "Liberation Serif", "DejaVu Serif"}
    assert len(set(family.files)) == 4
