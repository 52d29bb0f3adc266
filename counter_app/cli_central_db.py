"""The central database as the ``counter-app central …`` commands reach it:
its address from --url or the environment."""

from __future__ import annotations

import argparse
import os
from typing import Any

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

CENTRAL_URL_ENV = "COUNTER_APP_CENTRAL_URL"


def _central_engine(args: argparse.Namespace) -> Any:
    from counter_app.centre.schema import engine_for

    return engine_for(_central_url(args))


def _central_url(args: argparse.Namespace) -> str:
    url = args.url or os.environ.get(CENTRAL_URL_ENV)
    if not url:
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Give the central database's address with --url or ${env}.",
                ),
                {"env": CENTRAL_URL_ENV},
            )
        )
    return url
