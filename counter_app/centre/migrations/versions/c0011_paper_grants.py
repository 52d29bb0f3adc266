"""paper grants: a desk takes a paper another agency digitised, on record

Revision ID: c0011_paper_grants
Revises: c0010_papers_and_files
Create Date: 2026-12-22 09:00:00

Decree 118/2025 Art. 17(1)(b): a paper held in digitised form anywhere in the
province is not asked for again. c0010 let a desk read only its own agency's
files (and those of dossiers its authority decides), so a paper another
agency digitised could be seen in the lookup but not taken. Here a desk
takes such a paper explicitly with ``central_paper_take(paper_uuid)``: the
centre checks the paper is still valid and not removed, records who took
which paper of whom and when (``central_paper_grants``, the province's
answer to "who read this citizen's papers"), and from then on, for a day,
``central_file_open`` lets that desk read that paper's file. A desk may take
at most 500 papers a day: a stolen desk password cannot copy the province's
files wholesale unnoticed.

central_file_open is changed from its installed definition (as c0009 and
c0010 change central_push), so this migration imports no live code.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0011_paper_grants"
down_revision: str | None = "c0010_papers_and_files"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Shared with counter_app/wire/files.py (a test checks they agree).
MAX_GRANTS_A_DAY = 500

TABLE = """
CREATE TABLE central_paper_grants (
    id bigserial PRIMARY KEY,
    counter_uuid varchar(36) NOT NULL,
    agency_id varchar(40) NOT NULL,
    paper_uuid varchar(36) NOT NULL,
    paper_agency_id varchar(40) NOT NULL,
    sha256 varchar(64) NOT NULL,
    holder_id_number varchar(15) NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_central_paper_grants_counter ON central_paper_grants (counter_uuid, granted_at);
CREATE INDEX ix_central_paper_grants_paper ON central_paper_grants (paper_uuid);
REVOKE ALL ON central_paper_grants FROM PUBLIC;
"""

TAKE = f"""
CREATE FUNCTION central_paper_take(p_uuid text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me record := central_file_caller();
    r record;
    v_today text := to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD');
BEGIN
    IF p_uuid IS NULL OR p_uuid !~ '^[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}$' THEN
        RAISE EXCEPTION 'malformed paper' USING ERRCODE = 'CAFIL';
    END IF;
    SELECT * INTO r FROM central_records WHERE uuid = p_uuid AND kind = 'paper';
    IF NOT FOUND OR COALESCE(r.body ->> 'removed_at', '') <> ''
       OR (COALESCE(r.body ->> 'valid_until', '') <> '' AND r.body ->> 'valid_until' < v_today) THEN
        RAISE EXCEPTION 'no valid paper of that name' USING ERRCODE = 'CAFNF';
    END IF;
    IF (SELECT count(*) FROM central_paper_grants g
         WHERE g.counter_uuid = me.counter_uuid
           AND g.granted_at > now() - interval '1 day') >= {MAX_GRANTS_A_DAY} THEN
        RAISE EXCEPTION 'too many papers taken today' USING ERRCODE = 'CAFIL';
    END IF;
    INSERT INTO central_paper_grants (counter_uuid, agency_id, paper_uuid, paper_agency_id,
                                      sha256, holder_id_number)
    VALUES (me.counter_uuid, me.agency_id, r.uuid, r.agency_id, r.body ->> 'sha256',
            COALESCE(r.body ->> 'holder_id_number', ''));
    RETURN r.body ->> 'sha256';
END $$;
REVOKE ALL ON FUNCTION central_paper_take(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION central_paper_take(text) TO counter_app_counter;
"""

# The reading rule of c0010's central_file_open, and the same with a grant.
_OWN = "OR left(d.code, length(me.agency_id) + 1) = me.agency_id || '-')) THEN"
_OWN_OR_TAKEN = (
    "OR left(d.code, length(me.agency_id) + 1) = me.agency_id || '-'\n"
    "                OR EXISTS (SELECT 1 FROM central_paper_grants g\n"
    "                            WHERE g.paper_uuid = r.uuid AND g.counter_uuid = me.counter_uuid\n"
    "                              AND g.granted_at > now() - interval '1 day'))) THEN"
)


def _quoted(sql: str) -> str:
    return "'" + sql.replace("'", "''") + "'"


def _rewrite_open(old: str, new: str) -> str:
    return f"""
DO $do$
DECLARE
    v_was text := pg_get_functiondef('central_file_open(text)'::regprocedure);
    v_new text := replace(v_was, {_quoted(old)}, {_quoted(new)});
BEGIN
    IF v_new = v_was THEN
        RAISE EXCEPTION 'central_file_open() is not as c0010 left it';
    END IF;
    EXECUTE v_new;
END $do$;
"""


def upgrade() -> None:
    op.execute(TABLE)
    op.execute(TAKE)
    op.execute(_rewrite_open(_OWN, _OWN_OR_TAKEN))


def downgrade() -> None:
    op.execute(_rewrite_open(_OWN_OR_TAKEN, _OWN))
    op.execute("DROP FUNCTION central_paper_take(text); DROP TABLE central_paper_grants;")
