"""Issue 18, points 3 and 6: a desk that takes a dossier over receives its
papers with the dossier and downloads their files from the centre when it
opens them; the province's papers for a person are found at the centre."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.app_setup import open_runtime
from counter_app.centre import admin
from counter_app.cli import main
from counter_app.domain.papers import PaperData
from counter_app.domain.workflow import Role
from counter_app.files.store import files_dir
from counter_app.models import StoredFile
from counter_app.services import backups, papers, users
from counter_app.sync.errors import CentralRefused
from counter_app.sync.file_download import FileNotAtCentre, fetch
from counter_app.sync.file_upload import pending_files
from counter_app.sync.papers_lookup import held_at_centre
from tests.conftest import AGENCY, PASSWORD, Clock, login
from tests.sync.conftest import Centre
from tests.sync.paper_support import BIRTH, HOLDER, add_paper, push_rows_only, small_pdf
from tests.sync.support import receive_many
from tests.sync.test_code_blocks import DEPT, decided_by_the_department
from tests.sync.test_restore_witness import BY, backups_on

DAY = datetime(2026, 11, 26, 8, 0)


def test_a_desk_taking_a_dossier_over_downloads_its_files_on_demand(centre: Centre) -> None:
    # GIVEN a dossier with a paper at desk A, synced with its file
    a = centre.desk("Quầy số 1", Clock(DAY))
    b = centre.desk("Quầy số 2", Clock(DAY))
    (code,) = receive_many(a, 1)
    info = add_paper(a, code, small_pdf(90))
    a.sync()
    # WHEN the centre hands it to desk B, which syncs
    admin.hand_over(centre.engine, code, b.registration.counter_uuid)
    b.sync()
    # THEN B holds the paper's row and data, not yet its file, and owes nothing
    [held] = papers.list_papers(b.ctx, code)
    assert (held.uuid, held.sha256, held.data) == (info.uuid, info.sha256, info.data)
    assert b.ctx.files is not None and not b.ctx.files.has(info.sha256)
    assert [p.uuid for p in papers.search(b.ctx, "khuyen")] == [info.uuid]
    assert pending_files(b.ctx) == 0
    # AND opening it downloads the file, checked, into B's store; once
    path = fetch(b.ctx, b.directory, info.sha256)
    assert path == papers.file_path(b.ctx, info.sha256)
    assert path.read_bytes() == a.ctx.files.read(info.sha256)  # type: ignore[union-attr]
    assert path.stat().st_mode & 0o077 == 0
    assert b.ctx.files.intact(info.sha256)
    assert fetch(b.ctx, b.directory, info.sha256) == path
    # AND B's next round does not send it back
    assert b.sync().files.bytes_sent == 0


def test_a_file_not_yet_at_the_centre_or_of_another_agency_is_not_downloaded(
    centre: Centre,
) -> None:
    a = centre.desk("Quầy số 1", Clock(DAY))
    a2 = centre.desk("Quầy số 2", Clock(DAY))
    (code,) = receive_many(a, 1)
    info = add_paper(a, code)
    push_rows_only(a)
    with pytest.raises(FileNotAtCentre):
        fetch(a2.ctx, a2.directory, info.sha256)
    a.sync()
    other = centre.desk("Quầy khác", agency="000.00.37.H38")
    with pytest.raises(CentralRefused):
        fetch(other.ctx, other.directory, info.sha256)
    assert not other.ctx.files.has(info.sha256)  # type: ignore[union-attr]
    with other.ctx.sessions() as s:
        assert s.scalars(select(StoredFile)).all() == []


def test_the_province_lookup_returns_a_persons_valid_papers(centre: Centre) -> None:
    clerk_day = Clock(DAY)
    a = centre.desk("Quầy số 1", clerk_day)
    first, second = receive_many(a, 2)
    kept = add_paper(a, first)
    expired = add_paper(
        a,
        first,
        small_pdf(30),
        PaperData(
            doc_type_code="GT.KS",
            document_name="Giấy tờ hết hạn",
            holder_id_number=HOLDER,
            valid_until=date(2026, 12, 1),
        ),
    )
    removed = add_paper(a, second, small_pdf(40))
    papers.remove(a.ctx, login(a.ctx, "tiepnhan"), removed.uuid, "Quét nhầm giấy")
    add_paper(
        a,
        second,
        small_pdf(50),
        PaperData("GT.KS", "Của người khác", holder_id_number="001090000001"),
    )
    a.sync()
    # A desk of another agency of the province asks for the person
    other = centre.desk("Quầy khác", Clock(DAY), agency="000.00.37.H38")
    found = held_at_centre(other.ctx, other.directory, f" {HOLDER.lower()} ")
    uuids = [p.uuid for p in found]
    assert kept.uuid in uuids
    assert removed.uuid not in uuids
    # valid until 1/12/2026: the centre's today decides (the real date, past it)
    assert (expired.uuid in uuids) == (date.today() <= date(2026, 12, 1))
    assert all(p.data.holder_id_number == HOLDER for p in found)
    [mine] = [p for p in found if p.uuid == kept.uuid]
    assert mine.data == BIRTH and mine.dossier_code == first and mine.file_at_centre
    assert mine.agency_id == a.registration.agency_id and mine.sha256 == kept.sha256
    assert held_at_centre(other.ctx, other.directory, "12") == []


def test_the_deciding_authoritys_desk_downloads_the_dossiers_files(centre: Centre) -> None:
    # GIVEN a commune's dossier of a procedure the department decides (its code
    # names the department, Art. 28(2)), with a paper synced
    decided_by_the_department(centre)
    # (today's clock: the centre grants blocks from its own today)
    commune = centre.desk("Quầy số 1")
    (code,) = receive_many(commune, 1)
    assert code.startswith(f"{DEPT}-")
    info = add_paper(commune, code)
    commune.sync()
    # WHEN the department's desk opens it, THEN it downloads the file
    department = centre.desk("Sở Tư pháp", agency=DEPT)
    path = fetch(department.ctx, department.directory, info.sha256)
    assert path.read_bytes() == commune.ctx.files.read(info.sha256)  # type: ignore[union-attr]
    # AND a desk of a third agency may not
    other = centre.desk("Quầy khác", agency="000.00.37.H38")
    with pytest.raises(CentralRefused):
        fetch(other.ctx, other.directory, info.sha256)


def test_a_restore_takes_its_papers_back_from_the_centre(
    centre: Centre, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a desk backed up before a paper was scanned, the paper and its file synced
    admin.add_user(
        centre.engine,
        username="quantri",
        full_name="Lương Văn Hải",
        password_hash=users.hash_password(PASSWORD),
        roles=[Role.ADMIN],
        agency_id=AGENCY,
    )
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    clock = Clock(DAY)
    desk = centre.desk("Quầy số 1", clock)
    usb = tmp_path / "usb"
    usb.mkdir()
    (code,) = receive_many(desk, 1)
    backups.back_up(desk.directory, to=usb)
    info = add_paper(desk, code, small_pdf(70))
    content = desk.ctx.files.read(info.sha256)  # type: ignore[union-attr]
    desk.sync()
    desk.rt.close()
    # WHEN the disk is replaced and the backup restored (its files gone with the disk)
    shutil.rmtree(files_dir(desk.directory))
    assert main(["--data-dir", str(desk.directory), "restore", str(backups_on(usb)), *BY]) == 0
    desk.rt = open_runtime(desk.directory)
    desk.rt.ctx.clock = clock
    # THEN the next round takes the paper back from the centre, with its data
    assert desk.sync().push.refused == 0
    [back] = papers.list_papers(desk.ctx, code)
    assert (back.uuid, back.sha256, back.data) == (info.uuid, info.sha256, info.data)
    # AND its file comes back on demand; nothing is sent up again
    assert fetch(desk.ctx, desk.directory, info.sha256).read_bytes() == content
    assert desk.sync().files.bytes_sent == 0
    assert pending_files(desk.ctx) == 0
