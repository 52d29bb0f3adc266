"""Signatures made offline, waiting to be extended to PAdES B-LT (issue 21,
point 1; counter_app/sync/signature_extension.py). Local to the desk: the
centre learns of an extension through the paper row it changes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base


class SignatureExtension(Base):
    """One signed paper of this desk: queued when signed, settled once
    extended or found never extendable (revoked, expired, untrusted)."""

    __tablename__ = "signature_extensions"

    paper_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    queued_at: Mapped[datetime]
    tried_at: Mapped[datetime | None]
    settled_at: Mapped[datetime | None]
    # signing.ltv.Extension's value once settled, "" while it waits.
    outcome: Mapped[str] = mapped_column(String(20), default="")
    # pyHanko's words for IT staff: why it waits or why it was settled so.
    detail: Mapped[str] = mapped_column(Text, default="")
