"""Every kind of applicant is accepted in the form its document prints, and a
mistyped one is refused with a sentence saying what to fix."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from counter_app.domain.identity_documents import IdKind, tax_code_check_digit
from counter_app.domain.messages import ValidationFailed
from counter_app.domain.validation import ApplicantInput, validate_applicant
from tests.applicant_examples import EVERY_KIND, PASSPORT, TAX_CODE

TODAY = date(2026, 11, 26)


def problems(data: ApplicantInput) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as caught:
        validate_applicant(data, today=TODAY)
    # The English source filled in; tests/test_translations.py holds each to its Vietnamese.
    return [
        (field, message.source.format(**message.params)) for field, message in caught.value.errors
    ]


@pytest.mark.parametrize("kind", list(IdKind))
def test_each_kind_is_accepted_and_stored_as_its_document_prints(kind: IdKind) -> None:
    typed, number, nationality = EVERY_KIND[kind]
    clean = validate_applicant(typed, today=TODAY)
    assert (clean.id_kind, clean.id_number, clean.nationality) == (kind, number, nationality)


@pytest.mark.parametrize(
    ("kind", "number", "field", "says"),
    [
        (IdKind.CCCD, "020087", "id_number", "exactly 12 digits"),
        (IdKind.CMND, "08012345", "id_number", "exactly 9 digits"),
        (IdKind.CMND, "020087002345", "id_number", "citizen ID (CCCD): choose that kind"),
        (IdKind.CMND, "08O123456", "id_number", "only digits"),
        (IdKind.PASSPORT, "E12", "id_number", "6 to 9 letters"),
        (IdKind.PASSPORT, "E1234567890", "id_number", "6 to 9 letters"),
        (IdKind.PASSPORT, "E123/4567", "id_number", "only Latin letters and digits"),
        (IdKind.TAX_CODE, "031440905", "id_number", "must have 10 digits"),
        (IdKind.TAX_CODE, "0314409058-02", "id_number", "must have 10 digits"),
        (IdKind.TAX_CODE, "0314409059", "id_number", "10th digit does not match"),
        (IdKind.TAX_CODE, "0314409058-000", "id_number", "not one the tax office issues"),
        (IdKind.TAX_CODE, "MST0314409058", "id_number", "only digits, and a dash"),
        (IdKind.BUSINESS_CODE, "14A8", "id_number", "6 to 15 letters"),
        (IdKind.BUSINESS_CODE, "HKD-XỨ-LẠNG", "id_number", "only Latin letters and digits"),
    ],
)
def test_a_mistyped_number_is_refused_saying_what_to_fix(
    kind: IdKind, number: str, field: str, says: str
) -> None:
    typed = dataclasses.replace(EVERY_KIND[kind][0], id_number=number)
    found = problems(typed)
    assert [f for f, _ in found] == [field]
    assert says in found[0][1]


@pytest.mark.parametrize("kind", list(IdKind))
def test_an_empty_number_asks_for_the_chosen_document(kind: IdKind) -> None:
    typed = dataclasses.replace(EVERY_KIND[kind][0], id_number="")
    [(field, source)] = problems(typed)
    assert field == "id_number" and source.startswith("Enter the")


def test_a_passport_needs_a_known_nationality() -> None:
    [(field, source)] = problems(dataclasses.replace(PASSPORT, nationality=""))
    assert field == "nationality" and "three-letter code" in source
    [(field, source)] = problems(dataclasses.replace(PASSPORT, nationality="Atlantis"))
    assert field == "nationality" and "is not known" in source
    for typed, code in (("kor", "KOR"), ("Hàn Quốc", "KOR"), ("han quoc", "KOR"), ("DEU", "DEU")):
        clean = validate_applicant(dataclasses.replace(PASSPORT, nationality=typed), today=TODAY)
        assert clean.nationality == code


def test_only_a_passport_keeps_a_nationality() -> None:
    typed = dataclasses.replace(EVERY_KIND[IdKind.CCCD][0], nationality="CHN")
    assert validate_applicant(typed, today=TODAY).nationality == ""


def test_an_organisation_needs_its_name_and_a_representative() -> None:
    found = problems(dataclasses.replace(TAX_CODE, organisation="", full_name=""))
    assert [f for f, _ in found] == ["organisation", "full_name"]
    assert "representative" in found[1][1]


def test_the_tax_code_check_digit() -> None:
    # Tax codes printed on real registration certificates.
    for code in ("0100233488", "0314409058", "0100112437", "0312687878"):
        assert tax_code_check_digit(code[:9]) == int(code[9])


def test_the_cccd_alone_is_checked_against_sex_and_birth_year() -> None:
    # A CMND's digits say nothing of its holder's birth: no cross-check.
    cmnd = dataclasses.replace(EVERY_KIND[IdKind.CMND][0], birth_year=1960)
    assert validate_applicant(cmnd, today=TODAY).birth_year == 1960
