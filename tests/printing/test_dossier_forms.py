"""Forms printed from real dossiers: codes read back, reprints marked, and a
state change that needs a paper commits only after that paper printed."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action, State
from counter_app.models import PrintJob
from counter_app.paper import FormKind, parse_qr_payload
from counter_app.reports.definitions import Period
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    get_dossier,
    receive,
    resolve_on_the_spot,
    take_step,
)
from counter_app.services.ledger_book import ledger_pdf
from counter_app.services.print_jobs import (
    preview_step_form,
    print_form,
    step_with_form,
)
from counter_app.services.reports import counter_report
from tests.conftest import PROVINCE_FEE, Clock, login

CITIZEN = ApplicantInput(
    full_name="Nguyễn Thị Đoàn",
    id_number="020185000123",
    phone="0912345678",
    address="Thôn Nà Sla, xã Hoàng Văn Thụ, Lạng Sơn",
)


def to_file(path: Path) -> Callable[[bytes], str]:
    def sink(pdf: bytes) -> str:
        path.write_bytes(pdf)
        return str(path)

    return sink


def jammed(pdf: bytes) -> str:
    raise OSError("Máy in hết giấy")


def _jobs(rt: Runtime) -> list[tuple[str, str, int]]:
    with rt.ctx.sessions() as s:
        return [
            (j.form_kind, j.status, j.reprint_no)
            for j in s.scalars(select(PrintJob).order_by(PrintJob.id))
        ]


def test_receipt_of_a_committed_dossier_reads_back(
    counter: Runtime,
    tmp_path: Path,
    pages_as_images: Callable[[bytes, int], list[Image.Image]],
    read_codes: Callable[[Image.Image], list[tuple[str, str]]],
    pdf_text: Callable[[bytes], list[str]],
) -> None:
    info = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE),
    )
    result = print_form(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        info.code,
        FormKind.RECEIPT,
        to_file(tmp_path / "r.pdf"),
    )
    assert result.reprint_no == 0 and Path(result.target).exists()
    pages = pages_as_images(result.pdf, 200)
    assert len(pages) == 2  # Liên 1 and Liên 2
    for page in pages:
        codes = dict((fmt, text) for fmt, text in read_codes(page))
        assert codes["Code128"] == info.code
        qr = parse_qr_payload(codes["QRCode"])
        assert qr.dossier_code == info.code and "020185000123" not in codes["QRCode"]
        assert qr.appointment == datetime(2026, 12, 1, 9, 0)
    text = " ".join(pdf_text(result.pdf))
    for expected in (
        "Nguyễn Thị Đoàn",
        "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
        "03 ngày làm việc",
        "09 giờ 00 phút, ngày 26/11/2026",
        "09 giờ 00 phút, ngày 01/12/2026",
        "Quyển số: 01",
        "Số thứ tự: 1",
        "Hoàng Thị Mai",
        "Liên 1: Lưu",
        "Liên 2: Giao khách hàng",
    ):
        assert expected in text, expected
    assert "BẢN IN LẠI" not in text


def test_reprint_is_marked_and_counted(
    counter: Runtime, tmp_path: Path, pdf_text: Callable[[bytes], list[str]]
) -> None:
    clerk = login(counter, "tiepnhan")
    code = receive(counter.ctx, clerk, ReceiveRequest("2.000815", CITIZEN)).code
    first, again = (
        print_form(counter.ctx, clerk, code, FormKind.RECEIPT, to_file(tmp_path / name))
        for name in ("1.pdf", "2.pdf")
    )
    assert first.reprint_no == 0 and again.reprint_no == 1
    assert "BẢN IN LẠI (lần 1)" in " ".join(pdf_text(again.pdf))
    assert _jobs(counter) == [("receipt", "done", 0), ("receipt", "done", 1)]
    assert get_dossier(counter.ctx, code).print_count == 2


def test_failed_print_is_recorded_and_not_counted(counter: Runtime) -> None:
    code = receive(
        counter.ctx, login(counter.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)
    ).code
    with pytest.raises(UserError, match="Máy in hết giấy"):
        print_form(counter.ctx, login(counter.ctx, "tiepnhan"), code, FormKind.RECEIPT, jammed)
    assert _jobs(counter) == [("receipt", "failed", 0)]
    assert get_dossier(counter.ctx, code).print_count == 0


def test_supplement_request_commits_only_after_form_02_printed(
    counter: Runtime, tmp_path: Path, pdf_text: Callable[[bytes], list[str]]
) -> None:
    code = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE),
    ).code
    step = StepRequest(
        Action.REQUEST_SUPPLEMENT,
        note="Thiếu giấy tờ",
        items=("Bản sao Giấy khai sinh", "Giấy xác nhận cư trú"),
    )
    with pytest.raises(UserError, match="Nothing was changed"):
        step_with_form(
            counter.ctx, login(counter.ctx, "tiepnhan"), code, step, FormKind.SUPPLEMENT, jammed
        )
    unchanged = get_dossier(counter.ctx, code)
    assert unchanged.state is State.RECEIVED and unchanged.supplement_items == []
    assert len(unchanged.steps) == 1

    done = step_with_form(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        code,
        step,
        FormKind.SUPPLEMENT,
        to_file(tmp_path / "02.pdf"),
    )
    assert get_dossier(counter.ctx, code).state is State.SUPPLEMENT_REQUESTED
    text = " ".join(pdf_text(done.pdf))
    assert "Bản sao Giấy khai sinh" in text and "Giấy xác nhận cư trú" in text
    assert "Hoàng Thị Mai, số điện thoại 0205 3870 123" in text
    assert _jobs(counter) == [("supplement", "failed", 0), ("supplement", "done", 0)]


def test_a_refusal_counts_when_decided_and_form_03_is_signed_by_the_receiving_official(
    counter: Runtime, clock: Clock, tmp_path: Path, pdf_text: Callable[[bytes], list[str]]
) -> None:
    # GIVEN a dossier received by Hoàng Thị Mai, appraised, and refused by the leader
    ctx = counter.ctx
    code = receive(
        ctx, login(ctx, "tiepnhan"), ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE)
    ).code
    clock.now = datetime(2026, 11, 27, 10, 0)
    for who, action in (("thamdinh", Action.START_APPRAISAL), ("thamdinh", Action.APPRAISE)):
        take_step(ctx, login(ctx, who), code, StepRequest(action))
    take_step(
        ctx, login(ctx, "phochutich"), code, StepRequest(Action.REFUSE, note="Không đủ điều kiện")
    )
    # THEN the report counts it resolved and refused at once, nobody having
    # marked "Đã có kết quả"
    day = counter_report(ctx, Period(date(2026, 11, 27), date(2026, 11, 27))).total
    assert (day.resolved, day.refused) == (1, 1)
    # AND form 03 is signed under "Người tiếp nhận hồ sơ" by the official who
    # received the dossier, not by the leader who decided
    refusal = print_form(
        ctx, login(ctx, "tiepnhan"), code, FormKind.REFUSAL, to_file(tmp_path / "03.pdf")
    )
    text = " ".join(pdf_text(refusal.pdf))
    assert "Hoàng Thị Mai" in text and "Nông Văn Kính" not in text
    # AND marking the result ready later keeps the moment it was decided
    clock.now = datetime(2026, 11, 30, 8, 0)
    take_step(ctx, login(ctx, "tiepnhan"), code, StepRequest(Action.PREPARE_RESULT))
    assert get_dossier(ctx, code).finished_at == datetime(2026, 11, 27, 10, 0)


def test_control_slip_shows_the_real_hand_overs(
    counter: Runtime, clock: Clock, tmp_path: Path, pdf_text: Callable[[bytes], list[str]]
) -> None:
    code = receive(
        counter.ctx, login(counter.ctx, "motcua"), ReceiveRequest("2.000815", CITIZEN)
    ).code
    clock.now = datetime(2026, 11, 26, 9, 10)
    resolve_on_the_spot(
        counter.ctx, login(counter.ctx, "motcua"), code, approver=login(counter.ctx, "phochutich")
    )
    slip = print_form(
        counter.ctx,
        login(counter.ctx, "motcua"),
        code,
        FormKind.CONTROL_SLIP,
        to_file(tmp_path / "05.pdf"),
    )
    text = " ".join(pdf_text(slip.pdf))
    assert "Lê Thị Hạnh" in text and "Nông Văn Kính" in text
    assert "09 giờ 10 phút, ngày 26/11/2026" in text
    assert "Đúng hạn" in text
    # Decree 118/2025 Art. 17(4): given on the spot, no receipt was asked for: the
    # slip does not say one goes with it; once the citizen asks and it is printed, it does
    assert "Kèm theo Giấy tiếp nhận" not in text
    motcua = login(counter.ctx, "motcua")
    print_form(counter.ctx, motcua, code, FormKind.RECEIPT, to_file(tmp_path / "01.pdf"))
    again = print_form(
        counter.ctx, motcua, code, FormKind.CONTROL_SLIP, to_file(tmp_path / "b.pdf")
    )
    assert "Kèm theo Giấy tiếp nhận" in " ".join(pdf_text(again.pdf))


def test_apology_form_after_overdue(
    counter: Runtime, clock: Clock, tmp_path: Path, pdf_text: Callable[[bytes], list[str]]
) -> None:
    code = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE),
    ).code
    clock.now = datetime(2026, 12, 2, 8, 0)
    step = StepRequest(
        Action.APOLOGISE,
        note="Cần xác minh thêm thông tin",
        new_appointment=datetime(2026, 12, 4, 16, 0),
    )
    apology = step_with_form(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        code,
        step,
        FormKind.APOLOGY,
        to_file(tmp_path / "04.pdf"),
    )
    text = " ".join(pdf_text(apology.pdf))
    assert "Cần xác minh thêm thông tin" in text and "04/12/2026" in text
    # Each paper's properties carry the moment it speaks of, not the year 2000:
    # the reception for the receipt, the step for form 04
    receipt = print_form(
        counter.ctx, login(counter.ctx, "tiepnhan"), code, FormKind.RECEIPT, to_file(tmp_path / "1")
    )
    assert created(receipt.pdf) == "D:20261126090000+07'00'"
    assert created(apology.pdf) == "D:20261202080000+07'00'"


def created(pdf: bytes) -> str:
    metadata = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert metadata is not None
    return str(metadata["/CreationDate"])


def test_ledger_lists_the_period(
    counter: Runtime, clock: Clock, pdf_text: Callable[[bytes], list[str]]
) -> None:
    codes = [
        receive(
            counter.ctx, login(counter.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)
        ).code
        for _ in range(3)
    ]
    take_step(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        codes[1],
        StepRequest(Action.WITHDRAW, note="Xin rút"),
    )
    text = " ".join(pdf_text(ledger_pdf(counter.ctx, date(2026, 11, 1), date(2026, 11, 30))))
    for code in codes:
        assert code in text
    assert "Rút hồ sơ" in text


def test_preview_of_a_step_form_saves_nothing(
    counter: Runtime, pdf_text: Callable[[bytes], list[str]]
) -> None:
    code = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE),
    ).code
    step = StepRequest(Action.REQUEST_SUPPLEMENT, note="Thiếu", items=("Giấy xác nhận cư trú",))
    pdf = preview_step_form(
        counter.ctx, login(counter.ctx, "tiepnhan"), code, step, FormKind.SUPPLEMENT
    )
    assert "Giấy xác nhận cư trú" in " ".join(pdf_text(pdf))
    info = get_dossier(counter.ctx, code)
    assert info.state is State.RECEIVED and len(info.steps) == 1 and _jobs(counter) == []
    with pytest.raises(UserError, match="Appraiser"):
        preview_step_form(
            counter.ctx,
            login(counter.ctx, "tiepnhan"),
            code,
            StepRequest(Action.START_APPRAISAL),
            FormKind.SUPPLEMENT,
        )
