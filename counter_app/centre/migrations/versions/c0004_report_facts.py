"""report facts: what a dossier's steps and pauses mean for the reports, and
the body fields they read, kept as columns of its row

Revision ID: c0004_report_facts
Revises: c0003_reports
Create Date: 2026-11-27 20:00:00

A province report used to look up, for every dossier of the period, its
refusal, withdrawal and return steps and its supplement pauses among the
records: a third of a second for a month of 68,000 dossiers, on the report's
critical path. The push now keeps those facts on the dossier's row, in the
same transaction as the records it derives them from
(central_refresh_report_facts, called by sync/central/apply.py for the
dossiers whose records a batch brought), so a report reads one table. The
rules are those of counter_app/reports/facts.Completion: refused if any
refusal step; withdrawn at the last withdrawal; the last return by its time
(the later pushed on a tie); pauses ordered by their start.

The function runs with the caller's rights: a counter's push refreshes only
dossiers row-level security lets it update. Upgrading fills the facts of the
dossiers already there.

The body fields a report reads become generated columns: PostgreSQL keeps
them equal to the body whoever writes it (the push, the portal's import),
and a report no longer takes seven fields out of every body (two fifths of
its query's time, more once bodies are large enough to be compressed). The
original appointment stays ISO text: text to timestamp is not immutable,
which a generated column requires. Adding them rewrites the table once.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0004_report_facts"
down_revision: str | None = "c0003_reports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As c0003_reports wrote it: the partial index answers the function's look-up.
REPORT_RECORDS = (
    "kind = 'pause' OR (kind = 'step' AND (body ->> 'action') IN "
    "('refuse', 'withdraw', 'return_result'))"
)

COLUMNS = """
ALTER TABLE central_dossiers
    ADD COLUMN report_refused boolean NOT NULL DEFAULT false,
    ADD COLUMN report_withdrawn_at timestamp,
    ADD COLUMN report_return_at timestamp,
    ADD COLUMN report_return_channel text,
    ADD COLUMN report_return_collected_by text,
    ADD COLUMN report_return_rating text,
    ADD COLUMN report_return_criteria text,
    ADD COLUMN report_pause_starts timestamp[],
    ADD COLUMN report_pause_ends timestamp[],
    ADD COLUMN counter_uuid text GENERATED ALWAYS AS (body ->> 'counter_uuid') STORED,
    ADD COLUMN received_by text GENERATED ALWAYS AS (body ->> 'received_by') STORED,
    ADD COLUMN ledger_book text GENERATED ALWAYS AS (body ->> 'ledger_book') STORED,
    ADD COLUMN delivery text GENERATED ALWAYS AS (body ->> 'delivery') STORED,
    ADD COLUMN on_the_spot boolean
        GENERATED ALWAYS AS ((body ->> 'on_the_spot')::boolean) STORED,
    ADD COLUMN apology_count integer
        GENERATED ALWAYS AS ((body ->> 'apology_count')::integer) STORED,
    ADD COLUMN original_appointment_iso text
        GENERATED ALWAYS AS (body ->> 'original_appointment_at') STORED;
"""

FUNCTION = f"""
CREATE FUNCTION central_refresh_report_facts(dossier_uuids varchar[]) RETURNS integer
LANGUAGE sql AS $$
WITH found AS (
    SELECT r.dossier_uuid, r.kind, r.counter_seq, r.body ->> 'action' AS action,
           NULLIF(r.body ->> 'at', '')::timestamp AS at,
           r.body -> 'data' -> 'return' AS returned,
           NULLIF(r.body ->> 'started_at', '')::timestamp AS started_at,
           NULLIF(r.body ->> 'ended_at', '')::timestamp AS ended_at
    FROM central_records r
    WHERE r.dossier_uuid = ANY(dossier_uuids) AND ({REPORT_RECORDS})
), facts AS (
    SELECT dossier_uuid,
           COALESCE(bool_or(action = 'refuse'), false) AS refused,
           max(at) FILTER (WHERE action = 'withdraw') AS withdrawn_at,
           (array_agg(at ORDER BY at DESC, counter_seq DESC)
                FILTER (WHERE action = 'return_result'))[1] AS return_at,
           (array_agg(returned ORDER BY at DESC, counter_seq DESC)
                FILTER (WHERE action = 'return_result'))[1] AS returned,
           array_agg(started_at ORDER BY started_at, ended_at)
                FILTER (WHERE kind = 'pause') AS pause_starts,
           array_agg(ended_at ORDER BY started_at, ended_at)
                FILTER (WHERE kind = 'pause') AS pause_ends
    FROM found GROUP BY dossier_uuid
), done AS (
    UPDATE central_dossiers d
       SET report_refused = f.refused,
           report_withdrawn_at = f.withdrawn_at,
           report_return_at = f.return_at,
           report_return_channel = f.returned ->> 'channel',
           report_return_collected_by = f.returned ->> 'collected_by',
           report_return_rating = f.returned ->> 'rating',
           report_return_criteria = f.returned ->> 'criteria',
           report_pause_starts = f.pause_starts,
           report_pause_ends = f.pause_ends
      FROM facts f
     WHERE d.uuid = f.dossier_uuid
    RETURNING 1
)
SELECT count(*)::integer FROM done
$$;
GRANT EXECUTE ON FUNCTION central_refresh_report_facts(varchar[]) TO counter_app_counter;
"""

FILL = f"""
SELECT central_refresh_report_facts(ARRAY(
    SELECT DISTINCT dossier_uuid FROM central_records
    WHERE dossier_uuid IS NOT NULL AND ({REPORT_RECORDS})));
ANALYZE central_dossiers;
"""


def upgrade() -> None:
    for script in (COLUMNS, FUNCTION, FILL):
        op.execute(script)


def downgrade() -> None:
    op.execute(
        "DROP FUNCTION central_refresh_report_facts(varchar[]); "
        "ALTER TABLE central_dossiers DROP COLUMN report_refused, "
        "DROP COLUMN report_withdrawn_at, DROP COLUMN report_return_at, "
        "DROP COLUMN report_return_channel, DROP COLUMN report_return_collected_by, "
        "DROP COLUMN report_return_rating, DROP COLUMN report_return_criteria, "
        "DROP COLUMN report_pause_starts, DROP COLUMN report_pause_ends, "
        "DROP COLUMN counter_uuid, DROP COLUMN received_by, DROP COLUMN ledger_book, "
        "DROP COLUMN delivery, DROP COLUMN on_the_spot, DROP COLUMN apology_count, "
        "DROP COLUMN original_appointment_iso"
    )
