"""Process control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer

from counter_app.paper.blocks import datetime_text, form_reference, national_header, title_paragraph
from counter_app.paper.data import ControlSlipData, ControlStep
from counter_app.paper.flowables import blank, plain_table
from counter_app.paper.formset import FormKind, FormSet, FormSpec, load_form_set
from counter_app.paper.layout import build_pdf, page_setup
from counter_app.paper.notes import notes_block
from counter_app.paper.places import FormPdf, SignatureCell
from counter_app.paper.styles import Styles, make_styles
from counter_app.paper.text import esc


def _time_cell(
    step: ControlStep,
    spec: FormSpec,
    forms: FormSet,
    st: Styles,
    width: float,
    *,
    signed_here: bool = False,
) -> Flowable:
    """Hand-over time on top, then "Người giao" / "Người nhận" with their names.

    ``signed_here``: the giver's space above their name is where they sign
    digitally (paper/places.py): the first hand-over is the receiving
    official's, who prints the slip at reception.
    """
    half = width / 2
    height = st.size * 2.6
    giver: list[Flowable] = [Paragraph(f"<b>{esc(step.handed_over_by)}</b>", st.cell_center)]
    if signed_here:
        # The row's paddings (2.5) and the name's line (cell_center's leading) are not room.
        giver.insert(0, SignatureCell(height - 2.5 - st.cell_center.leading - 1))
    rows = [
        [Paragraph(datetime_text(forms, step.handed_over_at), st.cell_center), blank()],
        [
            Paragraph(f"<i>{spec.text('cell_giver')}</i>", st.cell_center),
            Paragraph(f"<i>{spec.text('cell_receiver')}</i>", st.cell_center),
        ],
        [giver, Paragraph(f"<b>{esc(step.received_by)}</b>", st.cell_center)],
    ]
    return plain_table(
        st.fonts.regular,
        rows,
        [half, half],
        padding=2,
        heights=[None, None, height],
        extra=[
            ("SPAN", (0, 0), (1, 0)),
            ("LINEBELOW", (0, 0), (1, 0), 0.4, colors.black),
            ("LINEBEFORE", (1, 1), (1, -1), 0.4, colors.black),
            ("VALIGN", (0, 2), (-1, 2), "BOTTOM"),
        ],
    )


def render_control_slip(
    data: ControlSlipData, *, paper: str = "A4", form_set: str = "tt01-2018"
) -> FormPdf:
    """The control slip with the dossier's real hand-over history."""
    forms = load_form_set(form_set)
    spec = forms.form(FormKind.CONTROL_SLIP)
    setup = page_setup(paper)
    st = make_styles(setup.font_size, compact=setup.compact)
    width = setup.width
    values: dict[str, object] = {
        "dossier_code": data.dossier_code,
        "applicant_name": data.applicant.name,
        "request": data.request,
        "received_at": datetime_text(forms, data.received_at),
        "appointment": datetime_text(forms, data.appointment),
        "handling_unit": data.handling_unit,
        "coordinating_units": data.coordinating_units,
    }
    story: list[Flowable] = [
        form_reference(spec, forms, st),
        Spacer(1, st.size * 0.3),
        national_header(data.agency, forms, st, width, day=None),
        title_paragraph(spec.title, st, width),
        Paragraph(f"<b>{spec.text('code', **values)}</b>", st.center),
    ]
    if data.with_receipt:
        story.append(Paragraph(f"<i>{spec.text('attached')}</i>", st.center))
    keys = ["applicant", "request", "received", "appointment", "handling_unit"]
    if data.coordinating_units:
        keys.append("coordinating_units")
    story += [Paragraph(spec.text(key, **values), st.body) for key in keys]
    story.append(Spacer(1, st.size * 0.3))
    widths = [width * 0.25, width * 0.43, width * 0.17, width * 0.15]
    rows: list[list[Flowable]] = [
        [Paragraph(spec.text(key), st.cell_head) for key in ("col_unit", "col_time", "col_result")]
        + [Paragraph(spec.text("col_note"), st.cell_head)]
    ]
    for index, step in enumerate(data.steps):
        units = spec.text(
            "cell_units",
            handed_over_unit=step.handed_over_unit,
            received_unit=step.received_unit,
        )
        rows.append(
            [
                Paragraph(units, st.cell),
                _time_cell(step, spec, forms, st, widths[1], signed_here=index == 0),
                Paragraph(esc(forms.timeliness(step.result)), st.cell_center),
                Paragraph(esc(step.note), st.cell),
            ]
        )
    story.append(
        plain_table(
            st.fonts.regular,
            rows,
            widths,
            grid=True,
            head_rows=1,
            extra=[
                ("LEFTPADDING", (1, 1), (1, -1), 0),
                ("RIGHTPADDING", (1, 1), (1, -1), 0),
                ("TOPPADDING", (1, 1), (1, -1), 0),
                ("BOTTOMPADDING", (1, 1), (1, -1), 0),
            ],
        )
    )
    story.extend(notes_block(spec, data.agency, st))
    return build_pdf(
        story,
        pagesize=setup.size,
        margins=setup.margins,
        title=f"{spec.title.capitalize()} {data.dossier_code}",
        subject=f"{spec.number} - {forms.circular}",
        fonts=st.fonts,
        created=data.steps[-1].handed_over_at if data.steps else data.received_at,
    )
