"""The centre as second witness of what a counter has handed out.

After a restore, or a database found behind its high-water file, the centre
knows two things the counter may have lost: the last row number it received
from the counter (``central_counters.high_water``: the counter's ``rows``
sequence must continue right after it, or its next entries would be dropped
as replays) and the dossier codes it received. Asked only when connected,
with the connection timeout of every sync; unreachable means no witness,
never a wait.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from counter_app.domain.audit_chain import GENESIS
from counter_app.high_water import Mark
from counter_app.services.continuity import CentreWitness
from counter_app.sync.central_link import central_session
from counter_app.sync.errors import CentralRefused, CentralUnreachable
from counter_app.wire import connection_file as settings_file
from counter_app.wire.central_tables import counters, dossiers, records

log = logging.getLogger(__name__)


def centre_witness(directory: Path, local_audit_head: str = GENESIS) -> CentreWitness | None:

    settings = settings_file.stored(directory)
    if settings is None:
        return None
    me = settings.counter_uuid
    try:
        with central_session(settings) as engine, engine.connect() as conn:
            high = conn.scalar(select(counters.c.high_water).where(counters.c.uuid == me))
            # The day and sequence are the code's last 11 characters (YYMMDD-NNNN).
            day = func.substr(dossiers.c.code, func.length(dossiers.c.code) - 10, 6)
            rows = conn.execute(
                select(day, func.max(dossiers.c.code))
                .where(dossiers.c.origin_counter_uuid == me)
                .group_by(day)
            ).all()
            audit = audit_after(conn, me, local_audit_head)
    except (CentralUnreachable, CentralRefused):
        log.warning("Centre not asked as witness: out of reach or refused")
        return None
    codes = {f"code:{d}": int(str(code)[-4:]) for d, code in rows}
    return CentreWitness(Mark(codes), int(high or 0), audit)


def audit_after(conn: Connection, me: str, head: str) -> list[dict[str, Any]]:
    mine = (records.c.counter_uuid == me) & (records.c.kind == "audit")
    start = 0
    if head != GENESIS:
        found = conn.scalar(
            select(records.c.counter_seq).where(mine, records.c.body["hash"].astext == head)
        )
        if found is None:  # the local log is ahead of the centre's, or another chain
            return []
        start = int(found)
    bodies = conn.scalars(
        select(records.c.body)
        .where(mine, records.c.counter_seq > start)
        .order_by(records.c.counter_seq)
    )
    return [dict(b) for b in bodies]
