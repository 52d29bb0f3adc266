"""Decree 118/2025 Article 28(2) at a province's scale: 300 desks of 100
communes receive the procedures of three authorities, one of which has desks
of its own; use is skewed; a third of the desks stay offline all week, then
sync. Every desk numbers with the desk's own rule (domain/code_blocks.py),
from the blocks the centre's own function grants it, day by day."""

from __future__ import annotations

import dataclasses
import random
import uuid
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from counter_app.catalogue_files import load_catalogue
from counter_app.centre import admin
from counter_app.domain import codes
from counter_app.domain.code_blocks import CodeBlock, next_ordinal
from counter_app.resources_path import resource
from counter_app.services.catalogue import SAMPLE_CATALOGUE
from tests.sync.conftest import Centre

AUTHORITIES = ("000.00.15.H37", "000.00.16.H37", "000.00.17.H37")
MONDAY = date(2027, 3, 1)
WEEK = [MONDAY + timedelta(days=d) for d in range(7)]
COMMUNES, DESKS_PER_COMMUNE = 100, 3


@dataclasses.dataclass
class Desk:
    uuid: str
    agency_id: str
    slot: int
    offline: bool
    demand: dict[str, int]  # dossiers a day, per authority
    received: list[tuple[str, str, datetime]] = dataclasses.field(default_factory=list)
    fallbacks: int = 0


def _procedures(centre: Centre) -> dict[str, str]:
    """One procedure per authority, decided by it: authority -> procedure code."""
    sample = load_catalogue(Path(str(resource(*SAMPLE_CATALOGUE)))).procedures[:3]
    admin.import_catalogue(
        centre.engine,
        [
            dataclasses.replace(p, deciding_authority=a)
            for p, a in zip(sample, AUTHORITIES, strict=True)
        ],
    )
    return {a: p.code for p, a in zip(sample, AUTHORITIES, strict=True)}


def _register(centre: Centre, agency_id: str, name: str) -> tuple[str, int]:
    reg = admin.register_counter(
        centre.engine, agency_id=agency_id, agency_name=name, unit_name=name, counter_name=name
    )
    return reg.counter_uuid, reg.code_slot


def _blocks(conn: Connection, desk: Desk) -> list[CodeBlock]:
    rows = conn.execute(
        text(
            "SELECT authority_id, first_seq, last_seq, valid_from, valid_until "
            "FROM central_code_blocks WHERE counter_uuid = :c"
        ),
        {"c": desk.uuid},
    )
    return [CodeBlock(*row) for row in rows]


def _receive_day(desk: Desk, blocks: list[CodeBlock], day: date) -> None:
    """The desk's own numbering: the authority's blocks, then its own slot when they run out."""
    last: dict[str, int | None] = defaultdict(lambda: None)
    own: int | None = None
    for authority, count in desk.demand.items():
        for n in range(count):
            at = datetime.combine(day, time(8, 0)) + timedelta(minutes=n)
            ordinal = next_ordinal(blocks, authority, day, last[authority])
            if ordinal is not None:
                last[authority] = ordinal
                code = codes.DossierCode(authority, day, ordinal)
            else:
                desk.fallbacks += 1
                own = codes.next_sequence(desk.slot, own)
                code = codes.DossierCode(desk.agency_id, day, own)
            desk.received.append((authority, str(code), at))


def _push(conn: Connection, desk: Desk, procedures: dict[str, str]) -> None:
    """What the push stores for each new dossier; the code as the entry point checks it."""
    if not desk.received:
        return
    conn.execute(
        text(
            "INSERT INTO central_dossiers (uuid, code, agency_id, source, origin_counter_uuid, "
            "owner_counter_uuid, procedure_code, state, version, received_at, body) "
            "VALUES (:uuid, :code, :agency, 'counter', :desk, :desk, :procedure, 'received', 1, "
            ":at, '{}'::jsonb)"
        ),
        [
            {
                "uuid": str(uuid.uuid4()),
                "code": code,
                "agency": desk.agency_id,
                "desk": desk.uuid,
                "procedure": procedures[authority],
                "at": at,
            }
            for authority, code, at in desk.received
        ],
    )
    desk.received.clear()


@pytest.mark.slow
def test_art_28_300_desks_three_authorities_a_week_a_third_offline_no_code_twice(
    centre: Centre,
) -> None:
    procedures = _procedures(centre)
    # The department 000.00.15.H37 has two desks of its own, numbering in slots 0 and 1.
    own = [_register(centre, AUTHORITIES[0], f"Sở Tư pháp {i}") for i in range(2)]
    assert sorted(slot for _, slot in own) == [0, 1]
    rng = random.Random(28)
    desks: list[Desk] = []
    for commune in range(COMMUNES):
        agency = f"C{commune:03d}.00.37.H37"
        for d in range(DESKS_PER_COMMUNE):
            desk_uuid, slot = _register(centre, agency, f"UBND xã {commune} quầy {d}")
            heavy = commune % 25 == 0 and d == 0  # a few desks at busy centres
            demand = {
                a: (40 if heavy and a == AUTHORITIES[0] else rng.choice((0, 0, 1, 1, 2, 3)))
                for a in AUTHORITIES
            }
            desks.append(Desk(desk_uuid, agency, slot, offline=d == 2, demand=demand))
    assert len(desks) == 300

    with centre.engine.begin() as conn:
        for day in WEEK:
            for desk in desks:
                if desk.offline and day != MONDAY:
                    blocks = _blocks(conn, desk)  # what it took on Monday, its last sync
                else:
                    conn.execute(
                        text("SELECT central_grant_code_blocks(:c, :d)"), {"c": desk.uuid, "d": day}
                    )
                    blocks = _blocks(conn, desk)
                _receive_day(desk, blocks, day)
                if not desk.offline:
                    _push(conn, desk, procedures)
        # The offline third syncs at last.
        for desk in desks:
            _push(conn, desk, procedures)

        # THEN no code twice (the table's unique code would have refused it too)
        total, distinct = conn.execute(
            text("SELECT count(*), count(DISTINCT code) FROM central_dossiers")
        ).one()
        assert total == distinct == sum(sum(d.demand.values()) for d in desks) * len(WEEK)
        # AND every authority's code is one the entry point accepts from its desk
        refused = conn.execute(
            text(
                "SELECT count(*) FROM central_dossiers d WHERE d.agency_id <> "
                "regexp_replace(d.code, '-\\d{6}-\\d{4}$', '') AND NOT "
                "central_code_granted(d.origin_counter_uuid, d.code, d.received_at)"
            )
        ).scalar()
        assert refused == 0
        # AND every number skipped below a day's highest is explained: the rest of a
        # desk's block, or the department's own desks' slots
        gaps = conn.execute(
            text(
                "WITH used AS (SELECT regexp_replace(code, '-\\d{6}-\\d{4}$', '') AS authority, "
                "received_at::date AS day, right(code, 4)::integer AS n FROM central_dossiers), "
                "tops AS (SELECT authority, day, max(n) AS top FROM used "
                "WHERE authority LIKE '000.00.1_.H37' GROUP BY authority, day) "
                "SELECT t.authority, t.day, s.n FROM tops t, generate_series(1, t.top) s(n) "
                "WHERE NOT EXISTS (SELECT 1 FROM used u WHERE u.authority = t.authority "
                "AND u.day = t.day AND u.n = s.n) "
                "AND NOT EXISTS (SELECT 1 FROM central_code_blocks b WHERE "
                "b.authority_id = t.authority AND t.day BETWEEN b.valid_from AND b.valid_until "
                "AND s.n BETWEEN b.first_seq AND b.last_seq) "
                "AND NOT EXISTS (SELECT 1 FROM central_counters c WHERE c.agency_id = t.authority "
                "AND s.n BETWEEN GREATEST(1, c.code_slot * 1000) AND c.code_slot * 1000 + 999)"
            )
        ).all()
        assert gaps == []
        # AND the blocks follow use: a busy desk holds more of the department's numbers
        held = dict(
            conn.execute(
                text(
                    "SELECT counter_uuid, sum(last_seq - first_seq + 1) FROM central_code_blocks "
                    "WHERE authority_id = :a AND :d BETWEEN valid_from AND valid_until "
                    "GROUP BY counter_uuid"
                ),
                {"a": AUTHORITIES[0], "d": WEEK[-1]},
            ).all()
        )
    busy = [d for d in desks if d.demand[AUTHORITIES[0]] == 40 and not d.offline]
    quiet = [d for d in desks if d.demand[AUTHORITIES[0]] <= 1 and not d.offline]
    assert busy and quiet
    assert min(held[d.uuid] for d in busy) >= 40 > max(held[d.uuid] for d in quiet)
    # AND only the busy desks ran out, on their first day, before the centre saw their use;
    # the offline third, on Monday's blocks all week, never did
    assert {d.uuid for d in desks if d.fallbacks} == {d.uuid for d in busy} | {
        d.uuid for d in desks if d.offline and d.demand[AUTHORITIES[0]] == 40
    }
    assert Counter(d.fallbacks for d in busy) == Counter({35: len(busy)})
