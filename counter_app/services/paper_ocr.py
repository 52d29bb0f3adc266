"""OCR at the desk, for the digitise window: the copy made searchable and the
Article 19(2) fields proposed from its text (files/ocr.py), against the
document types the desk uses. The official confirms the fields; the text
goes into the paper's ``ocr_text`` (services/papers.NewCopy), which search reads."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.messages import Message
from counter_app.files import ocr
from counter_app.services.papers import document_types


@dataclass(frozen=True)
class OcrReading:
    pdf: bytes  # the copy with its text layer: store this one
    text: str
    proposal: ocr.Proposal


def unavailable() -> Message | None:
    """None when OCR runs on this computer; else the sentence to show."""
    return ocr.unavailable()


def read_copy(pdf: bytes) -> OcrReading:
    """UserError (a sentence) when OCR is unavailable or fails; never loses the copy."""
    result = ocr.make_searchable(pdf)
    return OcrReading(result.pdf, result.text, ocr.propose(result.text, document_types().types))
