"""A dossier of each kind of applicant reaches the centre through the real
sync with its document: the kind and a passport's nationality travel in the
body the centre's central_push() accepts."""

from __future__ import annotations

from counter_app.services.dossiers import ReceiveRequest, receive
from tests.applicant_examples import EVERY_KIND
from tests.conftest import login
from tests.sync.conftest import Centre


def test_one_of_each_kind_is_pushed_to_the_centre(centre: Centre) -> None:
    desk = centre.desk("Quầy số 1")
    clerk = login(desk.ctx, "tiepnhan")
    codes = {
        kind: receive(desk.ctx, clerk, ReceiveRequest("2.000815", typed)).code
        for kind, (typed, _, _) in EVERY_KIND.items()
    }
    report = desk.sync()
    assert report.push.sent > 0 and report.push.refused == 0
    for kind, code in codes.items():
        body = centre.scalar("SELECT body FROM central_dossiers WHERE code = :c", c=code)
        assert isinstance(body, dict), f"{kind} did not reach the centre"
        _, number, nationality = EVERY_KIND[kind]
        assert body["applicant_id_kind"] == kind.value
        assert body["applicant_id_number"] == number
        assert body["applicant_nationality"] == nationality
