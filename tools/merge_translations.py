"""Fill the Vietnamese .ts from tab-separated lists of translations, then compile it.

Usage: python tools/merge_translations.py BATCH.tsv [BATCH.tsv ...]

Each TSV line is: context<TAB>English source<TAB>Vietnamese. Sources are
matched after the .ts is refreshed by pyside6-lupdate, so a renamed string
shows up as unfinished instead of silently keeping a stale translation.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "counter_app_vi.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def load_tsv(paths: list[Path]) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path}:{n}: expected 3 tab-separated columns")
            ctx, src, vi = (_unescape(p) for p in parts)
            table[(ctx, src)] = unicodedata.normalize("NFC", vi)
    return table


def main(argv: list[str]) -> int:
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-extensions",
            "py",
            "-no-obsolete",
            str(ROOT / "counter_app"),
            "-ts",
            str(TS),
        ],
        check=True,
    )
    table = load_tsv([Path(a) for a in argv])
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            vi = table.get((name, source))
            if vi is not None:
                translation.text = vi
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished":
                missing.append(f"{name}\t{source}")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    for line in missing:
        print("untranslated:", line, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
