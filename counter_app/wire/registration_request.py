"""The counter's registration request: a file the desk writes from its own
identity (Kết nối trung tâm › Export a registration request) and the
province's IT staff hand to `central register-counter --request FILE`, so the
counter is registered under the identity it already has and nothing is typed
twice.

Only the file's shape is checked here; its values go through the same checks
as the command's options (counter_app/centre/registration.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.wire.tagged_file import read_tagged, write_tagged

REQUEST_FORMAT = "counter-app-registration-request"
MAX_FILE_BYTES = 16 * 1024
_CTX = "Sync"


@dataclass(frozen=True)
class RegistrationRequest:
    counter_uuid: str
    agency_id: str
    agency_name: str
    unit_name: str
    counter_name: str
    parent_name: str = ""
    place: str = ""
    phone: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"format": REQUEST_FORMAT, "version": 1, **asdict(self)}


def _bad_file(path: Path) -> UserError:
    return UserError(
        Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Sync",
                "The file \u201c{path}\u201d is not a counter's registration request; export "
                "it again from the counter (Administration \u203a Central connection).",
            ),
            {"path": str(path)},
        )
    )


def parse(path: Path) -> RegistrationRequest:
    """The request's values as text, for the registration's own checks."""
    data = read_tagged(path, REQUEST_FORMAT, MAX_FILE_BYTES, _bad_file)
    values: dict[str, str] = {}
    for f in fields(RegistrationRequest):
        value = data.get(f.name, "" if f.default == "" else None)
        if not isinstance(value, str):
            raise _bad_file(path)
        values[f.name] = value
    return RegistrationRequest(**values)


def write(path: Path, request: RegistrationRequest) -> None:
    """Private like every file with the desk's data (0600)."""
    write_tagged(path, request.to_json())
