"""The catalogue template an administrator fills in: the Vietnamese headers and
one example procedure, as CSV (UTF-8 with BOM, for Excel) or XLSX.

The example is written in the Vietnamese words the import reads ("xã",
"ngày làm việc", "bản chính", "có"), so the template imports back as it is
and shows by example what each column takes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

from counter_app.catalogue_files.messages import MSG_UNKNOWN_TEMPLATE_SUFFIX
from counter_app.domain.catalogue.messages import catalogue_message
from counter_app.domain.catalogue.rows import COLUMNS, VIETNAMESE_HEADERS
from counter_app.domain.messages import UserError

TEMPLATE_HEADER: tuple[str, ...] = tuple(VIETNAMESE_HEADERS[column] for column in COLUMNS)

EXAMPLE_ROW: Mapping[str, str] = {
    "code": "1.001193",
    "name": "Thủ tục đăng ký khai sinh",
    "field": "Hộ tịch",
    "level": "xã",
    "processing_amount": "1",
    "processing_unit": "ngày làm việc",
    "fee_kind": "miễn phí",
    "fee_note": "Miễn lệ phí khi đăng ký khai sinh đúng hạn",
    "documents": "\n".join(
        (
            "Tờ khai đăng ký khai sinh|bản chính|1|có",
            "Giấy chứng sinh|bản chính|1|có",
            "Văn bản ủy quyền (nếu nộp thay)|bản sao|1|không",
        )
    ),
    "on_the_spot": "không",
    "online_level": "toàn trình",
    "deliveries": "tại quầy; bưu chính; trực tuyến",
    "legal_basis": "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP",
}


def _example_cells() -> list[str]:
    return [EXAMPLE_ROW.get(column, "") for column in COLUMNS]


def write_template(path: Path) -> None:
    """Write the template to ``path``, CSV or XLSX by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerows([TEMPLATE_HEADER, _example_cells()])
        path.write_text(out.getvalue(), encoding="utf-8-sig", newline="")
    elif suffix == ".xlsx":
        _write_xlsx(path)
    else:
        raise UserError(catalogue_message(MSG_UNKNOWN_TEMPLATE_SUFFIX, name=path.name))


def _write_xlsx(path: Path) -> None:
    from openpyxl import Workbook  # deferred: only an XLSX template pays for it
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    if workbook.active is not None:
        workbook.remove(workbook.active)
    sheet = workbook.create_sheet("Danh mục thủ tục")
    sheet.append(list(TEMPLATE_HEADER))
    sheet.append(_example_cells())
    for column in range(1, len(TEMPLATE_HEADER) + 1):
        sheet.cell(row=1, column=column).font = Font(bold=True)
        example = sheet.cell(row=2, column=column)
        # Text cells: Excel would turn a typed code 1.001193 into a number.
        example.number_format = "@"
        example.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(column)].width = 24
    sheet.freeze_panes = "A2"
    workbook.save(path)
