"""a whole-word index beside the trigram index, for fast name search

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 23:10:00

Whole words ("nguyen" AND "van" AND "duc") are looked up lazily, newest
first, and stop at the page size: on a million dossiers a name costs a few
milliseconds where the trigram index needs to merge long lists. The trigram
index stays for substrings (part of a CCCD, a phone, a word).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = (
    "CREATE VIRTUAL TABLE dossier_words USING fts5("
    "search_text, content='dossiers', content_rowid='id', tokenize='unicode61', prefix='2 3')",
    "CREATE TRIGGER dossiers_words_ai AFTER INSERT ON dossiers BEGIN "
    "INSERT INTO dossier_words(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER dossiers_words_ad AFTER DELETE ON dossiers BEGIN "
    "INSERT INTO dossier_words(dossier_words, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER dossiers_words_au AFTER UPDATE OF search_text ON dossiers BEGIN "
    "INSERT INTO dossier_words(dossier_words, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO dossier_words(rowid, search_text) VALUES (new.id, new.search_text); END",
    # Index the dossiers an older release already holds.
    "INSERT INTO dossier_words(dossier_words) VALUES ('rebuild')",
)


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for name in ("dossiers_words_ai", "dossiers_words_ad", "dossiers_words_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS dossier_words")
