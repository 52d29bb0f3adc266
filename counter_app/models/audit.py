"""The append-only, hash-chained audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, new_uuid


class AuditEntry(Base):
    """One audited event. Triggers in the schema refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    at: Mapped[datetime]
    username: Mapped[str] = mapped_column(String(60))
    counter_uuid: Mapped[str] = mapped_column(String(36))
    event: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(60))
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
