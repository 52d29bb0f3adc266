"""A dossier has one owner at a time: the counter that received it, or the one
it was handed to. The centre checks moves with the workflow's own rules."""

from __future__ import annotations

from sqlalchemy import select

from counter_app.centre import admin
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.models import SyncIssue, WorkflowStep
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    get_dossier,
    receive,
    take_step,
)
from counter_app.wire.refusals import NOT_OWNER
from tests.conftest import PROVINCE_FEE, login
from tests.sync.conftest import Centre

CITIZEN = ApplicantInput(full_name="Vi Thị Hoa", id_number="020190001234", phone="0912345678")


def test_handed_over_dossier_moves_with_its_history_and_the_old_owner_is_refused(
    centre: Centre,
) -> None:
    # GIVEN counter 1 received and appraised a dossier, and synced
    one = centre.desk("Quầy số 1")
    two = centre.desk("Quầy số 2")
    code = receive(
        one.ctx,
        login(one.ctx, "tiepnhan"),
        ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE),
    ).code
    take_step(one.ctx, login(one.ctx, "thamdinh"), code, StepRequest(Action.START_APPRAISAL))
    one.sync()
    # WHEN the centre hands it to counter 2, where the citizen will come back
    admin.hand_over(centre.engine, code, two.registration.counter_uuid)
    two.sync()
    # THEN counter 2 holds it with its steps, and carries on
    assert get_dossier(two.ctx, code).state == "in_appraisal"
    with two.ctx.sessions() as s:
        assert len(s.scalars(select(WorkflowStep)).all()) == 2
    take_step(two.ctx, login(two.ctx, "thamdinh"), code, StepRequest(Action.APPRAISE))
    assert two.sync().push.refused == 0
    assert (
        centre.scalar("SELECT state FROM central_dossiers WHERE code = :c", c=code) == "appraised"
    )
    # AND counter 1's later change is quarantined there, not written over counter 2's
    take_step(
        one.ctx, login(one.ctx, "tiepnhan"), code, StepRequest(Action.WITHDRAW, note="Công dân rút")
    )
    assert one.sync().push.refused == 2  # the dossier and its step
    assert (
        centre.scalar("SELECT state FROM central_dossiers WHERE code = :c", c=code) == "appraised"
    )
    with one.ctx.sessions() as s:
        issue = s.scalars(select(SyncIssue).where(SyncIssue.kind == "dossier")).one()
    assert issue.reason == NOT_OWNER
    assert issue.local_payload is not None and issue.local_payload["state"] == "withdrawn"
    assert issue.central_payload is not None and issue.central_payload["state"] == "appraised"
