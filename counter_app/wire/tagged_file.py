"""A small JSON file that names its own format: a connection file, a
registration request. Either may be anyone's, so it is read bounded and its
shape checked before any value is looked at."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter_app.domain.messages import UserError
from counter_app.private_files import write_atomic


def read_tagged(
    path: Path, tag: str, max_bytes: int, refusal: Callable[[Path], UserError]
) -> dict[str, Any]:
    """The file's object when its ``format`` is ``tag``; ``refusal(path)`` otherwise."""
    try:
        raw = path.read_bytes()[: max_bytes + 1]
        data = json.loads(raw.decode("utf-8")) if len(raw) <= max_bytes else None
    except (OSError, RecursionError, ValueError) as exc:
        raise refusal(path) from exc
    if not isinstance(data, dict) or data.get("format") != tag:
        raise refusal(path)
    return data


def write_tagged(path: Path, data: dict[str, Any]) -> None:
    """Written whole or not at all, mode 0600 from the start (it may hold a password)."""
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
