"""paper extended file: a signed paper's file may change when its signature is extended

Revision ID: c0015_paper_extended_file
Revises: c0014_file_upload_speed
Create Date: 2026-12-23 09:00:00

A desk signs a copy offline (PAdES B-B) and extends the signature to B-LT
once a timestamp server and the CAs' revocation sources answer (issue 21,
point 1; counter_app/sync/signature_extension.py). Extension adds a
timestamp and the validation data to the PDF, so its SHA-256 and size
change. c0010 keeps a paper's body as it first arrived except its removal
and OCR text; here a paper's ``sha256`` and ``size`` may change too, only
for a paper that arrived signed (``signed_at`` set) and with every other
field the same. That a newer version comes from the counter that owns the
record is checked by central_push() already, as for every record; a file
the paper no longer names stays at the centre.

central_push() is changed from its installed definition (as c0010 does), so
this migration imports no live code.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0015_paper_extended_file"
down_revision: str | None = "c0014_file_upload_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SAME = "'removed_at', 'removed_by', 'removal_reason', 'ocr_text'"
_PAPER_KEPT = (
    "            WHEN i.kind = 'paper' AND (r.body - ARRAY["
    + _SAME
    + "]) <> (i.body - ARRAY["
    + _SAME
    + "])\n"
    "                THEN 'append-only record arrived again with a different body'"
)
_FILE = _SAME + ", 'sha256', 'size'"
_PAPER_KEPT_OR_EXTENDED = (
    "            WHEN i.kind = 'paper' AND (r.body - ARRAY["
    + _FILE
    + "]) <> (i.body - ARRAY["
    + _FILE
    + "])\n"
    "                THEN 'append-only record arrived again with a different body'\n"
    "            WHEN i.kind = 'paper' AND COALESCE(r.body ->> 'signed_at', '') = ''\n"
    "                 AND (r.body -> 'sha256', r.body -> 'size')\n"
    "                     IS DISTINCT FROM (i.body -> 'sha256', i.body -> 'size')\n"
    "                THEN 'append-only record arrived again with a different body'"
)


def _quoted(sql: str) -> str:
    return "'" + sql.replace("'", "''") + "'"


def _rewrite_push(old: str, new: str) -> str:
    return f"""
DO $do$
DECLARE
    v_was text := pg_get_functiondef('central_push()'::regprocedure);
    v_new text := replace(v_was, {_quoted(old)}, {_quoted(new)});
BEGIN
    IF v_new = v_was THEN
        RAISE EXCEPTION 'central_push() is not as c0010 left it';
    END IF;
    EXECUTE v_new;
END $do$;
"""


def upgrade() -> None:
    op.execute(_rewrite_push(_PAPER_KEPT, _PAPER_KEPT_OR_EXTENDED))


def downgrade() -> None:
    op.execute(_rewrite_push(_PAPER_KEPT_OR_EXTENDED, _PAPER_KEPT))
