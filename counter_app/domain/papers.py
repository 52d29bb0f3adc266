"""Digitised papers: the data Decree 118/2025 asks of an electronic copy.

Article 19(2): a digitised paper carries at least its document-type code;
the identification number of the person or organisation it concerns (or,
without one, their full name, year of birth, and the date and authority of
issue); the document's name; a summary of its content; its validity period
and its scope of validity, if any. Article 22(4): an electronic result
carries a document code made of the identification number and the
result-type code. Article 17(1)(b) and 22(1): a digitised paper still valid
is taken into a new dossier instead of being asked for again.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from counter_app.domain.bounds import MAX_LONG_TEXT, MAX_SHORT_TEXT, text_errors
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, ValidationFailed
from counter_app.domain.text import fold, nfc

_CTX = "Papers"
_ID_NUMBER = re.compile(r"^[0-9A-Z][0-9A-Z-]{7,14}$")


class PaperRole(StrEnum):
    PAPER = "paper"  # a paper the citizen handed in
    RESULT = "result"  # the dossier's result
    FORM = "form"  # a form the desk issued, signed by the official (never a citizen's paper)


class Origin(StrEnum):
    SCAN = "scan"  # from a scanner at the desk
    FOLDER = "folder"  # from the folder a multifunction printer scans into
    FILE = "file"  # a file or a phone photo
    REUSE = "reuse"  # taken from a paper already held (Art. 17(1)(b))
    AUTHORITY = "authority"  # the PDF the deciding authority issued
    ISSUED = "issued"  # a form the desk printed, signed digitally


@dataclass(frozen=True)
class DocumentType:
    code: str
    name: str
    result: bool  # a result type (Art. 22(4)) rather than a paper handed in


@dataclass(frozen=True)
class DocumentTypes:
    """A versioned list of document types, naming where its codes come from."""

    version: str
    source: str
    types: tuple[DocumentType, ...]

    def get(self, code: str) -> DocumentType | None:
        return next((t for t in self.types if t.code == code), None)


def parse_document_types(data: Any) -> DocumentTypes:
    """The list as the JSON file holds it; ValueError names what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("the list must be an object")
    version, source, rows = data.get("version"), data.get("source"), data.get("types")
    if not isinstance(version, str) or not version.strip():
        raise ValueError("the list has no version")
    if not isinstance(source, str) or not source.strip():
        raise ValueError("the list does not say where its codes come from")
    if not isinstance(rows, list) or not rows:
        raise ValueError("the list has no types")
    types: list[DocumentType] = []
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise ValueError(f"type {n} is not an object")
        code, name = row.get("code"), row.get("name")
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z0-9.]{2,20}", code):
            raise ValueError(f"type {n} has no valid code")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"type {n} ({code}) has no name")
        types.append(DocumentType(code, nfc(name), bool(row.get("result", False))))
    if len({t.code for t in types}) != len(types):
        raise ValueError("a code is listed twice")
    return DocumentTypes(version.strip(), source.strip(), tuple(types))


@dataclass(frozen=True)
class PaperData:
    """What the official records of one digitised paper (Article 19(2))."""

    doc_type_code: str
    document_name: str
    holder_id_number: str = ""
    holder_name: str = ""
    holder_birth_year: int | None = None
    id_issued_on: date | None = None
    id_issued_by: str = ""
    summary: str = ""
    valid_until: date | None = None
    scope: str = ""


@dataclass(frozen=True)
class SignedBy:
    """The certificate a copy was signed with at this desk before it was stored."""

    name: str
    serial: str
    fingerprint: str


@dataclass(frozen=True)
class ResultCopy:
    """The result's electronic copy handed over with it (Article 22(1), 22(4)):
    the PDF the authority issued, or the signed paper scanned at the desk.
    ``signed_by``: the authority's signer signed it here (4 tại chỗ)."""

    pdf: bytes
    data: PaperData
    origin: Origin = Origin.AUTHORITY
    signed_by: SignedBy | None = None


def _msg(source: str, **params: object) -> Message:
    return Message(_CTX, source, dict(params))


_TEXTS = {
    "document_name": MAX_SHORT_TEXT,
    "holder_id_number": 15,
    "holder_name": 120,
    "id_issued_by": MAX_SHORT_TEXT,
    "summary": MAX_LONG_TEXT,
    "scope": MAX_SHORT_TEXT,
}


def validate_paper(data: PaperData, types: DocumentTypes, today: date) -> PaperData:
    """A normalised copy of ``data``; ValidationFailed lists every problem."""
    texts = {f: " ".join(nfc(getattr(data, f)).split()) for f in _TEXTS}
    texts["holder_id_number"] = texts["holder_id_number"].replace(" ", "").upper()
    errors: list[tuple[str, Message]] = []
    for name, limit in _TEXTS.items():
        errors += text_errors(name, texts[name], max_length=limit)
    if types.get(data.doc_type_code) is None:
        errors.append(
            (
                "doc_type_code",
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Papers", "Choose the document type from the list (version {version})."
                    ),
                    version=types.version,
                ),
            )
        )
    if not texts["document_name"]:
        errors.append(
            ("document_name", _msg(QT_TRANSLATE_NOOP("Papers", "Enter the document's name.")))
        )
    number = texts["holder_id_number"]
    if number and not _ID_NUMBER.fullmatch(number):
        errors.append(
            (
                "holder_id_number",
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Papers",
                        "The identification number has 8 to 15 digits or capital letters; "
                        "check it against the paper.",
                    )
                ),
            )
        )
    if not number:
        # Art. 19(2): without a number, the name, year of birth, date and
        # authority of issue identify the person.
        missing = [
            f
            for f, value in (
                ("holder_name", texts["holder_name"]),
                ("holder_birth_year", data.holder_birth_year),
                ("id_issued_on", data.id_issued_on),
                ("id_issued_by", texts["id_issued_by"]),
            )
            if not value
        ]
        for f in missing:
            errors.append(
                (
                    f,
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Papers",
                            "Without an identification number, enter the holder's full name, "
                            "year of birth, and the date and authority of issue.",
                        )
                    ),
                )
            )
    year = data.holder_birth_year
    if year is not None and not 1900 <= year <= today.year:
        errors.append(
            (
                "holder_birth_year",
                _msg(
                    QT_TRANSLATE_NOOP("Papers", "The year of birth must be from 1900 to {year}."),
                    year=today.year,
                ),
            )
        )
    if data.id_issued_on is not None and data.id_issued_on > today:
        errors.append(
            (
                "id_issued_on",
                _msg(QT_TRANSLATE_NOOP("Papers", "The date of issue cannot be in the future.")),
            )
        )
    if (
        data.valid_until is not None
        and data.id_issued_on is not None
        and data.valid_until < data.id_issued_on
    ):
        errors.append(
            (
                "valid_until",
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Papers", "The paper cannot expire before the date it was issued."
                    )
                ),
            )
        )
    if errors:
        raise ValidationFailed(errors)
    return dataclasses.replace(
        data,
        document_name=texts["document_name"],
        holder_id_number=texts["holder_id_number"],
        holder_name=texts["holder_name"],
        id_issued_by=texts["id_issued_by"],
        summary=texts["summary"],
        scope=texts["scope"],
    )


def valid_on(valid_until: date | None, day: date) -> bool:
    """A paper with no end date is valid without limit; one ending today still is."""
    return valid_until is None or valid_until >= day


def document_code(id_number: str, result_type_code: str) -> str:
    """Article 22(4): the identification number and the result-type code."""
    return f"{id_number}.{result_type_code}"


def paper_search_text(data: PaperData, ocr_text: str = "") -> str:
    """What a search over the papers matches: the fields, then the OCR text, folded."""
    fields = (
        data.doc_type_code,
        data.document_name,
        data.holder_id_number,
        data.holder_name,
        data.summary,
        data.scope,
        data.id_issued_by,
    )
    return fold(" ".join([*fields, ocr_text]))
