"""``counter-app central …`` on dossiers: the portal's online dossiers coming
in, a department's note, a hand-over between counters, the feed's retention,
what the centre holds, and the two-counter demonstration."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from counter_app.cli_central_db import _central_engine, _central_url
from counter_app.cli_common import _tr
from counter_app.domain.messages import QT_TRANSLATE_NOOP


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
