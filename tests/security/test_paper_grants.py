"""Decree 118/2025 Art. 17(1)(b) across agencies (central migration
c0011_paper_grants): a desk reads another agency's paper only after taking it
at the centre, which records who took whose paper; removed, expired or
unknown papers cannot be taken, and a desk takes at most a day's allowance."""

from __future__ import annotations

import importlib.util
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from counter_app.centre.migrations import versions
from counter_app.domain.papers import PaperData
from counter_app.services import papers
from counter_app.sync.central_link import central_session
from counter_app.sync.errors import CentralRefused
from counter_app.sync.file_download import fetch
from counter_app.sync.papers_lookup import fetch_files, held_anywhere
from counter_app.wire import connection_file as settings_file
from counter_app.wire.files import MAX_GRANTS_A_DAY
from tests.conftest import AGENCY, Clock, login
from tests.sync.conftest import Centre, Desk
from tests.sync.paper_support import BIRTH, HOLDER, add_paper, small_pdf
from tests.sync.support import receive_many

DAY = datetime(2026, 11, 26, 8, 0)
OTHER = "000.00.37.H38"


def _take(desk: Desk, paper_uuid: str) -> object:
    settings = settings_file.stored(desk.directory)
    assert settings is not None
    with central_session(settings) as engine, engine.connect() as conn, conn.begin():
        return conn.execute(text("SELECT central_paper_take(:u)"), {"u": paper_uuid}).scalar()


def test_another_agencys_paper_is_read_only_once_taken_and_the_taking_is_on_record(
    centre: Centre,
) -> None:
    home = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(home, 1)
    info = add_paper(home, code, small_pdf(80))
    home.sync()
    away = centre.desk("Một cửa phường khác", agency=OTHER)
    # THEN the other agency's desk finds it for the citizen, from the centre
    (offered,) = held_anywhere(away.ctx, away.directory, HOLDER)
    assert offered.uuid == info.uuid and offered.held_at == AGENCY
    # AND cannot read its file just by knowing its name
    with pytest.raises(CentralRefused):
        fetch(away.ctx, away.directory, info.sha256)
    assert centre.scalar("SELECT count(*) FROM central_paper_grants") == 0
    # WHEN the reception takes it
    fetch_files(away.ctx, away.directory, [offered])
    # THEN the file is here, whole, and the centre knows who took whose paper
    assert away.ctx.files is not None and away.ctx.files.intact(info.sha256)
    with centre.engine.connect() as conn:
        grant = conn.execute(
            text(
                "SELECT counter_uuid, agency_id, paper_uuid, paper_agency_id, holder_id_number "
                "FROM central_paper_grants"
            )
        ).one()
    assert tuple(grant) == (
        away.registration.counter_uuid,
        OTHER,
        info.uuid,
        AGENCY,
        HOLDER,
    )


def test_removed_expired_unknown_or_malformed_papers_cannot_be_taken(centre: Centre) -> None:
    home = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(home, 1)
    removed = add_paper(home, code, small_pdf(30))
    papers.remove(home.ctx, login(home.ctx, "tiepnhan"), removed.uuid, "Quét nhầm giấy tờ")
    expired = add_paper(
        home,
        code,
        small_pdf(40),
        PaperData("GT.CT", "Giấy xác nhận cư trú", HOLDER, valid_until=date(2026, 11, 30)),
    )
    home.sync()
    away = centre.desk("Một cửa phường khác", agency=OTHER)
    for wanted in (removed.uuid, "0" * 8 + "-0000-0000-0000-" + "0" * 12, "x'; --"):
        with pytest.raises(CentralRefused):
            _take(away, wanted)
    # a paper whose validity ended (the centre judges by its own date) is not taken
    with centre.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE central_records SET body = jsonb_set(body, '{valid_until}', "
                "'\"2020-01-01\"') WHERE uuid = :u"
            ),
            {"u": expired.uuid},
        )
    with pytest.raises(CentralRefused):
        _take(away, expired.uuid)
    assert centre.scalar("SELECT count(*) FROM central_paper_grants") == 0


def test_a_desk_takes_at_most_a_days_allowance(centre: Centre) -> None:
    home = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(home, 1)
    info = add_paper(home, code, small_pdf(50), BIRTH)
    home.sync()
    away = centre.desk("Một cửa phường khác", agency=OTHER)
    with centre.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO central_paper_grants (counter_uuid, agency_id, paper_uuid, "
                "paper_agency_id, sha256, holder_id_number) "
                "SELECT :c, :a, :p, :pa, :s, :h FROM generate_series(1, :n)"
            ),
            {
                "c": away.registration.counter_uuid,
                "a": OTHER,
                "p": info.uuid,
                "pa": AGENCY,
                "s": info.sha256,
                "h": HOLDER,
                "n": MAX_GRANTS_A_DAY,
            },
        )
    with pytest.raises(CentralRefused):
        _take(away, info.uuid)


def test_the_allowance_is_the_centres() -> None:
    path = Path(versions.__file__).parent / "c0011_paper_grants.py"
    spec = importlib.util.spec_from_file_location("c0011", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.MAX_GRANTS_A_DAY == MAX_GRANTS_A_DAY
