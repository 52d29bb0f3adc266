"""``counter-app central …``: the province administrator's side of the command
line. Here the centre is set up: its database, its counters, the catalogue, the
officials and the calendar it sends them; the commands on dossiers are in
cli_central_dossiers."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counter_app.cli_central_db import CENTRAL_URL_ENV, _central_engine
from counter_app.cli_central_dossiers import (
    cmd_central_demo,
    cmd_central_figures,
    cmd_central_hand_over,
    cmd_central_note,
    cmd_central_online,
    cmd_central_prune,
)
from counter_app.cli_common import _parse_date, _password, _tr, bounded_int
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError


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


def register(sub: Any) -> None:
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
