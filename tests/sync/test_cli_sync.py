"""Sync from the command line, as the province's IT staff and a desk use it."""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy import make_url, text

from counter_app.devtools.local_cluster import free_port
from counter_app.domain.audit_chain import GENESIS, digest
from counter_app.domain.validation import ApplicantInput
from counter_app.services.dossiers import ReceiveRequest, receive
from tests.conftest import PASSWORD, login
from tests.sync.conftest import Centre
from tests.sync.support import REGISTER_ARGS, run_cli

ROOT = Path(__file__).resolve().parents[2]
AGENCY = "000.00.37.H37"
BY = ("--by", "tiepnhan")


def cli(
    *args: str, data_dir: Path | None = None, url: str = ""
) -> subprocess.CompletedProcess[str]:
    # The official of ``BY`` (the centre's officials have it).
    return run_cli(*args, data_dir=data_dir, url=url, COUNTER_APP_PASSWORD=PASSWORD)


def _outbox(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "counter.sqlite3") as db:
        return int(db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0])


def _sync_state(data_dir: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(data_dir / "counter.sqlite3") as db:
        return db.execute("SELECT key, value FROM sync_state ORDER BY key").fetchall()


def test_register_connect_sync_status_from_the_command_line(
    central_url: str, tmp_path: Path
) -> None:
    # GIVEN a central database made and filled from the command line
    assert cli("central", "init", url=central_url).returncode == 0
    catalogue = ROOT / "resources" / "catalogue" / "commune_procedures.json"
    done = cli("central", "catalogue-import", str(catalogue), url=central_url)
    assert done.returncode == 0, done.stderr
    conn_file = tmp_path / "quay1.json"
    reg = cli(
        *REGISTER_ARGS,
        "--out",
        str(conn_file),
        url=central_url,
    )
    assert reg.returncode == 0, reg.stderr
    # THEN the connection file holds the counter's own role, readable by its owner only
    assert stat.S_IMODE(conn_file.stat().st_mode) == 0o600
    settings = json.loads(conn_file.read_text(encoding="utf-8"))
    assert make_url(settings["url"]).username.startswith("ctr_")
    assert settings["code_slot"] == 0
    assert settings["unit_name"] == "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ"
    # WHEN a fresh desk imports it and syncs
    desk = tmp_path / "desk"
    connected = cli("sync", "connect", str(conn_file), data_dir=desk)
    assert connected.returncode == 0, connected.stderr
    assert "Quầy số 1" in connected.stdout
    assert stat.S_IMODE((desk / "central.json").stat().st_mode) == 0o600
    first = cli("sync", data_dir=desk)
    assert first.returncode == 0, first.stderr
    # THEN the catalogue came down and the setup's audit entries went up
    listed = cli("catalogue", "list", data_dir=desk)
    assert "2.000815" in listed.stdout
    status = cli("sync", "status", data_dir=desk)
    assert status.returncode == 0
    assert "đã kết nối" in status.stdout
    assert _outbox(desk) == 0
    # AND the password is in no log
    password = make_url(settings["url"]).password
    for log in (desk / "logs").glob("*.log*"):
        assert password not in log.read_text(encoding="utf-8")


def test_unreachable_centre_is_one_vietnamese_line_and_changes_nothing(
    centre: Centre, tmp_path: Path
) -> None:
    # GIVEN a connected desk with changes waiting, whose centre is gone
    desk = centre.desk("Quầy số 1")
    receive(
        desk.ctx,
        login(desk.ctx, "tiepnhan"),
        ReceiveRequest(
            "2.000815",
            ApplicantInput(full_name="Vi Thị Hoa", id_number="020190001234", phone="0912345678"),
        ),
    )
    desk.rt.close()
    settings_path = desk.directory / "central.json"
    data = json.loads(settings_path.read_text(encoding="utf-8"))
    data["url"] = make_url(data["url"]).set(port=free_port()).render_as_string(hide_password=False)
    settings_path.write_text(json.dumps(data), encoding="utf-8")
    waiting = _outbox(desk.directory)
    assert waiting > 0
    state = _sync_state(desk.directory)
    # WHEN it syncs
    done = cli("sync", *BY, data_dir=desk.directory)
    # THEN one Vietnamese sentence, non-zero, nothing changed locally
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "trung tâm" in lines[0]
    assert _outbox(desk.directory) == waiting
    assert _sync_state(desk.directory) == state


def test_audit_verify_catches_a_deleted_tail_against_the_centre(centre: Centre) -> None:
    # GIVEN a desk whose audit log reached the centre
    desk = centre.desk("Quầy số 1")
    desk.sync()
    desk.rt.close()
    ok = cli("audit", "verify", *BY, data_dir=desk.directory)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "trung tâm" in ok.stdout
    # WHEN someone deletes the tail of the local log (the chain left locally still verifies)
    with sqlite3.connect(desk.directory / "counter.sqlite3") as db:
        db.execute("DROP TRIGGER audit_log_no_delete")
        last = db.execute("SELECT max(id) FROM audit_log").fetchone()[0]
        db.execute("DELETE FROM audit_log WHERE id = ?", (last,))
    # THEN verify reports the mismatch with the centre
    broken = cli("audit", "verify", *BY, data_dir=desk.directory)
    assert broken.returncode == 3, broken.stdout + broken.stderr
    assert "KHÔNG KHỚP với trung tâm" in broken.stdout


def test_a_refusal_by_the_centre_names_its_code_and_leaves_citizens_out_of_the_log(
    centre: Centre,
) -> None:
    # GIVEN a desk with a citizen's dossier waiting, and a centre that refuses writes
    desk = centre.desk("Quầy số 1")
    receive(
        desk.ctx,
        login(desk.ctx, "tiepnhan"),
        ReceiveRequest(
            "2.000815",
            ApplicantInput(
                full_name="Lăng Thị Khuyên", id_number="020190004321", phone="0912345678"
            ),
        ),
    )
    desk.rt.close()
    with centre.engine.begin() as conn:
        conn.execute(text("REVOKE EXECUTE ON FUNCTION central_push() FROM counter_app_counter"))
    # WHEN the desk syncs
    done = cli("sync", *BY, data_dir=desk.directory)
    # THEN one sentence with the server's code, nothing lost, and no citizen in the log
    assert done.returncode == 2, done.stderr
    assert "42501" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert _outbox(desk.directory) > 0
    logs = "".join(p.read_text(encoding="utf-8") for p in (desk.directory / "logs").glob("*.log*"))
    assert "42501" in logs
    for personal in ("Lăng Thị Khuyên", "020190004321", "0912345678"):
        assert personal not in logs
    # AND once the centre accepts again, the next sync carries everything
    with centre.engine.begin() as conn:
        conn.execute(text("GRANT EXECUTE ON FUNCTION central_push() TO counter_app_counter"))
    assert cli("sync", *BY, data_dir=desk.directory).returncode == 0
    assert _outbox(desk.directory) == 0


def test_audit_verify_catches_a_rechained_log_against_the_centre(centre: Centre) -> None:
    # GIVEN a desk whose audit log reached the centre, with a dossier on it
    desk = centre.desk("Quầy số 1")
    receive(
        desk.ctx,
        login(desk.ctx, "tiepnhan"),
        ReceiveRequest(
            "2.000815",
            ApplicantInput(full_name="Vi Thị Hoa", id_number="020190001234", phone="0912345678"),
        ),
    )
    desk.sync()
    desk.rt.close()
    # WHEN someone rewrites an entry and recomputes every hash after it, so the
    # local chain alone still verifies
    with sqlite3.connect(desk.directory / "counter.sqlite3") as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        rows = db.execute(
            "SELECT id, at, username, counter_uuid, event, entity, details FROM audit_log "
            "ORDER BY id"
        ).fetchall()
        prev = GENESIS
        for n, (row_id, at, username, counter_uuid, event, entity, details) in enumerate(rows):
            body = json.loads(details)
            if n == len(rows) - 1:
                body["note"] = "sửa lại"
            digest_ = digest(
                prev, datetime.fromisoformat(at), username, counter_uuid, event, entity, body
            )
            db.execute(
                "UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (json.dumps(body, ensure_ascii=False), prev, digest_, row_id),
            )
            prev = digest_
    # THEN the local chain passes on its own, and the comparison with the centre fails
    verified = cli("audit", "verify", *BY, data_dir=desk.directory)
    assert verified.returncode == 3, verified.stdout + verified.stderr
    lines = verified.stdout.strip().splitlines()
    assert "toàn vẹn" in lines[0]
    assert "KHÔNG KHỚP với trung tâm" in lines[-1]
    # (the high-water file outside the database saw the rewrite too)
    assert any("BỊ CẮT" in line for line in lines[1:-1])
