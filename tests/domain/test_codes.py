"""Dossier codes: format, per-counter blocks, parsing scanned text."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.domain.codes import (
    DossierCode,
    check_agency_id,
    next_sequence,
    parse_code,
    slot_range,
)
from counter_app.domain.messages import UserError


def test_code_format() -> None:
    assert str(DossierCode("000.00.37.H37", date(2026, 11, 26), 1)) == "000.00.37.H37-261126-0001"


def test_slots_do_not_overlap() -> None:
    ranges = [slot_range(s) for s in range(10)]
    assert ranges[0] == (1, 999)
    assert ranges[1] == (1000, 1999)
    assert ranges[9] == (9000, 9999)
    for (_, last), (first, _) in zip(ranges, ranges[1:], strict=False):
        assert last < first


def test_next_sequence_starts_in_block_and_stops_at_its_end() -> None:
    assert next_sequence(0, None) == 1
    assert next_sequence(3, None) == 3000
    assert next_sequence(3, 3000) == 3001
    with pytest.raises(UserError, match="used all 999"):
        next_sequence(0, 999)


def test_bad_slot_refused() -> None:
    with pytest.raises(UserError):
        slot_range(10)


def test_parse_code_round_trip_and_rejects() -> None:
    code = DossierCode("000.00.37.H37", date(2026, 11, 26), 42)
    assert parse_code(" 000.00.37.h37-261126-0042 ") == code
    assert parse_code("000.00.37.H37-261131-0042") is None  # 31 Nov
    assert parse_code("Nguyen Van A") is None


def test_agency_id_checked() -> None:
    assert check_agency_id(" 000.00.37.h37 ") == "000.00.37.H37"
    with pytest.raises(UserError) as err:
        check_agency_id("UBND-xa")
    assert err.value.field == "agency_id"
