"""The citizen ID (CCCD, số định danh cá nhân): what its first six digits say,
checked against what the applicant says.

The number has no check digit, but its first
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

import unicodedata
from datetime import date
from enum import StrEnum

from counter_app.domain.applicant_checks import ID_SEPARATORS, check_message, distinct_chars
from counter_app.domain.cccd_provinces import CCCD_PROVINCE_CODES
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


# Codes above the province range are country codes (birth registered abroad);
# their list is not published with the circular, so they are accepted unchecked.
_FIRST_COUNTRY_CODE = 97

# Digit 4 -> first year of the century of birth (even = male, odd = female).
_CENTURY_START = {code: 1900 + 100 * (code // 2) for code in range(10)}


def cccd_birth_info(value: str) -> tuple[Sex, int] | None:
    """Sex and birth year encoded in a CCCD number, or None if ``value`` is not
    12 digits (spaces, dots and dashes are ignored).

    >>> cccd_birth_info("001099012345")
    (<Sex.MALE: 'male'>, 1999)
    """
    digits = ID_SEPARATORS.sub("", value)
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        return None
    code = int(digits[3])
    sex = Sex.MALE if code % 2 == 0 else Sex.FEMALE
    return sex, _CENTURY_START[code] + int(digits[4:6])


def cccd_province(value: str) -> str | None:
    """Name of the province encoded in the first three digits, if it is one."""
    return CCCD_PROVINCE_CODES.get(ID_SEPARATORS.sub("", value)[:3])


def cccd_errors(
    value: str, sex: Sex | None, birth_year: int | None, today: date
) -> list[tuple[str, Message]]:
    digits = ID_SEPARATORS.sub("", unicodedata.normalize("NFKC", value))
    bad = [ch for ch in digits if not ("0" <= ch <= "9")]
    if bad:
        source = QT_TRANSLATE_NOOP(
            "Validation", "Citizen ID (CCCD) may contain only digits; remove “{chars}”."
        )
        return [("id_number", check_message(source, chars=distinct_chars(bad)))]
    if len(digits) != 12:
        source = QT_TRANSLATE_NOOP(
            "Validation", "Citizen ID (CCCD) must have exactly 12 digits; {count} were entered."
        )
        return [("id_number", check_message(source, count=len(digits)))]
    errors: list[tuple[str, Message]] = []
    code = digits[:3]
    if code not in CCCD_PROVINCE_CODES and int(code) < _FIRST_COUNTRY_CODE:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The first three digits of the citizen ID (CCCD), {code}, are not a province "
            "code; check the number.",
        )
        errors.append(("id_number", check_message(source, code=code)))
    info = cccd_birth_info(digits)
    assert info is not None  # 12 ASCII digits, checked above
    encoded_sex, encoded_year = info
    if encoded_year > today.year:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "The citizen ID (CCCD) gives birth year {year}, which is in the future; "
            "check digits 4 to 6.",
        )
        errors.append(("id_number", check_message(source, year=encoded_year)))
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
        errors.append(("sex", check_message(source, digit=digits[3])))
    if birth_year is not None and birth_year != encoded_year:
        source = QT_TRANSLATE_NOOP(
            "Validation",
            "Birth year {entered} does not match the citizen ID (CCCD), which gives "
            "{encoded}; correct the birth year or the ID number.",
        )
        errors.append(
            ("birth_year", check_message(source, entered=birth_year, encoded=encoded_year))
        )
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
    errors = cccd_errors(value, sex, birth_year, today or date.today())
    return [message for _, message in errors]
