"""Checks every value an administrator's command hands the centre: text of a
bounded length without hidden characters, identities that parse as UUIDs.

A refusal names the option or field to fix in one sentence; nothing reaches
SQL unchecked.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from counter_app.domain.bounds import MAX_SHORT_TEXT, text_errors
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError, ValidationFailed
from counter_app.domain.text import nfc

CTX = "Central"


def error(source: str, **params: object) -> UserError:
    return UserError(Message(CTX, source, dict(params)))


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def clean_text(
    value: str, field: str, *, max_length: int = MAX_SHORT_TEXT, required: bool = False
) -> str:
    """``value`` in NFC, refused when it hides a control character, is too long
    or (``required``) is empty. ``field`` is the option the official typed."""
    # Raw text first, so a hidden character is named by its position as typed
    # (NFD input is longer than its NFC form: the length counts after NFC).
    errors = text_errors(field, value or "", max_length=4 * max_length)
    if errors:
        raise ValidationFailed(errors)
    cleaned = nfc(value or "")
    errors = text_errors(field, cleaned, max_length=max_length)
    if errors:
        raise ValidationFailed(errors)
    if required and not cleaned:
        raise ValidationFailed(
            [(field, Message(CTX, QT_TRANSLATE_NOOP("Central", "This cannot be left empty.")))]
        )
    return cleaned


def parse_uuid(value: str, field: str) -> str:
    """The canonical form of a counter's identity, or a refusal naming ``field``."""
    try:
        parsed = uuid.UUID(value.strip()) if len(value) <= 64 else None
    except (ValueError, AttributeError):
        parsed = None
    if parsed is None or parsed.int == 0:
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "{field}: the value given is not a counter identity (UUID); copy it as the "
                "counter shows it, e.g. 0b6f5f8e-2d1c-4c3a-9a57-1e2f3a4b5c6d.",
            ),
            field=field,
        )
    return str(parsed)
