"""The extension of a dossier's time limit: the apology with a new appointment.

Decree 118/2025 Article 19(6): for a dossier expected to be late, the authority
sends the apology with its request to extend at the latest one day before the
deadline, and the new appointment is set once. A request made later is still
taken (the citizen must be told) but flagged, and counted. Under Decree
61/2018 the apology was for a dossier already overdue. Which applies is the
dossier's :class:`~counter_app.domain.procedure_rules.ProcedureRules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.domain.procedure_rules import ProcedureRules

_CTX = "Workflow"


@dataclass(frozen=True)
class ExtensionStanding:
    """Where a dossier stands with its extension."""

    rules: ProcedureRules
    overdue: bool
    extensions: int

    def refusal(self) -> Message | None:
        """Why an extension would be refused now; None when it may be given."""
        limit = self.rules.extension_limit
        if self.extensions >= limit.value:
            return Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Workflow",
                    "This dossier already had its apology and new appointment; "
                    "it can be given only once ({basis}).",
                ),
                {"basis": limit.basis},
            )
        if not self.rules.extension_before_deadline.value and not self.overdue:
            return Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Workflow",
                    "An apology with a new appointment is only for an overdue dossier ({basis}).",
                ),
                {"basis": self.rules.extension_before_deadline.basis},
            )
        return None

    @property
    def open(self) -> bool:
        return self.refusal() is None


def asked_late(rules: ProcedureRules, asked_at: datetime, deadline: datetime) -> bool:
    """Whether an extension asked at ``asked_at`` misses the rule's notice: on
    the deadline's own day or after it, where the rule wants it at the latest
    the day before."""
    return rules.extension_before_deadline.value and asked_at.date() >= deadline.date()


def last_day_to_ask(
    rules: ProcedureRules, today: date, next_working_day: date, deadline: datetime, extensions: int
) -> bool:
    """For the morning list: the deadline falls on the next working day and no
    extension was asked, so today is the last working day to ask one in time."""
    return (
        rules.extension_before_deadline.value
        and extensions < rules.extension_limit.value
        and today < deadline.date() <= next_working_day
    )
