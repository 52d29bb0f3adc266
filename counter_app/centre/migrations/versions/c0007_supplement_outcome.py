"""supplement outcome: each supplement request's end and lateness in the report facts

Revision ID: c0007_supplement_outcome
Revises: c0006_report_fact_rules
Create Date: 2026-12-14 10:00:00

Decree 118/2025 Article 19(5): once the complete dossier is received the time
limit is counted again from the start; a supplement asked later than 3
working days after reception is flagged; a dossier whose supplement never
comes is closed by the desk (state ``closed``). A counter's supplement request
(its pause record, counter migration 0012) now carries how it ended
(``outcome``: restarted, resumed, closed) and ``asked_late``; the report
facts keep both per dossier, beside the pauses' starts and ends, so the
centre's figures count the closings and the late requests and measure a
restarted dossier from its complete dossier, as the counter's do
(reports/fact_rules.py declares it once; this is the function
reports/sql_rules.refresh_report_facts_sql() writes from it, frozen).

The records the function reads are the same (every pause): the push's
predicate and the partial index of c0003 stay. The new state needs no
central change: ``central init`` writes the workflow's paths from
domain/workflow.reachable_pairs() and the push accepts any state on a path.
The facts already there are made again (their new columns are empty; pauses
ended before this application restarted the clock keep no outcome, and the
figures give their paused time back as before). Downgrading drops the two
columns and puts back c0006's function.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0007_supplement_outcome"
down_revision: str | None = "c0006_report_fact_rules"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = """
ALTER TABLE central_dossiers
    ADD COLUMN report_pause_outcomes text[],
    ADD COLUMN report_pause_asked_late text[];
"""

# reports/sql_rules.refresh_report_facts_sql() as fact_rules.RULES made it.
FUNCTION = """
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

# c0006's function, put back on downgrade (it reads none of the new columns).
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
           array_agg(NULLIF(body ->> 'started_at', '')::timestamp ORDER BY NULLIF(body ->> 'started_at', '')::timestamp NULLS LAST, NULLIF(body ->> 'ended_at', '')::timestamp NULLS LAST)
                FILTER (WHERE kind = 'pause') AS pause_starts,
           array_agg(NULLIF(body ->> 'ended_at', '')::timestamp ORDER BY NULLIF(body ->> 'started_at', '')::timestamp NULLS LAST, NULLIF(body ->> 'ended_at', '')::timestamp NULLS LAST)
                FILTER (WHERE kind = 'pause') AS pause_ends
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
           report_pause_ends = f.pause_ends
      FROM facts f
     WHERE d.uuid = f.dossier_uuid
    RETURNING 1
)
SELECT count(*)::integer FROM done
$$;
"""

FILL = """
SELECT central_refresh_report_facts(ARRAY(
    SELECT DISTINCT dossier_uuid FROM central_records
    WHERE dossier_uuid IS NOT NULL AND (kind = 'pause' OR (kind = 'step' AND (body ->> 'action') IN ('refuse', 'withdraw', 'return_result')))));
ANALYZE central_dossiers;
"""


def upgrade() -> None:
    for script in (COLUMNS, FUNCTION, FILL):
        op.execute(script)


def downgrade() -> None:
    op.execute(PREVIOUS_FUNCTION)
    op.execute(
        "ALTER TABLE central_dossiers DROP COLUMN report_pause_outcomes, "
        "DROP COLUMN report_pause_asked_late"
    )
