"""What every service function needs: the session factory, the clock, the calendar."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.working_hours import WorkingHours, parse_working_hours
from counter_app.files.store import FileStore
from counter_app.models import CalendarDay, CounterIdentity, Setting
from counter_app.storage import COUNTER, Sessions

T = TypeVar("T")

_CTX = "Services"
HOURS_KEY = "working_hours"
CUTOFF_KEY = "receipt_cutoff"


@dataclass(frozen=True)
class LoginPolicy:
    """How many consecutive wrong passwords lock a user name, and for how long."""

    max_failures: int = 5
    lock_for: timedelta = timedelta(minutes=15)


@dataclass
class ServiceContext:
    """Passed to every service call. ``clock`` is injectable so a demo day or a
    test can run at a chosen time; production uses the wall clock."""

    sessions: Sessions
    clock: Callable[[], datetime] = datetime.now
    login_policy: LoginPolicy = field(default_factory=LoginPolicy)
    # The electronic dossier's files (data folder, files/); None where no
    # counter folder is open (a check run on a bare database file).
    files: FileStore | None = None
    _calendar: WorkCalendar | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.sessions.clock = self.now

    def now(self) -> datetime:
        # Seconds are enough for every record the desk keeps and print.
        return self.clock().replace(microsecond=0)

    def calendar(self, session: Session) -> WorkCalendar:
        if self._calendar is None:
            rows = session.scalars(select(CalendarDay)).all()
            self._calendar = WorkCalendar(
                working_hours(session),
                extra_days_off={r.day: r.name for r in rows if not r.working},
                extra_workdays={r.day: r.name for r in rows if r.working},
            )
        return self._calendar

    def invalidate_calendar(self) -> None:
        self._calendar = None

    def submit_write(self, job: Callable[[], T]) -> Future[T]:
        """Run ``job`` (service calls that write) on the one writer thread, after
        the writes queued before it: how the window writes (ui/workers.WriteRunner)."""
        return self.sessions.submit(job)

    def forbid_writes_on_this_thread(self) -> None:
        """The window's UI thread: from now on a unit of work opened on it is a
        programming error (storage.WriteOffWriter), so it never waits on SQLite."""
        self.sessions.writer.forbid_this_thread()


def put_setting(session: Session, key: str, value: str) -> None:
    """Set one of the desk's settings in the caller's unit of work."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def working_hours(session: Session) -> WorkingHours:
    """The administrator's working hours, else the default 07:30–11:30, 13:30–17:00."""
    periods = session.get(Setting, HOURS_KEY)
    cutoff = session.get(Setting, CUTOFF_KEY)
    if periods is None:
        return WorkingHours()
    return parse_working_hours(periods.value, cutoff.value if cutoff else "15:00")


_COUNTER = select(CounterIdentity)  # built once: every unit of work reads it


def counter_identity(session: Session) -> CounterIdentity:
    cached = session.info.get(COUNTER)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    counter = session.scalars(_COUNTER).first()
    if counter is None:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Services",
                    "This counter is not set up yet; run \u201ccounter-app setup\u201d "
                    "or ask the IT staff to set it up.",
                ),
            )
        )
    session.info[COUNTER] = counter
    return counter
