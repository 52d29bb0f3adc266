"""central schema: counters, dossiers and records pushed by counters, the
catalogue, officials and calendar sent down, the change feed, row-level security

Revision ID: c0001
Revises:
Create Date: 2026-11-27 13:55:00

Written as SQL: row-level security, xid8 and triggers are PostgreSQL's own.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTER_GROUP = "counter_app_counter"

TABLES = """
CREATE TABLE central_counters (
    uuid varchar(36) PRIMARY KEY,
    agency_id varchar(40) NOT NULL,
    agency_name varchar(200) NOT NULL,
    parent_name varchar(200) NOT NULL DEFAULT '',
    place varchar(100) NOT NULL DEFAULT '',
    phone varchar(20) NOT NULL DEFAULT '',
    counter_name varchar(100) NOT NULL,
    code_slot integer NOT NULL CHECK (code_slot BETWEEN 0 AND 9),
    ledger_book varchar(20) NOT NULL,
    role_name varchar(63) NOT NULL UNIQUE,
    high_water bigint NOT NULL DEFAULT 0,
    audit_head varchar(64) NOT NULL DEFAULT repeat('0', 64),
    audit_count bigint NOT NULL DEFAULT 0,
    registered_at timestamptz NOT NULL DEFAULT now(),
    last_push_at timestamptz,
    CONSTRAINT uq_central_counters_slot UNIQUE (agency_id, code_slot),
    CONSTRAINT uq_central_counters_book UNIQUE (agency_id, ledger_book)
);
-- One row per dossier, the current state: extracted columns for queries and
-- reports, the whole body as the counter sent it.
CREATE TABLE central_dossiers (
    uuid varchar(36) PRIMARY KEY,
    code varchar(60) NOT NULL UNIQUE,
    agency_id varchar(40) NOT NULL,
    source varchar(20) NOT NULL DEFAULT 'counter',
    origin_counter_uuid varchar(36),
    owner_counter_uuid varchar(36),
    procedure_code varchar(30) NOT NULL,
    state varchar(30) NOT NULL,
    version integer NOT NULL,
    received_at timestamp NOT NULL,
    appointment_at timestamp,
    finished_at timestamp,
    returned_at timestamp,
    body jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_central_dossiers_agency_received ON central_dossiers (agency_id, received_at);
CREATE INDEX ix_central_dossiers_owner ON central_dossiers (owner_counter_uuid);
-- Everything that hangs on a dossier, plus the audit log: append-only kinds
-- (document, step, audit) and versioned ones (pause, print_job).
CREATE TABLE central_records (
    uuid varchar(36) PRIMARY KEY,
    kind varchar(20) NOT NULL,
    dossier_uuid varchar(36),
    counter_uuid varchar(36) NOT NULL,
    agency_id varchar(40) NOT NULL,
    counter_seq bigint NOT NULL,
    version integer NOT NULL,
    body jsonb NOT NULL,
    arrived_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_central_records_dossier ON central_records (dossier_uuid);
CREATE INDEX ix_central_records_counter ON central_records (counter_uuid, counter_seq);
CREATE TABLE central_quarantine (
    id bigserial PRIMARY KEY,
    counter_uuid varchar(36) NOT NULL,
    seq bigint NOT NULL,
    kind varchar(20) NOT NULL,
    row_uuid varchar(36) NOT NULL,
    reason text NOT NULL,
    incoming jsonb NOT NULL,
    existing jsonb,
    at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_central_quarantine_entry UNIQUE (counter_uuid, seq)
);
CREATE TABLE central_procedures (
    code varchar(30) PRIMARY KEY,
    body jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE central_users (
    uuid varchar(36) PRIMARY KEY,
    agency_id varchar(40),
    username varchar(60) NOT NULL,
    body jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_central_users_name UNIQUE (agency_id, username)
);
CREATE TABLE central_calendar_days (
    day date PRIMARY KEY,
    working boolean NOT NULL,
    name varchar(200) NOT NULL
);
CREATE TABLE central_notes (
    uuid varchar(36) PRIMARY KEY,
    dossier_uuid varchar(36) NOT NULL,
    department varchar(200) NOT NULL,
    text text NOT NULL,
    at timestamp NOT NULL
);
CREATE TABLE central_sequences (
    name varchar(80) PRIMARY KEY,
    value bigint NOT NULL
);
-- The change feed. A counter reads only rows whose transaction id is below
-- the oldest transaction still running, so a transaction that took its
-- number early and committed late is never skipped.
CREATE TABLE central_changes (
    id bigserial PRIMARY KEY,
    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    agency_id varchar(40),
    counter_uuid varchar(36),
    kind varchar(20) NOT NULL,
    row_uuid varchar(60) NOT NULL,
    body jsonb NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_central_changes_xid ON central_changes (xid, id);
CREATE INDEX ix_central_changes_at ON central_changes (at);
CREATE TABLE central_feed_meta (
    id integer PRIMARY KEY CHECK (id = 1),
    -- The position (xid, id) of the newest change pruned so far.
    pruned_xid xid8 NOT NULL DEFAULT '0',
    pruned_id bigint NOT NULL DEFAULT 0,
    retention_days integer NOT NULL DEFAULT 60 CHECK (retention_days >= 60)
);
INSERT INTO central_feed_meta (id) VALUES (1);
-- The workflow's reachable state pairs, filled from domain/workflow.py by
-- `central init`, so the database refuses what the counter's rules refuse.
CREATE TABLE central_workflow_paths (
    from_state varchar(30) NOT NULL,
    to_state varchar(30) NOT NULL,
    PRIMARY KEY (from_state, to_state)
);
"""

GUARDS = """
CREATE FUNCTION central_my_counter() RETURNS varchar LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
    AS $$ SELECT uuid FROM central_counters WHERE role_name = session_user $$;
CREATE FUNCTION central_my_agency() RETURNS varchar LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
    AS $$ SELECT agency_id FROM central_counters WHERE role_name = session_user $$;

CREATE FUNCTION central_dossier_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.code <> OLD.code THEN
        RAISE EXCEPTION 'dossier code % cannot change', OLD.code;
    END IF;
    IF NEW.state <> OLD.state AND NOT EXISTS (
        SELECT 1 FROM central_workflow_paths WHERE from_state = OLD.state AND to_state = NEW.state
    ) THEN
        RAISE EXCEPTION 'workflow forbids % -> % for %', OLD.state, NEW.state, OLD.code;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER central_dossiers_guard BEFORE UPDATE ON central_dossiers
    FOR EACH ROW EXECUTE FUNCTION central_dossier_guard();

-- When a counter takes up an online dossier, the agency's other counters
-- learn it through the feed (a counter's role cannot write the feed itself).
CREATE FUNCTION central_dossier_claimed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public AS $$
BEGIN
    INSERT INTO central_changes (agency_id, kind, row_uuid, body)
    VALUES (NEW.agency_id, 'dossier', NEW.uuid, NEW.body || jsonb_build_object(
        'version', NEW.version, 'claimed_by', NEW.owner_counter_uuid));
    RETURN NEW;
END $$;
CREATE TRIGGER central_dossiers_claimed AFTER UPDATE OF owner_counter_uuid ON central_dossiers
    FOR EACH ROW WHEN (OLD.owner_counter_uuid IS NULL AND NEW.owner_counter_uuid IS NOT NULL)
    EXECUTE FUNCTION central_dossier_claimed();

CREATE FUNCTION central_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.kind IN ('document', 'step', 'audit') THEN
        RAISE EXCEPTION 'a % record is append-only', OLD.kind;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER central_records_guard BEFORE UPDATE OR DELETE ON central_records
    FOR EACH ROW EXECUTE FUNCTION central_record_guard();

CREATE FUNCTION central_counter_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.high_water < OLD.high_water THEN
        RAISE EXCEPTION 'high-water mark of % cannot go back', OLD.uuid;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER central_counters_guard BEFORE UPDATE ON central_counters
    FOR EACH ROW EXECUTE FUNCTION central_counter_guard();
"""

SECURITY = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{COUNTER_GROUP}') THEN
        CREATE ROLE {COUNTER_GROUP} NOLOGIN;
    END IF;
END $$;
GRANT SELECT ON central_counters, central_dossiers, central_records, central_quarantine,
    central_procedures, central_users, central_calendar_days, central_notes, central_changes,
    central_feed_meta, central_workflow_paths TO {COUNTER_GROUP};
GRANT UPDATE (high_water, audit_head, audit_count, last_push_at) ON central_counters
    TO {COUNTER_GROUP};
GRANT INSERT, UPDATE ON central_dossiers, central_records TO {COUNTER_GROUP};
GRANT INSERT ON central_quarantine TO {COUNTER_GROUP};
GRANT USAGE ON SEQUENCE central_quarantine_id_seq TO {COUNTER_GROUP};
GRANT EXECUTE ON FUNCTION central_my_counter(), central_my_agency() TO {COUNTER_GROUP};

-- Each policy calls the functions as a sub-select: evaluated once per
-- statement instead of once per row (a push inserts thousands of rows).
ALTER TABLE central_counters ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_reads ON central_counters FOR SELECT
    USING (agency_id = (SELECT central_my_agency()));
CREATE POLICY own_row ON central_counters FOR UPDATE
    USING (role_name = session_user) WITH CHECK (role_name = session_user);

ALTER TABLE central_dossiers ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_reads ON central_dossiers FOR SELECT
    USING (agency_id = (SELECT central_my_agency()));
CREATE POLICY own_inserts ON central_dossiers FOR INSERT
    WITH CHECK (agency_id = (SELECT central_my_agency()) AND owner_counter_uuid = (SELECT central_my_counter())
                AND origin_counter_uuid = (SELECT central_my_counter()));
CREATE POLICY owner_updates ON central_dossiers FOR UPDATE
    USING (agency_id = (SELECT central_my_agency())
           AND (owner_counter_uuid = (SELECT central_my_counter()) OR owner_counter_uuid IS NULL))
    WITH CHECK (owner_counter_uuid = (SELECT central_my_counter()));

ALTER TABLE central_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_reads ON central_records FOR SELECT
    USING (agency_id = (SELECT central_my_agency()));
CREATE POLICY own_inserts ON central_records FOR INSERT
    WITH CHECK (counter_uuid = (SELECT central_my_counter()) AND agency_id = (SELECT central_my_agency()));
CREATE POLICY own_updates ON central_records FOR UPDATE
    USING (counter_uuid = (SELECT central_my_counter())) WITH CHECK (counter_uuid = (SELECT central_my_counter()));

ALTER TABLE central_quarantine ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON central_quarantine FOR ALL
    USING (counter_uuid = (SELECT central_my_counter())) WITH CHECK (counter_uuid = (SELECT central_my_counter()));

ALTER TABLE central_users ENABLE ROW LEVEL SECURITY;
CREATE POLICY agency_reads ON central_users FOR SELECT
    USING (agency_id IS NULL OR agency_id = (SELECT central_my_agency()));

ALTER TABLE central_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_dossiers ON central_notes FOR SELECT USING (EXISTS (
    SELECT 1 FROM central_dossiers d
    WHERE d.uuid = dossier_uuid AND d.agency_id = (SELECT central_my_agency())));

ALTER TABLE central_changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY addressed ON central_changes FOR SELECT
    USING ((agency_id IS NULL OR agency_id = (SELECT central_my_agency()))
           AND (counter_uuid IS NULL OR counter_uuid = (SELECT central_my_counter())));
"""


def upgrade() -> None:
    for script in (TABLES, GUARDS, SECURITY):
        op.execute(script)


def downgrade() -> None:
    op.execute(
        "DROP TABLE IF EXISTS central_workflow_paths, central_feed_meta, central_changes, "
        "central_sequences, central_notes, central_calendar_days, central_users, "
        "central_procedures, central_quarantine, central_records, central_dossiers, "
        "central_counters CASCADE"
    )
    for fn in (
        "central_my_counter()",
        "central_my_agency()",
        "central_dossier_guard()",
        "central_record_guard()",
        "central_counter_guard()",
        "central_dossier_claimed()",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {fn}")
