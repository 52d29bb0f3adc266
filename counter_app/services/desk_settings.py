"""Settings of the desk itself: how long an unattended window stays open, and
the folder its multifunction printer scans into."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from counter_app.domain.bounds import check_count
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.workflow import Role
from counter_app.models import Setting
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext, put_setting

LOCK_AFTER_KEY = "lock_after_minutes"
# A desk faces the public: ten minutes without a key or a click and the
# window locks, so a citizen's data never stays on an unattended screen.
DEFAULT_LOCK_AFTER = 10
MAX_LOCK_AFTER = 240


def lock_after_minutes(ctx: ServiceContext) -> int:
    """Minutes of inactivity before the window locks; 0 never locks."""
    with ctx.sessions() as session:
        row = session.get(Setting, LOCK_AFTER_KEY)
        return int(row.value) if row is not None else DEFAULT_LOCK_AFTER


def set_lock_after_minutes(ctx: ServiceContext, actor: Actor, minutes: int) -> int:
    check_count(minutes, "lock_after", low=0, high=MAX_LOCK_AFTER)

    def save(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        put_setting(session, LOCK_AFTER_KEY, str(minutes))
        audit.log_event(
            session, ctx, actor.username, "desk.lock_after", "settings", {"minutes": minutes}
        )

    ctx.sessions.write(save)
    return minutes


SCAN_FOLDER_KEY = "scan_folder"


def scan_folder(ctx: ServiceContext) -> Path | None:
    """The folder this desk's multifunction printer scans into, if set."""
    with ctx.sessions() as session:
        row = session.get(Setting, SCAN_FOLDER_KEY)
        return Path(row.value) if row is not None and row.value else None


def set_scan_folder(ctx: ServiceContext, actor: Actor, folder: str) -> Path | None:
    """Set (or, with "", forget) the desk's scan-to-folder; it must exist."""
    path = Path(folder.strip()).expanduser() if folder.strip() else None
    if path is not None and not path.is_dir():
        raise UserError(
            Message(
                "Scanning",
                QT_TRANSLATE_NOOP(
                    "Scanning",
                    "The folder {path} does not exist or cannot be opened; choose the folder "
                    "the printer scans into.",
                ),
                {"path": str(path)},
            ),
            field="scan_folder",
        )

    def save(session: Session) -> None:
        acting_user(session, actor)
        value = str(path.resolve()) if path is not None else ""
        put_setting(session, SCAN_FOLDER_KEY, value)
        audit.log_event(
            session, ctx, actor.username, "desk.scan_folder", "settings", {"folder": value}
        )

    ctx.sessions.write(save)
    return path.resolve() if path is not None else None
