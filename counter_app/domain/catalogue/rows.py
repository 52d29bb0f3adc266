"""A catalogue read row by row: good rows kept, each bad row reported, none fatal.

Importing must never stop at the first bad cell: every row is checked on its
own, good rows are kept, and each problem is reported with the row number the
official sees in the file and the column (or JSON key) to fix. Whatever the
file, a row is a mapping of the flat column names in ``COLUMNS`` to raw values.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from counter_app.domain.catalogue.cells import _aliases
from counter_app.domain.catalogue.fields import read_spec
from counter_app.domain.catalogue.messages import MSG_DUPLICATE_CODE
from counter_app.domain.catalogue.row_reader import RowError, RowReader
from counter_app.domain.procedure import ProcedureSpec

logger = logging.getLogger(__name__)

COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "field",
    "level",
    "processing_amount",
    "processing_unit",
    "fee_kind",
    "fee_amount",
    "fee_tiers",
    "fee_cap_per_copy",
    "fee_online_amount",
    "fee_note",
    "documents",
    "on_the_spot",
    "online_level",
    "deliveries",
    "legal_basis",
    "source_note",
    "cutoff",
    "deciding_authority",
    "special_basis",
    "special_supplement_clock",
    "special_supplement_request_days",
    "special_closing_days",
    "extra",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("code", "name", "field", "level", "processing_unit")

# The Vietnamese header of each column, as the template writes it; a file
# exported from a spreadsheet the office already keeps may use the others.
VIETNAMESE_HEADERS: Mapping[str, str] = {
    "code": "Mã thủ tục",
    "name": "Tên thủ tục",
    "field": "Lĩnh vực",
    "level": "Cấp thực hiện",
    "processing_amount": "Thời hạn giải quyết",
    "processing_unit": "Đơn vị thời hạn",
    "fee_kind": "Loại phí",
    "fee_amount": "Mức phí",
    "fee_tiers": "Bậc phí theo trang",
    "fee_cap_per_copy": "Mức trần mỗi bản",
    "fee_online_amount": "Mức phí nộp trực tuyến",
    "fee_note": "Ghi chú về phí",
    "documents": "Thành phần hồ sơ",
    "on_the_spot": "4 tại chỗ",
    "online_level": "Mức dịch vụ công trực tuyến",
    "deliveries": "Cách thức nộp",
    "legal_basis": "Căn cứ pháp lý",
    "source_note": "Ghi chú nguồn",
    "cutoff": "Nhận sau 15 giờ tính từ ngày sau",
    "deciding_authority": "Cơ quan có thẩm quyền quyết định",
    "special_basis": "Căn cứ quy định riêng",
    "special_supplement_clock": "Thời hạn khi bổ sung hồ sơ",
    "special_supplement_request_days": "Số ngày yêu cầu bổ sung",
    "special_closing_days": "Số ngày trả lại hồ sơ không bổ sung",
    "extra": "Thông tin khác",
}
# Header text (accent- and case-free) to column, English names included.
COLUMN_ALIASES: Mapping[str, str] = _aliases(
    {
        **{column: column for column in COLUMNS},
        **{header: column for column, header in VIETNAMESE_HEADERS.items()},
        "mã tthc": "code",
        "mã số": "code",
        "mã": "code",
        "tên tthc": "name",
        "tên": "name",
        "cấp": "level",
        "thời hạn": "processing_amount",
        "đơn vị thời gian": "processing_unit",
        "đơn vị": "processing_unit",
        "phí, lệ phí": "fee_amount",
        "lệ phí": "fee_amount",
        "giấy tờ": "documents",
        "hồ sơ": "documents",
        "dịch vụ công trực tuyến": "online_level",
        "cách thức thực hiện": "deliveries",
        "nguồn": "source_note",
    }
)


@dataclass
class ImportResult:
    procedures: list[ProcedureSpec]
    errors: list[RowError]
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


def collect_rows(
    rows: Iterable[tuple[int, Mapping[str, object]]], names: Mapping[str, str], source: str = ""
) -> ImportResult:
    procedures: list[ProcedureSpec] = []
    errors: list[RowError] = []
    first_row_of_code: dict[str, int] = {}
    for row, values in rows:
        reader = RowReader(row, values, names)
        spec = read_spec(reader)
        if spec is not None and spec.code in first_row_of_code:
            reader.error(
                "code",
                MSG_DUPLICATE_CODE,
                value=spec.code,
                first_row=first_row_of_code[spec.code],
            )
            spec = None
        errors.extend(reader.errors)
        if spec is not None:
            first_row_of_code[spec.code] = row
            procedures.append(spec)
    logger.info("Catalogue read: %d procedures, %d errors", len(procedures), len(errors))
    return ImportResult(procedures, errors, source)
