"""``counter-app audit verify``: the local audit log's hash chain, and the same
log as the centre recorded it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counter_app.cli_common import _official, _runtime, _tr, add_by
from counter_app.domain.messages import QT_TRANSLATE_NOOP


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from counter_app.services import audit
    from counter_app.sync.service import check_audit_with_centre

    _official(args)  # the log's entries name citizens' dossiers
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
        cut = _report_missing_tails(rt.ctx)
        central = check_audit_with_centre(rt.ctx, Path(rt.data_dir))
        if central is None:
            print(
                _tr(
                    QT_TRANSLATE_NOOP(
                        "Cli", "Not compared with the centre (not connected or out of reach)."
                    )
                )
            )
            return 3 if cut else 0
        if central.ok:
            print(
                _tr(
                    QT_TRANSLATE_NOOP(
                        "Cli", "Matches the centre: its {count} entries end where it recorded."
                    ),
                    count=central.central_count,
                )
            )
            return 3 if cut else 0
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


def _report_missing_tails(ctx: Any) -> bool:
    """The chain may be intact and still shorter than the mark kept outside
    the database: its tail was deleted. Each start that found it recorded it."""
    from counter_app.services.continuity import missing_tails

    tails = missing_tails(ctx)
    for tail in tails:
        print(
            _tr(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Audit log CUT: at the start of {when} it no longer held entry {mark} as "
                    "the high-water mark outside the database had seen it (it ended at entry "
                    "{found}; entries were deleted or rewritten).",
                ),
                when=f"{tail.found_at:%d/%m/%Y %H:%M}",
                found=tail.last_id_in_database,
                mark=tail.last_id_in_mark,
            )
        )
    return bool(tails)


def register(sub: Any) -> None:
    a = sub.add_parser("audit", help="audit log").add_subparsers(dest="audit_cmd", required=True)
    v = a.add_parser("verify", help="check the hash chain; report the first broken link")
    add_by(v)
    v.set_defaults(func=cmd_audit_verify)
