"""Run as a separate process with umask 000: a desk that receives, fails a
statement on a citizen's data, logs the fault as the app does, and backs up.

The test checks the files while it is open, then kills it.

Usage: python -m tests.services.private_desk DATA_DIR USB_DIR
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from sqlalchemy import select

from counter_app.domain.validation import ApplicantInput
from counter_app.models import NumberSequence
from counter_app.services import backups, sequences
from counter_app.services.dossiers import ReceiveRequest, receive
from tests.conftest import login, make_counter

CITIZEN = ApplicantInput(
    full_name="Triệu Thị Phương Thảo",
    id_number="020188004321",
    phone="0912345678",
    address="Thôn Nà Pàn, xã Hoàng Văn Thụ",
)


def main(data_dir: Path, usb: Path) -> None:
    os.umask(0)
    rt = make_counter(data_dir)
    receive(rt.ctx, login(rt, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN))
    # A real constraint violation: the ledger number is taken again.
    with rt.ctx.sessions.begin() as s:
        for name in s.scalars(
            select(NumberSequence.name).where(NumberSequence.name.like("ledger:%"))
        ):
            sequences.set_value(s, name, 0)
    try:
        receive(rt.ctx, login(rt, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN))
    except Exception:
        logging.getLogger("counter_app").exception("Unexpected error in receive")
    else:
        raise SystemExit("the second receive should have failed on the ledger number")
    backups.set_place(rt.ctx, login(rt, "quantri"), data_dir, usb)
    backups.back_up(data_dir, "manual")
    # Stay open (the -wal and -shm exist while the desk works) until killed.
    print("ready", flush=True)
    time.sleep(600)
    rt.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
