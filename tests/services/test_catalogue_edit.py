"""An administrator corrects one procedure of the catalogue."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.errors import Forbidden, NotFound
from counter_app.domain.messages import ValidationFailed
from counter_app.domain.procedure import FeeKind, FeeRule, ProcessingTime, TimeUnit
from counter_app.models import AuditEntry
from counter_app.services import catalogue
from tests.conftest import login

MARITAL_STATUS = "1.004873"  # 3 working days, a fee the province sets


def _spec(rt: Runtime, code: str = MARITAL_STATUS) -> catalogue.ProcedureSpec:
    return next(p for p in catalogue.list_procedures(rt.ctx) if p.code == code)


def _audits(rt: Runtime, event: str) -> list[AuditEntry]:
    with rt.ctx.sessions() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.event == event)))


def test_the_province_fee_and_4tc_flag_are_saved_and_audited(counter: Runtime) -> None:
    # GIVEN a procedure whose fee the province sets, not carried by the catalogue
    before = _spec(counter)
    assert before.fee.kind is FeeKind.SET_BY_PROVINCE and before.fee.amount == 0
    # WHEN the administrator enters the province's figure and marks it "4 tại chỗ"
    edited = replace(
        before,
        name="  Thủ tục cấp Giấy xác nhận tình trạng hôn nhân ",
        fee=replace(before.fee, amount=15_000),
        on_the_spot=True,
        processing_time=ProcessingTime(2, TimeUnit.WORKING_DAYS),
    )
    saved = catalogue.update_procedure(counter.ctx, login(counter, "quantri"), edited)
    # THEN the catalogue carries them (text trimmed as an import would) and the audit says what
    after = _spec(counter)
    assert after == saved
    assert after.name == before.name
    assert (after.fee.amount, after.on_the_spot, after.processing_time.amount) == (15_000, True, 2)
    (entry,) = _audits(counter, "catalogue.update")
    assert (entry.entity, entry.username) == (f"procedure:{MARITAL_STATUS}", "quantri")
    changed = entry.details["changed"]
    assert set(changed) == {"fee", "on_the_spot", "processing_time"}
    assert changed["on_the_spot"] == {"before": False, "after": True}


def test_an_unchanged_procedure_writes_no_audit(counter: Runtime) -> None:
    catalogue.update_procedure(counter.ctx, login(counter, "quantri"), _spec(counter))
    assert _audits(counter, "catalogue.update") == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "Thủ tục\x07 lạ"}, "name"),
        ({"name": "x" * 501}, "name"),
        ({"processing_time": ProcessingTime(366, TimeUnit.WORKING_DAYS)}, "processing_time.amount"),
        ({"processing_time": ProcessingTime(0, TimeUnit.WORKING_DAYS)}, "processing_time.amount"),
        ({"fee": FeeRule(FeeKind.FLAT, 2_000_000_000)}, "fee.amount"),
        ({"fee": FeeRule(FeeKind.PER_PAGE_TIERED)}, "fee.tiers"),
    ],
)
def test_a_value_an_import_would_reject_changes_nothing(
    counter: Runtime, change: dict[str, object], field: str
) -> None:
    before = _spec(counter)
    with pytest.raises(ValidationFailed) as err:
        catalogue.update_procedure(
            counter.ctx, login(counter, "quantri"), replace(before, **change)
        )
    assert field in {f for f, _ in err.value.errors}
    assert _spec(counter) == before
    assert _audits(counter, "catalogue.update") == []


def test_only_an_administrator_edits_and_only_a_known_procedure(counter: Runtime) -> None:
    before = _spec(counter)
    with pytest.raises(Forbidden):
        catalogue.update_procedure(
            counter.ctx, login(counter, "tiepnhan"), replace(before, on_the_spot=True)
        )
    assert _spec(counter) == before
    with pytest.raises(NotFound):
        catalogue.update_procedure(
            counter.ctx, login(counter, "quantri"), replace(before, code="1.999999")
        )
