"""The electronic dossier: stored files and the digitised papers that use them
(Decree 118/2025 Art. 17(1)(c), 19(2), 22(4))."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, SyncedMixin


class StoredFile(Base):
    """One content in the counter's file store (counter_app/files/store.py),
    however many papers use it. ``uploaded_at``: the centre confirmed it
    holds the whole file, checked against its hash."""

    __tablename__ = "stored_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    pages: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(60), default="application/pdf")
    stored_at: Mapped[datetime]
    uploaded_at: Mapped[datetime | None]


class DigitisedPaper(SyncedMixin, Base):
    """An electronic copy of one paper of a dossier, or of its result, with the
    data Article 19(2) asks for. A paper taken into a new dossier instead of
    scanned again (Art. 17(1)(b)) is a new row naming its source in
    ``reused_from``; both share the file."""

    __tablename__ = "digitised_papers"
    __table_args__ = (
        Index("ix_digitised_papers_holder", "holder_id_number"),
        Index("ix_digitised_papers_dossier", "dossier_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    # The checklist component it fulfils (DossierDocument.position), None for a result.
    component: Mapped[int | None]
    component_name: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(10))  # domain.papers.PaperRole
    origin: Mapped[str] = mapped_column(String(10))  # domain.papers.Origin
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"))
    pages: Mapped[int]
    size: Mapped[int]

    # Article 19(2).
    doc_type_code: Mapped[str] = mapped_column(String(20))
    holder_id_number: Mapped[str] = mapped_column(String(15), default="")
    holder_name: Mapped[str] = mapped_column(String(120), default="")
    holder_birth_year: Mapped[int | None]
    id_issued_on: Mapped[date | None]
    id_issued_by: Mapped[str] = mapped_column(String(200), default="")
    document_name: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    valid_until: Mapped[date | None]  # None: valid without limit
    scope: Mapped[str] = mapped_column(Text, default="")
    # Article 22(4): identification number + result-type code, for a result.
    document_code: Mapped[str] = mapped_column(String(60), default="")

    reused_from: Mapped[str | None] = mapped_column(String(36))
    # Text read off the pages by OCR, for search (the official confirmed the fields).
    ocr_text: Mapped[str] = mapped_column(Text, default="")
    # Folded fields and OCR text: what the search matches.
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime]
    removed_at: Mapped[datetime | None]
    removed_by: Mapped[str] = mapped_column(String(60), default="")
    removal_reason: Mapped[str] = mapped_column(Text, default="")

    # Signed by the receiving official (Art. 17(1)(c); services/signatures.py):
    # ``sha256`` then names the signed file and this the file it was made from.
    unsigned_sha256: Mapped[str | None] = mapped_column(String(64))
    signer_name: Mapped[str | None] = mapped_column(String(200))
    signer_serial: Mapped[str | None] = mapped_column(String(80))
    signer_fingerprint: Mapped[str | None] = mapped_column(String(64))
    signed_at: Mapped[datetime | None]
