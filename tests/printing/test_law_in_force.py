"""Papers printed from real dossiers follow the law in force: the form set of the
receipt date, the counter's own unit, the fee as the law or the province sets
it, and the 15:00 cut-off by procedure kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.procedure import Delivery
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.models import Dossier
from counter_app.paper import FormKind, form_set_for, load_form_set
from counter_app.services import catalogue
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    get_dossier,
    receive,
)
from counter_app.services.print_jobs import print_form, step_with_form
from counter_app.services.setup import rename_unit
from tests.conftest import PROVINCE_FEE, Clock, login

CITIZEN = ApplicantInput(
    full_name="Nguyễn Thị Đoàn",
    id_number="020185000123",
    phone="0912345678",
    address="Thôn Nà Sla, xã Hoàng Văn Thụ, Lạng Sơn",
)
UNIT = "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ"
TT01 = "Thông tư số 01/2018/TT-VPCP"
TT03 = "Thông tư số 03/2025/TT-VPCP"
Texts = Callable[[bytes], list[str]]


def _sink(path: Path) -> Callable[[bytes], str]:
    def write(pdf: bytes) -> str:
        path.write_bytes(pdf)
        return str(path)

    return write


def _receipt_text(rt: Runtime, code: str, tmp_path: Path, pdf_text: Texts) -> str:
    job = print_form(
        rt.ctx, login(rt, "tiepnhan"), code, FormKind.RECEIPT, _sink(tmp_path / f"{code}.pdf")
    )
    return " ".join(pdf_text(job.pdf))


def test_the_changeover_date_is_data_with_its_source() -> None:
    # GIVEN the two form sets, each saying from when it applies and on what text
    old, new = load_form_set("tt01-2018"), load_form_set("tt03-2025")
    assert old.in_force_from < new.in_force_from == date(2025, 9, 15)
    assert "118/2025/NĐ-CP" in new.in_force_source and "03/2025/TT-VPCP" in new.in_force_source
    # THEN each day has exactly the set then in force
    assert form_set_for(date(2024, 5, 6)) == "tt01-2018"
    assert form_set_for(date(2025, 9, 14)) == "tt01-2018"
    assert form_set_for(date(2025, 9, 15)) == "tt03-2025"
    assert form_set_for(date(2026, 11, 26)) == "tt03-2025"
    # AND a day before any set is refused with the field named, not printed on a guess
    with pytest.raises(UserError) as caught:
        form_set_for(date(2017, 1, 2))
    assert caught.value.field == "form_set"


def test_a_2024_dossier_reprints_like_its_2024_original(
    counter: Runtime, clock: Clock, tmp_path: Path, pdf_text: Texts
) -> None:
    # GIVEN a dossier received in 2024 by the commune's "Bộ phận Tiếp nhận và Trả kết quả"
    rename_unit(counter.ctx, login(counter, "quantri"), "Bộ phận Tiếp nhận và Trả kết quả")
    clock.now = datetime(2024, 5, 6, 9, 0)
    old = receive(counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("2.000908", CITIZEN)).code
    # AND one received in 2026, after the unit became a Trung tâm Phục vụ hành chính công
    rename_unit(counter.ctx, login(counter, "quantri"), UNIT)
    clock.now = datetime(2026, 11, 26, 9, 0)
    new = receive(counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("2.000908", CITIZEN)).code
    # WHEN both receipts are printed (the 2024 one again, today)
    first = _receipt_text(counter, old, tmp_path, pdf_text)
    reprint = _receipt_text(counter, old, tmp_path, pdf_text)
    current = _receipt_text(counter, new, tmp_path, pdf_text)
    # THEN the 2024 paper carries Circular 01/2018 and the unit of then, both times,
    # marked as a reprint once
    for text in (first, reprint):
        assert TT01 in text and TT03 not in text
        assert "Bộ phận tiếp nhận và trả kết quả: UBND xã Hoàng Văn Thụ" in text
        assert "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" in text and UNIT not in text
    assert "BẢN IN LẠI (lần 1)" in reprint and "BẢN IN LẠI" not in first
    # AND the 2026 paper carries Circular 03/2025 and names the counter's own unit
    assert TT03 in current and TT01 not in current
    assert f"Bộ phận tiếp nhận và trả kết quả: {UNIT}" in current
    assert f"Đăng ký trả kết quả tại: {UNIT}" in current


def test_the_unit_the_agency_and_the_official_each_where_the_form_names_them(
    counter: Runtime, clock: Clock, tmp_path: Path, pdf_text: Texts
) -> None:
    # GIVEN a dossier whose result is late, so the agency apologises (form 04)
    code = receive(
        counter.ctx,
        login(counter, "tiepnhan"),
        ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE),
    ).code
    receipt = _receipt_text(counter, code, tmp_path, pdf_text)
    clock.now = datetime(2026, 12, 2, 8, 0)
    apology = step_with_form(
        counter.ctx,
        login(counter, "tiepnhan"),
        code,
        StepRequest(
            Action.APOLOGISE,
            note="Cần xác minh thêm",
            new_appointment=datetime(2026, 12, 4, 10, 0),
        ),
        FormKind.APOLOGY,
        _sink(tmp_path / "apology.pdf"),
    )
    letter = " ".join(pdf_text(apology.pdf))
    # THEN the receipt names the unit and the receiving official, never the province
    assert f"được lưu tại {UNIT}" in receipt and "Hoàng Thị Mai" in receipt
    assert "TỈNH LẠNG SƠN" not in receipt.upper()
    # AND the letter says the unit received it and the agency (not the province) apologises
    assert f"{UNIT} tiếp nhận hồ sơ của Ông/Bà Nguyễn Thị Đoàn" in letter
    assert "UBND xã Hoàng Văn Thụ trân trọng xin lỗi" in letter
    assert "TỈNH LẠNG SƠN" not in letter.upper()


def test_a_province_set_fee_is_typed_at_reception_and_printed(
    counter: Runtime, tmp_path: Path, pdf_text: Texts
) -> None:
    # GIVEN a procedure whose fee the province sets (no figure in the catalogue)
    # WHEN it is received without the amount, THEN receiving says what to enter, stores nothing
    with pytest.raises(UserError) as caught:
        receive(counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("1.004873", CITIZEN))
    assert caught.value.field == "fee_amount"
    with counter.ctx.sessions() as s:
        assert s.scalars(select(Dossier)).first() is None
    # WHEN the official types the province's figure, THEN the receipt states it
    code = receive(
        counter.ctx,
        login(counter, "tiepnhan"),
        ReceiveRequest("1.004873", CITIZEN, fee_amount=PROVINCE_FEE),
    ).code
    text = _receipt_text(counter, code, tmp_path, pdf_text)
    assert "Phí, lệ phí (nếu có): 15.000 đ" in text and "Không thu" not in text
    # AND a procedure free by law says "Không thu"
    free = receive(
        counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("1.000894", CITIZEN)
    ).code
    assert "Phí, lệ phí (nếu có): Không thu" in _receipt_text(counter, free, tmp_path, pdf_text)


def test_signature_certification_is_charged_per_paper_and_residence_online_pays_less(
    counter: Runtime,
) -> None:
    # 10,000 đ a case, a case being one paper (Circular 226/2016/TT-BTC)
    three_papers = receive(
        counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("2.000884", CITIZEN, copies=3)
    )
    assert get_dossier(counter.ctx, three_papers.code).fee == 30_000
    # Temporary residence: 15,000 đ at the counter, 7,000 đ online (Circular 75/2022/TT-BTC)
    at_desk = receive(counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("1.004194", CITIZEN))
    online = receive(
        counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("1.004194", CITIZEN, online=True)
    )
    assert (
        get_dossier(counter.ctx, at_desk.code).fee,
        get_dossier(counter.ctx, online.code).fee,
    ) == (
        15_000,
        7_000,
    )


def test_cutoff_follows_the_procedure_kind_and_the_province_can_change_it(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN Thursday 26/11/2026 at 16:00, after the 15:00 cut-off
    clock.now = datetime(2026, 11, 26, 16, 0)
    # THEN a same-day procedure is due the next working day (the texts' rule)
    same_day = receive(counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("2.000908", CITIZEN))
    assert same_day.row.appointment_at == datetime(2026, 11, 27, 17, 0)
    # AND a 3-working-day procedure counts from 16:00: 1 h Thu + 2 days + 6 h 30 Tue
    days = receive(counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("1.004837", CITIZEN))
    assert days.row.appointment_at == datetime(2026, 12, 1, 16, 0)
    # WHEN the province extends the rule to that procedure in its catalogue
    spec = next(s for s in catalogue.list_procedures(counter.ctx) if s.code == "1.004837")
    catalogue.import_specs(
        counter.ctx, login(counter, "quantri"), [replace(spec, cutoff=True)], source="tỉnh"
    )
    # THEN it counts from Friday's opening: Fri, Mon, Tue, due at Tuesday's close
    later = receive(counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("1.004837", CITIZEN))
    assert later.row.appointment_at == datetime(2026, 12, 1, 17, 0)


def test_the_provinces_table_imported_into_the_catalogue_fills_the_fee(
    counter: Runtime, tmp_path: Path, pdf_text: Texts
) -> None:
    # GIVEN the province imports its figure for a fee it sets
    spec = next(s for s in catalogue.list_procedures(counter.ctx) if s.code == "1.004873")
    table = replace(spec.fee, amount=20_000, note="Nghị quyết HĐND tỉnh về lệ phí hộ tịch")
    catalogue.import_specs(
        counter.ctx, login(counter, "quantri"), [replace(spec, fee=table)], source="tỉnh"
    )
    # WHEN a dossier is received with no amount typed
    code = receive(
        counter.ctx, login(counter, "tiepnhan"), ReceiveRequest("1.004873", CITIZEN)
    ).code
    # THEN the table's figure is taken and printed, never "Không thu"
    assert get_dossier(counter.ctx, code).fee == 20_000
    text = _receipt_text(counter, code, tmp_path, pdf_text)
    assert "Phí, lệ phí (nếu có): 20.000 đ" in text and "Không thu" not in text


def test_circular_01_2018_applies_from_its_effective_date() -> None:
    # Circular 01/2018/TT-VPCP was signed on 23/11/2018 and took effect on 06/01/2019.
    assert load_form_set("tt01-2018").in_force_from == date(2019, 1, 6)
    assert "06/01/2019" in load_form_set("tt01-2018").in_force_source
    assert form_set_for(date(2019, 1, 6)) == "tt01-2018"
    with pytest.raises(UserError):
        form_set_for(date(2019, 1, 5))


def test_decree_118_papers_name_the_national_portal_and_the_renamed_system(
    counter: Runtime, clock: Clock, tmp_path: Path, pdf_text: Texts
) -> None:
    # GIVEN a dossier received in 2026 whose result goes out electronically
    clock.now = datetime(2026, 11, 26, 9, 0)
    code = receive(
        counter.ctx,
        login(counter, "tiepnhan"),
        ReceiveRequest("1.004222", CITIZEN, delivery=Delivery.ONLINE),
    ).code
    # WHEN its receipt and its control slip are printed
    receipt = _receipt_text(counter, code, tmp_path, pdf_text)
    job = print_form(
        counter.ctx,
        login(counter, "tiepnhan"),
        code,
        FormKind.CONTROL_SLIP,
        _sink(tmp_path / "slip.pdf"),
    )
    slip = " ".join(pdf_text(job.pdf))
    # THEN the result is promised on the national portal (Decree 118, Article 22(3))
    assert "Cổng Dịch vụ công quốc gia (bản điện tử)" in receipt
    # AND the slip names the system as Decree 118 renamed it (Articles 3(5), 27)
    assert "Hệ thống thông tin giải quyết thủ tục hành chính" in slip
    assert "một cửa điện tử" not in slip
