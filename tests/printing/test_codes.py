"""QR payload round trip and barcode encoding."""

from __future__ import annotations

from datetime import datetime

import pytest
from reportlab.lib.units import mm

from counter_app.domain.messages import UserError
from counter_app.paper.codes import (
    QUIET_MODULES,
    Code128,
    code128_modules,
    parse_qr_payload,
    qr_payload,
)
from counter_app.paper.fonts import register_fonts


def test_qr_payload_round_trip() -> None:
    text = qr_payload(
        "000.00.37.H37-261126-0001",
        "000.00.37.H37",
        "2.000815",
        datetime(2026, 12, 1, 10, 0),
    )
    assert text.splitlines() == [
        "MHS:000.00.37.H37-261126-0001",
        "CQ:000.00.37.H37",
        "TTHC:2.000815",
        "HEN:2026-12-01 10:00",
    ]
    payload = parse_qr_payload(text)
    assert payload.dossier_code == "000.00.37.H37-261126-0001"
    assert payload.appointment == datetime(2026, 12, 1, 10, 0)


def test_qr_code_of_an_older_receipt_with_the_id_number_still_reads() -> None:
    payload = parse_qr_payload("MHS:ABC-1\nCQ:H37\nTTHC:1.1\nCD:020190001234\nHEN:2026-12-01 10:00")
    assert payload.dossier_code == "ABC-1" and payload.procedure_code == "1.1"
    assert "020190001234" not in repr(payload)


def test_scanner_line_endings_and_unknown_lines_are_tolerated() -> None:
    payload = parse_qr_payload("MHS:ABC-1\r\nXYZ:ignored\r\nCQ:H37\r\n")
    assert payload.dossier_code == "ABC-1"
    assert payload.agency_id == "H37"
    assert payload.appointment is None


def test_a_2d_scanner_that_types_tabs_or_bare_returns_between_lines_is_read() -> None:
    for separator in ("\t", "\r"):
        text = separator.join(["MHS:ABC-1", "CQ:H37", "TTHC:1.1", "HEN:2026-12-01 10:00"])
        payload = parse_qr_payload(text)
        assert (payload.dossier_code, payload.agency_id, payload.procedure_code) == (
            "ABC-1",
            "H37",
            "1.1",
        )
        assert payload.appointment is not None


@pytest.mark.parametrize("text", ["https://example.vn", "CQ:H37", "MHS:X\nHEN:01/12/2026"])
def test_foreign_qr_codes_are_refused(text: str) -> None:
    with pytest.raises(UserError):
        parse_qr_payload(text)


def test_barcode_respects_quiet_zone_and_minimum_sizes() -> None:
    fonts = register_fonts()
    code = "000.00.37.H37-261126-0001"
    modules = code128_modules(code)
    assert set(modules) == {"0", "1"} and modules.startswith("11")
    bar = Code128(code, fonts.regular)
    assert bar.module >= 0.33 * mm
    assert bar.bar_height >= 10 * mm
    assert bar.width == pytest.approx((len(modules) + 2 * QUIET_MODULES) * bar.module)
    narrow = Code128(code, fonts.regular, max_width=72 * mm)
    assert narrow.width <= 72 * mm + 1e-6
