"""User-facing messages raised by the domain and services.

The domain cannot import Qt, yet every message an official sees must go
through Qt's translation system. Messages therefore carry the English source
text and its translation context; the presentation layer (ui, cli) translates
them with ``QCoreApplication.translate`` and fills in the parameters.
``QT_TRANSLATE_NOOP`` has the exact name lupdate looks for, so the strings
below are extracted into resources/translations/*.ts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - lupdate's name
    """Mark ``source`` for extraction in ``context``; translation happens later."""
    del context
    return source


@dataclass(frozen=True)
class Message:
    """A translatable message: context + English source + format parameters."""

    context: str
    source: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate | None = None) -> str:
        """Translate the source, then fill in the parameters.

        A parameter may itself be a Message (a state or role label), or a list
        of them (joined with " / "); those are translated the same way.
        """
        text = translate(self.context, self.source) if translate else self.source
        if not self.params:
            return text
        return text.format(**{k: _render_param(v, translate) for k, v in self.params.items()})


def _render_param(value: Any, translate: Translate | None) -> Any:
    if isinstance(value, Message):
        return value.render(translate)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Message) for v in value):
        return " / ".join(v.render(translate) for v in value)
    return value


class UserError(Exception):
    """An input or action refused with a message for the official.

    ``field`` names the input to fix (when there is one) so a form can focus it.
    """

    def __init__(self, message: Message, field: str | None = None) -> None:
        super().__init__(message.render())
        self.message = message
        self.field = field


class ValidationFailed(UserError):
    """One or more fields are invalid; ``errors`` lists each (field, message)."""

    def __init__(self, errors: list[tuple[str, Message]]) -> None:
        super().__init__(errors[0][1], errors[0][0])
        self.errors = errors
