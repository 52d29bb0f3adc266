"""The ``counter-app`` command as IT staff use it, in Vietnamese."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.cli import main
from counter_app.devtools.demo import DEMO_PASSWORD
from tests.conftest import PASSWORD, make_counter

ROOT = Path(__file__).resolve().parents[2]


def run(
    *args: str, data_dir: Path, stdin: str = "", password: str | None = PASSWORD
) -> subprocess.CompletedProcess[str]:
    """The command in a child process; ``password`` is the acting official's, as a
    script gives it (there is no terminal to ask on)."""
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    if password is not None:
        env["COUNTER_APP_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "counter_app.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=ROOT,
        timeout=120,
        env=env,
    )


@pytest.mark.parametrize(
    ("start", "args", "expected"),
    [
        # Thu 10:00 + 3 working days, over a weekend.
        ("2026-11-26 10:00", ["--days", "3"], "2026-12-01 10:00"),
        # After 15:00 counting starts the next working day where the rule applies:
        # Fri 07:30 + 1 day; without it 1 h 30 Thursday + 6 h Friday.
        ("2026-11-26 15:30", ["--days", "1", "--cutoff"], "2026-11-27 17:00"),
        ("2026-11-26 15:30", ["--days", "1"], "2026-11-27 15:30"),
        # Mon 23/11 09:00 + 1 day skips Vietnam Culture Day (Tue 24/11/2026).
        ("2026-11-23 09:00", ["--days", "1"], "2026-11-25 09:00"),
        # Across Tết 2026 (16–20 Feb): Fri 13/02 10:00 + 2 days.
        ("2026-02-13 10:00", ["--days", "2"], "2026-02-24 10:00"),
        # The make-up Saturday 22/08/2026 counts as a working day…
        ("2026-08-21 09:00", ["--days", "2"], "2026-08-24 09:00"),
        # …and Mon 31/08 (swapped for it) to Wed 02/09 are off.
        ("2026-08-28 09:00", ["--days", "1"], "2026-09-03 09:00"),
        # 09:00–11:30 is 2.5 h; the other 1.5 h run from 13:30.
        ("2026-11-26 09:00", ["--hours", "4"], "2026-11-26 15:00"),
        ("2026-11-26 16:00", ["--same-day"], "2026-11-27 17:00"),
    ],
)
def test_calendar_due(tmp_path: Path, start: str, args: list[str], expected: str) -> None:
    result = run("calendar", "due", "--from", start, *args, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_calendar_list_names_days(tmp_path: Path) -> None:
    result = run("calendar", "list", "2026", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "2026-11-24\tNgày Văn hóa Việt Nam" in lines
    assert "2026-02-17\tTết Nguyên Đán" in lines
    assert any(line.startswith("2026-08-22\t") for line in lines)
    assert "Ngày làm việc bù trong năm 2026:" in lines


def test_province_days_change_the_count(tmp_path: Path) -> None:
    make_counter(tmp_path).close()
    assert (
        run(
            "calendar",
            "add-day-off",
            "2026-11-27",
            "Nghỉ theo QĐ 123/QĐ-UBND",
            "--by",
            "quantri",
            data_dir=tmp_path,
        ).returncode
        == 0
    )
    assert (
        run(
            "calendar",
            "add-workday",
            "2026-11-28",
            "Làm bù theo QĐ 123/QĐ-UBND",
            "--by",
            "quantri",
            data_dir=tmp_path,
        ).returncode
        == 0
    )
    due = run("calendar", "due", "--from", "2026-11-26 10:00", "--days", "1", data_dir=tmp_path)
    assert due.stdout.strip() == "2026-11-28 10:00"
    listing = run("calendar", "list", "2026", data_dir=tmp_path).stdout.splitlines()
    assert "2026-11-27\tNghỉ theo QĐ 123/QĐ-UBND" in listing
    assert "2026-11-28\tLàm bù theo QĐ 123/QĐ-UBND" in listing


def test_bad_input_gets_a_vietnamese_message_and_no_traceback(tmp_path: Path) -> None:
    result = run("calendar", "due", "--from", "26/11/2026", "--days", "3", data_dir=tmp_path)
    assert result.returncode == 2
    assert "không phải thời điểm hợp lệ" in result.stderr
    assert "Traceback" not in result.stderr


def test_catalogue_import_reports_rows_and_keeps_good_ones(tmp_path: Path) -> None:
    make_counter(tmp_path / "c").close()
    csv = tmp_path / "danh_muc.csv"
    csv.write_text(
        "code,name,field,level,processing_amount,processing_unit,fee_kind,fee_amount,documents\n"
        "1.000001,Thủ tục thử nghiệm,Hộ tịch,xã,3,working_days,free,0,Tờ khai|original|1|1\n"
        "1.000002,Thủ tục sai đơn vị,Hộ tịch,xã,3,tuần,free,0,Tờ khai|original|1|1\n",
        encoding="utf-8",
    )
    result = run("catalogue", "import", str(csv), "--by", "quantri", data_dir=tmp_path / "c")
    assert result.returncode == 2
    assert "Dòng 3" in result.stderr and "processing_unit" in result.stderr
    assert "1 thủ tục mới" in result.stdout
    listing = run("catalogue", "list", data_dir=tmp_path / "c").stdout
    assert "1.000001" in listing and "1.000002" not in listing


def test_user_add_reads_password_from_stdin(tmp_path: Path) -> None:
    make_counter(tmp_path).close()
    result = run(
        "user",
        "add",
        "canbo2",
        "--full-name",
        "Chu Thị Lan",
        "--roles",
        "receiver,returner",
        "--by",
        "quantri",
        data_dir=tmp_path,
        stdin="mat-khau-456\n",
    )
    assert result.returncode == 0, result.stderr
    listed = run("user", "list", "--by", "quantri", data_dir=tmp_path).stdout
    assert "canbo2\tChu Thị Lan\treceiver,returner" in listed
    short = run(
        "user",
        "add",
        "canbo3",
        "--full-name",
        "Chu Văn B",
        "--roles",
        "receiver",
        "--by",
        "quantri",
        data_dir=tmp_path,
        stdin="123\n",
    )
    assert short.returncode == 2 and "ít nhất 8 ký tự" in short.stderr


def test_demo_prints_one_json_line_per_dossier(tmp_path: Path) -> None:
    result = run("demo", "--out", str(tmp_path / "out"), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 8
    for line in lines:
        assert {"code", "procedure", "state", "appointment", "fee"} <= line.keys()
    on_spot, multi, incomplete, restarted, closed, extended, evaluated, electronic = lines
    assert on_spot["state"] == "returned" and on_spot["on_the_spot"] and on_spot["fee"] == 10_000
    assert multi["state"] == "received" and multi["appointment"] > multi["received"]
    assert incomplete["state"] == "supplement_requested" and incomplete["supplement"]
    assert len({line["code"] for line in lines}) == 8
    # Decree 118/2025 Art. 19(5): a supplement brought today counts the time
    # limit again from now (a new receipt); one never brought is closed
    assert restarted["state"] == "in_appraisal"
    assert restarted["appointment"] > restarted["old_appointment"]
    assert restarted["appointment"] > multi["appointment"]  # same procedure, from 10:50
    assert [Path(p).name for p in restarted["pdfs"]] == [f"{restarted['code']}-01-moi.pdf"]
    assert closed["state"] == "closed" and closed["listed_to_close"]
    # Art. 19(6): one due on the next working day is extended today, with form 04
    assert extended["listed_last_day"] and extended["appointment"] > extended["received"]
    assert [Path(p).name for p in extended["pdfs"]] == [f"{extended['code']}-04.pdf"]
    # Art. 33(1), Circular 01/2018 Arts. 13-14: ready the day after reception, before
    # its appointment (2 points), with no supplement (2); the citizen's own answers kept
    assert evaluated["state"] == "returned"
    assert evaluated["evaluation"] == {
        "system:1": 2,
        "system:3": 2,
        "citizen:4": 2,
        "citizen:7": 2,
        "citizen:d": 1,
    }
    # Art. 17(4): the result given on the spot needed no receipt
    assert on_spot["receipt"] is False
    # Art. 17(1)(b), (c): the morning's papers were scanned; the citizen's second
    # dossier takes them instead of asking for them again
    assert electronic["applicant"] == multi["applicant"]
    assert electronic["reused"] == electronic["digitised_first"] > 0
    # ... each made searchable by OCR (Tesseract comes with `make`)
    assert electronic["ocr_words"] > 10
    # Every form the day produced is a PDF named after its dossier and form number:
    # a 2026 day prints with Circular 03/2025's set, whose control slip is Mẫu số 06.
    assert [Path(p).name for p in on_spot["pdfs"]] == [f"{on_spot['code']}-06.pdf"]
    # Art. 17(1)(c): the incomplete dossier gets form 02, and no receipt yet
    assert [Path(p).name for p in incomplete["pdfs"]] == [f"{incomplete['code']}-02.pdf"]
    for line in lines:
        for pdf in line["pdfs"]:
            assert Path(pdf).read_bytes().startswith(b"%PDF")


def test_show_and_search_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--data-dir", str(tmp_path / "d"), "demo", "--out", str(tmp_path / "o")]) == 0
    code = json.loads(capsys.readouterr().out.splitlines()[0])["code"]
    monkeypatch.setenv("COUNTER_APP_PASSWORD", DEMO_PASSWORD)
    by = ("--by", "tiepnhan")
    assert main(["--data-dir", str(tmp_path / "d"), "dossier", "search", "ly hong thuy", *by]) == 0
    assert code in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "d"), "dossier", "show", code, *by]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["state"] == "returned" and len(shown["steps"]) == 6


def test_working_hours_are_configurable(tmp_path: Path) -> None:
    make_counter(tmp_path).close()
    shown = run("calendar", "hours", data_dir=tmp_path)
    assert "07:30-11:30, 13:30-17:00" in shown.stdout and "15:00" in shown.stdout
    changed = run(
        "calendar",
        "hours",
        "--set",
        "07:00-11:00, 13:00-16:30",
        "--cutoff",
        "15:30",
        "--by",
        "quantri",
        data_dir=tmp_path,
    )
    assert changed.returncode == 0, changed.stderr
    # 10:00–11:00 is 1 h; the other 3 h run from 13:00.
    due = run("calendar", "due", "--from", "2026-11-26 10:00", "--hours", "4", data_dir=tmp_path)
    assert due.stdout.strip() == "2026-11-26 16:00"
    # Received 15:20: before the new 15:30 cutoff, so it still counts today.
    same_day = run("calendar", "due", "--from", "2026-11-26 15:20", "--same-day", data_dir=tmp_path)
    assert same_day.stdout.strip() == "2026-11-26 16:30"
    bad = run("calendar", "hours", "--set", "7h-11h", "--by", "quantri", data_dir=tmp_path)
    assert bad.returncode == 2 and "không phải giờ hợp lệ" in bad.stderr
    assert "07:00-11:00" in run("calendar", "hours", data_dir=tmp_path).stdout


def test_printer_settings_choose_the_receipt_paper(tmp_path: Path) -> None:
    data = tmp_path / "data"
    demo = run("demo", "--out", str(tmp_path / "out"), data_dir=data)
    code = json.loads(demo.stdout.splitlines()[1])["code"]
    shown = run(
        "printer",
        "--name",
        "EPSON_TM_T82",
        "--receipt-paper",
        "80mm",
        "--by",
        "quantri",
        data_dir=data,
        password=DEMO_PASSWORD,
    )
    assert "EPSON_TM_T82" in shown.stdout and "80mm" in shown.stdout
    out = tmp_path / "slip.pdf"
    printed = run(
        "dossier",
        "print",
        code,
        "--out",
        str(out),
        "--by",
        "tiepnhan",
        data_dir=data,
        password=DEMO_PASSWORD,
    )
    assert printed.returncode == 0, printed.stderr
    # An 80 mm slip is 226.8 pt wide, whatever its length.
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert "226.77" in info.stdout
    a4 = tmp_path / "a4.pdf"
    assert (
        run(
            "dossier",
            "print",
            code,
            "--out",
            str(a4),
            "--paper",
            "A4",
            "--by",
            "tiepnhan",
            data_dir=data,
            password=DEMO_PASSWORD,
        ).returncode
        == 0
    )
    assert (
        "595.276 x 841.89"
        in subprocess.run(["pdfinfo", str(a4)], capture_output=True, text=True, check=True).stdout
    )


def test_a_wrong_command_is_explained_in_vietnamese(tmp_path: Path) -> None:
    result = run("printer", "--receipt-paper", "B5", data_dir=tmp_path)
    assert result.returncode == 2
    assert "Lệnh chưa đủ hoặc chưa đúng" in result.stderr and "Traceback" not in result.stderr
