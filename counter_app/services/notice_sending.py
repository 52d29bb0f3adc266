"""Sending the notices that are due: read, send, write, never a write
transaction held while the network is talked to.

1. Claim (one short write): each notice to send is marked ``sending`` with
   this run's attempt id and the time.
2. Send, outside any transaction, with the transports' timeouts.
3. Record (one short write per notice): ``sent``; or ``due`` again when the
   link failed (it goes out at a later run, when the link is back); or
   ``failed`` with the server's reason, retried after ``RETRY_FAILED`` up to
   ``MAX_ATTEMPTS`` attempts, then left for the official.

Never twice: a sent notice is never claimed again, and a claim is an atomic
change of state, so two senders (the window's timer and ``counter-app
notices send``) never take the same notice. The residual risk is a crash
between the server's "accepted" and step 3: the notice is still ``sending``
and is claimed again once its claim is older than ``STALE_CLAIM`` (longer
than any send can take). It then goes out a second time, with the same
Message-ID (mail) or the same reference and Idempotency-Key (SMS), so a mail
client or a gateway that keeps them shows the citizen one notice; one that
does not shows two. A lost notice would break the law; a repeated one does not.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, or_, select, update
from sqlalchemy.orm import Session

from counter_app.domain.notices import SENT_BY_SERVER, Channel, NoticeState
from counter_app.models import Notice
from counter_app.services import audit
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.notice_settings import mail_server, secrets, sms_gateway
from counter_app.services.notice_transports import (
    HttpSmsGateway,
    Mailer,
    Outgoing,
    SendFailed,
    SmsSender,
)

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_FAILED = timedelta(minutes=30)
STALE_CLAIM = timedelta(minutes=10)
BATCH = 50
SENDER = "counter-app"  # done_by of a notice the sender sent


@dataclass
class SendReport:
    sent: int = 0
    waiting: int = 0  # the link failed: still due
    failed: int = 0  # refused by the server
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Transports:
    mailer: Mailer | None
    sms: SmsSender | None


def transports(ctx: ServiceContext, directory: Path) -> Transports:
    """The transports the counter's settings describe (none when not set)."""
    secret = secrets(directory)
    with ctx.sessions() as session:
        server, gateway = mail_server(session), sms_gateway(session)
        counter = counter_identity(session)
        from_name = counter.unit_name or counter.agency_name
    return Transports(
        Mailer(server, secret.mail_password, from_name) if server else None,
        HttpSmsGateway(gateway, secret.sms_token) if gateway else None,
    )


def send_due(ctx: ServiceContext, directory: Path, via: Transports | None = None) -> SendReport:
    """Send every notice due on a channel the counter can send on."""
    via = via if via is not None else transports(ctx, directory)
    usable = [
        c.value
        for c, ready in ((Channel.EMAIL, via.mailer), (Channel.SMS, via.sms))
        if ready is not None and c in SENT_BY_SERVER
    ]
    report = SendReport()
    if not usable:
        return report
    attempt = str(uuid.uuid4())
    claimed = _claim(ctx, usable, attempt)
    down: set[Channel] = set()
    for notice in claimed:
        if notice.channel in down:
            continue
        try:
            if notice.channel is Channel.EMAIL:
                assert via.mailer is not None
                via.mailer.send(notice.outgoing)
            else:
                assert via.sms is not None
                out = notice.outgoing
                via.sms.send(out.recipient, out.text, out.uuid)
        except SendFailed as exc:
            _record(ctx, notice, attempt, failure=exc)
            report.errors.append(exc.reason)
            if exc.retry:
                # The link (or the server) is down: the rest on this channel
                # waits for the next run instead of each timing out in turn.
                down.add(notice.channel)
                report.waiting += 1
            else:
                report.failed += 1
            continue
        _record(ctx, notice, attempt)
        report.sent += 1
    untried = [n for n in claimed if n.channel in down]
    report.waiting += _release(ctx, untried, attempt)
    return report


def _release(ctx: ServiceContext, notices: list[_Claimed], attempt: str) -> int:
    """Claimed but not tried (their channel is down): due again, the attempt not counted."""
    waiting = [n.id for n in notices]
    if not waiting:
        return 0

    def release(session: Session) -> int:
        result = session.execute(
            update(Notice)
            .where(
                Notice.id.in_(waiting),
                Notice.attempt_id == attempt,
                Notice.state == NoticeState.SENDING.value,
            )
            .values(state=NoticeState.DUE.value, attempts=Notice.attempts - 1)
        )
        return int(cast(CursorResult[Any], result).rowcount or 0)

    return ctx.sessions.write(release)


@dataclass(frozen=True)
class _Claimed:
    id: int
    channel: Channel
    attempts: int
    outgoing: Outgoing


def _claim(ctx: ServiceContext, channels: list[str], attempt: str) -> list[_Claimed]:
    now = ctx.now()

    def claim(session: Session) -> list[_Claimed]:
        rows = session.scalars(
            select(Notice)
            .where(
                Notice.channel.in_(channels),
                or_(
                    Notice.state == NoticeState.DUE.value,
                    (Notice.state == NoticeState.FAILED.value)
                    & (Notice.attempts < MAX_ATTEMPTS)
                    & (Notice.claimed_at <= now - RETRY_FAILED),
                    (Notice.state == NoticeState.SENDING.value)
                    & (Notice.claimed_at <= now - STALE_CLAIM),
                ),
            )
            .order_by(Notice.id)
            .limit(BATCH)
        ).all()
        claimed = []
        for n in rows:
            if n.state == NoticeState.SENDING.value:
                log.warning(
                    "Notice %s left sending by attempt %s: sent again", n.uuid, n.attempt_id
                )
            n.state = NoticeState.SENDING.value
            n.attempt_id = attempt
            n.claimed_at = now
            n.attempts += 1
            claimed.append(
                _Claimed(
                    n.id,
                    Channel(n.channel),
                    n.attempts,
                    Outgoing(n.uuid, n.recipient, n.subject, n.text, n.created_at),
                )
            )
        return claimed

    return ctx.sessions.write(claim)


def _record(
    ctx: ServiceContext, notice: _Claimed, attempt: str, failure: SendFailed | None = None
) -> None:
    now = ctx.now()
    if failure is None:
        values: dict[str, object] = {
            "state": NoticeState.SENT.value,
            "done_at": now,
            "done_by": SENDER,
            "last_error": "",
        }
        event = "notice.sent"
    elif failure.retry:
        values = {"state": NoticeState.DUE.value, "last_error": failure.reason}
        event = ""
    else:
        values = {"state": NoticeState.FAILED.value, "last_error": failure.reason}
        event = "notice.failed"

    def record(session: Session) -> None:
        done = session.execute(
            update(Notice)
            .where(Notice.id == notice.id, Notice.attempt_id == attempt)
            .values(**values)
            .returning(Notice.dossier_code, Notice.kind)
        ).first()
        if done is None:
            # Another sender took it over as stale: it records its own outcome.
            log.warning("Notice %s no longer held by attempt %s", notice.outgoing.uuid, attempt)
            return
        if event:
            details = {"notice": notice.outgoing.uuid, "kind": done.kind}
            details["channel"] = notice.channel.value
            if failure is not None:
                details["reason"] = failure.reason
            audit.log_event(session, ctx, SENDER, event, f"dossier:{done.dossier_code}", details)

    ctx.sessions.write(record)
