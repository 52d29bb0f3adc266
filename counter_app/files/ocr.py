"""Text read off a scanned copy (issue 18 point 2): optional, never in the way.

``ocrmypdf`` (PyPI) adds a text layer to the PDF with Debian's Tesseract and
its Vietnamese data (``tesseract-ocr``, ``tesseract-ocr-vie``); the text goes
into the paper's search text, and :func:`propose` reads from it what the
official would otherwise type of the Article 19(2) data: the 12-digit
identification number, dates (issue, valid until) and the document's name.
The official confirms every proposal; nothing is saved from OCR alone.

ocrmypdf runs in a process of its own (it starts workers and sets up its
own logging, and a page that hangs Tesseract must not hang the desk), with
``--output-type pdf``: no PDF/A conversion, so Ghostscript is not needed.
When Tesseract, its Vietnamese data or ocrmypdf is missing, :func:`unavailable`
says so in a sentence and :func:`make_searchable` raises it as a UserError.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.papers import DocumentType
from counter_app.domain.text import fold

_CTX = "Ocr"
LANGUAGES = ("vie",)
# A page at 300 dpi takes Tesseract a few seconds; a stuck one is given up.
TIMEOUT_S = 120
# The first lines of a paper carry its title (after the national motto).
TITLE_LINES = 12


@dataclass(frozen=True)
class OcrResult:
    pdf: bytes  # the same pages with an invisible text layer: searchable
    text: str


@lru_cache(maxsize=1)
def _tesseract_languages() -> frozenset[str]:
    exe = shutil.which("tesseract")
    if exe is None:
        return frozenset()
    try:
        run = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    # The first line is a heading ("List of available languages ...").
    return frozenset(line.strip() for line in run.stdout.splitlines()[1:] if line.strip())


def unavailable(languages: Sequence[str] = LANGUAGES) -> Message | None:
    """None when OCR can run here; else the sentence that says what is missing."""
    if shutil.which("tesseract") is None or importlib.util.find_spec("ocrmypdf") is None:
        return Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Ocr",
                "Text recognition (OCR) is not available on this computer: the IT staff "
                "install it (Tesseract and ocrmypdf). The copy is kept without its text; "
                "type the paper's data.",
            ),
        )
    lacking = [lang for lang in languages if lang not in _tesseract_languages()]
    if lacking:
        return Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Ocr",
                "Text recognition (OCR) lacks the language data {languages} on this "
                "computer (package tesseract-ocr-vie); type the paper's data.",
            ),
            {"languages": ", ".join(lacking)},
        )
    return None


def make_searchable(pdf: bytes, languages: Sequence[str] = LANGUAGES) -> OcrResult:
    """``pdf`` with a text layer, and the text. UserError when OCR is not
    available here or fails on this file; the copy itself is never lost."""
    missing = unavailable(languages)
    if missing is not None:
        raise UserError(missing)
    with tempfile.TemporaryDirectory(prefix="counter-ocr-") as tmp:
        work = Path(tmp)
        (work / "in.pdf").write_bytes(pdf)
        command = [
            sys.executable,
            "-m",
            "ocrmypdf",
            "--quiet",
            "--output-type",
            "pdf",
            # A page that already has text (a PDF the authority issued) is left as it is.
            "--skip-text",
            "-l",
            "+".join(languages),
            "--sidecar",
            str(work / "text.txt"),
            str(work / "in.pdf"),
            str(work / "out.pdf"),
        ]
        try:
            run = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            raise _failed("timeout") from None
        if run.returncode != 0 or not (work / "out.pdf").is_file():
            last = (run.stderr.strip().splitlines() or [f"exit {run.returncode}"])[-1]
            raise _failed(last[:200])
        sidecar = work / "text.txt"
        text = sidecar.read_text(encoding="utf-8") if sidecar.is_file() else ""
        return OcrResult((work / "out.pdf").read_bytes(), text)


def _failed(reason: str) -> UserError:
    return UserError(
        Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Ocr",
                "The text of this copy could not be read ({reason}); the copy is kept as "
                "scanned: type the paper's data.",
            ),
            {"reason": reason},
        )
    )


# --- proposing the Article 19(2) fields -------------------------------------

_ID_NUMBER = re.compile(r"(?<![\d])(\d{12})(?![\d])")
# OCR often reads a space inside a long number: groups of digits, 12 in all.
_SPACED_NUMBER = re.compile(r"(?<![\d])(\d(?:[ .]?\d){11})(?![\d])")
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
# Folded words that put a date on the issue or the end of validity.
_ISSUED = ("ngay cap", "cap ngay", "date of issue", "cap ngay:")
_UNTIL = ("gia tri den", "co gia tri", "han su dung", "het han", "date of expiry", "den ngay")


@dataclass(frozen=True)
class Proposal:
    """What OCR suggests; the official confirms or corrects each field."""

    id_numbers: list[str] = field(default_factory=list)  # most likely first
    dates: list[date] = field(default_factory=list)  # in reading order
    issued_on: date | None = None
    valid_until: date | None = None
    doc_type_code: str = ""
    document_name: str = ""


def _dates(line: str) -> list[date]:
    found = []
    for d, m, y in _DATE.findall(line):
        try:
            found.append(date(int(y), int(m), int(d)))
        except ValueError:
            continue  # 31/02: a misread digit, not a date
    return found


def _id_numbers(text: str) -> list[str]:
    found = list(dict.fromkeys(_ID_NUMBER.findall(text)))
    for spaced in _SPACED_NUMBER.findall(text):
        digits = re.sub(r"\D", "", spaced)
        if digits not in found:
            found.append(digits)
    return found


def _document_type(lines: list[str], types: Sequence[DocumentType]) -> DocumentType | None:
    """The type whose name (or one of its '/' variants) is the longest found
    in the first lines: 'Giấy chứng nhận kết hôn' before 'Giấy tờ khác'."""
    head = " ".join(fold(line) for line in lines[:TITLE_LINES])
    best: tuple[int, DocumentType] | None = None
    for kind in types:
        for variant in kind.name.split("/"):
            name = fold(variant)
            if name and name in head and (best is None or len(name) > best[0]):
                best = (len(name), kind)
    return None if best is None else best[1]


def propose(text: str, types: Sequence[DocumentType]) -> Proposal:
    """Article 19(2) fields proposed from a copy's OCR text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    dates: list[date] = []
    issued = until = None
    for line in lines:
        here = _dates(line)
        dates += here
        folded = fold(line)
        if here and issued is None and any(k in folded for k in _ISSUED):
            issued = here[0]
        if here and until is None and any(k in folded for k in _UNTIL):
            until = here[-1]
    kind = _document_type(lines, types)
    return Proposal(
        id_numbers=_id_numbers(text),
        dates=dates,
        issued_on=issued,
        valid_until=until,
        doc_type_code=kind.code if kind else "",
        document_name=kind.name.split("/")[0].strip() if kind else "",
    )
