"""Bounds every stored value keeps: text without control characters and of a
sane length, counts within what a desk ever hands in.

A control character (NUL, ESC, a right-to-left override…) is invisible or
garbles a printed form, so it is named by its position, never echoed back.
"""

from __future__ import annotations

import unicodedata

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, ValidationFailed

_CTX = "Validation"
# Tabs and line breaks are whitespace a form collapses to one space (text.nfc),
# not hidden characters.
_ALLOWED_WHITESPACE = frozenset("\t\n\r")
# Hidden characters: C0/C1 controls, format characters (bidi overrides,
# zero-width marks), lone surrogates.
_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})

MAX_SHORT_TEXT = 255
MAX_LONG_TEXT = 2000
# Sets, pages and copies of one dossier: a desk sees a few, a thick land file
# a few hundred pages; beyond these bounds it is a typing slip. The reception
# form's spin boxes use the same bounds.
MAX_SETS = 99
MAX_PAGES = 9_999
MAX_COPIES = 999
# A time limit: the longest in the national catalogue is well under a year.
MAX_WORKING_DAYS = 365
MAX_WORKING_HOURS = 8 * MAX_WORKING_DAYS
# A fee in đồng: no administrative fee comes near a billion.
MAX_FEE = 1_000_000_000


def control_position(value: str) -> int | None:
    """1-based position of the first control character in ``value``, or None."""
    for i, ch in enumerate(value, start=1):
        if ch not in _ALLOWED_WHITESPACE and unicodedata.category(ch) in _CONTROL_CATEGORIES:
            return i
    return None


def control_errors(field: str, value: str) -> list[tuple[str, Message]]:
    """The first control character of one text field, by position, as (field, message)."""
    position = control_position(value)
    if position is None:
        return []
    source = QT_TRANSLATE_NOOP(
        "Validation",
        "The text contains a control character at position {position}; delete it.",
    )
    return [(field, Message(_CTX, source, {"position": position}))]


def text_errors(
    field: str, value: str, *, max_length: int = MAX_SHORT_TEXT
) -> list[tuple[str, Message]]:
    """Problems of one text field as (field, message): a control character, then length."""
    hidden = control_errors(field, value)
    if hidden:
        return hidden
    if len(value) > max_length:
        source = QT_TRANSLATE_NOOP(
            "Validation", "The text must be at most {max} characters; {count} were entered."
        )
        return [(field, Message(_CTX, source, {"max": max_length, "count": len(value)}))]
    return []


def check_text(value: str, field: str, *, max_length: int = MAX_SHORT_TEXT) -> None:
    """Raise ValidationFailed when ``value`` has a control character or is too long."""
    errors = text_errors(field, value, max_length=max_length)
    if errors:
        raise ValidationFailed(errors)


def count_errors(field: str, value: object, *, low: int, high: int) -> list[tuple[str, Message]]:
    """``value`` must be a whole number within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        source = QT_TRANSLATE_NOOP(
            "Validation", "Enter a whole number from {low} to {high}; {value} was entered."
        )
        return [(field, Message(_CTX, source, {"low": low, "high": high, "value": value}))]
    return []


def check_count(value: object, field: str, *, low: int, high: int) -> None:
    errors = count_errors(field, value, low=low, high=high)
    if errors:
        raise ValidationFailed(errors)
