"""Dossiers (hồ sơ), the documents handed in, clock pauses and workflow steps."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.models.base import Base, SyncedMixin
from counter_app.models.catalogue import Procedure
from counter_app.models.sync import CentralNote


class Dossier(SyncedMixin, Base):
    __tablename__ = "dossiers"
    __table_args__ = (
        UniqueConstraint("ledger_book", "ledger_year", "ledger_entry", name="uq_dossiers_ledger"),
        Index("ix_dossiers_state_appointment", "state", "appointment_at"),
        Index("ix_dossiers_applicant_procedure", "applicant_id_number", "procedure_id"),
        Index("ix_dossiers_phone", "applicant_phone"),
        # A report's dossiers: not returned before the period starts
        # (reports/local_source.py; migration 0010).
        Index("ix_dossiers_returned_at", "returned_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)  # printed, never changes
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    procedure_code: Mapped[str] = mapped_column(String(30))
    procedure_name: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(30))
    on_the_spot: Mapped[bool] = mapped_column(default=False)

    applicant_name: Mapped[str] = mapped_column(String(120))
    # What applicant_id_number is (domain/identity_documents.IdKind, migration 0018):
    # a passport's holder has a nationality, an organisation a representative
    # named as the applicant. The number may be up to 15 characters (a business
    # code); the column keeps the length 0001 declared, which SQLite does not
    # enforce (changing it would need batch mode, which breaks foreign keys).
    applicant_id_kind: Mapped[str] = mapped_column(
        String(20), default="cccd", server_default="cccd"
    )
    applicant_id_number: Mapped[str] = mapped_column(String(12), default="")
    applicant_nationality: Mapped[str] = mapped_column(String(3), default="", server_default="")
    applicant_phone: Mapped[str] = mapped_column(String(15), default="")
    applicant_email: Mapped[str] = mapped_column(String(120), default="")
    applicant_address: Mapped[str] = mapped_column(Text, default="")
    applicant_sex: Mapped[str | None] = mapped_column(String(10))
    applicant_birth_year: Mapped[int | None]
    organisation: Mapped[str] = mapped_column(Text, default="")
    # Folded (lower case, no accents, đ→d) code, name, identity number, phone
    # and organisation: the
    # column the trigram full-text index is built on.
    search_text: Mapped[str] = mapped_column(Text, default="")

    sets: Mapped[int] = mapped_column(default=1)
    pages: Mapped[int] = mapped_column(default=1)
    copies: Mapped[int] = mapped_column(default=1)
    fee: Mapped[int] = mapped_column(default=0)  # whole đồng
    # True only when the procedure is free by law: then 0 prints "Không thu".
    fee_free: Mapped[bool] = mapped_column(default=False, server_default="0")
    # The one-stop unit as named when received: a reprint names it as the original did.
    unit_name: Mapped[str] = mapped_column(String(200), default="", server_default="")

    received_at: Mapped[datetime]
    received_by: Mapped[str] = mapped_column(String(60))
    appointment_at: Mapped[datetime]  # may move: supplement pause, apology
    original_appointment_at: Mapped[datetime]
    paused_since: Mapped[datetime | None]
    apology_count: Mapped[int] = mapped_column(default=0)
    finished_at: Mapped[datetime | None]  # result ready (for early/on time/late)
    returned_at: Mapped[datetime | None]
    delivery: Mapped[str] = mapped_column(String(20), default="counter")
    delivery_address: Mapped[str] = mapped_column(Text, default="")
    # Its evaluation, made at the return (domain/evaluation.evaluation_record):
    # synced in the dossier's body, where the centre's figures read it.
    evaluation: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    ledger_book: Mapped[str] = mapped_column(String(20))
    ledger_year: Mapped[int]
    ledger_entry: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")
    print_count: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=datetime.now, onupdate=datetime.now)

    procedure: Mapped[Procedure] = relationship()
    documents: Mapped[list[DossierDocument]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", order_by="DossierDocument.position"
    )
    pauses: Mapped[list[ClockPause]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", order_by="ClockPause.started_at"
    )
    steps: Mapped[list[WorkflowStep]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", order_by="WorkflowStep.counter_seq"
    )
    # Keyed by uuid: notes arrive from the centre, which knows no local ids.
    central_notes: Mapped[list[CentralNote]] = relationship(
        primaryjoin="foreign(CentralNote.dossier_uuid) == Dossier.uuid",
        order_by="CentralNote.at",
        viewonly=True,
    )


class DossierDocument(SyncedMixin, Base):
    """A document actually handed in with the dossier."""

    __tablename__ = "dossier_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    form: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int] = mapped_column(default=1)

    dossier: Mapped[Dossier] = relationship(back_populates="documents")


class ClockPause(SyncedMixin, Base):
    """A supplement request, from the notice to the complete dossier (or the
    closing): the time the statutory clock waited for the citizen. How it
    ended (``outcome``, domain.supplement.PauseOutcome) says what the
    reports make of it: the limit counted again from its end, or the paused
    time given back."""

    __tablename__ = "clock_pauses"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    items: Mapped[list[Any]]  # what the citizen must supplement (form 02), once and complete
    # Asked after the rule's working days from reception (Decree 118/2025 Art. 19(5)).
    asked_late: Mapped[bool] = mapped_column(default=False, server_default="0")
    outcome: Mapped[str | None] = mapped_column(String(16))

    dossier: Mapped[Dossier] = relationship(back_populates="pauses")


class WorkflowStep(SyncedMixin, Base):
    """One recorded step: who did what, when, at which counter, with a note."""

    __tablename__ = "workflow_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str | None] = mapped_column(String(30))
    to_state: Mapped[str] = mapped_column(String(30))
    username: Mapped[str] = mapped_column(String(60))
    user_full_name: Mapped[str] = mapped_column(String(120))
    counter_name: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)

    dossier: Mapped[Dossier] = relationship(back_populates="steps")


class PrintJob(SyncedMixin, Base):
    """A form printed (or saved as PDF) for a dossier; reprints are counted."""

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    form_kind: Mapped[str] = mapped_column(String(30))
    reprint_no: Mapped[int] = mapped_column(default=0)
    target: Mapped[str] = mapped_column(Text)  # printer name or PDF path
    status: Mapped[str] = mapped_column(
        String(20)
    )  # sending (recorded before the paper) / done / failed
    error: Mapped[str] = mapped_column(Text, default="")
    username: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime]
