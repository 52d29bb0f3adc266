"""The local database's schema brought to head at start (Alembic).

Told without loading Alembic when the file is already at head (every start
but the first after an update, a third of a second saved); otherwise the
file is backed up to every place and checked before Alembic touches it.
storage.open_database calls :func:`upgrade`; tests and the migrations'
env.py use the rest.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from counter_app import backup_files

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Autogenerate filter: the FTS5 indexes and their shadow tables are made by
    hand in migrations 0001 and 0005, so autogenerate must not drop them."""
    return not (
        type_ == "table" and name is not None and name.startswith(("dossier_fts", "dossier_words"))
    )


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


_REVISION = re.compile(r'^(down_)?revision(?:\s*:[^=]*)?\s*=\s*(?:"([^"]+)"|None)', re.MULTILINE)


def _script_head() -> str | None:
    """The head revision read from the migration files' own lines, without
    Alembic (a third of a second at start); None when that reading is not
    sure (not exactly one revision per file, or not one head)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        if script.name.startswith("__"):
            continue
        found = _REVISION.findall(script.read_text(encoding="utf-8"))
        own = [rev for down, rev in found if not down]
        if len(own) != 1 or not own[0]:
            return None
        revisions.add(own[0])
        parents.update(rev for down, rev in found if down and rev)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stamped_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first():
            return None
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    return rows[0][0] if len(rows) == 1 else None


def upgrade(path: Path, engine: Engine) -> Path | None:
    """Bring the schema to head; back the file up first when it already holds data.

    The backup goes to every backup place and is checked before Alembic
    touches the file; a backup that fails stops the upgrade. A database
    already at head (every start but the first after an update) is told
    without loading Alembic."""
    stamped = _stamped_revision(engine)
    if stamped is not None and stamped == _script_head():
        return None
    from alembic import command

    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    copy = None
    if current is not None or _has_tables(engine):
        copy = backup_files.take(path, path.parent, f"before-{head}")[0]
        log.info("Database backed up to %s before upgrading %s -> %s", copy, current, head)
    command.upgrade(alembic_config(engine), "head")
    return copy


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").scalar()
        )
