"""Decree 118/2025 Art. 17(1)(b) across the province: a paper another desk of
the agency digitised is offered at this desk's reception once the centre holds
it, and taking it brings its file here, checked, and records the reuse."""

from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.domain.messages import UserError
from counter_app.domain.papers import Origin
from counter_app.domain.validation import ApplicantInput
from counter_app.services import catalogue, papers
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.services.papers import Reuse
from counter_app.sync.papers_lookup import fetch_files, held_anywhere
from tests.conftest import AGENCY, Clock, login
from tests.sync.conftest import Centre
from tests.sync.paper_support import BIRTH, HOLDER, add_paper, push_rows_only, small_pdf
from tests.sync.support import receive_many

DAY = datetime(2026, 11, 26, 8, 0)
COPY = "2.000815"


def test_a_paper_digitised_at_another_desk_is_offered_fetched_and_taken(
    centre: Centre,
) -> None:
    a = centre.desk("Quầy số 1", Clock(DAY))
    b = centre.desk("Quầy số 2", Clock(DAY))
    (code,) = receive_many(a, 1)
    # GIVEN a paper at desk A whose row reached the centre but not yet its file
    info = add_paper(a, code, small_pdf(70))
    push_rows_only(a)
    # THEN desk B does not offer it: it could not fetch it
    assert held_anywhere(b.ctx, b.directory, HOLDER) == []
    # WHEN A's round sends the file
    a.sync()
    # THEN B offers it, marked as held at the centre for A's agency
    (offered,) = held_anywhere(b.ctx, b.directory, HOLDER)
    assert offered.uuid == info.uuid and offered.held_at == AGENCY
    assert offered.data == BIRTH
    # AND B's reception cannot take it before its file is here
    spec = next(p for p in catalogue.list_procedures(b.ctx) if p.code == COPY)
    document = next(d.name for d in spec.documents if d.mandatory)
    request = ReceiveRequest(
        COPY,
        ApplicantInput(full_name="Lăng Thị Khuyên", id_number=HOLDER, phone="0912345678"),
        reuse=(Reuse(offered.uuid, document, offered),),
    )
    clerk = login(b.ctx, "tiepnhan")
    with pytest.raises(UserError):
        receive(b.ctx, clerk, request)
    # WHEN the file is fetched first, as the reception form does
    fetch_files(b.ctx, b.directory, [offered])
    new = receive(b.ctx, clerk, request)
    (taken,) = papers.list_papers(b.ctx, new.code)
    assert taken.origin is Origin.REUSE and taken.reused_from == info.uuid
    assert b.ctx.files is not None and b.ctx.files.intact(info.sha256)
    # AND once B's own copy exists, the centre's is not offered twice
    assert [p.uuid for p in held_anywhere(b.ctx, b.directory, HOLDER)] == [taken.uuid]
    # AND the reuse reaches the centre like any paper
    b.sync()
    assert (
        centre.scalar(
            "SELECT count(*) FROM central_records WHERE kind = 'paper' AND uuid = :u",
            u=taken.uuid,
        )
        == 1
    )
