"""The catalogue carries the law around each procedure (Decree 118/2025): the
authority that decides it (Article 28(2)(a)) and what its specialised law sets
instead of the decree (Article 19(5)), with the article it rests on."""

from __future__ import annotations

from counter_app.catalogue_files import dump_csv, parse_csv
from counter_app.domain.catalogue.document import dump_json, parse_json
from counter_app.domain.procedure_rules import SpecialRules, SupplementClock

HEADER = (
    "code,name,field,level,processing_amount,processing_unit,deciding_authority,"
    "special_basis,special_supplement_clock,special_supplement_request_days,special_closing_days\n"
)


def test_a_procedure_names_its_deciding_authority_and_its_special_law() -> None:
    text = HEADER + (
        "1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,xã,3,working_days,,,,,\n"
        "1.012345,Đăng ký đất đai lần đầu,Đất đai,tỉnh,20,working_days,000.00.12.H37,"
        '"Luật Đất đai 2024, Điều 133",tạm dừng,5,30\n'
    )
    result = parse_csv(text)
    assert result.errors == []
    plain, land = result.procedures
    # THEN a procedure the commune decides keeps the decree's rules
    assert plain.deciding_authority == "" and plain.special_rules is None
    # AND the land procedure names the department and its law's own rules
    assert land.deciding_authority == "000.00.12.H37"
    assert land.special_rules == SpecialRules(
        "Luật Đất đai 2024, Điều 133", SupplementClock.PAUSE, 5, 30
    )
    # AND both survive the JSON the centre's feed carries, and the CSV export
    assert parse_json(dump_json(result.procedures)).procedures == result.procedures
    assert parse_csv(dump_csv(result.procedures)).procedures == result.procedures


def test_a_special_rule_without_its_article_or_out_of_form_is_refused_on_its_row() -> None:
    text = HEADER + (
        "1.000001,Không có căn cứ,Đất đai,tỉnh,20,working_days,,,pause,,\n"
        "1.000002,Mã cơ quan sai,Đất đai,tỉnh,20,working_days,UBND xã,,,,\n"
        "1.000003,Cách tính sai,Đất đai,tỉnh,20,working_days,,Luật X,đếm tiếp,,\n"
    )
    result = parse_csv(text)
    assert result.procedures == []
    assert [(e.row, e.field) for e in result.errors] == [
        (2, "special_basis"),
        (3, "deciding_authority"),
        (4, "special_supplement_clock"),
    ]
    assert "special_supplement_clock" in result.errors[0].message.render()
