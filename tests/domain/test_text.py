"""Stored text is NFC; search folding ignores case, accents and đ the way people type."""

from __future__ import annotations

import unicodedata

import pytest

from counter_app.domain.text import digits_only, fold, nfc

NAME_NFC = "Nguyễn Văn Đức"
NAME_NFD = unicodedata.normalize("NFD", NAME_NFC)


def test_nfd_input_is_stored_as_nfc() -> None:
    # GIVEN a name typed on a keyboard that sends combining marks
    assert NAME_NFD != NAME_NFC
    # WHEN it is normalised for storage THEN it equals the precomposed form
    assert nfc(NAME_NFD) == NAME_NFC
    assert unicodedata.is_normalized("NFC", nfc(NAME_NFD))


def test_nfc_trims_and_collapses_whitespace() -> None:
    assert nfc("  Trần \t Thị\u00a0\u00a0Hoa \n") == "Trần Thị Hoa"
    assert nfc("") == ""
    assert nfc("   ") == ""


@pytest.mark.parametrize(
    "typed",
    [
        "Nguyễn Văn Đức",
        NAME_NFD,
        "NGUYEN VAN DUC",
        "nguyen van duc",
        "NGUYỄN VĂN ĐỨC",
        "  Nguyen   Van  Duc ",
        unicodedata.normalize("NFD", "NGUYỄN VĂN ĐỨC"),
    ],
)
def test_fold_matches_unaccented_typing(typed: str) -> None:
    assert fold(typed) == "nguyen van duc"


def test_fold_maps_stroked_d_which_is_not_a_combining_mark() -> None:
    # "đ" does not decompose, so a generic accent stripper would keep it.
    assert unicodedata.normalize("NFD", "đ") == "đ"
    assert fold("Đường Đồng Đa") == "duong dong da"
    assert fold("đ") == fold("Đ") == "d"
    # Legacy input methods send the look-alike eth.
    assert fold("Ðỗ") == "do"


def test_fold_all_vietnamese_vowels() -> None:
    assert fold("àáảãạăằắẳẵặâầấẩẫậ") == "a" * 17
    assert fold("èéẻẽẹêềếểễệ") == "e" * 11
    assert fold("ìíỉĩị") == "i" * 5
    assert fold("òóỏõọôồốổỗộơờớởỡợ") == "o" * 17
    assert fold("ùúủũụưừứửữự") == "u" * 11
    assert fold("ỳýỷỹỵ") == "y" * 5


def test_fold_distinguishes_different_words() -> None:
    assert fold("Hà Nội") != fold("Hà Nam")
    assert fold("Hà Nội") == "ha noi"


def test_digits_only() -> None:
    assert digits_only("0912.345-678") == "0912345678"
    assert digits_only("001 099 012 345") == "001099012345"
    assert digits_only("０９１２") == "0912"
    assert digits_only("abc") == ""
