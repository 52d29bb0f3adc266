"""A registration that was never used is taken back at the centre (`central
unregister-counter`): the failed first attempt at joining leaves no ghost
counter on a code slot. A counter that has sent its work is never removed."""

from __future__ import annotations

from counter_app.centre import admin
from tests.conftest import AGENCY
from tests.sync.conftest import Centre
from tests.sync.support import receive_many, run_cli


def _register(centre: Centre, name: str) -> str:
    return admin.register_counter(
        centre.engine,
        agency_id=AGENCY,
        agency_name="UBND xã Hoàng Văn Thụ",
        unit_name="Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
        counter_name=name,
    ).counter_uuid


def _role(centre: Centre, counter_uuid: str) -> object:
    return centre.scalar("SELECT role_name FROM central_counters WHERE uuid = :u", u=counter_uuid)


def _role_exists(centre: Centre, role: object) -> bool:
    return bool(centre.scalar("SELECT count(*) FROM pg_roles WHERE rolname = :r", r=role))


def test_a_counter_never_used_is_removed_with_its_role_and_its_slot_is_free_again(
    centre: Centre,
) -> None:
    # GIVEN the failed first attempt: a counter registered without its request, on slot 0
    ghost = _register(centre, "Quầy số 1")
    role = _role(centre, ghost)
    assert centre.scalar("SELECT code_slot FROM central_counters WHERE uuid = :u", u=ghost) == 0
    assert _role_exists(centre, role)
    # WHEN the IT staff take it back from the command line
    done = run_cli("central", "unregister-counter", "--counter-uuid", ghost, url=centre.url)
    # THEN the row and the role are gone, and the next registration gets slot 0 again
    assert done.returncode == 0, done.stderr
    assert "Quầy số 1" in done.stdout
    assert centre.scalar("SELECT count(*) FROM central_counters WHERE uuid = :u", u=ghost) == 0
    assert not _role_exists(centre, role)
    again = _register(centre, "Quầy số 1")
    assert centre.scalar("SELECT code_slot FROM central_counters WHERE uuid = :u", u=again) == 0


def test_a_counter_that_pushed_is_refused_and_kept(centre: Centre) -> None:
    # GIVEN a desk that has received a dossier and synced it
    desk = centre.desk("Quầy số 2")
    receive_many(desk, 1)
    desk.sync()
    uuid = desk.registration.counter_uuid
    role = _role(centre, uuid)
    # WHEN someone tries to unregister it
    done = run_cli("central", "unregister-counter", "--counter-uuid", uuid, url=centre.url)
    # THEN one Vietnamese sentence refuses, and nothing changes: it still syncs
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Quầy số 2" in lines[0] and "không" in lines[0].lower()
    assert "Traceback" not in done.stderr
    assert centre.scalar("SELECT count(*) FROM central_counters WHERE uuid = :u", u=uuid) == 1
    assert _role_exists(centre, role)
    receive_many(desk, 1, first=1)
    assert desk.sync().push.sent >= 1


def test_an_unknown_identity_is_refused_in_one_sentence(centre: Centre) -> None:
    _register(centre, "Quầy số 1")
    before = centre.scalar("SELECT count(*) FROM central_counters")
    done = run_cli(
        "central",
        "unregister-counter",
        "--counter-uuid",
        "0b7e7c1e-0000-4000-8000-000000000000",
        url=centre.url,
    )
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert centre.scalar("SELECT count(*) FROM central_counters") == before
