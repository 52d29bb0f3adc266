"""papers and files: digitised papers sync as records, their files are stored
content-addressed in chunks, uploaded and read through checked functions

Revision ID: c0010_papers_and_files
Revises: c0009_code_blocks
Create Date: 2026-12-17 10:00:00

Decree 118/2025 Art. 17(1)(c) and 19(2): each paper of a dossier is copied
into an electronic copy that goes to the system. A desk's digitised paper is
a record of kind ``paper`` (counter_app/models/paper.py); its file is stored
once per content:

- ``central_push()`` (c0005, c0008, c0009) is defined again from its own
  definition as installed, with ``paper`` a known kind, its body checked by
  ``central_paper_malformed`` (shape, lengths, a SHA-256 of 64 hex digits,
  sizes bounded) and, once at the centre, only its removal and OCR text
  allowed to change. Everything else a record passes (the session's counter
  and agency, the dossier known and owned) a paper passes too.
- ``central_files`` / ``central_file_chunks``: one row per content (its
  SHA-256, size, chunk size, complete or not) and its chunks as ``bytea``
  (stored uncompressed: PDFs and images are compressed already).
- A desk has no right on those tables. It calls ``central_file_state``
  (what the centre holds of a file: resumable), ``central_file_put`` (one
  chunk, checked against its own SHA-256, its place and length bounded) and
  ``central_file_complete`` (the whole file's SHA-256 computed by the
  server before it is marked complete; a file whose content is not its name
  is deleted whole). Each refuses a file that no paper of the desk's agency
  names: never a file without a row.
- ``central_file_open`` / ``central_file_read``: a complete file, to a desk
  of the agency whose paper names it or of the authority its dossier's code
  names (Art. 28(2): the deciding authority).
- ``central_papers_held(id_number)``: the valid papers and results held in
  the province for a person (Art. 17(1)(b)), at most 200, without OCR text.
- ``central_files_pending``: papers whose file has not arrived whole.

The functions read across agencies (deduplication, the deciding authority,
the province's lookup), so they are owned by the tables' owner, as
``central_my_counter()`` is; each checks the session's counter itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0010_papers_and_files"
down_revision: str | None = "c0009_code_blocks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Bounds shared with counter_app/wire/files.py (a test checks they agree).
MAX_FILE = 268435456
MIN_CHUNK = 65536
MAX_CHUNK = 4194304

_TIME = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
_UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

PAPER_CHECK = rf"""
CREATE FUNCTION central_paper_malformed(b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, public, pg_temp AS $$
SELECT NOT COALESCE((
        octet_length(b::text) <= 1048576
    AND jsonb_typeof(b -> 'sha256') = 'string' AND b ->> 'sha256' ~ '^[0-9a-f]{{64}}$'
    AND b ->> 'role' IN ('paper', 'result')
    AND b ->> 'origin' IN ('scan', 'folder', 'file', 'reuse', 'authority')
    AND jsonb_typeof(b -> 'size') = 'number' AND b ->> 'size' ~ '^\d{{1,9}}$'
    AND (b ->> 'size')::bigint BETWEEN 1 AND {MAX_FILE}
    AND jsonb_typeof(b -> 'pages') = 'number' AND b ->> 'pages' ~ '^[1-9]\d{{0,3}}$'
    AND COALESCE(jsonb_typeof(b -> 'component'), 'null') IN ('null', 'number')
    AND COALESCE(b ->> 'component', '0') ~ '^\d{{1,4}}$'
    AND COALESCE(jsonb_typeof(b -> 'holder_birth_year'), 'null') IN ('null', 'number')
    AND COALESCE(b ->> 'holder_birth_year', '1900') ~ '^(1[89]|20)\d\d$'
    AND COALESCE(jsonb_typeof(b -> 'id_issued_on'), 'null') IN ('null', 'string')
    AND COALESCE(b ->> 'id_issued_on', '') ~ '^(\d{{4}}-\d{{2}}-\d{{2}})?$'
    AND COALESCE(jsonb_typeof(b -> 'valid_until'), 'null') IN ('null', 'string')
    AND COALESCE(b ->> 'valid_until', '') ~ '^(\d{{4}}-\d{{2}}-\d{{2}})?$'
    AND jsonb_typeof(b -> 'created_at') = 'string' AND b ->> 'created_at' ~ '^{_TIME}$'
    AND COALESCE(jsonb_typeof(b -> 'removed_at'), 'null') IN ('null', 'string')
    AND COALESCE(b ->> 'removed_at', '') ~ '^({_TIME})?$'
    AND COALESCE(jsonb_typeof(b -> 'reused_from'), 'null') IN ('null', 'string')
    AND COALESCE(b ->> 'reused_from', '00000000-0000-0000-0000-000000000000') ~ '{_UUID}'
    AND NOT EXISTS (
        SELECT 1 FROM (VALUES ('component_name', 500), ('doc_type_code', 20),
                              ('holder_id_number', 15), ('holder_name', 120),
                              ('id_issued_by', 200), ('document_name', 1000),
                              ('summary', 4000), ('scope', 1000), ('document_code', 60),
                              ('created_by', 60), ('removed_by', 60),
                              ('removal_reason', 2000), ('ocr_text', 500000)) f(k, most)
         WHERE jsonb_typeof(b -> f.k) IS DISTINCT FROM 'string'
            OR length(b ->> f.k) > f.most)
    AND b ->> 'doc_type_code' ~ '^[A-Z0-9.]{{1,20}}$'
    AND b ->> 'holder_id_number' ~ '^[0-9A-Z]{{0,15}}$'), false)
$$;
REVOKE ALL ON FUNCTION central_paper_malformed(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION central_paper_malformed(jsonb) TO counter_app_push;
CREATE INDEX ix_central_records_paper_file ON central_records ((body ->> 'sha256'))
    WHERE kind = 'paper';
CREATE INDEX ix_central_records_paper_holder ON central_records ((body ->> 'holder_id_number'))
    WHERE kind = 'paper';
"""

TABLES = f"""
CREATE TABLE central_files (
    sha256 varchar(64) PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{{64}}$'),
    size bigint NOT NULL CHECK (size BETWEEN 1 AND {MAX_FILE}),
    chunk_size integer NOT NULL CHECK (chunk_size BETWEEN {MIN_CHUNK} AND {MAX_CHUNK}),
    complete boolean NOT NULL DEFAULT false,
    agency_id varchar(40) NOT NULL,
    counter_uuid varchar(36) NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz
);
CREATE TABLE central_file_chunks (
    sha256 varchar(64) NOT NULL REFERENCES central_files (sha256) ON DELETE CASCADE,
    n integer NOT NULL CHECK (n >= 0),
    data bytea NOT NULL,
    PRIMARY KEY (sha256, n)
);
-- Scans are compressed already: TOAST's compression would only cost time.
ALTER TABLE central_file_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
REVOKE ALL ON central_files, central_file_chunks FROM PUBLIC;
"""

FUNCTIONS = rf"""
-- The session's counter and agency, or the refusal every function gives.
CREATE FUNCTION central_file_caller(OUT counter_uuid varchar, OUT agency_id varchar)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    SELECT c.uuid, c.agency_id INTO counter_uuid, agency_id
      FROM central_counters c WHERE c.role_name = session_user;
    IF counter_uuid IS NULL THEN
        RAISE EXCEPTION 'this role is not a registered counter' USING ERRCODE = 'CANRG';
    END IF;
END $$;
REVOKE ALL ON FUNCTION central_file_caller() FROM PUBLIC;

-- A file may be sent by a desk of an agency one of whose papers names it
-- with that size: never a file without a row.
CREATE FUNCTION central_file_named(p_agency varchar, p_sha text, p_size bigint)
RETURNS boolean LANGUAGE sql STABLE
SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM central_records r
                    WHERE r.kind = 'paper' AND r.body ->> 'sha256' = p_sha
                      AND r.agency_id = p_agency AND r.body ->> 'size' = p_size::text)
$$;
REVOKE ALL ON FUNCTION central_file_named(varchar, text, bigint) FROM PUBLIC;

CREATE FUNCTION central_file_checked(p_agency varchar, p_sha text, p_size bigint)
RETURNS void LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF p_sha IS NULL OR p_sha !~ '^[0-9a-f]{{64}}$' OR p_size IS NULL
       OR p_size NOT BETWEEN 1 AND {MAX_FILE} THEN
        RAISE EXCEPTION 'malformed file name or size' USING ERRCODE = 'CAFIL';
    END IF;
    IF NOT central_file_named(p_agency, p_sha, p_size) THEN
        RAISE EXCEPTION 'no paper of this agency names this file' USING ERRCODE = 'CAFIL';
    END IF;
END $$;
REVOKE ALL ON FUNCTION central_file_checked(varchar, text, bigint) FROM PUBLIC;

-- What the centre holds of a file: complete, or the chunks it has.
CREATE FUNCTION central_file_state(p_sha text, p_size bigint) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me record := central_file_caller();
    f record;
BEGIN
    PERFORM central_file_checked(me.agency_id, p_sha, p_size);
    SELECT * INTO f FROM central_files WHERE sha256 = p_sha;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('complete', false, 'chunk_size', NULL, 'have', '[]'::jsonb);
    END IF;
    IF f.size <> p_size THEN
        RAISE EXCEPTION 'the file''s size disagrees with the centre''s' USING ERRCODE = 'CAFIL';
    END IF;
    RETURN jsonb_build_object('complete', f.complete, 'chunk_size', f.chunk_size,
        'have', CASE WHEN f.complete THEN '[]'::jsonb ELSE COALESCE((
            SELECT jsonb_agg(k.n ORDER BY k.n) FROM central_file_chunks k
             WHERE k.sha256 = p_sha), '[]'::jsonb) END);
END $$;

-- One chunk: its place and length follow from the file's size and chunk
-- size, its content from its own SHA-256 (a chunk damaged on the way is
-- refused at once, not after the whole file).
CREATE FUNCTION central_file_put(p_sha text, p_size bigint, p_chunk_size integer,
                                 p_n integer, p_data bytea, p_chunk_sha text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me record := central_file_caller();
    f record;
BEGIN
    PERFORM central_file_checked(me.agency_id, p_sha, p_size);
    IF p_chunk_size IS NULL OR p_chunk_size NOT BETWEEN {MIN_CHUNK} AND {MAX_CHUNK}
       OR p_n IS NULL OR p_n < 0 OR p_n::bigint * p_chunk_size >= p_size
       OR p_data IS NULL
       OR length(p_data) <> LEAST(p_chunk_size::bigint, p_size - p_n::bigint * p_chunk_size) THEN
        RAISE EXCEPTION 'chunk out of bounds' USING ERRCODE = 'CAFIL';
    END IF;
    IF p_chunk_sha IS DISTINCT FROM encode(sha256(p_data), 'hex') THEN
        RAISE EXCEPTION 'chunk damaged on the way' USING ERRCODE = 'CAHSH';
    END IF;
    INSERT INTO central_files (sha256, size, chunk_size, agency_id, counter_uuid)
    VALUES (p_sha, p_size, p_chunk_size, me.agency_id, me.counter_uuid)
    ON CONFLICT DO NOTHING;
    SELECT * INTO f FROM central_files WHERE sha256 = p_sha FOR SHARE;
    IF f.complete THEN
        RETURN true;
    END IF;
    IF f.size <> p_size OR f.chunk_size <> p_chunk_size THEN
        RAISE EXCEPTION 'the file''s size or chunks disagree with the centre''s'
            USING ERRCODE = 'CAFIL';
    END IF;
    INSERT INTO central_file_chunks (sha256, n, data) VALUES (p_sha, p_n, p_data)
    ON CONFLICT DO NOTHING;
    RETURN false;
END $$;

-- The whole file checked by the server: 'complete', 'missing' (chunks still
-- to send) or 'corrupt' (its content is not its name: deleted whole, so
-- nothing half-right stays).
CREATE FUNCTION central_file_complete(p_sha text, p_size bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me record := central_file_caller();
    f record;
    v_held bigint;
    v_bytes bigint;
BEGIN
    PERFORM central_file_checked(me.agency_id, p_sha, p_size);
    SELECT * INTO f FROM central_files WHERE sha256 = p_sha FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'missing';
    ELSIF f.complete THEN
        RETURN 'complete';
    END IF;
    SELECT count(*), COALESCE(sum(length(k.data)), 0) INTO v_held, v_bytes
      FROM central_file_chunks k WHERE k.sha256 = p_sha;
    IF v_held < (f.size + f.chunk_size - 1) / f.chunk_size THEN
        RETURN 'missing';
    END IF;
    IF v_bytes <> f.size OR encode(sha256((SELECT string_agg(k.data, ''::bytea ORDER BY k.n)
                                             FROM central_file_chunks k
                                            WHERE k.sha256 = p_sha)), 'hex') <> p_sha THEN
        DELETE FROM central_files WHERE sha256 = p_sha;
        RETURN 'corrupt';
    END IF;
    UPDATE central_files SET complete = true, completed_at = now() WHERE sha256 = p_sha;
    RETURN 'complete';
END $$;

-- A complete file to a desk of the agency whose paper names it, or of the
-- authority its dossier's code names (the deciding authority).
CREATE FUNCTION central_file_open(p_sha text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me record := central_file_caller();
    f record;
BEGIN
    IF p_sha IS NULL OR p_sha !~ '^[0-9a-f]{{64}}$' OR NOT EXISTS (
        SELECT 1 FROM central_records r
          LEFT JOIN central_dossiers d ON d.uuid = r.dossier_uuid
         WHERE r.kind = 'paper' AND r.body ->> 'sha256' = p_sha
           AND (r.agency_id = me.agency_id
                OR left(d.code, length(me.agency_id) + 1) = me.agency_id || '-')) THEN
        RAISE EXCEPTION 'no paper this counter may read names this file' USING ERRCODE = 'CAFNF';
    END IF;
    SELECT * INTO f FROM central_files WHERE sha256 = p_sha AND complete;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    RETURN jsonb_build_object('size', f.size, 'chunk_size', f.chunk_size,
                              'chunks', (f.size + f.chunk_size - 1) / f.chunk_size);
END $$;

CREATE FUNCTION central_file_read(p_sha text, p_n integer) RETURNS bytea
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF central_file_open(p_sha) IS NULL THEN
        RAISE EXCEPTION 'the centre does not hold this file whole' USING ERRCODE = 'CAFNF';
    END IF;
    RETURN (SELECT k.data FROM central_file_chunks k WHERE k.sha256 = p_sha AND k.n = p_n);
END $$;

-- Art. 17(1)(b): the valid papers and results held in the province for a
-- person, newest first, one per file and type, at most 200.
CREATE FUNCTION central_papers_held(p_id_number text)
RETURNS TABLE (uuid varchar, agency_id varchar, dossier_code varchar, file_complete boolean,
               body jsonb)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me record := central_file_caller();
    v_today text := to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD');
BEGIN
    IF p_id_number IS NULL OR p_id_number !~ '^[0-9A-Z]{{6,15}}$' THEN
        RAISE EXCEPTION 'malformed identification number' USING ERRCODE = 'CAFIL';
    END IF;
    RETURN QUERY
        SELECT h.uuid, h.agency_id, h.code, h.complete, h.body FROM (
            SELECT DISTINCT ON (r.body ->> 'sha256', r.body ->> 'doc_type_code')
                   r.uuid, r.agency_id, d.code, COALESCE(f.complete, false) AS complete,
                   r.body - 'ocr_text' AS body, r.body ->> 'created_at' AS created
              FROM central_records r
              LEFT JOIN central_dossiers d ON d.uuid = r.dossier_uuid
              LEFT JOIN central_files f ON f.sha256 = r.body ->> 'sha256'
             WHERE r.kind = 'paper' AND r.body ->> 'holder_id_number' = p_id_number
               AND COALESCE(r.body ->> 'removed_at', '') = ''
               AND (COALESCE(r.body ->> 'valid_until', '') = ''
                    OR r.body ->> 'valid_until' >= v_today)
             ORDER BY r.body ->> 'sha256', r.body ->> 'doc_type_code',
                      r.body ->> 'created_at' DESC) h
         ORDER BY h.created DESC
         LIMIT 200;
END $$;

-- What the centre is still waiting for: papers whose file is not whole here.
CREATE VIEW central_files_pending AS
    SELECT r.agency_id, r.counter_uuid, r.dossier_uuid, r.uuid AS paper_uuid,
           r.body ->> 'sha256' AS sha256, (r.body ->> 'size')::bigint AS size,
           r.arrived_at
      FROM central_records r
     WHERE r.kind = 'paper' AND NOT EXISTS (
           SELECT 1 FROM central_files f WHERE f.sha256 = r.body ->> 'sha256' AND f.complete);
REVOKE ALL ON central_files_pending FROM PUBLIC;

REVOKE ALL ON FUNCTION central_file_state(text, bigint), central_file_put(text, bigint, integer,
    integer, bytea, text), central_file_complete(text, bigint), central_file_open(text),
    central_file_read(text, integer), central_papers_held(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION central_file_state(text, bigint), central_file_put(text, bigint,
    integer, integer, bytea, text), central_file_complete(text, bigint), central_file_open(text),
    central_file_read(text, integer), central_papers_held(text) TO counter_app_counter;
"""

# The texts of central_push() as installed that the paper kind changes.
_KINDS = "WHEN i.kind NOT IN ('dossier', 'document', 'pause', 'step', 'audit', 'print_job')"
_KINDS_PAPER = (
    "WHEN i.kind NOT IN ('dossier', 'document', 'pause', 'step', 'audit', 'print_job', 'paper')"
)
_MALFORMED = "            THEN 'malformed dossier'\n        END AS reason"
_MALFORMED_PAPER = (
    "            THEN 'malformed dossier'\n"
    "        WHEN i.kind = 'paper' AND central_paper_malformed(i.body) THEN 'malformed paper'\n"
    "        END AS reason"
)
_APPEND_ONLY = (
    "            WHEN i.kind IN ('document', 'step', 'audit') AND r.body <> i.body\n"
    "                THEN 'append-only record arrived again with a different body'"
)
# A paper keeps its file and data; only its removal and OCR text change.
_APPEND_ONLY_PAPER = (
    _APPEND_ONLY + "\n"
    "            WHEN i.kind = 'paper' AND (r.body - ARRAY['removed_at', 'removed_by', "
    "'removal_reason', 'ocr_text']) <> (i.body - ARRAY['removed_at', 'removed_by', "
    "'removal_reason', 'ocr_text'])\n"
    "                THEN 'append-only record arrived again with a different body'"
)
_VERSIONED = "AND i.kind IN ('pause', 'print_job') AND i.version > r.version;"
_VERSIONED_PAPER = "AND i.kind IN ('pause', 'print_job', 'paper') AND i.version > r.version;"

PAIRS = [
    (_KINDS, _KINDS_PAPER),
    (_MALFORMED, _MALFORMED_PAPER),
    (_APPEND_ONLY, _APPEND_ONLY_PAPER),
    (_VERSIONED, _VERSIONED_PAPER),
]


def _quoted(sql: str) -> str:
    return "'" + sql.replace("'", "''") + "'"


def _rewrite_push(pairs: list[tuple[str, str]]) -> str:
    """central_push() as installed, run again with each ``old`` text replaced
    by its ``new``: a replacement keeps the function's owner, grants and
    settings. Stops if a text is not found."""
    steps = "\n".join(
        f"    v_new := replace(v_new, {_quoted(old)}, {_quoted(new)});\n"
        "    IF v_new = v_was THEN RAISE EXCEPTION "
        "'central_push() is not as c0009 left it'; END IF;\n"
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


def upgrade() -> None:
    op.execute(PAPER_CHECK)
    op.execute(TABLES)
    op.execute(FUNCTIONS)
    op.execute(_rewrite_push(PAIRS))


def downgrade() -> None:
    op.execute(_rewrite_push([(new, old) for old, new in reversed(PAIRS)]))
    op.execute(
        "DROP VIEW central_files_pending; "
        "DROP FUNCTION central_papers_held(text); "
        "DROP FUNCTION central_file_read(text, integer); "
        "DROP FUNCTION central_file_open(text); "
        "DROP FUNCTION central_file_complete(text, bigint); "
        "DROP FUNCTION central_file_put(text, bigint, integer, integer, bytea, text); "
        "DROP FUNCTION central_file_state(text, bigint); "
        "DROP FUNCTION central_file_checked(varchar, text, bigint); "
        "DROP FUNCTION central_file_named(varchar, text, bigint); "
        "DROP FUNCTION central_file_caller(); "
        "DROP TABLE central_file_chunks; DROP TABLE central_files; "
        "DROP INDEX ix_central_records_paper_holder; DROP INDEX ix_central_records_paper_file; "
        "DROP FUNCTION central_paper_malformed(jsonb);"
    )
