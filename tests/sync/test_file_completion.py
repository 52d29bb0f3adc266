"""Issue 18, point 8: uploads at the speed of the centre's disk without
weakening what a complete file means (central c0014, sync/file_upload.py).

A chunk is provisional, so its commit does not wait for the disk; a file's
completion is what the desk is told and records, so it waits, whatever the
desk's session asked. Files are completed on a second connection while the
next file's chunks go: a file found corrupt there is not confirmed, the
others are, and the next round sends it again whole."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import make_url

from counter_app.centre.schema import MIGRATIONS_DIR, init
from counter_app.wire import files as wire
from tests.conftest import Clock
from tests.sync.conftest import Centre, Desk
from tests.sync.paper_support import add_paper, pdf_of_size, push_rows_only, small_pdf
from tests.sync.support import counter_engine, receive_many

DAY = datetime(2026, 11, 26, 8, 0)
_PUT = "SELECT central_file_put(:s, :z, :c, :n, :d, :h)"


def _put_params(sha: str, size: int, n: int, data: bytes) -> dict[str, Any]:
    h = hashlib.sha256(data).hexdigest()
    return {"s": sha, "z": size, "c": wire.MIN_CHUNK, "n": n, "d": data, "h": h}


def _chunks_held(centre: Centre, sha: str) -> int:
    held = centre.scalar("SELECT count(*) FROM central_file_chunks WHERE sha256 = :s", s=sha)
    assert isinstance(held, int)
    return held


def _durability(desk: Desk, pdf: bytes, sha: str) -> tuple[str, str]:
    """synchronous_commit inside a chunk's transaction, then inside the
    completion's, on a session that asked for asynchronous commits."""
    size = len(pdf)
    chunk = wire.MIN_CHUNK
    with counter_engine(desk) as engine, engine.connect() as conn:
        conn.execute(text("SET synchronous_commit = off"))
        conn.commit()
        for n in range(-(-size // chunk)):
            with conn.begin():
                conn.execute(text("SET LOCAL synchronous_commit = on"))
                conn.execute(
                    text(_PUT), _put_params(sha, size, n, pdf[n * chunk : (n + 1) * chunk])
                )
                in_chunk = str(conn.execute(text("SHOW synchronous_commit")).scalar_one())
        with conn.begin():
            answer = conn.execute(
                text("SELECT central_file_complete(:s, :z)"), {"s": sha, "z": size}
            ).scalar_one()
            in_completion = str(conn.execute(text("SHOW synchronous_commit")).scalar_one())
    assert answer == wire.COMPLETE
    return in_chunk, in_completion


def test_a_chunk_does_not_wait_for_the_disk_and_a_completion_always_does(
    centre: Centre,
) -> None:
    # GIVEN a paper whose row is at the centre, its file not sent
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    pdf = pdf_of_size(150_000)
    info = add_paper(desk, code, pdf)
    push_rows_only(desk)
    # WHEN its chunks are put (the session asking each to wait) and the file
    # completed (the session asking not to wait)
    in_chunk, in_completion = _durability(desk, pdf, info.sha256)
    # THEN each chunk's commit was asynchronous and the completion's synchronous
    assert (in_chunk, in_completion) == ("off", "on")
    assert centre.scalar("SELECT complete FROM central_files WHERE sha256 = :s", s=info.sha256)


def test_the_centre_goes_back_before_c0014_and_up_again(centre: Centre) -> None:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = centre.engine
    command.downgrade(cfg, "c0013_signed_forms")
    for name in ("central_file_put", "central_file_complete"):
        body = str(centre.scalar("SELECT prosrc FROM pg_proc WHERE proname = :n", n=name))
        assert "synchronous_commit" not in body
    # Down: the desk still sends and completes files, as c0010 had it
    first = add_paper(desk, code, small_pdf(30))
    assert desk.sync().files.confirmed == 1
    init(centre.engine)
    # Up again: the functions keep their owner and grants
    later = add_paper(desk, code, pdf_of_size(150_000))
    assert desk.sync().files.confirmed == 1
    for info in (first, later):
        assert centre.scalar("SELECT complete FROM central_files WHERE sha256 = :s", s=info.sha256)
    held = centre.scalar(
        "SELECT bool_and(has_function_privilege('counter_app_counter', p.oid, 'EXECUTE')) "
        "FROM pg_proc p WHERE proname IN ('central_file_put', 'central_file_complete')"
    )
    assert held is True


def test_a_file_found_corrupt_beside_the_others_is_sent_again_whole(centre: Centre) -> None:
    # GIVEN three files of desk A at the centre as rows, and a first chunk of
    # the first one planted by desk B of the agency with other bytes
    a = centre.desk("Quầy số 1", Clock(DAY))
    b = centre.desk("Quầy số 2", Clock(DAY))
    (code,) = receive_many(a, 1)
    pdfs = [pdf_of_size(3 * wire.CHUNK // 2) for _ in range(3)]
    infos = [add_paper(a, code, pdf) for pdf in pdfs]
    push_rows_only(a)
    poisoned = infos[0]
    junk = bytes(wire.CHUNK)
    with counter_engine(b) as engine, engine.begin() as conn:
        conn.execute(
            text(_PUT),
            {**_put_params(poisoned.sha256, poisoned.size, 0, junk), "c": wire.CHUNK},
        )
    # WHEN A syncs: the first file is completed beside the next one's upload
    report = a.sync()
    # THEN the centre found it was not its name and kept nothing of it; the
    # others are complete and confirmed; no connection of A is left open
    assert (report.files.confirmed, report.files.refused) == (2, 1)
    assert _chunks_held(centre, poisoned.sha256) == 0
    assert report.files.bytes_sent == sum(i.size for i in infos) - wire.CHUNK
    assert (
        centre.scalar(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = :r",
            r=make_url(a.registration.url).username,
        )
        == 0
    )
    # AND the next round sends it whole and it is complete
    again = a.sync()
    assert (again.files.confirmed, again.files.bytes_sent) == (1, poisoned.size)
    assert centre.scalar("SELECT complete FROM central_files WHERE sha256 = :s", s=poisoned.sha256)
