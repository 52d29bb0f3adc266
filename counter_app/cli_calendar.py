"""``counter-app calendar …``: appointments, days off, make-up working days and
working hours."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from counter_app.cli_common import (
    _acting,
    _login,
    _parse_date,
    _parse_datetime,
    _runtime,
    _tr,
    bounded_int,
)
from counter_app.domain.bounds import MAX_WORKING_DAYS, MAX_WORKING_HOURS
from counter_app.domain.messages import QT_TRANSLATE_NOOP


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
    appointment = due(_runtime(args).ctx, start, processing, cutoff=args.cutoff)
    print(f"{appointment:%Y-%m-%d %H:%M}")
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
    from counter_app.domain.working_hours import format_working_hours
    from counter_app.services.calendar_admin import get_working_hours, set_working_hours

    rt = _runtime(args)
    if args.set:
        set_working_hours(rt.ctx, _login(args, _acting(args)), args.set, args.cutoff)
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

        day = _parse_date(args.date)
        set_province_day(
            _runtime(args).ctx, _login(args, _acting(args)), day, working=working, name=args.name
        )
        return 0

    return run


def register(sub: Any) -> None:
    k = sub.add_parser("calendar", help="working-day calendar").add_subparsers(
        dest="cal_cmd", required=True
    )
    kd = k.add_parser("due", help="appointment for a request received at --from")
    kd.add_argument("--from", dest="from_", required=True, metavar="YYYY-MM-DD HH:MM")
    g = kd.add_mutually_exclusive_group(required=True)
    g.add_argument("--days", type=bounded_int(0, MAX_WORKING_DAYS))
    g.add_argument("--hours", type=bounded_int(1, MAX_WORKING_HOURS))
    g.add_argument("--same-day", action="store_true")
    # Default: the 15:00 rule for same-day procedures only, as the catalogue's default.
    kd.add_argument(
        "--cutoff",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="apply the 15:00 cut-off (default: only to --same-day)",
    )
    kd.set_defaults(func=cmd_calendar_due)
    kl = k.add_parser("list", help="days off on weekdays and make-up working days of a year")
    kl.add_argument("year", type=bounded_int(1900, 2200))
    kl.set_defaults(func=cmd_calendar_list)
    kh = k.add_parser("hours", help="show or set the working hours and the 15:00 cutoff")
    kh.add_argument("--set", metavar="HH:MM-HH:MM,HH:MM-HH:MM")
    kh.add_argument("--cutoff", default="15:00", metavar="HH:MM")
    kh.add_argument("--by", help="the administrator changing the hours")
    kh.set_defaults(func=cmd_calendar_hours)
    for name, working in (("add-day-off", False), ("add-workday", True)):
        ka = k.add_parser(name)
        ka.add_argument("date", metavar="YYYY-MM-DD")
        ka.add_argument("name")
        ka.add_argument("--by", required=True, help="the administrator")
        ka.set_defaults(func=_cmd_calendar_set(working))
