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
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from counter_app.high_water import Mark
from counter_app.sync import settings as settings_file
from counter_app.sync.central.tables import counters, dossiers
from counter_app.sync.errors import CentralRefused, CentralUnreachable
from counter_app.sync.service import _central

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CentreWitness:
    codes: Mark  # "code:YYMMDD" -> highest sequence of this counter that day
    rows_high_water: int


def centre_witness(directory: Path) -> CentreWitness | None:
    settings = settings_file.stored(directory)
    if settings is None:
        return None
    me = settings.counter_uuid
    try:
        with _central(settings) as engine, engine.connect() as conn:
            high = conn.scalar(select(counters.c.high_water).where(counters.c.uuid == me))
            # The day and sequence are the code's last 11 characters (YYMMDD-NNNN).
            day = func.substr(dossiers.c.code, func.length(dossiers.c.code) - 10, 6)
            rows = conn.execute(
                select(day, func.max(dossiers.c.code))
                .where(dossiers.c.origin_counter_uuid == me)
                .group_by(day)
            ).all()
    except (CentralUnreachable, CentralRefused):
        log.warning("Centre not asked as witness: out of reach or refused")
        return None
    codes = {f"code:{d}": int(str(code)[-4:]) for d, code in rows}
    return CentreWitness(Mark(codes), int(high or 0))
