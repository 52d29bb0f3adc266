"""The outbox: every change of a synced row is queued in the transaction that
made it, numbered without gaps, from one hook rather than from each service."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select, text

from counter_app.app_setup import Runtime, open_runtime
from counter_app.domain.messages import UserError
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.models import Dossier, OutboxEntry, WorkflowStep
from counter_app.schema_upgrade import alembic_config
from counter_app.services.dossiers import ReceiveRequest, StepRequest, receive, take_step
from tests.conftest import Clock, login, make_counter

CITIZEN = ApplicantInput(full_name="Vi Thị Hoa", id_number="020190001234", phone="0912345678")


def _entries(rt: Runtime) -> list[OutboxEntry]:
    with rt.ctx.sessions() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_a_reception_queues_each_row_once_with_gapless_numbers(counter: Runtime) -> None:
    # GIVEN a set-up counter (its setup already queued audit entries)
    before = _entries(counter)
    # WHEN a dossier is received (dossier, documents, step, audit in one transaction)
    code = receive(
        counter.ctx, login(counter.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)
    ).code
    # THEN one entry per row, numbered on from the last without a gap
    entries = _entries(counter)
    new = entries[len(before) :]
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    kinds = [e.kind for e in new]
    assert kinds[0] == "dossier" and kinds.count("dossier") == 1
    assert {"document", "step", "audit"} <= set(kinds)
    dossier_entry = new[0]
    # The body crosses the wire by UUID and procedure code, never local keys.
    assert dossier_entry.payload["code"] == code
    assert dossier_entry.payload["procedure_code"] == "2.000815"
    assert "id" not in dossier_entry.payload and "procedure_id" not in dossier_entry.payload
    step = next(e for e in new if e.kind == "step")
    assert step.payload["dossier_uuid"] == dossier_entry.row_uuid


def test_every_change_moves_counter_seq_and_version_with_the_service_clock(
    counter: Runtime, clock: Clock
) -> None:
    code = receive(
        counter.ctx, login(counter.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)
    ).code
    with counter.ctx.sessions() as s:
        first = s.scalars(select(Dossier).where(Dossier.code == code)).one()
    clock.now = datetime(2026, 11, 26, 10, 30)
    take_step(
        counter.ctx, login(counter.ctx, "thamdinh"), code, StepRequest(Action.START_APPRAISAL)
    )
    with counter.ctx.sessions() as s:
        after = s.scalars(select(Dossier).where(Dossier.code == code)).one()
        latest = s.scalars(
            select(OutboxEntry).where(OutboxEntry.row_uuid == after.uuid).order_by(OutboxEntry.seq)
        ).all()
    assert after.counter_seq > first.counter_seq
    assert after.version == first.version + 1
    assert after.updated_at == datetime(2026, 11, 26, 10, 30)
    assert [e.version for e in latest] == [first.version, after.version]
    assert latest[-1].payload["state"] == "in_appraisal"
    assert latest[-1].seq == after.counter_seq


def test_a_refused_step_queues_nothing(counter: Runtime) -> None:
    code = receive(
        counter.ctx, login(counter.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)
    ).code
    before = _entries(counter)
    with pytest.raises(UserError):
        take_step(counter.ctx, login(counter.ctx, "thamdinh"), code, StepRequest(Action.APPROVE))
    assert [e.seq for e in _entries(counter)] == [e.seq for e in before]
    with counter.ctx.sessions() as s:
        assert s.scalar(select(func.count()).select_from(WorkflowStep)) == 1


def test_a_database_from_before_sync_queues_its_whole_history(tmp_path: Path) -> None:
    # GIVEN a counter of the release before sync, with a dossier on file
    rt = make_counter(tmp_path / "c")
    code = receive(rt.ctx, login(rt.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)).code
    command.downgrade(alembic_config(rt.db.engine), "0005")
    rt.close()
    # WHEN the new release opens it
    again = open_runtime(tmp_path / "c")
    # THEN every synced row waits in the outbox, the dossier before its children
    with again.ctx.sessions() as s:
        counts = dict(s.execute(text("SELECT kind, count(*) FROM sync_outbox GROUP BY kind")).all())
        audit_rows = s.execute(text("SELECT count(*) FROM audit_log")).scalar()
        first = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq).limit(1)).one()
    assert counts.get("dossier") == 1 and counts.get("step") == 1, counts
    assert counts["audit"] == audit_rows
    assert first.kind == "dossier" and first.payload["code"] == code
    again.close()
