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

Not every applicant has one (:class:`IdKind`): an older citizen may still
carry the 9-digit identity card (CMND), a foreigner a passport, and an
organisation (a business household included) files under its tax code or
business registration code, a representative signing for it.
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
from counter_app.domain.countries import nationality_code
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, ValidationFailed
from counter_app.domain.text import nfc

_CONTEXT = "Validation"

MAX_NAME_LENGTH = 100
MAX_TEXT_LENGTH = 255
MIN_BIRTH_YEAR = 1900


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


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


# Codes above the province range are country codes (birth registered abroad);
# their list is not published with the circular, so they are accepted unchecked.
_FIRST_COUNTRY_CODE = 97

# Digit 4 -> first year of the century of birth (even = male, odd = female).
_CENTURY_START = {code: 1900 + 100 * (code // 2) for code in range(10)}

_ID_SEPARATORS = re.compile(r"[\s.\-]")
_CODE_SEPARATORS = re.compile(r"[\s.]")
_TAX_CODE = re.compile(r"^(\d{10})-?(\d{3})?$")
# Tax code check digit (the 10th): weights of the first nine digits, as the
# tax authority's numbering applies them (python-stdnum's vn.mst reads the same).
_TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_PASSPORT_LENGTH = (6, 9)
_BUSINESS_CODE_LENGTH = (6, 15)
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


def _cmnd_errors(value: str) -> tuple[str, list[tuple[str, Message]]]:
    digits = _ID_SEPARATORS.sub("", unicodedata.normalize("NFKC", value))
    bad = [ch for ch in digits if not ("0" <= ch <= "9")]
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The old identity card (CMND) number may contain only digits; remove “{chars}”.",
        )
        return digits, [("id_number", _msg(source, chars=_distinct(bad)))]
    if len(digits) != 9:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The old identity card (CMND) number must have exactly 9 digits; {count} were "
            "entered. A 12-digit number is a citizen ID (CCCD): choose that kind.",
        )
        return digits, [("id_number", _msg(source, count=len(digits)))]
    return digits, []


def _passport_errors(value: str, nationality: str) -> tuple[str, str, list[tuple[str, Message]]]:
    """The passport number (upper case, no spaces) and nationality code, with problems."""
    number = _CODE_SEPARATORS.sub("", unicodedata.normalize("NFKC", value)).upper()
    errors: list[tuple[str, Message]] = []
    bad = [ch for ch in number if not (ch.isascii() and ch.isalnum())]
    low, high = _PASSPORT_LENGTH
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The passport number may contain only Latin letters and digits, as printed on "
            "the passport; remove “{chars}”.",
        )
        errors.append(("id_number", _msg(source, chars=_distinct(bad))))
    elif not low <= len(number) <= high:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The passport number must have {low} to {high} letters and digits; {count} were "
            "entered.",
        )
        errors.append(("id_number", _msg(source, low=low, high=high, count=len(number))))
    code = ""
    if not nationality:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Enter the passport holder's nationality: its three-letter code as printed on "
            "the passport (for example CHN, KOR, USA) or its name (for example Trung Quốc).",
        )
        errors.append(("nationality", _msg(source)))
    else:
        code = nationality_code(nationality) or ""
        if not code:
            source = QT_TRANSLATE_NOOP(
                "Validation",
                "Nationality “{value}” is not known: enter the three-letter country code "
                "printed on the passport (for example CHN, KOR, USA).",
            )
            errors.append(("nationality", _msg(source, value=nationality)))
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
    text = _CODE_SEPARATORS.sub("", unicodedata.normalize("NFKC", value))
    bad = [ch for ch in text if not ("0" <= ch <= "9" or ch == "-")]
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The tax code may contain only digits, and a dash before a branch's three "
            "digits; remove “{chars}”.",
        )
        return text, [("id_number", _msg(source, chars=_distinct(bad)))]
    match = _TAX_CODE.match(text)
    if match is None:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The tax code must have 10 digits, or for a branch 10 digits, a dash and 3 "
            "digits (for example 0101234567-001); {count} digits were entered.",
        )
        count = sum(ch.isdigit() for ch in text)
        return text, [("id_number", _msg(source, count=count))]
    main, branch = match.group(1), match.group(2)
    printed = f"{main}-{branch}" if branch else main
    if branch == "000" or main[2:9] == "0000000":
        source = QT_TRANSLATE_NOOP(
            "Validation", "Tax code {value} is not one the tax office issues; check the number."
        )
        return printed, [("id_number", _msg(source, value=printed))]
    if tax_code_check_digit(main[:9]) != int(main[9]):
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Tax code {value} is mistyped: its 10th digit does not match the first nine. "
            "Check it against the organisation's registration certificate.",
        )
        return printed, [("id_number", _msg(source, value=printed))]
    return printed, []


def _business_code_errors(value: str) -> tuple[str, list[tuple[str, Message]]]:
    code = _ID_SEPARATORS.sub("", unicodedata.normalize("NFKC", value)).upper()
    bad = [ch for ch in code if not (ch.isascii() and ch.isalnum())]
    low, high = _BUSINESS_CODE_LENGTH
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The business registration code may contain only Latin letters and digits; "
            "remove “{chars}”.",
        )
        return code, [("id_number", _msg(source, chars=_distinct(bad)))]
    if not low <= len(code) <= high or not any(ch.isdigit() for ch in code):
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The business registration code must have {low} to {high} letters and digits, "
            "as printed on the registration certificate; {count} were entered.",
        )
        return code, [("id_number", _msg(source, low=low, high=high, count=len(code)))]
    return code, []


def _id_kind_errors(kind: object) -> tuple[IdKind, list[tuple[str, Message]]]:
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
        return IdKind.CCCD, [("id_kind", _msg(source))]


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
    return _msg(sources[kind])


def _name_errors(name: str, *, representative: bool = False) -> list[tuple[str, Message]]:
    if representative:
        missing = _msg(
            QT_TRANSLATE_NOOP(
                "Validation", "Enter the full name of the organisation's representative."
            )
        )
    else:
        missing = _msg(QT_TRANSLATE_NOOP("Validation", "Enter the full name."))
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
        errors.append(("full_name", _msg(source, chars=_distinct(bad))))
    elif not any(ch.isalpha() for ch in name):
        errors.append(("full_name", missing))
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


def _organisation_errors(kind: IdKind, organisation: str) -> list[tuple[str, Message]]:
    if kind in ORGANISATION_KINDS and not organisation:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Enter the organisation's name, as on its registration certificate; the full "
            "name is its representative's.",
        )
        return [("organisation", _msg(source))]
    return _length_errors("organisation", organisation)


def _document_errors(
    data: ApplicantInput,
    kind: IdKind,
    id_text: str,
    checked: tuple[Sex | None, int | None],
    id_required: bool,
    today: date,
) -> tuple[str, str, list[tuple[str, Message]]]:
    """The identity number and nationality as stored, with their problems."""
    nationality = nfc(data.nationality)
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
        errors = _cccd_errors(id_text, sex, birth_year, today)
        return _ID_SEPARATORS.sub("", unicodedata.normalize("NFKC", id_text)), "", errors
    check = {
        IdKind.CMND: _cmnd_errors,
        IdKind.TAX_CODE: _tax_code_errors,
        IdKind.BUSINESS_CODE: _business_code_errors,
    }[kind]
    number, errors = check(id_text)
    return number, "", errors


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
    kind, errors = _id_kind_errors(data.id_kind)
    errors += _name_errors(full_name, representative=kind in ORGANISATION_KINDS)
    sex, sex_errors = _sex_errors(data.sex)
    year_errors = _birth_year_errors(data.birth_year, today)
    checked = (None if sex_errors else sex, None if year_errors else data.birth_year)
    id_number, nationality, id_errors = _document_errors(
        data, kind, id_text, checked, id_required, today
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
