"""Locate the shipped resources/ (catalogue, forms, translations).

Installed, resources/ travels inside the wheel as the package
``counter_app.resources``; in a source checkout it is the top-level folder.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def resource_root() -> Traversable:
    # A source checkout's own folder first: an editable install maps the
    # package to the checkout it was installed from, which another worktree
    # running with PYTHONPATH is not. A wheel has no such folder.
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "catalogue").is_dir():
        return checkout
    try:
        root = resources.files("counter_app.resources")
        if root.joinpath("catalogue").is_dir():
            return root
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Traversable:
    node = resource_root()
    for part in parts:
        node = node.joinpath(part)
    return node
