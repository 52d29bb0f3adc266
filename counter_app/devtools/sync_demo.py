"""The sync part of the demo: two counters of one agency work offline, then
sync; the centre's figures show every dossier once."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text

from counter_app.app_setup import open_runtime
from counter_app.catalogue_files import load_catalogue
from counter_app.centre import admin
from counter_app.centre.schema import engine_for, init
from counter_app.devtools.demo import DEMO_AGENCY, DEMO_PASSWORD, DEMO_USERS
from counter_app.domain.validation import ApplicantInput
from counter_app.resources_path import resource
from counter_app.services.auth import login
from counter_app.services.catalogue import SAMPLE_CATALOGUE
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.services.users import hash_password
from counter_app.sync.service import connect, sync_once
from counter_app.wire.connection_file import write

NAMES = ("Vi Thị Hoa", "Hoàng Văn Đức", "Lăng Thị Khuyên", "Nông Ngọc Kính", "Lý Hồng Thúy")
PROCEDURES = ("2.000815", "1.004873", "1.000593")
# 1.004873's fee is set by the province: the demo's official types this figure.
TYPED_FEES = {"1.004873": 15_000}


def run_sync_demo(url: str, directory: Path, per_counter: int = 20) -> Iterator[str]:
    """Yield one JSON line per step; the last carries the centre's figures."""
    engine = engine_for(url)
    init(engine)
    with engine.connect() as conn:
        if conn.execute(text("SELECT count(*) FROM central_counters")).scalar():
            yield json.dumps({"step": "centre", "note": "already holds counters; reusing it"})
    admin.import_catalogue(
        engine, load_catalogue(Path(str(resource(*SAMPLE_CATALOGUE)))).procedures
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
    engine.dispose()
    yield json.dumps(
        {
            "step": "centre",
            "dossiers": f.dossiers,
            "distinct_codes": f.distinct_codes,
            "records": f.records,
            "quarantined": f.quarantined,
            "counters": [
                {"counter": c.counter_name, "slot": c.code_slot, "dossiers": c.dossiers}
                for c in f.counters
            ],
        },
        ensure_ascii=False,
    )
