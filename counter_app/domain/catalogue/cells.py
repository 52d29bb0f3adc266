"""The words and numbers a catalogue cell may hold, whatever the file it came from.

Enumeration values are matched accent- and case-free, in English or
Vietnamese ("commune", "xã", "cấp xã"); amounts may carry thousands
separators and a currency word ("200.000 đ").
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TypeVar

from counter_app.domain.procedure import (
    Delivery,
    DocumentForm,
    FeeKind,
    Level,
    OnlineLevel,
    TimeUnit,
)
from counter_app.domain.text import fold, nfc

_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:[., ]\d{3})+$")
_CURRENCY_SUFFIX_RE = re.compile(r"\s*(?:đồng|đ|vnd|vnđ)$", re.IGNORECASE)


def match_key(text: str) -> str:
    """Accent- and case-free form used to match enumeration values typed by hand."""
    return fold(text).replace("-", "_")


_E = TypeVar("_E")


def _aliases(table: Mapping[str, _E]) -> dict[str, _E]:
    return {match_key(key): value for key, value in table.items()}


LEVEL_ALIASES: dict[str, Level] = _aliases(
    {
        "commune": Level.COMMUNE,
        "xã": Level.COMMUNE,
        "cấp xã": Level.COMMUNE,
        "phường": Level.COMMUNE,
        "province": Level.PROVINCE,
        "tỉnh": Level.PROVINCE,
        "cấp tỉnh": Level.PROVINCE,
        "district": Level.DISTRICT,
        "huyện": Level.DISTRICT,
        "cấp huyện": Level.DISTRICT,
    }
)
UNIT_ALIASES: dict[str, TimeUnit] = _aliases(
    {
        "working_days": TimeUnit.WORKING_DAYS,
        "ngày làm việc": TimeUnit.WORKING_DAYS,
        "working_hours": TimeUnit.WORKING_HOURS,
        "giờ làm việc": TimeUnit.WORKING_HOURS,
        "same_day": TimeUnit.SAME_DAY,
        "trong ngày": TimeUnit.SAME_DAY,
    }
)
FEE_KIND_ALIASES: dict[str, FeeKind] = _aliases(
    {
        "free": FeeKind.FREE,
        "miễn phí": FeeKind.FREE,
        "flat": FeeKind.FLAT,
        "per_copy": FeeKind.PER_COPY,
        "per_document": FeeKind.PER_DOCUMENT,
        "mỗi văn bản": FeeKind.PER_DOCUMENT,
        "per_signature": FeeKind.PER_SIGNATURE,
        "mỗi chữ ký": FeeKind.PER_SIGNATURE,
        "per_page_tiered": FeeKind.PER_PAGE_TIERED,
        "set_by_province": FeeKind.SET_BY_PROVINCE,
        "do tỉnh quy định": FeeKind.SET_BY_PROVINCE,
    }
)
FORM_ALIASES: dict[str, DocumentForm] = _aliases(
    {
        "original": DocumentForm.ORIGINAL,
        "bản chính": DocumentForm.ORIGINAL,
        "certified_copy": DocumentForm.CERTIFIED_COPY,
        "bản sao": DocumentForm.CERTIFIED_COPY,
        "photocopy": DocumentForm.PHOTOCOPY,
        "bản chụp": DocumentForm.PHOTOCOPY,
    }
)
ONLINE_ALIASES: dict[str, OnlineLevel] = _aliases(
    {
        "none": OnlineLevel.NONE,
        "không": OnlineLevel.NONE,
        "partial": OnlineLevel.PARTIAL,
        "một phần": OnlineLevel.PARTIAL,
        "full": OnlineLevel.FULL,
        "toàn trình": OnlineLevel.FULL,
    }
)
DELIVERY_ALIASES: dict[str, Delivery] = _aliases(
    {
        "counter": Delivery.COUNTER,
        "tại quầy": Delivery.COUNTER,
        "post": Delivery.POST,
        "bưu chính": Delivery.POST,
        "online": Delivery.ONLINE,
        "trực tuyến": Delivery.ONLINE,
    }
)
TRUE_WORDS = {match_key(v) for v in ("1", "x", "có", "yes", "true")}
FALSE_WORDS = {match_key(v) for v in ("", "0", "không", "no", "false")}


def display(value: object) -> str:
    """Text of a raw cell/JSON value as it should appear inside a message."""
    if isinstance(value, str):
        return nfc(value)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_whole_number(value: object) -> int | None:
    """A non-negative whole number from a cell: 200000, "200.000", "200,000 đ", 3.0."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if not isinstance(value, str):
        return None
    text = _CURRENCY_SUFFIX_RE.sub("", nfc(value))
    if text.isdigit():
        return int(text)
    if _THOUSANDS_RE.match(text):
        return int(re.sub(r"[., ]", "", text))
    return None


def split_items(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]
