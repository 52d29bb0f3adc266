"""`counter-app central demo`: two desks offline, then sync, against a real
centre; on the way a department's procedure numbered in the centre's blocks
(Decree 118/2025 Art. 28(2)) and a portal dossier answered (Art. 17(2))."""

from __future__ import annotations

import json
from pathlib import Path

from counter_app.devtools.sync_demo import DEMO_AGENCY, DEPARTMENT, run_sync_demo


def test_the_sync_demo_plays_to_the_end_and_the_centre_holds_each_dossier_once(
    central_url: str, tmp_path: Path
) -> None:
    lines = [json.loads(line) for line in run_sync_demo(central_url, tmp_path, per_counter=10)]
    steps = [line["step"] for line in lines]
    assert steps == [
        "connected",
        "connected",
        "offline",
        "offline",
        "online",
        "sync",
        "sync",
        "centre",
    ]
    online = lines[4]
    assert online["listed_to_answer"] and online["answer_by"] and online["state"] == "in_appraisal"
    assert all(line["refused"] == 0 for line in lines if line["step"] == "sync")
    centre = lines[-1]
    # 20 received at the desks and the portal's one, each once
    assert centre["dossiers"] == centre["distinct_codes"] == 21
    assert centre["quarantined"] == 0
    by_authority = centre["codes_by_authority"]
    assert set(by_authority) == {DEMO_AGENCY, DEPARTMENT}
    assert sum(by_authority.values()) == 21 and by_authority[DEPARTMENT] > 0
