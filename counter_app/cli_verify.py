"""``counter-app verify FILE``: each signature of a PDF, who signed it, when,
through which certificate chain, and whether the file is as it was signed.
For IT staff; the window shows the same. Offline: the roots installed in the
trust folder are the anchors."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counter_app.cli_common import _tr
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

# A signature that does not check, or a file changed after signing.
BROKEN = 3
# Intact, but no installed root certificate vouches for the signer.
UNTRUSTED = 4

_VERDICTS = {
    "good": QT_TRANSLATE_NOOP("Cli", "intact, trusted"),
    "untrusted": QT_TRANSLATE_NOOP("Cli", "intact, but its chain reaches no installed root"),
    "changed": QT_TRANSLATE_NOOP("Cli", "CHANGED after signing"),
    "broken": QT_TRANSLATE_NOOP("Cli", "BROKEN: the file is not what was signed"),
}


def cmd_verify(args: argparse.Namespace) -> int:
    import logging

    from counter_app import config
    from counter_app.signing import trust, verify
    from counter_app.signing.sign import VIETNAM

    path = Path(args.file)
    try:
        pdf = path.read_bytes()
    except OSError:
        raise UserError(
            Message("Cli", QT_TRANSLATE_NOOP("Cli", "Cannot read the file {path}."), {"path": path})
        ) from None
    # An unknown chain is a verdict printed below, not pyHanko's logged traceback.
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    folder = trust.trust_dir(config.data_dir(args.data_dir))
    reports = verify.verify_pdf(pdf, verify.trust_anchors(folder))
    if not reports:
        print(_tr(QT_TRANSLATE_NOOP("Cli", "{path}: no digital signature."), path=path))
        return BROKEN
    for n, report in enumerate(reports, start=1):
        # The signer's clock as it reported it, shown in Vietnam's time (UTC+7).
        at = report.signed_at.astimezone(VIETNAM) if report.signed_at else None
        when = f"{at:%d/%m/%Y %H:%M:%S} (UTC+7)" if at else "-"
        print(
            _tr(
                QT_TRANSLATE_NOOP("Cli", "Signature {n}: {signer}, signed {when}: {verdict}"),
                n=n,
                signer=report.signer,
                when=when,
                verdict=_tr(_VERDICTS[report.verdict.value]),
            )
        )
        print(
            _tr(
                QT_TRANSLATE_NOOP("Cli", "  Certificate chain: {chain}"),
                chain=" → ".join(report.chain),
            )
        )
    verdicts = {r.verdict for r in reports}
    if verdicts & {verify.Verdict.BROKEN, verify.Verdict.CHANGED}:
        return BROKEN
    if verify.Verdict.UNTRUSTED in verdicts:
        print(
            _tr(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Install the CA's root certificate in {folder} to trust these signatures.",
                ),
                folder=folder,
            )
        )
        return UNTRUSTED
    return 0


def register(sub: Any) -> None:
    v = sub.add_parser("verify", help="check the digital signatures of a PDF")
    v.add_argument("file", help="the PDF to check")
    v.set_defaults(func=cmd_verify)
