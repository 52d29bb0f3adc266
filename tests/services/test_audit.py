"""The hash-chained, append-only audit log."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from counter_app.app_setup import Runtime
from counter_app.cli import main
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.models import AuditEntry
from counter_app.services import audit
from counter_app.services.dossiers import ReceiveRequest, StepRequest, receive, take_step
from tests.conftest import PASSWORD, PROVINCE_FEE, login


def _activity(rt: Runtime) -> str:
    code = receive(
        rt.ctx,
        login(rt.ctx, "tiepnhan"),
        ReceiveRequest(
            "1.004873",
            ApplicantInput(full_name="Hà Văn Bình", id_number="020088004567"),
            fee_amount=PROVINCE_FEE,
        ),
    ).code
    take_step(rt.ctx, login(rt.ctx, "thamdinh"), code, StepRequest(Action.START_APPRAISAL))
    return code


def test_every_state_change_is_audited_and_chained(counter: Runtime) -> None:
    code = _activity(counter)
    with counter.ctx.sessions() as s:
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        events = [(e.event, e.entity) for e in entries if e.entity == f"dossier:{code}"]
        assert events == [
            ("dossier.receive", f"dossier:{code}"),
            ("dossier.start_appraisal", f"dossier:{code}"),
        ]
        for before, after in zip(entries, entries[1:], strict=False):
            assert after.prev_hash == before.hash
        report = audit.verify(s)
    assert report.ok and report.checked == len(entries)


def test_database_refuses_to_change_or_delete_entries(counter: Runtime) -> None:
    _activity(counter)
    with pytest.raises(DatabaseError, match="append-only"), counter.ctx.sessions.begin() as s:
        s.execute(text("UPDATE audit_log SET username = 'x' WHERE id = 2"))
    with pytest.raises(DatabaseError, match="append-only"), counter.ctx.sessions.begin() as s:
        s.execute(text("DELETE FROM audit_log WHERE id = 2"))


def test_tampering_is_found_at_the_first_broken_link(
    counter: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    _activity(counter)
    with counter.ctx.sessions() as s:
        total = len(s.scalars(select(AuditEntry.id)).all())
    counter.close()
    # Someone with the file and sqlite3 drops the trigger and edits an entry.
    con = sqlite3.connect(counter.db.path)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET details = '{\"fee\": 0}' WHERE id = 4")
    con.commit()
    con.close()
    argv = ["--data-dir", str(counter.data_dir), "audit", "verify", "--by", "quantri"]
    with pytest.MonkeyPatch.context() as env:
        env.setenv("COUNTER_APP_PASSWORD", PASSWORD)
        assert main(argv) == 3
    out = capsys.readouterr().out
    assert "4" in out and "3" in out
    assert total > 4
