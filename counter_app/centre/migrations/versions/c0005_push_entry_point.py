"""push entry point: a desk writes the centre only through central_push(),
a SECURITY DEFINER function that checks every value; desk roles lose every
direct write, temporary objects and CREATE

Revision ID: c0005_push_entry_point
Revises: c0004_report_facts
Create Date: 2026-12-05 01:00:00

Until c0004 the push's rules ran in the desk's own process (Python) under the
desk's role, which could therefore write the central tables directly: set its
own audit head, its dossiers' origin and report facts, shadow the guards'
tables with temporary ones. Now:

- a desk role may SELECT (row-level security as before), INSERT its batch into
  ``central_push_inbox`` (no other column than the entry's own; a trigger
  stamps the transaction and the session's role), and EXECUTE
  ``central_push()``. Nothing else: no INSERT/UPDATE/DELETE on the real
  tables, no TEMP on the database, no CREATE in ``public``;
- ``central_push()`` runs as ``counter_app_push``, a role that cannot log in.
  It derives the counter and agency from ``session_user``, computes latest
  entries, origin, owner, audit head and report facts itself, and checks each
  entry: kind, uuid, a JSON object whose uuid and counter are the session's,
  well-formed times and numbers, a known workflow state, a code that lies in
  the desk's own range for its agency and day, a code that never changes,
  the audit chain's links and digests. A refused entry is quarantined; the
  rest of the batch goes on, as before. Row-level security stays on (keyed on
  ``session_user``) as a second wall;
- every function has ``search_path = pg_catalog, public, pg_temp`` (pg_temp
  last: otherwise it is searched first, and a temporary table could shadow
  ``central_workflow_paths``).

The reasons are the strings counter_app/wire/refusals.py names (a test
checks they agree). The audit digest is counter_app/domain/audit_chain.py's,
computed in SQL over the canonical JSON Python writes (a test runs both).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0005_push_entry_point"
down_revision: str | None = "c0004_report_facts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = """
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'counter_app_push') THEN
        CREATE ROLE counter_app_push NOLOGIN;
    END IF;
END $$;
-- The migration's runner must be able to hand the function over.
DO $$ BEGIN
    IF NOT pg_has_role(current_user, 'counter_app_push', 'MEMBER') THEN
        EXECUTE format('GRANT counter_app_push TO %I', current_user);
    END IF;
END $$;
"""

REVOKES = """
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON central_dossiers, central_records, central_counters,
    central_quarantine FROM counter_app_counter;
REVOKE UPDATE (high_water, audit_head, audit_count, last_push_at) ON central_counters
    FROM counter_app_counter;
REVOKE USAGE ON SEQUENCE central_quarantine_id_seq FROM counter_app_counter;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- Every desk role's own statement timeout, as registration now sets it.
DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT role_name FROM central_counters LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.role_name) THEN
            EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', r.role_name, '30s');
        END IF;
    END LOOP;
END $$;
DO $$ BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;
REVOKE EXECUTE ON FUNCTION central_refresh_report_facts(varchar[]) FROM PUBLIC, counter_app_counter;
ALTER FUNCTION central_my_counter() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION central_my_agency() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION central_dossier_guard() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION central_dossier_claimed() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION central_record_guard() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION central_counter_guard() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION central_refresh_report_facts(varchar[])
    SET search_path = pg_catalog, public, pg_temp;

GRANT SELECT, INSERT, UPDATE ON central_dossiers, central_records TO counter_app_push;
GRANT SELECT, UPDATE ON central_counters TO counter_app_push;
GRANT SELECT, INSERT ON central_quarantine TO counter_app_push;
GRANT USAGE ON SEQUENCE central_quarantine_id_seq TO counter_app_push;
GRANT SELECT ON central_workflow_paths TO counter_app_push;
GRANT EXECUTE ON FUNCTION central_my_counter(), central_my_agency(),
    central_refresh_report_facts(varchar[]) TO counter_app_push;
"""

# One table for every desk's batch in flight; a row lives only inside its
# pushing transaction (central_push deletes it), so UNLOGGED costs nothing
# on a crash. The desk may write only the entry's own columns; the trigger
# stamps whose transaction it is, so no desk can slip a row into another's.
INBOX = """
CREATE UNLOGGED TABLE central_push_inbox (
    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    role_name name NOT NULL DEFAULT session_user,
    seq bigint NOT NULL,
    kind varchar(20) NOT NULL,
    uuid varchar(36) NOT NULL,
    version integer NOT NULL,
    latest boolean NOT NULL DEFAULT true,
    body jsonb NOT NULL,
    held boolean NOT NULL DEFAULT false,
    replay boolean NOT NULL DEFAULT false,
    refusal text,
    existing jsonb
);
CREATE INDEX ix_central_push_inbox_xid ON central_push_inbox (xid, uuid);
CREATE FUNCTION central_push_inbox_stamp() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    NEW.xid := pg_current_xact_id();
    NEW.role_name := session_user;
    NEW.held := false;
    NEW.replay := false;
    NEW.refusal := NULL;
    NEW.existing := NULL;
    RETURN NEW;
END $$;
CREATE TRIGGER central_push_inbox_stamp BEFORE INSERT ON central_push_inbox
    FOR EACH ROW EXECUTE FUNCTION central_push_inbox_stamp();
GRANT INSERT (seq, kind, uuid, version, body) ON central_push_inbox TO counter_app_counter;
GRANT SELECT, UPDATE, DELETE ON central_push_inbox TO counter_app_push;
"""

# json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# as Python writes it: keys by code point (UTF-8 byte order is the same),
# strings escaped as to_json escapes them (the same set as Python's).
DIGEST = """
CREATE FUNCTION central_canonical_json(v jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    CASE jsonb_typeof(v)
    WHEN 'object' THEN
        RETURN '{' || COALESCE((SELECT string_agg(to_json(k)::text || ':'
                    || central_canonical_json(v -> k), ',' ORDER BY k COLLATE "C")
                FROM jsonb_object_keys(v) AS k), '') || '}';
    WHEN 'array' THEN
        RETURN '[' || COALESCE((SELECT string_agg(central_canonical_json(e), ',' ORDER BY n)
                FROM jsonb_array_elements(v) WITH ORDINALITY AS t(e, n)), '') || ']';
    ELSE
        RETURN v::text;
    END CASE;
END $$;
CREATE FUNCTION central_audit_digest(b jsonb) RETURNS text LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT encode(sha256(convert_to(central_canonical_json(jsonb_build_array(
        b -> 'prev_hash', b -> 'at', b -> 'username', b -> 'counter_uuid', b -> 'event',
        b -> 'entity', b -> 'details')), 'UTF8')), 'hex')
$$;
GRANT EXECUTE ON FUNCTION central_canonical_json(jsonb), central_audit_digest(jsonb)
    TO counter_app_push;
"""

# A time as the desk writes it (datetime.isoformat(), no zone): checked
# before any cast, so a malformed one is quarantined instead of failing the batch.
_TIME = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"

# The whole push, as the centre's role. Reasons are wire/refusals.py's strings.
PUSH = r"""
CREATE FUNCTION central_push() RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_xid xid8 := pg_current_xact_id();
    v_me varchar := central_my_counter();
    c record;
    v_first bigint;
    v_last bigint;
    v_count bigint;
    v_distinct bigint;
    v_head text;
    v_audits bigint;
    v_newer varchar[];
    v_done bigint;
    a record;
    v_result jsonb;
BEGIN
    IF v_me IS NULL THEN
        RAISE EXCEPTION 'this role is not a registered counter' USING ERRCODE = 'CANRG';
    END IF;
    -- Rows left by a transaction that inserted and committed without pushing.
    DELETE FROM central_push_inbox i WHERE i.xid < pg_snapshot_xmin(pg_current_snapshot());
    SELECT uuid, agency_id, code_slot, high_water, audit_head, audit_count, registered_at
      INTO c FROM central_counters WHERE uuid = v_me FOR UPDATE;

    -- At or below the mark: already applied (a replay). The rest must follow it.
    DELETE FROM central_push_inbox i
     WHERE i.xid = v_xid AND i.role_name = session_user AND i.seq <= c.high_water;
    SELECT min(i.seq), max(i.seq), count(*), count(DISTINCT i.seq)
      INTO v_first, v_last, v_count, v_distinct
      FROM central_push_inbox i WHERE i.xid = v_xid AND i.role_name = session_user;
    IF v_count = 0 THEN
        RETURN jsonb_build_object('high_water', c.high_water, 'applied', 0,
                                  'refusals', '[]'::jsonb);
    END IF;
    IF v_first <> c.high_water + 1 OR v_distinct <> v_count OR v_last - v_first + 1 <> v_count THEN
        RAISE EXCEPTION 'batch does not follow the high-water mark'
            USING ERRCODE = 'CAGAP', DETAIL = format('%s:%s', c.high_water + 1, v_first);
    END IF;

    -- Each row lands on the state its last entry in the batch carries.
    UPDATE central_push_inbox i SET latest = (i.seq = m.last_seq)
      FROM (SELECT j.uuid, max(j.seq) AS last_seq FROM central_push_inbox j
             WHERE j.xid = v_xid GROUP BY j.uuid) m
     WHERE i.xid = v_xid AND i.uuid = m.uuid AND i.latest IS DISTINCT FROM (i.seq = m.last_seq);

    -- Values: what the desk sends must be well-formed and its own. Only the
    -- refused rows are written (a batch's bodies are megabytes).
    UPDATE central_push_inbox i SET refusal = v.reason FROM (SELECT i.ctid AS row_id, CASE
        WHEN i.kind NOT IN ('dossier', 'document', 'pause', 'step', 'audit', 'print_job')
            THEN 'unknown kind of row'
        WHEN i.uuid !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            THEN 'malformed uuid'
        WHEN jsonb_typeof(i.body) <> 'object' THEN 'body is not an object'
        WHEN i.body ? 'uuid' AND i.body ->> 'uuid' IS DISTINCT FROM i.uuid
            THEN 'body disagrees with the entry (uuid)'
        WHEN i.body ? 'counter_uuid' AND i.body ->> 'counter_uuid' IS DISTINCT FROM v_me
             AND (i.kind <> 'dossier' OR NOT EXISTS (
                 SELECT 1 FROM central_dossiers d WHERE d.uuid = i.uuid))
            THEN 'dossier belongs to another counter'
        WHEN i.version < 1 THEN 'malformed version'
        WHEN i.kind <> 'dossier' AND i.kind <> 'audit'
             AND (i.body ->> 'dossier_uuid') !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            THEN 'malformed dossier uuid'
        WHEN i.kind = 'dossier' AND (
                jsonb_typeof(i.body -> 'code') IS DISTINCT FROM 'string'
             OR jsonb_typeof(i.body -> 'procedure_code') IS DISTINCT FROM 'string'
             OR length(i.body ->> 'procedure_code') > 30
             OR NOT EXISTS (SELECT 1 FROM central_workflow_paths p
                             WHERE p.from_state = i.body ->> 'state'
                                OR p.to_state = i.body ->> 'state')
             OR (i.body ->> 'received_at') !~ @TIME@
             OR COALESCE(i.body ->> 'appointment_at', '') !~ @TIME_OR_EMPTY@
             OR COALESCE(i.body ->> 'finished_at', '') !~ @TIME_OR_EMPTY@
             OR COALESCE(i.body ->> 'returned_at', '') !~ @TIME_OR_EMPTY@
             OR COALESCE(i.body ->> 'fee', '0') !~ '^\d{1,12}$'
             OR jsonb_typeof(COALESCE(i.body -> 'fee_free', 'false')) <> 'boolean'
             OR (i.body ? 'on_the_spot' AND jsonb_typeof(i.body -> 'on_the_spot') <> 'boolean')
             OR COALESCE(i.body ->> 'apology_count', '0') !~ '^\d{1,6}$')
            THEN 'malformed dossier'
        END AS reason
      FROM central_push_inbox i WHERE i.xid = v_xid AND i.latest) v
     WHERE i.ctid = v.row_id AND v.reason IS NOT NULL;
    UPDATE central_push_inbox i SET refusal = 'malformed timestamp'
     WHERE i.xid = v_xid AND i.latest AND i.refusal IS NULL AND i.kind <> 'dossier'
       AND (COALESCE(i.body ->> 'at', '') !~ @TIME_OR_EMPTY@
         OR COALESCE(i.body ->> 'started_at', '') !~ @TIME_OR_EMPTY@
         OR COALESCE(i.body ->> 'ended_at', '') !~ @TIME_OR_EMPTY@);

    -- Dossiers already here are `held` and examined below; the rest are new.
    -- Only held rows are written (a batch of receptions writes none).
    UPDATE central_push_inbox i SET held = true
     WHERE i.xid = v_xid AND i.kind = 'dossier' AND i.latest AND i.refusal IS NULL
       AND EXISTS (SELECT 1 FROM central_dossiers d WHERE d.uuid = i.uuid);

    -- A new dossier's code: not another dossier's, and in the desk's own
    -- range for its agency and day (slot k numbers k000-k999). A dossier
    -- received before the counter joined the centre keeps the code it had,
    -- unless that code lies in another counter's slot.
    UPDATE central_push_inbox i SET
        refusal = CASE WHEN t.body IS NOT NULL
                       THEN 'dossier code already belongs to another dossier'
                       ELSE 'dossier code lies outside this counter''s range' END,
        existing = t.body
      FROM (SELECT j.ctid AS row_id, (SELECT d.body FROM central_dossiers d
                                       WHERE d.code = j.body ->> 'code') AS body
              FROM central_push_inbox j
             WHERE j.xid = v_xid AND j.kind = 'dossier' AND j.latest AND j.refusal IS NULL
               AND NOT j.held) t
     WHERE i.ctid = t.row_id AND (t.body IS NOT NULL OR NOT (
           left(i.body ->> 'code', length(c.agency_id) + 1) = c.agency_id || '-'
           AND substr(i.body ->> 'code', length(c.agency_id) + 2) ~ '^\d{6}-\d{4}$'
           AND substr(i.body ->> 'code', length(c.agency_id) + 2, 6)
               = to_char((i.body ->> 'received_at')::timestamp, 'YYMMDD')
           AND substr(i.body ->> 'code', length(c.agency_id) + 9, 4)::integer > 0
           AND (substr(i.body ->> 'code', length(c.agency_id) + 9, 4)::integer / 1000 = c.code_slot
                OR ((i.body ->> 'received_at')::timestamp < c.registered_at::timestamp
                    AND NOT EXISTS (SELECT 1 FROM central_counters o
                                     WHERE o.agency_id = c.agency_id AND o.uuid <> v_me
                                       AND o.code_slot = substr(i.body ->> 'code',
                                           length(c.agency_id) + 9, 4)::integer / 1000)))));

    -- New dossiers: origin, owner and agency are the session's.
    INSERT INTO central_dossiers (uuid, code, agency_id, source, origin_counter_uuid,
        owner_counter_uuid, procedure_code, state, version, received_at, appointment_at,
        finished_at, returned_at, fee, fee_free, body, updated_at)
    SELECT i.uuid, i.body ->> 'code', c.agency_id, 'counter', v_me, v_me,
           i.body ->> 'procedure_code', i.body ->> 'state', i.version,
           (i.body ->> 'received_at')::timestamp,
           NULLIF(i.body ->> 'appointment_at', '')::timestamp,
           NULLIF(i.body ->> 'finished_at', '')::timestamp,
           NULLIF(i.body ->> 'returned_at', '')::timestamp,
           COALESCE((i.body ->> 'fee')::bigint, 0),
           COALESCE((i.body ->> 'fee_free')::boolean, false), i.body, now()
      FROM central_push_inbox i
     WHERE i.xid = v_xid AND i.kind = 'dossier' AND i.latest AND i.refusal IS NULL
       AND NOT i.held
     ORDER BY i.seq
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_done = ROW_COUNT;
    IF v_done < (SELECT count(*) FROM central_push_inbox i WHERE i.xid = v_xid
                   AND i.kind = 'dossier' AND i.latest AND i.refusal IS NULL AND NOT i.held) THEN
        -- A key another agency's row holds (hidden by row-level security).
        UPDATE central_push_inbox i SET held = true
         WHERE i.xid = v_xid AND i.kind = 'dossier' AND i.latest AND i.refusal IS NULL
           AND NOT i.held AND NOT EXISTS (SELECT 1 FROM central_dossiers d WHERE d.uuid = i.uuid);
    END IF;

    -- Dossiers already here (or hidden: another agency's): a newer version of
    -- the desk's own, on a move the workflow allows, with its code unchanged.
    UPDATE central_push_inbox i SET refusal = CASE
            WHEN d.uuid IS NULL THEN 'dossier code already belongs to another dossier'
            WHEN d.owner_counter_uuid IS NOT NULL AND d.owner_counter_uuid <> v_me
                THEN 'dossier belongs to another counter'
            WHEN d.owner_counter_uuid IS NULL AND i.version <= d.version
                THEN 'dossier was changed centrally since this counter received it'
            WHEN i.version <= d.version THEN NULL
            WHEN i.body ->> 'code' IS DISTINCT FROM d.code
                THEN 'dossier code cannot change'
            WHEN i.body ->> 'state' <> d.state AND NOT EXISTS (
                    SELECT 1 FROM central_workflow_paths p
                     WHERE p.from_state = d.state AND p.to_state = i.body ->> 'state')
                THEN format('workflow does not allow %s -> %s', d.state, i.body ->> 'state')
            END,
        replay = COALESCE(i.version <= d.version AND d.owner_counter_uuid = v_me, false),
        existing = CASE WHEN d.uuid IS NULL THEN
                (SELECT x.body FROM central_dossiers x WHERE x.code = i.body ->> 'code')
            ELSE d.body END
      FROM central_push_inbox j LEFT JOIN central_dossiers d ON d.uuid = j.uuid
     WHERE i.ctid = j.ctid AND i.xid = v_xid AND i.held;
    UPDATE central_push_inbox i SET existing = NULL
     WHERE i.xid = v_xid AND i.held AND i.refusal IS NULL AND i.existing IS NOT NULL;

    v_newer := ARRAY(SELECT i.uuid FROM central_push_inbox i
                      WHERE i.xid = v_xid AND i.held AND i.refusal IS NULL AND NOT i.replay);
    IF cardinality(v_newer) > 0 THEN
        UPDATE central_dossiers d SET
            owner_counter_uuid = v_me, state = i.body ->> 'state', version = i.version,
            appointment_at = NULLIF(i.body ->> 'appointment_at', '')::timestamp,
            finished_at = NULLIF(i.body ->> 'finished_at', '')::timestamp,
            returned_at = NULLIF(i.body ->> 'returned_at', '')::timestamp,
            body = i.body, updated_at = now()
          FROM central_push_inbox i
         WHERE d.uuid = ANY(v_newer) AND i.xid = v_xid AND i.uuid = d.uuid
           AND i.kind = 'dossier' AND i.latest;
        GET DIAGNOSTICS v_done = ROW_COUNT;
        IF v_done <> cardinality(v_newer) THEN
            -- Handed to another counter after it was read: the batch rolls back
            -- and the next round sees the new owner.
            RAISE EXCEPTION '% dossier(s) changed owner during the push',
                cardinality(v_newer) - v_done USING ERRCODE = 'CAOWN';
        END IF;
    END IF;
    -- The audit chain: each entry extends the counter's head and its hash
    -- covers its content; one the centre holds unchanged is a replay.
    v_head := c.audit_head;
    v_audits := c.audit_count;
    FOR a IN SELECT i.ctid AS row_id, i.uuid, i.body,
                    (SELECT r.body FROM central_records r WHERE r.uuid = i.uuid) AS held
               FROM central_push_inbox i
              WHERE i.xid = v_xid AND i.kind = 'audit' AND i.latest AND i.refusal IS NULL
              ORDER BY i.seq LOOP
        IF a.held IS NOT NULL AND a.held = a.body THEN
            UPDATE central_push_inbox SET replay = true WHERE ctid = a.row_id;
        ELSIF a.body ->> 'prev_hash' = v_head
              AND a.body ->> 'hash' = central_audit_digest(a.body) THEN
            v_head := a.body ->> 'hash';
            v_audits := v_audits + 1;
        ELSE
            UPDATE central_push_inbox
               SET refusal = 'audit chain broken: the entry does not follow the centre''s head'
             WHERE ctid = a.row_id;
        END IF;
    END LOOP;

    -- What hangs on a refused dossier, or on one this counter does not own,
    -- is refused with it: the centre never holds a step its dossier does not show.
    UPDATE central_push_inbox i
       SET refusal = 'its dossier''s change was refused or the dossier belongs to another counter'
     WHERE i.xid = v_xid AND i.latest AND i.refusal IS NULL
       AND i.kind NOT IN ('dossier', 'audit')
       AND (EXISTS (SELECT 1 FROM central_push_inbox p
                     WHERE p.xid = v_xid AND p.kind = 'dossier' AND p.refusal IS NOT NULL
                       AND p.uuid = i.body ->> 'dossier_uuid')
            OR (SELECT d.owner_counter_uuid FROM central_dossiers d
                 WHERE d.uuid = i.body ->> 'dossier_uuid') IS DISTINCT FROM v_me);

    -- Records: new ones in; append-only kinds never change; a newer version
    -- of the desk's own versioned record replaces it.
    UPDATE central_push_inbox i SET held = true
     WHERE i.xid = v_xid AND i.kind <> 'dossier' AND i.latest AND i.refusal IS NULL
       AND NOT i.replay AND EXISTS (SELECT 1 FROM central_records r WHERE r.uuid = i.uuid);
    INSERT INTO central_records (uuid, kind, dossier_uuid, counter_uuid, agency_id,
                                 counter_seq, version, body)
    SELECT i.uuid, i.kind, i.body ->> 'dossier_uuid', v_me, c.agency_id, i.seq, i.version, i.body
      FROM central_push_inbox i
     WHERE i.xid = v_xid AND i.kind <> 'dossier' AND i.latest AND i.refusal IS NULL
       AND NOT i.replay AND NOT i.held
     ORDER BY i.seq
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_done = ROW_COUNT;
    IF v_done < (SELECT count(*) FROM central_push_inbox i WHERE i.xid = v_xid
                   AND i.kind <> 'dossier' AND i.latest AND i.refusal IS NULL
                   AND NOT i.replay AND NOT i.held) THEN
        UPDATE central_push_inbox i SET held = true
         WHERE i.xid = v_xid AND i.kind <> 'dossier' AND i.latest AND i.refusal IS NULL
           AND NOT i.replay AND NOT i.held
           AND NOT EXISTS (SELECT 1 FROM central_records r WHERE r.uuid = i.uuid);
    END IF;
    UPDATE central_push_inbox i SET refusal = CASE
            WHEN r.uuid IS NULL OR r.counter_uuid <> v_me
                THEN 'dossier belongs to another counter'
            WHEN i.kind IN ('document', 'step', 'audit') AND r.body <> i.body
                THEN 'append-only record arrived again with a different body'
            END,
        existing = CASE WHEN r.counter_uuid = v_me AND r.body <> i.body THEN r.body END
      FROM central_push_inbox j LEFT JOIN central_records r ON r.uuid = j.uuid
     WHERE i.ctid = j.ctid AND i.xid = v_xid AND i.kind <> 'dossier' AND i.held;
    UPDATE central_records r SET version = i.version, body = i.body, counter_seq = i.seq
      FROM central_push_inbox i
     WHERE i.xid = v_xid AND i.uuid = r.uuid AND i.held AND i.refusal IS NULL
       AND i.kind IN ('pause', 'print_job') AND i.version > r.version;

    -- Report facts of the dossiers whose pauses, refusal, withdrawal or
    -- return steps the batch brought (c0004_report_facts).
    PERFORM central_refresh_report_facts(ARRAY(
        SELECT DISTINCT i.body ->> 'dossier_uuid' FROM central_push_inbox i
         WHERE i.xid = v_xid AND i.latest AND i.refusal IS NULL
           AND (i.kind = 'pause' OR (i.kind = 'step' AND (i.body ->> 'action')
                IN ('refuse', 'withdraw', 'return_result')))));

    INSERT INTO central_quarantine (counter_uuid, seq, kind, row_uuid, reason, incoming, existing)
    SELECT v_me, i.seq, i.kind, i.uuid, i.refusal, i.body, i.existing
      FROM central_push_inbox i WHERE i.xid = v_xid AND i.refusal IS NOT NULL
     ORDER BY i.seq
    ON CONFLICT DO NOTHING;

    UPDATE central_counters SET high_water = v_last, audit_head = v_head,
           audit_count = v_audits, last_push_at = now()
     WHERE uuid = v_me;

    SELECT jsonb_build_object('high_water', v_last, 'applied', v_count,
               'refusals', COALESCE(jsonb_agg(jsonb_build_object(
                   'seq', i.seq, 'kind', i.kind, 'row_uuid', i.uuid, 'reason', i.refusal,
                   'existing', i.existing) ORDER BY i.seq), '[]'::jsonb))
      INTO v_result
      FROM central_push_inbox i WHERE i.xid = v_xid AND i.refusal IS NOT NULL;
    DELETE FROM central_push_inbox i WHERE i.xid = v_xid;
    RETURN v_result;
END $$;
-- A new owner needs CREATE on the schema at the moment it takes a function over.
GRANT CREATE ON SCHEMA public TO counter_app_push;
ALTER FUNCTION central_push() OWNER TO counter_app_push;
REVOKE CREATE ON SCHEMA public FROM counter_app_push;
REVOKE ALL ON FUNCTION central_push() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION central_push() TO counter_app_counter;
""".replace("@TIME_OR_EMPTY@", f"'^({_TIME})?$'").replace("@TIME@", f"'^{_TIME}$'")


def upgrade() -> None:
    for script in (ROLES, REVOKES, INBOX, DIGEST, PUSH):
        op.execute(script)


def downgrade() -> None:
    op.execute(
        "DROP FUNCTION central_push(); DROP FUNCTION central_audit_digest(jsonb); "
        "DROP FUNCTION central_canonical_json(jsonb); DROP TABLE central_push_inbox; "
        "DROP FUNCTION central_push_inbox_stamp(); "
        "GRANT UPDATE (high_water, audit_head, audit_count, last_push_at) ON central_counters "
        "TO counter_app_counter; "
        "GRANT INSERT, UPDATE ON central_dossiers, central_records TO counter_app_counter; "
        "GRANT INSERT ON central_quarantine TO counter_app_counter; "
        "GRANT USAGE ON SEQUENCE central_quarantine_id_seq TO counter_app_counter; "
        "GRANT EXECUTE ON FUNCTION central_refresh_report_facts(varchar[]) "
        "TO counter_app_counter"
    )
