"""``counter-app``: the GUI by default; subcommands for setup, admin, demo and checks.

Every refusal reaches the official as a Vietnamese sentence on stderr with
exit status 2; an unexpected fault is logged with its traceback in the data
dir and reported as one line, exit status 1.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError, ValidationFailed

log = logging.getLogger(__name__)
_CTX = "Cli"
PASSWORD_ENV = "COUNTER_APP_PASSWORD"


def _tr(source: str, **params: object) -> str:
    from counter_app import i18n

    return i18n.render(Message(_CTX, source, dict(params)))


def _parse_datetime(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Cli", "\u201c{value}\u201d is not a time; write it as YYYY-MM-DD HH:MM."
                ),
                {"value": text},
            ),
            field="from",
        ) from None


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Cli", "\u201c{value}\u201d is not a date; write it as YYYY-MM-DD."
                ),
                {"value": text},
            ),
            field="date",
        ) from None


def _password(prompt: str) -> str:
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\n")


# --- command handlers -------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from counter_app.ui.app import run_gui

    return run_gui(args.data_dir)


def cmd_setup(args: argparse.Namespace) -> int:
    from counter_app.services.setup import setup_counter

    rt = _runtime(args)
    info = setup_counter(
        rt.ctx,
        agency_id=args.agency_id,
        agency_name=args.agency_name,
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
    from counter_app.services.users import create_user

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
    user = create_user(
        rt.ctx,
        username=args.username,
        full_name=args.full_name,
        title=args.title,
        password=_password("Mật khẩu: "),
        roles=roles,
        by="admin-cli",
    )
    print(_tr(QT_TRANSLATE_NOOP("Cli", "User {username} created."), username=user.username))
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from counter_app.services.users import list_users

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
    report = import_file(_runtime(args).ctx, path, by=args.by)
    for err in report.errors:
        print(
            _tr(
                QT_TRANSLATE_NOOP("Cli", "Row {row}, column {field}: {message}"),
                row=err.row,
                field=err.field,
                message=i18n.render(err.message),
            ),
            file=sys.stderr,
        )
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


def cmd_calendar_due(args: argparse.Namespace) -> int:
    from counter_app.domain.procedure import ProcessingTime, TimeUnit
    from counter_app.services.calendar_admin import due

    start = _parse_datetime(args.from_)
    if args.same_day:
        processing = ProcessingTime.same_day()
    elif args.hours is not None:
        processing = ProcessingTime(args.hours, TimeUnit.WORKING_HOURS)
    else:
        processing = ProcessingTime(args.days, TimeUnit.WORKING_DAYS)
    print(f"{due(_runtime(args).ctx, start, processing):%Y-%m-%d %H:%M}")
    return 0


def cmd_calendar_list(args: argparse.Namespace) -> int:
    from counter_app.services.calendar_admin import calendar

    cal = calendar(_runtime(args).ctx)
    print(_tr(QT_TRANSLATE_NOOP("Cli", "Days off on weekdays in {year}:"), year=args.year))
    for d, name in cal.non_working_weekdays(args.year):
        print(f"{d.isoformat()}\t{name}")
    print(_tr(QT_TRANSLATE_NOOP("Cli", "Make-up working days in {year}:"), year=args.year))
    for d, name in cal.makeup_workdays(args.year):
        print(f"{d.isoformat()}\t{name}")
    return 0


def cmd_calendar_hours(args: argparse.Namespace) -> int:
    from counter_app.domain.calendar import format_working_hours
    from counter_app.services.calendar_admin import get_working_hours, set_working_hours

    rt = _runtime(args)
    if args.set:
        set_working_hours(rt.ctx, args.set, args.cutoff, by="admin-cli")
    hours = get_working_hours(rt.ctx)
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Working hours: {periods}; requests after {cutoff} count from the next working day.",
            ),
            periods=format_working_hours(hours),
            cutoff=f"{hours.cutoff:%H:%M}",
        )
    )
    return 0


def _cmd_calendar_set(working: bool) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from counter_app.services.calendar_admin import set_province_day

        set_province_day(
            _runtime(args).ctx,
            _parse_date(args.date),
            working=working,
            name=args.name,
            by="admin-cli",
        )
        return 0

    return run


def cmd_search(args: argparse.Namespace) -> int:
    from counter_app.services.search import search

    for r in search(_runtime(args).ctx, " ".join(args.query), limit=args.limit):
        print(
            f"{r.code}\t{r.state.value}\t{r.applicant_name}\t{r.applicant_id_number}\t"
            f"{r.appointment_at:%Y-%m-%d %H:%M}\t{r.procedure_name}"
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    import json

    from counter_app.services.dossiers import get_dossier

    info = get_dossier(_runtime(args).ctx, args.code)
    print(
        json.dumps(
            {
                "code": info.code,
                "state": info.state.value,
                "procedure": info.row.procedure_code,
                "applicant": info.row.applicant_name,
                "received": f"{info.row.received_at:%Y-%m-%d %H:%M}",
                "appointment": f"{info.row.appointment_at:%Y-%m-%d %H:%M}",
                "fee": info.fee,
                "ledger": f"{info.ledger_book}/{info.ledger_year}#{info.ledger_entry}",
                "steps": [
                    [s.action, s.username, f"{s.at:%Y-%m-%d %H:%M}", s.note] for s in info.steps
                ],
                "central_notes": [
                    [n.department, f"{n.at:%Y-%m-%d %H:%M}", n.text] for n in info.central_notes
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    return 0


def cmd_printer(args: argparse.Namespace) -> int:
    from counter_app.services.printing import get_print_settings, set_print_settings

    rt = _runtime(args)
    current = get_print_settings(rt.ctx)
    if args.name is not None or args.receipt_paper is not None:
        current = set_print_settings(
            rt.ctx,
            printer=current.printer if args.name is None else args.name,
            receipt_paper=args.receipt_paper or current.receipt_paper,
            by="admin-cli",
        )
    print(
        _tr(
            QT_TRANSLATE_NOOP("Cli", "Printer: {printer}; receipts on {paper}."),
            printer=current.printer or "—",
            paper=current.receipt_paper,
        )
    )
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from counter_app.printing import FormKind
    from counter_app.services.printing import file_sink, print_form

    result = print_form(
        _runtime(args).ctx,
        args.by,
        args.code,
        FormKind(args.form),
        file_sink(Path(args.out)),
        paper=args.paper,
    )
    print(result.target)
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from counter_app.services import audit
    from counter_app.sync.service import check_audit_with_centre

    rt = _runtime(args)
    with rt.ctx.sessions() as session:
        report = audit.verify(session)
    if report.ok:
        print(
            _tr(
                QT_TRANSLATE_NOOP("Cli", "Audit log intact: {count} entries checked."),
                count=report.checked,
            )
        )
        central = check_audit_with_centre(rt.ctx, Path(rt.data_dir))
        if central is None:
            print(
                _tr(
                    QT_TRANSLATE_NOOP(
                        "Cli", "Not compared with the centre (not connected or out of reach)."
                    )
                )
            )
            return 0
        if central.ok:
            print(
                _tr(
                    QT_TRANSLATE_NOOP(
                        "Cli", "Matches the centre: its {count} entries end where it recorded."
                    ),
                    count=central.central_count,
                )
            )
            return 0
        print(
            _tr(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Audit log DOES NOT MATCH the centre: the centre holds {count} entries of "
                    "this counter, and the local log has another entry, or none, at that place "
                    "(entries were deleted or the log was rewritten).",
                ),
                count=central.central_count,
            )
        )
        return 3
    print(
        _tr(
            QT_TRANSLATE_NOOP(
                "Cli", "Audit log BROKEN at entry {id} ({count} entries before it are intact)."
            ),
            id=report.first_broken_id,
            count=report.checked,
        )
    )
    return 3


def cmd_demo(args: argparse.Namespace) -> int:
    from counter_app.demo import run_demo

    for line in run_demo(_runtime(args), Path(args.out)):
        print(line, flush=True)
    return 0


# --- plumbing ---------------------------------------------------------------

_RUNTIME = None


def _runtime(args: argparse.Namespace):  # noqa: ANN202 - Runtime, imported lazily
    global _RUNTIME
    if _RUNTIME is None:
        from counter_app.app_setup import open_runtime

        _RUNTIME = open_runtime(args.data_dir)
    return _RUNTIME


def _close_runtime() -> None:
    global _RUNTIME
    if _RUNTIME is not None:
        _RUNTIME.close()
        _RUNTIME = None


class _Parser(argparse.ArgumentParser):
    """argparse with its complaint introduced in the official's language."""

    def error(self, message: str) -> NoReturn:
        from counter_app import i18n

        i18n.ensure_core_app()
        self.print_usage(sys.stderr)
        text = _tr(
            QT_TRANSLATE_NOOP(
                "Cli", "The command is not complete or not right ({detail}); see: {prog} --help"
            ),
            detail=message,
            prog=self.prog,
        )
        self.exit(2, text + "\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="counter-app", description="Bộ phận một cửa — counter_app")
    p.add_argument(
        "--data-dir", help="data directory (else $COUNTER_APP_DATA_DIR, else the user data dir)"
    )
    sub = p.add_subparsers(dest="command")
    sub.add_parser("gui", help="start the desktop application (default)").set_defaults(func=cmd_gui)

    s = sub.add_parser("setup", help="set this counter up (once)")
    s.add_argument("--agency-id", required=True, help="mã định danh cơ quan, e.g. 000.00.37.H37")
    s.add_argument("--agency-name", required=True)
    s.add_argument("--counter-name", required=True)
    s.add_argument("--parent-name", default="")
    s.add_argument("--place", default="")
    s.add_argument("--phone", default="", help="the desk's phone, printed on the forms")
    s.add_argument(
        "--slot", type=int, default=0, help="code slot 0-9, unique per counter of the agency"
    )
    s.add_argument("--ledger-book", default="01")
    s.add_argument("--form-set", default="tt01-2018", choices=["tt01-2018", "tt03-2025"])
    s.set_defaults(func=cmd_setup)

    u = sub.add_parser("user", help="officials").add_subparsers(dest="user_cmd", required=True)
    ua = u.add_parser("add", help=f"add an official (password from ${PASSWORD_ENV} or stdin)")
    ua.add_argument("username")
    ua.add_argument("--full-name", required=True)
    ua.add_argument("--title", default="")
    ua.add_argument(
        "--roles", required=True, help="comma list: receiver,appraiser,approver,returner,admin"
    )
    ua.set_defaults(func=cmd_user_add)
    u.add_parser("list").set_defaults(func=cmd_user_list)

    c = sub.add_parser("catalogue", help="procedure catalogue").add_subparsers(
        dest="cat_cmd", required=True
    )
    ci = c.add_parser("import", help="import procedures from JSON, CSV or XLSX")
    ci.add_argument("file")
    ci.add_argument("--by", default="admin-cli")
    ci.set_defaults(func=cmd_catalogue_import)
    c.add_parser("list").set_defaults(func=cmd_catalogue_list)

    k = sub.add_parser("calendar", help="working-day calendar").add_subparsers(
        dest="cal_cmd", required=True
    )
    kd = k.add_parser("due", help="appointment for a request received at --from")
    kd.add_argument("--from", dest="from_", required=True, metavar="YYYY-MM-DD HH:MM")
    g = kd.add_mutually_exclusive_group(required=True)
    g.add_argument("--days", type=int)
    g.add_argument("--hours", type=int)
    g.add_argument("--same-day", action="store_true")
    kd.set_defaults(func=cmd_calendar_due)
    kl = k.add_parser("list", help="days off on weekdays and make-up working days of a year")
    kl.add_argument("year", type=int)
    kl.set_defaults(func=cmd_calendar_list)
    kh = k.add_parser("hours", help="show or set the working hours and the 15:00 cutoff")
    kh.add_argument("--set", metavar="HH:MM-HH:MM,HH:MM-HH:MM")
    kh.add_argument("--cutoff", default="15:00", metavar="HH:MM")
    kh.set_defaults(func=cmd_calendar_hours)
    for name, working in (("add-day-off", False), ("add-workday", True)):
        ka = k.add_parser(name)
        ka.add_argument("date", metavar="YYYY-MM-DD")
        ka.add_argument("name")
        ka.set_defaults(func=_cmd_calendar_set(working))

    d = sub.add_parser("dossier", help="find and show dossiers").add_subparsers(
        dest="dos_cmd", required=True
    )
    ds = d.add_parser("search")
    ds.add_argument("query", nargs="+")
    ds.add_argument("--limit", type=int, default=20)
    ds.set_defaults(func=cmd_search)
    dw = d.add_parser("show")
    dw.add_argument("code")
    dw.set_defaults(func=cmd_show)

    pr = sub.add_parser("printer", help="show or set the desk's printer and receipt paper")
    pr.add_argument("--name", help="printer name as the system knows it")
    pr.add_argument("--receipt-paper", choices=["A4", "A5", "80mm"])
    pr.set_defaults(func=cmd_printer)

    dp = d.add_parser("print", help="print a form of a dossier to a PDF file (recorded)")
    dp.add_argument("code")
    dp.add_argument(
        "--form",
        default="receipt",
        choices=["receipt", "supplement", "refusal", "apology", "stop_notice", "control_slip"],
    )
    dp.add_argument("--out", required=True, help="PDF file to write")
    dp.add_argument("--paper", choices=["A4", "A5", "80mm"], help="default: the configured paper")
    dp.add_argument("--by", required=True, help="the official's user name, for the record")
    dp.set_defaults(func=cmd_print)

    a = sub.add_parser("audit", help="audit log").add_subparsers(dest="audit_cmd", required=True)
    a.add_parser("verify", help="check the hash chain; report the first broken link").set_defaults(
        func=cmd_audit_verify
    )

    from counter_app import cli_sync

    cli_sync.register(sub)

    m = sub.add_parser("demo", help="run a scripted day at a commune desk")
    m.add_argument("--out", required=True, help="folder for the printed forms")
    m.set_defaults(func=cmd_demo)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        args.func = cmd_gui
    if args.func is not cmd_gui:
        from counter_app import i18n

        i18n.ensure_core_app()
    try:
        return args.func(args)
    except ValidationFailed as exc:
        from counter_app import i18n

        for field, message in exc.errors:
            print(f"{field}: {i18n.render(message)}", file=sys.stderr)
        return 2
    except UserError as exc:
        from counter_app import i18n

        print(i18n.render(exc.message), file=sys.stderr)
        return 2
    except Exception:
        log.exception("Unexpected error in %s", args.command)
        print(
            _tr(
                QT_TRANSLATE_NOOP(
                    "Cli", "Unexpected error; details are in the log file in the data folder."
                )
            ),
            file=sys.stderr,
        )
        return 1
    finally:
        _close_runtime()


if __name__ == "__main__":
    sys.exit(main())
