"""The centre's administrator commands take no hostile input to SQL: a counter
identity that is not a UUID, a duplicate one, text with hidden characters or
a hostile connection file are each refused with one sentence, and a refused
registration leaves nothing behind (issue 16, points 1 and 2)."""

from __future__ import annotations

import json
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.sync.conftest import Centre
from tests.sync.support import REGISTER_ARGS, run_cli

ROOT = Path(__file__).resolve().parents[2]
AGENCY = "000.00.37.H37"


def cli(
    *args: str, url: str = "", data_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, data_dir=data_dir, url=url, COUNTER_APP_NEW_PASSWORD="mat-khau-moi-1")


def register(centre: Centre, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return cli(
        *REGISTER_ARGS,
        "--out",
        str(out),
        *extra,
        url=centre.url,
    )


def counter_roles(centre: Centre) -> set[tuple[str, bool]]:
    """Counters' login roles (roles are the cluster's: other tests' are here too)."""
    with centre.engine.connect() as conn:
        return {
            (r.rolname, r.rolsuper)
            for r in conn.execute(
                text("SELECT rolname, rolsuper FROM pg_roles WHERE rolname LIKE 'ctr\\_%'")
            )
        }


def refused(done: subprocess.CompletedProcess[str]) -> str:
    """Exit 2, one sentence on stderr, no traceback."""
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr
    return lines[0]


def test_a_uuid_carrying_sql_creates_no_superuser(centre: Centre, tmp_path: Path) -> None:
    roles = counter_roles(centre)
    # WHEN the identity given carries SQL into CREATE ROLE
    done = register(centre, tmp_path / "evil.json", "--counter-uuid", "evil SUPERUSER")
    # THEN it is refused in one sentence naming the option, and no role was made
    assert "--counter-uuid" in refused(done)
    assert counter_roles(centre) == roles
    assert not [name for name, superuser in roles if superuser]
    assert centre.scalar("SELECT count(*) FROM central_counters") == 0
    assert not (tmp_path / "evil.json").exists()


@pytest.mark.parametrize(
    "identity",
    [
        "not-a-uuid",
        "x' SUPERUSER PASSWORD 'p",
        "00000000-0000-0000-0000-000000000000",
        "1" * 5000,
    ],
)
def test_a_malformed_identity_is_refused(centre: Centre, tmp_path: Path, identity: str) -> None:
    roles = counter_roles(centre)
    done = register(centre, tmp_path / "c.json", "--counter-uuid", identity)
    assert "--counter-uuid" in refused(done)
    assert counter_roles(centre) == roles


def test_a_duplicate_identity_is_refused_by_name_and_changes_nothing(
    centre: Centre, tmp_path: Path
) -> None:
    # GIVEN a counter registered under its own identity
    identity = str(uuid.uuid4())
    before = counter_roles(centre)
    first = register(centre, tmp_path / "one.json", "--counter-uuid", identity)
    assert first.returncode == 0, first.stderr
    roles = counter_roles(centre)
    assert roles - before == {("ctr_" + identity.replace("-", "")[:20], False)}
    # WHEN the same identity is registered again (upper case, another file)
    again = register(centre, tmp_path / "two.json", "--counter-uuid", identity.upper())
    # THEN it is refused naming the identity, with no second row or role
    assert identity in refused(again)
    assert counter_roles(centre) == roles
    assert centre.scalar("SELECT count(*) FROM central_counters") == 1
    assert not (tmp_path / "two.json").exists()


def test_a_registration_whose_file_cannot_be_written_leaves_nothing(
    centre: Centre, tmp_path: Path
) -> None:
    roles = counter_roles(centre)
    done = register(centre, tmp_path / "missing-folder" / "c.json")
    refused(done)
    assert counter_roles(centre) == roles
    assert centre.scalar("SELECT count(*) FROM central_counters") == 0
    assert centre.scalar("SELECT count(*) FROM central_changes WHERE kind = 'counter'") == 0


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--counter-name", "Quầy\u202e1"),
        ("--counter-name", "Q" * 101),
        ("--agency-name", ""),
        ("--phone", "0" * 21),
        ("--agency-id", "000.00.37.H37'; DROP TABLE central_counters; --"),
    ],
)
def test_hostile_names_are_refused_before_sql(
    centre: Centre, tmp_path: Path, option: str, value: str
) -> None:
    roles = counter_roles(centre)
    done = register(centre, tmp_path / "c.json", option, value)
    refused(done)
    assert counter_roles(centre) == roles


def test_the_admin_commands_refuse_malformed_input_in_a_sentence(centre: Centre) -> None:
    # GIVEN a registered counter (the target of a hand-over)
    desk = centre.desk("Quầy số 1")
    cases = [
        ("hand-over", "X", "--to-counter", "'; DROP TABLE central_counters; --"),
        ("note", "000.00.37.H37-261126-0001\u202e", "--department", "P", "--text", "t"),
        ("note", "A" * 5000, "--department", "P", "--text", "t"),
        ("add-day-off", "2026-12-31", "N\x1bghỉ"),
        ("add-workday", "2026-13-45", "Làm bù"),
        ("user-add", "van thu'--", "--full-name", "Triệu Thị Lan", "--roles", "receiver"),
        ("user-add", "vanthu", "--full-name", "Triệu Thị Lan", "--roles", "superuser"),
        ("user-add", "vanthu", "--full-name", "L" * 500, "--roles", "receiver"),
        ("prune", "--days", "1"),
    ]
    before = centre.scalar("SELECT count(*) FROM central_changes")
    for case in cases:
        done = cli("central", *case, url=centre.url)
        assert done.returncode == 2, (case, done.stderr)
        refused(done)
    assert centre.scalar("SELECT count(*) FROM central_changes") == before
    assert centre.scalar("SELECT count(*) FROM central_users WHERE username = 'vanthu'") == 0
    assert desk.registration.counter_uuid


def _connection_file(tmp_path: Path, **changes: object) -> Path:
    good = {
        "format": "counter-app-central",
        "version": 1,
        "counter_uuid": str(uuid.uuid4()),
        "agency_id": AGENCY,
        "agency_name": "UBND xã Hoàng Văn Thụ",
        "parent_name": "",
        "place": "",
        "phone": "",
        "counter_name": "Quầy số 1",
        "code_slot": 0,
        "ledger_book": "01",
        "url": "postgresql+psycopg://ctr_0123456789abcdef0123:pw@127.0.0.1:5432/central",
        "unit_name": "Trung tâm",
    }
    path = tmp_path / f"conn-{uuid.uuid4().hex[:6]}.json"
    path.write_text(json.dumps(good | changes), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "changes",
    [
        {"counter_uuid": "evil SUPERUSER"},
        {"code_slot": "0; DROP TABLE dossiers"},
        {"code_slot": 12},
        {"code_slot": True},
        {"agency_id": "H37'--"},
        {"ledger_book": "x" * 500},
        {"counter_name": "Quầy\u202e1"},
        {"counter_name": ["a"]},
        {"url": "sqlite:///tmp/x.db"},
        {"url": "postgresql+psycopg://ctr_0123456789abcdef0123:pw@h/db?options=-csearch_path%3Dx"},
        {"url": "not a url at all"},
        {"url": 5},
    ],
)
def test_a_hostile_connection_file_is_refused_and_sets_nothing_up(
    tmp_path: Path, changes: dict[str, object]
) -> None:
    desk = tmp_path / "desk"
    done = cli("sync", "connect", str(_connection_file(tmp_path, **changes)), data_dir=desk)
    refused(done)
    assert not (desk / "central.json").exists()


def test_a_good_connection_file_still_connects(tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    done = cli("sync", "connect", str(_connection_file(tmp_path)), data_dir=desk)
    assert done.returncode == 0, done.stderr
    assert (desk / "central.json").exists()


def test_the_python_entry_point_takes_the_same_checks(centre: Centre) -> None:
    from counter_app.centre.admin import register_counter
    from counter_app.domain.messages import UserError

    roles = counter_roles(centre)
    with pytest.raises(UserError):
        register_counter(
            centre.engine,
            agency_id=AGENCY,
            agency_name="UBND",
            unit_name="TT",
            counter_name="Quầy",
            counter_uuid="a SUPERUSER",
        )
    assert counter_roles(centre) == roles
