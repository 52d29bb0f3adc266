"""``counter-app notices …``: the notices owed to citizens (Decree 118
Articles 17(2), 19(5), 19(6), 22(5)), sending them, recording a call, and the
mail server and SMS gateway they go out through."""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any

from counter_app.cli_common import _official, _runtime, _tr, add_by, bounded_int
from counter_app.domain.messages import QT_TRANSLATE_NOOP

# Secrets for scripts; else asked on the terminal.
MAIL_PASSWORD_ENV = "COUNTER_APP_MAIL_PASSWORD"
SMS_TOKEN_ENV = "COUNTER_APP_SMS_TOKEN"


def _secret(variable: str, prompt: str) -> str:
    return os.environ.get(variable) or getpass.getpass(prompt)


def cmd_notices_list(args: argparse.Namespace) -> int:
    from counter_app.services.notices import list_notices

    _official(args)
    for n in list_notices(_runtime(args).ctx, args.code):
        done = f"{n.done_at:%Y-%m-%d %H:%M} {n.done_by}" if n.done_at else "-"
        print(
            "\t".join(
                (
                    n.uuid,
                    n.dossier_code,
                    n.kind,
                    n.channel,
                    n.recipient,
                    n.state,
                    done,
                    n.last_error,
                )
            )
        )
    return 0


def cmd_notices_send(args: argparse.Namespace) -> int:
    from counter_app.services.notice_sending import send_due

    rt = _runtime(args)
    report = send_due(rt.ctx, rt.data_dir)
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli", "Notices sent: {sent}; waiting for the link: {waiting}; refused: {failed}."
            ),
            sent=report.sent,
            waiting=report.waiting,
            failed=report.failed,
        )
    )
    return 0


def cmd_notices_called(args: argparse.Namespace) -> int:
    from counter_app.services.notices import record_call

    row = record_call(_runtime(args).ctx, _official(args), args.notice)
    print(f"{row.uuid}\t{row.state}\t{row.done_at:%Y-%m-%d %H:%M}\t{row.done_by}")
    return 0


def cmd_notices_mail(args: argparse.Namespace) -> int:
    from counter_app.domain.workflow import Role
    from counter_app.services.notice_settings import MailServer, Security, set_mail_server

    rt = _runtime(args)
    admin = _official(args, Role.ADMIN)
    if args.remove:
        set_mail_server(rt.ctx, admin, rt.data_dir, None)
        return 0
    server = MailServer(args.host, args.port, Security(args.security), args.user, args.sender)
    password = (
        _secret(MAIL_PASSWORD_ENV, f"{args.user} — mật khẩu máy chủ thư: ") if args.user else ""
    )
    set_mail_server(rt.ctx, admin, rt.data_dir, server, password)
    return 0


def cmd_notices_sms(args: argparse.Namespace) -> int:
    from counter_app.domain.workflow import Role
    from counter_app.services.notice_settings import SmsGateway, set_sms_gateway

    rt = _runtime(args)
    admin = _official(args, Role.ADMIN)
    if args.remove:
        set_sms_gateway(rt.ctx, admin, rt.data_dir, None)
        return 0
    token = _secret(SMS_TOKEN_ENV, "Mã truy cập cổng SMS: ")
    set_sms_gateway(rt.ctx, admin, rt.data_dir, SmsGateway(args.url), token)
    return 0


def register(sub: Any) -> None:
    n = sub.add_parser("notices", help="notices to citizens: list, send, calls").add_subparsers(
        dest="notices_cmd", required=True
    )
    nl = n.add_parser("list", help="the notices still to send first, then those done")
    nl.add_argument("--code", help="only this dossier's")
    add_by(nl)
    nl.set_defaults(func=cmd_notices_list)
    ns = n.add_parser("send", help="send the notices due (mail, SMS) now")
    ns.set_defaults(func=cmd_notices_send)
    nc = n.add_parser("called", help="record that you told the citizen a notice by phone")
    nc.add_argument("notice", help="the notice's id (from notices list)")
    add_by(nc)
    nc.set_defaults(func=cmd_notices_called)
    nm = n.add_parser(
        "mail-server",
        help=f"the mail server notices go out through (password: ${MAIL_PASSWORD_ENV})",
    )
    g = nm.add_mutually_exclusive_group(required=True)
    g.add_argument("--host")
    g.add_argument("--remove", action="store_true")
    nm.add_argument("--port", type=bounded_int(1, 65535), default=587)
    nm.add_argument("--security", choices=("starttls", "ssl", "none"), default="starttls")
    nm.add_argument("--user", default="")
    nm.add_argument("--sender", default="", help="the From address")
    add_by(nm, "the administrator")
    nm.set_defaults(func=cmd_notices_mail)
    ng = n.add_parser(
        "sms-gateway", help=f"the HTTP gateway for messages to phones (token: ${SMS_TOKEN_ENV})"
    )
    g = ng.add_mutually_exclusive_group(required=True)
    g.add_argument("--url")
    g.add_argument("--remove", action="store_true")
    add_by(ng, "the administrator")
    ng.set_defaults(func=cmd_notices_sms)
