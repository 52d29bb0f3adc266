"""The high-water file, rewritten in place before each commit: a write torn
anywhere (a kill, a power cut) leaves a readable mark, never a lower one."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from counter_app import high_water
from counter_app.high_water import Mark

ROOT = Path(__file__).resolve().parents[2]


def _marks(n: int) -> list[Mark]:
    return [
        Mark({"code:261126": 5 + i, "ledger:A:2026": 40 + i}, 10 + i, f"h{i}") for i in range(n)
    ]


def test_a_write_torn_at_any_byte_reads_as_the_mark_before_or_after(tmp_path: Path) -> None:
    path = tmp_path / high_water.FILENAME
    first, second, third = _marks(3)
    high_water.store(path, first)
    high_water.store(path, second)
    before = path.read_bytes()
    high_water.store(path, third)
    after = path.read_bytes()
    assert len(after) == len(before), "rewritten in place, not made anew"
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    start, end = changed[0], changed[-1] + 1
    size = len(after) // 2
    assert end - start <= size, "one slot written, the other left as it was"
    for cut in range(start, end + 1):
        # The new bytes up to the cut, the old ones after: a write that stopped there.
        path.write_bytes(after[:cut] + before[cut:])
        assert high_water.read(path) in (second, third), cut
    # Whole sectors of the slot lost or zeroed by a power cut, at any place.
    slot = start // size
    for sector in range(slot * size, (slot + 1) * size, 512):
        for junk in (b"\0" * 512, bytes(random.Random(sector).randbytes(512))):
            path.write_bytes(after[:sector] + junk + after[sector + 512 :])
            assert high_water.read(path) in (second, third), sector
    path.write_bytes(after)
    assert high_water.read(path) == third


def test_a_killed_writer_leaves_a_mark_at_least_the_last_it_finished(tmp_path: Path) -> None:
    path = tmp_path / high_water.FILENAME
    writer = (
        "import sys\n"
        "from pathlib import Path\n"
        "from counter_app import high_water\n"
        "for n in range(1, 10**6):\n"
        "    high_water.store(Path(sys.argv[1]), high_water.Mark({'code:261126': n}, n, str(n)))\n"
        "    print(n, flush=True)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(17)
    for _ in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-c", writer, str(path)], stdout=subprocess.PIPE, env=env
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # it runs: the interpreter is up
        assert first
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        finished = [int(line) for line in [first, *proc.stdout.read().split()]]
        proc.stdout.close()
        mark = high_water.read(path)
        assert mark.sequences["code:261126"] >= finished[-1]
        assert mark.audit_last_id >= finished[-1]


def test_a_mark_in_the_old_format_is_read_and_only_raised(tmp_path: Path) -> None:
    path = tmp_path / high_water.FILENAME
    high_water.write(path, Mark({"code:261125": 90, "code:261126": 7}, 3, "old"))
    assert json.loads(path.read_bytes())["format"] == 1
    stored = high_water.store(path, Mark({"code:261126": 5, "ledger:A:2026": 2}, 4, "new"))
    expected = Mark({"code:261125": 90, "code:261126": 7, "ledger:A:2026": 2}, 4, "new")
    assert stored == expected
    assert high_water.read(path) == expected
    # Still JSON: two slots in an array.
    assert len(json.loads(path.read_bytes())) == 2


def test_a_mark_outgrowing_its_slots_is_made_anew(tmp_path: Path) -> None:
    path = tmp_path / high_water.FILENAME
    high_water.store(path, Mark({"code:261126": 1}, 1, "a"))
    small = path.stat().st_size
    books = Mark({f"ledger:{book:03d}:2026": book for book in range(1, 300)}, 2, "b")
    high_water.store(path, books)
    assert path.stat().st_size > small
    assert high_water.read(path) == Mark({"code:261126": 1, **books.sequences}, 2, "b")
    high_water.store(path, Mark({"code:270101": 3}, 3, "c"))
    assert high_water.read(path).sequences["code:270101"] == 3
    assert high_water.read(path).sequences["ledger:001:2026"] == 1


def test_only_the_newest_days_codes_are_kept(tmp_path: Path) -> None:
    """A day's code sequence no longer moves once the day is over: the mark
    keeps the newest days, so it stays small after years of use."""
    path = tmp_path / high_water.FILENAME
    days = [f"code:{y}{m:02d}{d:02d}" for y in (25, 26) for m in range(1, 13) for d in range(1, 29)]
    for day in days:
        high_water.store(path, Mark({day: 7, "ledger:A:2025": 1}, 1, "h"))
    kept = high_water.read(path).sequences
    assert sorted(kept) == sorted(days[-high_water.KEPT_CODE_DAYS :]) + ["ledger:A:2025"]
    assert path.stat().st_size <= 2 * high_water.PAGE


def test_a_copy_for_a_backup_place_is_the_plain_format(tmp_path: Path) -> None:
    live = tmp_path / high_water.FILENAME
    high_water.store(live, Mark({"code:261126": 12}, 5, "h"))
    (tmp_path / "usb").mkdir()
    copied = tmp_path / "usb" / high_water.FILENAME
    high_water.copy(live, copied)
    assert json.loads(copied.read_bytes())["format"] == 1
    assert high_water.read(copied) == high_water.read(live)
