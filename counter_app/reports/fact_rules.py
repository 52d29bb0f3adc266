"""What a dossier's steps and pauses mean for the reports, declared once.

Each fact a report counts (refused, withdrawn, returned, paused or closed; an
extension, a hand-over, an online answer and whether each was late) is a
:class:`FactRule`: which records feed it, how they are picked and which
fields of their body it keeps. Two interpreters read :data:`RULES`, and no
other place restates them:

- the counter's report, in Python: ``facts.Completion`` over the steps and
  pauses of its SQLite (``local_source``);
- the centre, in SQL: ``sql_rules.refresh_report_facts_sql()`` writes the
  function ``central_refresh_report_facts`` from these rules; the push calls it
  for the dossiers whose records a batch brought and keeps its results on the
  dossier's row (columns ``report_<name>``). A migration installs a frozen copy
  (migrations import no live code); tests/reports/test_fact_rules.py fails
  when the function installed at head is not the one these rules make (then
  add a central migration that installs the new text and refills the facts),
  and when the two sides make different facts of the same records.

Both sides produce the same completed columns (:data:`COMPLETED_FIELDS`, as
the centre's row holds them) and ``facts.dossier_facts`` turns them into the
same :class:`~counter_app.reports.definitions.DossierFacts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from counter_app.domain.handover import HANDOVER_ACTIONS
from counter_app.domain.online_answer import ANSWER_ACTIONS
from counter_app.domain.workflow import Action

STEP, PAUSE = "step", "pause"
# The prefix of the completed columns on the centre's dossier row.
CENTRAL_PREFIX = "report_"


class Pick(Enum):
    """How a fact is made of the records that feed it."""

    # True when the dossier has such a record.
    ANY = "any"
    # The fields of one record: the latest by its first field (a time); on a
    # tie, the later the desk wrote (its counter sequence, the same number on
    # the counter and at the centre). A record without that time never wins.
    LAST = "last"
    # The same, the earliest: on a tie, the earlier the desk wrote.
    FIRST = "first"
    # Each field of every record, as a list, the records ordered by their
    # fields left to right, a missing value after any value (records equal
    # in every field are interchangeable, so no other order is needed).
    ALL = "all"


class Value(Enum):
    TIME = "time"  # an ISO time as the desk writes it (empty: none)
    TEXT = "text"  # a text, or the JSON text of an object


@dataclass(frozen=True)
class Field:
    """A completed column and where its value lies in the record's body (the
    first key is the counter's column, the rest a path in its JSON)."""

    name: str
    path: tuple[str, ...]
    value: Value = Value.TEXT


@dataclass(frozen=True)
class FactRule:
    name: str
    kind: str  # the record's kind: STEP or PAUSE
    actions: tuple[str, ...]  # a step's actions, any of them; none for a pause
    pick: Pick
    fields: tuple[Field, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        """Its completed columns: the flag itself for ANY, else its fields."""
        return (self.name,) if self.pick is Pick.ANY else tuple(f.name for f in self.fields)


def _returned(name: str) -> Field:
    return Field(f"return_{name}", ("data", "return", name))


def _actions(actions: frozenset[Action]) -> tuple[str, ...]:
    return tuple(sorted(a.value for a in actions))


RULES = (
    # Refused if any refusal step, whatever came after it.
    FactRule("refused", STEP, (Action.REFUSE.value,), Pick.ANY),
    FactRule(
        "withdrawn",
        STEP,
        (Action.WITHDRAW.value,),
        Pick.LAST,
        (Field("withdrawn_at", ("at",), Value.TIME),),
    ),
    # The return's record (domain/returns.py): how, to whom, the rating.
    FactRule(
        "returned",
        STEP,
        (Action.RETURN_RESULT.value,),
        Pick.LAST,
        (
            Field("return_at", ("at",), Value.TIME),
            *map(_returned, ("channel", "collected_by", "rating", "criteria")),
        ),
    ),
    # The supplement requests: the clock waited for the citizen; how each
    # ended (the limit restarted, the time given back, the dossier closed:
    # domain.supplement.PauseOutcome) and whether it was asked late.
    FactRule(
        "paused",
        PAUSE,
        (),
        Pick.ALL,
        (
            Field("pause_starts", ("started_at",), Value.TIME),
            Field("pause_ends", ("ended_at",), Value.TIME),
            Field("pause_outcomes", ("outcome",)),
            Field("pause_asked_late", ("asked_late",)),
        ),
    ),
    # The extension (domain.extension, once): when, and whether it was asked
    # later than the day before the deadline (Decree 118/2025 Art. 19(6)).
    FactRule(
        "apologised",
        STEP,
        (Action.APOLOGISE.value,),
        Pick.LAST,
        (
            Field("apology_at", ("at",), Value.TIME),
            Field("apology_asked_late", ("data", "asked_late")),
        ),
    ),
    # The hand-over of a paper dossier (domain.handover, Art. 18(2)): its
    # first transfer or appraisal, and whether it was late.
    FactRule(
        "handed_over",
        STEP,
        _actions(HANDOVER_ACTIONS),
        Pick.FIRST,
        (
            Field("handed_at", ("at",), Value.TIME),
            Field("handed_late", ("data", "handed_late")),
        ),
    ),
    # The answer to an online dossier (domain.online_answer, Art. 17(2)): the
    # desk's first step on it, and whether it came after 8 working hours.
    FactRule(
        "answered",
        STEP,
        _actions(ANSWER_ACTIONS),
        Pick.FIRST,
        (
            Field("answered_at", ("at",), Value.TIME),
            Field("answered_late", ("data", "answered_late")),
        ),
    ),
)

COMPLETED_FIELDS = tuple(column for rule in RULES for column in rule.columns)
# The step actions any fact reads, and the fields each kind's records are read
# with (a rule's fields are a sub-sequence: both sides read only these).
STEP_ACTIONS = tuple(dict.fromkeys(a for r in RULES if r.kind == STEP for a in r.actions))


def _paths(kind: str) -> tuple[tuple[str, ...], ...]:
    seen = dict.fromkeys(f.path for r in RULES if r.kind == kind for f in r.fields)
    return tuple(seen)


STEP_PATHS = _paths(STEP)
PAUSE_PATHS = _paths(PAUSE)
RECORD_KINDS = tuple(dict.fromkeys(r.kind for r in RULES))
