"""Form 01: receipt and appointment slip, in two copies, on A4, A5 or an 80 mm roll."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Paragraph, Spacer

from counter_app.paper import errors
from counter_app.paper.blocks import (
    agency_block,
    datetime_text,
    form_reference,
    identity_line,
    motto_block,
    national_header,
    signature_block,
    title_paragraph,
)
from counter_app.paper.codes import Code128, QrCode, qr_payload
from counter_app.paper.data import Delivery, ReceiptData
from counter_app.paper.flowables import CutLine, plain_table
from counter_app.paper.formset import FormKind, FormSet, FormSpec, load_form_set
from counter_app.paper.layout import SLIP_CONTENT_WIDTH, SLIP_WIDTH, build_pdf, paper_size
from counter_app.paper.notes import notes_block
from counter_app.paper.places import FormPdf
from counter_app.paper.styles import Styles, make_styles
from counter_app.paper.text import esc, format_vnd


@dataclass(frozen=True)
class _Geometry:
    font_size: float
    margins: tuple[float, float, float, float]  # left, right, top, bottom
    module: float  # preferred barcode module width
    bar_height: float
    qr_size: float
    signature_space: float
    compact: bool


_GEOMETRY = {
    "A4": _Geometry(
        12.5, (25 * mm, 15 * mm, 12 * mm, 12 * mm), 0.42 * mm, 13 * mm, 28 * mm, 22 * mm, False
    ),
    "A5": _Geometry(
        10, (14 * mm, 10 * mm, 7 * mm, 7 * mm), 0.36 * mm, 10 * mm, 18 * mm, 11 * mm, True
    ),
    "80mm": _Geometry(
        8.5, (4 * mm, 4 * mm, 3 * mm, 3 * mm), 0.4 * mm, 10 * mm, 24 * mm, 11 * mm, True
    ),
}


def _delivery_text(data: ReceiptData, spec: FormSpec) -> str:
    if data.delivery == Delivery.POST:
        if not data.post_address.strip():
            raise errors.printing_error(errors.POST_ADDRESS_MISSING, field="post_address")
        return spec.text("delivery_post", post_address=data.post_address)
    if data.delivery == Delivery.ONLINE:
        return spec.text("delivery_online")
    return spec.text("delivery_counter", **data.agency.placeholders())


def _fee_text(data: ReceiptData, form_set: FormSet) -> str:
    # "Không thu" is a statement of law: a 0 that is not free by law prints as an amount.
    if data.fee <= 0 and data.fee_free:
        return form_set.text("fee_none")
    return form_set.text("fee_amount", amount=format_vnd(data.fee))


def _documents_table(data: ReceiptData, spec: FormSpec, st: Styles, width: float) -> Flowable:
    no_w, form_w, qty_w = width * 0.1, width * 0.21, width * 0.13
    rows: list[list[Flowable]] = [
        [
            Paragraph(spec.text("col_no"), st.cell_head),
            Paragraph(spec.text("col_name"), st.cell_head),
            Paragraph(spec.text("col_form"), st.cell_head),
            Paragraph(spec.text("col_quantity"), st.cell_head),
        ]
    ]
    for index, document in enumerate(data.documents, start=1):
        rows.append(
            [
                Paragraph(str(index), st.cell_center),
                Paragraph(esc(document.name), st.cell),
                Paragraph(esc(document.form), st.cell_center),
                Paragraph(f"{document.quantity:02d}", st.cell_center),
            ]
        )
    return plain_table(
        st.fonts.regular,
        rows,
        [no_w, width - no_w - form_w - qty_w, form_w, qty_w],
        grid=True,
        head_rows=1,
    )


def _code_flowables(
    data: ReceiptData, st: Styles, geo: _Geometry, width: float, slip: bool
) -> tuple[Code128, QrCode]:
    """Barcode and QR code, encoded once and drawn on both copies."""
    payload = qr_payload(
        data.dossier_code,
        data.agency.agency_id,
        data.procedure_code,
        data.appointment,
        data.signed_sha256,
    )
    bar = Code128(
        data.dossier_code,
        st.fonts.regular,
        module=geo.module,
        # On the slip the barcode has the full width; on paper it shares it with the QR.
        max_width=width if slip else width - geo.qr_size - 2 * mm,
        bar_height=geo.bar_height,
        font_size=st.size if slip else st.size * 0.9,
    )
    return bar, QrCode(payload, geo.qr_size)


def _codes(
    codes: tuple[Code128, QrCode], st: Styles, geo: _Geometry, width: float, slip: bool
) -> Flowable:
    bar, qr = codes
    if slip:
        return plain_table(
            st.fonts.regular,
            [[bar], [qr]],
            [width],
            padding=0,
            extra=[("ALIGN", (0, 0), (-1, -1), "CENTER")],
        )
    return plain_table(
        st.fonts.regular,
        [[bar, qr]],
        [width - geo.qr_size, geo.qr_size],
        padding=0,
        extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
    )


def _copy(
    data: ReceiptData,
    form_set: FormSet,
    spec: FormSpec,
    st: Styles,
    geo: _Geometry,
    width: float,
    copy_key: str,
    slip: bool,
    codes: tuple[Code128, QrCode],
) -> tuple[list[Flowable], list[Flowable]]:
    """A copy as (its top: form reference and codes; the rest)."""
    received = datetime_text(form_set, data.received_at)
    appointment = datetime_text(form_set, data.appointment)
    head: list[Flowable] = [] if slip else [form_reference(spec, form_set, st)]
    head.append(_codes(codes, st, geo, width, slip))
    if data.signed_sha256:
        # The paper says it was printed from a signed original, and which one.
        line = form_set.text("signed_copy", sha256=f"{data.signed_sha256[:16]}…")
        head.append(Paragraph(f"<i>{line}</i>", st.small_center))
    story: list[Flowable] = []
    story.append(Spacer(1, st.size * 0.3))
    story.extend(_header(data, form_set, st, width, slip))
    story.append(title_paragraph(spec.title, st, width))
    code = f"<b>{spec.text('code', dossier_code=data.dossier_code)}</b>"
    copy = f"<i>({spec.text(copy_key)})</i>"
    if geo.compact:
        story.append(Paragraph(f"{code}  {copy}", st.center))
    else:
        story.append(Paragraph(copy, st.center))
        story.append(Paragraph(code, st.center))
    if data.reprint_no > 0:
        mark = ParagraphStyle(
            "reprint", parent=st.mark, leftIndent=width / 4, rightIndent=width / 4
        )
        story.append(Paragraph(form_set.text("reprint", n=data.reprint_no), mark))
    applicant = data.applicant
    agency = data.agency
    lines = [
        spec.text("unit", **agency.placeholders()),
        spec.text("applicant", applicant_name=applicant.name),
        *identity_line(form_set, applicant),
        spec.text("address", address=applicant.address),
        spec.text("contact", phone=applicant.phone, email=applicant.email),
        spec.text("request", request=data.request),
        spec.text("documents"),
    ]
    story.extend(Paragraph(line, st.body) for line in lines)
    story.append(_documents_table(data, spec, st, width))
    story.append(Spacer(1, st.size * 0.4))
    lines = [
        spec.text("sets", sets=f"{data.number_of_sets:02d}"),
        spec.text("processing", processing_time=data.processing_time_text),
        spec.text("received", received_at=received),
        f"<b>{spec.text('appointment', appointment=appointment)}</b>",
        spec.text("delivery", delivery=_delivery_text(data, spec)),
        spec.text("fee", fee=_fee_text(data, form_set)),
        spec.text("ledger", ledger_book=data.ledger_book, ledger_entry=data.ledger_entry),
    ]
    story.extend(Paragraph(line, st.body) for line in lines)
    story.append(Spacer(1, st.size * 0.4))
    hint = str(form_set.common["sign_hint"])
    story.append(
        signature_block(
            [
                (spec.texts["sign_left"], hint, applicant.signer),
                (spec.texts["sign_right"], hint, data.receiving_officer),
            ],
            st,
            width,
            space=geo.signature_space,
            sign_at=1,
        )
    )
    story.extend(notes_block(spec, data.agency, st))
    return head, story


def _header(
    data: ReceiptData, form_set: FormSet, st: Styles, width: float, slip: bool
) -> Sequence[Flowable]:
    day = data.received_at.date()
    if not slip:
        return [
            national_header(
                data.agency, form_set, st, width, day=day, document_number=data.document_number
            )
        ]
    # 72 mm is too narrow for the two header columns: stack them.
    return [
        *agency_block(data.agency, form_set, st, width, data.document_number),
        Spacer(1, st.size * 0.2),
        *motto_block(form_set, st, width, place=data.agency.place, day=day),
    ]


def render_receipt(data: ReceiptData, *, paper: str = "A4", form_set: str = "tt01-2018") -> FormPdf:
    """Render form 01 as PDF: "Liên 1: Lưu" and "Liên 2: Giao khách hàng".

    A4 and A5 print one copy per page; "80mm" prints both copies on one
    continuous slip with a cut line between them.
    """
    forms = load_form_set(form_set)
    spec = forms.form(FormKind.RECEIPT)
    geo = _GEOMETRY.get(paper)
    if geo is None:
        raise errors.printing_error(
            errors.UNSUPPORTED_PAPER, field="paper", paper=paper, available=", ".join(_GEOMETRY)
        )
    st = make_styles(geo.font_size, compact=geo.compact)
    slip = paper == "80mm"
    left, right, top, bottom = geo.margins
    width = SLIP_CONTENT_WIDTH if slip else paper_size(paper, ("A4", "A5"))[0] - left - right
    codes = _code_flowables(data, st, geo, width, slip)
    copies = [
        _copy(data, forms, spec, st, geo, width, key, slip, codes)
        for key in ("copy_keep", "copy_give")
    ]
    if slip:
        story: list[Flowable] = [
            *copies[0][0],
            *copies[0][1],
            CutLine(),
            *copies[1][0],
            *copies[1][1],
        ]
        height = sum(_height(f, width) for f in story) + top + bottom + 2 * mm
        pagesize = (SLIP_WIDTH, height)
    else:
        pagesize = paper_size(paper, ("A4", "A5"))
        page_height = pagesize[1] - top - bottom
        one, two = (_one_page(head, rest, width, page_height) for head, rest in copies)
        story = [*one, PageBreak(), *two]
    return build_pdf(
        story,
        pagesize=pagesize,
        margins=geo.margins,
        title=f"{spec.title.capitalize()} {data.dossier_code}",
        subject=f"{spec.number} - {forms.circular}",
        fonts=st.fonts,
        created=data.received_at,
    )


def _one_page(
    head: list[Flowable], rest: list[Flowable], width: float, height: float
) -> list[Flowable]:
    """One copy on one page whatever the procedure's name: below the barcode and
    the QR code (kept at full size, or a scanner may not read them) the text
    shrinks just enough to fit, when it must."""
    room = height - sum(_height(f, width) for f in head)
    return [*head, KeepInFrame(width, room, rest, mode="shrink")]


def _height(flowable: Flowable, width: float) -> float:
    _w, h = flowable.wrap(width, 10_000 * mm)
    return float(h + flowable.getSpaceBefore() + flowable.getSpaceAfter())
