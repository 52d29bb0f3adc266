"""Issue 18, point 6: a dossier's files reach the centre after its rows, once,
checked by their hash, and a file the centre holds is never sent again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text

from counter_app.centre import files as central_files
from counter_app.models import StoredFile
from counter_app.sync.file_upload import pending_files
from counter_app.sync.service import status
from tests.conftest import Clock
from tests.sync.conftest import Centre, Desk
from tests.sync.paper_support import add_paper, push_rows_only, small_pdf
from tests.sync.support import assert_all_once, receive_many

DAY = datetime(2026, 11, 26, 8, 0)


def _central_file(centre: Centre, sha: str) -> tuple[object, ...] | None:
    with centre.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT f.complete, f.size, count(k.n), sum(length(k.data)) FROM central_files f "
                "LEFT JOIN central_file_chunks k ON k.sha256 = f.sha256 "
                "WHERE f.sha256 = :s GROUP BY f.sha256"
            ),
            {"s": sha},
        ).first()
    return tuple(row) if row else None


def _uploaded(desk: Desk) -> dict[str, datetime | None]:
    with desk.ctx.sessions() as s:
        return dict(s.execute(select(StoredFile.sha256, StoredFile.uploaded_at)).all())  # type: ignore[arg-type]


def test_papers_and_their_files_arrive_once_and_are_never_sent_again(centre: Centre) -> None:
    # GIVEN a desk with three papers on two dossiers, two of them one file
    a = centre.desk("Quầy số 1", Clock(DAY))
    first, second = receive_many(a, 2)
    shared = small_pdf(120)
    p1 = add_paper(a, first, shared)
    p2 = add_paper(a, second, shared)
    p3 = add_paper(a, second, small_pdf(60))
    assert p1.sha256 == p2.sha256 != p3.sha256
    assert pending_files(a.ctx) == 2 == status(a.ctx, a.directory).files_pending
    assert pending_files(a.ctx, second) == 2 and pending_files(a.ctx, first) == 1

    # WHEN only the rows go (a round cut before its files): the papers are at
    # the centre, their files pending on both sides
    push_rows_only(a)
    waiting = central_files.pending(centre.engine)
    assert {w.paper_uuid for w in waiting} == {p1.uuid, p2.uuid, p3.uuid}
    assert {w.dossier_code for w in waiting} == {first, second}
    assert pending_files(a.ctx) == 2

    # AND the round runs: every file arrives whole, once, and is confirmed here
    report = a.sync()
    assert report.files.confirmed == 2
    assert report.files.bytes_sent == p1.size + p3.size
    assert assert_all_once(centre, a)["paper"] == 3
    for info in (p1, p3):
        complete, size, chunks, stored = _central_file(centre, info.sha256)  # type: ignore[misc]
        assert (complete, size, chunks, stored) == (True, info.size, 1, info.size)
        assert b"".join(central_files.PostgresFiles(centre.engine).read(info.sha256)) == (
            a.ctx.files.read(info.sha256)  # type: ignore[union-attr]
        )
    assert all(_uploaded(a).values())
    assert pending_files(a.ctx) == 0 == status(a.ctx, a.directory).files_pending
    assert central_files.pending(centre.engine) == []

    # THEN a second round sends nothing again
    again = a.sync()
    assert (again.files.confirmed, again.files.bytes_sent) == (0, 0)

    # AND another desk of the agency scanning the same paper sends no byte of it
    b = centre.desk("Quầy số 2", Clock(DAY))
    (other,) = receive_many(b, 1, first=5)
    add_paper(b, other, shared)
    report_b = b.sync()
    assert (report_b.files.confirmed, report_b.files.bytes_sent) == (1, 0)
    assert centre.scalar("SELECT count(*) FROM central_files") == 2
    assert pending_files(b.ctx) == 0


def test_a_file_damaged_on_the_desk_is_not_confirmed(centre: Centre) -> None:
    # GIVEN a paper whose stored file was damaged on the disk after it was saved
    a = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(a, 1)
    info = add_paper(a, code)
    path = a.ctx.files.path_of(info.sha256)  # type: ignore[union-attr]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    # WHEN the desk syncs, THEN it is not sent, the centre holds nothing of it
    report = a.sync()
    assert (report.files.confirmed, report.files.refused, report.files.bytes_sent) == (0, 1, 0)
    assert _central_file(centre, info.sha256) is None
    assert pending_files(a.ctx) == 1
    assert [w.paper_uuid for w in central_files.pending(centre.engine)] == [info.uuid]
