"""code blocks: the centre grants each desk ordinals of another authority's codes

Revision ID: c0009_code_blocks
Revises: c0008_late_steps
Create Date: 2026-12-15 10:00:00

Decree 118/2025 Article 28(2): a dossier's code starts with the identifier of
the authority competent to decide its procedure, then the reception date and
its ordinal within that day; since 1/7/2025 hundreds of desks of a province
receive one department's procedures (Article 14(2)). Ten fixed slots per
agency cannot be shared by them, so (domain/code_blocks.py):

- ``central_code_blocks``: ordinals ``first_seq``-``last_seq`` of one
  authority, granted to one desk for every day from ``valid_from`` to
  ``valid_until``. Blocks of one authority whose days overlap never share an
  ordinal; none takes a slot range of a desk of that authority's own, nor
  one its portal dossiers number in, nor 9000-9999 (a portal that numbers
  from 9001). A counter registered later for that authority is not given a
  slot a block in force reaches into, and the portal import refuses a number
  a block holds (centre/code_blocks.py); the three take the agency's lock.
- ``central_grant_code_blocks(counter, today)``: tops a desk up, for each
  authority named as deciding in the catalogue other than its own agency,
  sized to the most dossiers of that authority it received in a day over
  the last 30 days (half as much again, at least 5): two weeks ahead once
  its blocks end within a week, and at once for the days already covered
  when its use outgrew them.
  One authority is allocated at a time (an advisory lock), so two desks
  syncing at once never get the same ordinals.
- ``central_code_blocks()``: what a desk calls at each sync: its own top-up,
  then its blocks still in force. Desks get nothing else on the table.
- ``central_code_granted(counter, code, received_at)``: whether a code lies
  in a block of that desk for its day. ``central_push()`` now accepts a new
  dossier whose code is in the desk's own slot for its agency, as before, or
  granted so.

Downgrading puts back the predicate ``central_push()`` had and drops the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0009_code_blocks"
down_revision: str | None = "c0008_late_steps"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = """
CREATE TABLE central_code_blocks (
    id serial PRIMARY KEY,
    authority_id varchar(40) NOT NULL,
    counter_uuid varchar(36) NOT NULL REFERENCES central_counters (uuid),
    first_seq integer NOT NULL CHECK (first_seq >= 1),
    last_seq integer NOT NULL CHECK (last_seq >= first_seq AND last_seq <= 8999),
    valid_from date NOT NULL,
    valid_until date NOT NULL CHECK (valid_until >= valid_from),
    granted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_central_code_blocks_authority ON central_code_blocks (authority_id, valid_until);
CREATE INDEX ix_central_code_blocks_counter ON central_code_blocks (counter_uuid, authority_id);
REVOKE ALL ON central_code_blocks FROM PUBLIC;
"""

FUNCTIONS = r"""
CREATE FUNCTION central_code_granted(p_counter varchar, p_code text, p_received timestamp)
RETURNS boolean LANGUAGE sql STABLE
SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT p_code ~ '^[0-9A-Z.]+-\d{6}-\d{4}$'
       AND to_char(p_received, 'YYMMDD') = substring(p_code from '-(\d{6})-\d{4}$')
       AND EXISTS (
           SELECT 1 FROM central_code_blocks b
            WHERE b.counter_uuid = p_counter
              AND b.authority_id = regexp_replace(p_code, '-\d{6}-\d{4}$', '')
              AND p_received::date BETWEEN b.valid_from AND b.valid_until
              AND right(p_code, 4)::integer BETWEEN b.first_seq AND b.last_seq)
$$;
REVOKE ALL ON FUNCTION central_code_granted(varchar, text, timestamp) FROM PUBLIC;
GRANT SELECT ON central_code_blocks TO counter_app_push;
GRANT EXECUTE ON FUNCTION central_code_granted(varchar, text, timestamp) TO counter_app_push;

CREATE FUNCTION central_grant_code_blocks(p_counter varchar, p_today date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_agency varchar;
    v_authority varchar;
    v_until date;
    v_from date;
    v_to date := p_today + 14;
    v_peak integer;
    v_capacity integer;
    v_size integer;
    v_next integer;
    v_granted integer := 0;
    r record;
BEGIN
    SELECT agency_id INTO v_agency FROM central_counters WHERE uuid = p_counter;
    IF v_agency IS NULL THEN
        RAISE EXCEPTION 'no such counter' USING ERRCODE = 'CANRG';
    END IF;
    FOR v_authority IN
        SELECT DISTINCT p.body ->> 'deciding_authority' FROM central_procedures p
         WHERE COALESCE(p.body ->> 'deciding_authority', '') NOT IN ('', v_agency)
         ORDER BY 1
    LOOP
        SELECT max(b.valid_until),
               COALESCE(sum(b.last_seq - b.first_seq + 1)
                        FILTER (WHERE p_today BETWEEN b.valid_from AND b.valid_until), 0)
          INTO v_until, v_capacity
          FROM central_code_blocks b
         WHERE b.counter_uuid = p_counter AND b.authority_id = v_authority;
        SELECT COALESCE(max(n), 0) INTO v_peak FROM (
            SELECT count(*) AS n FROM central_dossiers d
              JOIN central_procedures p ON p.code = d.procedure_code
             WHERE d.origin_counter_uuid = p_counter
               AND p.body ->> 'deciding_authority' = v_authority
               AND d.received_at >= p_today - 30
             GROUP BY d.received_at::date) per_day;
        v_size := LEAST(500, GREATEST(5, ceil(v_peak * 1.5)::integer + 2));
        IF v_until IS NULL OR v_until < p_today + 7 THEN
            -- Topped up a week ahead: a desk offline for a week keeps receiving.
            v_from := GREATEST(p_today, COALESCE(v_until + 1, p_today));
        ELSIF v_capacity < v_size THEN
            -- Its use grew past what it holds: more for the days already covered.
            v_from := p_today;
            v_size := v_size - v_capacity;
        ELSE
            CONTINUE;
        END IF;
        -- The agency's own lock: registrations and portal imports take it too.
        PERFORM pg_advisory_xact_lock(hashtext(v_authority));
        -- The first gap of that size among what is taken on any of those days.
        v_next := 1;
        FOR r IN
            SELECT lo, hi FROM (
                SELECT b.first_seq AS lo, b.last_seq AS hi FROM central_code_blocks b
                 WHERE b.authority_id = v_authority
                   AND b.valid_from <= v_to AND b.valid_until >= v_from
                UNION ALL
                SELECT GREATEST(1, c.code_slot * 1000), c.code_slot * 1000 + 999
                  FROM central_counters c WHERE c.agency_id = v_authority
                UNION ALL
                SELECT GREATEST(1, portal.slot * 1000), portal.slot * 1000 + 999
                  FROM (SELECT DISTINCT right(d.code, 4)::integer / 1000 AS slot
                          FROM central_dossiers d
                         WHERE d.agency_id = v_authority AND d.source = 'online'
                           AND d.code ~ '-\d{6}-\d{4}$') portal) taken
             ORDER BY lo
        LOOP
            EXIT WHEN r.lo - v_next >= v_size;
            v_next := GREATEST(v_next, r.hi + 1);
        END LOOP;
        IF v_next + v_size - 1 > 8999 THEN
            v_size := 8999 - v_next + 1;
        END IF;
        CONTINUE WHEN v_size < 1;
        INSERT INTO central_code_blocks
            (authority_id, counter_uuid, first_seq, last_seq, valid_from, valid_until)
        VALUES (v_authority, p_counter, v_next, v_next + v_size - 1, v_from, v_to);
        v_granted := v_granted + 1;
    END LOOP;
    RETURN v_granted;
END $$;
REVOKE ALL ON FUNCTION central_grant_code_blocks(varchar, date) FROM PUBLIC;

CREATE FUNCTION central_code_blocks()
RETURNS TABLE (id integer, authority_id varchar, first_seq integer, last_seq integer,
               valid_from date, valid_until date)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me varchar := central_my_counter();
    -- Days are the desks' own (Vietnam), whatever the server's time zone; from
    -- the day before, as a desk whose clock runs on UTC counts it until 7:00.
    v_today date := (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 1;
BEGIN
    IF v_me IS NULL THEN
        RAISE EXCEPTION 'this role is not a registered counter' USING ERRCODE = 'CANRG';
    END IF;
    PERFORM central_grant_code_blocks(v_me, v_today);
    RETURN QUERY
        SELECT b.id, b.authority_id, b.first_seq, b.last_seq, b.valid_from, b.valid_until
          FROM central_code_blocks b
         WHERE b.counter_uuid = v_me AND b.valid_until >= v_today
         ORDER BY b.id;
END $$;
REVOKE ALL ON FUNCTION central_code_blocks() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION central_code_blocks() TO counter_app_counter;
"""

# The new dossier's code: in the desk's own slot of its agency, as before,
# or in a block granted to it.
_OWN_RANGE = (
    "OR NOT (\n           left(i.body ->> 'code', length(c.agency_id) + 1) = c.agency_id || '-'"
)
_GRANTED = (
    "OR NOT (central_code_granted(v_me, i.body ->> 'code', "
    "(i.body ->> 'received_at')::timestamp) OR (\n"
    "           left(i.body ->> 'code', length(c.agency_id) + 1) = c.agency_id || '-'"
)
_END = "length(c.agency_id) + 9, 4)::integer / 1000)))));"


def _quoted(sql: str) -> str:
    return "'" + sql.replace("'", "''") + "'"


def _rewrite_push(pairs: list[tuple[str, str]]) -> str:
    """central_push() as installed (c0005, then c0008), run again with each
    ``old`` text replaced by its ``new``: a replacement keeps the function's
    owner, grants and settings. Stops if a text is not found."""
    steps = "\n".join(
        f"    v_new := replace(v_new, {_quoted(old)}, {_quoted(new)});\n"
        f"    IF v_new = v_was THEN RAISE EXCEPTION 'central_push() is not as c0005 wrote it'; END IF;\n"
        "    v_was := v_new;"
        for old, new in pairs
    )
    return f"""
DO $do$
DECLARE
    v_was text := pg_get_functiondef('central_push()'::regprocedure);
    v_new text := v_was;
BEGIN
{steps}
    EXECUTE v_new;
END $do$;
"""


_CLOSE = _END[:-1] + ");"


def upgrade() -> None:
    op.execute(TABLE)
    op.execute(FUNCTIONS)
    op.execute(_rewrite_push([(_OWN_RANGE, _GRANTED), (_END, _CLOSE)]))


def downgrade() -> None:
    op.execute(_rewrite_push([(_GRANTED, _OWN_RANGE), (_CLOSE, _END)]))
    op.execute(
        "DROP FUNCTION central_code_blocks(); "
        "DROP FUNCTION central_grant_code_blocks(varchar, date); "
        "DROP FUNCTION central_code_granted(varchar, text, timestamp); "
        "DROP TABLE central_code_blocks;"
    )
