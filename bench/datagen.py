"""Generate a counter database with many realistic dossiers for benchmarks.

Names follow the frequency of Vietnamese family names (Nguyễn ≈ 38 %), so a
search for "nguyen" hits hundreds of thousands of rows, as it would in a
province. Rows go in through SQLAlchemy Core in large transactions; the FTS
triggers index them exactly as the app does.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from counter_app.app_setup import Runtime, open_runtime
from counter_app.domain.text import fold
from counter_app.domain.workflow import Role, State
from counter_app.models import DigitisedPaper, Dossier, Procedure, StoredFile
from counter_app.private_files import DIR_MODE, FILE_MODE
from counter_app.services import auth, catalogue, setup, users

FAMILY = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 3),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lý", 1),
    ("Nông", 1),
    ("Lương", 1),
    ("Đoàn", 1),
    ("Vi", 1),
]
MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Thanh", "Hữu", "Quang", "Thu", "Hồng", "Đình"]
GIVEN = [
    "Anh",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hoa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Ngọc",
    "Phúc",
    "Phương",
    "Quân",
    "Quỳnh",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trang",
    "Trung",
    "Tuấn",
    "Vân",
    "Yến",
    "Đạt",
    "Định",
    "Thúy",
    "Khuyên",
    "Kính",
    "Tùng",
    "Nhung",
]
STATES = [State.RETURNED] * 8 + [State.RECEIVED, State.IN_APPRAISAL, State.RESULT_READY]
AGENCY = "000.00.37.H37"
PASSWORD = "bench-password"


def _name(rng: random.Random) -> str:
    family = rng.choices([f for f, _ in FAMILY], weights=[w for _, w in FAMILY])[0]
    return f"{family} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _cccd(rng: random.Random) -> str:
    year = rng.randint(1940, 2007)
    sex_century = (0 if year < 2000 else 2) + rng.randint(0, 1)
    return f"020{sex_century}{year % 100:02d}{rng.randint(0, 999_999):06d}"


def _phone(rng: random.Random) -> str:
    return "0" + rng.choice("3579") + f"{rng.randint(0, 99_999_999):08d}"


def new_counter(data_dir: Path) -> Runtime:
    rt = open_runtime(data_dir)
    if setup.get_counter(rt.ctx) is None:
        setup.setup_counter(
            rt.ctx,
            agency_id=AGENCY,
            agency_name="UBND xã Bench",
            unit_name="Trung tâm Phục vụ hành chính công xã Bench",
            counter_name="Quầy 1",
        )
        # The bench's only official is the counter's first, so its administrator.
        users.create_first_admin(
            rt.ctx,
            username="bench",
            full_name="Cán bộ Bench",
            password=PASSWORD,
            roles=[Role.RECEIVER, Role.APPRAISER],
        )
        catalogue.import_sample(rt.ctx, auth.login(rt.ctx, "bench", PASSWORD))
    return rt


def fill(rt: Runtime, count: int, seed: int = 7, batch: int = 20_000) -> None:
    rng = random.Random(seed)
    with rt.ctx.sessions() as s:
        procs = s.execute(select(Procedure.id, Procedure.code, Procedure.name)).all()
        counter_uuid = setup.get_counter(rt.ctx).uuid  # type: ignore[union-attr]
        start = s.scalar(select(Dossier.id).order_by(Dossier.id.desc()).limit(1)) or 0
    day = datetime(2023, 1, 2, 8, 0)
    per_day = 400
    table = Dossier.__table__
    done = 0
    while done < count:
        rows = []
        for _ in range(min(batch, count - done)):
            n = start + done + 1
            received = day + timedelta(days=n // per_day, minutes=(n % per_day))
            code = f"{AGENCY}-{received:%y%m%d}-{(n % per_day) + 1:04d}"
            pid, pcode, pname = procs[n % len(procs)]
            name, cccd, phone = _name(rng), _cccd(rng), _phone(rng)
            rows.append(
                {
                    "uuid": f"00000000-0000-4000-8000-{n:012d}",
                    "counter_uuid": counter_uuid,
                    "counter_seq": n,
                    "code": code,
                    "procedure_id": pid,
                    "procedure_code": pcode,
                    "procedure_name": pname,
                    "state": rng.choice(STATES).value,
                    "on_the_spot": False,
                    "applicant_name": name,
                    "applicant_id_number": cccd,
                    "applicant_phone": phone,
                    "applicant_email": "",
                    "applicant_address": "",
                    "applicant_sex": None,
                    "applicant_birth_year": None,
                    "organisation": "",
                    "search_text": " ".join((fold(code), fold(name), cccd, phone)),
                    "sets": 1,
                    "pages": 1,
                    "copies": 1,
                    "fee": 0,
                    "received_at": received,
                    "received_by": "bench",
                    "appointment_at": received + timedelta(days=3),
                    "original_appointment_at": received + timedelta(days=3),
                    "paused_since": None,
                    "apology_count": 0,
                    "finished_at": None,
                    "returned_at": None,
                    "delivery": "counter",
                    "delivery_address": "",
                    "ledger_book": "B",
                    "ledger_year": received.year,
                    "ledger_entry": n,
                    "note": "",
                    "print_count": 0,
                    "updated_at": received,
                }
            )
            done += 1
        with rt.ctx.sessions.begin() as s:
            s.execute(insert(table), rows)


# A dossier's papers as a busy commune scans them: the application form and
# the usual civil-status and identity papers.
PAPERS = [
    ("TK", "Tờ khai"),
    ("GT.KS", "Giấy khai sinh"),
    ("GT.CCCD", "Căn cước công dân"),
    ("GT.KH", "Giấy chứng nhận kết hôn"),
    ("GT.XNCT", "Giấy xác nhận cư trú"),
]


def fill_papers(rt: Runtime, per_dossier: int = 5, seed: int = 11) -> int:
    """``per_dossier`` scanned papers for each dossier: a distinct small file
    in the store (written without fsync: benchmarks measure reading), its
    ``stored_files`` row and its ``digitised_papers`` row, as a counter that
    scanned them holds them (Core inserts: no outbox entry, as after a sync).
    Returns the number of files."""
    store = rt.ctx.files
    assert store is not None
    rng = random.Random(seed)
    with rt.ctx.sessions() as s:
        counter_uuid = setup.get_counter(rt.ctx).uuid  # type: ignore[union-attr]
        dossiers = s.execute(
            select(
                Dossier.id,
                Dossier.code,
                Dossier.applicant_name,
                Dossier.applicant_id_number,
                Dossier.received_at,
            )
        ).all()
    made: set[Path] = set()
    files: list[dict[str, object]] = []
    papers: list[dict[str, object]] = []
    for dossier_id, code, name, id_number, received in dossiers:
        for k in range(per_dossier):
            doc_type, doc_name = PAPERS[k % len(PAPERS)]
            body = f"%PDF-1.4 scan {code} {k} {rng.random()}\n".encode() * 40
            sha = hashlib.sha256(body).hexdigest()
            path = store.path_of(sha)
            if path.parent not in made:
                path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
                made.add(path.parent)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
            try:
                os.write(fd, body)
            finally:
                os.close(fd)
            at = received + timedelta(minutes=k + 1)
            files.append(
                {
                    "sha256": sha,
                    "size": len(body),
                    "pages": 1,
                    "media_type": "application/pdf",
                    "stored_at": at,
                    "uploaded_at": at + timedelta(minutes=5),
                }
            )
            papers.append(
                {
                    "uuid": f"00000000-0000-4000-9000-{len(papers) + 1:012d}",
                    "counter_uuid": counter_uuid,
                    "counter_seq": 0,
                    "version": 1,
                    "dossier_id": dossier_id,
                    "component": k + 1,
                    "component_name": doc_name,
                    "role": "paper",
                    "origin": "scan",
                    "sha256": sha,
                    "pages": 1,
                    "size": len(body),
                    "doc_type_code": doc_type,
                    "holder_id_number": id_number,
                    "holder_name": name,
                    "id_issued_by": "",
                    "document_name": doc_name,
                    "summary": "",
                    "scope": "",
                    "document_code": "",
                    "ocr_text": "",
                    "search_text": " ".join((fold(doc_name), fold(name), id_number)),
                    "created_by": "bench",
                    "created_at": at,
                    "removed_by": "",
                    "removal_reason": "",
                }
            )
    with rt.ctx.sessions.begin() as s:
        s.execute(insert(StoredFile), files)
        s.execute(insert(DigitisedPaper), papers)
    return len(files)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("data_dir", type=Path)
    p.add_argument("--count", type=int, default=1_000_000)
    args = p.parse_args()
    rt = new_counter(args.data_dir)
    t0 = time.perf_counter()
    fill(rt, args.count)
    print(f"generated {args.count} dossiers in {time.perf_counter() - t0:.1f}s")
    rt.close()


if __name__ == "__main__":
    main()
