"""``counter-app sync …``: the counter's side of the command line (connect to
the centre, sync, status, download again). The province administrator's side,
``counter-app central …``, is in cli_central."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counter_app.cli_common import _has_officials, _login, _official, _runtime, _tr, add_by
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError


def _directory(args: argparse.Namespace) -> Path:
    return Path(_runtime(args).data_dir)


def _official_once_there_is_one(args: argparse.Namespace) -> None:
    """A logged-in official, except on a counter just connected: its officials
    come down with its first sync, and it holds no citizen's data before them."""
    if _has_officials(_runtime(args).ctx):
        _official(args)


def cmd_sync_once(args: argparse.Namespace) -> int:
    from counter_app.sync.service import sync_once

    _official_once_there_is_one(args)
    report = sync_once(_runtime(args).ctx, _directory(args))
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Sync done: {sent} changes sent ({refused} refused), {received} received, "
                "{conflicts} conflicts.",
            ),
            sent=report.push.sent,
            refused=report.push.refused,
            received=report.pull.applied,
            conflicts=report.pull.conflicts,
        )
    )
    return 0


def cmd_sync_connect(args: argparse.Namespace) -> int:
    from counter_app.sync.service import connect

    actor = _login(args, args.by) if args.by else None
    settings = connect(_runtime(args).ctx, _directory(args), Path(args.file), actor)
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli", "Connected: {counter} of {agency}, code slot {slot}, ledger book {book}."
            ),
            counter=settings.counter_name,
            agency=settings.agency_id,
            slot=settings.code_slot,
            book=settings.ledger_book,
        )
    )
    return 0


def cmd_sync_request(args: argparse.Namespace) -> int:
    from counter_app.domain.workflow import Role
    from counter_app.sync.service import registration_request
    from counter_app.wire import registration_request as request_file

    _official(args, Role.ADMIN)
    request = registration_request(_runtime(args).ctx)
    if request is None:
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "This counter is not set up yet: run \u201ccounter-app setup\u201d first, "
                    "or import the connection file the IT staff made with \u201csync connect\u201d.",
                ),
            )
        )
    try:
        request_file.write(Path(args.out), request)
    except OSError:
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Cannot write \u201c{path}\u201d; check that its folder exists and may be "
                    "written.",
                ),
                {"path": args.out},
            )
        ) from None
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Registration request of {counter} (identity {uuid}) written to {path}; the "
                "province's IT staff register it with \u201ccounter-app central "
                "register-counter --request\u201d.",
            ),
            counter=request.counter_name,
            uuid=request.counter_uuid,
            path=args.out,
        )
    )
    return 0


def cmd_sync_status(args: argparse.Namespace) -> int:
    from counter_app.i18n import render
    from counter_app.services.setup import get_counter
    from counter_app.sync.service import reachable, status
    from counter_app.ui.sync_issues_dialog import DIRECTIONS, KINDS, label

    _official_once_there_is_one(args)  # the records needing attention are citizens' dossiers
    directory = _directory(args)
    st = status(_runtime(args).ctx, directory)
    online = st.connected and reachable(directory)
    counter = get_counter(_runtime(args).ctx)
    if counter is not None:
        # What the province's IT staff register the counter under.
        print(
            _tr(
                QT_TRANSLATE_NOOP("Cli", "Counter: {counter} of {agency}, identity {uuid}."),
                counter=counter.counter_name,
                agency=counter.agency_id,
                uuid=counter.uuid,
            )
        )
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Central database: {state}. Changes waiting to be sent: {waiting}. "
                "Last successful sync: {last}. Records needing attention: {issues}.",
            ),
            state=_tr(QT_TRANSLATE_NOOP("Cli", "online"))
            if online
            else _tr(QT_TRANSLATE_NOOP("Cli", "offline")),
            waiting=st.waiting,
            last=st.last_success.strftime("%d/%m/%Y %H:%M") if st.last_success else "—",
            issues=len(st.issues),
        )
    )
    if st.files_pending or st.signatures_waiting:
        print(
            _tr(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Electronic copies not yet held whole at the centre: {files}. "
                    "Signatures made offline waiting for a timestamp (B-LT): {signatures}.",
                ),
                files=st.files_pending,
                signatures=st.signatures_waiting,
            )
        )
    for issue in st.issues:
        # Which record, what and why: the dossier's code when there is one,
        # its uuid always (the IT staff look it up at the centre by either).
        record = f"{issue.record} ({issue.row_uuid})" if issue.record else issue.row_uuid
        print(
            f"  [{label(DIRECTIONS, issue.direction)}] {label(KINDS, issue.kind)} {record}: "
            f"{render(issue.message)}"
        )
    return 0


def cmd_sync_resync(args: argparse.Namespace) -> int:
    from counter_app.domain.workflow import Role
    from counter_app.sync.service import resync_all

    _official(args, Role.ADMIN)
    report = resync_all(_runtime(args).ctx, _directory(args))
    print(
        _tr(
            QT_TRANSLATE_NOOP("Cli", "Downloaded again from the centre: {count} records."),
            count=report.applied,
        )
    )
    return 0


def register(sub: Any) -> None:
    s = sub.add_parser("sync", help="send this counter's changes and receive the centre's")
    add_by(s, "the official (not before the counter's first sync brought its officials)")
    s.set_defaults(func=cmd_sync_once)
    ss = s.add_subparsers(dest="sync_cmd")
    # SUPPRESS: a subcommand's --by must not blank the one given before it.
    sc = ss.add_parser("connect", help="import the connection file from the centre")
    sc.add_argument("file")
    add_by(sc, "the administrator, when the counter is set up already", default=argparse.SUPPRESS)
    sc.set_defaults(func=cmd_sync_connect)
    rq = ss.add_parser("request", help="write this counter's registration request for the centre")
    rq.add_argument("--out", required=True, help="the file to give the province's IT staff")
    add_by(rq, "the administrator", default=argparse.SUPPRESS)
    rq.set_defaults(func=cmd_sync_request)
    st = ss.add_parser("status", help="online or not, changes waiting, quarantine")
    add_by(st, default=argparse.SUPPRESS)
    st.set_defaults(func=cmd_sync_status)
    rs = ss.add_parser("resync", help="download everything again (after a long absence)")
    add_by(rs, "the administrator", default=argparse.SUPPRESS)
    rs.set_defaults(func=cmd_sync_resync)
