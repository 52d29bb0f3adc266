"""The CLI's JSON and Excel outputs carry every hand-counted figure (read
back from the files: json, openpyxl)."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from counter_app.app_setup import Runtime
from counter_app.cli import main
from counter_app.reports.glossary import BY_NAME, FIGURES, HANDLING, SERVICE
from counter_app.reports.tables import MONTH_COLUMNS
from counter_app.reports.text import cell_text
from tests.conftest import PASSWORD, Clock
from tests.reports import cases
from tests.reports.expected import all_figures

# The counter's figures are read by a logged-in official.
ARGS = ("report", "--from", "2027-01-01", "--to", "2027-03-31", "--by", "tiepnhan")


@pytest.fixture
def data_dir(
    counter: Runtime, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    cases.build(counter.ctx, clock)
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    return tmp_path / "counter"


def test_json_has_every_figure_counted_by_hand(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "q1.json"
    assert main(["--data-dir", str(data_dir), *ARGS, "--format", "json", "--out", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["period"] == {"from": "2027-01-01", "to": "2027-03-31"}
    assert doc["total"] == pytest.approx(all_figures())
    assert [(m["figures"]["received"], m["figures"]["resolved"]) for m in doc["months"]] == (
        cases.EXPECTED_MONTHS
    )
    assert {(c["criterion"], c["level"]): c["count"] for c in doc["criteria"]} == (
        cases.EXPECTED_CRITERIA
    )
    assert doc["catalogue"] == {"procedures": 31, "on_the_spot": 4, "on_the_spot_share": 4 / 31}
    assert [d["name"] for d in doc["definitions"]] == [d.name for d in FIGURES]


def test_json_by_procedure(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "q1.json"
    argv = ["--data-dir", str(data_dir), *ARGS, "--per", "procedure", "--out", str(out)]
    assert main(argv) == 0
    groups = {g["key"]: g["figures"] for g in json.loads(out.read_text("utf-8"))["groups"]}
    assert {k: (f["received"], f["resolved"], f["late"]) for k, f in groups.items()} == {
        cases.P2: (4, 3, 1),
        cases.P3: (4, 2, 0),
        cases.P5: (3, 2, 0),
        cases.SPOT: (1, 1, 0),
    }


def test_workbook_cells_formats_frozen_headers_and_definitions(
    data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "q1.xlsx"
    argv = ["--data-dir", str(data_dir), *ARGS, "--per", "official", "--format", "xlsx"]
    assert main([*argv, "--out", str(out)]) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "Giải quyết hồ sơ",
        "Trả kết quả, hài lòng",
        "Theo tháng",
        "Tiêu chí hài lòng",
        "Danh mục 4 tại chỗ",
        "Định nghĩa",
    ]
    expected = all_figures()
    for sheet, names in (("Giải quyết hồ sơ", HANDLING), ("Trả kết quả, hài lòng", SERVICE)):
        ws = wb[sheet]
        assert ws.freeze_panes == "B3"
        headers = [c.value for c in ws[2]]
        assert headers[1:] == [BY_NAME[n].label for n in names]
        rows = {r[0].value: r for r in ws.iter_rows(min_row=3)}
        assert set(rows) == {"tiepnhan – Hoàng Thị Mai", "Tổng cộng"}
        for row in rows.values():  # one official received everything: both rows alike
            got = {n: row[i + 1].value for i, n in enumerate(names)}
            assert got == pytest.approx({n: expected[n] for n in names})
            for i, n in enumerate(names):
                kind = BY_NAME[n].kind.value
                fmt = {"percent": "0.0%", "days": "0.00"}.get(kind, "#,##0")
                assert row[i + 1].number_format == fmt
    months = wb["Theo tháng"]
    assert months.freeze_panes == "A3"
    month_rows = list(months.iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in month_rows] == [datetime(2027, m, 1) for m in (1, 2, 3)]
    assert months["A3"].number_format == "dd/mm/yyyy"
    i_received, i_resolved = (MONTH_COLUMNS.index(n) + 1 for n in ("received", "resolved"))
    assert [(r[i_received], r[i_resolved]) for r in month_rows] == cases.EXPECTED_MONTHS
    criteria = {
        (r[0], r[2]): r[3] for r in wb["Tiêu chí hài lòng"].iter_rows(min_row=3, values_only=True)
    }
    levels = {"very_satisfied": "Rất hài lòng", "satisfied": "Hài lòng",
              "dissatisfied": "Không hài lòng"}  # fmt: skip
    assert criteria == {(c, levels[lv]): n for (c, lv), n in cases.EXPECTED_CRITERIA.items()}
    catalogue = list(wb["Danh mục 4 tại chỗ"].iter_rows(min_row=3, values_only=True))
    assert catalogue == [(31, 4, pytest.approx(4 / 31))]
    assert wb["Danh mục 4 tại chỗ"]["C3"].number_format == "0.0%"
    definitions = list(wb["Định nghĩa"].iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in definitions] == [d.label for d in FIGURES]
    assert all(r[1] and r[2] for r in definitions)


def test_period_backwards_is_refused(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--data-dir", str(data_dir), "report", "--from", "2027-03-31", "--to", "2027-01-01"]
    assert main([*argv, "--out", str(tmp_path / "x.json")]) == 2
    assert not (tmp_path / "x.json").exists()


def _pdf_lines(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_statistics_pdf_prints_every_figure_and_its_charts(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "q1.pdf"
    assert main(["--data-dir", str(data_dir), *ARGS, "--format", "pdf", "--out", str(out)]) == 0
    lines = _pdf_lines(out)
    text = "\n".join(lines)
    # the official header and the period
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "UBND XÃ HOÀNG VĂN THỤ" in text
    assert "Kỳ báo cáo: từ ngày 01/01/2027 đến ngày 31/03/2027" in text
    # every figure, one line each: its label, then its value as printed
    expected = all_figures()
    for d in FIGURES:
        printed = cell_text(expected[d.name], d.kind.value)
        assert f"{d.label} {printed}" in lines, (d.label, printed)
    # the monthly table and the charts' month labels and titles
    assert "01/2027 2 3 2 1 0 100,0 %" in lines
    assert "02/2027 2 1 1 0 0 100,0 %" in lines
    assert "03/2027 8 4 1 2 1 75,0 %" in lines
    assert "Hồ sơ tiếp nhận và đã giải quyết theo tháng" in text
    assert "Tỷ lệ giải quyết đúng và trước hạn theo tháng (%)" in text
    # the criteria and the catalogue share
    assert "1 Tổng thể dịch vụ Rất hài lòng 1" in lines
    assert "4 Thái độ của cán bộ Không hài lòng 1" in lines
    assert "31 4 12,9 %" in lines
    # charts are vector drawings (ReportLab graphics), not embedded pictures
    pdf = out.read_bytes()
    assert b"/Subtype /Image" not in pdf


def test_ledger_of_the_period_lists_each_dossier_received_with_its_result(
    data_dir: Path, tmp_path: Path, counter: Runtime
) -> None:
    out = tmp_path / "ledger.pdf"
    assert main(["--data-dir", str(data_dir), *ARGS, "--format", "ledger", "--out", str(out)]) == 0
    text = "\n".join(_pdf_lines(out))
    from sqlalchemy import select

    from counter_app.models import Dossier

    with counter.ctx.sessions() as s:
        names = set(s.scalars(select(Dossier.applicant_name)))
    received_in_q1 = names - {"Nông Văn Lâm"}  # L was received in December
    assert len(received_in_q1) == 12
    for name in received_in_q1:
        assert name in text, name
    # N, closed for want of its supplement (Decree 118/2025 Art. 19(5)), says
    # so in the note column (its words wrap in the narrow cell)
    assert re.search(r"Nịnh Văn Nam.*?Đóng hồ\n.*?sơ\n.*?\(không\n.*?bổ sung\)", text, re.S)
    assert "Nông Văn Lâm" not in text
