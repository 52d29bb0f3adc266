"""Hidden characters are found by position; what people really type passes."""

from __future__ import annotations

import unicodedata

import pytest

from counter_app.domain.bounds import control_position, count_errors, text_errors


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Văn Đức",
        unicodedata.normalize("NFD", "Nguyễn Văn Đức"),  # combining marks from some IMEs
        "Thôn 1\txã Mai Pha\r\nLạng Sơn",  # whitespace that storage collapses
        "",
    ],
)
def test_typed_text_passes(text: str) -> None:
    assert control_position(text) is None
    assert text_errors("address", text) == []


@pytest.mark.parametrize(
    ("text", "position"),
    [("\x00abc", 1), ("Lê Văn\x1b[0m", 7), ("abc\u202edef", 4), ("a\u200bb", 2), ("ab\x85", 3)],
)
def test_control_characters_are_named_by_position(text: str, position: int) -> None:
    assert control_position(text) == position
    [(field, message)] = text_errors("note", text)
    assert field == "note" and message.params == {"position": position}
    assert text[position - 1] not in message.render()


def test_counts_are_whole_numbers_in_range() -> None:
    assert count_errors("pages", 3, low=1, high=10) == []
    for bad in (0, 11, True, 2.5, "3", 10**23):
        assert count_errors("pages", bad, low=1, high=10), bad
