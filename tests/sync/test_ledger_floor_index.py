"""The centre answers a desk's daily "highest ledger entry" from the index
c0012 made for it, not by reading every dossier of the agency (the
200-counter storm ran six times slower without it)."""

from __future__ import annotations

from sqlalchemy import text

from counter_app.sync.number_floor import ledger_top
from tests.conftest import AGENCY
from tests.sync.conftest import Centre


def test_the_ledger_floor_query_uses_its_index(centre: Centre) -> None:
    with centre.engine.connect() as conn:
        # With few rows a sequential scan is cheaper; forbidding it shows
        # whether the index can answer the query as the desk sends it
        # (its JSON keys as bound parameters).
        conn.execute(text("SET enable_seqscan = off"))
        query = ledger_top(AGENCY, "A", 2026)
        compiled = query.compile(conn)
        rows = conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params)
        plan = "\n".join(row[0] for row in rows)
    assert "ix_central_dossiers_ledger_floor" in plan, plan
