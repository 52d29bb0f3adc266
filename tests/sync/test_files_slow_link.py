"""Issue 18, point 6 and 9: a 50 MB dossier over a slow link that is cut
halfway arrives whole, once, without starting over; an upload killed
(SIGKILL) halfway leaves nothing half-stored and the next round finishes it."""

from __future__ import annotations

import os
import signal
from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from counter_app.models import StoredFile
from counter_app.sync.errors import CentralUnreachable
from counter_app.sync.file_upload import pending_files
from counter_app.wire import files as wire
from tests.conftest import Clock
from tests.sync.conftest import Centre, Desk
from tests.sync.paper_support import add_paper, pdf_of_size, push_rows_only
from tests.sync.support import (
    cli_sync,
    finish,
    local_rows,
    receive_many,
    route_through,
    wait_until,
)
from tests.sync.tcp_proxy import TcpProxy

DAY = datetime(2026, 11, 26, 8, 0)
MB = 1024 * 1024


def _held(centre: Centre, sha: str) -> tuple[bool | None, int, list[int]]:
    """The file's complete flag, its chunk count and each chunk's length."""
    complete = centre.scalar("SELECT complete FROM central_files WHERE sha256 = :s", s=sha)
    lengths = centre.scalar(
        "SELECT COALESCE(array_agg(length(data) ORDER BY n), '{}') FROM central_file_chunks "
        "WHERE sha256 = :s",
        s=sha,
    )
    assert isinstance(lengths, list)
    return complete, len(lengths), lengths  # type: ignore[return-value]


def _uploaded_at(desk: Desk, sha: str) -> datetime | None:
    with desk.ctx.sessions() as s:
        return s.scalar(select(StoredFile.uploaded_at).where(StoredFile.sha256 == sha))


def test_50_mb_over_a_slow_link_cut_midway_arrives_whole_once(
    centre: Centre, proxy: TcpProxy
) -> None:
    # GIVEN a dossier with a 50 MB paper, its row at the centre already
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    info = add_paper(desk, code, pdf_of_size(50 * MB))
    size = info.size
    route_through(desk, proxy.port)
    push_rows_only(desk)
    # WHEN the link carries 40 MB/s and is cut after 20 MB of the upload
    proxy.limit_rate(40 * MB)
    before = proxy.bytes_to_server
    cut = proxy.cut_after_client_bytes(20 * MB)
    with pytest.raises(CentralUnreachable):
        desk.sync()
    assert cut.is_set()
    complete, chunks, _ = _held(centre, info.sha256)
    assert complete is False and 10 <= chunks < 20
    assert _uploaded_at(desk, info.sha256) is None
    # AND the next round runs on the same slow link
    report = desk.sync()
    # THEN it sends only the chunks the centre lacked, and the file is whole, once
    assert report.files.confirmed == 1
    assert report.files.bytes_sent == size - chunks * wire.CHUNK
    complete, total, lengths = _held(centre, info.sha256)
    assert complete is True and total == -(-size // wire.CHUNK) and sum(lengths) == size
    assert centre.scalar("SELECT count(*) FROM central_files") == 1
    assert _uploaded_at(desk, info.sha256) is not None
    # AND over both rounds the link carried the file about once, not twice
    carried = proxy.bytes_to_server - before
    assert size < carried < size + 2 * wire.CHUNK + MB


def test_an_upload_killed_midway_leaves_nothing_half_stored(
    centre: Centre, proxy: TcpProxy
) -> None:
    # GIVEN a 6 MB paper whose row is at the centre, and a slow link
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    info = add_paper(desk, code, pdf_of_size(6 * MB))
    push_rows_only(desk)
    route_through(desk, proxy.port)
    proxy.limit_rate(1.5 * MB)
    # WHEN `counter-app sync` is killed while it sends the file
    child = cli_sync(desk)
    try:
        wait_until(lambda: _held(centre, info.sha256)[1] >= 2, timeout=60, poll=0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        returncode, _, _ = finish(child, timeout=30)
    assert returncode == -signal.SIGKILL
    # Each chunk is one statement: one the desk had sent whole before it was
    # killed is still stored once it has crossed, so the centre's answer is
    # read after the killed desk's session has ended there.
    role = make_url(desk.registration.url).username
    wait_until(
        lambda: (
            centre.scalar("SELECT count(*) FROM pg_stat_activity WHERE usename = :r", r=role) == 0
        ),
        timeout=30,
    )
    # THEN the centre holds whole chunks of an incomplete file, the desk's
    # database is intact and the file still pending
    complete, chunks, lengths = _held(centre, info.sha256)
    assert complete is False and 2 <= chunks < 6
    assert all(length == wire.CHUNK for length in lengths)
    assert local_rows(desk, "PRAGMA integrity_check") == [("ok",)]
    assert pending_files(desk.ctx) == 1
    # AND the next round finishes it without sending the chunks again
    proxy.limit_rate(None)
    report = desk.sync()
    assert report.files.confirmed == 1
    assert report.files.bytes_sent == info.size - chunks * wire.CHUNK
    assert _held(centre, info.sha256)[0] is True
    assert pending_files(desk.ctx) == 0
