"""Applicant data (người nộp hồ sơ): checks and normalisation before anything is stored.

The citizen ID (CCCD, số định danh cá nhân) has no check digit, but its first
six digits are structured as Decree 137/2015/NĐ-CP (Art. 13) and Circular
59/2021/TT-BCA (its appendices of province and sex/century codes) set them out.
Since 1/7/2024 the Law on Identification 26/2023/QH15 and the texts under it
govern the number; their codes were not re-read here, and numbers already
issued keep their digits:

* digits 1-3: province where the birth was registered (63 codes, 001-096), or a
  country code for a birth registered abroad;
* digit 4: sex and century of birth: 0/1 = male/female 1900-1999, 2/3 = 2000s,
  4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s;
* digits 5-6: last two digits of the birth year.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from counter_app.domain.bounds import control_errors
from counter_app.domain.cccd_provinces import CCCD_PROVINCE_CODES
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, ValidationFailed
from counter_app.domain.text import digits_only, nfc

_CONTEXT = "Validation"

MAX_NAME_LENGTH = 100
MAX_TEXT_LENGTH = 255
MIN_BIRTH_YEAR = 1900


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


# Codes above the province range are country codes (birth registered abroad);
# their list is not published with the circular, so they are accepted unchecked.
_FIRST_COUNTRY_CODE = 97

# Digit 4 -> first year of the century of birth (even = male, odd = female).
_CENTURY_START = {code: 1900 + 100 * (code // 2) for code in range(10)}

_ID_SEPARATORS = re.compile(r"[\s.\-]")
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


_FIELD_ORDER = {f.name: i for i, f in enumerate(dataclasses.fields(ApplicantInput))}
_TEXT_FIELDS = ("full_name", "id_number", "phone", "email", "address", "organisation")


def _msg(source: str, **params: object) -> Message:
    return Message(_CONTEXT, source, dict(params))


def _distinct(chars: list[str]) -> str:
    """The offending characters, each once, in the order typed."""
    return " ".join(dict.fromkeys(chars))


def cccd_birth_info(value: str) -> tuple[Sex, int] | None:
    """Sex and birth year encoded in a CCCD number, or None if ``value`` is not
    12 digits (spaces, dots and dashes are ignored).

    >>> cccd_birth_info("001099012345")
    (<Sex.MALE: 'male'>, 1999)
    """
    digits = _ID_SEPARATORS.sub("", value)
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        return None
    code = int(digits[3])
    sex = Sex.MALE if code % 2 == 0 else Sex.FEMALE
    return sex, _CENTURY_START[code] + int(digits[4:6])


def cccd_province(value: str) -> str | None:
    """Name of the province encoded in the first three digits, if it is one."""
    return CCCD_PROVINCE_CODES.get(_ID_SEPARATORS.sub("", value)[:3])


def _cccd_errors(
    value: str, sex: Sex | None, birth_year: int | None, today: date
) -> list[tuple[str, Message]]:
    digits = _ID_SEPARATORS.sub("", unicodedata.normalize("NFKC", value))
    bad = [ch for ch in digits if not ("0" <= ch <= "9")]
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation", "Citizen ID (CCCD) may contain only digits; remove “{chars}”."
        )
        return [("id_number", _msg(source, chars=_distinct(bad)))]
    if len(digits) != 12:
        source = QT_TRANSLATE_NOOP(
            "Validation", "Citizen ID (CCCD) must have exactly 12 digits; {count} were entered."
        )
        return [("id_number", _msg(source, count=len(digits)))]
    errors: list[tuple[str, Message]] = []
    code = digits[:3]
    if code not in CCCD_PROVINCE_CODES and int(code) < _FIRST_COUNTRY_CODE:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The first three digits of the citizen ID (CCCD), {code}, are not a province "
            "code; check the number.",
        )
        errors.append(("id_number", _msg(source, code=code)))
    info = cccd_birth_info(digits)
    assert info is not None  # 12 ASCII digits, checked above
    encoded_sex, encoded_year = info
    if encoded_year > today.year:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The citizen ID (CCCD) gives birth year {year}, which is in the future; "
            "check digits 4 to 6.",
        )
        errors.append(("id_number", _msg(source, year=encoded_year)))
        return errors
    if sex is not None and sex != encoded_sex:
        if encoded_sex is Sex.MALE:
            source = QT_TRANSLATE_NOOP(
                "Validation",
                "The citizen ID (CCCD) is a man's (4th digit {digit}), but female was "
                "selected; correct the sex or the ID number.",
            )
        else:
            source = QT_TRANSLATE_NOOP(
                "Validation",
                "The citizen ID (CCCD) is a woman's (4th digit {digit}), but male was "
                "selected; correct the sex or the ID number.",
            )
        errors.append(("sex", _msg(source, digit=digits[3])))
    if birth_year is not None and birth_year != encoded_year:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Birth year {entered} does not match the citizen ID (CCCD), which gives "
            "{encoded}; correct the birth year or the ID number.",
        )
        errors.append(("birth_year", _msg(source, entered=birth_year, encoded=encoded_year)))
    return errors


def validate_cccd(
    value: str,
    *,
    sex: Sex | None = None,
    birth_year: int | None = None,
    today: date | None = None,
) -> list[Message]:
    """Problems with a CCCD number (empty list if it is acceptable).

    Checks: 12 digits after removing spaces, dots and dashes; a known province
    code (codes above 096 are taken as country codes and not checked); the
    encoded birth year is not in the future; and, when given, that ``sex`` and
    ``birth_year`` agree with digits 4-6.
    """
    errors = _cccd_errors(value, sex, birth_year, today or date.today())
    return [message for _, message in errors]


def _name_errors(name: str) -> list[tuple[str, Message]]:
    if not name:
        return [("full_name", _msg(QT_TRANSLATE_NOOP("Validation", "Enter the full name.")))]
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
        errors.append(("full_name", _msg(source, chars=_distinct(bad))))
    elif not any(ch.isalpha() for ch in name):
        errors.append(("full_name", _msg(QT_TRANSLATE_NOOP("Validation", "Enter the full name."))))
    if len(name) > MAX_NAME_LENGTH:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Full name must be at most {max} characters; {count} were entered.",
        )
        errors.append(("full_name", _msg(source, max=MAX_NAME_LENGTH, count=len(name))))
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
        return phone, [("phone", _msg(source, chars=_distinct(bad)))]
    normalised = normalise_phone(phone)
    if normalised is None:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Phone number {value} is not a Vietnamese number: enter 10 digits starting with "
            "0 for a mobile, 11 digits starting with 02 for a landline, or +84 instead of "
            "the first 0.",
        )
        return phone, [("phone", _msg(source, value=phone))]
    return normalised, []


def _email_errors(email: str) -> list[tuple[str, Message]]:
    if not email or (len(email) <= _MAX_EMAIL_LENGTH and _EMAIL.match(email)):
        return []
    source = QT_TRANSLATE_NOOP(
        "Validation",
        "Email address {value} is not valid; it should look like name@example.vn.",
    )
    return [("email", _msg(source, value=email))]


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
    return [("birth_year", _msg(source, min=MIN_BIRTH_YEAR, max=today.year, value=birth_year))]


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
    return [(field, _msg(source, max=MAX_TEXT_LENGTH, count=len(value)))]


def _sex_errors(sex: object) -> tuple[Sex | None, list[tuple[str, Message]]]:
    if sex is None or isinstance(sex, Sex):
        return sex, []
    try:
        return Sex(str(sex)), []
    except ValueError:
        source = QT_TRANSLATE_NOOP("Validation", "Choose the sex: male or female.")
        return None, [("sex", _msg(source))]


def validate_applicant(
    data: ApplicantInput, *, id_required: bool = True, today: date | None = None
) -> ApplicantInput:
    """Check an applicant and return a normalised copy.

    Text becomes NFC with collapsed whitespace; the CCCD keeps only its digits;
    the phone becomes national form ("0912345678"); the email is trimmed.

    Raises :class:`ValidationFailed` listing every problem as (field, message),
    field being the :class:`ApplicantInput` attribute name. ``id_required``
    makes an empty CCCD an error (representatives of organisations may have
    none on file). ``today`` fixes "this year" for the birth-year checks.
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
    errors = _name_errors(full_name)
    sex, sex_errors = _sex_errors(data.sex)
    year_errors = _birth_year_errors(data.birth_year, today)
    if id_text:
        errors += _cccd_errors(
            id_text,
            None if sex_errors else sex,
            None if year_errors else data.birth_year,
            today,
        )
    elif id_required:
        source = QT_TRANSLATE_NOOP("Validation", "Enter the citizen ID (CCCD) number.")
        errors.append(("id_number", _msg(source)))
    phone, phone_errors = _phone_errors(nfc(data.phone))
    errors += phone_errors + _email_errors(email) + year_errors + sex_errors
    errors += _length_errors("address", address) + _length_errors("organisation", organisation)
    if errors:
        # Form order, so the first error (the one a form focuses) is the topmost field.
        errors.sort(key=lambda error: _FIELD_ORDER.get(error[0], len(_FIELD_ORDER)))
        raise ValidationFailed(errors)
    return dataclasses.replace(
        data,
        full_name=full_name,
        id_number=digits_only(id_text),
        phone=phone,
        email=email,
        address=address,
        organisation=organisation,
        sex=sex,
    )
