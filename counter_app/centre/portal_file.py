"""The portal's export file and its schema: what `central import-online`
reads before anything reaches the centre.

Every field has a bound (pydantic, strict: no number from a string, no 1.5
copies), text is NFC without hidden characters, and a refusal names each bad
entry by position and field in the official's language, never pydantic's
own English or Python's internals.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from counter_app.centre.checks import CTX, error
from counter_app.domain.bounds import (
    MAX_COPIES,
    MAX_FEE,
    MAX_LONG_TEXT,
    MAX_PAGES,
    MAX_SHORT_TEXT,
    control_position,
)
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.domain.text import nfc
from counter_app.domain.validation import MAX_NAME_LENGTH

# A day's export of a province portal is a few hundred dossiers, a few MB.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 10_000
# A refusal lists this many problems, then counts the rest.
MAX_LISTED = 50


def _bounded(max_length: int) -> Callable[[str], str]:
    """Text in NFC, without hidden characters, at most ``max_length`` long."""

    def check(value: str) -> str:
        position = control_position(value)
        if position is not None:
            raise PydanticCustomError("hidden_character", "hidden", {"position": position})
        cleaned = nfc(value)
        if len(cleaned) > max_length:
            raise PydanticCustomError(
                "too_long", "too long", {"max": max_length, "count": len(cleaned)}
            )
        return cleaned

    return check


def _text(max_length: int) -> Any:
    return Annotated[str, AfterValidator(_bounded(max_length))]


class _Applicant(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    full_name: _text(MAX_NAME_LENGTH)  # type: ignore[valid-type]
    id_number: _text(20) = ""  # type: ignore[valid-type]
    phone: _text(20) = ""  # type: ignore[valid-type]
    email: _text(254) = ""  # type: ignore[valid-type]
    address: _text(MAX_SHORT_TEXT) = ""  # type: ignore[valid-type]


class PortalEntry(BaseModel):
    """One dossier of the portal's export, as docs/sync.md describes it."""

    model_config = ConfigDict(extra="forbid", strict=True)

    code: _text(60)  # type: ignore[valid-type]
    agency_id: _text(40)  # type: ignore[valid-type]
    procedure_code: _text(30)  # type: ignore[valid-type]
    submitted_at: _text(40)  # type: ignore[valid-type]
    applicant: _Applicant
    pages: Annotated[int, Field(ge=1, le=MAX_PAGES)] = 1
    copies: Annotated[int, Field(ge=1, le=MAX_COPIES)] = 1
    fee: Annotated[int, Field(ge=0, le=MAX_FEE)] | None = None
    delivery: Literal["counter", "post", "online"] = "counter"
    delivery_address: _text(MAX_SHORT_TEXT) = ""  # type: ignore[valid-type]
    note: _text(MAX_LONG_TEXT) = ""  # type: ignore[valid-type]


_BOUNDS = {"pages": (1, MAX_PAGES), "copies": (1, MAX_COPIES), "fee": (0, MAX_FEE)}
_INT_ERRORS = frozenset(
    {"int_type", "int_parsing", "int_from_float", "greater_than_equal", "less_than_equal"}
)


def message(source: str, **params: object) -> Message:
    return Message(CTX, source, dict(params))


def _schema_problem(err: Any) -> Message:
    """A pydantic error as a sentence: never its own English text or internals."""
    kind, ctx, name = err["type"], err.get("ctx") or {}, str(err["loc"][-1]) if err["loc"] else ""
    if kind == "missing":
        return message(QT_TRANSLATE_NOOP("Central", "the field is missing"))
    if kind == "extra_forbidden":
        return message(QT_TRANSLATE_NOOP("Central", "the portal's format has no such field"))
    if kind == "string_type":
        return message(QT_TRANSLATE_NOOP("Central", "must be text"))
    if kind in _INT_ERRORS and name in _BOUNDS:
        low, high = _BOUNDS[name]
        return message(
            QT_TRANSLATE_NOOP("Central", "must be a whole number from {low} to {high}"),
            low=low,
            high=high,
        )
    if kind == "literal_error":
        return message(QT_TRANSLATE_NOOP("Central", "must be one of: counter, post, online"))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return message(
            QT_TRANSLATE_NOOP("Central", "must be an object with the applicant's fields")
        )
    if kind == "hidden_character":
        return message(
            QT_TRANSLATE_NOOP(
                "Central", "contains a hidden character at position {position}; delete it"
            ),
            position=ctx["position"],
        )
    if kind == "too_long":
        return message(
            QT_TRANSLATE_NOOP("Central", "must be at most {max} characters; it has {count}"),
            max=ctx["max"],
            count=ctx["count"],
        )
    return message(QT_TRANSLATE_NOOP("Central", "has a value the portal's format does not allow"))


class Problems:
    """Every bad entry by position and field, for one refusal of the whole file."""

    def __init__(self) -> None:
        self.items: list[Message] = []

    def add(self, n: int, field: str, problem: Message) -> None:
        if not field:
            source = QT_TRANSLATE_NOOP("Central", "entry {n}: {problem}")
        else:
            source = QT_TRANSLATE_NOOP("Central", "entry {n}, field \u201c{field}\u201d: {problem}")
        self.items.append(message(source, n=n, field=field, problem=problem))

    def raise_any(self) -> None:
        if not self.items:
            return
        listed = self.items[:MAX_LISTED]
        if len(self.items) > MAX_LISTED:
            listed.append(
                message(
                    QT_TRANSLATE_NOOP("Central", "and {count} more"),
                    count=len(self.items) - MAX_LISTED,
                )
            )
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "Nothing was imported: problems found in the file: {count}; fix them and "
                "import it again: {problems}.",
            ),
            count=len(self.items),
            problems=listed,
        )


# --- the file ----------------------------------------------------------------------


def load_portal_file(path: Path) -> list[Any]:
    """The entries of a portal export ``{"dossiers": [...]}``, or one sentence why not."""
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_FILE_BYTES else b""
    except OSError:
        raise error(
            QT_TRANSLATE_NOOP(
                "Central", "Cannot read the file \u201c{path}\u201d; check its name and rights."
            ),
            path=str(path),
        ) from None
    if size > MAX_FILE_BYTES:
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "The file \u201c{path}\u201d is larger than {max} MB; nothing was imported. "
                "Export the portal's dossiers in smaller parts.",
            ),
            path=str(path),
            max=MAX_FILE_BYTES // (1024 * 1024),
        )
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "The file \u201c{path}\u201d is not UTF-8 text (byte {offset} is not); "
                "nothing was imported. Export it again as UTF-8 JSON.",
            ),
            path=str(path),
            offset=exc.start + 1,
        ) from None
    except json.JSONDecodeError as exc:
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "The file \u201c{path}\u201d is not valid JSON (line {line}, column {column}); "
                "nothing was imported.",
            ),
            path=str(path),
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except (RecursionError, ValueError):
        # Nesting beyond the parser's depth, or a number of thousands of digits.
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "The file \u201c{path}\u201d nests too deeply or holds a number too long to be "
                "a portal export; nothing was imported.",
            ),
            path=str(path),
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("dossiers"), list) or len(data) != 1:
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "The file \u201c{path}\u201d must be one JSON object holding only the list "
                "\u201cdossiers\u201d, as the portal exports it; nothing was imported.",
            ),
            path=str(path),
        )
    return list(data["dossiers"])


def parse_entries(entries: Sequence[Any], problems: Problems) -> list[tuple[int, PortalEntry]]:
    parsed = []
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.add(n, "", message(QT_TRANSLATE_NOOP("Central", "an entry must be an object")))
            continue
        try:
            parsed.append((n, PortalEntry.model_validate(entry)))
        except ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(part) for part in err["loc"])
                problems.add(n, field, _schema_problem(err))
    return parsed
