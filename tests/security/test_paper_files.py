"""What a desk's password lets an attacker try on the centre's file store
(migration c0010_papers_and_files): the desk reaches it only through its
functions, which refuse a file no paper of its agency names, a chunk out of
its place or damaged, a file whose content is not its name, and a read of
another agency's file."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.centre.migrations.versions import c0010_papers_and_files as c0010
from counter_app.wire import files as wire
from tests.conftest import Clock
from tests.sync.conftest import Centre, Desk
from tests.sync.paper_support import add_paper, pdf_of_size, push_rows_only, small_pdf
from tests.sync.support import counter_engine, receive_many

DAY = datetime(2026, 11, 26, 8, 0)
OTHER_AGENCY = "000.00.37.H38"


def _call(desk: Desk, sql: str, **params: Any) -> Any:
    with counter_engine(desk) as engine, engine.begin() as conn:
        return conn.execute(text(sql), params).scalar()


def _refused(desk: Desk, sql: str, match: str, **params: Any) -> None:
    with pytest.raises(DBAPIError, match=match):
        _call(desk, sql, **params)


def _put(desk: Desk, sha: str, size: int, chunk: int, index: int, data: bytes, **over: Any) -> Any:
    params = {
        "s": sha,
        "z": size,
        "c": chunk,
        "n": index,
        "d": data,
        "h": hashlib.sha256(data).hexdigest(),
        **over,
    }
    return _call(desk, "SELECT central_file_put(:s, :z, :c, :n, :d, :h)", **params)


def _paper_rows_only(desk: Desk, pdf: bytes) -> tuple[str, int]:
    """A paper pushed whose file the desk has not sent (its file row marked sent)."""
    (code,) = receive_many(desk, 1)
    info = add_paper(desk, code, pdf)
    push_rows_only(desk)
    return info.sha256, info.size


def test_the_bounds_are_the_centres() -> None:
    assert (c0010.MAX_FILE, c0010.MIN_CHUNK, c0010.MAX_CHUNK) == (
        wire.MAX_FILE,
        wire.MIN_CHUNK,
        wire.MAX_CHUNK,
    )


def test_a_desk_cannot_touch_the_file_tables_or_the_helpers(centre: Centre) -> None:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    sha = "a" * 64
    for sql in (
        "SELECT count(*) FROM central_files",
        "SELECT count(*) FROM central_file_chunks",
        "SELECT count(*) FROM central_files_pending",
        f"INSERT INTO central_files (sha256, size, chunk_size, complete, agency_id, counter_uuid) "
        f"VALUES ('{sha}', 1, 65536, true, 'x', 'x') RETURNING 1",
        f"INSERT INTO central_file_chunks (sha256, n, data) VALUES ('{sha}', 0, 'x') RETURNING 1",
        "UPDATE central_files SET complete = true RETURNING 1",
        "DELETE FROM central_file_chunks RETURNING 1",
        "SELECT central_file_caller()",
        f"SELECT central_file_named('x', '{sha}', 1)",
        f"SELECT central_file_checked('x', '{sha}', 1)",
    ):
        _refused(desk, sql, "permission denied")


def test_a_desk_cannot_send_a_file_no_paper_of_its_agency_names(centre: Centre) -> None:
    # GIVEN a paper of agency A at the centre, its file not sent yet
    a = centre.desk("Quầy số 1", Clock(DAY))
    pdf = small_pdf()
    sha, size = _paper_rows_only(a, pdf)
    # WHEN a desk of another agency sends that file (to plant its own content)
    b = centre.desk("Quầy khác", Clock(DAY), agency=OTHER_AGENCY)
    junk = b"x" * size
    for sql, params in (
        ("SELECT central_file_state(:s, :z)", {"s": sha, "z": size}),
        ("SELECT central_file_complete(:s, :z)", {"s": sha, "z": size}),
    ):
        _refused(b, sql, "no paper of this agency names this file", **params)
    with pytest.raises(DBAPIError, match="no paper of this agency names this file"):
        _put(b, sha, size, wire.CHUNK, 0, junk)
    # AND a file no paper names at all, even by a desk of A
    stray = pdf_of_size(70_000)
    stray_sha = hashlib.sha256(stray).hexdigest()
    with pytest.raises(DBAPIError, match="no paper of this agency names this file"):
        _put(a, stray_sha, len(stray), wire.CHUNK, 0, stray)
    # AND A's own file with another size than its paper says
    with pytest.raises(DBAPIError, match="no paper of this agency names this file"):
        _put(a, sha, size + 1, wire.CHUNK, 0, pdf + b"x")
    # THEN nothing was stored
    assert centre.scalar("SELECT count(*) FROM central_files") == 0
    assert centre.scalar("SELECT count(*) FROM central_file_chunks") == 0


def test_chunks_out_of_place_or_damaged_and_files_not_their_name_are_refused(
    centre: Centre,
) -> None:
    a = centre.desk("Quầy số 1", Clock(DAY))
    pdf = pdf_of_size(200_000)
    sha, size = _paper_rows_only(a, pdf)
    chunk = wire.MIN_CHUNK
    first = pdf[:chunk]
    for over, match in (
        ({"c": 8 * 1024 * 1024}, "chunk out of bounds"),  # chunks too big
        ({"c": 1024}, "chunk out of bounds"),  # or too many
        ({"n": -1}, "chunk out of bounds"),
        ({"n": size // chunk + 1}, "chunk out of bounds"),  # past the end
        ({"d": first + b"x", "h": hashlib.sha256(first + b"x").hexdigest()}, "out of bounds"),
        ({"h": "0" * 64}, "chunk damaged on the way"),
        ({"s": "Z" * 64}, "malformed file name or size"),
        ({"z": wire.MAX_FILE + 1}, "malformed file name or size"),
    ):
        with pytest.raises(DBAPIError, match=match):
            _put(a, sha, size, chunk, 0, first, **over)
    assert centre.scalar("SELECT count(*) FROM central_file_chunks") == 0
    # A file whose chunks are each well-formed but whose content is not its name
    for n in range(-(-size // chunk)):
        part = pdf[n * chunk : (n + 1) * chunk]
        _put(a, sha, size, chunk, n, bytes(len(part)) if n == 1 else part)
    assert _call(a, "SELECT central_file_complete(:s, :z)", s=sha, z=size) == wire.CORRUPT
    assert centre.scalar("SELECT count(*) FROM central_files") == 0
    assert centre.scalar("SELECT count(*) FROM central_file_chunks") == 0
    # Sent right, it is complete; a chunk sent after that changes nothing
    for n in range(-(-size // chunk)):
        _put(a, sha, size, chunk, n, pdf[n * chunk : (n + 1) * chunk])
    assert _call(a, "SELECT central_file_complete(:s, :z)", s=sha, z=size) == wire.COMPLETE
    assert _put(a, sha, size, chunk, 1, bytes(chunk)) is True
    stored = centre.scalar(
        "SELECT string_agg(data, ''::bytea ORDER BY n) FROM central_file_chunks WHERE sha256 = :s",
        s=sha,
    )
    assert bytes(stored) == pdf  # type: ignore[arg-type]


def test_a_desk_cannot_read_another_agencys_file(centre: Centre) -> None:
    a = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(a, 1)
    info = add_paper(a, code)
    a.sync()
    assert centre.scalar("SELECT complete FROM central_files WHERE sha256 = :s", s=info.sha256)
    # A desk of the same agency may read it
    a2 = centre.desk("Quầy số 2", Clock(DAY))
    assert _call(a2, "SELECT central_file_read(:s, 0)", s=info.sha256) == a.ctx.files.read(  # type: ignore[union-attr]
        info.sha256
    )
    # One of another agency may not, nor learn whether the centre holds it
    b = centre.desk("Quầy khác", Clock(DAY), agency=OTHER_AGENCY)
    for sql in ("SELECT central_file_open(:s)", "SELECT central_file_read(:s, 0)"):
        _refused(b, sql, "no paper this counter may read names this file", s=info.sha256)
    _refused(b, "SELECT central_file_open(:s)", "no paper this counter may read", s="f" * 64)


def test_the_provinces_lookup_takes_a_number_only(centre: Centre) -> None:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    for bad in ("", "12", "0201 9000", "'; SELECT 1; --", "0" * 16):
        _refused(
            desk,
            "SELECT count(*) FROM central_papers_held(:n)",
            "malformed identification number",
            n=bad,
        )
