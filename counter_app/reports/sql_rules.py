"""The report rules as SQL, made from the one declaration of each that the
Python side reads too:

- the work lists' "due today" and "overdue" (``definitions.DUE_TODAY``,
  ``definitions.OVERDUE``, read by ``definitions.in_window``;
  tests/reports/test_work_lists.py checks both agree on every state);
- the records the reports read and what they mean (``fact_rules.RULES``, read
  by ``facts.Completion``): the centre's ``central_refresh_report_facts``
  (tests/reports/test_fact_rules.py checks the function installed at head is
  this text and that both sides make the same facts of the same records).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_

from counter_app.reports.definitions import (
    DUE_TODAY,
    OVERDUE,
    UNFINISHED_STATES,
    DeadlineWindow,
)
from counter_app.reports.fact_rules import (
    CENTRAL_PREFIX,
    PAUSE,
    RULES,
    STEP,
    STEP_ACTIONS,
    FactRule,
    Field,
    Pick,
    Value,
)

_UNFINISHED = sorted(s.value for s in UNFINISHED_STATES)


def in_window(
    window: DeadlineWindow, state: Any, paused_since: Any, appointment: Any, now: datetime
) -> ColumnElement[bool]:
    """SQL form of ``definitions.in_window``."""
    bounds = [appointment < window.before(now)]
    if window.since is not None:
        bounds.append(appointment >= window.since(now))
    return and_(state.in_(_UNFINISHED), paused_since.is_(None), *bounds)


def overdue(state: Any, paused_since: Any, appointment: Any, now: datetime) -> ColumnElement[bool]:
    return in_window(OVERDUE, state, paused_since, appointment, now)


def due_today(
    state: Any, paused_since: Any, appointment: Any, now: datetime
) -> ColumnElement[bool]:
    return in_window(DUE_TODAY, state, paused_since, appointment, now)


def report_records(alias: str = "") -> str:
    """The records the reports read (pauses; the steps of fact_rules) as SQL,
    written as the partial index (c0008_late_steps, first c0003_reports) and
    the function have it: PostgreSQL uses a partial
    index only for a query that implies its predicate (tests/reports checks
    the three agree)."""
    a = f"{alias}." if alias else ""
    actions = ", ".join(f"'{action}'" for action in STEP_ACTIONS)
    return f"{a}kind = '{PAUSE}' OR ({a}kind = '{STEP}' AND ({a}body ->> 'action') IN ({actions}))"


REFRESH_FUNCTION = "central_refresh_report_facts"
# As migration c0005_push_entry_point pinned it for every central function.
SEARCH_PATH = "pg_catalog, public, pg_temp"


def _value(body: str, f: Field) -> str:
    """A field of a record's body (jsonb) as its column's SQL type."""
    assert all(key.isidentifier() for key in f.path), f.path
    text = (
        f"{body} ->> '{f.path[0]}'" if len(f.path) == 1 else f"{body} #>> '{{{','.join(f.path)}}}'"
    )
    return f"NULLIF({text}, '')::timestamp" if f.value is Value.TIME else text


def _matches(rule: FactRule) -> str:
    if not rule.actions:
        return f"kind = '{rule.kind}'"
    if len(rule.actions) == 1:
        return f"kind = '{rule.kind}' AND body ->> 'action' = '{rule.actions[0]}'"
    actions = ", ".join(f"'{action}'" for action in rule.actions)
    return f"kind = '{rule.kind}' AND body ->> 'action' IN ({actions})"


def _aggregates(rule: FactRule) -> list[str]:
    """What the rule makes of one dossier's records (``found``), by its pick."""
    where = _matches(rule)
    if rule.pick is Pick.ANY:
        return [f"COALESCE(bool_or({where}), false) AS {rule.name}"]
    if rule.pick in (Pick.LAST, Pick.FIRST):
        at = _value("body", rule.fields[0])
        order = "DESC" if rule.pick is Pick.LAST else "ASC"
        return [
            f"(array_agg(body ORDER BY {at} {order}, counter_seq {order})\n"
            f"                FILTER (WHERE {where} AND {at} IS NOT NULL))[1] AS {rule.name}"
        ]
    order = ", ".join(f"{_value('body', f)} NULLS LAST" for f in rule.fields)
    return [
        f"array_agg({_value('body', f)} ORDER BY {order})\n"
        f"                FILTER (WHERE {where}) AS {f.name}"
        for f in rule.fields
    ]


def _settings(rule: FactRule) -> list[str]:
    """The dossier's completed columns, from the rule's aggregate."""
    if rule.pick in (Pick.LAST, Pick.FIRST):
        return [f"{CENTRAL_PREFIX}{f.name} = {_value(f'f.{rule.name}', f)}" for f in rule.fields]
    return [f"{CENTRAL_PREFIX}{column} = f.{column}" for column in rule.columns]


def refresh_report_facts_body() -> str:
    """The body of ``central_refresh_report_facts(dossier_uuids)``: the rules
    of fact_rules applied to the dossiers' records, kept on their rows; the
    number of rows written. Its look-up is the partial index's predicate."""
    aggregates = ",\n           ".join(a for rule in RULES for a in _aggregates(rule))
    settings = ",\n           ".join(s for rule in RULES for s in _settings(rule))
    return f"""
WITH found AS (
    SELECT r.dossier_uuid, r.kind, r.counter_seq, r.body
    FROM central_records r
    WHERE r.dossier_uuid = ANY(dossier_uuids) AND ({report_records()})
), facts AS (
    SELECT dossier_uuid,
           {aggregates}
    FROM found GROUP BY dossier_uuid
), done AS (
    UPDATE central_dossiers d
       SET {settings}
      FROM facts f
     WHERE d.uuid = f.dossier_uuid
    RETURNING 1
)
SELECT count(*)::integer FROM done
"""


def refresh_report_facts_sql() -> str:
    """The statement that installs the function: replacing it keeps its owner
    and grants; the search path is set again (a replacement drops it)."""
    return (
        f"CREATE OR REPLACE FUNCTION {REFRESH_FUNCTION}(dossier_uuids varchar[]) "
        f"RETURNS integer\nLANGUAGE sql SET search_path = {SEARCH_PATH} AS $$"
        f"{refresh_report_facts_body()}$$;\n"
    )
