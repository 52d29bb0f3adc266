"""The procedure catalogue as stored on the counter."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.models.base import Base, new_uuid


class Procedure(Base):
    __tablename__ = "procedures"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    code: Mapped[str] = mapped_column(String(30), unique=True)  # mã TTHC
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text, default="")
    field: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(20))
    time_amount: Mapped[int]
    time_unit: Mapped[str] = mapped_column(String(20))
    fee_rule: Mapped[dict[str, Any]]
    on_the_spot: Mapped[bool] = mapped_column(default=False)
    online_level: Mapped[str] = mapped_column(String(20), default="none")
    deliveries: Mapped[list[Any]]
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    source_note: Mapped[str] = mapped_column(Text, default="")
    # 15:00 cut-off: None follows the time unit (procedure.default_cutoff).
    cutoff: Mapped[bool | None] = mapped_column(default=None)
    # Decree 118/2025 Article 28(2)(a); empty: the receiving unit decides.
    deciding_authority: Mapped[str] = mapped_column(String(40), default="", server_default="")
    # SpecialRules.to_dict(): what the specialised law sets instead of the decree.
    special_rules: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(default=datetime.now, onupdate=datetime.now)

    documents: Mapped[list[ProcedureDocument]] = relationship(
        back_populates="procedure",
        cascade="all, delete-orphan",
        order_by="ProcedureDocument.position",
    )


class ProcedureDocument(Base):
    """One line of a procedure's checklist of required documents."""

    __tablename__ = "procedure_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int] = mapped_column(default=1)
    mandatory: Mapped[bool] = mapped_column(default=True)

    procedure: Mapped[Procedure] = relationship(back_populates="documents")
