"""What every applicant check shares: its messages in the "Validation"
translation context, the offending characters listed once each, and the
separators an official may type between a number's digits."""

from __future__ import annotations

import re

from counter_app.domain.messages import Message

_CONTEXT = "Validation"

ID_SEPARATORS = re.compile(r"[\s.\-]")
CODE_SEPARATORS = re.compile(r"[\s.]")


def check_message(source: str, **params: object) -> Message:
    return Message(_CONTEXT, source, dict(params))


def distinct_chars(chars: list[str]) -> str:
    """The offending characters, each once, in the order typed."""
    return " ".join(dict.fromkeys(chars))
