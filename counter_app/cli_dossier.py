"""``counter-app dossier …`` and ``counter-app printer``: finding, showing and
printing dossiers, and the desk's printer."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counter_app.cli_common import _acting, _login, _official, _runtime, _tr, add_by, bounded_int
from counter_app.domain.messages import QT_TRANSLATE_NOOP


def cmd_search(args: argparse.Namespace) -> int:
    from counter_app.services.search import search

    _official(args)
    for r in search(_runtime(args).ctx, " ".join(args.query), limit=args.limit):
        print(
            f"{r.code}\t{r.state.value}\t{r.applicant_name}\t{r.applicant_id_number}\t"
            f"{r.appointment_at:%Y-%m-%d %H:%M}\t{r.procedure_name}"
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    import json

    from counter_app.services.dossiers import get_dossier

    _official(args)
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
    from counter_app.services.print_jobs import get_print_settings, set_print_settings

    rt = _runtime(args)
    current = get_print_settings(rt.ctx)
    if args.name is not None or args.receipt_paper is not None:
        current = set_print_settings(
            rt.ctx,
            _login(args, _acting(args)),
            printer=current.printer if args.name is None else args.name,
            receipt_paper=args.receipt_paper or current.receipt_paper,
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
    from counter_app.paper import FormKind
    from counter_app.services.print_jobs import file_sink, print_form

    result = print_form(
        _runtime(args).ctx,
        _official(args),
        args.code,
        FormKind(args.form),
        file_sink(Path(args.out)),
        paper=args.paper,
    )
    print(result.target)
    return 0


def register(sub: Any) -> None:
    d = sub.add_parser("dossier", help="find and show dossiers").add_subparsers(
        dest="dos_cmd", required=True
    )
    ds = d.add_parser("search")
    ds.add_argument("query", nargs="+")
    ds.add_argument("--limit", type=bounded_int(1, 1000), default=20)
    add_by(ds)
    ds.set_defaults(func=cmd_search)
    dw = d.add_parser("show")
    dw.add_argument("code")
    add_by(dw)
    dw.set_defaults(func=cmd_show)

    pr = sub.add_parser("printer", help="show or set the desk's printer and receipt paper")
    pr.add_argument("--name", help="printer name as the system knows it")
    pr.add_argument("--receipt-paper", choices=["A4", "A5", "80mm"])
    pr.add_argument("--by", help="the administrator changing the settings")
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
    add_by(dp, "the official printing")
    dp.set_defaults(func=cmd_print)
