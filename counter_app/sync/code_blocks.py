"""At each round the desk asks the centre to top up its code blocks
(domain/code_blocks.py) and keeps what the centre holds for it."""

from __future__ import annotations

from sqlalchemy import Connection, text

from counter_app.domain.code_blocks import CodeBlock
from counter_app.services.dossier_codes import store_blocks
from counter_app.storage import Sessions

_BLOCKS = text(
    "SELECT id, authority_id, first_seq, last_seq, valid_from, valid_until "
    "FROM central_code_blocks()"
)


def top_up(sessions: Sessions, conn: Connection) -> int:
    """The number of blocks the desk holds after the round."""
    with conn.begin():
        rows = conn.execute(_BLOCKS).all()
    blocks = {
        int(r.id): CodeBlock(
            str(r.authority_id), r.first_seq, r.last_seq, r.valid_from, r.valid_until
        )
        for r in rows
    }
    sessions.write(lambda s: store_blocks(s, blocks))
    return len(blocks)
