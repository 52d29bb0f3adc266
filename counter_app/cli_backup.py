"""``counter-app backup`` and ``counter-app restore``: checked copies of the
database, to the data folder, the administrator's second place and ``--to``."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from counter_app import config
from counter_app.cli_common import (
    _checked_login,
    _close_runtime,
    _has_officials,
    _named,
    _official,
    _runtime,
    _tr,
    _typed_password,
    add_by,
)
from counter_app.domain.messages import QT_TRANSLATE_NOOP


def cmd_backup(args: argparse.Namespace) -> int:
    from counter_app.domain.workflow import Role
    from counter_app.services import backups

    directory = config.data_dir(args.data_dir)
    if args.to is not None or args.place is not None or args.keep is not None:
        # A copy anywhere but the places the administrator chose takes every
        # citizen's data out of the machine; the login comes before any start check.
        actor = _official(args, Role.ADMIN)
    rt = _runtime(args)  # the start checks (damage, high-water mark) run first
    if args.place is not None or args.keep is not None:
        backups.set_place(
            rt.ctx, actor, directory, Path(args.place) if args.place else None, args.keep
        )
    for path in backups.back_up(directory, "manual", Path(args.to) if args.to else None):
        print(_tr(QT_TRANSLATE_NOOP("Cli", "Backup written and checked: {path}"), path=path))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from counter_app.services import backups

    directory = config.data_dir(args.data_dir)
    file = Path(args.file)
    _restoring_administrator(args, directory, file)
    _close_runtime()  # the database is replaced: nothing may hold it open
    kept = backups.restore(directory, file)
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli", "Database restored from {file}; the replaced one is kept in {kept}."
            ),
            file=args.file,
            kept=kept,
        )
    )
    _runtime(args)  # raises the numbers above the high-water mark and says so
    return 0


def _restoring_administrator(args: argparse.Namespace, directory: Path, file: Path) -> None:
    """An administrator logs in before anything is replaced: of this counter
    when its database can be read and has officials, else (damaged, absent,
    a new machine's empty one) of the backup being put in its place."""
    from counter_app.domain.workflow import Role
    from counter_app.services import backups

    username = _named(args)
    password = _typed_password(username)
    if config.database_path(directory).exists():
        rt = _runtime(args)
        if not rt.db.damage and _has_officials(rt.ctx):
            _checked_login(rt.ctx, username, password, Role.ADMIN)
            backups.check_backup(file, directory)
            return
        _close_runtime()
    backups.check_backup(file, directory)  # a bad file is named as such, not as a wrong password
    with _backup_context(file) as ctx:
        _checked_login(ctx, username, password, Role.ADMIN)


@contextmanager
def _backup_context(file: Path) -> Iterator[Any]:
    """A throwaway copy of ``file`` to log in on: the backup itself is never written."""
    from counter_app.app_setup import hooks
    from counter_app.private_files import narrow
    from counter_app.services.context import ServiceContext
    from counter_app.storage import open_database

    with tempfile.TemporaryDirectory(prefix="counter-restore-") as tmp:  # made 0700
        directory = Path(tmp)
        shutil.copyfile(file, config.database_path(directory))
        narrow(config.database_path(directory))
        db = open_database(directory, hooks=hooks())
        try:
            yield ServiceContext(db.sessions)
        finally:
            db.dispose()


def register(sub: Any) -> None:
    b = sub.add_parser("backup", help="a checked backup to every backup place")
    b.add_argument("--to", help="also to this folder (a USB drive): an administrator only")
    b.add_argument("--place", help="set the second backup place (kept for every backup)")
    b.add_argument("--keep", type=int, help="how many backups each place keeps")
    add_by(b, "the administrator, with --to, --place or --keep")
    b.set_defaults(func=cmd_backup)
    r = sub.add_parser("restore", help="replace the database with a checked backup")
    r.add_argument("file")
    add_by(r, "the administrator")
    r.set_defaults(func=cmd_restore)
