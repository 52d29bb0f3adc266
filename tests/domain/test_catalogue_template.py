"""The catalogue template and Vietnamese column headers: what an administrator
saves from the catalogue window imports back, and a spreadsheet the office
already keeps with Vietnamese headers imports without renaming its columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from counter_app.catalogue_files import load_catalogue, parse_csv
from counter_app.catalogue_files.template import TEMPLATE_HEADER, write_template
from counter_app.domain.catalogue.rows import COLUMNS
from counter_app.domain.messages import UserError
from counter_app.domain.procedure import (
    Delivery,
    DocumentForm,
    FeeKind,
    Level,
    OnlineLevel,
    ProcessingTime,
    TimeUnit,
)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_template_imports_back_as_its_example(tmp_path: Path, suffix: str) -> None:
    # GIVEN the template saved as CSV or Excel
    path = tmp_path / f"mau-danh-muc{suffix}"
    write_template(path)
    # WHEN it is imported as it is
    result = load_catalogue(path)
    # THEN its example row is a whole procedure, nothing refused
    assert result.errors == []
    [spec] = result.procedures
    assert (spec.code, spec.level, spec.field) == ("1.001193", Level.COMMUNE, "Hộ tịch")
    assert spec.processing_time == ProcessingTime(1, TimeUnit.WORKING_DAYS)
    assert spec.fee.kind is FeeKind.FREE
    assert [(d.name, d.form, d.mandatory) for d in spec.documents] == [
        ("Tờ khai đăng ký khai sinh", DocumentForm.ORIGINAL, True),
        ("Giấy chứng sinh", DocumentForm.ORIGINAL, True),
        ("Văn bản ủy quyền (nếu nộp thay)", DocumentForm.CERTIFIED_COPY, False),
    ]
    assert spec.online_level is OnlineLevel.FULL
    assert spec.deliveries == (Delivery.COUNTER, Delivery.POST, Delivery.ONLINE)


def test_the_template_names_every_column_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    write_template(path)
    header = next(load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert header == TEMPLATE_HEADER
    assert len(set(header)) == len(COLUMNS)
    # No machine name an administrator would have to learn
    assert not set(header) & set(COLUMNS)


def test_a_template_name_without_csv_or_xlsx_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError) as raised:
        write_template(tmp_path / "mau.ods")
    assert raised.value.message.params["name"] == "mau.ods"
    assert not (tmp_path / "mau.ods").exists()


def test_a_vietnamese_headed_csv_imports() -> None:
    # GIVEN the office's own sheet: Vietnamese headers, another order, a hint in brackets
    text = (
        "Tên thủ tục;Mã TTHC;Lĩnh vực;Cấp thực hiện;Thời hạn giải quyết;"
        "Đơn vị thời hạn (ngày làm việc, giờ làm việc, trong ngày);Phí, lệ phí;Loại phí;"
        "Thành phần hồ sơ;4 tại chỗ\n"
        "Đăng ký kết hôn;1.000894;Hộ tịch;Cấp xã;3;ngày làm việc;;miễn phí;"
        "Tờ khai đăng ký kết hôn|bản chính|1|có;có\n"
    )
    result = parse_csv(text)
    assert result.errors == []
    [spec] = result.procedures
    assert (spec.code, spec.name, spec.level) == ("1.000894", "Đăng ký kết hôn", Level.COMMUNE)
    assert spec.processing_time == ProcessingTime(3, TimeUnit.WORKING_DAYS)
    assert spec.on_the_spot is True
    assert [d.name for d in spec.documents] == ["Tờ khai đăng ký kết hôn"]


def test_a_vietnamese_header_without_accents_or_in_capitals_is_read() -> None:
    text = (
        "MA THU TUC,TEN THU TUC,linh vuc,Cap thuc hien,Don vi thoi han\n"
        "1.001193,Khai sinh,Hộ tịch,xã,trong ngày\n"
    )
    result = parse_csv(text)
    assert result.errors == [] and result.procedures[0].code == "1.001193"


def test_a_vietnamese_headed_workbook_imports(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "Mã thủ tục",
            "Tên thủ tục",
            "Lĩnh vực",
            "Cấp thực hiện",
            "Thời hạn giải quyết",
            "Đơn vị thời hạn",
        ]
    )
    sheet.append(["2.000815", "Chứng thực bản sao", "Chứng thực", "xã", None, "trong ngày"])
    path = tmp_path / "danh-muc.xlsx"
    workbook.save(path)
    result = load_catalogue(path)
    assert result.errors == []
    assert [spec.code for spec in result.procedures] == ["2.000815"]


def test_a_missing_column_is_named_in_vietnamese() -> None:
    with pytest.raises(UserError) as raised:
        parse_csv("Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện\n1.001193,Khai sinh,Hộ tịch,xã\n")
    assert raised.value.message.params["columns"] == "“Đơn vị thời hạn” (processing_unit)"
