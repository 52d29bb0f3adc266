"""What every ``counter-app`` command shares: its messages in the official's
language, the date and time arguments, bounded numbers, the acting official's
login, and the one runtime (database, data dir) opened on first use and
closed by ``main()``.

Each ``cli_*`` module imports its helpers from here, never from ``counter_app.cli``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

if TYPE_CHECKING:  # the domain loads only when a command needs it: quick --help
    from counter_app.domain.workflow import Role

_CTX = "Cli"
# The acting official's password, for scripts (CI has no terminal to ask on).
PASSWORD_ENV = "COUNTER_APP_PASSWORD"
# A new official's password (``user add``, ``central add-user``): else the terminal or stdin.
NEW_PASSWORD_ENV = "COUNTER_APP_NEW_PASSWORD"


def _tr(source: str, **params: object) -> str:
    from counter_app import i18n

    return i18n.render(Message(_CTX, source, dict(params)))


def _parse_datetime(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Cli", "\u201c{value}\u201d is not a time; write it as YYYY-MM-DD HH:MM."
                ),
                {"value": text},
            ),
            field="from",
        ) from None


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Cli", "\u201c{value}\u201d is not a date; write it as YYYY-MM-DD."
                ),
                {"value": text},
            ),
            field="date",
        ) from None


def _password(prompt: str) -> str:
    """A new official's password."""
    if os.environ.get(NEW_PASSWORD_ENV):
        return os.environ[NEW_PASSWORD_ENV]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\n")


def _typed_password(username: str) -> str:
    """The acting official's password: $COUNTER_APP_PASSWORD, else the terminal."""
    password = os.environ.get(PASSWORD_ENV, "")
    if not password:
        if not sys.stdin.isatty():
            raise UserError(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "Type the password of {username} in a terminal, or give it to a script "
                        "in the environment variable {variable}.",
                    ),
                    {"username": username, "variable": PASSWORD_ENV},
                ),
                field="password",
            )
        password = getpass.getpass(f"{username} — mật khẩu: ")
    return password


def _login(args: argparse.Namespace, username: str):  # noqa: ANN202 - Actor, imported lazily
    """Log the acting official in on this counter's database."""
    from counter_app.services.auth import login

    password = _typed_password(username)
    return login(_runtime(args).ctx, username, password)


def _named(args: argparse.Namespace) -> str:
    """The ``--by`` of a command that reads or changes citizens' data; refused
    before the database is even opened when it is missing."""
    if getattr(args, "by", None):
        return str(args.by)
    raise UserError(
        Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Cli",
                "This command reads or changes citizens' data: name the official who runs it "
                "with --by USER (the password from the terminal or {variable}).",
            ),
            {"variable": PASSWORD_ENV},
        ),
        field="by",
    )


def _official(args: argparse.Namespace, role: Role | None = None):  # noqa: ANN202 - Actor
    """The logged-in official a command on citizens' data acts as: any official
    of this counter, or (with ``role``) one who holds that role. Refused
    before the database opens when the name or the password is missing."""
    username = _named(args)
    password = _typed_password(username)
    return _checked_login(_runtime(args).ctx, username, password, role)


def _checked_login(ctx: Any, username: str, password: str, role: Role | None):  # noqa: ANN202
    from counter_app.services.auth import acting_user, login

    actor = login(ctx, username, password)
    if role is not None:
        with ctx.sessions() as session:
            acting_user(session, actor, role=role)
    return actor


def add_by(parser: argparse.ArgumentParser, who: str = "the official", **options: Any) -> None:
    """The ``--by USER`` of a command that acts as a logged-in official."""
    parser.add_argument(
        "--by", help=f"{who} (password: ${PASSWORD_ENV} or the terminal)", **options
    )


def _has_officials(ctx: Any) -> bool:
    """A counter with no official yet (just connected, its officials still at
    the centre): nobody could log in to vouch for its first sync."""
    from sqlalchemy import func, select

    from counter_app.models import User

    with ctx.sessions() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def _acting(args: argparse.Namespace) -> str:
    """The ``--by`` of a command that changes settings only with some of its options."""
    if not getattr(args, "by", None):
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Cli", "Name the administrator who makes this change with --by USER."
                ),
            ),
            field="by",
        )
    return str(args.by)


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number within [low, high], else exit 2 with a sentence."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            from counter_app import i18n

            i18n.ensure_core_app()
            raise argparse.ArgumentTypeError(
                _tr(
                    QT_TRANSLATE_NOOP(
                        "Cli", "\u201c{value}\u201d is not a whole number from {low} to {high}"
                    ),
                    value=text[:40],
                    low=low,
                    high=high,
                )
            )
        return value

    return parse


_RUNTIME = None


def _runtime(args: argparse.Namespace):  # noqa: ANN202 - Runtime, imported lazily
    global _RUNTIME
    if _RUNTIME is None:
        from counter_app.app_setup import open_runtime

        _RUNTIME = open_runtime(args.data_dir)
        from counter_app import i18n

        # Told on every command: a damaged database, one behind its mark.
        for notice in _RUNTIME.notices:
            print(i18n.render(notice), file=sys.stderr)
    return _RUNTIME


def _close_runtime() -> None:
    global _RUNTIME
    if _RUNTIME is not None:
        _RUNTIME.close()
        _RUNTIME = None
