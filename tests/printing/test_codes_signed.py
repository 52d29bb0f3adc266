"""Issue 21 point 4: a signed receipt's QR code adds the signed copy's hash
(KS) to what it carried; receipts printed before still read."""

from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.domain.messages import UserError
from counter_app.paper import parse_qr_payload, qr_payload

CODE = "000.00.37.H37-261126-0001"
WHEN = datetime(2026, 12, 1, 10, 0)
SHA = "ab" * 32


def test_a_signed_receipts_qr_adds_the_hash_and_an_old_one_still_reads() -> None:
    signed = parse_qr_payload(qr_payload(CODE, "000.00.37.H37", "1.004873", WHEN, SHA))
    assert (signed.dossier_code, signed.appointment, signed.signed_sha256) == (CODE, WHEN, SHA)
    old = parse_qr_payload(qr_payload(CODE, "000.00.37.H37", "1.004873", WHEN))
    assert (old.dossier_code, old.signed_sha256) == (CODE, "")
    assert "KS:" not in qr_payload(CODE, "000.00.37.H37", "1.004873", WHEN)


def test_a_hash_that_is_not_one_is_refused() -> None:
    with pytest.raises(UserError, match="KS"):
        parse_qr_payload(f"MHS:{CODE}\nKS:1234")
