"""Fees in whole đồng, including the certified-copy tiers and cap of Circular 226/2016."""

from __future__ import annotations

import json

import pytest

from counter_app.domain.fees import (
    CERTIFIED_COPY_FEE,
    compute_fee,
    fee_rule_from_dict,
    fee_rule_to_dict,
    format_vnd,
    is_free_by_law,
)
from counter_app.domain.messages import UserError
from counter_app.domain.procedure import FeeKind, FeeRule, FeeTier


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (1, 2_000),
        (2, 4_000),
        (3, 5_000),  # 2 × 2,000 + 1 × 1,000
        (10, 12_000),  # 2 × 2,000 + 8 × 1,000
        (198, 200_000),  # 4,000 + 196,000: exactly the cap
        (199, 200_000),  # 201,000 capped
        (250, 200_000),  # 4,000 + 248,000 = 252,000 capped
    ],
)
def test_certified_copy_one_copy(pages: int, expected: int) -> None:
    assert compute_fee(CERTIFIED_COPY_FEE, pages=pages) == expected


def test_certified_copy_several_copies() -> None:
    assert compute_fee(CERTIFIED_COPY_FEE, pages=3, copies=3) == 15_000
    assert compute_fee(CERTIFIED_COPY_FEE, pages=10, copies=2) == 24_000
    # The cap applies per copy, not per dossier.
    assert compute_fee(CERTIFIED_COPY_FEE, pages=250, copies=2) == 400_000


def test_fee_is_an_int() -> None:
    assert type(compute_fee(CERTIFIED_COPY_FEE, pages=7, copies=2)) is int


def test_other_kinds() -> None:
    assert compute_fee(FeeRule()) == 0
    assert compute_fee(FeeRule(FeeKind.FREE), pages=40, copies=5) == 0
    assert compute_fee(FeeRule(FeeKind.FLAT, amount=50_000), copies=3) == 50_000
    assert compute_fee(FeeRule(FeeKind.PER_COPY, amount=8_000), copies=3) == 24_000


def test_tiered_without_cap_and_with_three_tiers() -> None:
    rule = FeeRule(
        FeeKind.PER_PAGE_TIERED,
        tiers=(FeeTier(1, 5_000), FeeTier(4, 3_000), FeeTier(11, 1_000)),
    )
    assert compute_fee(rule, pages=3) == 15_000
    # 3 × 5,000 + 7 × 3,000 + 2 × 1,000
    assert compute_fee(rule, pages=12) == 38_000
    assert compute_fee(rule, pages=1_000) == 15_000 + 21_000 + 990_000


@pytest.mark.parametrize(("field", "value"), [("pages", 0), ("pages", -2), ("copies", 0)])
def test_bad_counts_name_the_field(field: str, value: int) -> None:
    with pytest.raises(UserError) as caught:
        compute_fee(CERTIFIED_COPY_FEE, **{field: value})
    assert caught.value.field == field
    assert caught.value.message.context == "Fees"
    assert str(value) in caught.value.message.render()


def test_bad_counts_refused_even_for_free_procedures() -> None:
    with pytest.raises(UserError):
        compute_fee(FeeRule(), copies=0)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (7_000, "7.000 đ"),
        (0, "0 đ"),
        (1_250_000, "1.250.000 đ"),
        (500, "500 đ"),
        (-2_000, "-2.000 đ"),
    ],
)
def test_format_vnd(amount: int, text: str) -> None:
    assert format_vnd(amount) == text


@pytest.mark.parametrize(
    "rule",
    [
        CERTIFIED_COPY_FEE,
        FeeRule(),
        FeeRule(FeeKind.FLAT, amount=100_000, note="Thông tư 85/2019/TT-BTC"),
        FeeRule(FeeKind.PER_COPY, amount=3_000),
        FeeRule(FeeKind.PER_SIGNATURE, amount=10_000, online_amount=5_000),
        FeeRule(FeeKind.SET_BY_PROVINCE, note="Nghị quyết HĐND tỉnh"),
    ],
)
def test_dict_round_trip_through_json(rule: FeeRule) -> None:
    stored = json.dumps(fee_rule_to_dict(rule), ensure_ascii=False)
    assert fee_rule_from_dict(json.loads(stored)) == rule


def test_to_dict_shape() -> None:
    assert fee_rule_to_dict(CERTIFIED_COPY_FEE) == {
        "kind": "per_page_tiered",
        "amount": 0,
        "tiers": [{"from_page": 1, "price": 2000}, {"from_page": 3, "price": 1000}],
        "cap_per_copy": 200000,
        "note": "Thông tư 226/2016/TT-BTC",
        "online_amount": None,
    }


def test_from_dict_defaults() -> None:
    assert fee_rule_from_dict({}) == FeeRule()
    assert fee_rule_from_dict({"kind": "flat", "amount": 20000}) == FeeRule(FeeKind.FLAT, 20000)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "per_day"}, "kind"),
        ({"kind": "flat", "amount": -1}, "amount"),
        ({"kind": "flat", "amount": 1.5}, "amount"),
        ({"kind": "flat", "amount": "7000"}, "amount"),
        ({"kind": "per_page_tiered", "tiers": []}, "tiers"),
        ({"kind": "per_page_tiered", "tiers": [{"from_page": 1, "price": -5}]}, "price"),
        ({"kind": "per_page_tiered", "tiers": [{"from_page": 0, "price": 5}]}, "tiers"),
        (
            {
                "kind": "per_page_tiered",
                "tiers": [{"from_page": 3, "price": 1}, {"from_page": 1, "price": 2}],
            },
            "tiers",
        ),
        (
            {
                "kind": "per_page_tiered",
                "tiers": [{"from_page": 1, "price": 1}],
                "cap_per_copy": -1,
            },
            "cap_per_copy",
        ),
    ],
)
def test_from_dict_refuses_bad_rules(data: dict[str, object], field: str) -> None:
    with pytest.raises(UserError) as caught:
        fee_rule_from_dict(data)
    assert caught.value.field == field


def test_per_document_and_per_signature() -> None:
    # Signature certification: 10,000 đ a case, a case being one paper however
    # many signatures it holds (Circular 226/2016/TT-BTC); some fees go by signature.
    per_paper = FeeRule(FeeKind.PER_DOCUMENT, amount=10_000)
    assert compute_fee(per_paper, copies=3) == 30_000
    per_signature = FeeRule(FeeKind.PER_SIGNATURE, amount=10_000)
    assert compute_fee(per_signature, signatures=4) == 40_000
    with pytest.raises(UserError) as caught:
        compute_fee(per_signature, signatures=0)
    assert caught.value.field == "signatures"


def test_online_rate_replaces_the_counter_rate_where_there_is_one() -> None:
    residence = FeeRule(FeeKind.FLAT, amount=20_000, online_amount=10_000)
    assert compute_fee(residence) == 20_000
    assert compute_fee(residence, online=True) == 10_000
    # A rule without an online rate charges the same online.
    assert compute_fee(FeeRule(FeeKind.FLAT, amount=8_000), online=True) == 8_000


def test_province_set_fee_is_entered_or_taken_from_the_imported_table() -> None:
    blank = FeeRule(FeeKind.SET_BY_PROVINCE)
    # GIVEN no amount from the province's table: receiving says what to enter
    with pytest.raises(UserError) as caught:
        compute_fee(blank)
    assert caught.value.field == "fee_amount"
    assert "province" in caught.value.message.source
    # WHEN the official types it, it is the fee (0 is an exemption, not "free by law")
    assert compute_fee(blank, entered=15_000) == 15_000
    assert compute_fee(blank, entered=0) == 0
    assert not is_free_by_law(blank)
    # AND a negative amount is refused with the field named
    with pytest.raises(UserError) as bad:
        compute_fee(blank, entered=-1)
    assert bad.value.field == "fee_amount"
    # AND the province's table, once imported, is proposed
    assert compute_fee(FeeRule(FeeKind.SET_BY_PROVINCE, amount=50_000)) == 50_000


def test_an_amount_typed_for_a_computed_fee_is_refused() -> None:
    with pytest.raises(UserError) as caught:
        compute_fee(CERTIFIED_COPY_FEE, entered=1)
    assert caught.value.field == "fee_amount"


def test_only_free_by_law_is_free() -> None:
    assert is_free_by_law(FeeRule())
    for kind in FeeKind:
        if kind is not FeeKind.FREE:
            assert not is_free_by_law(FeeRule(kind))
