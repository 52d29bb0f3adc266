"""Run as a separate process: the counter's notice sender, one run, at a
given time. The crash test kills it while the SMTP server holds its mail.

Usage: python -m tests.services.notice_sender_proc DATA_DIR ISO_TIME
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from counter_app.app_setup import open_runtime
from counter_app.services.notice_sending import send_due


def main() -> None:
    directory, at = Path(sys.argv[1]), datetime.fromisoformat(sys.argv[2])
    rt = open_runtime(directory)
    rt.ctx.clock = lambda: at
    try:
        print(send_due(rt.ctx, directory), flush=True)
    finally:
        rt.close()


if __name__ == "__main__":
    main()
