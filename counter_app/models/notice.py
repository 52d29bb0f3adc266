"""Notices to the citizen (Decree 118 Articles 17(2), 19(5), 19(6), 22(5)).

Kept on the counter only: the centre's push function accepts a fixed list
of row kinds, so a new kind would need a central migration. The province
sees each notice through the audit log instead (created with the step,
``notice.sent`` / ``notice.failed`` / ``notice.called``), which is synced.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, new_uuid


class Notice(Base):
    """One notice on one channel: what was (or is to be) said, to whom, when, by whom."""

    __tablename__ = "notices"
    __table_args__ = (Index("ix_notices_state", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), index=True
    )
    dossier_code: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(60))
    state: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(default=0)
    # The sender that claimed it and when: a claim older than any send can
    # take belongs to a sender that died mid-send.
    attempt_id: Mapped[str | None] = mapped_column(String(36))
    claimed_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    # Sent (the server took it) or called (the official's word), and by whom.
    done_at: Mapped[datetime | None]
    done_by: Mapped[str] = mapped_column(String(60), default="")
