"""Flowables the forms are built from: rules under header lines, the slip's
cut line, and tables that never fall back to ReportLab's base-14 font."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle


class CenteredRule(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """A short horizontal line centred in the available width (header underlines)."""

    def __init__(self, length: float, thickness: float = 0.6, space: float = 1.5) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space = space
        self.avail = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.space * 2 + self.thickness

    def draw(self) -> None:
        x = (self.avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.space, x + self.length, self.space)


class CutLine(Flowable):  # type: ignore[misc]
    """Dashed cut line between the two copies of a thermal slip."""

    def __init__(self, height: float = 6 * mm) -> None:
        super().__init__()
        self.height = height
        self.avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        self.canv.setDash(3, 2)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, self.height / 2, self.avail, self.height / 2)


def blank() -> Flowable:
    """An empty table cell.

    A string cell, even "", makes ReportLab select the table's font (Helvetica
    by default), which would put a base-14 font into the PDF.
    """
    return Spacer(0, 0)


def plain_table(
    font: str,
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    grid: bool = False,
    head_rows: int = 0,
    extra: Sequence[tuple[Any, ...]] = (),
    padding: float = 2,
    heights: Sequence[float | None] | None = None,
) -> Table:
    """A table laid out for forms; ``font`` is the registered regular face.

    Every cell selects the table font when drawn, flowable cells included, so
    the default (Helvetica) must be replaced even though no cell holds text.
    """
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding * 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding * 0.75),
    ]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    if head_rows:
        commands.append(("VALIGN", (0, 0), (-1, head_rows - 1), "MIDDLE"))
    commands.extend(extra)
    return Table(
        [list(r) for r in rows],
        colWidths=list(widths),
        rowHeights=list(heights) if heights is not None else None,
        style=TableStyle(commands),
        repeatRows=head_rows,
        hAlign="CENTER",
    )
