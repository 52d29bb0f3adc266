"""The hand count (cases.py) as every output prints it: figure name → value."""

from __future__ import annotations

from typing import Any

from counter_app.reports.glossary import FIGURES, Kind
from tests.reports import cases


def all_figures(expected: dict[str, int] = cases.EXPECTED) -> dict[str, Any]:
    """Every figure of the glossary, counted by hand, as the outputs round it."""
    out: dict[str, Any] = {}
    for d in FIGURES:
        if d.name in expected:
            out[d.name] = expected[d.name]
        elif d.name == "in_time_rate":
            out[d.name] = (expected["early"] + expected["on_time"]) / expected["resolved"]
        elif d.name == "satisfaction_rate":
            out[d.name] = (expected["very_satisfied"] + expected["satisfied"]) / expected["rated"]
        elif d.name == "average_working_days":
            out[d.name] = round(expected["working_minutes"] / expected["resolved"] / 450, 2)
        elif d.name == "average_statutory_days":
            out[d.name] = round(expected["statutory_minutes"] / expected["resolved"] / 450, 2)
        else:
            raise AssertionError(f"no hand count for {d.name}")
        if d.kind is Kind.DAYS:
            out[d.name] = round(out[d.name], 2)
    return out
