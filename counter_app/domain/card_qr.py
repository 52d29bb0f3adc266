"""The QR code printed on the chip citizen identity card (CCCD gắn chip).

A 2D scanner at the reception form types its payload: seven fields separated
by "|": the 12-digit number, the old 9-digit number (may be empty), full name,
date of birth (ddmmyyyy), sex ("Nam"/"Nữ"), permanent address, date of issue
(ddmmyyyy). The code is not signed, so what it gives only fills the form for
the official to check against the card itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counter_app.domain.cccd import Sex
from counter_app.domain.text import fold, nfc

SEPARATOR = "|"
_FIELDS = 7
_NUMBER = re.compile(r"^\d{12}$")
_OLD_NUMBER = re.compile(r"^(\d{9})?$")
# The whole payload starts with the 12-digit number and its separator: the
# scanner tells a card from a receipt code by this alone.
PREFIX = re.compile(r"^\d{12}\|")
_SEXES = {"nam": Sex.MALE, "nu": Sex.FEMALE}


@dataclass(frozen=True)
class CardQr:
    id_number: str
    old_id_number: str
    full_name: str
    birth_date: date
    sex: Sex | None
    address: str
    issued_on: date


def _day(text: str) -> date | None:
    if not re.fullmatch(r"\d{8}", text):
        return None
    try:
        return date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError:
        return None


def parse_card_qr(text: str) -> CardQr | None:
    """The card's data, or None when ``text`` is not a card's QR payload."""
    parts = [nfc(part) for part in text.strip().split(SEPARATOR)]
    if len(parts) != _FIELDS:
        return None
    number, old, name, born, sex, address, issued = parts
    birth_date, issued_on = _day(born), _day(issued)
    if (
        not _NUMBER.match(number)
        or not _OLD_NUMBER.match(old)
        or not name
        or birth_date is None
        or issued_on is None
    ):
        return None
    return CardQr(number, old, name, birth_date, _SEXES.get(fold(sex)), address, issued_on)
