"""The local database: pragmas, upgrades in place with a backup, codes across counters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text, update
from sqlalchemy.exc import DatabaseError

from counter_app import schema_upgrade, storage
from counter_app.app_setup import Runtime, open_runtime
from counter_app.domain.validation import ApplicantInput
from counter_app.models import Base, Dossier
from counter_app.schema_upgrade import (
    alembic_config,
    current_revision,
    head_revision,
    include_object,
)
from counter_app.services import audit
from counter_app.services.dossiers import ReceiveRequest, get_dossier, receive
from counter_app.services.search import search
from counter_app.services.setup import LEGACY_UNIT_NAME
from tests.conftest import Clock, login, make_counter

CITIZEN = ApplicantInput(full_name="Hoàng Văn Nam", id_number="020088004567")


def test_pragmas_for_durability(counter: Runtime) -> None:
    with counter.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_older_database_upgrades_in_place_after_a_backup(tmp_path: Path) -> None:
    rt = make_counter(tmp_path / "c")
    code = receive(rt.ctx, login(rt.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)).code
    # Roll the file back to an empty schema version, as an old install would be…
    command.downgrade(alembic_config(rt.db.engine), "base")
    rt.close()
    con = sqlite3.connect(rt.db.path)
    con.execute("CREATE TABLE legacy_note (x TEXT)")
    con.execute("INSERT INTO legacy_note VALUES ('kept')")
    con.commit()
    con.close()
    # …then start the app: it backs the file up and upgrades it.
    again = open_runtime(tmp_path / "c")
    assert current_revision(again.db.engine) == head_revision()
    assert again.db.backup_path is not None and again.db.backup_path.exists()
    backup = sqlite3.connect(again.db.backup_path)
    assert backup.execute("SELECT x FROM legacy_note").fetchone() == ("kept",)
    backup.close()
    again.close()
    assert code


def test_reopening_at_head_makes_no_backup(tmp_path: Path) -> None:
    make_counter(tmp_path / "c").close()
    again = open_runtime(tmp_path / "c")
    assert again.db.backup_path is None
    again.close()


def test_counters_of_one_agency_offline_never_share_a_code(tmp_path: Path, clock: Clock) -> None:
    # Two counters of the same commune, each with its own file and no link.
    desks = [make_counter(tmp_path / f"c{slot}", slot=slot, name=f"Quầy {slot}") for slot in (0, 1)]
    codes: list[str] = []
    for rt in desks:
        rt.ctx.clock = clock
        codes += [
            receive(rt.ctx, login(rt.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)).code
            for _ in range(5)
        ]
    assert len(set(codes)) == 10
    assert codes[0].endswith("-0001") and codes[5].endswith("-1000")
    # A restart continues the sequence: a code that left on a receipt never returns.
    path = desks[0].data_dir
    for rt in desks:
        rt.close()
    reopened = open_runtime(path)
    reopened.ctx.clock = clock
    nxt = receive(
        reopened.ctx, login(reopened.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)
    ).code
    assert nxt.endswith("-0006")
    reopened.close()


def test_models_and_migrations_agree(counter: Runtime) -> None:
    with counter.db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(ctx, Base.metadata) == []


def test_database_of_the_previous_release_upgrades_keeping_its_dossiers(tmp_path: Path) -> None:
    rt = make_counter(tmp_path / "c")
    code = receive(rt.ctx, login(rt.ctx, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)).code
    command.downgrade(alembic_config(rt.db.engine), "0001")  # as release 0001 left it
    rt.close()
    again = open_runtime(tmp_path / "c")
    assert current_revision(again.db.engine) == head_revision()
    assert again.db.backup_path is not None
    assert get_dossier(again.ctx, code).code == code
    assert [r.code for r in search(again.ctx, "hoang van nam")] == [code]
    # Officials still log in (the lockout table came with the upgrade).
    assert login(again, "tiepnhan").username == "tiepnhan"
    with again.ctx.sessions() as s:
        # Rows written by the old release got their uuid, and the chain holds.
        assert audit.verify(s).ok
        for table in ("audit_log", "dossier_documents", "clock_pauses"):
            missing = s.execute(text(f"SELECT count(*) FROM {table} WHERE uuid IS NULL"))
            assert missing.scalar() == 0
    # The audit log is still append-only after its table was rebuilt.
    with pytest.raises(DatabaseError, match="append-only"), again.ctx.sessions.begin() as s:
        s.execute(text("UPDATE audit_log SET username = 'x'"))
    again.close()


def test_a_database_before_unit_names_and_free_fees_upgrades_with_both(tmp_path: Path) -> None:
    # GIVEN a free-by-law dossier and a paid one, in a database as release 0006 left it
    rt = make_counter(tmp_path / "c")
    free = receive(rt.ctx, login(rt, "tiepnhan"), ReceiveRequest("2.000908", CITIZEN)).code
    paid = receive(rt.ctx, login(rt, "tiepnhan"), ReceiveRequest("2.000815", CITIZEN)).code
    command.downgrade(alembic_config(rt.db.engine), "0006")
    rt.close()
    # WHEN the app opens it
    again = open_runtime(tmp_path / "c")
    assert current_revision(again.db.engine) == head_revision()
    with again.ctx.sessions() as s:
        # THEN only the free-by-law dossier may say "Không thu", and the counter's unit has
        # the name units had before 1/7/2025 until the administrator renames it
        flags = {
            code: flag for code, flag in s.execute(text("SELECT code, fee_free FROM dossiers"))
        }
        assert flags == {free: 1, paid: 0}
        unit = s.execute(text("SELECT unit_name FROM counter_identity")).scalar_one()
        assert unit == LEGACY_UNIT_NAME
        # AND the dossiers it holds keep that name when the unit is renamed later
        names = s.execute(text("SELECT DISTINCT unit_name FROM dossiers")).scalars().all()
        assert names == [LEGACY_UNIT_NAME]
    again.close()


def test_the_head_read_without_alembic_is_alembics_head() -> None:
    # A start at head skips Alembic on this reading; it must never disagree.
    assert schema_upgrade._script_head() == head_revision()


def test_a_read_session_refuses_to_write_and_a_trial_leaves_nothing(counter: Runtime) -> None:
    # GIVEN a counter with a dossier
    info = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest(
            "2.000815", ApplicantInput(full_name="Vi Thị Hoa", id_number="020190001234")
        ),
    )
    # WHEN code writes through a read session, by the ORM or by a statement
    with counter.ctx.sessions() as s:
        row = s.scalars(select(Dossier).where(Dossier.code == info.code)).one()
        row.note = "viết lén"
        with pytest.raises(storage.ReadSessionWrote):
            s.flush()
        s.rollback()
        with pytest.raises(storage.ReadSessionWrote):
            s.execute(update(Dossier).values(note="viết lén"))
    # AND a trial writes and is rolled back
    with counter.ctx.sessions.trial() as s:
        s.execute(update(Dossier).values(note="thử"))
    # THEN nothing of either reached the database
    assert get_dossier(counter.ctx, info.code).note == ""
