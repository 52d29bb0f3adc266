"""signed forms: a paper row may be a form the desk issued and signed

Revision ID: c0013_signed_forms
Revises: c0012_ledger_floor_index
Create Date: 2026-12-23 09:00:00

Issue 21: a form the desk issues (receipt, supplement request, refusal,
apology, control slip) signed with the official's token is kept as the
dossier's electronic form, a paper row of role 'form' and origin 'issued'
(counter_app/domain/papers.py), synced and backed up like a scanned copy.
c0010's ``central_paper_malformed`` knew only the citizens' papers and the
results; here it is run again as installed with the two lists extended, which
keeps its owner, grants and settings. Imports no live code.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0013_signed_forms"
down_revision: str | None = "c0012_ledger_floor_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Shared with counter_app/domain/papers.py's PaperRole and Origin (a test checks they agree).
ROLES = ("paper", "result", "form")
ORIGINS = ("scan", "folder", "file", "reuse", "authority", "issued")
_OLD_ROLES, _OLD_ORIGINS = ROLES[:2], ORIGINS[:5]


def _in(values: Sequence[str]) -> str:
    return "IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _pairs() -> list[tuple[str, str]]:
    return [
        (f"b ->> 'role' {_in(_OLD_ROLES)}", f"b ->> 'role' {_in(ROLES)}"),
        (f"b ->> 'origin' {_in(_OLD_ORIGINS)}", f"b ->> 'origin' {_in(ORIGINS)}"),
    ]


def _quoted(sql: str) -> str:
    return "'" + sql.replace("'", "''") + "'"


def _rewrite(pairs: list[tuple[str, str]]) -> str:
    """central_paper_malformed(jsonb) as installed, run again with each ``old``
    replaced by its ``new``; stops if a text is not found."""
    steps = "\n".join(
        f"    v_new := replace(v_new, {_quoted(old)}, {_quoted(new)});\n"
        "    IF v_new = v_was THEN RAISE EXCEPTION "
        "'central_paper_malformed() is not as c0010 left it'; END IF;\n"
        "    v_was := v_new;"
        for old, new in pairs
    )
    return f"""
DO $do$
DECLARE
    v_was text := pg_get_functiondef('central_paper_malformed(jsonb)'::regprocedure);
    v_new text := v_was;
BEGIN
{steps}
    EXECUTE v_new;
END $do$;
"""


def upgrade() -> None:
    op.execute(_rewrite(_pairs()))


def downgrade() -> None:
    # Forms already at the centre stay: the check judges what is pushed, not what is held.
    op.execute(_rewrite([(new, old) for old, new in _pairs()]))
