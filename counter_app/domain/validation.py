"""Applicant data (người nộp hồ sơ): checks and normalisation before anything is stored.

The identity number is checked as its kind prints it
(:mod:`counter_app.domain.identity_documents`, the citizen ID's digits in
:mod:`counter_app.domain.cccd`); the rest (name, phone, email, birth year,
address, organisation) here, every problem reported at once in form order.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from counter_app.domain.applicant_checks import check_message, distinct_chars
from counter_app.domain.bounds import control_errors
from counter_app.domain.cccd import Sex
from counter_app.domain.identity_documents import (
    ORGANISATION_KINDS,
    IdKind,
    document_errors,
    id_kind_errors,
)
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, ValidationFailed
from counter_app.domain.text import nfc

MAX_NAME_LENGTH = 100
MAX_TEXT_LENGTH = 255
MIN_BIRTH_YEAR = 1900

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_NAME_PUNCTUATION = frozenset(" '’-")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_MAX_EMAIL_LENGTH = 254


@dataclass(frozen=True)
class ApplicantInput:
    """Applicant details as typed at the counter (or normalised by validation)."""

    full_name: str
    id_number: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    sex: Sex | None = None
    birth_year: int | None = None
    organisation: str = ""
    id_kind: IdKind = IdKind.CCCD
    nationality: str = ""  # a passport's: ISO alpha-3 once validated


# The order errors are listed and the first focused in: the reception form's,
# the organisation's name (asked first for an organisation) before its representative.
_FIELD_ORDER = {
    name: i
    for i, name in enumerate(
        (
            "id_kind",
            "organisation",
            "full_name",
            "id_number",
            "nationality",
            "phone",
            "email",
            "address",
            "sex",
            "birth_year",
        )
    )
}
_TEXT_FIELDS = (
    "full_name",
    "id_number",
    "phone",
    "email",
    "address",
    "organisation",
    "nationality",
)


def _name_errors(name: str, *, representative: bool = False) -> list[tuple[str, Message]]:
    if representative:
        missing = check_message(
            QT_TRANSLATE_NOOP(
                "Validation", "Enter the full name of the organisation's representative."
            )
        )
    else:
        missing = check_message(QT_TRANSLATE_NOOP("Validation", "Enter the full name."))
    if not name:
        return [("full_name", missing)]
    bad = [
        ch
        for ch in name
        if not (ch.isalpha() or unicodedata.category(ch).startswith("M"))
        and ch not in _NAME_PUNCTUATION
    ]
    errors: list[tuple[str, Message]] = []
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Full name may contain only letters, spaces, apostrophes and hyphens; "
            "remove “{chars}”.",
        )
        errors.append(("full_name", check_message(source, chars=distinct_chars(bad))))
    elif not any(ch.isalpha() for ch in name):
        errors.append(("full_name", missing))
    if len(name) > MAX_NAME_LENGTH:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Full name must be at most {max} characters; {count} were entered.",
        )
        errors.append(("full_name", check_message(source, max=MAX_NAME_LENGTH, count=len(name))))
    return errors


def normalise_phone(value: str) -> str | None:
    """A Vietnamese phone number in national form ("0912345678"), or None.

    Accepts spaces, dots, dashes and brackets as separators and +84 / 84 / (+84) 0
    in place of the leading 0. Mobile numbers are 10 digits starting 03, 05, 07,
    08 or 09; landlines are 11 digits starting 02.
    """
    compact = _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", value))
    if compact.startswith("+"):
        if not compact.startswith("+84"):
            return None
        compact = compact[1:]
    if not (compact.isascii() and compact.isdigit()):
        return None
    if compact.startswith("84"):
        compact = compact[2:]
        if not compact.startswith("0"):
            compact = "0" + compact
    if len(compact) == 10 and compact[0] == "0" and compact[1] in "35789":
        return compact
    if len(compact) == 11 and compact.startswith("02"):
        return compact
    return None


def _phone_errors(phone: str) -> tuple[str, list[tuple[str, Message]]]:
    if not phone:
        return "", []
    bad = [
        ch
        for ch in _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", phone)).lstrip("+")
        if not ("0" <= ch <= "9")
    ]
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Phone number may contain only digits, spaces, dots, dashes, brackets and a "
            "leading +; remove “{chars}”.",
        )
        return phone, [("phone", check_message(source, chars=distinct_chars(bad)))]
    normalised = normalise_phone(phone)
    if normalised is None:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Phone number {value} is not a Vietnamese number: enter 10 digits starting with "
            "0 for a mobile, 11 digits starting with 02 for a landline, or +84 instead of "
            "the first 0.",
        )
        return phone, [("phone", check_message(source, value=phone))]
    return normalised, []


def _email_errors(email: str) -> list[tuple[str, Message]]:
    if not email or (len(email) <= _MAX_EMAIL_LENGTH and _EMAIL.match(email)):
        return []
    source = QT_TRANSLATE_NOOP(
        "Validation",
        "Email address {value} is not valid; it should look like name@example.vn.",
    )
    return [("email", check_message(source, value=email))]


def _birth_year_errors(birth_year: object, today: date) -> list[tuple[str, Message]]:
    if birth_year is None:
        return []
    if (
        isinstance(birth_year, int)
        and not isinstance(birth_year, bool)
        and MIN_BIRTH_YEAR <= birth_year <= today.year
    ):
        return []
    source = QT_TRANSLATE_NOOP(
        "Validation", "Birth year must be between {min} and {max}; {value} was entered."
    )
    return [
        ("birth_year", check_message(source, min=MIN_BIRTH_YEAR, max=today.year, value=birth_year))
    ]


def _length_errors(field: str, value: str) -> list[tuple[str, Message]]:
    if len(value) <= MAX_TEXT_LENGTH:
        return []
    if field == "address":
        source = QT_TRANSLATE_NOOP(
            "Validation", "Address must be at most {max} characters; {count} were entered."
        )
    else:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Organisation name must be at most {max} characters; {count} were entered.",
        )
    return [(field, check_message(source, max=MAX_TEXT_LENGTH, count=len(value)))]


def _sex_errors(sex: object) -> tuple[Sex | None, list[tuple[str, Message]]]:
    if sex is None or isinstance(sex, Sex):
        return sex, []
    try:
        return Sex(str(sex)), []
    except ValueError:
        source = QT_TRANSLATE_NOOP("Validation", "Choose the sex: male or female.")
        return None, [("sex", check_message(source))]


def _organisation_errors(kind: IdKind, organisation: str) -> list[tuple[str, Message]]:
    if kind in ORGANISATION_KINDS and not organisation:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Enter the organisation's name, as on its registration certificate; the full "
            "name is its representative's.",
        )
        return [("organisation", check_message(source))]
    return _length_errors("organisation", organisation)


def validate_applicant(
    data: ApplicantInput, *, id_required: bool = True, today: date | None = None
) -> ApplicantInput:
    """Check an applicant and return a normalised copy.

    Text becomes NFC with collapsed whitespace; the identity number keeps what
    its kind prints (digits; a passport's or business code's letters in upper
    case; a branch's tax code its dash); a passport's nationality becomes its
    ISO alpha-3 code, other kinds have none; the phone becomes national form
    ("0912345678"); the email is trimmed.

    Raises :class:`ValidationFailed` listing every problem as (field, message),
    field being the :class:`ApplicantInput` attribute name. ``id_required``
    makes an empty identity number an error (an authorised person collecting a
    result may have none on file). ``today`` fixes "this year" for the
    birth-year checks.
    """
    today = today or date.today()
    # Hidden characters first, by position: the checks below would echo them.
    hidden = [e for f in _TEXT_FIELDS for e in control_errors(f, getattr(data, f))]
    if hidden:
        raise ValidationFailed(hidden)
    full_name = nfc(data.full_name)
    id_text = nfc(data.id_number)
    address = nfc(data.address)
    organisation = nfc(data.organisation)
    email = nfc(data.email)
    kind, errors = id_kind_errors(data.id_kind)
    errors += _name_errors(full_name, representative=kind in ORGANISATION_KINDS)
    sex, sex_errors = _sex_errors(data.sex)
    year_errors = _birth_year_errors(data.birth_year, today)
    checked = (None if sex_errors else sex, None if year_errors else data.birth_year)
    id_number, nationality, id_errors = document_errors(
        data.nationality, kind, id_text, checked, id_required, today
    )
    errors += id_errors
    phone, phone_errors = _phone_errors(nfc(data.phone))
    errors += phone_errors + _email_errors(email) + year_errors + sex_errors
    errors += _length_errors("address", address) + _organisation_errors(kind, organisation)
    if errors:
        # Form order, so the first error (the one a form focuses) is the topmost field.
        errors.sort(key=lambda error: _FIELD_ORDER.get(error[0], len(_FIELD_ORDER)))
        raise ValidationFailed(errors)
    return dataclasses.replace(
        data,
        full_name=full_name,
        id_number=id_number,
        phone=phone,
        email=email,
        address=address,
        organisation=organisation,
        sex=sex,
        id_kind=kind,
        nationality=nationality,
    )
