"""The one-stop rules a dossier is handled under, by the day they apply from.

Each rule is data with the article it comes from. A dossier keeps the rules in
force on its reception date to its end: one received in June 2025 is handled
under Decree 61/2018 even when its result comes in August. Where the
specialised law of a procedure says otherwise (another supplement window,
another closing period, a pause rather than a restart), the catalogue says so
per procedure (:class:`SpecialRules`), with its own citation, and that wins.

Only what was read in the texts is a rule here; a value a decree does not set
is ``None`` (nothing is checked or flagged for it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from enum import StrEnum
from typing import Any, Generic, TypeVar

T = TypeVar("T")

DECREE_61 = "Nghị định 61/2018/NĐ-CP"
DECREE_118 = "Nghị định 118/2025/NĐ-CP"


class SupplementClock(StrEnum):
    """What a supplement asked after reception does to the time limit."""

    RESTART = "restart"  # counted again from the start once the dossier is complete
    PAUSE = "pause"  # stopped while the citizen supplements, the rest given back


@dataclass(frozen=True)
class Cited(Generic[T]):
    """A rule's value and the article it rests on."""

    value: T
    basis: str


@dataclass(frozen=True)
class ProcedureRules:
    """The rules one dossier follows."""

    decree: str
    in_force_from: date
    supplement_clock: Cited[SupplementClock]
    # Working days after reception within which a supplement may be asked
    # without being flagged.
    supplement_request_days: Cited[int | None]
    # Days after the supplement notice after which an incomplete dossier is closed.
    closing_days: Cited[int | None]
    # The extension (apology with a new appointment): asked before the
    # deadline, at the latest the day before it (True), or for a dossier
    # already overdue (False); how many times.
    extension_before_deadline: Cited[bool]
    extension_limit: Cited[int]
    # A procedure whose result is returned right after reception prints its
    # receipt only when the applicant asks for one.
    receipt_on_request_for_immediate: Cited[bool]
    # A paper dossier received after this time is transferred at the start of
    # the next working day, else the same day.
    transfer_cutoff: Cited[time | None]
    # Working hours the desk has to accept an online dossier or ask for changes.
    online_answer_hours: Cited[int | None]


def _d118(article: str) -> str:
    return f"{DECREE_118}, {article}"


def _d61(article: str) -> str:
    return f"{DECREE_61}, {article}"


_NOT_SET_61 = f"{DECREE_61}: không quy định"

RULES: tuple[ProcedureRules, ...] = (
    ProcedureRules(
        decree=DECREE_61,
        in_force_from=date(2018, 6, 21),
        supplement_clock=Cited(SupplementClock.RESTART, _d61("Điều 19 khoản 4")),
        supplement_request_days=Cited(None, _NOT_SET_61),
        closing_days=Cited(None, _NOT_SET_61),
        extension_before_deadline=Cited(
            False, _d61("Điều 19; Mẫu số 04 Thông tư 01/2018/TT-VPCP (phiếu xin lỗi và hẹn lại)")
        ),
        extension_limit=Cited(1, _d61("Điều 19; Mẫu số 04 Thông tư 01/2018/TT-VPCP")),
        receipt_on_request_for_immediate=Cited(False, _NOT_SET_61),
        transfer_cutoff=Cited(None, _NOT_SET_61),
        online_answer_hours=Cited(None, _NOT_SET_61),
    ),
    ProcedureRules(
        decree=DECREE_118,
        in_force_from=date(2025, 7, 1),
        supplement_clock=Cited(SupplementClock.RESTART, _d118("Điều 19 khoản 5")),
        supplement_request_days=Cited(3, _d118("Điều 19 khoản 5")),
        closing_days=Cited(15, _d118("Điều 19 khoản 5")),
        extension_before_deadline=Cited(True, _d118("Điều 19 khoản 6")),
        extension_limit=Cited(1, _d118("Điều 19 khoản 6")),
        receipt_on_request_for_immediate=Cited(True, _d118("Điều 17 khoản 4")),
        transfer_cutoff=Cited(time(15, 0), _d118("Điều 18 khoản 2")),
        online_answer_hours=Cited(8, _d118("Điều 17 khoản 2")),
    ),
)


@dataclass(frozen=True)
class SpecialRules:
    """What a procedure's specialised law sets differently, with its citation.

    Stored in the catalogue per procedure; ``None`` leaves the decree's rule.
    """

    basis: str
    supplement_clock: SupplementClock | None = None
    supplement_request_days: int | None = None
    closing_days: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"basis": self.basis}
        if self.supplement_clock is not None:
            data["supplement_clock"] = self.supplement_clock.value
        if self.supplement_request_days is not None:
            data["supplement_request_days"] = self.supplement_request_days
        if self.closing_days is not None:
            data["closing_days"] = self.closing_days
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> SpecialRules | None:
        if not data:
            return None
        clock = data.get("supplement_clock")
        return cls(
            basis=str(data["basis"]),
            supplement_clock=SupplementClock(clock) if clock else None,
            supplement_request_days=_int_or_none(data.get("supplement_request_days")),
            closing_days=_int_or_none(data.get("closing_days")),
        )


def _int_or_none(value: object) -> int | None:
    return None if value is None else int(str(value))


def rules_for(received_on: date, special: SpecialRules | None = None) -> ProcedureRules:
    """The rules of a dossier received on ``received_on``: the decree then in
    force, with what the procedure's specialised law sets instead."""
    in_force = [r for r in RULES if r.in_force_from <= received_on]
    # Before Decree 61 the application has no rules of its own: the oldest apply.
    rules = max(in_force, key=lambda r: r.in_force_from) if in_force else RULES[0]
    if special is None:
        return rules
    changes: dict[str, Any] = {}
    if special.supplement_clock is not None:
        changes["supplement_clock"] = Cited(special.supplement_clock, special.basis)
    if special.supplement_request_days is not None:
        changes["supplement_request_days"] = Cited(special.supplement_request_days, special.basis)
    if special.closing_days is not None:
        changes["closing_days"] = Cited(special.closing_days, special.basis)
    return replace(rules, **changes)
