"""The desk's writes and background sync share one counter database: they go
one at a time, so no "database is locked" reaches an official and the outbox
numbering stays gapless."""

from __future__ import annotations

import threading

from counter_app.domain.workflow import Action
from counter_app.services.dossiers import StepRequest, take_step
from tests.conftest import login
from tests.sync.conftest import Centre
from tests.sync.support import assert_all_once, receive_many


def test_desk_writes_and_background_sync_never_race(centre: Centre) -> None:
    # GIVEN one desk whose window receives and steps while sync runs beside it
    desk = centre.desk("Quầy số 1")
    errors: list[BaseException] = []
    done = threading.Event()

    def window() -> None:
        try:
            for i in range(8):
                for code in receive_many(desk, 5, first=i * 5):
                    take_step(
                        desk.ctx,
                        login(desk.ctx, "thamdinh"),
                        code,
                        StepRequest(Action.START_APPRAISAL),
                    )
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            done.set()

    def background() -> None:
        try:
            while not done.is_set():
                desk.sync()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=window), threading.Thread(target=background)]
    # WHEN both run at once
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    # THEN neither failed, and one last sync leaves everything at the centre once
    assert errors == []
    desk.sync()
    totals = assert_all_once(centre, desk)
    assert totals["dossier"] == 40 and totals["step"] == 80
