"""What a reception sets is written once (counter_app/domain/reception.py):
a dossier the portal sends through the centre and the same dossier handed in
at a desk at the same moment get the same appointment, fee and applicant."""

from __future__ import annotations

from datetime import datetime

from counter_app.centre import admin
from counter_app.domain.validation import ApplicantInput
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.sync.service import sync_once
from tests.conftest import Clock, login
from tests.sync.conftest import Centre
from tests.sync.test_feed_content import PORTAL_CODE, _online

SUBMITTED = datetime(2026, 11, 26, 20, 15)
SAME = (
    "appointment_at",
    "original_appointment_at",
    "fee",
    "fee_free",
    "on_the_spot",
    "applicant_name",
    "applicant_id_number",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "applicant_sex",
    "applicant_birth_year",
    "organisation",
)


def test_a_portal_dossier_and_a_desk_reception_get_the_same_terms(centre: Centre) -> None:
    # GIVEN a dossier submitted on the portal at 20:15 (after hours), imported by the centre
    desk = centre.desk("Quầy số 1", Clock(SUBMITTED))
    assert admin.import_online(centre.engine, [_online()]) == [PORTAL_CODE]
    sync_once(desk.ctx, desk.directory)
    # AND the same citizen handing in the same procedure at the desk at that moment
    entry = _online()
    applicant = entry["applicant"]
    assert isinstance(applicant, dict)
    code = receive(
        desk.ctx,
        login(desk.ctx, "tiepnhan"),
        ReceiveRequest(
            str(entry["procedure_code"]),
            ApplicantInput(**applicant),
            online=True,
            fee_amount=int(str(entry["fee"])),
        ),
    ).code
    # THEN both carry the same terms and applicant fields
    sync_once(desk.ctx, desk.directory)
    portal, desk_body = (
        centre.scalar("SELECT body FROM central_dossiers WHERE code = :c", c=c)
        for c in (PORTAL_CODE, code)
    )
    assert isinstance(portal, dict) and isinstance(desk_body, dict)
    assert {k: portal[k] for k in SAME} == {k: desk_body[k] for k in SAME}
