"""One applicant of each kind an official meets at the desk, as typed there
(spaces, lower case, a name for the nationality), and what is stored."""

from __future__ import annotations

from counter_app.domain.identity_documents import IdKind
from counter_app.domain.validation import ApplicantInput

CCCD = ApplicantInput(full_name="Hoàng Văn Pắn", id_number="020 087 002 345")
CMND = ApplicantInput(full_name="Vi Thị Mến", id_number="080.123.456", id_kind=IdKind.CMND)
PASSPORT = ApplicantInput(
    full_name="Zhang Wei",
    id_number="e1234 5678",
    id_kind=IdKind.PASSPORT,
    nationality="Trung Quốc",
)
TAX_CODE = ApplicantInput(
    full_name="Lăng Văn Thắng",
    id_number="0314409058 - 002",
    id_kind=IdKind.TAX_CODE,
    organisation="Chi nhánh Công ty TNHH Nông sản Xứ Lạng",
)
BUSINESS_CODE = ApplicantInput(
    full_name="Triệu Thị Sinh",
    id_number="14a8 001234",
    id_kind=IdKind.BUSINESS_CODE,
    organisation="Hộ kinh doanh Triệu Sinh",
)

# Each as typed, with its number and nationality once stored.
EVERY_KIND: dict[IdKind, tuple[ApplicantInput, str, str]] = {
    IdKind.CCCD: (CCCD, "020087002345", ""),
    IdKind.CMND: (CMND, "080123456", ""),
    IdKind.PASSPORT: (PASSPORT, "E12345678", "CHN"),
    IdKind.TAX_CODE: (TAX_CODE, "0314409058-002", ""),
    IdKind.BUSINESS_CODE: (BUSINESS_CODE, "14A8001234", ""),
}
