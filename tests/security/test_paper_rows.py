"""A digitised paper reaches the centre as a record of kind ``paper``
(migration c0010_papers_and_files) and passes every check the other records
pass, plus its own: what a desk's password lets an attacker write into the
outbox is refused one entry at a time, and the rest of the queue goes on."""

from __future__ import annotations

import importlib.util
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import select

from counter_app.centre.migrations import versions
from counter_app.centre.schema import MIGRATIONS_DIR, init
from counter_app.models import SyncIssue
from counter_app.services import papers
from counter_app.wire import refusals
from tests.conftest import Clock, login
from tests.sync.conftest import Centre, Desk
from tests.sync.paper_support import add_paper, forge_entry, small_pdf
from tests.sync.support import assert_all_once, outbox_size, receive_many

DAY = datetime(2026, 11, 26, 8, 0)


def _issues(desk: Desk) -> set[tuple[str, str, str]]:
    with desk.ctx.sessions() as s:
        return {(i.kind, i.row_uuid, i.reason) for i in s.scalars(select(SyncIssue))}


def _central_body(centre: Centre, row_uuid: str) -> dict[str, Any]:
    body = centre.scalar("SELECT body FROM central_records WHERE uuid = :u", u=row_uuid)
    assert isinstance(body, dict)
    return body


def test_a_paper_arrives_once_with_its_agency_and_counter_set_by_the_centre(
    centre: Centre,
) -> None:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    info = add_paper(desk, code)
    desk.sync()
    totals = assert_all_once(centre, desk)
    assert totals["paper"] == 1
    row = centre.scalar(
        "SELECT row_to_json(r) FROM central_records r WHERE uuid = :u AND kind = 'paper'",
        u=info.uuid,
    )
    assert isinstance(row, dict)
    assert row["counter_uuid"] == desk.registration.counter_uuid
    assert row["agency_id"] == desk.registration.agency_id
    assert row["body"]["sha256"] == info.sha256
    # A removal is a newer version: it replaces the centre's copy.
    papers.remove(desk.ctx, login(desk.ctx, "tiepnhan"), info.uuid, "Quét nhầm giấy")
    assert desk.sync().push.refused == 0
    assert _central_body(centre, info.uuid)["removal_reason"] == "Quét nhầm giấy"


def test_malformed_papers_are_quarantined_and_the_queue_goes_on(centre: Centre) -> None:
    # GIVEN a genuine paper at the centre, to copy bodies from
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    genuine = add_paper(desk, code)
    desk.sync()
    good = _central_body(centre, genuine.uuid)
    # WHEN an attacker with the desk's password writes papers out of every bound
    bad: dict[str, dict[str, Any]] = {
        "sha not hex": {"sha256": "z" * 64},
        "sha too short": {"sha256": "ab" * 20},
        "size as text": {"size": "1024"},
        "size zero": {"size": 0},
        "size beyond the bound": {"size": 10**12},
        "size a fraction": {"size": 1.5},
        "pages zero": {"pages": 0},
        "unknown role": {"role": "evil"},
        "unknown origin": {"origin": "unknown"},
        "long holder name": {"holder_name": "A" * 121},
        "huge OCR text": {"ocr_text": "x" * 500_001},
        "name not text": {"document_name": ["Giấy"]},
        "field missing": {"summary": None},
        "bad creation time": {"created_at": "yesterday"},
        "bad validity date": {"valid_until": "31/12/2030"},
        "bad reuse source": {"reused_from": "'; DROP TABLE central_files; --"},
        "component as text": {"component": "1"},
        "bad document type": {"doc_type_code": "GT KS\u202e"},
    }
    forged: dict[str, str] = {}
    for name, change in bad.items():
        row_uuid = str(uuid.uuid4())
        forged[name] = row_uuid
        forge_entry(desk, "paper", row_uuid, {**good, **change, "uuid": row_uuid}, 1)
    # AND a genuine paper after them
    later = add_paper(desk, code)
    # THEN each forged one is refused as a malformed paper; the genuine one arrives
    report = desk.sync()
    assert report.push.refused == len(bad)
    issues = _issues(desk)
    for name, row_uuid in forged.items():
        assert ("paper", row_uuid, refusals.MALFORMED_PAPER) in issues, name
        assert (
            centre.scalar("SELECT count(*) FROM central_records WHERE uuid = :u", u=row_uuid) == 0
        )
    assert _central_body(centre, later.uuid)["sha256"] == later.sha256
    assert outbox_size(desk) == 0


def test_a_paper_cannot_hang_on_a_dossier_unknown_or_not_its_own(centre: Centre) -> None:
    a = centre.desk("Quầy số 1", Clock(DAY))
    b = centre.desk("Quầy số 2", Clock(DAY))
    (code_a,) = receive_many(a, 1)
    (code_b,) = receive_many(b, 1, first=3)
    genuine = add_paper(b, code_b)
    a.sync()
    b.sync()
    good = _central_body(centre, genuine.uuid)
    dossier_a = centre.scalar("SELECT uuid FROM central_dossiers WHERE code = :c", c=code_a)
    cases = {
        # b's paper put on a's dossier
        "another counter's dossier": {"dossier_uuid": dossier_a},
        # a dossier the centre never received
        "an unknown dossier": {"dossier_uuid": str(uuid.uuid4())},
        # speaking for a
        "another counter's name": {"counter_uuid": a.registration.counter_uuid},
    }
    forged = {}
    for name, change in cases.items():
        row_uuid = str(uuid.uuid4())
        forged[name] = row_uuid
        forge_entry(b, "paper", row_uuid, {**good, **change, "uuid": row_uuid}, 1)
    assert b.sync().push.refused == len(cases)
    issues = _issues(b)
    assert ("paper", forged["another counter's dossier"], refusals.DOSSIER_REFUSED) in issues
    assert ("paper", forged["an unknown dossier"], refusals.DOSSIER_REFUSED) in issues
    assert ("paper", forged["another counter's name"], refusals.NOT_OWNER) in issues
    assert centre.scalar("SELECT count(*) FROM central_records WHERE kind = 'paper'") == 1


def test_a_papers_file_and_data_cannot_change_once_at_the_centre(centre: Centre) -> None:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    info = add_paper(desk, code)
    desk.sync()
    good = _central_body(centre, info.uuid)
    # A newer version pointing at another file, or at another person
    forge_entry(desk, "paper", info.uuid, {**good, "sha256": "0" * 64}, 5)
    assert desk.sync().push.refused == 1
    forge_entry(desk, "paper", info.uuid, {**good, "holder_id_number": "001090000001"}, 6)
    assert desk.sync().push.refused == 1
    assert ("paper", info.uuid, refusals.APPEND_ONLY_CHANGED) in _issues(desk)
    assert _central_body(centre, info.uuid) == good


def test_the_paper_reason_is_the_centres() -> None:
    path = Path(versions.__file__).parent / "c0010_papers_and_files.py"
    spec = importlib.util.spec_from_file_location("c0010", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert refusals.MALFORMED_PAPER in module._MALFORMED_PAPER


def test_the_centre_goes_back_before_c0010_and_up_again(centre: Centre) -> None:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    add_paper(desk, code)
    desk.sync()
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = centre.engine
    command.downgrade(cfg, "c0009_code_blocks")
    push = str(centre.scalar("SELECT prosrc FROM pg_proc WHERE proname = 'central_push'"))
    assert "paper" not in push and "'print_job')" in push
    assert centre.scalar("SELECT to_regclass('central_file_chunks')") is None
    init(centre.engine)
    # Up again: the next paper and its file arrive as before
    later = add_paper(desk, code, small_pdf(10))
    report = desk.sync()
    assert (report.push.refused, report.files.confirmed) == (0, 1)
    assert _central_body(centre, later.uuid)["sha256"] == later.sha256
