"""The centre as second witness: a restore on a new disk (no high-water file
left beside the database) still goes on above every code the centre has, and
the counter's next push continues where the centre's high-water mark is."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from counter_app import high_water as mark_file
from counter_app.app_setup import open_runtime
from counter_app.centre import admin
from counter_app.cli import main
from counter_app.domain.workflow import Role
from counter_app.services import backups, users
from counter_app.wire.connection_file import SETTINGS_FILENAME
from tests.conftest import AGENCY, PASSWORD, Clock
from tests.sync.conftest import Centre
from tests.sync.support import high_water, receive_many

BY = ("--by", "quantri")


def test_restore_with_the_mark_lost_goes_on_above_the_centre(
    centre: Centre, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a connected desk with an administrator from the centre (a restore is theirs),
    # backed up to a USB drive after 3 dossiers
    admin.add_user(
        centre.engine,
        username="quantri",
        full_name="Lương Văn Hải",
        password_hash=users.hash_password(PASSWORD),
        roles=[Role.ADMIN],
        agency_id=AGENCY,
    )
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    desk = centre.desk("Quầy số 1", clock)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert [c[-4:] for c in receive_many(desk, 3)] == ["0001", "0002", "0003"]
    backups.back_up(desk.directory, to=usb)
    # AND 3 more, which reached the centre
    receive_many(desk, 3, first=3)
    desk.sync()
    sent = high_water(centre, desk)
    desk.rt.close()
    # WHEN the disk is replaced: only the USB drive is left (its mark says 3)
    (desk.directory / mark_file.FILENAME).unlink()
    assert mark_file.read(usb / mark_file.FILENAME).sequences["code:261126"] == 3
    assert main(["--data-dir", str(desk.directory), "restore", str(backups_on(usb)), *BY]) == 0
    desk.rt = open_runtime(desk.directory)
    desk.rt.ctx.clock = clock
    # THEN the next code is above the 6 the centre holds…
    assert [c[-4:] for c in receive_many(desk, 1, first=6)] == ["0007"]
    # …and the push goes on from the centre's high-water mark: nothing is
    # refused as a gap nor dropped as a replay
    report = desk.sync()
    assert report.push.sent > 0 and report.push.refused == 0
    assert high_water(centre, desk) > sent
    assert (
        centre.scalar(
            "SELECT count(*) FROM central_dossiers WHERE origin_counter_uuid = :u",
            u=desk.registration.counter_uuid,
        )
        == 7
    )
    # AND the connection file (the role's password) and the folder stay private
    assert stat.S_IMODE((desk.directory / SETTINGS_FILENAME).stat().st_mode) == 0o600
    assert stat.S_IMODE(desk.directory.stat().st_mode) == 0o700
    # AND the audit log took the centre's entries back: one chain on both sides
    desk.rt.close()
    assert main(["--data-dir", str(desk.directory), "audit", "verify", *BY]) == 0


def backups_on(place: Path) -> Path:
    from counter_app import backup_files

    return backup_files.generations(place)[0]
