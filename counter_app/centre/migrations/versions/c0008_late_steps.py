"""late steps: the extension, the hand-over and the online answer, each with
its lateness, in the report facts

Revision ID: c0008_late_steps
Revises: c0007_supplement_outcome
Create Date: 2026-12-16 10:00:00

The reports count three steps the law times, each flagged late on the step
by the desk that took it (counter_app/services/dossier_steps.py):

- the extension asked on the deadline's day or later (Decree 118/2025
  Article 19(6); the step ``apologise``, ``data.asked_late``);
- the hand-over of a paper dossier after the same working day (after 15:00,
  the next morning; Article 18(2)): its first ``transfer`` or
  ``start_appraisal``, ``data.handed_late``;
- the answer to an online dossier after 8 working hours (Article 17(2)): its
  first ``start_appraisal``, ``transfer`` or ``request_supplement``,
  ``data.answered_late``.

reports/fact_rules.py declares them (the new pick FIRST: the earliest step,
on a tie the earlier the desk wrote); FUNCTION is what
reports/sql_rules.refresh_report_facts_sql() writes from it, frozen. The
function now reads those steps too, so the records' predicate grows: the
partial index of c0003 is made again with it, and central_push() (c0005)
is defined again from its own definition as installed, the predicate it
picks the dossiers to refresh with replaced (its owner, grants and search
path stay: a replacement keeps them). The facts already there are
made again. Downgrading drops the six columns and puts back c0007's
function, c0005's push and c0003's index.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0008_late_steps"
down_revision: str | None = "c0007_supplement_outcome"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = """
ALTER TABLE central_dossiers
    ADD COLUMN report_apology_at timestamp,
    ADD COLUMN report_apology_asked_late text,
    ADD COLUMN report_handed_at timestamp,
    ADD COLUMN report_handed_late text,
    ADD COLUMN report_answered_at timestamp,
    ADD COLUMN report_answered_late text;
"""

# The records the report facts read (reports/sql_rules.report_records()).
REPORT_RECORDS = (
    "kind = 'pause' OR (kind = 'step' AND (body ->> 'action') IN "
    "('refuse', 'withdraw', 'return_result', 'apologise', 'start_appraisal', 'transfer', 'request_supplement'))"
)

# reports/sql_rules.refresh_report_facts_sql() as fact_rules.RULES made it.
FUNCTION = """
CREATE OR REPLACE FUNCTION central_refresh_report_facts(dossier_uuids varchar[]) RETURNS integer
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
WITH found AS (
    SELECT r.dossier_uuid, r.kind, r.counter_seq, r.body
    FROM central_records r
    WHERE r.dossier_uuid = ANY(dossier_uuids) AND (kind = 'pause' OR (kind = 'step' AND (body ->> 'action') IN ('refuse', 'withdraw', 'return_result', 'apologise', 'start_appraisal', 'transfer', 'request_supplement')))
), facts AS (
    SELECT dossier_uuid,
           COALESCE(bool_or(kind = 'step' AND body ->> 'action' = 'refuse'), false) AS refused,
           (array_agg(body ORDER BY NULLIF(body ->> 'at', '')::timestamp DESC, counter_seq DESC)
                FILTER (WHERE kind = 'step' AND body ->> 'action' = 'withdraw' AND NULLIF(body ->> 'at', '')::timestamp IS NOT NULL))[1] AS withdrawn,
           (array_agg(body ORDER BY NULLIF(body ->> 'at', '')::timestamp DESC, counter_seq DESC)
                FILTER (WHERE kind = 'step' AND body ->> 'action' = 'return_result' AND NULLIF(body ->> 'at', '')::timestamp IS NOT NULL))[1] AS returned,
           array_agg(NULLIF(body ->> 'started_at', '')::timestamp ORDER BY NULLIF(body ->> 'started_at', '')::timestamp NULLS LAST, NULLIF(body ->> 'ended_at', '')::timestamp NULLS LAST, body ->> 'outcome' NULLS LAST, body ->> 'asked_late' NULLS LAST)
                FILTER (WHERE kind = 'pause') AS pause_starts,
           array_agg(NULLIF(body ->> 'ended_at', '')::timestamp ORDER BY NULLIF(body ->> 'started_at', '')::timestamp NULLS LAST, NULLIF(body ->> 'ended_at', '')::timestamp NULLS LAST, body ->> 'outcome' NULLS LAST, body ->> 'asked_late' NULLS LAST)
                FILTER (WHERE kind = 'pause') AS pause_ends,
           array_agg(body ->> 'outcome' ORDER BY NULLIF(body ->> 'started_at', '')::timestamp NULLS LAST, NULLIF(body ->> 'ended_at', '')::timestamp NULLS LAST, body ->> 'outcome' NULLS LAST, body ->> 'asked_late' NULLS LAST)
                FILTER (WHERE kind = 'pause') AS pause_outcomes,
           array_agg(body ->> 'asked_late' ORDER BY NULLIF(body ->> 'started_at', '')::timestamp NULLS LAST, NULLIF(body ->> 'ended_at', '')::timestamp NULLS LAST, body ->> 'outcome' NULLS LAST, body ->> 'asked_late' NULLS LAST)
                FILTER (WHERE kind = 'pause') AS pause_asked_late,
           (array_agg(body ORDER BY NULLIF(body ->> 'at', '')::timestamp DESC, counter_seq DESC)
                FILTER (WHERE kind = 'step' AND body ->> 'action' = 'apologise' AND NULLIF(body ->> 'at', '')::timestamp IS NOT NULL))[1] AS apologised,
           (array_agg(body ORDER BY NULLIF(body ->> 'at', '')::timestamp ASC, counter_seq ASC)
                FILTER (WHERE kind = 'step' AND body ->> 'action' IN ('start_appraisal', 'transfer') AND NULLIF(body ->> 'at', '')::timestamp IS NOT NULL))[1] AS handed_over,
           (array_agg(body ORDER BY NULLIF(body ->> 'at', '')::timestamp ASC, counter_seq ASC)
                FILTER (WHERE kind = 'step' AND body ->> 'action' IN ('request_supplement', 'start_appraisal', 'transfer') AND NULLIF(body ->> 'at', '')::timestamp IS NOT NULL))[1] AS answered
    FROM found GROUP BY dossier_uuid
), done AS (
    UPDATE central_dossiers d
       SET report_refused = f.refused,
           report_withdrawn_at = NULLIF(f.withdrawn ->> 'at', '')::timestamp,
           report_return_at = NULLIF(f.returned ->> 'at', '')::timestamp,
           report_return_channel = f.returned #>> '{data,return,channel}',
           report_return_collected_by = f.returned #>> '{data,return,collected_by}',
           report_return_rating = f.returned #>> '{data,return,rating}',
           report_return_criteria = f.returned #>> '{data,return,criteria}',
           report_pause_starts = f.pause_starts,
           report_pause_ends = f.pause_ends,
           report_pause_outcomes = f.pause_outcomes,
           report_pause_asked_late = f.pause_asked_late,
           report_apology_at = NULLIF(f.apologised ->> 'at', '')::timestamp,
           report_apology_asked_late = f.apologised #>> '{data,asked_late}',
           report_handed_at = NULLIF(f.handed_over ->> 'at', '')::timestamp,
           report_handed_late = f.handed_over #>> '{data,handed_late}',
           report_answered_at = NULLIF(f.answered ->> 'at', '')::timestamp,
           report_answered_late = f.answered #>> '{data,answered_late}'
      FROM facts f
     WHERE d.uuid = f.dossier_uuid
    RETURNING 1
)
SELECT count(*)::integer FROM done
$$;
"""


# c0007's function, put back on downgrade (it reads none of the new columns).
PREVIOUS_FUNCTION = """
CREATE OR REPLACE FUNCTION central_refresh_report_facts(dossier_uuids varchar[]) RETURNS integer
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
WITH found AS (
    SELECT r.dossier_uuid, r.kind, r.counter_seq, r.body
    FROM central_records r
    WHERE r.dossier_uuid = ANY(dossier_uuids) AND (kind = 'pause' OR (kind = 'step' AND (body ->> 'action') IN ('refuse', 'withdraw', 'return_result')))
), facts AS (
    SELECT dossier_uuid,
           COALESCE(bool_or(kind = 'step' AND body ->> 'action' = 'refuse'), false) AS refused,
           (array_agg(body ORDER BY NULLIF(body ->> 'at', '')::timestamp DESC, counter_seq DESC)
                FILTER (WHERE kind = 'step' AND body ->> 'action' = 'withdraw' AND NULLIF(body ->> 'at', '')::timestamp IS NOT NULL))[1] AS withdrawn,
           (array_agg(body ORDER BY NULLIF(body ->> 'at', '')::timestamp DESC, counter_seq DESC)
                FILTER (WHERE kind = 'step' AND body ->> 'action' = 'return_result' AND NULLIF(body ->> 'at', '')::timestamp IS NOT NULL))[1] AS returned,
           array_agg(NULLIF(body ->> 'started_at', '')::timestamp ORDER BY NULLIF(body ->> 'started_at', '')::timestamp NULLS LAST, NULLIF(body ->> 'ended_at', '')::timestamp NULLS LAST, body ->> 'outcome' NULLS LAST, body ->> 'asked_late' NULLS LAST)
                FILTER (WHERE kind = 'pause') AS pause_starts,
           array_agg(NULLIF(body ->> 'ended_at', '')::timestamp ORDER BY NULLIF(body ->> 'started_at', '')::timestamp NULLS LAST, NULLIF(body ->> 'ended_at', '')::timestamp NULLS LAST, body ->> 'outcome' NULLS LAST, body ->> 'asked_late' NULLS LAST)
                FILTER (WHERE kind = 'pause') AS pause_ends,
           array_agg(body ->> 'outcome' ORDER BY NULLIF(body ->> 'started_at', '')::timestamp NULLS LAST, NULLIF(body ->> 'ended_at', '')::timestamp NULLS LAST, body ->> 'outcome' NULLS LAST, body ->> 'asked_late' NULLS LAST)
                FILTER (WHERE kind = 'pause') AS pause_outcomes,
           array_agg(body ->> 'asked_late' ORDER BY NULLIF(body ->> 'started_at', '')::timestamp NULLS LAST, NULLIF(body ->> 'ended_at', '')::timestamp NULLS LAST, body ->> 'outcome' NULLS LAST, body ->> 'asked_late' NULLS LAST)
                FILTER (WHERE kind = 'pause') AS pause_asked_late
    FROM found GROUP BY dossier_uuid
), done AS (
    UPDATE central_dossiers d
       SET report_refused = f.refused,
           report_withdrawn_at = NULLIF(f.withdrawn ->> 'at', '')::timestamp,
           report_return_at = NULLIF(f.returned ->> 'at', '')::timestamp,
           report_return_channel = f.returned #>> '{data,return,channel}',
           report_return_collected_by = f.returned #>> '{data,return,collected_by}',
           report_return_rating = f.returned #>> '{data,return,rating}',
           report_return_criteria = f.returned #>> '{data,return,criteria}',
           report_pause_starts = f.pause_starts,
           report_pause_ends = f.pause_ends,
           report_pause_outcomes = f.pause_outcomes,
           report_pause_asked_late = f.pause_asked_late
      FROM facts f
     WHERE d.uuid = f.dossier_uuid
    RETURNING 1
)
SELECT count(*)::integer FROM done
$$;
"""
# The records' predicate before (c0003_reports).
PREVIOUS_RECORDS = (
    "kind = 'pause' OR (kind = 'step' AND (body ->> 'action') IN "
    "('refuse', 'withdraw', 'return_result'))"
)


def _index(predicate: str) -> str:
    return (
        "DROP INDEX IF EXISTS ix_central_records_report; "
        "CREATE INDEX ix_central_records_report ON central_records (dossier_uuid) "
        f"WHERE {predicate}"
    )


def _actions(predicate: str) -> str:
    return predicate.split(" IN ", 1)[1].removesuffix(")")


def _push(before: str, after: str) -> str:
    """central_push() as installed, with the dossiers to refresh picked by the
    records of ``after`` instead of ``before``: its definition is read back
    from the catalogue and run again (a replacement keeps its owner, grants
    and settings), so this migration need not carry c0005's body."""
    old = f"(i.body ->> 'action')\n                IN {_actions(before)}"
    new = f"(i.body ->> 'action')\n                IN {_actions(after)}"
    return f"""
DO $do$
DECLARE
    v_old text := pg_get_functiondef('central_push()'::regprocedure);
    v_new text := replace(v_old, {_literal(old)}, {_literal(new)});
BEGIN
    IF v_new = v_old THEN
        RAISE EXCEPTION 'central_push() does not pick the dossiers to refresh as c0005 wrote';
    END IF;
    EXECUTE v_new;
END $do$;
"""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


FILL = f"""
SELECT central_refresh_report_facts(ARRAY(
    SELECT DISTINCT dossier_uuid FROM central_records
    WHERE dossier_uuid IS NOT NULL AND ({REPORT_RECORDS})));
ANALYZE central_dossiers;
"""


def upgrade() -> None:
    for script in (
        COLUMNS,
        FUNCTION,
        _index(REPORT_RECORDS),
        _push(PREVIOUS_RECORDS, REPORT_RECORDS),
        FILL,
    ):
        op.execute(script)


def downgrade() -> None:
    for script in (
        PREVIOUS_FUNCTION,
        _index(PREVIOUS_RECORDS),
        _push(REPORT_RECORDS, PREVIOUS_RECORDS),
    ):
        op.execute(script)
    op.execute(
        "ALTER TABLE central_dossiers DROP COLUMN report_apology_at, "
        "DROP COLUMN report_apology_asked_late, DROP COLUMN report_handed_at, "
        "DROP COLUMN report_handed_late, DROP COLUMN report_answered_at, "
        "DROP COLUMN report_answered_late"
    )
