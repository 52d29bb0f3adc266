"""Where the counter sends notices from: its mail server and its SMS gateway.

What is not secret (host, port, security, user name, sender; the gateway's
address) is a setting in the database, so a step knows in its own unit of
work whether a message can go out. The password and the gateway's token sit
in ``notices-secret.json`` in the data folder, mode 0600 like the central
connection file, never in the database nor its backups.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from counter_app.domain.bounds import check_count, check_text
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.workflow import Role
from counter_app.models import Setting
from counter_app.private_files import write_atomic
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext

_CTX = "Notices"
MAIL_KEY = "notice_mail"
SMS_KEY = "notice_sms"
SECRETS_FILENAME = "notices-secret.json"
_HOST = re.compile(r"^[A-Za-z0-9.-]{1,253}$|^\[[0-9A-Fa-f:.]+\]$")
_ADDRESS = re.compile(r"^[^@\s<>\"]+@[^@\s<>\".]+(\.[^@\s<>\".]+)+$")


class Security(StrEnum):
    STARTTLS = "starttls"
    SSL = "ssl"
    # Only for a relay on the desk's own network or loopback.
    NONE = "none"


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    security: Security
    username: str
    sender: str  # the From address, e.g. motcua@hoangvanthu.langson.gov.vn


@dataclass(frozen=True)
class SmsGateway:
    url: str


@dataclass(frozen=True)
class Secrets:
    mail_password: str = ""
    sms_token: str = ""


def _error(source: str, field: str, **params: object) -> UserError:
    return UserError(Message(_CTX, source, dict(params)), field=field)


def mail_server(session: Session) -> MailServer | None:
    row = session.get(Setting, MAIL_KEY)
    if row is None:
        return None
    data = json.loads(row.value)
    return MailServer(**{**data, "security": Security(data["security"])})


def sms_gateway(session: Session) -> SmsGateway | None:
    row = session.get(Setting, SMS_KEY)
    return SmsGateway(**json.loads(row.value)) if row is not None else None


def secrets(directory: Path) -> Secrets:
    path = directory / SECRETS_FILENAME
    if not path.exists():
        return Secrets()
    data = json.loads(path.read_text(encoding="utf-8"))
    return Secrets(str(data.get("mail_password", "")), str(data.get("sms_token", "")))


def _write_secrets(directory: Path, value: Secrets) -> None:
    write_atomic(directory / SECRETS_FILENAME, json.dumps(asdict(value)).encode("utf-8"))


def check_mail_server(server: MailServer) -> None:
    if not _HOST.match(server.host):
        raise _error(
            QT_TRANSLATE_NOOP("Notices", "Write the mail server's name, e.g. smtp.example.vn."),
            "host",
        )
    check_count(server.port, "port", low=1, high=65535)
    check_text(server.username, "username")
    if not _ADDRESS.match(server.sender) or len(server.sender) > 254:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Notices", "Write the address the mail is sent from, e.g. motcua@xa.gov.vn."
            ),
            "sender",
        )


def check_gateway(gateway: SmsGateway) -> None:
    parts = urlsplit(gateway.url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(gateway.url) > 400:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Notices", "Write the SMS gateway's address, starting with https:// or http://."
            ),
            "url",
        )


def _save(session: Session, key: str, value: dict[str, object] | None) -> None:
    row = session.get(Setting, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    text = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text


def set_mail_server(
    ctx: ServiceContext,
    actor: Actor,
    directory: Path,
    server: MailServer | None,
    password: str | None = None,
) -> None:
    """Set (or, with None, remove) the mail server; ``password`` None keeps the stored one."""
    if server is not None:
        check_mail_server(server)

    def save(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        _save(session, MAIL_KEY, None if server is None else {**asdict(server)})
        shown = {k: v for k, v in asdict(server).items()} if server else None
        audit.log_event(session, ctx, actor.username, "notices.mail_server", "settings", shown)
        # The file follows the committed setting: written last, inside the unit of work.
        if server is None or password is not None:
            old = secrets(directory)
            _write_secrets(directory, Secrets(password or "", old.sms_token))

    ctx.sessions.write(save)


def set_sms_gateway(
    ctx: ServiceContext,
    actor: Actor,
    directory: Path,
    gateway: SmsGateway | None,
    token: str | None = None,
) -> None:
    """Set (or, with None, remove) the SMS gateway; ``token`` None keeps the stored one."""
    if gateway is not None:
        check_gateway(gateway)

    def save(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        _save(session, SMS_KEY, None if gateway is None else {**asdict(gateway)})
        shown = {"url": gateway.url} if gateway else None
        audit.log_event(session, ctx, actor.username, "notices.sms_gateway", "settings", shown)
        if gateway is None or token is not None:
            old = secrets(directory)
            _write_secrets(directory, Secrets(old.mail_password, token or ""))

    ctx.sessions.write(save)
