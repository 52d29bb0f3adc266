"""Search as officials type: no accents, any case, NFC or NFD, đ included."""

from __future__ import annotations

import unicodedata

import pytest

from counter_app.app_setup import Runtime
from counter_app.domain.validation import ApplicantInput
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.services.search import search
from tests.conftest import login

PEOPLE = [
    ("Nguyễn Văn Đức", "020088004567", "0368123456"),
    ("Trần Thị Ngọc Ánh", "020190001234", "0987654321"),
    ("Đoàn Đình Dũng", "001095012345", "0912000111"),
    ("Nguyễn Thị Dung", "020192000999", "0912345678"),
    ("Vũ Thanh Quỳnh", "020301000555", "0977000222"),
]


@pytest.fixture
def filled(counter: Runtime) -> dict[str, str]:
    codes = {}
    for name, cccd, phone in PEOPLE:
        # Half the names arrive decomposed, as some input methods send them.
        typed = unicodedata.normalize("NFD", name) if "Đ" in name else name
        info = receive(
            counter.ctx,
            login(counter.ctx, "tiepnhan"),
            ReceiveRequest(
                "2.000815", ApplicantInput(full_name=typed, id_number=cccd, phone=phone)
            ),
        )
        codes[name] = info.code
    return codes


def _names(rt: Runtime, query: str) -> set[str]:
    return {r.applicant_name for r in search(rt.ctx, query)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("duc", {"Nguyễn Văn Đức"}),
        ("DUC", {"Nguyễn Văn Đức"}),
        ("đức", {"Nguyễn Văn Đức"}),
        (unicodedata.normalize("NFD", "Đức"), {"Nguyễn Văn Đức"}),
        ("nguyen van", {"Nguyễn Văn Đức"}),
        ("ngoc anh", {"Trần Thị Ngọc Ánh"}),
        ("dung", {"Đoàn Đình Dũng", "Nguyễn Thị Dung"}),
        ("doan dinh", {"Đoàn Đình Dũng"}),
        ("nguyen", {"Nguyễn Văn Đức", "Nguyễn Thị Dung"}),
        ("thi dung", {"Nguyễn Thị Dung"}),
        ("tran anh", {"Trần Thị Ngọc Ánh"}),  # words in any position
        ("020190001234", {"Trần Thị Ngọc Ánh"}),
        ("095012345", {"Đoàn Đình Dũng"}),  # part of a CCCD
        ("0912345678", {"Nguyễn Thị Dung"}),
        ("khong co ai", set()),
        # Typed mid-word, or only the inside of a name.
        ("nguyen van du", {"Nguyễn Văn Đức"}),
        ("nguyen van d", {"Nguyễn Văn Đức"}),
        ("uyen van", {"Nguyễn Văn Đức"}),
        ("oc an", {"Trần Thị Ngọc Ánh"}),
        # A two-letter word is read together with the next one…
        ("vu thanh", {"Vũ Thanh Quỳnh"}),
        ("Vũ Thanh Quỳnh", {"Vũ Thanh Quỳnh"}),
        # …and still found when typed apart from it.
        ("vu quynh", {"Vũ Thanh Quỳnh"}),
        ("vu", {"Vũ Thanh Quỳnh"}),
    ],
)
def test_search_folds_accents_and_case(
    counter: Runtime, filled: dict[str, str], query: str, expected: set[str]
) -> None:
    assert _names(counter, query) == expected


def test_search_by_code_and_stored_name_is_nfc(counter: Runtime, filled: dict[str, str]) -> None:
    code = filled["Đoàn Đình Dũng"]
    rows = search(counter.ctx, code.lower())
    assert [r.code for r in rows] == [code]
    assert rows[0].applicant_name == unicodedata.normalize("NFC", "Đoàn Đình Dũng")
    # The sequence part alone finds it through the index too.
    assert code in {r.code for r in search(counter.ctx, code[-11:])}


def test_short_words_narrow_long_ones(counter: Runtime, filled: dict[str, str]) -> None:
    assert _names(counter, "thi an") == {"Trần Thị Ngọc Ánh"}
    assert _names(counter, "  ") == set()
