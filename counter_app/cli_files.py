"""``counter-app check``: every electronic copy the database names, read and
compared with its hash; ``counter-app files purge-orphans``: the files no row
names (a crash between a file and its row), deleted on the record."""

from __future__ import annotations

import argparse
from typing import Any

from counter_app.cli_common import _official, _runtime, _tr, add_by
from counter_app.domain.messages import QT_TRANSLATE_NOOP

# As ``audit verify``: something is wrong with what the counter holds.
PROBLEMS_FOUND = 3


def cmd_check(args: argparse.Namespace) -> int:
    from counter_app.services import file_checks

    _official(args)  # the answer names citizens' dossiers
    found = file_checks.full_check(_runtime(args).ctx)
    for problem in found.problems:
        print(
            _tr(
                QT_TRANSLATE_NOOP("Cli", "DAMAGED: file {file} of dossiers {dossiers}")
                if problem.damaged
                else QT_TRANSLATE_NOOP("Cli", "MISSING: file {file} of dossiers {dossiers}"),
                file=problem.sha256,
                dossiers=", ".join(problem.dossiers) or "-",
            )
        )
    if found.ok:
        print(
            _tr(
                QT_TRANSLATE_NOOP(
                    "Cli", "Electronic copies intact: {count} files read and checked."
                ),
                count=found.checked,
            )
        )
        return 0
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli",
                "{bad} of {count} files are missing or damaged; restore them from a backup "
                "(counter-app restore) or digitise the papers again.",
            ),
            bad=len(found.problems),
            count=found.checked,
        )
    )
    return PROBLEMS_FOUND


def cmd_purge_orphans(args: argparse.Namespace) -> int:
    from counter_app.domain.workflow import Role
    from counter_app.services import file_checks

    actor = _official(args, Role.ADMIN)
    rt = _runtime(args)
    purged = file_checks.purge_orphans(rt.ctx, actor, rt.data_dir)
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli",
                "{count} files that no paper names were deleted ({size} bytes); "
                "the audit log lists them.",
            ),
            count=purged.count,
            size=purged.size,
        )
    )
    return 0


def register(sub: Any) -> None:
    c = sub.add_parser("check", help="read every electronic copy and compare it with its hash")
    add_by(c)
    c.set_defaults(func=cmd_check)
    f = sub.add_parser("files", help="the electronic copies' store").add_subparsers(
        dest="files_cmd", required=True
    )
    p = f.add_parser(
        "purge-orphans",
        help="delete files older than an hour that no paper names (left by a crash)",
    )
    add_by(p, "the administrator")
    p.set_defaults(func=cmd_purge_orphans)
