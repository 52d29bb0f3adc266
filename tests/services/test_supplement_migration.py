"""A dossier left waiting for its supplement by the previous release (the
clock paused, to be given back) gets the restarted time limit of Decree
118/2025 Article 19(5) when its supplement arrives after the upgrade, and the
receipt printed then carries the new appointment (the one printed at
reception is never silently wrong: the official prints the new one)."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

from alembic import command
from sqlalchemy import text

from counter_app.app_setup import open_runtime
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action, State
from counter_app.paper import FormKind
from counter_app.schema_upgrade import alembic_config, current_revision, head_revision
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    get_dossier,
    receive,
    take_step,
)
from counter_app.services.print_jobs import file_sink, print_form
from tests.conftest import Clock, login, make_counter, typed_fee

CITIZEN = ApplicantInput(full_name="Lăng Thị Khuyên", id_number="020190001234", phone="0987654321")
MARITAL_STATUS = "1.004873"  # 3 working days
PREVIOUS_HEAD = "0012_procedure_law"


def _receipt_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_article_19_5_a_dossier_paused_before_the_upgrade_restarts_when_supplemented(
    tmp_path: Path,
) -> None:
    # GIVEN a dossier received Thu 26/11/2026 09:00 (due Tue 01/12 09:00, on
    # its printed receipt), its supplement asked Fri 27/11 09:00
    clock = Clock(datetime(2026, 11, 26, 9, 0))
    rt = make_counter(tmp_path / "c")
    rt.ctx.clock = clock
    code = receive(
        rt.ctx,
        login(rt, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=typed_fee(MARITAL_STATUS)),
    ).code
    first = print_form(
        rt.ctx, login(rt, "tiepnhan"), code, FormKind.RECEIPT, file_sink(tmp_path / "first.pdf")
    )
    assert "01/12/2026" in _receipt_text(Path(first.target))
    clock.now = datetime(2026, 11, 27, 9, 0)
    take_step(
        rt.ctx,
        login(rt, "thamdinh"),
        code,
        StepRequest(Action.REQUEST_SUPPLEMENT, items=("Giấy xác nhận cư trú",)),
    )
    # … in a database as the previous release left it (its pause a plain
    # pause: no outcome, no lateness)
    command.downgrade(alembic_config(rt.db.engine), PREVIOUS_HEAD)
    with rt.db.engine.connect() as conn:
        columns = {r[1] for r in conn.execute(text("PRAGMA table_info(clock_pauses)"))}
    assert "outcome" not in columns
    rt.close()

    # WHEN the upgraded app opens it and the citizen brings the supplement on
    # Mon 30/11 09:00
    again = open_runtime(tmp_path / "c")
    again.ctx.clock = clock
    assert current_revision(again.db.engine) == head_revision()
    waiting = get_dossier(again.ctx, code)
    assert waiting.state is State.SUPPLEMENT_REQUESTED and waiting.row.paused
    clock.now = datetime(2026, 11, 30, 9, 0)
    take_step(again.ctx, login(again, "tiepnhan"), code, StepRequest(Action.SUPPLEMENT))

    # THEN the whole 3 working days run again from the complete dossier: Thu
    # 03/12 09:00 (the old rule gave the paused day back: Wed 02/12 09:00)
    info = get_dossier(again.ctx, code)
    assert info.row.appointment_at == datetime(2026, 12, 3, 9, 0)
    assert info.original_appointment_at == datetime(2026, 12, 3, 9, 0)
    assert info.steps[-1].data["old_appointment"] == "2026-12-01T09:00:00"
    with again.ctx.sessions() as s:
        assert s.execute(text("SELECT outcome FROM clock_pauses")).scalar_one() == "restarted"
    # AND the receipt printed now carries it, marked as a reprint of the first
    second = print_form(
        again.ctx,
        login(again, "tiepnhan"),
        code,
        FormKind.RECEIPT,
        file_sink(tmp_path / "second.pdf"),
    )
    receipt = _receipt_text(Path(second.target))
    assert "03/12/2026" in receipt and "01/12/2026" not in receipt
    assert second.reprint_no == 1
    again.close()
