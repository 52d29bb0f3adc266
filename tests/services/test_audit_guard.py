"""Every SQL way around the append-only audit log is refused, not only UPDATE/DELETE."""

from __future__ import annotations

import sqlite3

import pytest

from counter_app.app_setup import Runtime
from counter_app.domain.audit_chain import GENESIS
from counter_app.domain.validation import ApplicantInput
from counter_app.services import audit
from counter_app.services.dossiers import ReceiveRequest, receive
from tests.conftest import PROVINCE_FEE, login

COLUMNS = "id, uuid, at, username, counter_uuid, event, entity, details, prev_hash, hash"

# Each statement rewrites entry 2 (or forks the chain) a different way. {v} is
# the 10 column values of a forged entry, {id}, {uuid}, {hash}, {prev} those
# of the real entry 2 or of the chain's head.
BYPASSES = {
    "update": "UPDATE audit_log SET username = 'x' WHERE id = 2",
    "update or replace": "UPDATE OR REPLACE audit_log SET id = 1 WHERE id = 2",
    "delete": "DELETE FROM audit_log WHERE id = 2",
    "insert or replace (same id)": f"INSERT OR REPLACE INTO audit_log ({COLUMNS}) "
    "VALUES ({id}, 'u-new', '2026-11-26 09:00:00', 'x', 'c', 'e', 'd', '{{}}', '{prev}', 'h1')",
    "replace into (same id)": f"REPLACE INTO audit_log ({COLUMNS}) "
    "VALUES ({id}, 'u-new', '2026-11-26 09:00:00', 'x', 'c', 'e', 'd', '{{}}', '{prev}', 'h2')",
    "replace into (same hash, new id)": f"REPLACE INTO audit_log ({COLUMNS}) "
    "VALUES (999, 'u-new', '2026-11-26 09:00:00', 'x', 'c', 'e', 'd', '{{}}', '{head}', '{hash}')",
    "replace into (same uuid, new id)": f"REPLACE INTO audit_log ({COLUMNS}) "
    "VALUES (999, '{uuid}', '2026-11-26 09:00:00', 'x', 'c', 'e', 'd', '{{}}', '{head}', 'h3')",
    "upsert do update": f"INSERT INTO audit_log ({COLUMNS}) "
    "VALUES ({id}, 'u-new', '2026-11-26 09:00:00', 'x', 'c', 'e', 'd', '{{}}', '{head}', 'h4') "
    "ON CONFLICT(id) DO UPDATE SET username = 'x'",
    "insert that forks the chain": f"INSERT INTO audit_log ({COLUMNS}) "
    "VALUES (999, 'u-new', '2026-11-26 09:00:00', 'x', 'c', 'e', 'd', '{{}}', '{prev}', 'h5')",
    "insert or ignore that forks the chain": f"INSERT OR IGNORE INTO audit_log ({COLUMNS}) "
    "VALUES (999, 'u-new', '2026-11-26 09:00:00', 'x', 'c', 'e', 'd', '{{}}', '{genesis}', 'h6')",
}


@pytest.fixture
def audited(counter: Runtime) -> Runtime:
    for name in ("Hà Văn Bình", "Lò Thị Dung"):
        receive(
            counter.ctx,
            login(counter, "tiepnhan"),
            ReceiveRequest(
                "1.004873",
                ApplicantInput(full_name=name, id_number="020088004567"),
                fee_amount=PROVINCE_FEE,
            ),
        )
    counter.close()
    return counter


def _rows(con: sqlite3.Connection) -> list[tuple[object, ...]]:
    return con.execute(f"SELECT {COLUMNS} FROM audit_log ORDER BY id").fetchall()


@pytest.mark.parametrize("name", sorted(BYPASSES))
def test_each_way_around_the_append_only_log_is_refused(audited: Runtime, name: str) -> None:
    # GIVEN someone with the file and the sqlite3 shell
    con = sqlite3.connect(audited.db.path)
    before = _rows(con)
    second = con.execute("SELECT id, uuid, hash, prev_hash FROM audit_log WHERE id = 2").fetchone()
    head = before[-1][-1]
    statement = BYPASSES[name].format(
        id=second[0], uuid=second[1], hash=second[2], prev=second[3], head=head, genesis=GENESIS
    )
    # WHEN they try to rewrite the log that way THEN the database refuses
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute(statement)
    con.commit()
    # AND the log is exactly as it was
    assert _rows(con) == before
    con.close()


def test_the_guard_lets_the_service_append(audited: Runtime) -> None:
    from counter_app.app_setup import open_runtime

    rt = open_runtime(audited.data_dir)
    receive(
        rt.ctx,
        login(rt, "tiepnhan"),
        ReceiveRequest(
            "1.004873",
            ApplicantInput(full_name="Vi Văn Cường", id_number="020088004567"),
            fee_amount=PROVINCE_FEE,
        ),
    )
    with rt.ctx.sessions() as s:
        report = audit.verify(s)
    rt.close()
    assert report.ok and report.checked >= 3
