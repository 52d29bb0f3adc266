"""``counter-app setup | user … | catalogue …``: the counter, its officials and
the procedures it receives."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from counter_app.cli_common import (
    _CTX,
    NEW_PASSWORD_ENV,
    PASSWORD_ENV,
    _login,
    _official,
    _password,
    _runtime,
    _tr,
    add_by,
    bounded_int,
)
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.paper import available_form_sets


def cmd_setup(args: argparse.Namespace) -> int:
    from counter_app.services.setup import setup_counter

    rt = _runtime(args)
    info = setup_counter(
        rt.ctx,
        agency_id=args.agency_id,
        agency_name=args.agency_name,
        unit_name=args.unit_name,
        counter_name=args.counter_name,
        parent_name=args.parent_name,
        place=args.place,
        phone=args.phone,
        code_slot=args.slot,
        ledger_book=args.ledger_book,
        form_set=args.form_set,
    )
    print(
        _tr(
            QT_TRANSLATE_NOOP("Cli", "Counter set up: {name} ({agency}), code slot {slot}."),
            name=info.counter_name,
            agency=info.agency_id,
            slot=info.code_slot,
        )
    )
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    from counter_app.domain.workflow import Role
    from counter_app.services.users import create_first_admin, create_user

    try:
        roles = [Role(r.strip()) for r in args.roles.split(",") if r.strip()]
    except ValueError:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP("Cli", "Unknown role in \u201c{value}\u201d; use: {roles}."),
                {"value": args.roles, "roles": ", ".join(r.value for r in Role)},
            ),
            field="roles",
        ) from None
    rt = _runtime(args)
    if args.by is None:
        # Only the counter's first official is added without a login: nobody
        # could vouch for them yet. The service refuses this once any exists.
        user = create_first_admin(
            rt.ctx,
            username=args.username,
            full_name=args.full_name,
            title=args.title,
            password=_password("Mật khẩu: "),
            roles=roles,
        )
    else:
        admin = _login(args, args.by)
        user = create_user(
            rt.ctx,
            admin,
            username=args.username,
            full_name=args.full_name,
            title=args.title,
            password=_password("Mật khẩu: "),
            roles=roles,
        )
    print(_tr(QT_TRANSLATE_NOOP("Cli", "User {username} created."), username=user.username))
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from counter_app.domain.workflow import Role
    from counter_app.services.users import list_users

    _official(args, Role.ADMIN)
    for u in list_users(_runtime(args).ctx):
        print(f"{u.username}\t{u.full_name}\t{','.join(sorted(r.value for r in u.roles))}")
    return 0


def cmd_catalogue_import(args: argparse.Namespace) -> int:
    from counter_app import i18n
    from counter_app.services.catalogue import import_file

    path = Path(args.file)
    if not path.is_file():
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP("Cli", "The file \u201c{path}\u201d does not exist."),
                {"path": str(path)},
            ),
            field="file",
        )
    report = import_file(_runtime(args).ctx, _login(args, args.by), path)
    for err in report.errors:
        # The message names its row and column already.
        print(i18n.render(err.message), file=sys.stderr)
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli", "Imported: {created} new, {updated} updated, {errors} rows with errors."
            ),
            created=report.created,
            updated=report.updated,
            errors=len(report.errors),
        )
    )
    return 2 if report.errors else 0


def cmd_catalogue_list(args: argparse.Namespace) -> int:
    from counter_app.services.catalogue import list_procedures

    for p in list_procedures(_runtime(args).ctx):
        spot = "4TC" if p.on_the_spot else "-"
        print(
            f"{p.code}\t{spot}\t{p.processing_time.amount} {p.processing_time.unit.value}\t{p.name}"
        )
    return 0


def cmd_lock_after(args: argparse.Namespace) -> int:
    from counter_app.services.desk_settings import set_lock_after_minutes

    minutes = set_lock_after_minutes(_runtime(args).ctx, _login(args, args.by), args.minutes)
    print(
        _tr(
            QT_TRANSLATE_NOOP("Cli", "The window now locks after {minutes} minutes without input.")
            if minutes
            else QT_TRANSLATE_NOOP("Cli", "The window no longer locks by itself."),
            minutes=minutes,
        )
    )
    return 0


def cmd_unit(args: argparse.Namespace) -> int:
    from counter_app.services.setup import rename_unit

    info = rename_unit(_runtime(args).ctx, _login(args, args.by), args.name)
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli",
                "The forms now name the unit “{name}”; dossiers already received keep the name "
                "they were received under.",
            ),
            name=info.unit_name,
        )
    )
    return 0


def register(sub: Any) -> None:
    s = sub.add_parser("setup", help="set this counter up (once)")
    s.add_argument("--agency-id", required=True, help="mã định danh cơ quan, e.g. 000.00.37.H37")
    s.add_argument("--agency-name", required=True)
    s.add_argument(
        "--unit-name",
        required=True,
        help="the one-stop unit the forms name, e.g. Trung tâm Phục vụ hành chính công xã …",
    )
    s.add_argument("--counter-name", required=True)
    s.add_argument("--parent-name", default="")
    s.add_argument("--place", default="")
    s.add_argument("--phone", default="", help="the desk's phone, printed on the forms")
    s.add_argument(
        "--slot",
        type=bounded_int(0, 9),
        default=0,
        help="code slot 0-9, unique per counter of the agency",
    )
    s.add_argument("--ledger-book", default="01")
    # Forms follow each dossier's receipt date; this only records the set in force at setup.
    s.add_argument("--form-set", default=None, choices=available_form_sets())
    s.set_defaults(func=cmd_setup)

    n = sub.add_parser("unit", help="rename the one-stop unit the forms name (e.g. on 1/7/2025)")
    n.add_argument("name")
    n.add_argument("--by", required=True, help=f"the administrator (password: ${PASSWORD_ENV})")
    n.set_defaults(func=cmd_unit)

    lk = sub.add_parser(
        "lock-after", help="minutes without input before the window locks (0: never)"
    )
    lk.add_argument("minutes", type=bounded_int(0, 240))
    lk.add_argument("--by", required=True, help=f"the administrator (password: ${PASSWORD_ENV})")
    lk.set_defaults(func=cmd_lock_after)

    u = sub.add_parser("user", help="officials").add_subparsers(dest="user_cmd", required=True)
    ua = u.add_parser(
        "add",
        help=f"add an official (their password from ${NEW_PASSWORD_ENV} or stdin; "
        f"the administrator's from ${PASSWORD_ENV} or the terminal)",
    )
    ua.add_argument("username")
    ua.add_argument("--full-name", required=True)
    ua.add_argument("--title", default="")
    ua.add_argument(
        "--roles", required=True, help="comma list: receiver,appraiser,approver,returner,admin"
    )
    ua.add_argument(
        "--by", help="the administrator adding the official (not needed for the first one)"
    )
    ua.set_defaults(func=cmd_user_add)
    ul = u.add_parser("list")
    add_by(ul, "the administrator")
    ul.set_defaults(func=cmd_user_list)

    c = sub.add_parser("catalogue", help="procedure catalogue").add_subparsers(
        dest="cat_cmd", required=True
    )
    ci = c.add_parser("import", help="import procedures from JSON, CSV or XLSX")
    ci.add_argument("file")
    ci.add_argument("--by", required=True, help=f"the administrator (password: ${PASSWORD_ENV})")
    ci.set_defaults(func=cmd_catalogue_import)
    c.add_parser("list").set_defaults(func=cmd_catalogue_list)
