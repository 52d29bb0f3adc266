"""Text that will be printed on a citizen's papers must print as typed.

A name in a script the form font lacks (Chinese characters, an emoji) would
come out as empty boxes or be dropped, silently, on an official paper; the
reception refuses it instead and says which character to retype.
"""

from __future__ import annotations

import logging

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.paper.fonts import unprintable

log = logging.getLogger(__name__)


def printable_errors(fields: dict[str, str]) -> list[tuple[str, Message]]:
    """(field, message) for each text with a character the forms cannot print."""
    errors: list[tuple[str, Message]] = []
    for field, text in fields.items():
        try:
            positions = unprintable(text)
        except UserError:
            # No form font installed at all: printing says what to install;
            # the dossier itself can still be received.
            log.warning("No form font: printable check of %s skipped", field)
            return []
        if positions:
            errors.append(
                (
                    field,
                    Message(
                        "Printing",
                        QT_TRANSLATE_NOOP(
                            "Printing",
                            "The character at position {position} cannot be printed with the "
                            "forms' font; retype it in Vietnamese or Latin letters.",
                        ),
                        {"position": positions[0]},
                    ),
                )
            )
    return errors
