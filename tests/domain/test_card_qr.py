"""The chip ID card's QR code (CCCD gắn chip): seven fields separated by "|"."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from counter_app.domain.card_qr import parse_card_qr
from counter_app.domain.cccd import Sex

CARD = "020090001234|123456789|Lương Thị Nữ|15031990|Nữ|Số 12, ngõ 3, phố Lê Lợi, phường Vĩnh Trại, Lạng Sơn|20042021"


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_card_gives_its_fields_in_nfc_whichever_form_the_scanner_typed(form: str) -> None:
    card = parse_card_qr(unicodedata.normalize(form, CARD))
    assert card is not None
    assert card.id_number == "020090001234"
    assert card.old_id_number == "123456789"
    assert card.full_name == unicodedata.normalize("NFC", "Lương Thị Nữ")
    assert card.birth_date == date(1990, 3, 15)
    assert card.sex is Sex.FEMALE
    # Commas belong to the address: only "|" separates the fields.
    assert card.address == unicodedata.normalize(
        "NFC", "Số 12, ngõ 3, phố Lê Lợi, phường Vĩnh Trại, Lạng Sơn"
    )
    assert card.issued_on == date(2021, 4, 20)


def test_a_card_without_an_old_number_and_a_man() -> None:
    card = parse_card_qr("001085012345||Hà Văn Nam|01011985|Nam|Thôn 2, xã Tân Lập|05052022\r\n")
    assert card is not None
    assert card.old_id_number == "" and card.sex is Sex.MALE


@pytest.mark.parametrize(
    "text",
    [
        "MHS:000.00.37.H37-261205-0001\nCQ:000.00.37.H37",  # a receipt's QR
        "02009000123|123456789|Lương Thị Nữ|15031990|Nữ|Lạng Sơn|20042021",  # 11 digits
        "020090001234|12345|Lương Thị Nữ|15031990|Nữ|Lạng Sơn|20042021",  # old number
        "020090001234|123456789|Lương Thị Nữ|31021990|Nữ|Lạng Sơn|20042021",  # 31 February
        "020090001234|123456789|Lương Thị Nữ|15031990|Nữ|Lạng Sơn",  # six fields
        "020090001234|123456789||15031990|Nữ|Lạng Sơn|20042021",  # no name
    ],
)
def test_what_is_not_a_card_is_not_read_as_one(text: str) -> None:
    assert parse_card_qr(text) is None
