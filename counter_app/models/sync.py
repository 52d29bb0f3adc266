"""What the counter keeps for sync: the outbox, the feed cursor, notes from the
centre and the records sync could not apply (quarantine and conflicts)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, new_uuid


class OutboxEntry(Base):
    """One change of a synced row, written in the transaction that made it.

    ``seq`` is gapless (taken from ``number_sequences`` in that transaction),
    so the centre can refuse a batch that skips one; ``payload`` is the row as
    it stood after the change, keyed by UUIDs and procedure codes only.
    """

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(30))
    row_uuid: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int]
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class SyncState(Base):
    """Small key/value facts about sync: the feed cursor, the last success."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncIssue(Base):
    """A record sync could not apply, kept whole for the administrator.

    ``direction`` "push": the centre refused our change (quarantine);
    "pull": a change from the centre met an unsynced local edit (conflict),
    or could not be applied here. Both versions are kept; nothing is dropped.
    """

    __tablename__ = "sync_issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    direction: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(30))
    row_uuid: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text)
    local_payload: Mapped[dict[str, Any] | None]
    central_payload: Mapped[dict[str, Any] | None]
    at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]


class CentralNote(Base):
    """A note or result a specialised department recorded centrally on one of
    this counter's dossiers; it arrives with the feed and is only read here."""

    __tablename__ = "central_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    dossier_uuid: Mapped[str] = mapped_column(String(36), index=True)
    department: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
