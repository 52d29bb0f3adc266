"""``counter-app backup`` and ``counter-app restore``: checked copies of the
database, to the data folder, the administrator's second place and ``--to``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counter_app import config
from counter_app.cli_common import _acting, _login, _runtime, _tr
from counter_app.domain.messages import QT_TRANSLATE_NOOP


def cmd_backup(args: argparse.Namespace) -> int:
    from counter_app.services import backups

    directory = config.data_dir(args.data_dir)
    rt = _runtime(args)  # the start checks (damage, high-water mark) run first
    if args.place is not None or args.keep is not None:
        actor = _login(args, _acting(args))
        backups.set_place(
            rt.ctx, actor, directory, Path(args.place) if args.place else None, args.keep
        )
    for path in backups.back_up(directory, "manual", Path(args.to) if args.to else None):
        print(_tr(QT_TRANSLATE_NOOP("Cli", "Backup written and checked: {path}"), path=path))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from counter_app.services import backups

    directory = config.data_dir(args.data_dir)
    kept = backups.restore(directory, Path(args.file))
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


def register(sub: Any) -> None:
    b = sub.add_parser("backup", help="a checked backup to every backup place")
    b.add_argument("--to", help="also to this folder (a USB drive)")
    b.add_argument("--place", help="set the second backup place (kept for every backup)")
    b.add_argument("--keep", type=int, help="how many backups each place keeps")
    b.add_argument("--by", help="the administrator setting --place or --keep")
    b.set_defaults(func=cmd_backup)
    r = sub.add_parser("restore", help="replace the database with a checked backup")
    r.add_argument("file")
    r.set_defaults(func=cmd_restore)
