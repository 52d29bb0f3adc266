"""Sync failures an official or the IT staff can tell apart, each one sentence."""

from __future__ import annotations

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

_CTX = "Sync"


class CentralUnreachable(UserError):
    """No round trip to the central database: the desk carries on offline."""

    def __init__(self) -> None:
        super().__init__(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "The central database cannot be reached; the counter keeps working offline "
                    "and will send its changes later. Nothing was changed.",
                ),
            )
        )


class CentralSilent(CentralUnreachable):
    """The link stayed open but the centre said nothing for ``seconds``: the
    desk cut the round itself (a dead NAT entry, a dropped Wi-Fi, a stalled
    middlebox). Offline like any other unreachable centre."""

    def __init__(self, seconds: float) -> None:
        UserError.__init__(
            self,
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "The link to the central database went silent (no answer for {seconds} "
                    "seconds), so this sync was stopped; the counter keeps working offline and "
                    "will send its changes at the next sync.",
                ),
                {"seconds": round(seconds)},
            ),
        )


class CentralRefused(UserError):
    """The centre answered with an error: nothing local changed; IT staff look."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "The central database refused this sync (error {code}); the counter keeps "
                    "working and its changes stay queued. Tell the province's IT staff.",
                ),
                {"code": sqlstate},
            )
        )


class NotConnected(UserError):
    def __init__(self) -> None:
        super().__init__(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "This counter is not connected to a central database; import its connection "
                    "file with \u201ccounter-app sync connect FILE\u201d.",
                ),
            )
        )


class NotRegistered(UserError):
    def __init__(self) -> None:
        super().__init__(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "The central database does not know this counter; ask the province's IT "
                    "staff to register it again.",
                ),
            )
        )


class GapRefused(UserError):
    def __init__(self, expected: int, got: int) -> None:
        super().__init__(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "The centre expected change number {expected} but the counter holds "
                    "{got} next; nothing was sent. Ask the IT staff to check this counter's "
                    "database.",
                ),
                {"expected": expected, "got": got},
            )
        )


class ResyncNeeded(UserError):
    def __init__(self) -> None:
        super().__init__(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "This counter was away longer than the centre keeps its changes; run "
                    "\u201ccounter-app sync resync\u201d to download everything again.",
                ),
            )
        )
