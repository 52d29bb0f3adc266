"""``counter-app report``: the figures of a period as JSON, an Excel workbook
or a PDF (or the counter's ledger of the period, ``--format ledger``), from this counter's database or, with ``--central``, the province's
(read from ``--replica`` or $COUNTER_APP_REPORT_REPLICA_URL when given)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from counter_app.cli_common import _official, _parse_date, _runtime, _tr, add_by
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

CUTS = ("agency", "counter", "level", "field", "procedure", "official")


def cmd_report(args: argparse.Namespace) -> int:
    from counter_app.reports.central_source import REPLICA_ENV
    from counter_app.reports.definitions import Period
    from counter_app.reports.figures import Cut
    from counter_app.services import reports

    first, last = _parse_date(args.date_from), _parse_date(args.date_to)
    if last < first:
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "The period ends before it starts."),
            ),
            field="to",
        )
    period = Period(first, last)
    cut = Cut(args.per) if args.per else None
    out = Path(args.out)
    if args.format == "ledger" or not args.central:
        # The counter's own figures and ledger name citizens and officials.
        _official(args)
    if args.format == "ledger":
        from counter_app.private_files import write_atomic
        from counter_app.services.ledger_book import ledger_pdf

        write_atomic(out, ledger_pdf(_runtime(args).ctx, first, last))
    elif args.format == "evaluation":
        _evaluation(args, period, out)
    elif args.format == "digitisation":
        _digitisation(args, period, out)
    else:
        if args.central:
            replica = args.replica or os.environ.get(REPLICA_ENV) or None
            report = reports.province_report(args.central, period, cut, replica_url=replica)
        else:
            report = reports.counter_report(_runtime(args).ctx, period, cut)
        reports.export(report, out, reports.Format(args.format))
    print(_tr(QT_TRANSLATE_NOOP("Cli", "Report written: {path}"), path=str(out)))
    return 0


def _evaluation(args: argparse.Namespace, period: Any, out: Path) -> None:
    """Circular 01/2018's indicators per unit; with --central, Decree 118 Art. 32(1) too."""
    import json

    from counter_app.private_files import write_atomic
    from counter_app.reports.central_source import REPLICA_ENV
    from counter_app.reports.evaluation import evaluation_json, province_json
    from counter_app.services import evaluation_reports

    if args.central:
        replica = args.replica or os.environ.get(REPLICA_ENV) or None
        data = province_json(
            evaluation_reports.province_evaluation(args.central, period, replica_url=replica)
        )
    else:
        data = evaluation_json(evaluation_reports.counter_evaluation(_runtime(args).ctx, period))
    text = json.dumps(
        {"period": [str(period.first), str(period.last)], "units": data},
        ensure_ascii=False,
        indent=2,
    )
    write_atomic(out, text.encode("utf-8"))


def _digitisation(args: argparse.Namespace, period: Any, out: Path) -> None:
    """Issue 18 point 7: digitised at reception, results digitised, papers
    reused, per unit; the Vietnamese name and rule of each figure head the file."""
    import json

    from counter_app.private_files import write_atomic
    from counter_app.reports.central_source import REPLICA_ENV
    from counter_app.reports.digitisation import digitisation_json, headers
    from counter_app.services import digitisation_reports

    if args.central:
        replica = args.replica or os.environ.get(REPLICA_ENV) or None
        figures = digitisation_reports.province_digitisation(
            args.central, period, replica_url=replica
        )
    else:
        figures = digitisation_reports.counter_digitisation(_runtime(args).ctx, period)
    text = json.dumps(
        {
            "period": [str(period.first), str(period.last)],
            "headers": headers(),
            "units": digitisation_json(figures),
        },
        ensure_ascii=False,
        indent=2,
    )
    write_atomic(out, text.encode("utf-8"))


def register(sub: Any) -> None:
    r = sub.add_parser("report", help="figures of a period (JSON, Excel or PDF)")
    r.add_argument("--from", dest="date_from", required=True, help="first day, YYYY-MM-DD")
    r.add_argument("--to", dest="date_to", required=True, help="last day, YYYY-MM-DD")
    r.add_argument("--per", choices=CUTS, help="one row per agency, counter, level, field, …")
    r.add_argument(
        "--format",
        choices=("json", "xlsx", "pdf", "ledger", "evaluation", "digitisation"),
        default="json",
        help="ledger: the dossier ledger (form 06/07) of the counter, as PDF; evaluation: "
        "Circular 01/2018's indicators per unit (with --central, Decree 118 Art. 32(1) too), "
        "as JSON; digitisation: papers digitised at reception, results digitised, papers "
        "reused, per unit, as JSON with Vietnamese headers",
    )
    r.add_argument("--out", required=True, help="file to write")
    r.add_argument("--central", metavar="URL", help="the province's central database")
    r.add_argument("--replica", metavar="URL", help="its streaming replica, read instead")
    add_by(r, "the official (not with --central: its URL's account logs in there)")
    r.set_defaults(func=cmd_report)
