"""``counter-app sync …`` (the counter's side) and ``counter-app central …``
(the province administrator's side) of the command line."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from counter_app.cli_common import (
    _has_officials,
    _login,
    _official,
    _parse_date,
    _password,
    _runtime,
    _tr,
    add_by,
    bounded_int,
)
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

CENTRAL_URL_ENV = "COUNTER_APP_CENTRAL_URL"


def _directory(args: argparse.Namespace) -> Path:
    return Path(_runtime(args).data_dir)


# --- the counter ----------------------------------------------------------------


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


# --- the centre -----------------------------------------------------------------


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


def cmd_central_init(args: argparse.Namespace) -> int:
    from counter_app.centre.schema import init

    init(_central_engine(args))
    print(_tr(QT_TRANSLATE_NOOP("Cli", "Central database is ready.")))
    return 0


_REGISTRATION_OPTIONS = (
    "agency_id",
    "agency_name",
    "unit_name",
    "counter_name",
    "parent_name",
    "place",
    "phone",
    "counter_uuid",
)


def _registration_values(args: argparse.Namespace) -> dict[str, Any]:
    """The counter's request file first, then each option given on the command
    line (the IT staff may correct a name); register_counter checks them all."""
    from counter_app.wire import registration_request

    values: dict[str, Any] = dict.fromkeys(_REGISTRATION_OPTIONS, "")
    values["counter_uuid"] = None
    if args.request:
        values |= registration_request.parse(Path(args.request)).__dict__
    for name in _REGISTRATION_OPTIONS:
        given = getattr(args, name)
        if given is not None:
            values[name] = given
    for name in ("agency_id", "agency_name", "unit_name", "counter_name"):
        if not values[name]:
            raise UserError(
                Message(
                    "Cli",
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "Give --{option}, or the counter's registration request with --request "
                        "FILE.",
                    ),
                    {"option": name.replace("_", "-")},
                ),
                field=name,
            )
    return values


def cmd_central_register(args: argparse.Namespace) -> int:
    from counter_app.centre.admin import register_counter
    from counter_app.wire.connection_file import write

    out = Path(args.out)

    def deliver(settings: Any) -> None:
        # Written before the registration commits: a file that cannot be
        # written leaves no role and no counter behind at the centre.
        try:
            write(out, settings)
        except OSError:
            raise UserError(
                Message(
                    "Cli",
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "Cannot write the connection file \u201c{path}\u201d; check that its "
                        "folder exists and may be written. Nothing was registered.",
                    ),
                    {"path": args.out},
                )
            ) from None

    settings = register_counter(
        _central_engine(args), **_registration_values(args), deliver=deliver
    )
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Counter registered: code slot {slot}, ledger book {book}. Connection file "
                "(keep it private): {path}",
            ),
            slot=settings.code_slot,
            book=settings.ledger_book,
            path=args.out,
        )
    )
    return 0


def cmd_central_unregister(args: argparse.Namespace) -> int:
    from counter_app.centre.admin import unregister_counter

    name, slot = unregister_counter(_central_engine(args), args.counter_uuid)
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Counter \u201c{counter}\u201d removed from the centre with its database role; "
                "code slot {slot} is free again.",
            ),
            counter=name,
            slot=slot,
        )
    )
    return 0


def cmd_central_catalogue(args: argparse.Namespace) -> int:
    from counter_app.catalogue_files import load_catalogue
    from counter_app.centre.admin import import_catalogue

    result = load_catalogue(Path(args.file))
    count = import_catalogue(_central_engine(args), result.procedures)
    print(
        _tr(
            QT_TRANSLATE_NOOP("Cli", "Catalogue sent to every counter: {count} procedures."),
            count=count,
        )
    )
    return 0 if not result.errors else 2


def cmd_central_user(args: argparse.Namespace) -> int:
    from counter_app.centre.admin import add_user
    from counter_app.domain.workflow import Role
    from counter_app.services.users import MIN_PASSWORD, hash_password

    try:
        roles = [Role(r.strip()) for r in args.roles.split(",") if r.strip()]
    except ValueError:
        roles = []
    if not roles:
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "Unknown role in \u201c{value}\u201d; use: {roles}."),
                {"value": args.roles[:80], "roles": ", ".join(r.value for r in Role)},
            ),
            field="roles",
        )
    password = _password("Mật khẩu: ")
    if len(password) < MIN_PASSWORD:
        raise UserError(
            Message(
                "Users",
                QT_TRANSLATE_NOOP("Users", "The password must have at least {count} characters."),
                {"count": MIN_PASSWORD},
            ),
            field="password",
        )
    add_user(
        _central_engine(args),
        username=args.username,
        full_name=args.full_name,
        password_hash=hash_password(password),
        roles=roles,
        title=args.title,
        agency_id=args.agency_id,
    )
    print(_tr(QT_TRANSLATE_NOOP("Cli", "Official saved; counters receive it at their next sync.")))
    return 0


def _cmd_central_day(working: bool):  # noqa: ANN202 - an argparse handler
    def run(args: argparse.Namespace) -> int:
        from counter_app.centre.admin import set_calendar_day

        set_calendar_day(
            _central_engine(args), _parse_date(args.date), working=working, name=args.name
        )
        print(_tr(QT_TRANSLATE_NOOP("Cli", "Saved; counters receive it at their next sync.")))
        return 0

    return run


def cmd_central_online(args: argparse.Namespace) -> int:
    from counter_app.centre.admin import import_online, load_portal_file

    entries = load_portal_file(Path(args.file))
    codes = import_online(_central_engine(args), entries, amend=args.amend)
    print(
        _tr(
            QT_TRANSLATE_NOOP("Cli", "Online dossiers imported: {count}."),
            count=len(codes),
        )
    )
    return 0


def cmd_central_note(args: argparse.Namespace) -> int:
    from datetime import datetime

    from counter_app.centre.admin import record_note

    record_note(
        _central_engine(args),
        args.code,
        department=args.department,
        note=args.text,
        at=datetime.now(),
    )
    print(_tr(QT_TRANSLATE_NOOP("Cli", "Saved; counters receive it at their next sync.")))
    return 0


def cmd_central_hand_over(args: argparse.Namespace) -> int:
    from counter_app.centre.admin import hand_over

    hand_over(_central_engine(args), args.code, args.to_counter)
    print(_tr(QT_TRANSLATE_NOOP("Cli", "Saved; counters receive it at their next sync.")))
    return 0


def cmd_central_prune(args: argparse.Namespace) -> int:
    from counter_app.centre import feed

    with _central_engine(args).begin() as conn:
        count = feed.prune(conn, args.days)
    print(_tr(QT_TRANSLATE_NOOP("Cli", "Feed pruned: {count} changes removed."), count=count))
    return 0


def cmd_central_figures(args: argparse.Namespace) -> int:
    from counter_app.centre.admin import figures

    f = figures(_central_engine(args))
    print(
        json.dumps(
            {
                "dossiers": f.dossiers,
                "distinct_codes": f.distinct_codes,
                "records": f.records,
                "quarantined": f.quarantined,
                "counters": [
                    {
                        "counter": c.counter_name,
                        "agency": c.agency_id,
                        "slot": c.code_slot,
                        "high_water": c.high_water,
                        "dossiers": c.dossiers,
                        "audit_entries": c.audit_count,
                        "quarantined": c.quarantined,
                    }
                    for c in f.counters
                ],
            },
            ensure_ascii=False,
        )
    )
    return 0


def cmd_central_demo(args: argparse.Namespace) -> int:
    from counter_app.devtools.sync_demo import run_sync_demo

    for line in run_sync_demo(_central_url(args), Path(args.dir)):
        print(line, flush=True)
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

    c = sub.add_parser("central", help="the province's central database (administrators)")
    c.add_argument("--url", help=f"SQLAlchemy URL (else ${CENTRAL_URL_ENV})")
    cs = c.add_subparsers(dest="central_cmd", required=True)
    cs.add_parser("init", help="create or upgrade the central database").set_defaults(
        func=cmd_central_init
    )
    r = cs.add_parser("register-counter", help="register a counter; write its connection file")
    r.add_argument(
        "--request",
        help="the registration request the counter exported (its identity and names); "
        "options given beside it take precedence",
    )
    r.add_argument("--agency-id")
    r.add_argument("--agency-name")
    r.add_argument(
        "--unit-name",
        help="the one-stop unit the forms name, e.g. Trung tâm Phục vụ hành chính công xã …",
    )
    r.add_argument("--counter-name")
    r.add_argument("--parent-name")
    r.add_argument("--place")
    r.add_argument("--phone")
    r.add_argument("--counter-uuid", help="register an existing counter under its own identity")
    r.add_argument("--out", required=True, help="connection file to hand to the counter")
    r.set_defaults(func=cmd_central_register)
    ur = cs.add_parser(
        "unregister-counter",
        help="take back a registration never used (no dossier, no record sent): "
        "its row, its database role, its code slot",
    )
    ur.add_argument("--counter-uuid", required=True, help="the identity the centre gave it")
    ur.set_defaults(func=cmd_central_unregister)
    k = cs.add_parser("catalogue-import", help="send a catalogue file to every counter")
    k.add_argument("file")
    k.set_defaults(func=cmd_central_catalogue)
    u = cs.add_parser("user-add", help="add or update an official (password from stdin)")
    u.add_argument("username")
    u.add_argument("--full-name", required=True)
    u.add_argument("--roles", required=True)
    u.add_argument("--title", default="")
    u.add_argument("--agency-id")
    u.set_defaults(func=cmd_central_user)
    for name, working in (("add-day-off", False), ("add-workday", True)):
        d = cs.add_parser(name)
        d.add_argument("date")
        d.add_argument("name")
        d.set_defaults(func=_cmd_central_day(working))
    o = cs.add_parser("import-online", help="dossiers from the public service portal (JSON)")
    o.add_argument("file")
    o.add_argument(
        "--amend",
        action="store_true",
        help="send the portal's changes to dossiers imported before (until a counter takes one)",
    )
    o.set_defaults(func=cmd_central_online)
    n = cs.add_parser("note", help="a department's note or result on a dossier")
    n.add_argument("code")
    n.add_argument("--department", required=True)
    n.add_argument("--text", required=True)
    n.set_defaults(func=cmd_central_note)
    h = cs.add_parser("hand-over", help="make another counter of the agency the dossier's owner")
    h.add_argument("code")
    h.add_argument("--to-counter", required=True, help="the receiving counter's uuid")
    h.set_defaults(func=cmd_central_hand_over)
    p = cs.add_parser("prune", help="drop feed changes older than the retention (≥ 60 days)")
    p.add_argument("--days", type=bounded_int(1, 36_500))
    p.set_defaults(func=cmd_central_prune)
    cs.add_parser("figures", help="what the centre holds, per counter (JSON)").set_defaults(
        func=cmd_central_figures
    )
    dm = cs.add_parser("demo", help="two counters work offline, then sync (for demonstrations)")
    dm.add_argument("--dir", required=True, help="folder for the two counters' data")
    dm.set_defaults(func=cmd_central_demo)
