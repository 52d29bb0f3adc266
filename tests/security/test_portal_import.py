"""`central import-online` trusts nothing in the portal's file: every field
bounded, codes and agencies checked against the centre's registry, a code
slot belongs to a counter or to the portal, duplicates refused by name; the
whole file is refused with every bad entry by position and field, in
Vietnamese, never a traceback (issue 16, points 3 and 8)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.sync.conftest import Centre
from tests.sync.support import run_cli

ROOT = Path(__file__).resolve().parents[2]
AGENCY = "000.00.37.H37"
OTHER_AGENCY = "000.00.38.H37"


def cli(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    # English, so the test reads positions and fields; the Vietnamese of every
    # sentence is checked by tests/test_translations.py.
    return run_cli(*args, url=url, COUNTER_APP_LANG="en")


def entry(number: int = 9001, **changes: Any) -> dict[str, Any]:
    good: dict[str, Any] = {
        "code": f"{AGENCY}-261126-{number:04d}",
        "agency_id": AGENCY,
        "procedure_code": "2.000815",
        "submitted_at": "2026-11-26T08:15:00",
        "applicant": {
            "full_name": "Vi Thị Hoa",
            "id_number": "020190001234",
            "phone": "0912345678",
        },
        "pages": 2,
        "copies": 1,
        "delivery": "post",
        "delivery_address": "Số 5 đường Bà Triệu, Lạng Sơn",
        "note": "",
    }
    return good | changes


def import_file(centre: Centre, tmp_path: Path, content: Any, *extra: str) -> Any:
    path = tmp_path / "dvc.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return cli("central", "import-online", str(path), *extra, url=centre.url)


def refused(done: subprocess.CompletedProcess[str]) -> str:
    """Exit 2, one sentence, no traceback and no Python internals."""
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for internal in ("Traceback", "Error", "string indices", "pydantic", "Input should", "dict"):
        assert internal not in lines[0], lines[0]
    return lines[0]


def online_count(centre: Centre) -> int:
    return int(centre.scalar("SELECT count(*) FROM central_dossiers WHERE source = 'online'"))  # type: ignore[arg-type]


@pytest.fixture
def registered(centre: Centre) -> Centre:
    """One counter of the agency (code slot 0) and the centre's officials."""
    centre.desk("Quầy số 1")
    return centre


HOSTILE: list[tuple[str, dict[str, Any]]] = [
    ("note", {"note": "x" * 10_000_000}),
    ("pages", {"pages": 10**12}),
    ("copies", {"copies": 1.5}),
    ("copies", {"copies": True}),
    ("delivery", {"delivery": "drone"}),
    ("applicant.full_name", {"applicant": {"full_name": "Vi Thị\u202e Hoa"}}),
    ("code", {"code": "'; DROP TABLE central_dossiers; --"}),
    ("code", {"code": "000.00.38.H37-261126-9001"}),
    ("code", {"code": "X" * 5000}),
    ("code", {"code": f"{AGENCY}-261126-0005"}),
    ("agency_id", {"agency_id": "999.99.99.H99", "code": "999.99.99.H99-261126-9001"}),
    ("agency_id", {"agency_id": OTHER_AGENCY, "code": f"{OTHER_AGENCY}-261126-9001"}),
    ("applicant", {"applicant": "Vi Thị Hoa"}),
    ("submitted_at", {"submitted_at": "hôm qua"}),
    ("fee", {"fee": -5}),
    ("extra", {"extra": 1}),
    ("applicant.id_number", {"applicant": {"full_name": "Vi Thị Hoa", "id_number": "12"}}),
]


@pytest.mark.parametrize(("field", "changes"), HOSTILE, ids=[f for f, _ in HOSTILE])
def test_each_hostile_entry_is_refused_with_its_position_and_nothing_is_imported(
    registered: Centre, tmp_path: Path, field: str, changes: dict[str, Any]
) -> None:
    # GIVEN a file with a good entry first and the hostile one second
    done = import_file(registered, tmp_path, {"dossiers": [entry(9001), entry(9002, **changes)]})
    # THEN the whole file is refused, naming entry 2 and its field
    line = refused(done)
    assert "entry 2," in line and field in line, line
    assert "entry 1," not in line
    assert online_count(registered) == 0
    assert registered.scalar("SELECT count(*) FROM central_changes WHERE kind = 'dossier'") == 0


def test_every_bad_entry_is_listed_by_position(registered: Centre, tmp_path: Path) -> None:
    entries = [entry(9001), entry(9002, pages=0), entry(9003), entry(9004, delivery="drone")]
    line = refused(import_file(registered, tmp_path, {"dossiers": entries}))
    assert "entry 2, field “pages”" in line and "entry 4, field “delivery”" in line, line
    assert "entry 1," not in line and "entry 3," not in line
    assert online_count(registered) == 0


def test_a_duplicate_code_in_the_file_is_refused_by_name(
    registered: Centre, tmp_path: Path
) -> None:
    first = entry(9001)
    second = entry(9001, note="sửa lại")
    line = refused(import_file(registered, tmp_path, {"dossiers": [first, second]}))
    assert f"{AGENCY}-261126-9001" in line and "entry 2," in line and "entry 1" in line
    assert online_count(registered) == 0


def test_a_code_at_the_centre_is_never_silently_amended(registered: Centre, tmp_path: Path) -> None:
    # GIVEN an imported dossier
    done = import_file(registered, tmp_path, {"dossiers": [entry(9001)]})
    assert done.returncode == 0, done.stderr
    # WHEN the same file comes again, THEN nothing changes (idempotent)
    again = import_file(registered, tmp_path, {"dossiers": [entry(9001)]})
    assert again.returncode == 0, again.stderr
    assert registered.scalar("SELECT version FROM central_dossiers") == 1
    # WHEN an entry with the same code and other content comes, THEN it is refused by name
    line = refused(import_file(registered, tmp_path, {"dossiers": [entry(9001, pages=40)]}))
    assert f"{AGENCY}-261126-9001" in line and "--amend" in line
    assert registered.scalar("SELECT version FROM central_dossiers") == 1
    assert registered.scalar("SELECT body->>'pages' FROM central_dossiers") == "2"
    # AND with --amend it is sent as an amendment, one version up
    amended = import_file(registered, tmp_path, {"dossiers": [entry(9001, pages=40)]}, "--amend")
    assert amended.returncode == 0, amended.stderr
    assert registered.scalar("SELECT version FROM central_dossiers") == 2


def test_a_dossier_imported_by_the_previous_release_is_the_same_when_imported_again(
    registered: Centre, tmp_path: Path
) -> None:
    # GIVEN a dossier imported before applicants had a kind of document: its
    # body holds no kind and no nationality
    assert import_file(registered, tmp_path, {"dossiers": [entry(9001)]}).returncode == 0
    with registered.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE central_dossiers SET body = body - 'applicant_id_kind' "
                "- 'applicant_nationality'"
            )
        )
    # WHEN the portal's same file comes again, THEN it is the same dossier: no
    # refusal, no amendment
    again = import_file(registered, tmp_path, {"dossiers": [entry(9001)]})
    assert again.returncode == 0, again.stderr
    assert registered.scalar("SELECT version FROM central_dossiers") == 1


@pytest.mark.parametrize(
    "content",
    [
        7,
        "dossiers",
        {"dossier": []},
        {"dossiers": {"code": "x"}},
        {"dossiers": []},
        {"dossiers": [entry()], "more": 1},
        [entry()],
        {"dossiers": [7, "x"]},
        b"\xff\xfe{\x00",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"dossiers": [{"pages": ' + b"9" * 5000 + b"}]}",
        b'{"dossiers": [',
    ],
    ids=lambda c: repr(c)[:30],
)
def test_a_file_not_in_the_portal_format_is_one_sentence(
    registered: Centre, tmp_path: Path, content: Any
) -> None:
    refused(import_file(registered, tmp_path, content))
    assert online_count(registered) == 0


def test_a_huge_file_is_refused_before_it_is_read(registered: Centre, tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    refused(cli("central", "import-online", str(path), url=registered.url))


def test_a_good_file_is_imported_text_in_nfc(registered: Centre, tmp_path: Path) -> None:
    decomposed = "Vi Thi\u0323 Hoa"  # NFD "Vi Thị Hoa"
    good = entry(9001, applicant={"full_name": decomposed, "id_number": "020190001234"})
    done = import_file(registered, tmp_path, {"dossiers": [good, entry(9002)]})
    assert done.returncode == 0, done.stderr
    assert online_count(registered) == 2
    assert registered.scalar("SELECT body->>'applicant_name' FROM central_dossiers LIMIT 1") == (
        "Vi Thị Hoa"
    )


def test_a_portal_code_in_a_counters_slot_is_refused_and_a_portal_slot_is_never_handed_out(
    registered: Centre, tmp_path: Path
) -> None:
    # GIVEN counter 1 holds slot 0; WHEN the portal numbers in slot 1 (free)
    done = import_file(registered, tmp_path, {"dossiers": [entry(1001)]})
    assert done.returncode == 0, done.stderr
    # THEN the next counter of the agency is not given slot 1, but slot 2
    second = registered.desk("Quầy số 2")
    assert second.registration.code_slot == 2
    # AND the portal cannot number in slot 2 now that a counter holds it
    line = refused(import_file(registered, tmp_path, {"dossiers": [entry(2001)]}))
    assert "Quầy số 2" in line and "2001" in line
    assert online_count(registered) == 1
