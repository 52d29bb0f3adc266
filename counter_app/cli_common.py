"""What every ``counter-app`` command shares: its messages in the official's
language, the date and time arguments, the password prompt, and the one
runtime (database, data dir) opened on first use and closed by ``main()``.

``counter_app.cli`` re-exports the helpers its older siblings import from there.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date, datetime

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

_CTX = "Cli"
PASSWORD_ENV = "COUNTER_APP_PASSWORD"


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
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\n")


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
