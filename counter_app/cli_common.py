"""What every ``counter-app`` command shares: its messages in the official's
language, the date and time arguments, bounded numbers, the acting official's
login, and the one runtime (database, data dir) opened on first use and
closed by ``main()``.

``counter_app.cli`` re-exports the helpers its older siblings import from there.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import date, datetime

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

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


def _login(args: argparse.Namespace, username: str):  # noqa: ANN202 - Actor, imported lazily
    """Log the acting official in: the password from $COUNTER_APP_PASSWORD, else the terminal."""
    from counter_app.services.auth import login

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
    return login(_runtime(args).ctx, username, password)


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
