"""Decree 118/2025 Art. 17(1)(c), 17(1)(b), 19(2), 22(4) at the desk: each
paper's electronic copy is stored once with its data, found again, taken
into a new dossier instead of being scanned again, and never lost."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import func, select

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError, ValidationFailed
from counter_app.domain.papers import Origin, PaperData, PaperRole, ResultCopy
from counter_app.domain.workflow import Action, State
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.models import AuditEntry, Dossier, StoredFile
from counter_app.services import papers
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    get_dossier,
    receive,
    take_step,
)
from counter_app.services.papers import NewCopy
from counter_app.services.search import search as find_dossiers
from tests.conftest import Clock, login, typed_fee
from tests.services.test_online_answer import CITIZEN, MARITAL_STATUS
from tests.services.test_steps import _ready


def scan_page(shade: int = 200) -> bytes:
    """A greyscale 'scanned' page as a PNG, like the scanner's output."""
    image = Image.new("L", (850, 1100), shade)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


BIRTH = PaperData(
    doc_type_code="GT.KS",
    document_name="Giấy khai sinh",
    holder_id_number="020190001234",
    summary="Khai sinh của Lăng Thị Khuyên, sinh năm 1990",
)


def _dossier(rt: Runtime) -> str:
    req = ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=typed_fee(MARITAL_STATUS))
    return receive(rt.ctx, login(rt.ctx, "tiepnhan"), req).code


def test_a_scanned_paper_is_stored_once_with_its_article_19_2_data(
    counter: Runtime, clock: Clock
) -> None:
    code = _dossier(counter)
    clerk = login(counter.ctx, "tiepnhan")
    pdf = images_to_pdf([scan_page(), scan_page(180)])
    info = papers.add_copy(counter.ctx, clerk, NewCopy(code, pdf, BIRTH, Origin.SCAN, component=1))
    assert info.pages == 2 and info.size == len(pdf)
    assert info.component_name  # the checklist's paper it fulfils
    stored = papers.file_path(counter.ctx, info.sha256)
    assert stored.read_bytes() == pdf and stored.stat().st_mode & 0o077 == 0
    # the same file again: one file, two papers
    again = papers.add_copy(counter.ctx, clerk, NewCopy(code, pdf, BIRTH, Origin.FILE))
    assert again.sha256 == info.sha256
    with counter.ctx.sessions() as session:
        assert len(session.scalars(select(StoredFile)).all()) == 1
        events = session.scalars(select(AuditEntry.event)).all()
    assert events.count("paper.added") == 2
    assert [p.uuid for p in papers.list_papers(counter.ctx, code)] == [info.uuid, again.uuid]
    assert [p.uuid for p in papers.search(counter.ctx, "khuyen khai sinh")] == [
        again.uuid,
        info.uuid,
    ]


def test_article_19_2_without_a_number_the_name_birth_year_and_issue_are_asked(
    counter: Runtime,
) -> None:
    code = _dossier(counter)
    clerk = login(counter.ctx, "tiepnhan")
    pdf = images_to_pdf([scan_page()])
    bare = PaperData(doc_type_code="GT.KS", document_name="Giấy khai sinh")
    with pytest.raises(ValidationFailed) as refused:
        papers.add_copy(counter.ctx, clerk, NewCopy(code, pdf, bare, Origin.SCAN))
    fields = {f for f, _m in refused.value.errors}
    assert fields == {"holder_name", "holder_birth_year", "id_issued_on", "id_issued_by"}
    with pytest.raises(UserError):
        papers.add_copy(counter.ctx, clerk, NewCopy(code, b"%PDF-1.4 torn", BIRTH, Origin.FILE))
    assert papers.list_papers(counter.ctx, code) == []


def test_article_17_1_b_a_valid_paper_is_reused_an_expired_one_is_not(
    counter: Runtime, clock: Clock
) -> None:
    first = _dossier(counter)
    clerk = login(counter.ctx, "tiepnhan")
    pdf = images_to_pdf([scan_page()])
    residence = PaperData(
        doc_type_code="GT.CT",
        document_name="Giấy xác nhận thông tin về cư trú",
        holder_id_number="020190001234",
        valid_until=date(2026, 12, 31),
    )
    birth = papers.add_copy(counter.ctx, clerk, NewCopy(first, pdf, BIRTH, Origin.SCAN))
    old = papers.add_copy(
        counter.ctx,
        clerk,
        NewCopy(first, images_to_pdf([scan_page(90)]), residence, Origin.SCAN),
    )
    second = _dossier(counter)
    held = papers.held_for(counter.ctx, "020190001234")
    assert {p.uuid for p in held} == {birth.uuid, old.uuid}
    taken = papers.reuse(counter.ctx, clerk, birth.uuid, second, 1)
    assert taken.reused_from == birth.uuid and taken.origin is Origin.REUSE
    assert taken.sha256 == birth.sha256 and taken.dossier_code == second
    # a year on, the residence paper has expired: shown, not taken
    clock.now = clock.now.replace(year=2027)
    expired = next(p for p in papers.held_for(counter.ctx, "020190001234") if p.uuid == old.uuid)
    assert not expired.valid_on(clock.now.date())
    with pytest.raises(UserError, match="31/12/2026"):
        papers.reuse(counter.ctx, clerk, old.uuid, second, None)


def test_article_22_4_a_result_carries_its_document_code(counter: Runtime) -> None:
    code = _dossier(counter)
    clerk = login(counter.ctx, "motcua")
    result = PaperData(
        doc_type_code="KQ.XNTTHN",
        document_name="Giấy xác nhận tình trạng hôn nhân",
        holder_id_number="020190001234",
        valid_until=date(2027, 6, 5),
    )
    info = papers.add_copy(
        counter.ctx,
        clerk,
        NewCopy(code, images_to_pdf([scan_page()]), result, Origin.AUTHORITY, PaperRole.RESULT),
    )
    assert info.document_code == "020190001234.KQ.XNTTHN"


def test_a_removed_copy_stays_on_record_with_its_reason(counter: Runtime) -> None:
    code = _dossier(counter)
    clerk = login(counter.ctx, "tiepnhan")
    info = papers.add_copy(
        counter.ctx, clerk, NewCopy(code, images_to_pdf([scan_page()]), BIRTH, Origin.SCAN)
    )
    with pytest.raises(UserError):
        papers.remove(counter.ctx, clerk, info.uuid, "x")
    papers.remove(counter.ctx, clerk, info.uuid, "Quét nhầm giấy của người khác")
    (row,) = papers.list_papers(counter.ctx, code)
    assert row.removed and papers.file_path(counter.ctx, info.sha256).is_file()
    assert papers.held_for(counter.ctx, "020190001234") == []


def test_article_17_1_b_a_paper_held_is_taken_at_reception_in_the_same_unit_of_work(
    counter: Runtime,
) -> None:
    first = _dossier(counter)
    clerk = login(counter.ctx, "tiepnhan")
    birth = papers.add_copy(
        counter.ctx, clerk, NewCopy(first, images_to_pdf([scan_page()]), BIRTH, Origin.SCAN)
    )
    # WHEN the next dossier is received taking the birth certificate for its first document
    with counter.ctx.sessions() as session:
        names = [
            d.name
            for d in session.scalars(select(Dossier).where(Dossier.code == first)).one().documents
        ]
    req = ReceiveRequest(
        MARITAL_STATUS,
        CITIZEN,
        fee_amount=typed_fee(MARITAL_STATUS),
        reuse=(papers.Reuse(birth.uuid, names[0]),),
    )
    second = receive(counter.ctx, clerk, req).code
    (taken,) = papers.list_papers(counter.ctx, second)
    assert taken.reused_from == birth.uuid and taken.component == 1
    assert taken.component_name == names[0]
    # AND a reuse naming a document not handed in refuses the whole reception
    bad = ReceiveRequest(
        MARITAL_STATUS,
        CITIZEN,
        fee_amount=typed_fee(MARITAL_STATUS),
        reuse=(papers.Reuse(birth.uuid, "Giấy tờ không có trong danh sách"),),
    )
    with counter.ctx.sessions() as session:
        before = session.scalar(select(func.count()).select_from(Dossier))
    with pytest.raises(UserError, match="không có trong danh sách"):
        receive(counter.ctx, clerk, bad)
    with counter.ctx.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == before


def test_article_22_the_return_keeps_the_results_electronic_copy_for_reuse(
    counter: Runtime,
) -> None:
    code = _ready(counter)
    result = PaperData(
        doc_type_code="KQ.XNTTHN",
        document_name="Giấy xác nhận tình trạng hôn nhân",
        holder_id_number="020190001234",
        valid_until=date(2027, 6, 5),
    )
    clerk = login(counter.ctx, "tiepnhan")
    # a torn file refuses the return: nothing is recorded
    torn = ResultCopy(b"%PDF-1.7 torn", result)
    with pytest.raises(UserError):
        take_step(counter.ctx, clerk, code, StepRequest(Action.RETURN_RESULT, result_copy=torn))
    assert get_dossier(counter.ctx, code).state is not State.RETURNED
    pdf = images_to_pdf([scan_page(230)])
    info = take_step(
        counter.ctx,
        clerk,
        code,
        StepRequest(Action.RETURN_RESULT, result_copy=ResultCopy(pdf, result)),
    )
    assert info.state is State.RETURNED
    (copy,) = papers.list_papers(counter.ctx, code)
    assert copy.role is PaperRole.RESULT and copy.origin is Origin.AUTHORITY
    assert copy.document_code == "020190001234.KQ.XNTTHN"
    # kept in the citizen's store: offered at their next reception
    assert [p.uuid for p in papers.held_for(counter.ctx, "020190001234")] == [copy.uuid]


def test_the_desks_search_finds_a_dossier_by_its_papers_data(counter: Runtime) -> None:
    code = _dossier(counter)
    clerk = login(counter.ctx, "tiepnhan")
    land = PaperData(
        doc_type_code="GT.QSDD",
        document_name="Giấy chứng nhận quyền sử dụng đất",
        holder_id_number="020190001234",
        summary="Thửa đất số 112, tờ bản đồ số 7, thôn Nà Cạn",
    )
    papers.add_copy(
        counter.ctx, clerk, NewCopy(code, images_to_pdf([scan_page()]), land, Origin.SCAN)
    )
    # words of the paper's summary, typed without accents, find the dossier
    assert [r.code for r in find_dossiers(counter.ctx, "thua dat 112 na can")] == [code]
    # "%" and "_" are letters to look for, not wildcards
    assert find_dossiers(counter.ctx, "thua_dat%") == []
