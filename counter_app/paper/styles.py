"""Paragraph styles of the forms: one set per body size, all in the registered
serif family, so every form on a paper size reads the same."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from counter_app.paper.fonts import FontFamily, register_fonts


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of one paper size, all in the registered serif family."""

    fonts: FontFamily
    size: float
    body: ParagraphStyle
    body_justified: ParagraphStyle
    center: ParagraphStyle
    header: ParagraphStyle
    center_bold: ParagraphStyle
    center_italic: ParagraphStyle
    title: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    small_right_italic: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    mark: ParagraphStyle


def make_styles(size: float, fonts: FontFamily | None = None, *, compact: bool = False) -> Styles:
    """Styles for body text of ``size`` points; ``compact`` tightens the spacing."""
    fonts = fonts or register_fonts()
    lead = size * (1.17 if compact else 1.28)
    gap = size * (0.08 if compact else 0.25)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {
            "fontName": fonts.regular,
            "fontSize": size,
            "leading": lead,
            "spaceAfter": gap,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    small = size * (0.75 if compact else 0.8)
    return Styles(
        fonts=fonts,
        size=size,
        body=style("body", alignment=TA_LEFT),
        body_justified=style("body_justified", alignment=TA_JUSTIFY, firstLineIndent=size),
        center=style("center", alignment=TA_CENTER),
        header=style("header", alignment=TA_CENTER, spaceAfter=0),
        center_bold=style("center_bold", alignment=TA_CENTER, fontName=fonts.bold),
        center_italic=style("center_italic", alignment=TA_CENTER, fontName=fonts.italic),
        title=style(
            "title",
            alignment=TA_CENTER,
            fontName=fonts.bold,
            fontSize=size * 1.15,
            leading=size * 1.4,
            spaceBefore=size * (0.3 if compact else 0.6),
            spaceAfter=size * 0.15,
        ),
        small=style("small", fontSize=small, leading=small * 1.25, spaceAfter=0),
        small_center=style(
            "small_center", fontSize=small, leading=small * 1.25, alignment=TA_CENTER, spaceAfter=0
        ),
        small_right_italic=style(
            "small_right_italic",
            fontName=fonts.italic,
            fontSize=small * 0.9,
            leading=small * 1.1,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
        cell=style("cell", fontSize=size * 0.92, leading=size * 1.12, spaceAfter=0),
        cell_center=style(
            "cell_center",
            fontSize=size * 0.92,
            leading=size * 1.12,
            spaceAfter=0,
            alignment=TA_CENTER,
        ),
        cell_head=style(
            "cell_head",
            fontName=fonts.bold,
            fontSize=size * 0.92,
            leading=size * 1.12,
            spaceAfter=0,
            alignment=TA_CENTER,
        ),
        mark=style(
            "mark",
            fontName=fonts.bold,
            alignment=TA_CENTER,
            fontSize=size * 1.05,
            textColor=colors.black,
            borderColor=colors.black,
            borderWidth=0.8,
            borderPadding=(1, 4, 1, 4),
            spaceBefore=1,
            spaceAfter=3,
        ),
    )
