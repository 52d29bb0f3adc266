"""The rules of Decree 118/2025 by article, with worked dates, and the rules a
dossier received before 1/7/2025 keeps (Decree 61/2018)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.extension import ExtensionStanding, asked_late, last_day_to_ask
from counter_app.domain.handover import handed_late, handover_deadline
from counter_app.domain.messages import UserError
from counter_app.domain.procedure_rules import (
    DECREE_61,
    DECREE_118,
    SpecialRules,
    SupplementClock,
    rules_for,
)
from counter_app.domain.workflow import Action, Role, State, next_state

CALENDAR = WorkCalendar()


def test_a_dossier_keeps_the_rules_of_its_reception_date() -> None:
    assert rules_for(date(2025, 6, 30)).decree == DECREE_61
    assert rules_for(date(2025, 7, 1)).decree == DECREE_118
    assert rules_for(date(2027, 2, 10)).decree == DECREE_118


def test_every_rule_names_its_article() -> None:
    rules = rules_for(date(2026, 12, 5))
    assert rules.supplement_clock.basis == f"{DECREE_118}, Điều 19 khoản 5"
    assert rules.closing_days.value == 15 and "Điều 19 khoản 5" in rules.closing_days.basis
    assert rules.extension_limit.basis == f"{DECREE_118}, Điều 19 khoản 6"
    assert rules.receipt_on_request_for_immediate.basis == f"{DECREE_118}, Điều 17 khoản 4"
    assert rules.transfer_cutoff.basis == f"{DECREE_118}, Điều 18 khoản 2"
    assert rules.online_answer_hours.basis == f"{DECREE_118}, Điều 17 khoản 2"


def test_a_procedures_specialised_law_overrides_with_its_own_citation() -> None:
    special = SpecialRules(
        basis="Luật Đất đai 2024, Điều 22", supplement_clock=SupplementClock.PAUSE, closing_days=30
    )
    rules = rules_for(date(2026, 12, 5), special)
    assert rules.supplement_clock.value is SupplementClock.PAUSE
    assert rules.supplement_clock.basis == "Luật Đất đai 2024, Điều 22"
    assert rules.closing_days.value == 30
    # What the special law does not set stays the decree's.
    assert rules.supplement_request_days.value == 3
    assert SpecialRules.from_dict(special.to_dict()) == special
    assert SpecialRules.from_dict(None) is None


def _apology(standing: ExtensionStanding) -> State:
    return next_state(Action.APOLOGISE, State.IN_APPRAISAL, {Role.RECEIVER}, extension=standing)


def test_article_19_6_the_extension_is_asked_before_the_deadline_and_only_once() -> None:
    rules = rules_for(date(2026, 11, 2))
    # Before the deadline: open (Decree 61 wanted the dossier overdue first).
    assert _apology(ExtensionStanding(rules, overdue=False, extensions=0)) is State.IN_APPRAISAL
    # A second extension is refused, naming the article.
    with pytest.raises(UserError) as refused:
        _apology(ExtensionStanding(rules, overdue=True, extensions=1))
    assert "Điều 19 khoản 6" in refused.value.message.render()


def test_article_19_6_an_extension_asked_the_day_before_a_holiday_is_on_time() -> None:
    # GIVEN a dossier due on Monday 4/5/2026, the first working day after
    # 30/4 and 1/5 (Wednesday 29/4 is the last working day before it)
    rules = rules_for(date(2026, 4, 20))
    deadline = datetime(2026, 5, 4, 10, 0)
    wednesday = date(2026, 4, 29)
    # THEN on Wednesday morning it is on the list: the last day to ask in time
    assert last_day_to_ask(rules, wednesday, CALENDAR.next_working_day(wednesday), deadline, 0)
    # AND not on Tuesday, nor once an extension was asked
    tuesday = date(2026, 4, 28)
    assert not last_day_to_ask(rules, tuesday, CALENDAR.next_working_day(tuesday), deadline, 0)
    assert not last_day_to_ask(rules, wednesday, CALENDAR.next_working_day(wednesday), deadline, 1)
    # AND asked on Wednesday it is on time; asked on the deadline's own day, late
    assert not asked_late(rules, datetime(2026, 4, 29, 16, 30), deadline)
    assert asked_late(rules, datetime(2026, 5, 4, 8, 0), deadline)
    assert asked_late(rules, datetime(2026, 5, 6, 8, 0), deadline)


def test_a_dossier_received_under_decree_61_keeps_its_overdue_apology() -> None:
    rules = rules_for(date(2025, 6, 16))
    with pytest.raises(UserError, match="only for an overdue"):
        _apology(ExtensionStanding(rules, overdue=False, extensions=0))
    assert _apology(ExtensionStanding(rules, overdue=True, extensions=0)) is State.IN_APPRAISAL
    # Its apology is never "late" and it is on no morning list: Decree 61 set no notice.
    deadline = datetime(2025, 7, 10, 10, 0)
    assert not asked_late(rules, datetime(2025, 7, 11, 8, 0), deadline)
    assert not last_day_to_ask(rules, date(2025, 7, 9), date(2025, 7, 10), deadline, 0)


def test_article_18_2_a_dossier_is_handed_over_the_same_day_or_the_next_morning() -> None:
    rules = rules_for(date(2026, 11, 27))
    # Received on Friday 27/11/2026 by 15:00: handed over by that day's close
    assert handover_deadline(rules, CALENDAR, datetime(2026, 11, 27, 15, 0)) == datetime(
        2026, 11, 27, 17, 0
    )
    # After 15:00: by the first working period of Monday 30/11
    late_friday = datetime(2026, 11, 27, 15, 1)
    assert handover_deadline(rules, CALENDAR, late_friday) == datetime(2026, 11, 30, 11, 30)
    assert not handed_late(rules, CALENDAR, late_friday, datetime(2026, 11, 30, 9, 0))
    assert handed_late(rules, CALENDAR, late_friday, datetime(2026, 11, 30, 13, 30))
    # Received on the last afternoon before Tết 2027: the first morning after it
    assert handover_deadline(rules, CALENDAR, datetime(2027, 2, 3, 16, 0)) == datetime(
        2027, 2, 11, 11, 30
    )
    # Decree 61 set no such time: nothing is late
    assert handover_deadline(rules_for(date(2025, 6, 2)), CALENDAR, late_friday) is None
