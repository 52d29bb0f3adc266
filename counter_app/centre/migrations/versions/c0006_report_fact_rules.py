"""report fact rules: central_refresh_report_facts made from the declaration
the counter's report reads too

Revision ID: c0006_report_fact_rules
Revises: c0005_push_entry_point
Create Date: 2026-12-12 10:00:00

What a dossier's steps and pauses mean for the reports (refused, withdrawn,
returned, paused) was written twice: in Python for the counter
(reports/facts.Completion) and in SQL here (c0004_report_facts), and the two
already ordered pauses differently. counter_app/reports/fact_rules.py now
declares the rules once; the counter applies them in Python and this function
is the SQL that reports/sql_rules.refresh_report_facts_sql() writes from the
same declaration, frozen here because a migration imports no live code.
tests/reports/test_fact_rules.py fails when the function installed at head is
not the text the rules make today: a changed rule needs a new migration like
this one.

What the function now does differently from c0004's:

- pauses are ordered by start, then end, a missing end last (the counter
  ordered them by start alone, so two pauses starting together could come in
  either order there; both sides now use this order);
- of the withdrawals and the returns, one without a time never wins (in
  descending order a return's missing time came first).

Replacing the function keeps its owner and grants (EXECUTE for
counter_app_push only, since c0005); its search path is set again with it.
The facts of the dossiers already there are made again, as c0004 did, since
a return without a time may have won. Downgrading leaves this function: c0004's
columns and callers are unchanged, and its facts are those of c0004 but for
the two cases above.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0006_report_fact_rules"
down_revision: str | None = "c0005_push_entry_point"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

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
    op.execute(FUNCTION)
    op.execute(FILL)


def downgrade() -> None:
    # The function stays (see above): c0004's gives the same facts but for
    # the two cases this one corrects, and nothing else depends on it.
    return None
