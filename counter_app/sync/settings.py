"""The counter's connection to the centre: a file written by `central
register-counter`, imported with `sync connect`, readable by its owner only."""

from __future__ import annotations

import json
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.private_files import write_atomic

SETTINGS_FILENAME = "central.json"
SETTINGS_FORMAT = "counter-app-central"
_CTX = "Sync"


@dataclass(frozen=True)
class CentralSettings:
    counter_uuid: str
    agency_id: str
    agency_name: str
    parent_name: str
    place: str
    phone: str
    counter_name: str
    code_slot: int
    ledger_book: str
    # postgresql+psycopg://role:password@host:port/db[?sslmode=verify-full&sslrootcert=…]
    url: str
    # The one-stop unit the forms name; files written before it existed lack it.
    unit_name: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"format": SETTINGS_FORMAT, "version": 1, **self.__dict__}


def _bad_file(path: Path) -> UserError:
    return UserError(
        Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Sync",
                "The file \u201c{path}\u201d is not a counter connection file from "
                "\u201ccounter-app central register-counter\u201d.",
            ),
            {"path": str(path)},
        )
    )


def parse(path: Path) -> CentralSettings:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad_file(path) from exc
    if not isinstance(data, dict) or data.get("format") != SETTINGS_FORMAT:
        raise _bad_file(path)
    try:
        return CentralSettings(
            **{
                f.name: data[f.name]
                for f in fields(CentralSettings)
                if f.name in data or f.default is MISSING
            }
        )
    except (KeyError, TypeError) as exc:
        raise _bad_file(path) from exc


def write(path: Path, settings: CentralSettings) -> None:
    """Write with mode 0600 from the start: the file holds the role's password."""
    text = json.dumps(settings.to_json(), ensure_ascii=False, indent=2)
    write_atomic(path, text.encode("utf-8"))


def stored(directory: Path) -> CentralSettings | None:
    path = directory / SETTINGS_FILENAME
    return parse(path) if path.exists() else None
