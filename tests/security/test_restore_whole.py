"""Issue 16, point 5: a restore is whole.

(a) The high-water mark is the highest of every copy: with the data folder's
mark deleted and the copy in backups/ older than the codes printed since, a
restore still goes on above every printed code, and says so in Vietnamese.
(b) A counter that had sent its dossiers to the centre takes them back after
a restore (with their steps and documents, once, with their codes) before
it receives again; until then the restore shows as not complete."""

from __future__ import annotations

import socket

from counter_app import backup_files, i18n
from counter_app import high_water as mark_file
from counter_app.app_setup import open_runtime
from counter_app.domain.messages import Message
from counter_app.services import backups, continuity
from counter_app.sync.service import status
from counter_app.ui.sync_issues_dialog import KINDS
from counter_app.wire import connection_file as settings_file
from tests.conftest import Clock
from tests.sync.conftest import Centre, Desk
from tests.sync.support import (
    LOCAL_TABLES,
    assert_all_once,
    central_uuids,
    local_rows,
    outbox_size,
    receive_many,
    route_through,
)


def _reopen(desk: Desk, clock: Clock) -> list[str]:
    desk.rt = open_runtime(desk.directory)
    desk.rt.ctx.clock = clock
    return [i18n.render(n) for n in desk.rt.notices]


def _restore_incomplete(desk: Desk) -> bool:
    """Whether the start told the official the restore is not complete (its
    Vietnamese is checked with every message by tests/test_translations.py)."""
    pending = Message("Continuity", continuity.RECLAIM_PENDING)
    return any(n == pending or n.params.get("pending") == pending for n in desk.rt.notices)


def _codes(desk: Desk) -> list[str]:
    return sorted(str(r[0]) for r in local_rows(desk, "SELECT code FROM dossiers"))


def test_a_deleted_mark_never_lets_a_printed_code_come_back(centre: Centre, clock: Clock) -> None:
    # GIVEN a connected desk: 3 dossiers, sent, then backed up
    desk = centre.desk("Quầy số 1", clock)
    first = receive_many(desk, 3)
    desk.sync()
    backups.back_up(desk.directory)
    copy = backup_files.generations(desk.directory / "backups")[0]
    # AND 2 more, receipts printed, not sent (the centre knows 3)
    later = receive_many(desk, 2, first=3)
    printed = first + later
    desk.rt.close()
    # WHEN the data folder's mark is deleted (its copy in backups/ says 3)
    (desk.directory / mark_file.FILENAME).unlink()
    copied = mark_file.read(desk.directory / "backups" / mark_file.FILENAME)
    assert copied.sequences["code:261126"] == 3
    # AND the backup is restored
    backups.restore(desk.directory, copy)
    notices = _reopen(desk, clock)
    # THEN the official is warned, in Vietnamese, naming the last printed code
    assert any("có thể" in n and printed[-1] in n for n in notices), notices
    # AND the next code is above every printed one
    new = receive_many(desk, 1, first=5)
    assert new[0] > max(printed) and new[0] not in printed, (new, printed)
    desk.rt.close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_restored_counter_takes_back_what_the_centre_holds_for_it(
    centre: Centre, clock: Clock
) -> None:
    # GIVEN a desk that sent 2 dossiers, was backed up, then received and sent 5 more
    desk = centre.desk("Quầy số 1", clock)
    receive_many(desk, 2)
    desk.sync()
    backups.back_up(desk.directory)
    copy = backup_files.generations(desk.directory / "backups")[0]
    five = receive_many(desk, 5, first=2)
    desk.sync()
    me = desk.registration.counter_uuid
    central_before = central_uuids(centre, desk)
    five_records = {
        kind: sorted(
            str(r[0])
            for r in local_rows(
                desk,
                f"SELECT t.uuid FROM {table} t JOIN dossiers d ON d.id = t.dossier_id "
                f"WHERE d.code IN ({', '.join(repr(c) for c in five)})",
            )
        )
        for kind, table in LOCAL_TABLES.items()
        if kind != "audit"
    }
    assert five_records["step"], "a received dossier has its first step"
    desk.rt.close()
    # WHEN the backup is restored while the centre is out of reach
    backups.restore(desk.directory, copy)
    stored = settings_file.stored(desk.directory)
    assert stored is not None
    route_through(desk, _closed_port())
    notices = _reopen(desk, clock)
    # THEN the official is told, in Vietnamese, that dossiers may be missing…
    assert any("có thể" in n for n in notices), notices
    # …and the window says the restore is not complete (a notice, a sync issue)
    assert _restore_incomplete(desk)
    assert [i.kind for i in status(desk.ctx, desk.directory).issues] == ["restore"]
    assert i18n.render(Message("SyncIssues", KINDS["restore"])) == "Bản sao lưu đã khôi phục"
    assert not set(five) & set(_codes(desk))
    # AND a dossier received meanwhile gets a code above the five
    offline = receive_many(desk, 1, first=7)
    assert offline[0] > max(five)
    # WHEN the centre is back and the desk syncs
    settings_file.write(desk.directory / settings_file.SETTINGS_FILENAME, stored)
    report = desk.sync()
    # THEN the five are back, once, with their codes, steps and documents
    codes = _codes(desk)
    assert len(codes) == len(set(codes)) == 8
    assert set(five) <= set(codes) and offline[0] in codes
    for kind, uuids in five_records.items():
        table = LOCAL_TABLES[kind]
        back = [
            str(r[0])
            for r in local_rows(
                desk,
                f"SELECT t.uuid FROM {table} t JOIN dossiers d ON d.id = t.dossier_id "
                f"WHERE d.code IN ({', '.join(repr(c) for c in five)})",
            )
        ]
        assert sorted(back) == uuids, kind
    # AND nothing was pushed back as new: only the offline dossier went out.
    # The audit entries written here while offline fork the chain the centre
    # holds (the log cannot take its tail back): refused and shown, not lost.
    refused = status(desk.ctx, desk.directory).issues
    assert report.push.refused == len(refused)
    assert {i.kind for i in refused} <= {"audit"}
    assert outbox_size(desk) == 0
    after = central_uuids(centre, desk)
    assert len(after["dossier"]) == len(set(after["dossier"])) == len(central_before["dossier"]) + 1
    for kind in ("document", "step", "pause", "print_job"):
        assert len(after[kind]) == len(set(after[kind])), f"{kind} doubled at the centre"
        assert set(central_before[kind]) <= set(after[kind])
    assert (
        centre.scalar("SELECT count(*) FROM central_dossiers WHERE origin_counter_uuid = :u", u=me)
        == 8
    )
    # AND the restore is complete: its issue is resolved, the next start says nothing of it
    assert "restore" not in {i.kind for i in refused}
    desk.rt.close()
    _reopen(desk, clock)
    assert not _restore_incomplete(desk)
    desk.rt.close()


def test_restored_with_the_centre_at_hand_the_start_takes_everything_back(
    centre: Centre, clock: Clock
) -> None:
    # GIVEN a desk backed up after 2 dossiers, then 5 more sent
    desk = centre.desk("Quầy số 1", clock)
    receive_many(desk, 2)
    desk.sync()
    backups.back_up(desk.directory)
    copy = backup_files.generations(desk.directory / "backups")[0]
    five = receive_many(desk, 5, first=2)
    desk.sync()
    desk.rt.close()
    # WHEN the backup is restored and the counter opened with the centre reachable
    backups.restore(desk.directory, copy)
    _reopen(desk, clock)
    # THEN the start took everything back, the audit log's tail too: the restore is complete
    assert set(five) <= set(_codes(desk)) and len(_codes(desk)) == 7
    assert not _restore_incomplete(desk)
    assert status(desk.ctx, desk.directory).issues == []
    # AND the next codes go on, a sync refuses nothing and nothing is doubled
    receive_many(desk, 1, first=7)
    assert desk.sync().push.refused == 0
    assert_all_once(centre, desk)
    desk.rt.close()
