"""Decree 118/2025 Article 28(2): the code names the authority competent to
decide; the centre grants each desk blocks of that authority's daily
ordinals, checks every code it is sent against them, and a desk that runs
out keeps receiving under its own unit's code, never a duplicate."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from counter_app.catalogue_files import load_catalogue
from counter_app.centre import admin
from counter_app.domain.calendar import VN_TZ
from counter_app.domain.code_blocks import LOW
from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.models import CodeBlock, Dossier, SyncIssue
from counter_app.resources_path import resource
from counter_app.services.catalogue import SAMPLE_CATALOGUE
from counter_app.services.dossier_codes import code_room
from counter_app.ui.receive_dialog import ReceiveDialog
from counter_app.wire import refusals
from tests.conftest import AGENCY, login
from tests.sync.conftest import Centre, Desk
from tests.sync.support import receive_many

DEPT = "000.00.15.H37"  # Sở Tư pháp: decides the procedure the desks receive
DEPT_PROCEDURE = "2.000815"  # what receive_many receives


def decided_by_the_department(centre: Centre) -> None:
    sample = load_catalogue(Path(str(resource(*SAMPLE_CATALOGUE))))
    spec = next(p for p in sample.procedures if p.code == DEPT_PROCEDURE)
    admin.import_catalogue(centre.engine, [dataclasses.replace(spec, deciding_authority=DEPT)])


def blocks_of(desk: Desk) -> list[tuple[int, int]]:
    with desk.ctx.sessions() as s:
        return [(b.first_seq, b.last_seq) for b in s.scalars(select(CodeBlock))]


def test_art_28_codes_name_the_deciding_authority_and_two_desks_never_share_one(
    centre: Centre,
) -> None:
    # GIVEN a procedure the province's catalogue says the department decides,
    # and two desks of a commune that synced since
    decided_by_the_department(centre)
    a, b = centre.desk("Quầy số 1"), centre.desk("Quầy số 2")
    (a_first, a_last), (b_first, b_last) = blocks_of(a)[0], blocks_of(b)[0]
    assert a_last < b_first or b_last < a_first
    # WHEN each receives dossiers of it offline
    codes = receive_many(a, 3) + receive_many(b, 3, first=10)
    # THEN every code starts with the department's identifier, each in its desk's block
    assert all(code.startswith(f"{DEPT}-") for code in codes)
    assert [int(c[-4:]) for c in codes[:3]] == [a_first, a_first + 1, a_first + 2]
    assert [int(c[-4:]) for c in codes[3:]] == [b_first, b_first + 1, b_first + 2]
    # AND the centre accepts them all, once
    assert a.sync().push.refused == 0 and b.sync().push.refused == 0
    assert (
        centre.scalar(
            "SELECT count(DISTINCT code) FROM central_dossiers WHERE code LIKE :p", p=f"{DEPT}-%"
        )
        == 6
    )


def test_art_28_a_desk_cannot_push_a_code_from_another_desks_block(centre: Centre) -> None:
    decided_by_the_department(centre)
    a, thief = centre.desk("Quầy số 1"), centre.desk("Quầy số 2")
    # GIVEN a desk whose SQLite file was edited to give a dossier a code in a's block
    a_first = blocks_of(a)[0][0]
    receive_many(thief, 1)
    with thief.ctx.sessions.begin() as s:
        forged = s.scalars(select(Dossier)).one()
        stolen = f"{forged.code[:-4]}{a_first:04d}"
        forged.code, forged_uuid = stolen, forged.uuid
    # WHEN it syncs, THEN the centre refuses that dossier and names why
    assert thief.sync().push.refused > 0
    assert centre.scalar("SELECT count(*) FROM central_dossiers WHERE code = :c", c=stolen) == 0
    with thief.ctx.sessions() as s:
        issues = [(i.row_uuid, i.reason) for i in s.scalars(select(SyncIssue))]
    assert (forged_uuid, refusals.CODE_OUT_OF_RANGE) in issues
    # AND the desk whose block it is prints and sends that code as its own
    assert receive_many(a, 1)[0] == stolen
    assert a.sync().push.refused == 0


def test_art_28_a_desk_that_runs_out_offline_is_told_first_then_uses_its_own_code(
    centre: Centre,
) -> None:
    decided_by_the_department(centre)
    desk = centre.desk("Quầy số 1")
    first, last = blocks_of(desk)[0]
    size = last - first + 1
    # GIVEN a new desk's block (no use yet: the smallest), received down to LOW numbers
    receive_many(desk, size - LOW)
    # THEN the reception form warns before the last number is taken
    room = code_room(desk.ctx, DEPT_PROCEDURE)
    assert room is not None and room.authority_id == DEPT
    assert room.warn and room.room.left_today == LOW
    # WHEN more dossiers come than the block holds
    codes = receive_many(desk, LOW + 2, first=100)
    # THEN the block is used to its end, then the unit's own code follows: no duplicate
    assert [c.startswith(f"{DEPT}-") for c in codes] == [True] * LOW + [False] * 2
    assert all(c.startswith(f"{AGENCY}-") for c in codes[LOW:])
    with desk.ctx.sessions() as s:
        total = s.scalar(select(func.count(func.distinct(Dossier.code))))
    assert total == size + 2
    # AND the centre accepts every one of them
    assert desk.sync().push.refused == 0


def test_art_28_the_reception_form_says_so_when_the_numbers_run_low(
    qtbot: QtBot, centre: Centre
) -> None:
    decided_by_the_department(centre)
    desk = centre.desk("Quầy số 1")
    first, last = blocks_of(desk)[0]
    form = ReceiveDialog(desk.ctx, login(desk.ctx, "tiepnhan"))
    qtbot.addWidget(form)
    # Plenty left: the form says nothing of it
    assert form.procedure.select_code(DEPT_PROCEDURE)
    assert DEPT not in form.procedure_info.text()
    # GIVEN the block used down to its last numbers
    receive_many(desk, last - first + 1 - LOW)
    # WHEN the official picks the procedure again, THEN the form says what is left
    assert form.procedure.select_code("1.004873") and form.procedure.select_code(DEPT_PROCEDURE)
    assert f"{DEPT}: hôm nay còn {LOW} số" in form.procedure_info.text()


def test_art_28_the_departments_own_desks_and_portal_keep_out_of_the_blocks(
    centre: Centre,
) -> None:
    # GIVEN the department with a desk of its own (slot 0), and a commune's
    # desk holding a block of the department's numbers
    own = admin.register_counter(
        centre.engine, agency_id=DEPT, agency_name="Sở Tư pháp", unit_name="Sở Tư pháp",
        counter_name="Quầy Sở Tư pháp 1",
    )  # fmt: skip
    decided_by_the_department(centre)
    commune = centre.desk("Quầy số 1")
    first, last = blocks_of(commune)[0]
    assert own.code_slot == 0 and first >= 1000  # not the department desk's 0001-0999
    # WHEN the portal sends a department dossier numbered inside that block, THEN it is refused
    today = datetime.now(VN_TZ).date()  # the desks' day, as the centre counts it
    entry = {
        "code": f"{DEPT}-{today:%y%m%d}-{first:04d}",
        "agency_id": DEPT,
        "procedure_code": DEPT_PROCEDURE,
        "submitted_at": f"{today}T07:15:00",
        "applicant": {"full_name": "Lăng Thị Hoa", "id_number": "020190001234"},
    }
    with pytest.raises(UserError) as refused:
        admin.import_online(centre.engine, [entry])
    assert "Quầy số 1" in render(refused.value.message)
    # AND a second desk of the department is not given the slot the block lies in
    second = admin.register_counter(
        centre.engine, agency_id=DEPT, agency_name="Sở Tư pháp", unit_name="Sở Tư pháp",
        counter_name="Quầy Sở Tư pháp 2",
    )  # fmt: skip
    assert second.code_slot not in range(first // 1000, last // 1000 + 1)
