"""The blocks every administrative form shares: the reference line, the title,
the national header (agency, motto, dateline), the applicant's identity and
date lines, and the signature row where the official signs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from counter_app.domain.countries import nationality_name
from counter_app.paper.data import AgencyInfo, Applicant
from counter_app.paper.flowables import CenteredRule, blank, plain_table
from counter_app.paper.formset import FormSet, FormSpec
from counter_app.paper.places import SignatureCell
from counter_app.paper.styles import Styles
from counter_app.paper.text import esc, long_date, nfc, short_date


def form_reference(spec: FormSpec, form_set: FormSet, st: Styles) -> Paragraph:
    """The small "Mẫu số 0x (Ban hành kèm theo …)" line at the top of a form."""
    return Paragraph(f"{spec.number} ({nfc(form_set.legal_reference)})", st.small_right_italic)


def _fit(text: str, font: str, size: float, width: float) -> float:
    """Largest size up to ``size`` (not below 85 %) at which ``text`` fits on one line."""
    needed = stringWidth(text, font, size)
    return size if needed <= width else max(size * 0.85, size * width / needed)


def _balanced(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` on one line if it fits, else split in two lines of similar length.

    A header name wrapped by the paragraph engine can leave one word alone on
    the second line; official documents balance the two lines instead.
    """
    if stringWidth(text, font, size) <= width:
        return [text]
    words = text.split()
    best = [text]
    best_gap = float("inf")
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        widths = stringWidth(first, font, size), stringWidth(second, font, size)
        if max(widths) <= width and abs(widths[0] - widths[1]) < best_gap:
            best, best_gap = [first, second], abs(widths[0] - widths[1])
    return best


def title_paragraph(title: str, st: Styles, width: float) -> Paragraph:
    """The form's title, shrunk a little when that keeps it on one line."""
    size = _fit(nfc(title), st.fonts.bold, st.title.fontSize, width)
    return Paragraph(f'<font size="{size:.2f}">{esc(title)}</font>', st.title)


def agency_block(
    agency: AgencyInfo, form_set: FormSet, st: Styles, width: float, document_number: str = ""
) -> list[Flowable]:
    """Top-left header: governing body, the unit in bold, a short rule, "Số: …"."""
    unit = nfc(agency.name).upper()
    parent = nfc(agency.parent_name).upper()
    size = min(
        _fit(parent, st.fonts.regular, st.size, width), _fit(unit, st.fonts.bold, st.size, width)
    )
    unit_lines = _balanced(unit, st.fonts.bold, size, width)
    longest = max(stringWidth(line, st.fonts.bold, size) for line in unit_lines)
    unit_markup = "<br/>".join(esc(line) for line in unit_lines)
    block: list[Flowable] = [
        Paragraph(f'<font size="{size:.2f}">{esc(parent)}</font>', st.header),
        Paragraph(f'<font size="{size:.2f}"><b>{unit_markup}</b></font>', st.header),
        CenteredRule(min(width * 0.5, longest * 0.4)),
    ]
    if document_number:
        number = form_set.text("number_line", document_number=document_number)
        block.append(Paragraph(number, st.header))
    return block


def motto_block(
    form_set: FormSet, st: Styles, width: float, *, place: str = "", day: date | None = None
) -> list[Flowable]:
    """Top-right header: national name, motto underlined, then the dateline."""
    motto_1 = nfc(str(form_set.common["motto_1"]))
    motto_2 = nfc(str(form_set.common["motto_2"]))
    size = _fit(motto_1, st.fonts.bold, st.size, width)
    block: list[Flowable] = [
        Paragraph(f'<font size="{size:.2f}"><b>{esc(motto_1)}</b></font>', st.header),
        Paragraph(f'<font size="{size:.2f}"><b>{esc(motto_2)}</b></font>', st.header),
        CenteredRule(stringWidth(motto_2, st.fonts.bold, size)),
    ]
    if day is not None:
        block.append(Paragraph(f"<i>{dateline_text(form_set, place, day)}</i>", st.header))
    return block


def national_header(
    agency: AgencyInfo,
    form_set: FormSet,
    st: Styles,
    width: float,
    *,
    day: date | None,
    document_number: str = "",
) -> Table:
    """Agency on the left, national motto and dateline on the right."""
    left_w = width * 0.4
    left = agency_block(agency, form_set, st, left_w - 2, document_number)
    right = motto_block(form_set, st, width - left_w - 2, place=agency.place, day=day)
    return plain_table(st.fonts.regular, [[left, right]], [left_w, width - left_w], padding=0)


def dateline_text(form_set: FormSet, place: str, day: date) -> str:
    """ "Hoàng Văn Thụ, ngày 26 tháng 11 năm 2026" (paragraph markup)."""
    parts = long_date(day).split()  # ["ngày", "26", "tháng", "11", "năm", "2026"]
    return form_set.text("dateline", place=place, day=parts[1], month=parts[3], year=parts[5])


def identity_line(form_set: FormSet, applicant: Applicant) -> list[str]:
    """The applicant's document under their name ("Số hộ chiếu: … Quốc tịch: …",
    "Mã số thuế: … Người đại diện: …"); none when no number was recorded."""
    if not applicant.id_number:
        return []
    labels = form_set.common["id_labels"]
    values = {
        "id_label": labels.get(applicant.id_kind, labels["cccd"]),
        "id_number": applicant.id_number,
        "nationality": nationality_name(applicant.nationality),
        "representative": applicant.representative,
    }
    if applicant.representative:
        return [form_set.text("identity_organisation", **values)]
    if applicant.nationality:
        return [form_set.text("identity_passport", **values)]
    return [form_set.text("identity", **values)]


def datetime_text(form_set: FormSet, moment: datetime) -> str:
    """ "09 giờ 15 phút, ngày 26/11/2026"."""
    return form_set.text(
        "datetime",
        hour=f"{moment.hour:02d}",
        minute=f"{moment.minute:02d}",
        date=short_date(moment.date()),
    )


def signature_block(
    titles: Sequence[tuple[str, str, str]],
    st: Styles,
    width: float,
    *,
    space: float = 18 * mm,
    sign_at: int | None = None,
) -> Table:
    """Side-by-side signature blocks: (title, hint, name) each; blank title = empty column.

    Titles, hints and names sit on shared rows so the names line up. The
    space of column ``sign_at`` (the official who signs digitally) reports
    where it was drawn (paper/places.py).
    """
    col = width / len(titles)
    rows: list[list[Flowable]] = [[], [], [], []]
    for index, (title, hint, name) in enumerate(titles):
        lines = nfc(title).split("\n")
        size = min((_fit(line, st.fonts.bold, st.size, col - 4) for line in lines), default=st.size)
        markup = "<br/>".join(esc(line) for line in lines)
        rows[0].append(Paragraph(f'<font size="{size:.2f}"><b>{markup}</b></font>', st.header))
        rows[1].append(Paragraph(f"<i>{esc(hint)}</i>", st.header) if title else blank())
        # The cell's paddings (plain_table, padding=1) come off the row's height.
        rows[2].append(SignatureCell(space - 1.25) if index == sign_at else blank())
        rows[3].append(Paragraph(f"<b>{esc(name)}</b>", st.header) if title and name else blank())
    return plain_table(
        st.fonts.regular,
        rows,
        [col] * len(titles),
        padding=1,
        heights=[None, None, space, None],
    )
