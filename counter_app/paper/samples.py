"""Example data for previewing a form set (settings screen, docs/forms, bench).

The names and numbers are invented; the layout is exercised with long
Vietnamese text on purpose, so a form that survives these survives real data.
"""

from __future__ import annotations

from datetime import date, datetime

from counter_app.paper.data import (
    AgencyInfo,
    ApologyData,
    Applicant,
    ControlSlipData,
    ControlStep,
    Delivery,
    HandedDocument,
    LedgerData,
    LedgerPeriod,
    LedgerRow,
    ReceiptData,
    RefusalData,
    SignerInfo,
    StopNoticeData,
    SupplementData,
    SupplementItem,
    Timeliness,
)

AGENCY = AgencyInfo(
    name="Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
    parent_name="UBND xã Hoàng Văn Thụ",
    agency_id="000.00.37.H37",
    place="Hoàng Văn Thụ",
    phone="0205 3870 123",
)

APPLICANT = Applicant(
    name="Nguyễn Thị Đoàn",
    id_number="020190001234",
    address="Số 12, đường Lê Lợi, thôn Nà Sla, xã Hoàng Văn Thụ, tỉnh Lạng Sơn",
    phone="0912345678",
    email="doan.nguyen@example.vn",
)

DOSSIER_CODE = "000.00.37.H37-261126-0001"
REQUEST = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp"
RECEIVED = datetime(2026, 11, 26, 9, 15)
APPOINTMENT = datetime(2026, 12, 1, 10, 0)
OFFICER = "Hoàng Văn Dũng"
SIGNER = SignerInfo(title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", name="Lương Thị Huyền")


def sample_receipt(*, reprint_no: int = 0, delivery: Delivery = Delivery.COUNTER) -> ReceiptData:
    return ReceiptData(
        dossier_code=DOSSIER_CODE,
        agency=AGENCY,
        applicant=APPLICANT,
        request=REQUEST,
        procedure_code="2.000815",
        documents=(
            HandedDocument("Giấy khai sinh", "Bản chính", 1),
            HandedDocument("Văn bằng tốt nghiệp trung học phổ thông", "Bản chính", 1),
            HandedDocument("Căn cước công dân", "Bản chụp", 2),
        ),
        number_of_sets=1,
        processing_time_text="03 ngày làm việc",
        received_at=RECEIVED,
        appointment=APPOINTMENT,
        ledger_book="01",
        ledger_entry=125,
        receiving_officer=OFFICER,
        fee=7000,
        delivery=delivery,
        post_address="Số 12, đường Lê Lợi, xã Hoàng Văn Thụ, tỉnh Lạng Sơn"
        if delivery == Delivery.POST
        else "",
        reprint_no=reprint_no,
    )


def sample_supplement() -> SupplementData:
    return SupplementData(
        agency=AGENCY,
        applicant=APPLICANT,
        request="Đăng ký khai sinh",
        items=(
            SupplementItem(
                "Giấy chứng sinh", "bản chính do cơ sở y tế nơi trẻ sinh ra cấp, ghi đủ họ tên mẹ"
            ),
            SupplementItem(
                "Giấy chứng nhận kết hôn của cha, mẹ", "xuất trình bản chính để đối chiếu"
            ),
            SupplementItem(
                "Tờ khai đăng ký khai sinh", "ghi lại mục quê quán theo nơi sinh của cha"
            ),
        ),
        reason="Hồ sơ còn thiếu giấy tờ bắt buộc và tờ khai ghi chưa đúng quê quán.",
        officer=OFFICER,
        issued_at=RECEIVED,
        dossier_code=DOSSIER_CODE,
        contact_phone="0205 3870 123",
    )


def sample_refusal() -> RefusalData:
    return RefusalData(
        agency=AGENCY,
        applicant=APPLICANT,
        request="Cấp giấy phép xây dựng nhà ở riêng lẻ",
        reason=(
            "Thửa đất nằm ngoài địa bàn xã Hoàng Văn Thụ; hồ sơ thuộc thẩm quyền giải quyết "
            "của UBND phường Tam Thanh. Đề nghị Ông/Bà nộp hồ sơ tại Bộ phận Tiếp nhận và "
            "Trả kết quả phường Tam Thanh."
        ),
        officer=OFFICER,
        issued_at=RECEIVED,
        dossier_code=DOSSIER_CODE,
    )


def sample_apology() -> ApologyData:
    return ApologyData(
        agency=AGENCY,
        applicant=APPLICANT,
        dossier_code=DOSSIER_CODE,
        request="Đăng ký biến động quyền sử dụng đất",
        received_at=RECEIVED,
        appointment=APPOINTMENT,
        new_appointment=datetime(2026, 12, 4, 10, 0),
        reason="Cần xác minh thực địa ranh giới thửa đất với hộ liền kề.",
        issued_at=datetime(2026, 11, 30, 14, 0),
        signer=SIGNER,
        document_number="15/XL-UBND",
        recipients=("- Như trên;", "- Lưu: VT, BPMC."),
    )


def sample_stop_notice() -> StopNoticeData:
    return StopNoticeData(
        agency=AGENCY,
        applicant=APPLICANT,
        dossier_code=DOSSIER_CODE,
        request="Đăng ký kinh doanh hộ kinh doanh",
        received_at=RECEIVED,
        reason="Ông/Bà có đơn đề nghị dừng giải quyết hồ sơ ngày 27/11/2026.",
        issued_at=datetime(2026, 11, 27, 15, 30),
        signer=SIGNER,
        document_number="03/TB-UBND",
    )


def sample_control_slip() -> ControlSlipData:
    return ControlSlipData(
        agency=AGENCY,
        dossier_code=DOSSIER_CODE,
        applicant=APPLICANT,
        request=REQUEST,
        received_at=RECEIVED,
        appointment=APPOINTMENT,
        handling_unit="Công chức Tư pháp - Hộ tịch, UBND xã Hoàng Văn Thụ",
        steps=(
            ControlStep(
                AGENCY.name,
                OFFICER,
                "Công chức Tư pháp - Hộ tịch",
                "Nông Văn Bình",
                datetime(2026, 11, 26, 9, 40),
                Timeliness.EARLY,
            ),
            ControlStep(
                "Công chức Tư pháp - Hộ tịch",
                "Nông Văn Bình",
                "Lãnh đạo UBND xã",
                "Lương Thị Huyền",
                datetime(2026, 11, 27, 16, 5),
                Timeliness.ON_TIME,
            ),
            ControlStep(
                "Lãnh đạo UBND xã",
                "Lương Thị Huyền",
                AGENCY.name,
                OFFICER,
                datetime(2026, 11, 30, 8, 30),
                None,
                "Đã ký duyệt",
            ),
        ),
    )


def sample_ledger(rows: int = 40) -> tuple[LedgerData, LedgerPeriod]:
    names = ("Nguyễn Thị Đoàn", "Trần Văn Đức", "Lê Thị Ánh Nguyệt", "Hoàng Minh Quân")
    procedures = (
        "Chứng thực bản sao từ bản chính",
        "Đăng ký khai sinh",
        "Đăng ký kết hôn",
        "Xác nhận tình trạng hôn nhân",
    )
    results = (Timeliness.EARLY, Timeliness.ON_TIME, None, Timeliness.LATE)
    entries = []
    for n in range(1, rows + 1):
        day = 2 + n % 20
        entries.append(
            LedgerRow(
                entry_no=n,
                dossier_code=f"000.00.37.H37-2611{day:02d}-{n:04d}",
                procedure_name=procedures[n % 4],
                applicant_name=names[n % 4],
                address="Thôn Nà Sla, xã Hoàng Văn Thụ",
                phone=f"09123456{n % 100:02d}",
                received_at=datetime(2026, 11, day, 9, 0),
                appointment=datetime(2026, 11, day + 3, 9, 0),
                handling_unit="Công chức Tư pháp - Hộ tịch",
                transferred_at=datetime(2026, 11, day, 10, 0),
                result_received_at=datetime(2026, 11, day + 2, 15, 0) if results[n % 4] else None,
                returned_at=datetime(2026, 11, day + 2, 16, 0) if results[n % 4] else None,
                result=results[n % 4],
                note="",
            )
        )
    data = LedgerData(agency=AGENCY, ledger_book="01", rows=tuple(entries))
    return data, LedgerPeriod(date(2026, 11, 1), date(2026, 11, 30))
