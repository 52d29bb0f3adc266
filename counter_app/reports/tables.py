"""A report as tables (Vietnamese headers, typed cells) and as a JSON
document: what the workbook, the PDF and ``--format json`` all print."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from counter_app.reports.figures import Figures
from counter_app.reports.glossary import (
    BY_NAME,
    CUT_LABELS,
    FIGURES,
    HANDLING,
    LEVEL_LABELS,
    SERVICE,
    Kind,
)
from counter_app.reports.source import Report

TEXT = "text"
DATE = "date"

MONTH_COLUMNS = ("received", "resolved", "early", "on_time", "late", "in_time_rate")


@dataclass(frozen=True)
class Table:
    sheet: str  # short name (an Excel sheet name: at most 31 characters)
    title: str
    headers: tuple[str, ...]
    kinds: tuple[str, ...]  # TEXT, DATE or a glossary Kind value
    rows: tuple[tuple[Any, ...], ...]


def value(figures: Figures, name: str) -> Any:
    """A figure as a number: int, float (shares 0..1, days) or None."""
    v = getattr(figures, name)
    if v is not None and BY_NAME[name].kind is Kind.DAYS:
        return round(float(v), 2)
    return v


def _group_rows(report: Report, names: tuple[str, ...]) -> tuple[tuple[Any, ...], ...]:
    rows = [
        (_label(report, key), *(value(f, n) for n in names)) for key, f in report.groups.items()
    ]
    rows.append(("Tổng cộng", *(value(report.total, n) for n in names)))
    return tuple(rows)


def _label(report: Report, key: str) -> str:
    name = report.labels.get(key)
    return f"{key} – {name}" if name and name != key else (key or "(không ghi)")


def report_tables(report: Report, criteria_labels: Mapping[str, str]) -> list[Table]:
    cut = CUT_LABELS[report.cut.value if report.cut else None]
    tables = [
        Table(
            "Giải quyết hồ sơ",
            "Tình hình tiếp nhận và giải quyết hồ sơ",
            (cut, *(BY_NAME[n].label for n in HANDLING)),
            (TEXT, *(BY_NAME[n].kind.value for n in HANDLING)),
            _group_rows(report, HANDLING),
        ),
        Table(
            "Trả kết quả, hài lòng",
            "Trả kết quả, \u201c4 tại chỗ\u201d, mức độ hài lòng, phí và thời gian",
            (cut, *(BY_NAME[n].label for n in SERVICE)),
            (TEXT, *(BY_NAME[n].kind.value for n in SERVICE)),
            _group_rows(report, SERVICE),
        ),
        Table(
            "Theo tháng",
            "Diễn biến theo tháng",
            ("Tháng", *(BY_NAME[n].label for n in MONTH_COLUMNS)),
            (DATE, *(BY_NAME[n].kind.value for n in MONTH_COLUMNS)),
            tuple(
                (month.first, *(value(f, n) for n in MONTH_COLUMNS)) for month, f in report.months
            ),
        ),
        Table(
            "Tiêu chí hài lòng",
            "Đánh giá theo tiêu chí",
            ("Mã tiêu chí", "Tiêu chí", "Mức", "Số lượt"),
            (TEXT, TEXT, TEXT, Kind.COUNT.value),
            tuple(
                (cid, criteria_labels.get(cid, ""), LEVEL_LABELS.get(level, level), n)
                for (cid, level), n in sorted(
                    report.total.criteria.items(), key=lambda kv: (int(kv[0][0]), kv[0][1])
                )
            ),
        ),
        Table(
            "Danh mục 4 tại chỗ",
            "Thủ tục thực hiện theo cơ chế \u201c4 tại chỗ\u201d",
            ("Số thủ tục", "Thủ tục \u201c4 tại chỗ\u201d", "Tỷ lệ"),
            (Kind.COUNT.value, Kind.COUNT.value, Kind.PERCENT.value),
            ((report.procedures, report.procedures_on_the_spot, report.on_the_spot_share),),
        ),
    ]
    return tables


def definitions_rows() -> list[tuple[str, str, str]]:
    return [(f.label, f.rule, f.source) for f in FIGURES]


def _figures_json(f: Figures) -> dict[str, Any]:
    return {d.name: value(f, d.name) for d in FIGURES}


def report_json(report: Report) -> dict[str, Any]:
    def iso(d: date) -> str:
        return d.isoformat()

    return {
        "period": {"from": iso(report.period.first), "to": iso(report.period.last)},
        "cut": report.cut.value if report.cut else None,
        "made_at": report.made_at.isoformat(),
        "unit": report.header.unit_name,
        "total": _figures_json(report.total),
        "groups": [
            {"key": k, "label": report.labels.get(k, ""), "figures": _figures_json(f)}
            for k, f in report.groups.items()
        ],
        "months": [
            {"from": iso(m.first), "to": iso(m.last), "figures": _figures_json(f)}
            for m, f in report.months
        ],
        "criteria": [
            {"criterion": c, "level": lv, "count": n}
            for (c, lv), n in sorted(report.total.criteria.items())
        ],
        "catalogue": {
            "procedures": report.procedures,
            "on_the_spot": report.procedures_on_the_spot,
            "on_the_spot_share": report.on_the_spot_share,
        },
        "definitions": [
            {"name": d.name, "label": d.label, "rule": d.rule, "source": d.source} for d in FIGURES
        ],
    }
