"""``counter-app``: the GUI by default; subcommands for setup, admin, demo and checks.

Every refusal reaches the official as a Vietnamese sentence on stderr with
exit status 2; an unexpected fault is logged with its traceback in the data
dir and reported as one line, exit status 1.

The commands live by group in sibling modules, each adding its subcommands
with ``register(sub)``: cli_setup (setup, user, catalogue), cli_calendar,
cli_dossier (dossier, printer), cli_audit, cli_sync (sync), cli_central
(central). What they share is in cli_common.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from counter_app import (
    cli_audit,
    cli_backup,
    cli_calendar,
    cli_central,
    cli_dossier,
    cli_files,
    cli_notices,
    cli_report,
    cli_setup,
    cli_sync,
    cli_verify,
)
from counter_app.cli_common import PASSWORD_ENV as PASSWORD_ENV
from counter_app.cli_common import _close_runtime, _runtime, _tr
from counter_app.domain.messages import QT_TRANSLATE_NOOP, UserError, ValidationFailed

log = logging.getLogger(__name__)


def cmd_gui(args: argparse.Namespace) -> int:
    # Once PySide6 is loaded, shiboken reads the source of every module
    # imported after it: what the start needs before its window (the logging
    # and sqlite3 of app_setup) comes first. The database layer (SQLAlchemy,
    # the models) loads once the login window is painted, 0.1 s slower for
    # that, while the official types: the window shows a third of a second sooner.
    import counter_app.app_setup  # noqa: F401
    from counter_app.ui.app import run_gui

    return run_gui(args.data_dir)


def cmd_demo(args: argparse.Namespace) -> int:
    from counter_app.devtools.demo import run_demo
    from counter_app.private_files import DIR_MODE

    out = Path(args.out)
    # Its forms carry (made-up) citizens' data as real ones would: private, as every form.
    out.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    for line in run_demo(_runtime(args), out):
        print(line, flush=True)
    return 0


# --- plumbing ---------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse with its complaint introduced in the official's language."""

    def error(self, message: str) -> NoReturn:
        from counter_app import i18n

        i18n.ensure_core_app()
        self.print_usage(sys.stderr)
        text = _tr(
            QT_TRANSLATE_NOOP(
                "Cli", "The command is not complete or not right ({detail}); see: {prog} --help"
            ),
            detail=message,
            prog=self.prog,
        )
        self.exit(2, text + "\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="counter-app", description="Bộ phận một cửa — counter_app")
    p.add_argument(
        "--data-dir", help="data directory (else $COUNTER_APP_DATA_DIR, else the user data dir)"
    )
    sub = p.add_subparsers(dest="command")
    sub.add_parser("gui", help="start the desktop application (default)").set_defaults(func=cmd_gui)
    cli_setup.register(sub)
    cli_calendar.register(sub)
    cli_dossier.register(sub)
    cli_audit.register(sub)
    cli_backup.register(sub)
    cli_files.register(sub)
    cli_report.register(sub)
    cli_notices.register(sub)
    cli_verify.register(sub)

    cli_sync.register(sub)
    cli_central.register(sub)

    m = sub.add_parser("demo", help="run a scripted day at a commune desk")
    m.add_argument("--out", required=True, help="folder for the printed forms")
    m.set_defaults(func=cmd_demo)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        args.func = cmd_gui
    if args.func is not cmd_gui:
        from counter_app import i18n

        i18n.ensure_core_app()
    try:
        return args.func(args)
    except ValidationFailed as exc:
        from counter_app import i18n

        for field, message in exc.errors:
            print(f"{field}: {i18n.render(message)}", file=sys.stderr)
        return 2
    except UserError as exc:
        from counter_app import i18n

        print(i18n.render(exc.message), file=sys.stderr)
        return 2
    except Exception:
        log.exception("Unexpected error in %s", args.command)
        print(
            _tr(
                QT_TRANSLATE_NOOP(
                    "Cli", "Unexpected error; details are in the log file in the data folder."
                )
            ),
            file=sys.stderr,
        )
        return 1
    finally:
        _close_runtime()


if __name__ == "__main__":
    sys.exit(main())
