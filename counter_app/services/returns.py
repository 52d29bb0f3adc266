"""The satisfaction criteria the desk offers, read from the shipped, versioned lists."""

from __future__ import annotations

import functools
import re

from counter_app.domain.returns import CriteriaList, parse_criteria
from counter_app.resources_path import resource

_FILE = re.compile(r"^criteria-v(\d+)\.json$")


@functools.cache
def criteria_lists() -> dict[str, CriteriaList]:
    """Every shipped list by version: an old rating is read with its own list."""
    lists = [
        parse_criteria(node.read_text(encoding="utf-8"))
        for node in resource("satisfaction").iterdir()
        if _FILE.match(node.name)
    ]
    return {c.version: c for c in lists}


def current_criteria() -> CriteriaList:
    """The newest list: the one a new rating is given under."""
    return max(criteria_lists().values(), key=lambda c: int(c.version))
