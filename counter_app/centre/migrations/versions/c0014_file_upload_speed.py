"""file upload speed: a chunk's commit does not wait for the disk, a file's
completion does; the completion reads the chunks in the primary key's order

Revision ID: c0014_file_upload_speed
Revises: c0013_signed_forms
Create Date: 2026-12-23 10:00:00

Issue 18, point 8 (upload of 100 MB at half a raw COPY's rate or better):

- ``central_file_put`` commits each 1 MiB chunk in its own transaction so an
  upload cut halfway resumes (c0010); each commit waited for its WAL to reach
  the disk, a hundred flushes for 100 MB where a COPY makes one. A chunk is
  provisional until its file is complete: one lost in a crash of the centre is
  missing from ``central_file_state`` and sent again, and
  ``central_file_complete`` counts and hashes the chunks it finds. So a
  chunk's transaction sets ``synchronous_commit`` off for itself.
- ``central_file_complete`` sets it on for itself, whatever the session
  asked: its commit is durable when the desk is told "complete", and flushing
  it flushes every chunk written before it (the WAL is one sequence). The
  file's SHA-256 is still computed by the server over every byte in order; the
  chunks come from an ordered scan of the primary key instead of a sort inside
  the aggregate.

Both functions are rewritten from their definitions as installed (the
replacement keeps their owner, grants and settings; it stops if a text is not
found).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0014_file_upload_speed"
down_revision: str | None = "c0013_signed_forms"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PUT = "central_file_put(text, bigint, integer, integer, bytea, text)"
_COMPLETE = "central_file_complete(text, bigint)"

_PUT_INSERT = (
    "    INSERT INTO central_file_chunks (sha256, n, data) VALUES (p_sha, p_n, p_data)\n"
    "    ON CONFLICT DO NOTHING;"
)
_PUT_INSERT_ASYNC = (
    "    -- Provisional until the file is complete (c0014): a chunk lost in a\n"
    "    -- crash is sent again; the completion's commit is the durable one.\n"
    "    PERFORM set_config('synchronous_commit', 'off', true);\n" + _PUT_INSERT
)
_COMPLETE_HASH = (
    "encode(sha256((SELECT string_agg(k.data, ''::bytea ORDER BY k.n)\n"
    "                                             FROM central_file_chunks k\n"
    "                                            WHERE k.sha256 = p_sha)), 'hex')"
)
_COMPLETE_HASH_ORDERED = (
    "encode(sha256((SELECT string_agg(o.data, ''::bytea)\n"
    "                                             FROM (SELECT k.data FROM central_file_chunks k\n"
    "                                                    WHERE k.sha256 = p_sha\n"
    "                                                    ORDER BY k.n) o)), 'hex')"
)
_COMPLETE_MARK = (
    "    UPDATE central_files SET complete = true, completed_at = now() WHERE sha256 = p_sha;"
)
_COMPLETE_MARK_DURABLE = (
    "    -- Durable before the desk is told, with every chunk before it (c0014).\n"
    "    PERFORM set_config('synchronous_commit', 'on', true);\n" + _COMPLETE_MARK
)

PAIRS: list[tuple[str, str, str]] = [
    (_PUT, _PUT_INSERT, _PUT_INSERT_ASYNC),
    (_COMPLETE, _COMPLETE_HASH, _COMPLETE_HASH_ORDERED),
    (_COMPLETE, _COMPLETE_MARK, _COMPLETE_MARK_DURABLE),
]


def _quoted(sql: str) -> str:
    return "'" + sql.replace("'", "''") + "'"


def _rewrite(pairs: list[tuple[str, str, str]]) -> str:
    """Each function as installed, run again with its ``old`` texts replaced
    by their ``new``. Stops if a text is not found."""
    functions = dict.fromkeys(function for function, _, _ in pairs)
    blocks = []
    for function in functions:
        steps = "\n".join(
            f"    v_new := replace(v_new, {_quoted(old)}, {_quoted(new)});\n"
            f"    IF v_new = v_was THEN RAISE EXCEPTION "
            f"'{function.split('(')[0]}() is not as expected'; END IF;\n"
            "    v_was := v_new;"
            for name, old, new in pairs
            if name == function
        )
        blocks.append(
            f"""
DO $do$
DECLARE
    v_was text := pg_get_functiondef({_quoted(function)}::regprocedure);
    v_new text := v_was;
BEGIN
{steps}
    EXECUTE v_new;
END $do$;
"""
        )
    return "".join(blocks)


def upgrade() -> None:
    op.execute(_rewrite(PAIRS))


def downgrade() -> None:
    op.execute(_rewrite([(function, new, old) for function, old, new in reversed(PAIRS)]))
