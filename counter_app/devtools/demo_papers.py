"""The demo's electronic dossier (Decree 118/2025 Art. 17(1)(b), 17(1)(c),
19(2)): the morning's dossier has each paper scanned with its data; when the
same citizen comes back for another procedure, the papers already held are
taken instead of asked for again, and only the new one is scanned."""

from __future__ import annotations

import io
from collections.abc import Iterator

from PIL import Image, ImageDraw, ImageFont

from counter_app.app_setup import Runtime
from counter_app.devtools.demo_parts import Printer, ScriptedClock, line, typed_fee
from counter_app.domain.papers import Origin, PaperData
from counter_app.domain.procedure import ProcedureSpec
from counter_app.domain.validation import ApplicantInput
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.paper import FormKind
from counter_app.paper.fonts import register_fonts
from counter_app.services import dossiers, paper_ocr, papers
from counter_app.services.papers import NewCopy, Reuse


def scanned_page(title: str, holder: str) -> bytes:
    """An A4 page at 100 dpi in greys, as a desk scanner gives it: the paper's
    name and holder in a Vietnamese font, a frame and a few lines of 'text'."""
    page = Image.new("L", (827, 1169), 246)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(register_fonts().files[0], 26)
    draw.rectangle((40, 40, 787, 1129), outline=60, width=3)
    draw.text((80, 90), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fill=20, font=font)
    draw.text((80, 180), title[:48], fill=10, font=font)
    draw.text((80, 240), holder, fill=30, font=font)
    for y in range(320, 1000, 36):
        draw.line((80, y, 740, y), fill=170, width=2)
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()


def electronic_dossier(
    rt: Runtime, clock: ScriptedClock, printer: Printer, multi: ProcedureSpec, first: str
) -> Iterator[str]:
    """``first``: the morning's dossier of the citizen coming back now."""
    actor = printer.actor
    held = dossiers.get_dossier(rt.ctx, first)
    person = applicant = held.row
    clock.at(16, 10)
    read_words = 0
    for doc in held.documents:
        data = PaperData(
            doc_type_code="GT.TK" if "khai" in doc.name.lower() else "GT.KHAC",
            document_name=doc.name,
            holder_id_number=person.applicant_id_number,
            summary=f"{doc.name} của {person.applicant_name}",
        )
        pdf = images_to_pdf([scanned_page(doc.name, person.applicant_name)])
        text = ""
        if paper_ocr.unavailable() is None:
            # The copy made searchable, as the desk's "Nhận dạng chữ" does.
            reading = paper_ocr.read_copy(pdf)
            pdf, text = reading.pdf, reading.text
            read_words += len(text.split())
        papers.add_copy(
            rt.ctx,
            actor,
            NewCopy(first, pdf, data, Origin.SCAN, component=doc.position, ocr_text=text),
        )
    # Back before closing time for a second one of the same procedure (another
    # purpose): the papers held are offered and taken for the lines naming them.
    clock.at(16, 30)
    offered = papers.held_for(rt.ctx, person.applicant_id_number)
    names = {d.name for d in multi.documents if d.mandatory}
    taken = tuple(
        Reuse(p.uuid, p.data.document_name) for p in offered if p.data.document_name in names
    )
    again = dossiers.receive(
        rt.ctx,
        actor,
        dossiers.ReceiveRequest(
            multi.code,
            ApplicantInput(
                full_name=applicant.applicant_name,
                id_number=applicant.applicant_id_number,
                phone=applicant.applicant_phone,
            ),
            fee_amount=typed_fee(multi),
            reuse=taken,
        ),
    )
    copies = papers.list_papers(rt.ctx, again.code)
    pdfs = [printer.print(again.code, FormKind.RECEIPT)]
    yield line(
        again,
        {
            "digitised_first": len(held.documents),
            "reused": sum(1 for c in copies if c.origin is Origin.REUSE),
            "ocr_words": read_words,
            "pdfs": pdfs,
        },
    )
