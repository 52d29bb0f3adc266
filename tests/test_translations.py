"""Every visible string has its Vietnamese translation, compiled into the .qm."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "counter_app_vi.ts"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            out[(name, message.findtext("source") or "")] = translation
    return out


def test_every_string_is_translated_with_its_placeholders() -> None:
    messages = _messages(TS)
    assert len(messages) > 100
    for (context, source), translation in messages.items():
        assert translation.get("type") not in ("unfinished", "obsolete"), (context, source)
        assert translation.text, (context, source)
        assert set(PLACEHOLDER.findall(source)) == set(PLACEHOLDER.findall(translation.text)), (
            context,
            source,
        )


def test_ts_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-extensions",
            "py",
            "-no-obsolete",
            str(ROOT / "counter_app"),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert set(_messages(fresh)) == set(_messages(TS)), "run `make translations`"


# qtbase_vi.ts: Qt's own dialogs in Vietnamese, kept by hand (lupdate never sees it).
@pytest.mark.parametrize("ts", [TS, TS.with_name("qtbase_vi.ts")], ids=lambda p: p.stem)
def test_qm_is_compiled_from_the_ts(tmp_path: Path, ts: Path) -> None:
    qm = tmp_path / "fresh.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run `make translations`"
