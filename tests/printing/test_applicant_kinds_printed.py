"""The receipt and form 02 name the applicant's document under the name: the
label its kind prints, a passport's nationality, an organisation's
representative (who signs for it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from counter_app.app_setup import Runtime
from counter_app.domain.identity_documents import IdKind
from counter_app.domain.workflow import Action
from counter_app.paper import FormKind
from counter_app.services.dossiers import ReceiveRequest, StepRequest, receive
from counter_app.services.ledger_book import ledger_pdf
from counter_app.services.print_jobs import print_form, step_with_form
from tests.applicant_examples import EVERY_KIND
from tests.conftest import login

EXPECTED = {
    IdKind.CCCD: ["Tiếp nhận hồ sơ của: Hoàng Văn Pắn", "Số CCCD: 020087002345"],
    IdKind.CMND: ["Tiếp nhận hồ sơ của: Vi Thị Mến", "Số CMND: 080123456"],
    IdKind.PASSPORT: [
        "Tiếp nhận hồ sơ của: Zhang Wei",
        "Số hộ chiếu: E12345678 Quốc tịch: Trung Quốc",
    ],
    IdKind.TAX_CODE: [
        "Tiếp nhận hồ sơ của: Chi nhánh Công ty TNHH Nông sản Xứ Lạng",
        "Mã số thuế: 0314409058-002 Người đại diện: Lăng Văn Thắng",
    ],
    IdKind.BUSINESS_CODE: [
        "Tiếp nhận hồ sơ của: Hộ kinh doanh Triệu Sinh",
        "Mã số đăng ký kinh doanh: 14A8001234 Người đại diện: Triệu Thị Sinh",
    ],
}


@pytest.mark.parametrize("kind", list(IdKind))
def test_the_receipt_prints_the_applicants_document(
    counter: Runtime, tmp_path: Path, pdf_text: Callable[[bytes], list[str]], kind: IdKind
) -> None:
    clerk = login(counter.ctx, "tiepnhan")
    code = receive(counter.ctx, clerk, ReceiveRequest("2.000815", EVERY_KIND[kind][0])).code
    result = print_form(counter.ctx, clerk, code, FormKind.RECEIPT, lambda pdf: str(tmp_path))
    pages = pdf_text(result.pdf)
    assert len(pages) == 2  # both copies, each on its page
    for page in pages:
        for line in EXPECTED[kind]:
            assert line in page, line
        assert "Số CCCD" not in page or kind is IdKind.CCCD


def test_form_02_prints_the_passport_and_nationality(
    counter: Runtime, pdf_text: Callable[[bytes], list[str]]
) -> None:
    clerk = login(counter.ctx, "tiepnhan")
    passport = EVERY_KIND[IdKind.PASSPORT][0]
    code = receive(counter.ctx, clerk, ReceiveRequest("2.000815", passport)).code
    step = StepRequest(
        Action.REQUEST_SUPPLEMENT, note="Thiếu giấy tờ", items=("Bản dịch hộ chiếu",)
    )
    done = step_with_form(counter.ctx, clerk, code, step, FormKind.SUPPLEMENT, lambda pdf: "")
    text = " ".join(pdf_text(done.pdf))
    assert "Số hộ chiếu: E12345678 Quốc tịch: Trung Quốc" in text


def test_the_ledger_names_an_organisation_not_its_representative(
    counter: Runtime, pdf_text: Callable[[bytes], list[str]]
) -> None:
    clerk = login(counter.ctx, "tiepnhan")
    household = EVERY_KIND[IdKind.BUSINESS_CODE][0]
    receive(counter.ctx, clerk, ReceiveRequest("2.000815", household))
    today = counter.ctx.now().date()
    text = " ".join(pdf_text(ledger_pdf(counter.ctx, today, today)))
    assert "Hộ kinh doanh Triệu Sinh" in text
