"""The "Ghi chú" block at the foot of a form, shared by the receipt and the control slip."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from counter_app.paper.data import AgencyInfo
from counter_app.paper.formset import FormSpec
from counter_app.paper.styles import Styles


def notes_block(spec: FormSpec, agency: AgencyInfo, st: Styles) -> list[Flowable]:
    """The title and one paragraph per note, the unit's name filled in; nothing without notes."""
    if not spec.notes:
        return []
    block: list[Flowable] = [
        Spacer(1, st.size * 0.5),
        Paragraph(f"<b><i>{spec.text('notes_title')}</i></b>", st.small),
    ]
    block.extend(
        Paragraph(f"<i>{note}</i>", st.small) for note in spec.note_lines(**agency.placeholders())
    )
    return block
