"""The counter's connection to the centre: a file written by `central
register-counter`, imported with `sync connect`, readable by its owner only."""

from __future__ import annotations

import re
import uuid
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from counter_app.domain.bounds import control_position
from counter_app.domain.codes import AGENCY_ID_RE, SLOTS
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.wire.tagged_file import read_tagged, write_tagged

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


# Query parameters a connection file may carry: TLS, timeouts, keepalives.
# Anything else (``options`` sets server parameters such as search_path, a
# ``service`` or ``passfile`` reads other files) is refused.
_URL_QUERY = frozenset(
    {
        "sslmode",
        "sslrootcert",
        "sslcert",
        "sslkey",
        "sslcrl",
        "connect_timeout",
        "keepalives",
        "keepalives_idle",
        "keepalives_interval",
        "keepalives_count",
        "tcp_user_timeout",
        "target_session_attrs",
        "application_name",
    }
)
_ROLE_RE = re.compile(r"^ctr_[0-9a-f]{20}$")
_BOOK_RE = re.compile(r"^[0-9]{2}$")
# Text fields and their bound (the centre's columns).
_TEXT_FIELDS = {
    "agency_name": 200,
    "parent_name": 200,
    "place": 100,
    "phone": 20,
    "counter_name": 100,
    "unit_name": 200,
}
MAX_FILE_BYTES = 64 * 1024


def parse(path: Path) -> CentralSettings:
    """The settings of a connection file, each value checked: the file may be
    anyone's, and its values reach the counter's database and libpq."""
    data = read_tagged(path, SETTINGS_FORMAT, MAX_FILE_BYTES, _bad_file)
    try:
        values = {
            f.name: data[f.name]
            for f in fields(CentralSettings)
            if f.name in data or f.default is MISSING
        }
    except KeyError as exc:
        raise _bad_file(path) from exc
    if not _valid(values):
        raise _bad_file(path)
    values["counter_uuid"] = str(uuid.UUID(values["counter_uuid"]))
    return CentralSettings(**values)


def _valid(values: dict[str, Any]) -> bool:
    text_ok = all(
        isinstance(values.get(name, ""), str)
        and len(values.get(name, "")) <= bound
        and control_position(values.get(name, "")) is None
        for name, bound in _TEXT_FIELDS.items()
    )
    slot = values["code_slot"]
    strings = ("counter_uuid", "agency_id", "ledger_book", "url")
    if not text_ok or not all(isinstance(values[k], str) for k in strings):
        return False
    try:
        uuid.UUID(values["counter_uuid"])
    except ValueError:
        return False
    return (
        len(values["counter_uuid"]) <= 64
        and AGENCY_ID_RE.match(values["agency_id"]) is not None
        and type(slot) is int
        and 0 <= slot < SLOTS
        and _BOOK_RE.match(values["ledger_book"]) is not None
        and _valid_url(values["url"])
    )


def _valid_url(value: str) -> bool:
    try:
        url = make_url(value) if len(value) <= 2000 else None
    except (ArgumentError, ValueError):
        return False
    return (
        url is not None
        and url.drivername == "postgresql+psycopg"
        and _ROLE_RE.match(url.username or "") is not None
        and bool(url.password)
        and bool(url.host)
        and bool(url.database)
        and set(url.query) <= _URL_QUERY
    )


def write(path: Path, settings: CentralSettings) -> None:
    """Write with mode 0600 from the start: the file holds the role's password."""
    write_tagged(path, settings.to_json())


def stored(directory: Path) -> CentralSettings | None:
    path = directory / SETTINGS_FILENAME
    return parse(path) if path.exists() else None
