"""Security tests reuse the sync tests' central database fixtures."""

from tests.sync.conftest import central_url, centre, proxy, watcher

__all__ = ["central_url", "centre", "proxy", "watcher"]
