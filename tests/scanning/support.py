"""SANE as the tests use it: the project's own config folder, where only
SANE's virtual ``test`` scanner is enabled (resources/sane). Imported before
the first scan of the process: SANE reads its configuration once, at init."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from counter_app.app_setup import Runtime
from counter_app.services.dossiers import ReceiveRequest, receive
from tests.conftest import login, typed_fee
from tests.services.test_online_answer import CITIZEN, MARITAL_STATUS

SANE_DIR = Path(__file__).resolve().parents[2] / "resources" / "sane"
os.environ["SANE_CONFIG_DIR"] = str(SANE_DIR)
DEVICE = "test:0"


def slow_sane_dir(target: Path, delay_us: int = 200_000) -> Path:
    """A copy of the project's SANE folder whose test scanner reads slowly
    (each 4 KiB read waits ``delay_us``), so a page takes seconds."""
    shutil.copytree(SANE_DIR, target)
    conf = target / "test.conf"
    text = conf.read_text(encoding="utf-8")
    text = text.replace("read-delay false", "read-delay true").replace(
        "read-delay-duration 1000", f"read-delay-duration {delay_us}"
    )
    conf.write_text(text, encoding="utf-8")
    return target


def new_dossier(rt: Runtime) -> str:
    req = ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=typed_fee(MARITAL_STATUS))
    return receive(rt.ctx, login(rt.ctx, "tiepnhan"), req).code
