"""Notices the decrees require the desk to send the citizen, as plain rules.

What kinds there are and which article asks for each (by the dossier's
rules: a dossier received under Decree 61 has no early-result or closing
notice), which channels reach the citizen, and the text: a template from
resources/notices/ filled with the dossier's facts. The notice records the
text as sent; a template changed later does not rewrite it.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from counter_app.domain.procedure_rules import DECREE_118, ProcedureRules


class NoticeKind(StrEnum):
    EXTENSION = "extension"  # Decree 118 Art. 19(6) (Decree 61 Art. 19: the apology)
    EARLY_RESULT = "early_result"  # Art. 22(5)
    ONLINE_ACCEPTED = "online_accepted"  # Art. 17(2)
    ONLINE_CHANGES = "online_changes"  # Art. 17(2)
    CLOSING = "closing"  # Art. 19(5)


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    # A call by the official: recorded (who, when), nothing is sent.
    PHONE = "phone"


class NoticeState(StrEnum):
    DUE = "due"
    # Claimed by a sender that is talking to the server now (or crashed doing so).
    SENDING = "sending"
    SENT = "sent"
    # The server refused it; retried a few times, then left for the official.
    FAILED = "failed"
    # A phone call the official made and recorded.
    RECORDED = "recorded"


SENT_BY_SERVER = (Channel.EMAIL, Channel.SMS)


def required_by(kind: NoticeKind, rules: ProcedureRules) -> str | None:
    """The article that asks for this notice under the dossier's rules, or
    None when its decree asks for none."""
    if kind is NoticeKind.EXTENSION:
        return rules.extension_limit.basis
    if kind is NoticeKind.CLOSING:
        return rules.closing_days.basis if rules.closing_days.value is not None else None
    if kind in (NoticeKind.ONLINE_ACCEPTED, NoticeKind.ONLINE_CHANGES):
        hours = rules.online_answer_hours
        return hours.basis if hours.value is not None else None
    # Article 22(5) is new in Decree 118; Decree 61 asked no early notice.
    return f"{DECREE_118}, Điều 22 khoản 5" if rules.decree == DECREE_118 else None


@dataclass(frozen=True)
class Reach:
    """How the citizen can be reached, and what the desk can send with."""

    email: str = ""
    phone: str = ""
    mail_ready: bool = False
    sms_ready: bool = False


def channels(reach: Reach) -> list[tuple[Channel, str]]:
    """Each (channel, recipient) a notice goes out on.

    An e-mail address gets a mail (queued until a mail server is set when
    none is: the window shows it due); a phone number gets a message through
    the gateway, or, with no gateway, a call for the official to make and
    record. Nobody to reach: no notice (the citizen learns at the desk).
    """
    found: list[tuple[Channel, str]] = []
    email, phone = reach.email.strip(), reach.phone.strip()
    if email:
        found.append((Channel.EMAIL, email))
    if phone:
        found.append((Channel.SMS if reach.sms_ready else Channel.PHONE, phone))
    return found


@dataclass(frozen=True)
class Template:
    """One kind's texts: a mail subject and body, and a short message (also
    what the official reads out on a call)."""

    subject: str
    body: str
    short: str


PLACEHOLDERS = frozenset(
    {"code", "name", "procedure", "unit", "phone", "basis", "old_date", "new_date", "reason"}
)


def placeholders_of(text: str) -> set[str]:
    return {f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f}


@dataclass(frozen=True)
class NoticeFacts:
    code: str
    name: str
    procedure: str
    unit: str
    phone: str
    basis: str
    old_date: datetime | None = None
    new_date: datetime | None = None
    reason: str = ""


def when(moment: datetime | None) -> str:
    return moment.strftime("%H:%M ngày %d/%m/%Y") if moment is not None else ""


@dataclass(frozen=True)
class NoticeText:
    subject: str
    text: str


def compose(template: Template, facts: NoticeFacts, channel: Channel) -> NoticeText:
    values = {
        "code": facts.code,
        "name": facts.name,
        "procedure": facts.procedure,
        "unit": facts.unit,
        "phone": facts.phone,
        "basis": facts.basis,
        "old_date": when(facts.old_date),
        "new_date": when(facts.new_date),
        "reason": facts.reason,
    }
    subject = template.subject.format(**values)
    body = template.body if channel is Channel.EMAIL else template.short
    return NoticeText(subject, body.format(**values).strip())
