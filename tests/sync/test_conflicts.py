"""A change from the centre never overwrites a counter's unsynced edit: the
citizen amends an online submission on the portal while a counter has already
started on it; both versions are kept and the conflict is shown."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from counter_app.centre import admin
from counter_app.domain.workflow import Action
from counter_app.models import Dossier, SyncIssue
from counter_app.services.dossiers import StepRequest, get_dossier, take_step
from counter_app.sync.pull import pull
from counter_app.sync.pull_reasons import UNSYNCED_LOCAL_EDIT
from counter_app.sync.service import status
from counter_app.wire.refusals import CHANGED_CENTRALLY, DOSSIER_REFUSED
from tests.conftest import AGENCY, Clock, login
from tests.sync.conftest import Centre, Desk
from tests.sync.support import assert_all_once, counter_engine, local_rows, outbox_size

CODE = f"{AGENCY}-261126-9001"


def _portal(phone: str, address: str = "") -> dict[str, Any]:
    return {
        "code": CODE,
        "agency_id": AGENCY,
        "procedure_code": "2.000815",
        "submitted_at": "2026-11-25T20:15:00",
        "applicant": {
            "full_name": "Lương Văn Bình",
            "id_number": "020195000123",
            "phone": phone,
            "address": address,
        },
    }


def _central(centre: Centre) -> tuple[int, str, object]:
    with centre.engine.connect() as conn:
        from sqlalchemy import text

        row = conn.execute(
            text(
                "SELECT version, state, owner_counter_uuid, body->>'applicant_phone' "
                "FROM central_dossiers WHERE code = :c"
            ),
            {"c": CODE},
        ).one()
    assert row[3] is not None
    return row[0], row[1], (row[2], row[3])


def _local(desk: Desk) -> Dossier:
    with desk.ctx.sessions() as s:
        return s.scalars(select(Dossier).where(Dossier.code == CODE)).one()


def _feed_changes(centre: Centre) -> int:
    return int(
        centre.scalar(  # type: ignore[arg-type]
            "SELECT count(*) FROM central_changes WHERE kind = 'dossier' AND body->>'code' = :c",
            c=CODE,
        )
    )


def test_portal_amendment_never_overwrites_an_unsynced_local_step(centre: Centre) -> None:
    clock = Clock(datetime(2026, 11, 26, 8, 0))
    # GIVEN an online dossier that two counters of the agency received by feed
    assert admin.import_online(centre.engine, [_portal("0987654321")]) == [CODE]
    working = centre.desk("Quầy số 1", clock)
    idle = centre.desk("Quầy số 2", clock)
    assert _local(working).version == 1 and _local(idle).version == 1
    # (importing the same file again changes nothing and sends nothing)
    assert admin.import_online(centre.engine, [_portal("0987654321")]) == []
    assert _feed_changes(centre) == 1

    # WHEN one counter starts appraisal without syncing yet
    take_step(
        working.ctx, login(working.ctx, "thamdinh"), CODE, StepRequest(Action.START_APPRAISAL)
    )
    assert outbox_size(working) > 0
    # AND the citizen amends the submission on the portal
    amended = [_portal("0912000111", "Khối 5, Đông Kinh")]
    assert admin.import_online(centre.engine, amended, amend=True) == [CODE]
    version, state, (owner, phone) = _central(centre)
    assert (version, state, owner, phone) == (2, "received", None, "0912000111")
    assert _feed_changes(centre) == 2

    # AND the working counter pulls the feed
    with counter_engine(working) as engine:
        report = pull(working.ctx.sessions, engine)
    # THEN its own step stays, and the conflict is recorded with both versions
    assert report.conflicts == 1
    mine = _local(working)
    assert mine.state == "in_appraisal"
    assert mine.applicant_phone == "0987654321"
    with working.ctx.sessions() as s:
        issues = s.scalars(select(SyncIssue)).all()
    assert len(issues) == 1
    issue = issues[0]
    assert (issue.direction, issue.kind, issue.row_uuid) == ("pull", "dossier", mine.uuid)
    assert issue.reason == UNSYNCED_LOCAL_EDIT
    assert issue.local_payload is not None and issue.local_payload["state"] == "in_appraisal"
    assert issue.central_payload is not None
    assert issue.central_payload["applicant_phone"] == "0912000111"
    assert issue.central_payload["version"] == 2
    shown = status(working.ctx, working.directory).issues
    assert [(i.direction, i.kind, i.row_uuid) for i in shown] == [("pull", "dossier", mine.uuid)]
    # pulling again does not record it twice
    with counter_engine(working) as engine:
        assert pull(working.ctx.sessions, engine).conflicts == 0
    assert len(status(working.ctx, working.directory).issues) == 1

    # AND the counter that had not touched it takes the amendment as is
    idle.sync()
    theirs = _local(idle)
    assert (theirs.version, theirs.applicant_phone) == (2, "0912000111")
    assert theirs.applicant_address == "Khối 5, Đông Kinh"
    assert not local_rows(idle, "SELECT * FROM sync_issues")

    # WHEN the working counter then syncs in full
    working.sync()
    # THEN the centre does not let the step overwrite the amendment either:
    # the dossier change is quarantined and shown; the rest of the queue went on
    version, state, (owner, phone) = _central(centre)
    assert (version, state, owner, phone) == (2, "received", None, "0912000111")
    reasons = local_rows(
        working, "SELECT direction, reason FROM sync_issues WHERE kind = 'dossier' ORDER BY id"
    )
    assert reasons == [("pull", UNSYNCED_LOCAL_EDIT), ("push", CHANGED_CENTRALLY)]
    # the step goes with its dossier: refused too, so the centre holds no
    # "appraisal started" for a dossier it shows as received
    assert local_rows(
        working, "SELECT reason FROM sync_issues WHERE direction = 'push' AND kind = 'step'"
    ) == [(DOSSIER_REFUSED,)]
    assert len(status(working.ctx, working.directory).issues) == 3
    assert _local(working).state == "in_appraisal"
    assert get_dossier(working.ctx, CODE).state == "in_appraisal"
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 2
    assert outbox_size(working) == 0
    assert (
        centre.scalar(
            "SELECT count(*) FROM central_records WHERE kind = 'step' AND dossier_uuid = :u",
            u=mine.uuid,
        )
        == 0
    )
    assert_all_once(centre, working, idle, quarantined=2)


def test_amendment_after_a_counter_took_the_dossier_is_left_alone(centre: Centre) -> None:
    clock = Clock(datetime(2026, 11, 26, 8, 0))
    admin.import_online(centre.engine, [_portal("0987654321")])
    desk = centre.desk("Quầy số 1", clock)
    # GIVEN a counter took the online dossier and synced
    take_step(desk.ctx, login(desk.ctx, "thamdinh"), CODE, StepRequest(Action.START_APPRAISAL))
    desk.sync()
    version, state, (owner, _) = _central(centre)
    assert (state, owner) == ("in_appraisal", desk.registration.counter_uuid)
    # WHEN the portal sends an amendment afterwards
    assert admin.import_online(centre.engine, [_portal("0912000111")], amend=True) == []
    # THEN the centre keeps the counter's dossier, nothing more is sent down
    # (the import, then the claim that told the agency's counters who took it)
    assert _central(centre) == (version, state, (owner, "0987654321"))
    assert _feed_changes(centre) == 2
    assert desk.sync().pull.applied == 0
    assert _local(desk).state == "in_appraisal"
    assert not local_rows(desk, "SELECT * FROM sync_issues")
    assert_all_once(centre, desk)
