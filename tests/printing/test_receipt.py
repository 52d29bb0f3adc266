"""The receipt-and-appointment slip, checked as the citizen and the counter read it."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

import pypdf
import pytest
from PIL import Image
from reportlab.lib.units import mm

from counter_app.domain.messages import UserError
from counter_app.paper import parse_qr_payload, render_receipt
from counter_app.paper.data import Applicant, Delivery
from counter_app.paper.samples import DOSSIER_CODE, sample_receipt

Images = Callable[[bytes, int], list[Image.Image]]
Codes = Callable[[Image.Image], list[tuple[str, str]]]
Texts = Callable[[bytes], list[str]]


def _page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_each_copy_on_its_own_page_with_scannable_codes(
    paper: str, pages_as_images: Images, read_codes: Codes, pdf_text: Texts
) -> None:
    # GIVEN a dossier just received at the counter
    data = sample_receipt()
    # WHEN the receipt is printed
    pdf = render_receipt(data, paper=paper)
    # THEN there are two pages, "Liên 1: Lưu" then "Liên 2: Giao khách hàng"
    texts = pdf_text(pdf)
    assert len(texts) == 2
    assert "Liên 1: Lưu" in texts[0] and "Liên 2" not in texts[0]
    assert "Liên 2: Giao khách hàng" in texts[1]
    # AND on each page the barcode and the QR code read back the dossier
    for image in pages_as_images(pdf, 150):
        codes = read_codes(image)
        assert ("Code128", DOSSIER_CODE) in codes
        qr = [text for kind, text in codes if kind == "QRCode"]
        assert len(qr) == 1
        payload = parse_qr_payload(qr[0])
        assert payload.dossier_code == DOSSIER_CODE
        assert payload.agency_id == "000.00.37.H37"
        assert payload.procedure_code == "2.000815"
        # The CCCD number is printed on the paper but never put in the QR code.
        assert "020190001234" not in qr[0]
        assert payload.appointment == datetime(2026, 12, 1, 10, 0)


def test_every_field_of_form_01_is_printed(pdf_text: Texts) -> None:
    text = pdf_text(render_receipt(sample_receipt(), paper="A4"))[1]
    expected = [
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Mẫu số 01",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND XÃ HOÀNG VĂN THỤ",
        "Hoàng Văn Thụ, ngày 26 tháng 11 năm 2026",
        f"Mã hồ sơ: {DOSSIER_CODE}",
        "Tiếp nhận hồ sơ của: Nguyễn Thị Đoàn",
        "Địa chỉ: Số 12, đường Lê Lợi, thôn Nà Sla, xã Hoàng Văn Thụ, tỉnh Lạng Sơn",
        "Số điện thoại: 0912345678",
        "Email: doan.nguyen@example.vn",
        "Nội dung yêu cầu giải quyết: Chứng thực bản sao từ bản chính",
        "Văn bằng tốt nghiệp trung học phổ thông Bản chính 01",
        "Căn cước công dân Bản chụp 02",
        "Số lượng hồ sơ: 01 (bộ)",
        "Thời gian giải quyết hồ sơ theo quy định là: 03 ngày làm việc",
        "Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 26/11/2026",
        "Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 01/12/2026",
        "Bộ phận tiếp nhận và trả kết quả: UBND xã Hoàng Văn Thụ",
        "Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ, UBND xã",
        "Phí, lệ phí: 7.000 đ",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: 125",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        "Hoàng Văn Dũng",
    ]
    for phrase in expected:
        assert phrase in text, phrase
    assert "BẢN IN LẠI" not in text


def test_decomposed_input_prints_composed_vietnamese(pdf_text: Texts) -> None:
    # GIVEN a name typed with an IME that sends combining accents (NFD)
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Đoàn")
    data = replace(sample_receipt(), applicant=Applicant(name=decomposed, id_number="1"))
    text = pdf_text(render_receipt(data, paper="A5"))[0]
    assert "Tiếp nhận hồ sơ của: Nguyễn Thị Đoàn" in text


def test_reprint_is_marked_on_both_copies(pdf_text: Texts) -> None:
    texts = pdf_text(render_receipt(sample_receipt(reprint_no=2), paper="A5"))
    assert len(texts) == 2
    assert all("BẢN IN LẠI (lần 2)" in t for t in texts)


def test_result_by_post_prints_the_address(pdf_text: Texts) -> None:
    text = pdf_text(render_receipt(sample_receipt(delivery=Delivery.POST), paper="A4"))[0]
    assert "Số 12, đường Lê Lợi, xã Hoàng Văn Thụ, tỉnh Lạng Sơn" in text
    assert "bưu chính công ích" in text


def test_result_by_post_without_address_is_refused() -> None:
    data = replace(sample_receipt(), delivery=Delivery.POST, post_address="  ")
    with pytest.raises(UserError) as caught:
        render_receipt(data)
    assert caught.value.field == "post_address"


def test_only_a_procedure_free_by_law_says_so(pdf_text: Texts) -> None:
    # GIVEN a fee of 0 for a procedure free by law, THEN the receipt says "Không thu"
    free = pdf_text(render_receipt(replace(sample_receipt(), fee=0, fee_free=True)))[0]
    assert "Phí, lệ phí: Không thu" in free
    # GIVEN a 0 that is not free by law (an exemption typed at reception), THEN it is an amount
    zero = pdf_text(render_receipt(replace(sample_receipt(), fee=0)))[0]
    assert "Phí, lệ phí: 0 đ" in zero and "Không thu" not in zero


@pytest.mark.parametrize(
    ("set_id", "unit_line"),
    [
        ("tt01-2018", "Bộ phận tiếp nhận và trả kết quả: UBND xã Hoàng Văn Thụ"),
        (
            "tt03-2025",
            "Bộ phận tiếp nhận và trả kết quả: Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
        ),
    ],
)
def test_each_line_names_the_counters_own_unit(
    pdf_text: Texts, set_id: str, unit_line: str
) -> None:
    # GIVEN a unit named as the counter's setup says, on a form set of each circular
    unit = "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ"
    text = " ".join(pdf_text(render_receipt(sample_receipt(), paper="A4", form_set=set_id)))
    # THEN the unit line, the notes and the header name it, and no other unit's name appears
    assert unit_line in text
    assert f"được lưu tại {unit}" in text
    assert f"nhận kết quả tại {unit} hoặc tại nhà" in text
    assert unit.upper() in text
    assert "Bộ phận Tiếp nhận và Trả kết quả" not in text


def test_thermal_slip_is_80mm_wide_with_both_copies(
    pages_as_images: Images, read_codes: Codes, pdf_text: Texts
) -> None:
    pdf = render_receipt(sample_receipt(reprint_no=1), paper="80mm")
    sizes = _page_sizes(pdf)
    assert len(sizes) == 1, "the slip is one continuous page"
    width, height = sizes[0]
    assert width == pytest.approx(80 * mm, abs=0.01)
    assert height > 200 * mm
    text = pdf_text(pdf)[0]
    assert "Liên 1: Lưu" in text and "Liên 2: Giao khách hàng" in text
    assert text.count("BẢN IN LẠI (lần 1)") == 2
    (image,) = pages_as_images(pdf, 200)
    codes = read_codes(image)
    assert codes.count(("Code128", DOSSIER_CODE)) == 2
    assert sum(kind == "QRCode" for kind, _ in codes) == 2


def test_unknown_paper_is_refused() -> None:
    with pytest.raises(UserError) as caught:
        render_receipt(sample_receipt(), paper="Letter")
    assert caught.value.field == "paper"


def test_output_is_deterministic_and_carries_metadata() -> None:
    first = render_receipt(sample_receipt(), paper="A5")
    assert first == render_receipt(sample_receipt(), paper="A5")
    meta = pypdf.PdfReader(io.BytesIO(first)).metadata
    assert meta is not None
    assert meta.title == f"Giấy tiếp nhận hồ sơ và hẹn trả kết quả {DOSSIER_CODE}"
    assert meta.author
