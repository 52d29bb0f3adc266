"""The sync part of the demo: two counters of one agency work offline, then
sync; the centre's figures show every dossier once.

Two paths of Decree 118/2025 on the way: one procedure is decided by the
province's Department of Justice, so its dossiers carry the department's
identifier, numbered in the blocks the centre grants each desk (Art. 28(2));
and a dossier submitted on the portal is answered by the first desk within
8 working hours (Art. 17(2))."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, text

from counter_app.app_setup import Runtime, open_runtime
from counter_app.catalogue_files import load_catalogue
from counter_app.centre import admin
from counter_app.centre.schema import engine_for, init
from counter_app.devtools.demo import DEMO_AGENCY, DEMO_PASSWORD, DEMO_USERS
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.resources_path import resource
from counter_app.services.auth import login
from counter_app.services.catalogue import SAMPLE_CATALOGUE
from counter_app.services.dossiers import ReceiveRequest, StepRequest, receive, take_step
from counter_app.services.search import WorkList, work_list
from counter_app.services.users import hash_password
from counter_app.sync.service import connect, sync_once
from counter_app.wire.connection_file import write

NAMES = ("Vi Thị Hoa", "Hoàng Văn Đức", "Lăng Thị Khuyên", "Nông Ngọc Kính", "Lý Hồng Thúy")
PROCEDURES = ("2.000815", "1.004873", "1.000593")
# The province's Department of Justice decides the certified copies: the code
# starts with its identifier (Decree 118/2025 Art. 28(2)).
DEPARTMENT = "000.00.15.H37"
DEPARTMENTS_PROCEDURE = "2.000815"
# 1.004873's fee is set by the province: the demo's official types this figure.
TYPED_FEES = {"1.004873": 15_000}


def run_sync_demo(url: str, directory: Path, per_counter: int = 20) -> Iterator[str]:
    """Yield one JSON line per step; the last carries the centre's figures."""
    engine = engine_for(url)
    init(engine)
    with engine.connect() as conn:
        if conn.execute(text("SELECT count(*) FROM central_counters")).scalar():
            yield json.dumps({"step": "centre", "note": "already holds counters; reusing it"})
    procedures = load_catalogue(Path(str(resource(*SAMPLE_CATALOGUE)))).procedures
    admin.import_catalogue(
        engine,
        [
            replace(p, deciding_authority=DEPARTMENT) if p.code == DEPARTMENTS_PROCEDURE else p
            for p in procedures
        ],
    )
    for u in DEMO_USERS:
        admin.add_user(
            engine,
            username=u.username,
            full_name=u.full_name,
            title=u.title,
            password_hash=hash_password(DEMO_PASSWORD),
            roles=u.roles,
            agency_id=DEMO_AGENCY,
        )
    submitted = datetime.now().replace(microsecond=0) - timedelta(hours=1)
    online = f"{DEMO_AGENCY}-{submitted:%y%m%d}-9001"
    admin.import_online(engine, [_online_entry(online, submitted)])
    rng = random.Random(7)
    desks = []
    for name in ("Quầy số 1", "Quầy số 2"):
        reg = admin.register_counter(
            engine,
            agency_id=DEMO_AGENCY,
            agency_name="UBND xã Hoàng Văn Thụ",
            unit_name="Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
            parent_name="UBND TỈNH LẠNG SƠN",
            place="Lạng Sơn",
            counter_name=name,
        )
        data_dir = directory / f"counter-slot{reg.code_slot}"
        data_dir.mkdir(parents=True, exist_ok=True)
        file = data_dir / "connection.json"
        write(file, reg)
        rt = open_runtime(data_dir)
        connect(rt.ctx, data_dir, file)
        file.unlink()
        sync_once(rt.ctx, data_dir)
        desks.append((rt, data_dir, name))
        yield json.dumps(
            {"step": "connected", "counter": name, "slot": reg.code_slot}, ensure_ascii=False
        )
    # Both desks receive with no sync in between: offline as far as they know.
    for rt, _data_dir, name in desks:
        # The officials came down from the centre with their password hashes.
        official = login(rt.ctx, "tiepnhan", DEMO_PASSWORD)
        codes = [
            receive(
                rt.ctx,
                official,
                ReceiveRequest(
                    (code := rng.choice(PROCEDURES)),
                    ApplicantInput(
                        full_name=rng.choice(NAMES),
                        id_number=f"0201900{rng.randrange(10**5):05d}",
                        phone=f"09{rng.randrange(10**8):08d}",
                    ),
                    fee_amount=TYPED_FEES.get(code),
                ),
            ).code
            for _ in range(per_counter)
        ]
        yield json.dumps(
            {"step": "offline", "counter": name, "received": len(codes), "first": codes[0]},
            ensure_ascii=False,
        )
    yield _answer(desks[0][0], online)
    for rt, data_dir, name in desks:
        report = sync_once(rt.ctx, data_dir)
        yield json.dumps(
            {
                "step": "sync",
                "counter": name,
                "sent": report.push.sent,
                "refused": report.push.refused,
            },
            ensure_ascii=False,
        )
        rt.close()
    f = admin.figures(engine)
    yield json.dumps(
        {
            "step": "centre",
            "dossiers": f.dossiers,
            "distinct_codes": f.distinct_codes,
            "records": f.records,
            "quarantined": f.quarantined,
            "codes_by_authority": _codes_by_authority(engine),
            "counters": [
                {"counter": c.counter_name, "slot": c.code_slot, "dossiers": c.dossiers}
                for c in f.counters
            ],
        },
        ensure_ascii=False,
    )
    engine.dispose()


def _online_entry(code: str, submitted: datetime) -> dict[str, object]:
    return {
        "code": code,
        "agency_id": DEMO_AGENCY,
        "procedure_code": "1.004873",
        "submitted_at": f"{submitted:%Y-%m-%dT%H:%M:%S}",
        "fee": TYPED_FEES["1.004873"],
        "applicant": {"full_name": "Lăng Văn Thắng", "id_number": "020195004321"},
    }


def _answer(rt: Runtime, code: str) -> str:
    """The first desk starts the appraisal of the portal's dossier: its answer."""
    official = login(rt.ctx, "tiepnhan", DEMO_PASSWORD)
    due = {r.code: r for r in work_list(rt.ctx, WorkList.ONLINE_ANSWER_DUE)}
    info = take_step(rt.ctx, official, code, StepRequest(Action.START_APPRAISAL))
    return json.dumps(
        {
            "step": "online",
            "code": code,
            "listed_to_answer": code in due,
            "answer_by": f"{due[code].answer_by:%Y-%m-%d %H:%M}" if code in due else None,
            "state": info.state.value,
        },
        ensure_ascii=False,
    )


def _codes_by_authority(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT regexp_replace(code, '-[0-9]{6}-[0-9]{4}$', ''), count(*) "
                "FROM central_dossiers GROUP BY 1 ORDER BY 1"
            )
        ).all()
    return {str(authority): int(n) for authority, n in rows}
