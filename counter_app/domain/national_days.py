"""The national calendar of one year: public holidays, their swaps and the
government's make-up working Saturdays, read from the ``holidays`` package
(country VN, Vietnamese names) and cached per year."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

# The holidays package names a swapped day off "Ngày nghỉ (thay cho ngày 26/04/2025)",
# i.e. it points at the weekend day worked in exchange.
_SWAPPED_FROM = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")

MAKEUP_DAY_NAME = "Ngày làm bù"


def _makeup_name(day_off: date | None) -> str:
    if day_off is None:
        return MAKEUP_DAY_NAME
    return f"{MAKEUP_DAY_NAME} (cho ngày nghỉ {day_off:%d/%m/%Y})"


@dataclass(frozen=True)
class NationalYear:
    """National calendar facts for one year, from the holidays package."""

    holidays: Mapping[date, str]
    makeup_days: Mapping[date, str]


@cache
def _national_holidays(year: int) -> tuple[Mapping[date, str], frozenset[date]]:
    # Imported on the first date counted: 40 ms the login window need not wait.
    import holidays

    calendar = holidays.country_holidays("VN", years=year, language="vi")
    names = {d: str(name) for d, name in calendar.items() if d.year == year}
    # Swaps across New Year appear in both years' objects; callers filter by year.
    weekend_workdays = frozenset(getattr(calendar, "weekend_workdays", ()))
    return names, weekend_workdays


@cache
def national_year(year: int) -> NationalYear:
    neighbours = [_national_holidays(y) for y in (year - 1, year, year + 1)]
    swapped_for: dict[date, date] = {}
    for names, _ in neighbours:
        for day_off, name in names.items():
            match = _SWAPPED_FROM.search(name)
            if match:
                dd, mm, yyyy = (int(g) for g in match.groups())
                swapped_for[date(yyyy, mm, dd)] = day_off
    makeup = {
        d: _makeup_name(swapped_for.get(d))
        for _, workdays in neighbours
        for d in workdays
        if d.year == year
    }
    return NationalYear(holidays=neighbours[1][0], makeup_days=makeup)
