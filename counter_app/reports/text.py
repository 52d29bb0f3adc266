"""Figures as Vietnamese text: "1.234", "87,5 %", "2,23", "205.000 đ"."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from counter_app.domain.fees import format_vnd
from counter_app.reports.glossary import Kind
from counter_app.reports.tables import DATE, TEXT


def _decimal(v: float, places: int) -> str:
    return f"{v:,.{places}f}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def cell_text(v: Any, kind: str) -> str:
    """A table cell as printed on the PDF and on the screen."""
    if v is None:
        return "–"
    if kind == TEXT:
        return str(v)
    if kind == DATE:
        d = v.date() if isinstance(v, datetime) else v
        assert isinstance(d, date)
        return f"{d:%m/%Y}"
    if kind == Kind.PERCENT.value:
        return _decimal(float(v) * 100, 1) + " %"
    if kind == Kind.DAYS.value:
        return _decimal(float(v), 2)
    if kind == Kind.MONEY.value:
        return format_vnd(int(v))
    return f"{int(v):,}".replace(",", ".")
