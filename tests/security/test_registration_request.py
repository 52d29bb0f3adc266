"""A counter's registration request (issue 20, point 2): the file the desk
exports is registered under the counter's own identity; its values are checked
as the command's options are; a registration that fails at any point (a refused
value, a connection file that cannot be written, a delivery that raises)
leaves no role, no counter row and no code slot taken at the centre."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from counter_app.app_setup import open_runtime
from counter_app.centre.admin import register_counter
from counter_app.sync.service import connect, registration_request
from counter_app.wire import registration_request as request_file
from tests.conftest import AGENCY, login, make_counter
from tests.sync.conftest import Centre
from tests.sync.support import run_cli


def cli(*args: str, url: str = "") -> subprocess.CompletedProcess[str]:
    return run_cli(*args, url=url)


def request_of_a_desk(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    """A desk set up on its own exports its request, as the window does."""
    rt = make_counter(tmp_path / "desk")
    try:
        request = registration_request(rt.ctx)
    finally:
        rt.close()
    assert request is not None
    path = tmp_path / "request.json"
    request_file.write(path, request)
    return path, json.loads(path.read_text(encoding="utf-8"))


def left_at_centre(centre: Centre) -> tuple[object, ...]:
    with centre.engine.connect() as conn:
        return (
            conn.execute(text("SELECT count(*) FROM central_counters")).scalar(),
            conn.execute(
                text("SELECT count(*) FROM central_changes WHERE kind = 'counter'")
            ).scalar(),
            frozenset(
                conn.execute(
                    text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'ctr\\_%'")
                ).scalars()
            ),
        )


def refused(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


def test_a_desks_request_registers_it_under_its_identity_and_its_file_connects(
    centre: Centre, tmp_path: Path
) -> None:
    # GIVEN a counter at work that exported its registration request
    path, request = request_of_a_desk(tmp_path)
    out = tmp_path / "quay.json"
    # WHEN the IT staff register it from the file alone
    done = cli(
        "central", "register-counter", "--request", str(path), "--out", str(out), url=centre.url
    )
    # THEN the centre knows it under its own identity and names, on the first slot
    assert done.returncode == 0, done.stderr
    row = centre.scalar(
        "SELECT json_build_object('uuid', uuid, 'unit', unit_name, 'name', counter_name, "
        "'slot', code_slot) FROM central_counters"
    )
    assert row == {
        "uuid": request["counter_uuid"],
        "unit": request["unit_name"],
        "name": request["counter_name"],
        "slot": 0,
    }
    # AND the counter takes the file as its own (not "made for another counter")
    rt = open_runtime(tmp_path / "desk")
    try:
        settings = connect(rt.ctx, tmp_path / "desk", out, login(rt.ctx, "quantri"))
    finally:
        rt.close()
    assert settings.counter_uuid == request["counter_uuid"]


def test_an_option_beside_the_request_takes_precedence(centre: Centre, tmp_path: Path) -> None:
    path, _ = request_of_a_desk(tmp_path)
    done = cli(
        "central",
        "register-counter",
        "--request",
        str(path),
        "--counter-name",
        "Quầy số 7",
        "--out",
        str(tmp_path / "q.json"),
        url=centre.url,
    )
    assert done.returncode == 0, done.stderr
    assert centre.scalar("SELECT counter_name FROM central_counters") == "Quầy số 7"


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("counter_name", "Quầy\u202e1", "--counter-name"),
        ("unit_name", "", "--unit-name"),
        ("agency_id", "H37'--", ""),
        ("counter_uuid", "evil SUPERUSER", "--counter-uuid"),
        ("phone", "0" * 21, "--phone"),
        ("counter_name", ["a"], ""),
    ],
)
def test_a_refused_value_in_the_request_leaves_nothing_and_takes_no_slot(
    centre: Centre, tmp_path: Path, field: str, value: object, named: str
) -> None:
    # GIVEN a request file with one bad value
    path, request = request_of_a_desk(tmp_path)
    path.write_text(json.dumps(request | {field: value}), encoding="utf-8")
    before = left_at_centre(centre)
    # WHEN it is registered
    done = cli(
        "central",
        "register-counter",
        "--request",
        str(path),
        "--out",
        str(tmp_path / "q.json"),
        url=centre.url,
    )
    # THEN one Vietnamese sentence (naming the value to fix), and nothing at the centre
    sentence = refused(done)
    assert named in sentence
    assert left_at_centre(centre) == before
    assert not (tmp_path / "q.json").exists()
    # AND the slot is still free: the next counter of the agency gets slot 0
    assert centre.desk("Quầy số 2").registration.code_slot == 0


def test_a_delivery_that_fails_leaves_nothing_and_takes_no_slot(centre: Centre) -> None:
    before = left_at_centre(centre)

    def deliver(_settings: object) -> None:
        raise OSError("the USB stick was pulled out")

    # WHEN the connection file cannot be delivered, after the role and the row were made
    with pytest.raises(OSError):
        register_counter(
            centre.engine,
            agency_id=AGENCY,
            agency_name="UBND xã Hoàng Văn Thụ",
            unit_name="Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
            counter_name="Quầy số 1",
            deliver=deliver,
        )
    # THEN no role, no counter row, no feed change, and slot 0 is still free
    assert left_at_centre(centre) == before
    assert centre.desk("Quầy số 1").registration.code_slot == 0


def test_a_file_that_is_not_a_request_is_refused_in_a_sentence(
    centre: Centre, tmp_path: Path
) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"format": "counter-app-central"}), encoding="utf-8")
    done = cli(
        "central",
        "register-counter",
        "--request",
        str(path),
        "--out",
        str(tmp_path / "q.json"),
        url=centre.url,
    )
    assert "yêu cầu đăng ký" in refused(done)
    assert centre.scalar("SELECT count(*) FROM central_counters") == 0


def test_without_a_request_the_names_are_still_asked_for(centre: Centre, tmp_path: Path) -> None:
    done = cli(
        "central",
        "register-counter",
        "--agency-id",
        AGENCY,
        "--agency-name",
        "UBND",
        "--counter-name",
        "Quầy",
        "--out",
        str(tmp_path / "q.json"),
        url=centre.url,
    )
    assert "--unit-name" in refused(done)
    assert centre.scalar("SELECT count(*) FROM central_counters") == 0
