"""Notices to the citizen: made in the unit of work of the step that calls for
them, listed for the window, a phone call recorded by the official.

Sending is counter_app/services/notice_sending.py. Hooks for the lead: a
closing (``for_closing``) and the answer to an online dossier
(``for_online_answer``) call in their own step's session, like
``after_step`` does for an extension and an early result.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.errors import NotFound
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.notices import (
    PLACEHOLDERS,
    Channel,
    NoticeFacts,
    NoticeKind,
    NoticeState,
    Reach,
    Template,
    channels,
    compose,
    placeholders_of,
    required_by,
)
from counter_app.domain.workflow import Action
from counter_app.models import Dossier, Notice
from counter_app.resources_path import resource
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.notice_settings import mail_server, sms_gateway
from counter_app.services.views import rules_of

_CTX = "Notices"
TEMPLATES_FILE = ("notices", "vi.json")
# The window lists what is still to do and the latest that went out.
LIST_LIMIT = 500


@functools.cache
def templates() -> dict[NoticeKind, Template]:
    """The shipped texts, one per kind; a placeholder the code does not fill
    fails here, at the first notice, not in a citizen's mail."""
    raw = json.loads(resource(*TEMPLATES_FILE).read_text(encoding="utf-8"))["templates"]
    found = {NoticeKind(k): Template(**v) for k, v in raw.items()}
    for kind, t in found.items():
        unknown = placeholders_of(t.subject + t.body + t.short) - PLACEHOLDERS
        if unknown:
            raise ValueError(f"notice template {kind}: unknown placeholders {sorted(unknown)}")
    return found


def create_due(
    session: Session,
    dossier: Dossier,
    kind: NoticeKind,
    *,
    by: str,
    now: datetime,
    old_date: datetime | None = None,
    new_date: datetime | None = None,
    reason: str = "",
) -> list[Notice]:
    """The notices of ``kind`` for ``dossier``, one per channel the citizen can
    be reached on, due now; none when the dossier's decree asks for none."""
    rules = rules_of(dossier)
    basis = required_by(kind, rules)
    if basis is None:
        return []
    reach = Reach(
        email=dossier.applicant_email,
        phone=dossier.applicant_phone,
        mail_ready=mail_server(session) is not None,
        sms_ready=sms_gateway(session) is not None,
    )
    counter = counter_identity(session)
    facts = NoticeFacts(
        code=dossier.code,
        name=dossier.applicant_name,
        procedure=dossier.procedure_name,
        unit=dossier.unit_name or counter.unit_name or counter.agency_name,
        phone=counter.phone,
        basis=basis,
        old_date=old_date,
        new_date=new_date,
        reason=reason,
    )
    made = []
    for channel, recipient in channels(reach):
        text = compose(templates()[kind], facts, channel)
        notice = Notice(
            dossier_id=dossier.id,
            dossier_code=dossier.code,
            kind=kind.value,
            channel=channel.value,
            recipient=recipient,
            subject=text.subject,
            text=text.text,
            basis=basis,
            created_at=now,
            created_by=by,
            state=NoticeState.DUE.value,
            attempts=0,
            last_error="",
            done_by="",
        )
        session.add(notice)
        made.append(notice)
    if made:
        # The notice rows stay on the counter; the audit log (synced) tells
        # the province that the desk owes the citizen this notice.
        audit.record(
            session,
            at=now,
            username=by,
            counter_uuid=counter.uuid,
            event="notice.due",
            entity=f"dossier:{dossier.code}",
            details={"kind": kind.value, "basis": basis, "channels": [n.channel for n in made]},
        )
    return made


def after_step(
    session: Session,
    dossier: Dossier,
    by: str,
    action: Action,
    now: datetime,
    data: dict[str, object],
    note: str,
) -> None:
    """The notices a step just taken calls for (called by apply_step)."""
    if action is Action.APOLOGISE:
        create_due(
            session,
            dossier,
            NoticeKind.EXTENSION,
            by=by,
            now=now,
            old_date=datetime.fromisoformat(str(data["old_appointment"])),
            new_date=dossier.appointment_at,
            reason=note,
        )
    elif action is Action.CLOSE:
        for_closing(session, dossier, by, now)
    elif action is Action.PREPARE_RESULT and now.date() < dossier.appointment_at.date():
        # Ready on a day before the appointment's (Article 22(5)). A result
        # ready on the appointment's own day (4 tại chỗ, or hours early) is
        # what the citizen was told already.
        create_due(
            session,
            dossier,
            NoticeKind.EARLY_RESULT,
            by=by,
            now=now,
            old_date=dossier.appointment_at,
            new_date=now,
        )


def for_closing(session: Session, dossier: Dossier, by: str, now: datetime) -> list[Notice]:
    """Article 19(5): the citizen is told the dossier was closed."""
    return create_due(session, dossier, NoticeKind.CLOSING, by=by, now=now, new_date=now)


def for_online_answer(
    session: Session, dossier: Dossier, by: str, now: datetime, *, accepted: bool, reason: str = ""
) -> list[Notice]:
    """Article 17(2): an online dossier accepted, or changes asked (the lead's hook)."""
    kind = NoticeKind.ONLINE_ACCEPTED if accepted else NoticeKind.ONLINE_CHANGES
    return create_due(
        session, dossier, kind, by=by, now=now, new_date=dossier.appointment_at, reason=reason
    )


@dataclass(frozen=True)
class NoticeRow:
    uuid: str
    dossier_code: str
    kind: NoticeKind
    channel: Channel
    recipient: str
    subject: str
    text: str
    basis: str
    state: NoticeState
    created_at: datetime
    created_by: str
    attempts: int
    last_error: str
    done_at: datetime | None
    done_by: str


def _row(n: Notice) -> NoticeRow:
    return NoticeRow(
        uuid=n.uuid,
        dossier_code=n.dossier_code,
        kind=NoticeKind(n.kind),
        channel=Channel(n.channel),
        recipient=n.recipient,
        subject=n.subject,
        text=n.text,
        basis=n.basis,
        state=NoticeState(n.state),
        created_at=n.created_at,
        created_by=n.created_by,
        attempts=n.attempts,
        last_error=n.last_error,
        done_at=n.done_at,
        done_by=n.done_by,
    )


OPEN_STATES = (NoticeState.DUE, NoticeState.SENDING, NoticeState.FAILED)


def list_notices(ctx: ServiceContext, dossier_code: str | None = None) -> list[NoticeRow]:
    """Those still to go out first (oldest first), then the latest done."""
    with ctx.sessions() as session:
        query = select(Notice)
        if dossier_code is not None:
            query = query.where(Notice.dossier_code == dossier_code.strip().upper())
        open_ = session.scalars(
            query.where(Notice.state.in_([s.value for s in OPEN_STATES])).order_by(Notice.id)
        ).all()
        done = session.scalars(
            query.where(Notice.state.not_in([s.value for s in OPEN_STATES]))
            .order_by(Notice.id.desc())
            .limit(LIST_LIMIT)
        ).all()
        return [_row(n) for n in (*open_, *done)]


def open_count(ctx: ServiceContext) -> int:
    with ctx.sessions() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(Notice)
                .where(Notice.state.in_([s.value for s in OPEN_STATES]))
            )
            or 0
        )


def record_call(ctx: ServiceContext, actor: Actor, notice_uuid: str) -> NoticeRow:
    """The official called the citizen and told them: who, when."""

    def record(session: Session) -> NoticeRow:
        user = acting_user(session, actor)
        notice = session.scalars(select(Notice).where(Notice.uuid == notice_uuid)).first()
        if notice is None:
            raise NotFound(Message(_CTX, QT_TRANSLATE_NOOP("Notices", "No such notice.")))
        if notice.channel != Channel.PHONE.value or notice.state != NoticeState.DUE.value:
            raise UserError(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "Notices", "Only a phone call still to make can be recorded as made."
                    ),
                )
            )
        now = ctx.now()
        notice.state = NoticeState.RECORDED.value
        notice.done_at = now
        notice.done_by = user.username
        audit.log_event(
            session,
            ctx,
            user.username,
            "notice.called",
            f"dossier:{notice.dossier_code}",
            {"kind": notice.kind, "notice": notice.uuid},
        )
        return _row(notice)

    return ctx.sessions.write(record)
