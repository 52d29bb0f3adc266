"""Every action has an authenticated actor: only a login makes one, wrong
passwords lock the name for a while, failed logins are audited, and
administrators' services check the role."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from counter_app.app_setup import Runtime
from counter_app.domain.errors import (
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    Forbidden,
    NotFound,
    RefusedTransition,
)
from counter_app.domain.messages import UserError
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action, Role
from counter_app.i18n import render
from counter_app.models import AuditEntry, LoginLockout, OutboxEntry, User
from counter_app.services import calendar_admin, catalogue, dossiers, print_jobs, users
from counter_app.services.auth import Actor, login
from counter_app.services.context import LoginPolicy
from counter_app.services.dossiers import ReceiveRequest, StepRequest
from tests.conftest import PASSWORD, PROVINCE_FEE, Clock, make_counter
from tests.conftest import login as cached_login

CITIZEN = ApplicantInput(full_name="Nguyễn Thị Đoàn", id_number="020185000123")
MARITAL_STATUS = "1.004873"


def _audit(rt: Runtime, event: str) -> list[AuditEntry]:
    with rt.ctx.sessions() as s:
        return list(
            s.scalars(select(AuditEntry).where(AuditEntry.event == event).order_by(AuditEntry.id))
        )


def _audit_count(rt: Runtime) -> int:
    with rt.ctx.sessions() as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def test_an_actor_cannot_be_made_from_a_name(counter: Runtime) -> None:
    # GIVEN a real login
    actor = login(counter.ctx, "tiepnhan", PASSWORD)
    assert actor.roles == {Role.RECEIVER, Role.RETURNER}
    # THEN no code can build one from a user name, nor copy one with more roles
    with pytest.raises(TypeError):
        Actor("tiepnhan", "X", "", frozenset({Role.ADMIN}), actor.counter_uuid)
    with pytest.raises(TypeError):
        dataclasses.replace(actor, roles=frozenset({Role.ADMIN}))
    # AND a service handed a bare name refuses before writing anything
    before = _audit_count(counter)
    with pytest.raises(TypeError):
        dossiers.receive(
            counter.ctx,
            "tiepnhan",
            ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE),
        )  # type: ignore[arg-type]
    assert _audit_count(counter) == before


def test_five_wrong_passwords_lock_the_name_for_a_while(counter: Runtime, clock: Clock) -> None:
    # GIVEN four wrong passwords: each refused as a wrong password
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            login(counter.ctx, "tiepnhan", "sai-mat-khau")
    # WHEN the fifth is wrong too
    with pytest.raises(AccountLocked) as locked:
        login(counter.ctx, "tiepnhan", "sai-mat-khau")
    assert "09:15 26/11/2026" in render(locked.value.message)
    # THEN even the right password is refused until the lock runs out
    clock.now += timedelta(minutes=14)
    with pytest.raises(AccountLocked):
        login(counter.ctx, "tiepnhan", PASSWORD)
    clock.now += timedelta(minutes=1, seconds=1)
    assert login(counter.ctx, "tiepnhan", PASSWORD).username == "tiepnhan"
    # AND every failure is in the audit log, stamped by the service clock, and
    # queued for the centre like every audit entry
    failed = _audit(counter, "login.failed")
    assert [e.details["reason"] for e in failed] == ["password"] * 5 + ["locked"]
    assert all(e.entity == "user:tiepnhan" for e in failed)
    assert failed[4].details["locked_until"] == "2026-11-26T09:15:00"
    with counter.ctx.sessions() as s:
        queued = s.scalars(select(OutboxEntry.row_uuid).where(OutboxEntry.kind == "audit")).all()
        assert {e.uuid for e in failed} <= set(queued)
        # The lock itself stays on this counter: it is no synced kind.
        assert (
            s.scalar(
                select(func.count())
                .select_from(OutboxEntry)
                .where(
                    OutboxEntry.kind.not_in(
                        ["audit", "dossier", "document", "pause", "step", "print_job"]
                    )
                )
            )
            == 0
        )


def test_a_good_password_clears_the_count_and_the_policy_is_configurable(
    counter: Runtime, clock: Clock
) -> None:
    counter.ctx.login_policy = LoginPolicy(max_failures=3, lock_for=timedelta(minutes=2))
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            login(counter.ctx, "thamdinh", "sai-mat-khau")
    login(counter.ctx, "thamdinh", PASSWORD)
    with counter.ctx.sessions() as s:
        assert s.get(LoginLockout, "thamdinh") is None
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            login(counter.ctx, "thamdinh", "sai-mat-khau")
    with pytest.raises(AccountLocked):
        login(counter.ctx, "thamdinh", "sai-mat-khau")
    clock.now += timedelta(minutes=2, seconds=1)
    assert login(counter.ctx, "thamdinh", PASSWORD).username == "thamdinh"


def test_unknown_names_are_counted_and_audited_too(counter: Runtime) -> None:
    for _ in range(5):
        with pytest.raises(Forbidden):
            login(counter.ctx, "Khong.Co", "bat-ky-mat-khau")
    with pytest.raises(AccountLocked):
        login(counter.ctx, "khong.co", "bat-ky-mat-khau")
    assert len(_audit(counter, "login.failed")) == 6


def test_administrators_services_check_the_role(counter: Runtime, tmp_path: Path) -> None:
    official = cached_login(counter, "tiepnhan")
    before = _audit_count(counter)
    csv = tmp_path / "c.csv"
    csv.write_text(
        "code,name,field,level,processing_amount,processing_unit,fee_kind,fee_amount,documents\n"
        "1.000001,Thủ tục thử,Hộ tịch,xã,3,working_days,free,0,Tờ khai|original|1|1\n",
        encoding="utf-8",
    )
    refused = [
        lambda: catalogue.import_sample(counter.ctx, official),
        lambda: catalogue.import_file(counter.ctx, official, csv),
        lambda: calendar_admin.set_working_hours(counter.ctx, official, "07:00-11:00", "15:00"),
        lambda: calendar_admin.set_province_day(
            counter.ctx, official, date(2026, 12, 31), working=False, name="Nghỉ"
        ),
        lambda: print_jobs.set_print_settings(
            counter.ctx, official, printer="EPSON", receipt_paper="80mm"
        ),
        lambda: users.create_user(
            counter.ctx,
            official,
            username="moi",
            full_name="Lò Văn Mới",
            password=PASSWORD,
            roles=[Role.ADMIN],
        ),
    ]
    for call in refused:
        with pytest.raises(Forbidden) as err:
            call()
        assert render(err.value.message).startswith("Chỉ cán bộ có vai trò")
    assert _audit_count(counter) == before
    assert "1.000001" not in {p.code for p in catalogue.list_procedures(counter.ctx)}
    # The first-administrator path is closed once officials exist.
    with pytest.raises(Forbidden):
        users.create_first_admin(
            counter.ctx, username="moi", full_name="Lò Văn Mới", password=PASSWORD
        )
    # An administrator passes.
    admin = cached_login(counter, "quantri")
    assert (
        print_jobs.set_print_settings(
            counter.ctx, admin, printer="EPSON", receipt_paper="80mm"
        ).receipt_paper
        == "80mm"
    )


def test_a_login_holds_only_while_the_official_does(counter: Runtime, tmp_path: Path) -> None:
    official = login(counter.ctx, "tiepnhan", PASSWORD)
    code = dossiers.receive(
        counter.ctx, official, ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE)
    ).code
    # GIVEN a login made on another counter's database
    other = make_counter(tmp_path / "other", slot=1)
    try:
        stranger = login(other.ctx, "tiepnhan", PASSWORD)
    finally:
        other.close()
    with pytest.raises(Forbidden):
        dossiers.take_step(counter.ctx, stranger, code, StepRequest(Action.REQUEST_SUPPLEMENT))
    # GIVEN the official deactivated after logging in
    with counter.ctx.sessions.begin() as s:
        s.execute(update(User).where(User.username == "tiepnhan").values(active=False))
    with pytest.raises(NotFound):
        dossiers.receive(
            counter.ctx, official, ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE)
        )
    with pytest.raises(AuthenticationFailed):
        login(counter.ctx, "tiepnhan", PASSWORD)


def test_refusals_are_distinct_classes_with_one_sentence(counter: Runtime) -> None:
    receiver = cached_login(counter, "tiepnhan")
    code = dossiers.receive(
        counter.ctx, receiver, ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE)
    ).code
    # A supplement is requested once, with the complete list; a second request collides.
    second_request = dossiers.receive(
        counter.ctx, receiver, ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE)
    ).code
    for step in (
        StepRequest(Action.REQUEST_SUPPLEMENT, items=["Tờ khai"]),
        StepRequest(Action.SUPPLEMENT),
    ):
        dossiers.take_step(counter.ctx, cached_login(counter, "motcua"), second_request, step)
    cases: list[tuple[type[UserError], object]] = [
        (NotFound, lambda: dossiers.get_dossier(counter.ctx, "000.00.37.H37-261126-9999")),
        (
            NotFound,
            lambda: dossiers.receive(counter.ctx, receiver, ReceiveRequest("9.999999", CITIZEN)),
        ),
        (
            Forbidden,
            lambda: dossiers.take_step(
                counter.ctx, receiver, code, StepRequest(Action.START_APPRAISAL)
            ),
        ),
        (
            RefusedTransition,
            lambda: dossiers.take_step(
                counter.ctx, receiver, code, StepRequest(Action.RETURN_RESULT)
            ),
        ),
        (
            Conflict,
            lambda: dossiers.take_step(
                counter.ctx,
                cached_login(counter, "motcua"),
                second_request,
                StepRequest(Action.REQUEST_SUPPLEMENT, items=["Bản sao giấy khai sinh"]),
            ),
        ),
    ]
    for cls, call in cases:
        with pytest.raises(UserError) as err:
            call()  # type: ignore[operator]
        assert type(err.value) is cls, (cls, err.value)
        text = render(err.value.message)
        # One Vietnamese sentence: translated, one full stop at the end.
        assert text.endswith(".") and text.count(". ") == 0, text
        assert text != err.value.message.source, text
