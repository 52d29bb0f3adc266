"""Bounded input everywhere: hidden characters named by position, counts
bounded in the services, and a catalogue whose bad cells reject only their rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from counter_app.app_setup import Runtime
from counter_app.domain.catalogue.rows import COLUMNS
from counter_app.domain.messages import ValidationFailed
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.i18n import render
from counter_app.models import Dossier
from counter_app.services import catalogue, dossiers
from counter_app.services.dossiers import ReceiveRequest, StepRequest
from tests.conftest import PROVINCE_FEE, login

GOOD_CELLS: dict[str, object] = {
    "name": "Thủ tục thử",
    "field": "Hộ tịch",
    "level": "xã",
    "processing_amount": 3,
    "processing_unit": "working_days",
    "fee_kind": "flat",
    "fee_amount": 10_000,
    "documents": "Tờ khai|original|1|1",
}
HEADER = [column for column in COLUMNS if column == "code" or column in GOOD_CELLS]


def _row(code: str, **cells: object) -> list[object]:
    row = {**GOOD_CELLS, "code": code, **cells}
    return [row[c] for c in HEADER]


# (row in the file, column at fault): each bad row among good ones.
BAD_ROWS = [
    (_row("1.000002", fee_amount=10**23), "fee_amount"),
    (_row("1.000003", processing_amount=10**7), "processing_amount"),
    (_row("1.000004", name="Đ" * 100_000), "name"),
    (_row("1.000005", field="Hộ\u202etịch"), "field"),
    # Past the csv module's own field limit (128 KiB), which used to stop the file.
    (_row("1.000006", documents="Tờ khai|original|1|1;" * 12_000), "documents"),
    (_row("1.000008", documents=f"{'Giấy ' * 120}|original|1|1"), "documents"),
    (_row("1.000009", documents="Tờ khai|original|1000|1"), "documents"),
]


def _table() -> list[list[object]]:
    return [
        list[object](HEADER),
        _row("1.000001"),
        *[list(row) for row, _column in BAD_ROWS],
        _row("1.000007"),
    ]


def _write_csv(path: Path, control: str) -> None:
    table = _table()
    table[5][2] = f"Hộ{control}tịch"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(table)


def _write_xlsx(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in _table():
        sheet.append(row)
    book.save(path)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_bad_cells_reject_only_their_rows_each_said_once(
    counter: Runtime, tmp_path: Path, kind: str
) -> None:
    # GIVEN a real file: good rows around five bad ones (a fee of 10^23, 10^7
    # working days, a 100,000-character name, a control character, a huge cell)
    path = tmp_path / f"danh_muc.{kind}"
    if kind == "csv":
        _write_csv(path, "\x07")
    else:
        _write_xlsx(path)
    # WHEN the administrator imports it
    report = catalogue.import_file(counter.ctx, login(counter, "quantri"), path)
    # THEN the good rows are in, each bad row is reported once, on its column
    assert (report.created, report.updated) == (2, 0)
    codes = {p.code for p in catalogue.list_procedures(counter.ctx)}
    assert {"1.000001", "1.000007"} <= codes
    assert not codes & {f"1.00000{n}" for n in (2, 3, 4, 5, 6, 8, 9)}
    assert [(e.row, e.field) for e in report.errors] == [
        (row, column) for row, (_cells, column) in enumerate(BAD_ROWS, start=3)
    ]
    for error in report.errors:
        text = render(error.message)
        assert text.count(f"Dòng {error.row}") == 1 and text.count(error.field) == 1, text
        assert len(text) < 300, text[:300]
        assert "\x07" not in text and "\u202e" not in text
    assert "ký tự điều khiển ở vị trí 3" in render(report.errors[3].message)
    assert "1000000000" in render(report.errors[0].message)
    # AND a good procedure still receives
    clerk = login(counter, "tiepnhan")
    info = dossiers.receive(
        counter.ctx, clerk, ReceiveRequest("1.000001", ApplicantInput("Vi Thị Hoa", "020185000123"))
    )
    assert info.fee == 10_000


def _dossiers(rt: Runtime) -> int:
    with rt.ctx.sessions() as s:
        return int(s.scalar(select(func.count(Dossier.id))) or 0)


def test_reception_refuses_control_characters_and_runaway_counts(counter: Runtime) -> None:
    clerk = login(counter, "tiepnhan")
    hidden = ApplicantInput("Nguyễn\x00 Văn A", "020185000123", address="Thôn\x1b[31m 1")
    with pytest.raises(ValidationFailed) as err:
        dossiers.receive(
            counter.ctx, clerk, ReceiveRequest("1.004873", hidden, fee_amount=PROVINCE_FEE)
        )
    shown = {field: render(message) for field, message in err.value.errors}
    assert shown == {
        "full_name": "Nội dung có ký tự điều khiển ở vị trí 7; hãy xóa ký tự đó.",
        "address": "Nội dung có ký tự điều khiển ở vị trí 5; hãy xóa ký tự đó.",
    }
    citizen = ApplicantInput("Nguyễn Văn A", "020185000123")
    for bad in ({"pages": 10**6}, {"copies": 0}, {"sets": 10**9}, {"note": "a\x7fb"}):
        with pytest.raises(ValidationFailed) as err:
            dossiers.receive(counter.ctx, clerk, ReceiveRequest("2.000815", citizen, **bad))  # type: ignore[arg-type]
        assert [field for field, _m in err.value.errors] == list(bad)
    assert _dossiers(counter) == 0
    code = dossiers.receive(
        counter.ctx, clerk, ReceiveRequest("1.004873", citizen, fee_amount=PROVINCE_FEE)
    ).code
    with pytest.raises(ValidationFailed) as err:
        dossiers.take_step(
            counter.ctx,
            clerk,
            code,
            StepRequest(Action.REQUEST_SUPPLEMENT, items=["Giấy\u200b tờ"]),
        )
    assert err.value.errors[0][0] == "items"
    assert dossiers.get_dossier(counter.ctx, code).state.value == "received"


def test_setup_and_officials_refuse_hidden_characters(tmp_path: Path, counter: Runtime) -> None:
    from counter_app.app_setup import open_runtime
    from counter_app.domain.workflow import Role
    from counter_app.services import setup, users

    fresh = open_runtime(tmp_path / "fresh")
    try:
        with pytest.raises(ValidationFailed) as err:
            setup.setup_counter(
                fresh.ctx,
                agency_id="000.00.37.H37",
                agency_name="UBND xã\x00",
                unit_name="Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
                counter_name="Quầy 1",
            )
        assert err.value.errors[0][0] == "agency_name"
        assert setup.get_counter(fresh.ctx) is None
    finally:
        fresh.close()
    official = {"username": "moi", "password": "mat-khau-123", "roles": [Role.RECEIVER]}
    with pytest.raises(ValidationFailed) as err:
        users.create_user(
            counter.ctx, login(counter, "quantri"), full_name="Lò Văn\u202e Mới", **official
        )  # type: ignore[arg-type]
    assert err.value.errors[0][0] == "full_name"
