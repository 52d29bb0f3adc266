"""How a notice leaves the counter: SMTP for a mail, an HTTP gateway for a
message to the citizen's phone.

Each transport raises :class:`SendFailed` saying whether the failure is the
link's (``retry``: the notice stays due and goes out when the link returns)
or the server's answer about this notice (refused recipient: failed, with
the server's reason). Every call has a timeout, so a dead link never holds a
sender longer than ``TIMEOUT_S`` per notice.
"""

from __future__ import annotations

import json
import smtplib
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from email.header import Header
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr
from typing import Protocol

from counter_app.services.notice_settings import MailServer, Security, SmsGateway

TIMEOUT_S = 20.0


class SendFailed(Exception):
    def __init__(self, reason: str, *, retry: bool) -> None:
        super().__init__(reason)
        self.reason = reason[:500]
        self.retry = retry


@dataclass(frozen=True)
class Outgoing:
    """A notice as a transport sees it."""

    uuid: str
    recipient: str
    subject: str
    text: str
    created_at: datetime


def message_id(notice_uuid: str, sender: str) -> str:
    """The same for every attempt of one notice: a mail sent again after a
    crash carries the Message-ID of the first, and mail systems and clients
    that drop duplicates by Message-ID show the citizen one mail."""
    domain = sender.rpartition("@")[2] or "counter-app.invalid"
    return f"<notice-{notice_uuid}@{domain}>"


class Mailer:
    def __init__(self, server: MailServer, password: str, from_name: str = "") -> None:
        self.server = server
        self.password = password
        self.from_name = from_name

    def build(self, notice: Outgoing) -> MIMEText:
        # The legacy Header encoder: Python's newer one, folding a long
        # Vietnamese subject, drops the space at the fold ("gia hạn" reads
        # "giahạn" in the citizen's mail client).
        msg = MIMEText(notice.text, "plain", "utf-8")
        msg["From"] = formataddr((self.from_name, self.server.sender), charset="utf-8")
        msg["To"] = notice.recipient
        msg["Subject"] = Header(notice.subject, "utf-8")  # type: ignore[assignment]
        msg["Date"] = format_datetime(notice.created_at.astimezone())
        msg["Message-ID"] = message_id(notice.uuid, self.server.sender)
        return msg

    def send(self, notice: Outgoing) -> None:
        s = self.server
        context = ssl.create_default_context()
        try:
            if s.security is Security.SSL:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=TIMEOUT_S, context=context
                )
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT_S)
            with smtp:
                if s.security is Security.STARTTLS:
                    smtp.starttls(context=context)
                if s.username:
                    smtp.login(s.username, self.password)
                smtp.send_message(self.build(notice))
        except smtplib.SMTPRecipientsRefused as exc:
            reasons = "; ".join(
                f"{code} {text.decode(errors='replace')}" for code, text in exc.recipients.values()
            )
            raise SendFailed(reasons, retry=_temporary(exc.recipients.values())) from exc
        except smtplib.SMTPResponseException as exc:
            # 4xx: try later; 5xx about this mail: refused. A refused login is
            # the desk's setting, not the notice: it waits for the fix.
            reason = f"{exc.smtp_code} {_text(exc.smtp_error)}"
            permanent = exc.smtp_code >= 500 and not isinstance(
                exc, smtplib.SMTPAuthenticationError
            )
            raise SendFailed(reason, retry=not permanent) from exc
        except (OSError, smtplib.SMTPException) as exc:
            # No link, a timeout, a dropped connection, a TLS failure.
            raise SendFailed(f"{type(exc).__name__}: {exc}", retry=True) from exc


def _text(value: bytes | str) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def _temporary(answers: object) -> bool:
    return all(400 <= code < 500 for code, _text_ in answers)  # type: ignore[attr-defined]


class SmsSender(Protocol):
    """A gateway that delivers a text to a phone number. ``reference`` is the
    notice's UUID, the same at every attempt: a gateway that keeps it drops a
    second request for one notice."""

    def send(self, phone: str, text: str, reference: str) -> None: ...


class HttpSmsGateway:
    """POSTs ``{"to", "text", "reference"}`` as JSON with a bearer token and an
    ``Idempotency-Key`` header; any 2xx answer means the gateway took it."""

    def __init__(self, gateway: SmsGateway, token: str, timeout_s: float = TIMEOUT_S) -> None:
        self.url = gateway.url
        self.token = token
        self.timeout_s = timeout_s

    def send(self, phone: str, text: str, reference: str) -> None:
        body = json.dumps({"to": phone, "text": text, "reference": reference}, ensure_ascii=False)
        request = urllib.request.Request(
            self.url,
            data=body.encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Idempotency-Key": reference,
                **({"Authorization": f"Bearer {self.token}"} if self.token else {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as answer:  # noqa: S310 - http(s) only, checked in notice_settings
                answer.read(4096)
        except urllib.error.HTTPError as exc:
            detail = exc.read(300).decode("utf-8", errors="replace")
            retry = exc.code >= 500 or exc.code in (408, 429) or exc.code in (401, 403)
            raise SendFailed(f"HTTP {exc.code} {detail}".strip(), retry=retry) from exc
        except (OSError, urllib.error.URLError) as exc:
            raise SendFailed(f"{type(exc).__name__}: {exc}", retry=True) from exc
