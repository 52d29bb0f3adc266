"""The applicant's identity document (:class:`IdKind`), checked as its kind prints it.

Not every applicant has a citizen ID (CCCD, see :mod:`counter_app.domain.cccd`):
an older citizen may still carry the 9-digit identity card (CMND), a foreigner
a passport, and an organisation (a business household included) files under its
tax code or business registration code, a representative signing for it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum

from counter_app.domain.applicant_checks import (
    CODE_SEPARATORS,
    ID_SEPARATORS,
    check_message,
    distinct_chars,
)
from counter_app.domain.cccd import Sex, cccd_errors
from counter_app.domain.countries import nationality_code
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.domain.text import nfc


class IdKind(StrEnum):
    """The document the applicant is identified by (stored and synced as its value)."""

    CCCD = "cccd"  # citizen ID, 12 digits
    CMND = "cmnd"  # the older identity card, 9 digits
    PASSPORT = "passport"  # with the holder's nationality
    TAX_CODE = "tax_code"  # an organisation's tax code (mã số thuế)
    BUSINESS_CODE = "business_code"  # an organisation's business registration code


# The applicant is an organisation: its name is required and the person named
# is its representative.
ORGANISATION_KINDS = frozenset({IdKind.TAX_CODE, IdKind.BUSINESS_CODE})


_TAX_CODE = re.compile(r"^(\d{10})-?(\d{3})?$")
# Tax code check digit (the 10th): weights of the first nine digits, as the
# tax authority's numbering applies them (python-stdnum's vn.mst reads the same).
_TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_PASSPORT_LENGTH = (6, 9)
_BUSINESS_CODE_LENGTH = (6, 15)


def _cmnd_errors(value: str) -> tuple[str, list[tuple[str, Message]]]:
    digits = ID_SEPARATORS.sub("", unicodedata.normalize("NFKC", value))
    bad = [ch for ch in digits if not ("0" <= ch <= "9")]
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The old identity card (CMND) number may contain only digits; remove “{chars}”.",
        )
        return digits, [("id_number", check_message(source, chars=distinct_chars(bad)))]
    if len(digits) != 9:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The old identity card (CMND) number must have exactly 9 digits; {count} were "
            "entered. A 12-digit number is a citizen ID (CCCD): choose that kind.",
        )
        return digits, [("id_number", check_message(source, count=len(digits)))]
    return digits, []


def _passport_errors(value: str, nationality: str) -> tuple[str, str, list[tuple[str, Message]]]:
    """The passport number (upper case, no spaces) and nationality code, with problems."""
    number = CODE_SEPARATORS.sub("", unicodedata.normalize("NFKC", value)).upper()
    errors: list[tuple[str, Message]] = []
    bad = [ch for ch in number if not (ch.isascii() and ch.isalnum())]
    low, high = _PASSPORT_LENGTH
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The passport number may contain only Latin letters and digits, as printed on "
            "the passport; remove “{chars}”.",
        )
        errors.append(("id_number", check_message(source, chars=distinct_chars(bad))))
    elif not low <= len(number) <= high:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The passport number must have {low} to {high} letters and digits; {count} were "
            "entered.",
        )
        errors.append(("id_number", check_message(source, low=low, high=high, count=len(number))))
    code = ""
    if not nationality:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Enter the passport holder's nationality: its three-letter code as printed on "
            "the passport (for example CHN, KOR, USA) or its name (for example Trung Quốc).",
        )
        errors.append(("nationality", check_message(source)))
    else:
        code = nationality_code(nationality) or ""
        if not code:
            source = QT_TRANSLATE_NOOP(
                "Validation",
                "Nationality “{value}” is not known: enter the three-letter country code "
                "printed on the passport (for example CHN, KOR, USA).",
            )
            errors.append(("nationality", check_message(source, value=nationality)))
    return number, code, errors


def tax_code_check_digit(first_nine: str) -> int | None:
    """The 10th digit of a tax code starting with ``first_nine``; None when no
    digit can follow them (such numbers are not issued).

    >>> tax_code_check_digit("010023348")
    8
    """
    check = 10 - sum(w * int(d) for w, d in zip(_TAX_WEIGHTS, first_nine, strict=True)) % 11
    return check if check < 10 else None


def _tax_code_errors(value: str) -> tuple[str, list[tuple[str, Message]]]:
    """The tax code as printed ("0101234567" or "0101234567-001"), with problems."""
    text = CODE_SEPARATORS.sub("", unicodedata.normalize("NFKC", value))
    bad = [ch for ch in text if not ("0" <= ch <= "9" or ch == "-")]
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The tax code may contain only digits, and a dash before a branch's three "
            "digits; remove “{chars}”.",
        )
        return text, [("id_number", check_message(source, chars=distinct_chars(bad)))]
    match = _TAX_CODE.match(text)
    if match is None:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The tax code must have 10 digits, or for a branch 10 digits, a dash and 3 "
            "digits (for example 0101234567-001); {count} digits were entered.",
        )
        count = sum(ch.isdigit() for ch in text)
        return text, [("id_number", check_message(source, count=count))]
    main, branch = match.group(1), match.group(2)
    printed = f"{main}-{branch}" if branch else main
    if branch == "000" or main[2:9] == "0000000":
        source = QT_TRANSLATE_NOOP(
            "Validation", "Tax code {value} is not one the tax office issues; check the number."
        )
        return printed, [("id_number", check_message(source, value=printed))]
    if tax_code_check_digit(main[:9]) != int(main[9]):
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Tax code {value} is mistyped: its 10th digit does not match the first nine. "
            "Check it against the organisation's registration certificate.",
        )
        return printed, [("id_number", check_message(source, value=printed))]
    return printed, []


def _business_code_errors(value: str) -> tuple[str, list[tuple[str, Message]]]:
    code = ID_SEPARATORS.sub("", unicodedata.normalize("NFKC", value)).upper()
    bad = [ch for ch in code if not (ch.isascii() and ch.isalnum())]
    low, high = _BUSINESS_CODE_LENGTH
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The business registration code may contain only Latin letters and digits; "
            "remove “{chars}”.",
        )
        return code, [("id_number", check_message(source, chars=distinct_chars(bad)))]
    if not low <= len(code) <= high or not any(ch.isdigit() for ch in code):
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The business registration code must have {low} to {high} letters and digits, "
            "as printed on the registration certificate; {count} were entered.",
        )
        return code, [("id_number", check_message(source, low=low, high=high, count=len(code)))]
    return code, []


def id_kind_errors(kind: object) -> tuple[IdKind, list[tuple[str, Message]]]:
    if isinstance(kind, IdKind):
        return kind, []
    try:
        return IdKind(str(kind)), []
    except ValueError:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Choose the applicant's document: citizen ID (CCCD), old identity card (CMND), "
            "passport, or an organisation's tax code or business registration code.",
        )
        return IdKind.CCCD, [("id_kind", check_message(source))]


def _missing_id(kind: IdKind) -> Message:
    sources = {
        IdKind.CCCD: QT_TRANSLATE_NOOP("Validation", "Enter the citizen ID (CCCD) number."),
        IdKind.CMND: QT_TRANSLATE_NOOP("Validation", "Enter the old identity card (CMND) number."),
        IdKind.PASSPORT: QT_TRANSLATE_NOOP("Validation", "Enter the passport number."),
        IdKind.TAX_CODE: QT_TRANSLATE_NOOP("Validation", "Enter the organisation's tax code."),
        IdKind.BUSINESS_CODE: QT_TRANSLATE_NOOP(
            "Validation", "Enter the organisation's business registration code."
        ),
    }
    return check_message(sources[kind])


def document_errors(
    typed_nationality: str,
    kind: IdKind,
    id_text: str,
    checked: tuple[Sex | None, int | None],
    id_required: bool,
    today: date,
) -> tuple[str, str, list[tuple[str, Message]]]:
    """The identity number and nationality as stored, with their problems."""
    nationality = nfc(typed_nationality)
    if kind is IdKind.PASSPORT:
        # A passport's nationality is asked even before its number is typed.
        number, code, errors = _passport_errors(id_text, nationality)
        if not id_text:
            errors = [e for e in errors if e[0] != "id_number"]
            if id_required:
                errors.insert(0, ("id_number", _missing_id(kind)))
        return number, code, errors
    if not id_text:
        return "", "", [("id_number", _missing_id(kind))] if id_required else []
    if kind is IdKind.CCCD:
        sex, birth_year = checked
        errors = cccd_errors(id_text, sex, birth_year, today)
        return ID_SEPARATORS.sub("", unicodedata.normalize("NFKC", id_text)), "", errors
    check = {
        IdKind.CMND: _cmnd_errors,
        IdKind.TAX_CODE: _tax_code_errors,
        IdKind.BUSINESS_CODE: _business_code_errors,
    }[kind]
    number, errors = check(id_text)
    return number, "", errors
