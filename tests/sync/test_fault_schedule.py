"""The random fault schedule, briefly: a fixed seed for about forty seconds
(``make soak`` runs it for as long as asked). Kills mid-sync, cut links,
swallowed COMMITs, stalls, centre restarts and two syncs at once, then every
fault healed: nothing lost, nothing doubled, nothing left waiting."""

from __future__ import annotations

import pytest

from counter_app.devtools.local_cluster import LocalCluster
from tests.sync.conftest import Centre
from tests.sync.fault_schedule import schedule
from tests.sync.support import receive_many

SEED = 16
SECONDS = 40


@pytest.mark.slow
def test_random_faults_lose_double_and_stall_nothing(
    centre: Centre, pg_cluster: LocalCluster
) -> None:
    # GIVEN three counters of one agency, each behind its own faulty link
    with schedule(centre, pg_cluster, 3, SEED) as runner:
        # WHEN random work and faults run for a while, then everything heals
        tally = runner.run(SECONDS)
    # THEN every receipt handed out is at the centre once, and no outbox waits
    assert tally.ok and not tally.unexpected, f"{tally.summary()}\n{tally.details()}"
    assert tally.receipts > 0
    # every kind of fault was drawn
    assert tally.rounds >= 10
    assert tally.faults_fired["cut"] + tally.faults_fired["commit"] > 0, tally.details()


def test_the_count_sees_a_lost_receipt_and_a_waiting_entry(
    centre: Centre, pg_cluster: LocalCluster
) -> None:
    # GIVEN two counters whose work all reached the centre (no rounds drawn)
    with schedule(centre, pg_cluster, 2, SEED) as runner:
        first, second = runner.counters
        first.received += receive_many(first.desk, 3)
        runner.heal()
        # WHEN the centre loses one receipt and the second counter's new work
        # never leaves it
        centre_lost = first.received[0]
        with centre.engine.begin() as conn:
            conn.exec_driver_sql(
                "DELETE FROM central_dossiers WHERE code = %(code)s", {"code": centre_lost}
            )
        second.received += receive_many(second.desk, 1, first=100)
        runner.count()
    # THEN the count says so
    waiting = runner.tally.stalled
    assert waiting > 0
    # the deleted receipt, and every row of the one never sent (each waits)
    assert runner.tally.lost == 1 + waiting
    assert runner.tally.doubled == 0
    assert not runner.tally.ok
