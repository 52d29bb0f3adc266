"""What the feed brings down: officials (login offline), the province's days
off, online dossiers for the agency, and departments' notes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counter_app.centre import admin
from counter_app.domain.messages import UserError
from counter_app.domain.workflow import Action, Role
from counter_app.services import auth, users
from counter_app.services.dossiers import StepRequest, get_dossier, take_step
from counter_app.sync.service import status
from tests.conftest import login
from tests.sync.conftest import Centre

# The portal numbers in code slot 9, which no counter of these tests holds.
PORTAL_CODE = "000.00.37.H37-261126-9042"


def _online(code: str = PORTAL_CODE) -> dict[str, object]:
    return {
        "code": code,
        "agency_id": "000.00.37.H37",
        "procedure_code": "1.004873",
        "submitted_at": "2026-11-26T20:15:00",
        # The province sets this procedure's fee; the portal charged it online.
        "fee": 15_000,
        "applicant": {
            "full_name": "Lăng Thị Khuyên",
            "id_number": "020190001234",
            "phone": "0912345678",
        },
    }


def _clerk_at_centre(centre: Centre, *, active: bool) -> None:
    """The province records the official "vanthu" (again, when changed)."""
    admin.add_user(
        centre.engine,
        username="vanthu",
        full_name="Triệu Thị Lan",
        password_hash=users.hash_password("mat-khau-moi-1"),
        roles=[Role.RECEIVER],
        agency_id="000.00.37.H37",
        active=active,
    )


def test_officials_and_days_off_come_down_and_work_offline(centre: Centre) -> None:
    desk = centre.desk("Quầy số 1")
    # GIVEN the province adds an official and a day off
    _clerk_at_centre(centre, active=True)
    admin.set_calendar_day(centre.engine, date(2026, 12, 31), working=False, name="Nghỉ theo QĐ")
    # WHEN the desk syncs once
    received = desk.sync().pull.applied
    assert received >= 2
    # THEN the official logs in with no centre in reach, and deadlines skip the day
    assert login(desk.ctx, "vanthu", "mat-khau-moi-1").full_name == "Triệu Thị Lan"
    with desk.ctx.sessions() as s:
        calendar = desk.ctx.calendar(s)
        assert not calendar.is_working_day(date(2026, 12, 31))
    # AND a second sync brings nothing again (the cursor moved with the changes)
    assert desk.sync().pull.applied == 0
    # WHEN the province disables the official, THEN the desk refuses them, saying why
    _clerk_at_centre(centre, active=False)
    assert desk.sync().pull.applied == 1
    with pytest.raises(UserError, match="disabled"):
        auth.login(desk.ctx, "vanthu", "mat-khau-moi-1")
    assert not [u.active for u in users.list_users(desk.ctx) if u.username == "vanthu"][0]


def test_online_dossier_reaches_the_agency_is_claimed_and_gets_the_department_note(
    centre: Centre,
) -> None:
    one = centre.desk("Quầy số 1")
    two = centre.desk("Quầy số 2")
    # GIVEN a dossier submitted on the public service portal
    assert admin.import_online(centre.engine, [_online()]) == [PORTAL_CODE]
    assert admin.import_online(centre.engine, [_online()]) == []  # imported once
    # WHEN the agency's counters sync, THEN both see it, as received, with its appointment
    one.sync()
    two.sync()
    for desk in (one, two):
        info = get_dossier(desk.ctx, PORTAL_CODE)
        assert info.state.value == "received"
        assert info.ledger_book == "DVC"
        # The fee the portal charged for a province-set fee came with it, not "free".
        assert info.fee == 15_000
    assert (
        centre.scalar("SELECT fee FROM central_dossiers WHERE code = :c", c=PORTAL_CODE) == 15_000
    )
    # WHEN counter 1 takes it up and syncs, THEN it owns it at the centre
    take_step(one.ctx, login(one.ctx, "thamdinh"), PORTAL_CODE, StepRequest(Action.START_APPRAISAL))
    assert one.sync().push.refused == 0
    owner = centre.scalar(
        "SELECT owner_counter_uuid FROM central_dossiers WHERE code = :c", c=PORTAL_CODE
    )
    assert owner == one.registration.counter_uuid
    # WHEN the justice department records a note centrally, THEN the owner receives it
    admin.record_note(
        centre.engine,
        PORTAL_CODE,
        department="Phòng Tư pháp",
        note="Đã xác minh tình trạng hôn nhân",
        at=datetime(2026, 11, 27, 9, 0),
    )
    one.sync()
    notes = get_dossier(one.ctx, PORTAL_CODE).central_notes
    assert [(n.department, n.text) for n in notes] == [
        ("Phòng Tư pháp", "Đã xác minh tình trạng hôn nhân")
    ]
    # AND counter 2 learns that counter 1 took it up
    two.sync()
    assert get_dossier(two.ctx, PORTAL_CODE).state.value == "in_appraisal"


def test_a_counter_acting_on_a_dossier_taken_elsewhere_is_refused_with_its_steps(
    centre: Centre,
) -> None:
    one = centre.desk("Quầy số 1")
    two = centre.desk("Quầy số 2")
    admin.import_online(centre.engine, [_online()])
    one.sync()
    two.sync()
    # GIVEN both act on the same online dossier before hearing of each other
    take_step(one.ctx, login(one.ctx, "thamdinh"), PORTAL_CODE, StepRequest(Action.START_APPRAISAL))
    take_step(two.ctx, login(two.ctx, "thamdinh"), PORTAL_CODE, StepRequest(Action.START_APPRAISAL))
    assert one.sync().push.refused == 0
    # WHEN the second syncs, THEN its dossier change and its step are both refused
    assert two.sync().push.refused == 2
    steps = centre.scalar(
        "SELECT count(*) FROM central_records r JOIN central_dossiers d "
        "ON d.uuid = r.dossier_uuid WHERE d.code = :c AND r.kind = 'step'",
        c=PORTAL_CODE,
    )
    assert steps == 1
    # AND afterwards it holds the owner's copy, its own attempt kept as an issue
    assert get_dossier(two.ctx, PORTAL_CODE).state.value == "in_appraisal"
    assert len(status(two.ctx, two.directory).issues) == 2
