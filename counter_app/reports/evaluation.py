"""The evaluation figures: each indicator of Circular 01/2018/TT-VPCP per
period and unit (average points, and how many dossiers scored 0, 1 and 2),
and the province's figures of Decree 118/2025 Article 32(1).

Plain counting over what the sources read (evaluation_source.py): the
dossier's evaluation as the return step recorded it (domain/evaluation.py)
and the report facts every other figure is counted from (definitions.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from counter_app.domain.calendar import Timeliness
from counter_app.domain.evaluation import scores_of
from counter_app.reports.definitions import Channel, DossierFacts, Period, timeliness

TOTAL = ""


@dataclass
class IndicatorTally:
    """How many dossiers scored 0, 1 and 2 points on one indicator."""

    counts: dict[int, int] = field(default_factory=lambda: {0: 0, 1: 0, 2: 0})

    @property
    def scored(self) -> int:
        return sum(self.counts.values())

    @property
    def average(self) -> float | None:
        return sum(p * n for p, n in self.counts.items()) / self.scored if self.scored else None


@dataclass
class EvaluationFigures:
    evaluated: int = 0  # dossiers returned in the period with an evaluation
    answered: int = 0  # of which the citizen answered at least one question
    # "system:1", "citizen:7", ... (domain.evaluation.scores_of)
    indicators: dict[str, IndicatorTally] = field(default_factory=dict)

    def add(self, record: Mapping[str, Any]) -> None:
        self.evaluated += 1
        self.answered += bool(record.get("answered"))
        for key, points in scores_of(record).items():
            self.indicators.setdefault(key, IndicatorTally()).counts[points] += 1

    def citizen_average(self) -> float | None:
        """The mean of every answer the citizens gave, 0 to 2."""
        tallies = [t for k, t in self.indicators.items() if k.startswith("citizen:")]
        n = sum(t.scored for t in tallies)
        return sum(sum(p * c for p, c in t.counts.items()) for t in tallies) / n if n else None


def tally_evaluations(
    rows: Iterable[tuple[str, datetime | None, Mapping[str, Any] | None]], period: Period
) -> dict[str, EvaluationFigures]:
    """(unit, returned at, evaluation) rows -> figures by unit, TOTAL for all.
    A dossier counts in the period it was returned in."""
    out: dict[str, EvaluationFigures] = {TOTAL: EvaluationFigures()}
    for unit, returned_at, record in rows:
        if not record or not period.contains(returned_at):
            continue
        out[TOTAL].add(record)
        out.setdefault(unit, EvaluationFigures()).add(record)
    return out


@dataclass
class ProvinceFigures:
    """Decree 118/2025 Article 32(1), what the centre holds of it."""

    resolved: int = 0  # results ready in the period
    in_time: int = 0  # of which early or on time (definitions.timeliness)
    received: int = 0  # received in the period
    received_online: int = 0  # of which through the portal (source online, ledger book DVC)
    evaluation: EvaluationFigures = field(default_factory=EvaluationFigures)

    @property
    def in_time_share(self) -> float | None:
        return self.in_time / self.resolved if self.resolved else None

    @property
    def online_share(self) -> float | None:
        return self.received_online / self.received if self.received else None

    @property
    def digitised(self) -> int:
        """Received in the period as an electronic dossier. A portal dossier is
        one from the start; a paper received at the desk becomes one only when
        its papers are scanned into the system, which this version does not do
        yet (the electronic dossier of Decree 118/2025 Art. 17(1)(c)): until it
        does, every paper dossier counts as not digitised, as the record says."""
        return self.received_online

    @property
    def digitisation_share(self) -> float | None:
        return self.digitised / self.received if self.received else None

    @property
    def satisfaction(self) -> float | None:
        return self.evaluation.citizen_average()


def province_figures(
    facts: Sequence[DossierFacts],
    evaluations: Mapping[str, EvaluationFigures],
    period: Period,
    unit_of: str = "agency_id",
) -> dict[str, ProvinceFigures]:
    """The Article 32(1) figures by unit (TOTAL for the province)."""
    out: dict[str, ProvinceFigures] = {}
    for f in facts:
        for key in (TOTAL, getattr(f, unit_of)):
            fig = out.setdefault(key, ProvinceFigures())
            if period.contains(f.received_at):
                fig.received += 1
                fig.received_online += f.channel is Channel.ONLINE
            if period.contains(f.finished_at):
                fig.resolved += 1
                fig.in_time += timeliness(f) in (Timeliness.EARLY, Timeliness.ON_TIME)
    for key, ev in evaluations.items():
        out.setdefault(key, ProvinceFigures()).evaluation = ev
    out.setdefault(TOTAL, ProvinceFigures())
    return out


@dataclass(frozen=True)
class EvaluationDef:
    """A figure's Vietnamese name, rule and source (as glossary.FigureDef;
    its unit is points, a count or a share)."""

    name: str
    label: str
    unit: str  # "points" 0..2 | "count" | "percent" 0..1
    rule: str
    source: str


_D118_33 = "Nghị định 118/2025/NĐ-CP, Điều 33 khoản 1"
_TT01_13 = "Thông tư 01/2018/TT-VPCP, Điều 13, 14 (hiệu lực từ 06/01/2019)"
_D118_32 = "Nghị định 118/2025/NĐ-CP, Điều 32 khoản 1"

# fmt: off
GLOSSARY: tuple[EvaluationDef, ...] = (
    EvaluationDef("indicator_average", "Điểm trung bình của chỉ số", "points",
              "Trung bình số điểm (0, 1 hoặc 2) của các hồ sơ trả kết quả trong kỳ được "
              "chấm chỉ số đó; câu hỏi công dân không trả lời không được tính.",
              _TT01_13 + "; " + _D118_33),
    EvaluationDef("indicator_counts", "Số hồ sơ đạt 2, 1, 0 điểm", "count",
              "Chỉ số 1 và 3 do hệ thống tính khi trả kết quả (thời gian so với ngày hẹn theo "
              "quy định; số lần yêu cầu bổ sung); chỉ số 4, 7 và các điểm d, e, g, h do công "
              "dân trả lời.", _TT01_13),
    EvaluationDef("evaluated", "Hồ sơ được đánh giá", "count",
              "Hồ sơ trả kết quả trong kỳ có bản đánh giá (từ phiên bản danh mục 2).", _TT01_13),
    EvaluationDef("answered", "Hồ sơ công dân trả lời", "count",
              "Hồ sơ mà công dân trả lời ít nhất một câu hỏi.", _D118_33),
    EvaluationDef("in_time_share", "Tỷ lệ giải quyết đúng hạn", "percent",
              "Hồ sơ có kết quả trong kỳ trước hạn hoặc đúng hạn, trên số hồ sơ có kết quả "
              "trong kỳ.", _D118_32 + " (tiến độ, kết quả)"),
    EvaluationDef("online_share", "Tỷ lệ hồ sơ trực tuyến", "percent",
              "Hồ sơ tiếp nhận trong kỳ qua Cổng dịch vụ công (sổ DVC), trên số hồ sơ tiếp "
              "nhận trong kỳ.", _D118_32 + " (dịch vụ công trực tuyến)"),
    EvaluationDef("digitisation_share", "Tỷ lệ hồ sơ điện tử (số hóa)", "percent",
              "Hồ sơ tiếp nhận trong kỳ là hồ sơ điện tử, trên số hồ sơ tiếp nhận trong kỳ: "
              "hồ sơ nộp qua Cổng dịch vụ công; hồ sơ giấy nộp tại Bộ phận một cửa chỉ được "
              "tính khi thành phần hồ sơ được số hóa vào hệ thống (phiên bản này chưa số hóa, "
              "nên chưa tính).", _D118_32 + " (số hóa hồ sơ)"),
    EvaluationDef("satisfaction", "Mức độ hài lòng (điểm trung bình)", "points",
              "Trung bình mọi câu trả lời của công dân (0 đến 2 điểm) trong kỳ.",
              _D118_32 + " (mức độ hài lòng); " + _D118_33),
)
# fmt: on


def _indicators(figures: EvaluationFigures) -> dict[str, Any]:
    return {
        key: {"average": t.average, "points": {str(p): n for p, n in sorted(t.counts.items())}}
        for key, t in sorted(figures.indicators.items())
    }


def evaluation_json(figures: Mapping[str, EvaluationFigures]) -> dict[str, Any]:
    """Each unit's indicator figures as a file carries them ("" is every unit)."""
    return {
        unit: {"evaluated": f.evaluated, "answered": f.answered, "indicators": _indicators(f)}
        for unit, f in sorted(figures.items())
    }


def province_json(figures: Mapping[str, ProvinceFigures]) -> dict[str, Any]:
    """The Article 32(1) figures of each unit ("" the province)."""
    return {
        unit: {
            "resolved": f.resolved,
            "in_time_share": f.in_time_share,
            "received": f.received,
            "online_share": f.online_share,
            "digitisation_share": f.digitisation_share,
            "satisfaction": f.satisfaction,
            "evaluated": f.evaluation.evaluated,
            "indicators": _indicators(f.evaluation),
        }
        for unit, f in sorted(figures.items())
    }
