"""Applicant checks at the counter: every problem reported at once, data stored clean."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from counter_app.domain.cccd import Sex, cccd_birth_info, cccd_province, validate_cccd
from counter_app.domain.messages import ValidationFailed
from counter_app.domain.validation import ApplicantInput, validate_applicant

TODAY = date(2026, 3, 2)

HANOI_MAN_1999 = "001099012345"  # 001 Hà Nội, 0 = male 1900s, 99
HCMC_WOMAN_2001 = "079301000123"  # 079 TP HCM, 3 = female 2000s, 01
NAM_DINH_WOMAN_1985 = "036185012345"  # 036 Nam Định, 1 = female 1900s, 85


def fields_of(caught: pytest.ExceptionInfo[ValidationFailed]) -> list[str]:
    return [field for field, _ in caught.value.errors]


# -- CCCD ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "sex", "year"),
    [
        (HANOI_MAN_1999, Sex.MALE, 1999),
        (HCMC_WOMAN_2001, Sex.FEMALE, 2001),
        (NAM_DINH_WOMAN_1985, Sex.FEMALE, 1985),
        ("096200000001", Sex.MALE, 2000),  # Cà Mau, male 2000
    ],
)
def test_valid_cccd_and_what_it_encodes(number: str, sex: Sex, year: int) -> None:
    assert validate_cccd(number, today=TODAY) == []
    assert validate_cccd(number, sex=sex, birth_year=year, today=TODAY) == []
    assert cccd_birth_info(number) == (sex, year)


def test_cccd_province_name() -> None:
    assert cccd_province(HANOI_MAN_1999) == "Hà Nội"
    assert cccd_province(HCMC_WOMAN_2001) == "Hồ Chí Minh"
    assert cccd_province("003099012345") is None


@pytest.mark.parametrize(
    ("number", "count"), [("00109901234", 11), ("0010990123456", 13), ("123456789", 9)]
)
def test_cccd_wrong_length(number: str, count: int) -> None:
    messages = validate_cccd(number, today=TODAY)
    assert len(messages) == 1
    assert messages[0].context == "Validation"
    assert messages[0].params == {"count": count}
    assert f"{count} were entered" in messages[0].render()


def test_cccd_with_letters_names_them() -> None:
    messages = validate_cccd("0010990123AB", today=TODAY)
    assert len(messages) == 1
    assert messages[0].params == {"chars": "A B"}


def test_cccd_unknown_province_code() -> None:
    # 003 is a gap in the province list (Hà Giang 002, Cao Bằng 004).
    messages = validate_cccd("003099012345", today=TODAY)
    assert [m.params for m in messages] == [{"code": "003"}]
    assert validate_cccd("000099012345", today=TODAY) != []


def test_cccd_code_above_the_province_range_is_taken_as_a_country_code() -> None:
    assert validate_cccd("400099012345", today=TODAY) == []


def test_cccd_birth_year_in_the_future() -> None:
    # Digit 4 = 2 (male, 2000s) and 99: born 2099.
    messages = validate_cccd("001299012345", today=TODAY)
    assert [m.params for m in messages] == [{"year": 2099}]
    # Digits 8/9 mean the 2300s (Circular 59/2021/TT-BCA), never a living person.
    assert cccd_birth_info("001885012345") == (Sex.MALE, 2385)
    assert validate_cccd("001885012345", today=TODAY) != []


def test_cccd_sex_mismatch_says_which() -> None:
    messages = validate_cccd(HANOI_MAN_1999, sex=Sex.FEMALE, today=TODAY)
    assert len(messages) == 1
    assert "man's" in messages[0].source and "female was selected" in messages[0].source
    messages = validate_cccd(HCMC_WOMAN_2001, sex=Sex.MALE, today=TODAY)
    assert "woman's" in messages[0].source and "male was selected" in messages[0].source


def test_cccd_birth_year_mismatch_gives_both_years() -> None:
    messages = validate_cccd(HANOI_MAN_1999, birth_year=1998, today=TODAY)
    assert [m.params for m in messages] == [{"entered": 1998, "encoded": 1999}]


def test_cccd_century_mismatch() -> None:
    # Born 2001 but the ID says 1901 (digit 4 = 1, female 1900s).
    messages = validate_cccd("079101000123", sex=Sex.FEMALE, birth_year=2001, today=TODAY)
    assert [m.params for m in messages] == [{"entered": 2001, "encoded": 1901}]


def test_cccd_separators_are_ignored() -> None:
    assert validate_cccd("001 099 012 345", today=TODAY) == []
    assert validate_cccd("001.099.012.345", today=TODAY) == []
    assert validate_cccd("001-099-012-345", today=TODAY) == []


def test_cccd_birth_info_of_malformed_number() -> None:
    assert cccd_birth_info("12345") is None
    assert cccd_birth_info("00109901234x") is None


# -- applicant -----------------------------------------------------------------------


def test_valid_applicant_is_normalised() -> None:
    name = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    data = ApplicantInput(
        full_name=f"  {name}  ",
        id_number="001 099 012 345",
        phone="+84 912 345 678",
        email=" duc.nv@example.vn ",
        address=unicodedata.normalize("NFD", "Số 1  Tràng Tiền,\nHoàn Kiếm"),
        sex=Sex.MALE,
        birth_year=1999,
    )
    clean = validate_applicant(data, today=TODAY)
    assert clean.full_name == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", clean.full_name)
    assert clean.id_number == HANOI_MAN_1999
    assert clean.phone == "0912345678"
    assert clean.email == "duc.nv@example.vn"
    assert clean.address == "Số 1 Tràng Tiền, Hoàn Kiếm"
    assert clean.sex is Sex.MALE
    assert clean.birth_year == 1999


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912345678"),
        ("091 234 5678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("(+84) 0912 345 678", "0912345678"),
        ("0387654321", "0387654321"),
        ("024 3825 1234", "02438251234"),  # Hà Nội landline
    ],
)
def test_phone_variants(typed: str, stored: str) -> None:
    clean = validate_applicant(ApplicantInput("Trần Thị Hoa", phone=typed), id_required=False)
    assert clean.phone == stored


@pytest.mark.parametrize(
    "typed", ["091234567", "09123456789", "0112345678", "+1 202 555 0100", "1912345678"]
)
def test_bad_phone_numbers(typed: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_applicant(ApplicantInput("Trần Thị Hoa", phone=typed), id_required=False)
    assert fields_of(caught) == ["phone"]


def test_phone_with_letters_names_them() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_applicant(ApplicantInput("Trần Thị Hoa", phone="09l2345678"), id_required=False)
    assert caught.value.errors[0][1].params == {"chars": "l"}


@pytest.mark.parametrize("name", ["O'Brien", "Nguyễn-Trần Thị Hoa", "H’Hen Niê", "Lò Văn Páo"])
def test_names_with_apostrophes_and_hyphens(name: str) -> None:
    assert validate_applicant(ApplicantInput(name), id_required=False).full_name == name


@pytest.mark.parametrize("name", ["Nguyễn Văn A1", "Trần Thị Hoa (mẹ)", "Lê.Văn"])
def test_names_with_other_characters_are_refused(name: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_applicant(ApplicantInput(name), id_required=False)
    assert fields_of(caught) == ["full_name"]


def test_name_required_and_limited() -> None:
    for blank in ("", "   ", "-"):
        with pytest.raises(ValidationFailed) as caught:
            validate_applicant(ApplicantInput(blank), id_required=False)
        assert fields_of(caught) == ["full_name"]
    assert validate_applicant(ApplicantInput("A" * 100), id_required=False)
    with pytest.raises(ValidationFailed) as caught:
        validate_applicant(ApplicantInput("A" * 101), id_required=False)
    assert caught.value.errors[0][1].params == {"max": 100, "count": 101}


def test_id_required_by_default() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_applicant(ApplicantInput("Trần Thị Hoa"))
    assert fields_of(caught) == ["id_number"]
    assert validate_applicant(ApplicantInput("Trần Thị Hoa"), id_required=False).id_number == ""


@pytest.mark.parametrize("email", ["abc", "a@b", "a b@c.vn", "a@@b.vn", "a@b..vn", "@b.vn"])
def test_bad_email(email: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_applicant(ApplicantInput("Trần Thị Hoa", email=email), id_required=False)
    assert fields_of(caught) == ["email"]


@pytest.mark.parametrize("year", [1899, 2027, 3000])
def test_birth_year_range(year: int) -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_applicant(
            ApplicantInput("Trần Thị Hoa", birth_year=year), id_required=False, today=TODAY
        )
    assert fields_of(caught) == ["birth_year"]
    assert caught.value.errors[0][1].params["max"] == 2026


def test_sex_and_birth_year_contradicting_the_cccd() -> None:
    data = ApplicantInput(
        "Nguyễn Văn Đức", id_number=HANOI_MAN_1999, sex=Sex.FEMALE, birth_year=1989
    )
    with pytest.raises(ValidationFailed) as caught:
        validate_applicant(data, today=TODAY)
    assert fields_of(caught) == ["sex", "birth_year"]


def test_every_problem_is_reported_in_form_order_and_nothing_is_returned() -> None:
    data = ApplicantInput(
        full_name="",
        id_number="0010990",
        phone="12345",
        email="not-an-email",
        address="x" * 300,
        birth_year=1800,
    )
    result: ApplicantInput | None = None
    with pytest.raises(ValidationFailed) as caught:
        result = validate_applicant(data, today=TODAY)
    assert result is None
    assert fields_of(caught) == [
        "full_name",
        "id_number",
        "phone",
        "email",
        "address",
        "birth_year",
    ]
    # The first error is the one a form focuses.
    assert caught.value.field == "full_name"
    assert all(message.context == "Validation" for _, message in caught.value.errors)


def test_sex_given_as_text_is_accepted() -> None:
    data = ApplicantInput("Trần Thị Hoa", sex="female")  # type: ignore[arg-type]
    assert validate_applicant(data, id_required=False).sex is Sex.FEMALE
