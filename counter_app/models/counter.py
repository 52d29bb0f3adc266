"""This counter's identity, its number sequences and the province's calendar changes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, new_uuid


class CounterIdentity(Base):
    """The one row describing the desk this database belongs to."""

    __tablename__ = "counter_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    agency_id: Mapped[str] = mapped_column(String(40))  # mã định danh cơ quan
    agency_name: Mapped[str] = mapped_column(String(200))  # e.g. "UBND xã Hoàng Văn Thụ"
    # The one-stop unit the forms name, e.g. "Trung tâm Phục vụ hành chính công
    # xã Hoàng Văn Thụ" (since 1/7/2025) or "Bộ phận Tiếp nhận và Trả kết quả".
    unit_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    parent_name: Mapped[str] = mapped_column(String(200), default="")  # e.g. "UBND TỈNH LẠNG SƠN"
    place: Mapped[str] = mapped_column(String(100), default="")  # for "Lạng Sơn, ngày …"
    phone: Mapped[str] = mapped_column(String(20), default="", server_default="")
    counter_name: Mapped[str] = mapped_column(String(100))
    code_slot: Mapped[int] = mapped_column(default=0)
    ledger_book: Mapped[str] = mapped_column(String(20), default="01")
    # The set in force when the counter was set up; each form prints with the
    # set in force on its dossier's receipt date (printing.form_set_for).
    form_set: Mapped[str] = mapped_column(String(40), default="tt03-2025")
    created_at: Mapped[datetime] = mapped_column(default=datetime.now)


class NumberSequence(Base):
    """Monotonic counters (dossier code per day, ledger entry per year, row seq).

    Advanced in the same transaction as the row that uses the number, so a
    crash can neither reuse nor skip-and-print a number.
    """

    __tablename__ = "number_sequences"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int]


class CodeBlock(Base):
    """Ordinals the centre granted this desk for another authority's codes
    (domain/code_blocks.py); the centre's id, replaced as granted."""

    __tablename__ = "code_blocks"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    authority_id: Mapped[str] = mapped_column(String(40), index=True)
    first_seq: Mapped[int]
    last_seq: Mapped[int]
    valid_from: Mapped[date]
    valid_until: Mapped[date]


class CalendarDay(Base):
    """A province's own day off or make-up working day, on top of national holidays."""

    __tablename__ = "calendar_days"
    __table_args__ = (UniqueConstraint("day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date]
    working: Mapped[bool]  # True: make-up working day; False: extra day off
    name: Mapped[str] = mapped_column(String(200))


class Setting(Base):
    """A counter-wide setting chosen by the administrator (e.g. working hours)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(400))
    updated_at: Mapped[datetime] = mapped_column(default=datetime.now, onupdate=datetime.now)
