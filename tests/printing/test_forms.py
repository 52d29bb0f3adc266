"""Every form of both circulars renders, in Vietnamese, with embedded fonts only."""

from __future__ import annotations

import io
from collections.abc import Callable

import pypdf
import pytest

from counter_app.domain.messages import UserError
from counter_app.paper import (
    FormKind,
    load_form_set,
    render_apology,
    render_control_slip,
    render_ledger,
    render_receipt,
    render_refusal,
    render_stop_notice,
    render_supplement,
    samples,
)
from counter_app.paper.samples import DOSSIER_CODE

Texts = Callable[[bytes], list[str]]


def _render(kind: FormKind, set_id: str, paper: str = "A4") -> bytes:
    if kind is FormKind.RECEIPT:
        return render_receipt(samples.sample_receipt(), paper=paper, form_set=set_id)
    if kind is FormKind.SUPPLEMENT:
        return render_supplement(samples.sample_supplement(), paper=paper, form_set=set_id)
    if kind is FormKind.REFUSAL:
        return render_refusal(samples.sample_refusal(), paper=paper, form_set=set_id)
    if kind is FormKind.APOLOGY:
        return render_apology(samples.sample_apology(), paper=paper, form_set=set_id)
    if kind is FormKind.STOP_NOTICE:
        return render_stop_notice(samples.sample_stop_notice(), paper=paper, form_set=set_id)
    if kind is FormKind.CONTROL_SLIP:
        return render_control_slip(samples.sample_control_slip(), paper=paper, form_set=set_id)
    data, period = samples.sample_ledger()
    return render_ledger(data, period, form_set=set_id)


CASES = [
    (set_id, kind) for set_id in ("tt01-2018", "tt03-2025") for kind in load_form_set(set_id).forms
]


@pytest.mark.parametrize(("set_id", "kind"), CASES, ids=[f"{s}-{k}" for s, k in CASES])
def test_form_renders_with_its_title_number_and_reference(
    set_id: str,
    kind: FormKind,
    pdf_text: Texts,
    assert_no_base14: Callable[[bytes], None],
) -> None:
    spec = load_form_set(set_id).form(kind)
    pdf = _render(kind, set_id)
    text = pdf_text(pdf)[0]
    assert spec.title in text
    assert spec.number in text
    assert load_form_set(set_id).legal_reference in text
    assert_no_base14(pdf)


@pytest.mark.parametrize("kind", [k for k in FormKind if k is not FormKind.LEDGER])
def test_forms_fit_a5_too(kind: FormKind, pdf_text: Texts) -> None:
    pdf = _render(kind, "tt03-2025", paper="A5")
    pages = pdf_text(pdf)
    expected_pages = 2 if kind is FormKind.RECEIPT else 1
    assert len(pages) == expected_pages


def test_stop_notice_does_not_exist_before_tt03() -> None:
    with pytest.raises(UserError) as caught:
        render_stop_notice(samples.sample_stop_notice(), form_set="tt01-2018")
    assert caught.value.field == "form_set"
    assert "stop_notice" in str(caught.value)


def test_supplement_lists_every_item_and_the_reason(pdf_text: Texts) -> None:
    text = pdf_text(render_supplement(samples.sample_supplement()))[0]
    # The unit on its own line, then the applicant, as the provincial template of form 02 has them
    assert "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ:" in text
    assert "Tiếp nhận hồ sơ/yêu cầu của Ông/Bà: Nguyễn Thị Đoàn" in text
    assert "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:" in text
    # Form 02 carries its "Số: …" line, blank for the unit to fill when no number is given.
    assert "Số: ……" in text
    assert "1. Giấy chứng sinh: bản chính do cơ sở y tế nơi trẻ sinh ra cấp" in text
    assert "2. Giấy chứng nhận kết hôn của cha, mẹ" in text
    assert "3. Tờ khai đăng ký khai sinh" in text
    assert "Lý do: Hồ sơ còn thiếu giấy tờ bắt buộc" in text
    assert "NGƯỜI HƯỚNG DẪN" in text and "Hoàng Văn Dũng" in text
    assert "số điện thoại 0205 3870 123" in text


def test_refusal_states_the_reason(pdf_text: Texts) -> None:
    text = pdf_text(render_refusal(samples.sample_refusal()))[0]
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ:" in text
    assert "Tiếp nhận hồ sơ của: Nguyễn Thị Đoàn" in text
    assert "thuộc thẩm quyền giải quyết của UBND phường Tam Thanh" in text
    assert "Xin thông báo cho Ông/Bà được biết và thực hiện./." in text


def test_apology_differs_between_circulars(pdf_text: Texts) -> None:
    old = pdf_text(render_apology(samples.sample_apology(), form_set="tt01-2018"))[0]
    new = pdf_text(render_apology(samples.sample_apology(), form_set="tt03-2025"))[0]
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in old
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in new
    for text in (old, new):
        assert "Kính gửi: Nguyễn Thị Đoàn" in text
        assert "Lý do: Cần xác minh thực địa ranh giới thửa đất" in text
        assert "10 giờ 00 phút, ngày 04/12/2026" in text
        assert "Số: 15/XL-UBND" in text
        assert "Lương Thị Huyền" in text and "PHÓ CHỦ TỊCH" in text
    assert "gia hạn thời gian giải quyết hồ sơ đến" in new


def test_control_slip_shows_the_real_hand_overs(pdf_text: Texts) -> None:
    text = pdf_text(render_control_slip(samples.sample_control_slip()))[0]
    assert f"Mã hồ sơ: {DOSSIER_CODE}" in text
    assert "1. Giao: Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ" in text
    # The notes on who records the result and on signing when the system is down.
    assert "Kết quả giải quyết hồ sơ do bên nhận ghi khi nhận bàn giao hồ sơ" in text
    assert "người giao và người nhận phải ký và ghi rõ họ tên" in text
    assert "2. Nhận: Công chức Tư pháp - Hộ tịch" in text
    assert "09 giờ 40 phút, ngày 26/11/2026" in text
    assert "Nông Văn Bình" in text
    assert "Trước hạn" in text and "Đúng hạn" in text
    assert "Đã ký duyệt" in text


def test_ledger_paginates_and_repeats_the_header(pdf_text: Texts) -> None:
    data, period = samples.sample_ledger(rows=60)
    pdf = render_ledger(data, period)
    pages = pdf_text(pdf)
    assert len(pages) >= 3
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height, "the ledger is printed landscape"
    for number, text in enumerate(pages, start=1):
        assert "Mã hồ sơ" in text and "Ngày, tháng, năm" in text
        assert f"Trang {number}/{len(pages)}" in text
    everything = " ".join(pages)
    assert "Từ ngày 01/11/2026 đến ngày 30/11/2026" in pages[0]
    for row in data.rows:
        assert row.dossier_code in everything


def test_empty_ledger_says_so(pdf_text: Texts) -> None:
    data, period = samples.sample_ledger(rows=0)
    assert "Không có hồ sơ trong kỳ." in pdf_text(render_ledger(data, period))[0]
