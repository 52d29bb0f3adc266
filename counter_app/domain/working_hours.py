"""Official working hours: the working periods of a working day and the
receipt cutoff, as the calendar counts them and as an administrator types them
("07:30-11:30, 13:30-17:00")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError


def _hhmm(t: time) -> str:
    return f"{t:%H:%M}"


@dataclass(frozen=True)
class WorkingHours:
    """Official working periods of a working day and the receipt cutoff.

    ``periods`` must be in order, each ending after it starts, and must not
    overlap; otherwise :class:`UserError` (field ``"periods"``) is raised.
    """

    periods: tuple[tuple[time, time], ...] = (
        (time(7, 30), time(11, 30)),
        (time(13, 30), time(17, 0)),
    )
    cutoff: time = time(15, 0)

    def __post_init__(self) -> None:
        if not self.periods:
            raise UserError(
                Message(
                    "Calendar",
                    QT_TRANSLATE_NOOP("Calendar", "Enter at least one working period."),
                ),
                field="periods",
            )
        previous_end: time | None = None
        for start, end in self.periods:
            if start >= end:
                raise UserError(
                    Message(
                        "Calendar",
                        QT_TRANSLATE_NOOP(
                            "Calendar",
                            "The working period {start}–{end} must end after it starts.",
                        ),
                        {"start": _hhmm(start), "end": _hhmm(end)},
                    ),
                    field="periods",
                )
            if previous_end is not None and start < previous_end:
                raise UserError(
                    Message(
                        "Calendar",
                        QT_TRANSLATE_NOOP(
                            "Calendar",
                            "Working periods must be in order and must not overlap: "
                            "{start} is before the end of the previous period ({end}).",
                        ),
                        {"start": _hhmm(start), "end": _hhmm(previous_end)},
                    ),
                    field="periods",
                )
            previous_end = end

    @property
    def opening(self) -> time:
        """Start of the first working period."""
        return self.periods[0][0]

    @property
    def closing(self) -> time:
        """End of the last working period."""
        return self.periods[-1][1]

    @property
    def day_length(self) -> timedelta:
        """Working time in a full working day (7 h 30 min by default)."""
        return sum(
            (
                datetime.combine(date.min, e) - datetime.combine(date.min, s)
                for s, e in self.periods
            ),
            timedelta(),
        )


def parse_working_hours(periods: str, cutoff: str = "15:00") -> WorkingHours:
    """Working hours as an administrator types them: "07:30-11:30, 13:30-17:00".

    Raises UserError (field "periods" or "cutoff") saying what to fix.
    """

    def clock(text: str, field: str) -> time:
        try:
            return datetime.strptime(text.strip(), "%H:%M").time()
        except ValueError:
            raise UserError(
                Message(
                    "Calendar",
                    QT_TRANSLATE_NOOP(
                        "Calendar", "“{value}” is not a time of day; write it as HH:MM, e.g. 07:30."
                    ),
                    {"value": text.strip()},
                ),
                field=field,
            ) from None

    spans = []
    for part in periods.split(","):
        start, sep, end = part.partition("-")
        if not sep:
            raise UserError(
                Message(
                    "Calendar",
                    QT_TRANSLATE_NOOP(
                        "Calendar",
                        "Write each working period as start-end, e.g. 07:30-11:30; "
                        "separate periods with commas.",
                    ),
                ),
                field="periods",
            )
        spans.append((clock(start, "periods"), clock(end, "periods")))
    return WorkingHours(tuple(spans), clock(cutoff, "cutoff"))


def format_working_hours(hours: WorkingHours) -> str:
    return ", ".join(f"{_hhmm(a)}-{_hhmm(b)}" for a, b in hours.periods)
