"""The digitisation figures (issue 18 point 7; Decree 118/2025 Art. 17(1)(c),
17(1)(b), 22(4) and the digitisation the province is judged on, Art.
32(1)(c)), per period and one-stop unit, counted the same way from the
counter's SQLite and from the centre's records (digitisation_source.py).

- **Digitised at reception**: of the dossiers received in the period at the
  desk (not through the portal), those whose every checklist component has
  an electronic copy (role ``paper``, not removed) made on the day of the
  reception, before midnight. A dossier with no checklist component is
  counted received and not digitised: there is nothing to show for it.
- **Results digitised**: of the dossiers returned in the period, those with
  an electronic copy of their result (role ``result``, not removed).
- **Reused papers**: of the papers (role ``paper``, not removed) added in the
  period, those taken from one already held (origin ``reuse``, Art. 17(1)(b))
  instead of being scanned again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from counter_app.reports.definitions import Channel, Period

TOTAL = ""
PAPER, RESULT, REUSE = "paper", "result", "reuse"


@dataclass(frozen=True)
class DossierRecord:
    key: str  # the dossier's uuid
    unit: str
    channel: Channel
    received_at: datetime | None
    returned_at: datetime | None
    components: frozenset[int]  # the checklist's positions


@dataclass(frozen=True)
class PaperRecord:
    dossier: str  # the dossier's uuid
    unit: str
    component: int | None
    role: str
    origin: str
    created_at: datetime | None
    removed: bool


@dataclass
class DigitisationFigures:
    received_at_desk: int = 0
    digitised_at_reception: int = 0
    returned: int = 0
    result_digitised: int = 0
    papers_added: int = 0
    papers_reused: int = 0

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def reception_share(self) -> float | None:
        return self._share(self.digitised_at_reception, self.received_at_desk)

    @property
    def result_share(self) -> float | None:
        return self._share(self.result_digitised, self.returned)

    @property
    def reuse_share(self) -> float | None:
        return self._share(self.papers_reused, self.papers_added)


def _day_end(moment: datetime) -> datetime:
    return datetime.combine(moment.date() + timedelta(days=1), time())


def tally_digitisation(
    dossiers: Iterable[DossierRecord], papers: Iterable[PaperRecord], period: Period
) -> dict[str, DigitisationFigures]:
    """Figures by unit (TOTAL for all) from the dossiers received or returned
    in the period and the papers of those dossiers or added in the period."""
    kept = [p for p in papers if not p.removed]
    by_dossier: dict[str, list[PaperRecord]] = {}
    for paper in kept:
        by_dossier.setdefault(paper.dossier, []).append(paper)
    out: dict[str, DigitisationFigures] = {TOTAL: DigitisationFigures()}

    def figures(unit: str) -> list[DigitisationFigures]:
        return [out[TOTAL], out.setdefault(unit, DigitisationFigures())]

    for d in dossiers:
        own = by_dossier.get(d.key, [])
        if d.channel is Channel.DESK and period.contains(d.received_at):
            assert d.received_at is not None
            deadline = _day_end(d.received_at)
            covered = {
                p.component
                for p in own
                if p.role == PAPER and p.created_at is not None and p.created_at < deadline
            }
            done = bool(d.components) and d.components <= covered
            for f in figures(d.unit):
                f.received_at_desk += 1
                f.digitised_at_reception += done
        if period.contains(d.returned_at):
            has_result = any(p.role == RESULT for p in own)
            for f in figures(d.unit):
                f.returned += 1
                f.result_digitised += has_result
    for p in kept:
        if p.role == PAPER and period.contains(p.created_at):
            for f in figures(p.unit):
                f.papers_added += 1
                f.papers_reused += p.origin == REUSE
    return out


@dataclass(frozen=True)
class DigitisationDef:
    """A figure's Vietnamese name, rule and source, as the file carries them."""

    key: str
    name: str
    rule: str


_D118 = "Nghị định 118/2025/NĐ-CP"

# fmt: off
GLOSSARY: tuple[DigitisationDef, ...] = (
    DigitisationDef("received_at_desk", "Hồ sơ tiếp nhận trực tiếp",
        "Hồ sơ tiếp nhận trong kỳ tại Bộ phận một cửa (không qua Cổng dịch vụ công)."),
    DigitisationDef("digitised_at_reception", "Hồ sơ số hóa đủ thành phần khi tiếp nhận",
        "Hồ sơ tiếp nhận trực tiếp có bản điện tử (chưa bị gỡ) của mọi thành phần hồ sơ, "
        f"lập trong ngày tiếp nhận ({_D118}, Điều 17 khoản 1 điểm c)."),
    DigitisationDef("reception_share", "Tỷ lệ hồ sơ số hóa khi tiếp nhận",
        "Hồ sơ số hóa đủ thành phần khi tiếp nhận, trên số hồ sơ tiếp nhận trực tiếp "
        f"({_D118}, Điều 32 khoản 1)."),
    DigitisationDef("returned", "Hồ sơ trả kết quả", "Hồ sơ trả kết quả trong kỳ."),
    DigitisationDef("result_digitised", "Hồ sơ có kết quả điện tử",
        "Hồ sơ trả kết quả trong kỳ có bản điện tử của kết quả (chưa bị gỡ) "
        f"({_D118}, Điều 22 khoản 4)."),
    DigitisationDef("result_share", "Tỷ lệ kết quả được số hóa",
        "Hồ sơ có kết quả điện tử, trên số hồ sơ trả kết quả trong kỳ."),
    DigitisationDef("papers_added", "Giấy tờ điện tử thêm vào hồ sơ",
        "Bản điện tử của giấy tờ (không kể kết quả, chưa bị gỡ) thêm vào hồ sơ trong kỳ."),
    DigitisationDef("papers_reused", "Giấy tờ tái sử dụng",
        "Giấy tờ lấy từ bản điện tử đã có thay vì quét lại "
        f"({_D118}, Điều 17 khoản 1 điểm b)."),
    DigitisationDef("reuse_share", "Tỷ lệ giấy tờ tái sử dụng",
        "Giấy tờ tái sử dụng, trên số giấy tờ điện tử thêm vào hồ sơ trong kỳ."),
)
# fmt: on


def digitisation_json(figures: Mapping[str, DigitisationFigures]) -> dict[str, Any]:
    """Each unit's figures ("" every unit), keyed as GLOSSARY names them."""
    return {
        unit: {d.key: getattr(f, d.key) for d in GLOSSARY} for unit, f in sorted(figures.items())
    }


def headers() -> dict[str, dict[str, str]]:
    """The Vietnamese name and rule of each figure, for the file's reader."""
    return {d.key: {"ten": d.name, "cach_tinh": d.rule} for d in GLOSSARY}
