"""The audit log's hash chain: each entry's hash covers the previous entry's hash.

Plain rules shared by the counter (which writes and verifies its chain) and
the centre (which verifies each counter's chain as its entries arrive).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


def digest(
    prev_hash: str,
    at: datetime,
    username: str,
    counter_uuid: str,
    event: str,
    entity: str,
    details: dict[str, Any],
) -> str:
    payload = json.dumps(
        [prev_hash, at.isoformat(), username, counter_uuid, event, entity, details],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def entry_digest(body: dict[str, Any]) -> str:
    """The hash an audit entry's wire body should carry."""
    return digest(
        body["prev_hash"],
        datetime.fromisoformat(body["at"]),
        body["username"],
        body["counter_uuid"],
        body["event"],
        body["entity"],
        body["details"],
    )


def first_broken_link(
    entries: Iterable[tuple[int, datetime, str, str, str, str, dict[str, Any], str, str]],
) -> tuple[int, int | None, str]:
    """Walk ``(id, at, username, counter_uuid, event, entity, details, prev_hash,
    hash)`` in id order: (entries intact, id of the first broken one, why)."""
    prev = GENESIS
    checked = 0
    for entry_id, at, username, counter_uuid, event, entity, details, prev_hash, hash_ in entries:
        if prev_hash != prev:
            return checked, entry_id, "prev_hash does not match the entry before"
        if hash_ != digest(prev, at, username, counter_uuid, event, entity, details):
            return checked, entry_id, "content does not match its hash"
        prev = hash_
        checked += 1
    return checked, None, ""
