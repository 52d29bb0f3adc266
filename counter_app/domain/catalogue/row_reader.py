"""One row of a catalogue read cell by cell, every problem collected, none fatal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from counter_app.domain.catalogue.cells import (
    FALSE_WORDS,
    TRUE_WORDS,
    display,
    is_blank,
    match_key,
    parse_whole_number,
)
from counter_app.domain.catalogue.messages import (
    MSG_BAD_BOOL,
    MSG_BAD_INTEGER,
    MSG_REQUIRED,
    MSG_TOO_LARGE,
    catalogue_message,
)
from counter_app.domain.messages import Message

_E = TypeVar("_E")


@dataclass(frozen=True)
class RowError:
    """One problem in one row. ``row`` is the number the official sees in the file:
    the spreadsheet row (header = row 1) for CSV/XLSX, index + 1 in "procedures" for JSON."""

    row: int
    field: str
    message: Message


class RowReader:
    """Reads the values of one row, collecting every error instead of stopping."""

    def __init__(self, row: int, values: Mapping[str, object], names: Mapping[str, str]) -> None:
        self.row = row
        self.values = values
        self.names = names
        self.errors: list[RowError] = []

    def column_name(self, column: str) -> str:
        return self.names.get(column, column)

    def error(self, column: str, source: str, **params: Any) -> None:
        name = self.column_name(column)
        self.errors.append(
            RowError(self.row, name, catalogue_message(source, row=self.row, column=name, **params))
        )

    def raw(self, column: str) -> object:
        return self.values.get(column)

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.raw(column)
        if is_blank(value):
            if required:
                self.error(column, MSG_REQUIRED)
            return ""
        return display(value)

    def choice(
        self, column: str, table: Mapping[str, _E], source: str, default: _E | None
    ) -> _E | None:
        value = self.raw(column)
        if is_blank(value):
            if default is None:
                self.error(column, MSG_REQUIRED)
            return default
        found = table.get(match_key(display(value)))
        if found is None:
            self.error(column, source, value=display(value))
        return found

    def integer(self, column: str, *, default: int | None, high: int) -> int | None:
        """A whole number from 0 to ``high`` (a larger one breaks what is computed from it)."""
        value = self.raw(column)
        if is_blank(value):
            if default is None:
                self.error(column, MSG_REQUIRED)
            return default
        parsed = parse_whole_number(value)
        if parsed is None:
            self.error(column, MSG_BAD_INTEGER, value=display(value))
        return self.at_most(column, parsed, high)

    def at_most(self, column: str, value: int | None, high: int) -> int | None:
        """``value``, or None after reporting that it exceeds ``high``."""
        if value is not None and value > high:
            self.error(column, MSG_TOO_LARGE, value=value, max=high)
            return None
        return value

    def optional_boolean(self, column: str) -> bool | None:
        """None when blank (the default applies), else like :meth:`boolean`."""
        if is_blank(self.raw(column)):
            return None
        return self.boolean(column)

    def boolean(self, column: str) -> bool:
        value = self.raw(column)
        if isinstance(value, bool):
            return value
        key = match_key(display(value))
        if key in TRUE_WORDS:
            return True
        if key not in FALSE_WORDS:
            self.error(column, MSG_BAD_BOOL, value=display(value))
        return False
