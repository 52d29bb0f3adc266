"""Read Qt's compiled translations (.qm) to list the source strings of Qt's own contexts.

Usage: python tools/qt_sources.py [--all] [--lib] CONTEXT [CONTEXT ...]

Prints one line per message: context, source, comment (disambiguation) and
the French translation, tab-separated, newlines escaped as \\n. By default it
reads qtbase_fr.qm of the installed PySide6; ``--all`` takes the union over
every qtbase_*.qm shipped (each language lags a little behind Qt's sources).
``--lib`` adds a column telling whether the source text appears in the
installed Qt libraries (a text Qt no longer uses is usually absent).

The .qm format (qtbase/src/corelib/kernel/qtranslator.cpp): a 16-byte magic,
then sections of tag byte + 32-bit length; the messages section (0x69) holds
messages made of tagged fields: 1 end, 3 translation (UTF-16BE, repeated for
plural forms), 5 obsolete (4 bytes), 6 source, 7 context, 8 comment (UTF-8).
"""

from __future__ import annotations

import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
MESSAGES_SECTION = 0x69
END, TRANSLATION, OBSOLETE1, SOURCE, CONTEXT, COMMENT = 1, 3, 5, 6, 7, 8
EMPTY = 0xFFFFFFFF


@dataclass
class QmMessage:
    context: str = ""
    source: str = ""
    comment: str = ""
    translations: list[str] = field(default_factory=list)


def qt_dir() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def read_qm(path: Path) -> list[QmMessage]:
    data = path.read_bytes()
    if data[:16] != MAGIC:
        raise ValueError(f"{path} is not a .qm file")
    pos, section = 16, b""
    while pos < len(data):
        tag = data[pos]
        (length,) = struct.unpack(">I", data[pos + 1 : pos + 5])
        if tag == MESSAGES_SECTION:
            section = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    out: list[QmMessage] = []
    current, p = QmMessage(), 0
    while p < len(section):
        tag = section[p]
        p += 1
        if tag == END:
            out.append(current)
            current = QmMessage()
            continue
        if tag == OBSOLETE1:
            p += 4
            continue
        if tag not in (TRANSLATION, SOURCE, CONTEXT, COMMENT):
            raise ValueError(f"{path}: unknown tag {tag} at {p}")
        (length,) = struct.unpack(">I", section[p : p + 4])
        p += 4
        if length == EMPTY:
            length = 0
        raw = section[p : p + length]
        p += length
        if tag == TRANSLATION:
            current.translations.append(raw.decode("utf-16-be"))
        elif tag == SOURCE:
            current.source = raw.decode("utf-8")
        elif tag == CONTEXT:
            current.context = raw.decode("utf-8")
        else:
            current.comment = raw.decode("utf-8")
    return out


def sources(contexts: set[str], files: list[Path]) -> dict[tuple[str, str, str], QmMessage]:
    """Messages of ``contexts`` keyed by (context, source, comment), first file wins."""
    found: dict[tuple[str, str, str], QmMessage] = {}
    for path in files:
        for message in read_qm(path):
            if message.context in contexts:
                found.setdefault((message.context, message.source, message.comment), message)
    return found


def _in_libraries() -> bytes:
    lib = qt_dir().parent / "lib"
    return b"".join(
        p.read_bytes() for p in lib.glob("libQt6*.so*") if p.stem.split(".")[0] in _QT_LIBS
    )


_QT_LIBS = {"libQt6Core", "libQt6Gui", "libQt6Widgets", "libQt6PrintSupport"}


def main(argv: list[str]) -> int:
    every = "--all" in argv
    check = "--lib" in argv
    contexts = {a for a in argv if not a.startswith("--")}
    if not contexts:
        print(__doc__)
        return 2
    directory = qt_dir()
    files = [directory / "qtbase_fr.qm"]
    if every:
        files += sorted(p for p in directory.glob("qtbase_*.qm") if p not in files)
    blob = _in_libraries() if check else b""
    for (context, source, comment), message in sorted(sources(contexts, files).items()):
        row = [context, source, comment, message.translations[0] if message.translations else ""]
        if check:
            row.append("lib" if source.encode() in blob else "-")
        print("\t".join(col.replace("\n", "\\n") for col in row))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
