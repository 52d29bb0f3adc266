"""Catalogue import/export: shipped data, CSV/XLSX/JSON parsing and row-level errors."""

from __future__ import annotations

import json
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import Workbook

from counter_app.catalogue_files import dump_csv, load_catalogue, parse_csv, parse_xlsx
from counter_app.catalogue_files.messages import ALL_MESSAGES as FILE_MESSAGES
from counter_app.domain.catalogue.document import dump_json, parse_json, spec_to_dict
from counter_app.domain.catalogue.messages import ALL_MESSAGES as ROW_MESSAGES
from counter_app.domain.catalogue.rows import COLUMNS, ImportResult
from counter_app.domain.messages import UserError
from counter_app.domain.procedure import (
    Delivery,
    DocumentForm,
    FeeKind,
    FeeTier,
    Level,
    OnlineLevel,
    ProcedureSpec,
    ProcessingTime,
    TimeUnit,
)

REPO = Path(__file__).parents[2]
SHIPPED = REPO / "resources" / "catalogue" / "commune_procedures.json"
TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "counter_app_vi.ts"
DATA = Path(__file__).parent / "data"
ALL_MESSAGES = ROW_MESSAGES + FILE_MESSAGES


def _by_code(result: ImportResult) -> dict[str, ProcedureSpec]:
    return {spec.code: spec for spec in result.procedures}


def _error_cells(result: ImportResult) -> set[tuple[int, str]]:
    return {(error.row, error.field) for error in result.errors}


def _json_doc(*entries: object) -> str:
    return json.dumps(
        {"format": "counter_app.catalogue", "version": 1, "source": "t", "procedures": entries},
        ensure_ascii=False,
    )


def _entry(**overrides: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "code": "1.001193",
        "name": "Thủ tục đăng ký khai sinh",
        "field": "Hộ tịch",
        "level": "commune",
        "processing_time": {"amount": 0, "unit": "same_day"},
        "fee": {"kind": "free", "amount": 0, "tiers": [], "cap_per_copy": None, "note": ""},
        "documents": [{"name": "Tờ khai", "form": "original", "quantity": 1, "mandatory": True}],
    }
    entry.update(overrides)
    return entry


# --- the shipped catalogue ----------------------------------------------------


def test_shipped_catalogue_loads_cleanly_with_enough_commune_procedures() -> None:
    result = load_catalogue(SHIPPED)

    assert result.errors == []
    assert len(result.procedures) >= 25
    assert {spec.level for spec in result.procedures} == {Level.COMMUNE}
    codes = [spec.code for spec in result.procedures]
    assert len(codes) == len(set(codes))
    assert all(spec.documents for spec in result.procedures)
    assert all(spec.source_note for spec in result.procedures)


def test_shipped_catalogue_has_on_the_spot_certified_copy_with_page_tiers() -> None:
    specs = _by_code(load_catalogue(SHIPPED))

    copy = specs["2.000815"]
    assert copy.on_the_spot
    assert copy.field == "Chứng thực"
    assert copy.processing_time == ProcessingTime.same_day()
    assert copy.fee.kind is FeeKind.PER_PAGE_TIERED
    assert copy.fee.tiers == (FeeTier(1, 2000), FeeTier(3, 1000))
    assert copy.fee.cap_per_copy == 200_000


def test_shipped_catalogue_is_nfc_and_in_canonical_form() -> None:
    # GIVEN the file as shipped
    text = SHIPPED.read_text(encoding="utf-8")
    # THEN it is already NFC and exactly what dump_json writes, so an export
    # from the application can replace it without a spurious diff
    assert unicodedata.normalize("NFC", text) == text
    result = parse_json(text)
    assert dump_json(result.procedures, source=result.source) == text


def test_json_round_trip_through_spec_to_dict() -> None:
    specs = load_catalogue(SHIPPED).procedures
    again = parse_json(dump_json(specs))

    assert again.errors == []
    assert again.procedures == specs
    assert [spec_to_dict(s) for s in again.procedures] == [spec_to_dict(s) for s in specs]
    assert [s.extra for s in again.procedures] == [s.extra for s in specs]


def test_csv_export_reads_back_identically() -> None:
    specs = load_catalogue(SHIPPED).procedures

    again = parse_csv(dump_csv(specs, delimiter=";"))

    assert again.errors == []
    assert again.procedures == specs


# --- CSV --------------------------------------------------------------------


def test_excel_csv_with_bom_semicolons_and_vietnamese_values() -> None:
    result = load_catalogue(DATA / "catalogue_excel_bom_semicolon.csv")

    assert result.errors == []
    specs = _by_code(result)
    copy = specs["2.000815"]
    assert copy.name == "Chứng thực bản sao từ bản chính"
    assert copy.level is Level.COMMUNE
    assert copy.processing_time.unit is TimeUnit.SAME_DAY
    assert copy.fee.tiers == (FeeTier(1, 2000), FeeTier(3, 1000))
    assert copy.fee.cap_per_copy == 200_000
    assert [(d.name, d.form, d.mandatory) for d in copy.documents] == [
        ("Bản chính giấy tờ", DocumentForm.ORIGINAL, True),
        ("Bản sao cần chứng thực", DocumentForm.PHOTOCOPY, False),
    ]
    assert copy.on_the_spot
    assert copy.online_level is OnlineLevel.PARTIAL
    assert copy.deliveries == (Delivery.COUNTER,)
    marital = specs["1.004873"]
    assert marital.processing_time == ProcessingTime(3, TimeUnit.WORKING_DAYS)
    assert marital.online_level is OnlineLevel.FULL
    assert marital.deliveries == (Delivery.COUNTER, Delivery.POST)
    assert not marital.on_the_spot


def test_bad_rows_are_each_reported_and_good_rows_kept() -> None:
    result = load_catalogue(DATA / "catalogue_bad_rows.csv")

    assert [spec.code for spec in result.procedures] == ["1.001193", "1.004884"]
    assert _error_cells(result) == {
        (3, "code"),
        (4, "processing_unit"),
        (5, "name"),
        (5, "level"),
        (5, "fee_amount"),
        (7, "fee_tiers"),
        (7, "documents"),
        (7, "deliveries"),
        (8, "code"),
        (9, "code"),
        (9, "fee_kind"),
    }
    # The 8.000 typed with a thousands dot is eight thousand đồng.
    assert _by_code(result)["1.004884"].fee.amount == 8000


def test_row_error_message_names_row_column_and_fix() -> None:
    result = load_catalogue(DATA / "catalogue_bad_rows.csv")
    unit_error = next(e for e in result.errors if e.field == "processing_unit")
    duplicate = next(e for e in result.errors if (e.row, e.field) == (8, "code"))
    suffixed = next(e for e in result.errors if (e.row, e.field) == (9, "code"))

    assert unit_error.message.context == "Catalogue"
    assert unit_error.message.render() == (
        "Row 4, column processing_unit: time unit “tuần” is not valid; use working_days,"
        " working_hours or same_day."
    )
    assert "row 2" in duplicate.message.render()
    assert "1.004873" in suffixed.message.params["code"]


def test_comma_csv_counts_rows_as_records_not_physical_lines() -> None:
    # GIVEN a documents cell spanning three physical lines (Alt+Enter in Excel)
    text = (
        "code,name,field,level,processing_unit,documents,deliveries,extra\n"
        '2.000884,Chứng thực chữ ký,Chứng thực,xã,same_day,"Giấy tờ cần chứng thực\n'
        'CCCD|original|1|1\nVăn bản ủy quyền; nếu có|original|1|0","counter\npost",'
        '"a=1\nb=2"\n'
        "9,Sai,Chứng thực,xã,same_day,,,\n"
    )
    result = parse_csv(text)

    # THEN the bad record is row 3, as Excel would number it
    assert _error_cells(result) == {(3, "code")}
    spec = result.procedures[0]
    # AND line breaks separate items, so a document name may contain ";"
    assert [d.name for d in spec.documents][-1] == "Văn bản ủy quyền; nếu có"
    assert spec.deliveries == (Delivery.COUNTER, Delivery.POST)
    assert spec.extra == {"a": "1", "b": "2"}


def test_missing_required_header_column_is_a_file_error() -> None:
    with pytest.raises(UserError) as raised:
        parse_csv("code;name;field\n1.001193;Khai sinh;Hộ tịch\n")
    assert raised.value.message.params["columns"] == (
        "“Cấp thực hiện” (level), “Đơn vị thời hạn” (processing_unit)"
    )


def test_empty_csv_is_a_file_error() -> None:
    with pytest.raises(UserError):
        parse_csv("\ufeff")


def test_non_utf8_csv_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes("code,name\n1.001193,Khai sinh\n".encode("utf-16"))
    with pytest.raises(UserError) as raised:
        load_catalogue(path)
    assert "UTF-8" in raised.value.message.source


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.xls"
    path.write_bytes(b"")
    with pytest.raises(UserError) as raised:
        load_catalogue(path)
    assert raised.value.message.params["name"] == "catalogue.xls"


# --- XLSX -------------------------------------------------------------------


def test_xlsx_workbook_with_numeric_code_cell(tmp_path: Path) -> None:
    # GIVEN a workbook where Excel turned the code 2.000630 into the number 2.00063
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    row = dict.fromkeys(COLUMNS, None)
    row.update(
        code=2.00063,
        name="Thủ tục mẫu",
        field="Hộ tịch",
        level="xã",
        processing_amount=3,
        processing_unit="ngày làm việc",
        fee_kind="per_copy",
        fee_amount=8000,
        documents="Tờ khai|original|1|1",
        on_the_spot=1,
        deliveries="counter;post",
    )
    sheet.append([row[column] for column in COLUMNS])
    sheet.append([None] * len(COLUMNS))
    bad = dict(row, code="2.000631", processing_unit="tuần")
    sheet.append([bad[column] for column in COLUMNS])
    path = tmp_path / "danh_muc.xlsx"
    workbook.save(path)

    # WHEN it is imported
    result = load_catalogue(path)

    # THEN the code keeps its six decimals and the bad row is row 4 of the sheet
    assert [spec.code for spec in result.procedures] == ["2.000630"]
    spec = result.procedures[0]
    assert spec.fee.kind is FeeKind.PER_COPY and spec.fee.amount == 8000
    assert spec.processing_time == ProcessingTime(3, TimeUnit.WORKING_DAYS)
    assert spec.on_the_spot
    assert _error_cells(result) == {(4, "processing_unit")}


def test_corrupt_xlsx_is_a_file_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(UserError):
        parse_xlsx(path)


# --- JSON -------------------------------------------------------------------


def test_nfd_input_is_stored_nfc() -> None:
    name = unicodedata.normalize("NFD", "Thủ tục đăng ký khai tử")
    document = unicodedata.normalize("NFD", "Giấy báo tử")
    text = _json_doc(
        _entry(
            code="1.000656",
            name=name,
            field=unicodedata.normalize("NFD", "Hộ tịch"),
            level=unicodedata.normalize("NFD", "xã"),
            documents=[{"name": document}],
        )
    )
    assert name in text  # the input really is decomposed

    spec = parse_json(text).procedures[0]

    assert spec.name == "Thủ tục đăng ký khai tử"
    assert spec.name == unicodedata.normalize("NFC", spec.name)
    assert spec.field == "Hộ tịch"
    assert spec.level is Level.COMMUNE
    assert spec.documents[0].name == "Giấy báo tử"


def test_json_errors_name_the_json_key_and_entry_number() -> None:
    text = _json_doc(
        _entry(),
        _entry(code="2.000815", processing_time={"amount": 0, "unit": "working_days"}),
        "not an object",
        _entry(code="1.000894", fee={"kind": "per_page_tiered", "tiers": []}),
    )
    result = parse_json(text)

    assert [spec.code for spec in result.procedures] == ["1.001193"]
    assert _error_cells(result) == {
        (2, "processing_time.amount"),
        (3, "procedures"),
        (4, "fee.tiers"),
    }


def test_same_day_ignores_amount_and_blank_optionals_take_defaults() -> None:
    text = "code,name,field,level,processing_amount,processing_unit\n1.001193,Khai sinh,Hộ tịch,xã,7,same_day\n"
    spec = parse_csv(text).procedures[0]

    assert spec.processing_time == ProcessingTime.same_day()
    assert spec.fee.kind is FeeKind.FREE
    assert spec.deliveries == (Delivery.COUNTER,)
    assert spec.online_level is OnlineLevel.NONE
    assert spec.documents == ()


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("{", "JSON"),
        ('{"format": "other", "version": 1, "procedures": []}', "format"),
        ('{"format": "counter_app.catalogue", "version": 2, "procedures": []}', "version"),
        ('{"format": "counter_app.catalogue", "version": 1}', "procedures"),
    ],
)
def test_json_file_level_problems_raise(text: str, detail: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_json(text)
    assert detail in raised.value.message.source


# --- translations -------------------------------------------------------------


def test_every_catalogue_message_has_a_vietnamese_translation() -> None:
    translated = {
        message.findtext("source"): message.findtext("translation") or ""
        for context in ET.parse(TS_FILE).getroot().iter("context")
        if context.findtext("name") == "Catalogue"
        for message in context.iter("message")
    }

    assert set(ALL_MESSAGES) <= set(translated)
    for source in ALL_MESSAGES:
        vietnamese = translated[source]
        assert vietnamese == unicodedata.normalize("NFC", vietnamese)
        # Same placeholders, so formatting the translation never fails.
        assert sorted(_placeholders(source)) == sorted(_placeholders(vietnamese))


def _placeholders(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_a_province_table_sets_fees_online_rates_and_the_cutoff() -> None:
    # GIVEN a province's spreadsheet: a fee it sets, with its figure, an online
    # rate, and the 15:00 rule extended to a procedure counted in days
    text = (
        "code,name,field,level,processing_amount,processing_unit,fee_kind,fee_amount,"
        "fee_online_amount,fee_note,cutoff\n"
        "1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,xã,3,working_days,"
        "do tỉnh quy định,15000,,Nghị quyết HĐND tỉnh,1\n"
        "1.004194,Đăng ký tạm trú,Cư trú,xã,3,working_days,flat,15000,7000,"
        "Thông tư 75/2022/TT-BTC,\n"
        "2.000884,Chứng thực chữ ký,Chứng thực,xã,,same_day,mỗi văn bản,10000,,,0\n"
    )
    result = parse_csv(text)
    assert result.errors == []
    specs = _by_code(result)
    # THEN each reads back as the province wrote it
    marital = specs["1.004873"]
    assert (marital.fee.kind, marital.fee.amount, marital.cutoff) == (
        FeeKind.SET_BY_PROVINCE,
        15_000,
        True,
    )
    assert specs["1.004194"].fee.online_amount == 7_000 and specs["1.004194"].cutoff is None
    assert specs["2.000884"].fee.kind is FeeKind.PER_DOCUMENT and specs["2.000884"].cutoff is False
    # AND they survive the catalogue's JSON and CSV, the way the wire carries them
    assert parse_json(dump_json(result.procedures)).procedures == result.procedures
    assert parse_csv(dump_csv(result.procedures)).procedures == result.procedures


def test_a_cutoff_that_is_no_yes_or_no_is_refused_on_its_row() -> None:
    text = (
        "code,name,field,level,processing_unit,cutoff\n"
        "2.000908,Cấp bản sao từ sổ gốc,Chứng thực,xã,same_day,có lẽ\n"
    )
    result = parse_csv(text)
    assert result.procedures == []
    assert [(e.row, e.field) for e in result.errors] == [(2, "cutoff")]
