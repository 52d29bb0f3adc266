"""The central tables as SQLAlchemy Core objects, for bulk statements.

The schema itself is made by the central Alembic tree (migrations/); these
mirror the columns the push and pull use.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Date, Integer, MetaData, String, Table, Text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TIMESTAMP

metadata = MetaData()

counters = Table(
    "central_counters",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("agency_id", String(40)),
    Column("unit_name", String(200)),
    Column("counter_name", String(100)),
    Column("code_slot", Integer),
    Column("ledger_book", String(20)),
    Column("role_name", String(63)),
    Column("high_water", BigInteger),
    Column("audit_head", String(64)),
    Column("audit_count", BigInteger),
    Column("last_push_at", TIMESTAMP(timezone=True)),
)

dossiers = Table(
    "central_dossiers",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("code", String(60)),
    Column("agency_id", String(40)),
    Column("source", String(20)),
    Column("origin_counter_uuid", String(36)),
    Column("owner_counter_uuid", String(36)),
    Column("procedure_code", String(30)),
    Column("state", String(30)),
    Column("version", Integer),
    Column("received_at", TIMESTAMP),
    Column("appointment_at", TIMESTAMP),
    Column("finished_at", TIMESTAMP),
    Column("returned_at", TIMESTAMP),
    Column("fee", BigInteger),
    Column("fee_free", Boolean),
    Column("body", JSONB),
    Column("updated_at", TIMESTAMP(timezone=True)),
    # What its steps and pauses mean for the reports (migration c0004_report_facts).
    Column("report_refused", Boolean),
    Column("report_withdrawn_at", TIMESTAMP),
    Column("report_return_at", TIMESTAMP),
    Column("report_return_channel", Text),
    Column("report_return_collected_by", Text),
    Column("report_return_rating", Text),
    Column("report_return_criteria", Text),
    Column("report_pause_starts", ARRAY(TIMESTAMP)),
    Column("report_pause_ends", ARRAY(TIMESTAMP)),
    # How each supplement request ended, and whether it was late (c0007).
    Column("report_pause_outcomes", ARRAY(Text)),
    Column("report_pause_asked_late", ARRAY(Text)),
    # The extension, hand-over and online answer, each with its lateness (c0008).
    Column("report_apology_at", TIMESTAMP),
    Column("report_apology_asked_late", Text),
    Column("report_handed_at", TIMESTAMP),
    Column("report_handed_late", Text),
    Column("report_answered_at", TIMESTAMP),
    Column("report_answered_late", Text),
    # Body fields the reports read, generated from it by PostgreSQL (c0004_report_facts).
    Column("counter_uuid", Text),
    Column("received_by", Text),
    Column("ledger_book", Text),
    Column("delivery", Text),
    Column("on_the_spot", Boolean),
    Column("apology_count", Integer),
    Column("original_appointment_iso", Text),
)

records = Table(
    "central_records",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("kind", String(20)),
    Column("dossier_uuid", String(36)),
    Column("counter_uuid", String(36)),
    Column("agency_id", String(40)),
    Column("counter_seq", BigInteger),
    Column("version", Integer),
    Column("body", JSONB),
)

quarantine = Table(
    "central_quarantine",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("counter_uuid", String(36)),
    Column("seq", BigInteger),
    Column("kind", String(20)),
    Column("row_uuid", String(36)),
    Column("reason", Text),
    Column("incoming", JSONB),
    Column("existing", JSONB),
)

procedures = Table(
    "central_procedures",
    metadata,
    Column("code", String(30), primary_key=True),
    Column("body", JSONB),
)

calendar_days = Table(
    "central_calendar_days",
    metadata,
    Column("day", Date, primary_key=True),
    Column("working", Boolean),
    Column("name", String(200)),
)

users = Table(
    "central_users",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("agency_id", String(40)),
    Column("username", String(60)),
    Column("body", JSONB),
)
