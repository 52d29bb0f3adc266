"""The digitisation figures (issue 18 point 7), counted by hand on a small
January: dossiers digitised at reception, results digitised, papers reused;
the same at the counter and at the centre."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.cli import main
from counter_app.domain.papers import Origin, PaperData, PaperRole
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.models import Dossier, DossierDocument
from counter_app.reports.definitions import Period
from counter_app.reports.digitisation import TOTAL, DigitisationFigures
from counter_app.services import papers
from counter_app.services.context import ServiceContext
from counter_app.services.digitisation_reports import (
    counter_digitisation,
    province_digitisation,
)
from counter_app.services.papers import NewCopy
from tests.conftest import PASSWORD, Clock, login
from tests.reports.cases import P2, P5, Desk
from tests.sync.conftest import Centre

JANUARY = Period(date(2027, 1, 1), date(2027, 1, 31))


def _pdf(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("L", (200, 260), shade).save(out, "PNG")
    return images_to_pdf([out.getvalue()])


def _components(ctx: ServiceContext, code: str) -> list[tuple[int, str]]:
    with ctx.sessions() as session:
        rows = session.execute(
            select(DossierDocument.position, DossierDocument.name)
            .join(Dossier, Dossier.id == DossierDocument.dossier_id)
            .where(Dossier.code == code)
            .order_by(DossierDocument.position)
        )
        return [(position, name) for position, name in rows]


def _scan(d: Desk, when: str, code: str, position: int, name: str) -> str:
    d.at(when)
    data = PaperData(doc_type_code="GT.KHAC", document_name=name, holder_id_number="020090000001")
    new = NewCopy(code, _pdf(position * 20 % 250), data, Origin.SCAN, component=position)
    return papers.add_copy(d.ctx, login(d.ctx, "tiepnhan"), new).uuid


def build(ctx: ServiceContext, clock: Clock) -> dict[str, int]:
    """A's papers all scanned on its day; B's last one the next morning, one
    taken from A's; C's all scanned, one removed; R returned with its result
    scanned, L returned without. Returns the hand count."""
    d = Desk(ctx, clock)
    a = d.receive("2027-01-08T09:00", P2, "Hoàng Văn An")
    parts = _components(ctx, a)
    assert len(parts) >= 2, parts  # the rule needs a checklist of several papers
    first = ""
    for position, name in parts:
        uuid = _scan(d, "2027-01-08T16:30", a, position, name)
        first = first or uuid
    b = d.receive("2027-01-09T15:00", P2, "Bế Thị Bình")
    d.at("2027-01-09T15:10")
    papers.reuse(ctx, login(ctx, "tiepnhan"), first, b, parts[0][0])
    for position, name in parts[1:-1]:
        _scan(d, "2027-01-09T15:20", b, position, name)
    _scan(d, "2027-01-10T08:00", b, parts[-1][0], parts[-1][1])  # the day after
    c = d.receive("2027-01-11T09:00", P2, "Chu Văn Cường")
    mistaken = [_scan(d, "2027-01-11T09:30", c, p, n) for p, n in parts]
    d.at("2027-01-11T10:00")
    papers.remove(ctx, login(ctx, "tiepnhan"), mistaken[0], "Quét nhầm giấy tờ của người khác")
    r = d.receive("2027-01-04T09:00", P5, "Lã Văn Rạng")
    d.decide("2027-01-07T10:00", r)
    d.at("2027-01-08T08:00")
    result = PaperData(
        doc_type_code="KQ.TLKS",
        document_name="Trích lục khai sinh",
        holder_id_number="020090000004",
    )
    papers.add_copy(
        ctx, login(ctx, "tiepnhan"), NewCopy(r, _pdf(90), result, Origin.SCAN, PaperRole.RESULT)
    )
    d.hand_over("2027-01-08T09:00", r)
    lo = d.receive("2027-01-05T09:00", P5, "Lộc Văn Lợi")
    d.decide("2027-01-12T10:00", lo)
    d.hand_over("2027-01-13T09:00", lo)
    n = len(parts)
    return {
        "received_at_desk": 5,  # A, B, C, R, L
        "digitised_at_reception": 1,  # A
        "returned": 2,  # R, L
        "result_digitised": 1,  # R
        "papers_added": n + n + (n - 1),  # A, B (one reused), C less the removed one
        "papers_reused": 1,
    }


def _plain(figures: DigitisationFigures) -> dict[str, int]:
    return asdict(figures)


def test_the_counter_counts_digitisation_as_by_hand(
    counter: Runtime, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rt = counter
    expected = build(rt.ctx, clock)
    figures = counter_digitisation(rt.ctx, JANUARY)
    assert _plain(figures[TOTAL]) == expected
    total = figures[TOTAL]
    assert total.reception_share == pytest.approx(1 / 5)
    assert total.result_share == pytest.approx(1 / 2)
    assert total.reuse_share == pytest.approx(1 / expected["papers_added"])
    # one unit: the counter's agency, the same figures
    assert [_plain(f) for k, f in figures.items() if k != TOTAL] == [expected]
    # a month without anything: no share, not 0 %
    empty = counter_digitisation(rt.ctx, Period(date(2027, 3, 1), date(2027, 3, 31)))
    assert empty[TOTAL].reception_share is None
    # the command line writes them under Vietnamese headers
    monkeypatch.setenv("COUNTER_APP_PASSWORD", PASSWORD)
    out = tmp_path / "so-hoa.json"
    argv = ["--data-dir", str(rt.data_dir), "report", "--format", "digitisation"]
    rt.close()
    argv += ["--from", "2027-01-01", "--to", "2027-01-31", "--out", str(out), "--by", "tiepnhan"]
    assert main(argv) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["headers"]["reception_share"]["ten"] == "Tỷ lệ hồ sơ số hóa khi tiếp nhận"
    assert written["units"][TOTAL]["digitised_at_reception"] == 1
    assert written["units"][TOTAL]["reuse_share"] == pytest.approx(total.reuse_share)


@pytest.mark.slow
def test_counter_and_centre_give_the_same_digitisation_figures(centre: Centre) -> None:
    clock = Clock(datetime(2027, 1, 4, 8, 0))
    desk = centre.desk("Quầy số 1", clock)
    expected = build(desk.ctx, clock)
    desk.sync()
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 0
    here = counter_digitisation(desk.ctx, JANUARY)
    there = province_digitisation(centre.url, JANUARY)
    assert _plain(there[TOTAL]) == expected
    assert {k: _plain(f) for k, f in here.items()} == {k: _plain(f) for k, f in there.items()}
