"""Formatting of dates, amounts and template text for printed forms."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping
from datetime import date

# Re-exported: amounts on forms use the domain's one formatter ("7.000 đ").
from counter_app.domain.fees import format_vnd as format_vnd

_SPACE_RUN = re.compile(r" {2,}")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def esc(text: str) -> str:
    """User text ready for ReportLab paragraph markup: NFC, with &, <, > escaped.

    html.escape, not xml.sax.saxutils.escape (the same three): the latter
    brings in urllib.request, http and email, 50 ms of the app's start."""
    return html.escape(nfc(text), quote=False)


def long_date(day: date) -> str:
    """Dateline date: "ngày 05 tháng 02 năm 2026", "ngày 26 tháng 11 năm 2026".

    Per Decree 30/2020/NĐ-CP, days below 10 and months 1 and 2 get a leading zero.
    """
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def fill(template: str, values: Mapping[str, object]) -> str:
    """Fill ``{name}`` placeholders with escaped, NFC-normalised values.

    Templates may carry ReportLab paragraph markup (``<br/>``); values never
    do, so an ampersand in a name cannot break the paragraph parser.
    """
    safe = {key: esc(str(value)) for key, value in values.items()}
    # Runs of spaces in a template are layout ("Số điện thoại: …      Email: …");
    # the paragraph parser would collapse them.
    spaced = _SPACE_RUN.sub(lambda m: "\u00a0" * len(m.group()), nfc(template))
    return spaced.format_map(safe)
