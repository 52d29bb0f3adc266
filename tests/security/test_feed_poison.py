"""One change a counter cannot apply must not stop its feed (issue 16, point 3).

The poison is written at the centre as its owner would (or as a counter of
the agency could, before the centre checked bodies): a portal dossier taking
a code the desk already printed, a body whose code contradicts the row's, a
portal code inside the desk's own numbering. Each becomes one visible sync
issue; the officials, days off and dossiers behind it still arrive; `sync
resync` works; a corrected change repairs the row and clears the issue.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from counter_app.centre import admin, feed
from counter_app.domain.workflow import Role
from counter_app.models import Dossier, SyncIssue
from counter_app.services import users
from counter_app.sync.pull import read_cursor
from counter_app.sync.pull_reasons import BODY_DISAGREES, CODE_IN_OWN_RANGE, CODE_TAKEN_HERE
from counter_app.sync.service import status
from counter_app.ui.sync_issues_dialog import SyncIssuesDialog
from counter_app.ui.sync_status import SyncStatusBar
from tests.conftest import AGENCY, PASSWORD, login
from tests.sync.conftest import Centre, Desk
from tests.sync.support import ROOT, receive_many

PORTAL_CODE = f"{AGENCY}-261126-9042"
DAY_OFF = date(2026, 12, 31)
# The row's code and the body's, both set to :c.
SET_CODE = "code = CAST(:c AS text), body = jsonb_set(body, '{code}', to_jsonb(CAST(:c AS text)))"


def _portal(code: str = PORTAL_CODE, phone: str = "0912345678") -> dict[str, object]:
    return {
        "code": code,
        "agency_id": AGENCY,
        "procedure_code": "1.004873",
        "submitted_at": "2026-11-26T20:15:00",
        "fee": 15_000,
        "applicant": {"full_name": "Lăng Thị Khuyên", "id_number": "020190001234", "phone": phone},
    }


def _cli(desk: Desk, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command, in the official's language (Vietnamese)."""
    env = {k: v for k, v in os.environ.items() if k != "COUNTER_APP_LANG"}
    return subprocess.run(
        [sys.executable, "-m", "counter_app.cli", "--data-dir", str(desk.directory), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={
            **env,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            "COUNTER_APP_PASSWORD": PASSWORD,
        },
    )


ADMIN = "quantri"


def _desk(centre: Centre) -> Desk:
    """A desk whose officials include an administrator (resync is theirs)."""
    admin.add_user(
        centre.engine,
        username=ADMIN,
        full_name="Lương Văn Hải",
        password_hash=users.hash_password(PASSWORD),
        roles=[Role.ADMIN],
        agency_id=AGENCY,
    )
    return centre.desk("Quầy số 1")


def _uuid_of(centre: Centre, code: str) -> str:
    return str(centre.scalar("SELECT uuid FROM central_dossiers WHERE code = :c", c=code))


def _rewrite(centre: Centre, uuid: str, change: str, emit: bool = True, **params: Any) -> None:
    """As the centre's owner: change a dossier's row with ``change`` (SQL after
    SET), one version up, triggers off (the code guard would refuse), and send
    its body down the feed as sync/central/feed.py does."""
    with centre.engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(
            text(f"UPDATE central_dossiers SET {change}, version = version + 1 WHERE uuid = :u"),
            {"u": uuid, **params},
        )
        row = conn.execute(
            text("SELECT agency_id, body, version FROM central_dossiers WHERE uuid = :u"),
            {"u": uuid},
        ).one()
        if emit:
            feed.emit(
                conn, "dossier", uuid, {**row.body, "version": row.version}, agency_id=row.agency_id
            )


def _behind_the_poison(centre: Centre) -> None:
    """What the province sends after the poison: an official and a day off."""
    admin.add_user(
        centre.engine,
        username="vanthu",
        full_name="Triệu Thị Lan",
        password_hash=users.hash_password("mat-khau-moi-1"),
        roles=[Role.RECEIVER],
        agency_id=AGENCY,
    )
    admin.set_calendar_day(centre.engine, DAY_OFF, working=False, name="Nghỉ theo QĐ")


def _assert_feed_moved_on(centre: Centre, desk: Desk, poisoned_uuid: str) -> None:
    last = centre.engine.connect()
    with last:
        xid, change_id = last.execute(
            text(
                "SELECT xid::text, id FROM central_changes WHERE row_uuid = :u "
                "ORDER BY xid DESC, id DESC LIMIT 1"
            ),
            {"u": poisoned_uuid},
        ).one()
    with desk.ctx.sessions() as s:
        cursor = read_cursor(s)
    assert cursor is not None
    assert (int(cursor[0]), cursor[1]) >= (int(xid), change_id)
    assert login(desk.ctx, "vanthu", "mat-khau-moi-1").full_name == "Triệu Thị Lan"
    with desk.ctx.sessions() as s:
        assert not desk.ctx.calendar(s).is_working_day(DAY_OFF)


def _pull_issues(desk: Desk) -> list[SyncIssue]:
    with desk.ctx.sessions() as s:
        return list(
            s.scalars(select(SyncIssue).where(SyncIssue.direction == "pull").order_by(SyncIssue.id))
        )


def _local_code(desk: Desk, uuid: str) -> str | None:
    with desk.ctx.sessions() as s:
        return s.scalar(select(Dossier.code).where(Dossier.uuid == uuid))


def test_a_body_whose_code_contradicts_its_row_is_an_issue_and_the_feed_goes_on(
    centre: Centre,
) -> None:
    desk = _desk(centre)
    # GIVEN the desk's own dossier at the centre, and a portal dossier it holds too
    (own_code,) = receive_many(desk, 1)
    assert admin.import_online(centre.engine, [_portal()]) == [PORTAL_CODE]
    desk.sync()
    portal = _uuid_of(centre, PORTAL_CODE)
    assert _local_code(desk, portal) == PORTAL_CODE
    # AND the portal dossier's body edited at the centre (as another counter of the
    # agency could): its code inside the JSON is the desk's own dossier's code
    _rewrite(
        centre, portal, "body = jsonb_set(body, '{code}', to_jsonb(CAST(:c AS text)))", c=own_code
    )
    _behind_the_poison(centre)

    # WHEN the desk syncs
    report = desk.sync()
    # THEN the pull completes, past the poison, and what came after it arrived
    assert report.pull.conflicts == 1
    _assert_feed_moved_on(centre, desk, portal)
    # AND nothing of the bad body was written: both dossiers keep their codes
    assert _local_code(desk, portal) == PORTAL_CODE
    assert _local_code(desk, _uuid_of(centre, own_code)) == own_code
    (issue,) = _pull_issues(desk)
    assert (issue.kind, issue.row_uuid, issue.reason) == ("dossier", portal, BODY_DISAGREES)
    assert issue.central_payload is not None and issue.central_payload["code"] == own_code

    # AND `sync status` names it: one record, the dossier, why, in Vietnamese
    shown = _cli(desk, "sync", "status", "--by", "tiepnhan")
    assert shown.returncode == 0, shown.stderr
    assert "Bản ghi cần xử lý: 1." in shown.stdout
    line = next(x for x in shown.stdout.splitlines() if portal in x)
    assert PORTAL_CODE in line and "Hồ sơ" in line
    assert "tự mâu thuẫn" in line and own_code in line

    # AND a resync works, and records the same issue once
    again = _cli(desk, "sync", "resync", "--by", ADMIN)
    assert again.returncode == 0, again.stderr
    assert [i.uuid for i in _pull_issues(desk)] == [issue.uuid]
    assert len(status(desk.ctx, desk.directory).issues) == 1
    # AND syncing again adds nothing
    assert desk.sync().pull.conflicts == 0

    # WHEN the centre corrects the body (and the citizen's phone changed meanwhile)
    _rewrite(
        centre,
        portal,
        "body = jsonb_set(jsonb_set(body, '{code}', to_jsonb(code)), '{applicant_phone}', "
        "'\"0987000111\"')",
    )
    desk.sync()
    # THEN the row is applied and the issue is over
    assert status(desk.ctx, desk.directory).issues == []
    with desk.ctx.sessions() as s:
        d = s.scalars(select(Dossier).where(Dossier.uuid == portal)).one()
        assert (d.code, d.applicant_phone) == (PORTAL_CODE, "0987000111")
    assert "Bản ghi cần xử lý: 0." in _cli(desk, "sync", "status", "--by", "tiepnhan").stdout


def test_a_portal_dossier_taking_a_printed_code_is_an_issue_and_the_feed_goes_on(
    centre: Centre,
) -> None:
    desk = _desk(centre)
    # GIVEN a dossier the desk received and printed a receipt for, not yet sent
    (printed,) = receive_many(desk, 1)
    # AND a portal dossier imported at the centre with that very code
    assert admin.import_online(centre.engine, [_portal()]) == [PORTAL_CODE]
    portal = _uuid_of(centre, PORTAL_CODE)
    with centre.engine.begin() as conn:
        # the honest import never reached the feed: only the code-taking one does
        conn.execute(text("DELETE FROM central_changes WHERE row_uuid = :u"), {"u": portal})
    _rewrite(
        centre,
        portal,
        SET_CODE,
        c=printed,
    )
    _behind_the_poison(centre)

    # WHEN the desk syncs (the centre refuses its dossier: the code is taken there)
    desk.sync()
    # THEN its pull completes past the portal dossier, and the rest arrived
    _assert_feed_moved_on(centre, desk, portal)
    assert _local_code(desk, portal) is None
    (issue,) = _pull_issues(desk)
    assert (issue.kind, issue.row_uuid, issue.reason) == ("dossier", portal, CODE_TAKEN_HERE)
    # AND `sync status` names the portal dossier and the code it takes
    shown = _cli(desk, "sync", "status", "--by", "tiepnhan")
    assert shown.returncode == 0, shown.stderr
    issues = status(desk.ctx, desk.directory).issues
    assert f"Bản ghi cần xử lý: {len(issues)}." in shown.stdout
    line = next(x for x in shown.stdout.splitlines() if portal in x)
    assert printed in line and "Nhận về" in line
    # AND a resync works
    again = _cli(desk, "sync", "resync", "--by", ADMIN)
    assert again.returncode == 0, again.stderr
    assert len(_pull_issues(desk)) == 1

    # WHEN the centre gives the portal dossier its own code
    _rewrite(
        centre,
        portal,
        SET_CODE,
        c=PORTAL_CODE,
    )
    desk.sync()
    # THEN the desk holds it, and the pull issue is resolved
    assert _local_code(desk, portal) == PORTAL_CODE
    assert [i.resolved_at is not None for i in _pull_issues(desk)] == [True]
    assert all(i.direction != "pull" for i in status(desk.ctx, desk.directory).issues)


def test_a_portal_code_in_the_desks_own_numbering_is_not_taken(
    centre: Centre, qtbot: QtBot
) -> None:
    desk = centre.desk("Quầy số 1")
    # GIVEN a portal dossier imported with a number this desk has not printed yet,
    # but may tomorrow (its agency, its slot)
    (printed,) = receive_many(desk, 1)
    desk.sync()
    ahead = printed[:-4] + f"{int(printed[-4:]) + 5:04d}"
    assert admin.import_online(centre.engine, [_portal()]) == [PORTAL_CODE]
    portal = _uuid_of(centre, PORTAL_CODE)
    with centre.engine.begin() as conn:
        conn.execute(text("DELETE FROM central_changes WHERE row_uuid = :u"), {"u": portal})
    _rewrite(
        centre,
        portal,
        SET_CODE,
        c=ahead,
    )
    # WHEN the desk syncs
    desk.sync()
    # THEN it does not hold the dossier under a number of its own, and says so
    assert _local_code(desk, portal) is None
    (issue,) = _pull_issues(desk)
    assert (issue.row_uuid, issue.reason) == (portal, CODE_IN_OWN_RANGE)
    current = status(desk.ctx, desk.directory)
    (info,) = current.issues
    assert info.record == ahead
    # AND the window shows it: the count in the status bar, the dossier and why in the list
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.show_status(current)
    assert bar.issues_button.text() == "Cần xử lý: 1"
    assert not bar.issues_button.isHidden()
    dialog = SyncIssuesDialog(current.issues)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.index(0, model.DIRECTION).data() == "Nhận về: không áp dụng được"
    assert model.index(0, model.KIND).data() == f"Hồ sơ {ahead}"
    reason = model.index(0, model.REASON).data()
    assert reason.startswith(f"Mã {ahead} nằm trong dải số quầy này")
