"""Two counters of one agency work offline, then sync: every dossier arrives
once, codes stay unique, and what the centre knows comes down."""

from __future__ import annotations

from datetime import datetime

from counter_app.services.auth import login
from tests.conftest import PASSWORD, Clock
from tests.sync.conftest import Centre
from tests.sync.support import receive_many


def test_two_counters_offline_then_sync_every_dossier_once(centre: Centre) -> None:
    # GIVEN two counters of one agency, connected once (catalogue and officials came down)
    clock = Clock(datetime(2026, 11, 26, 9, 0))
    a = centre.desk("Quầy số 1", clock)
    b = centre.desk("Quầy số 2", clock)
    assert a.registration.code_slot != b.registration.code_slot
    assert login(a.ctx, "tiepnhan", PASSWORD).username == "tiepnhan"
    # WHEN both receive dossiers with the centre out of reach, then sync
    codes = receive_many(a, 30) + receive_many(b, 30, first=30)
    a.sync()
    b.sync()
    # THEN the centre holds each once, codes unique, nothing waiting
    assert len(set(codes)) == 60
    assert centre.scalar("SELECT count(*) FROM central_dossiers") == 60
    assert centre.scalar("SELECT count(DISTINCT code) FROM central_dossiers") == 60
    assert centre.scalar("SELECT count(*) FROM central_records WHERE kind = 'step'") == 60
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 0
    # AND the fee taken at reception, whether it was free by law, and the unit the
    # dossier was received by travel with it (2,000 đ for a one-page certified copy)
    assert centre.scalar("SELECT sum(fee) FROM central_dossiers") == 60 * 2_000
    assert centre.scalar("SELECT count(*) FROM central_dossiers WHERE fee_free") == 0
    units = "SELECT count(*) FROM central_dossiers WHERE body->>'unit_name' = :u"
    assert centre.scalar(units, u="Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ") == 60
    assert a.sync().push.sent == 0
