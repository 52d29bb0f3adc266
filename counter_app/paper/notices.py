"""Forms 02-05: supplement request, refusal, apology, stop notice."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from reportlab.platypus import Flowable, Paragraph, Spacer

from counter_app.paper.blocks import (
    datetime_text,
    form_reference,
    identity_line,
    national_header,
    signature_block,
    title_paragraph,
)
from counter_app.paper.data import (
    AgencyInfo,
    ApologyData,
    Applicant,
    RefusalData,
    SignerInfo,
    StopNoticeData,
    SupplementData,
)
from counter_app.paper.flowables import plain_table
from counter_app.paper.formset import FormKind, FormSet, FormSpec, load_form_set
from counter_app.paper.layout import PageSetup, build_pdf, page_setup
from counter_app.paper.styles import Styles, make_styles
from counter_app.paper.text import esc, short_date


def _base_values(agency: AgencyInfo, applicant: Applicant, request: str) -> dict[str, object]:
    return {
        **agency.placeholders(),
        "applicant_name": applicant.name,
        "address": applicant.address,
        "phone": applicant.phone,
        "email": applicant.email,
        "request": request,
    }


def _start(
    spec: FormSpec,
    forms: FormSet,
    setup: PageSetup,
    agency: AgencyInfo,
    issued_at: datetime,
    document_number: str,
) -> tuple[list[Flowable], Styles]:
    st = make_styles(setup.font_size, compact=setup.compact)
    story: list[Flowable] = [
        form_reference(spec, forms, st),
        Spacer(1, st.size * 0.3),
        national_header(
            agency, forms, st, setup.width, day=issued_at.date(), document_number=document_number
        ),
        title_paragraph(spec.title, st, setup.width),
    ]
    return story, st


def _lines(
    spec: FormSpec, keys: Iterable[str], values: Mapping[str, object], st: Styles
) -> list[Flowable]:
    return [Paragraph(spec.text(key, **values), st.body) for key in keys]


def _finish(
    story: list[Flowable],
    spec: FormSpec,
    forms: FormSet,
    setup: PageSetup,
    st: Styles,
    code: str,
    issued_at: datetime,
) -> bytes:
    return build_pdf(
        story,
        pagesize=setup.size,
        margins=setup.margins,
        title=f"{spec.title.capitalize()} {code}".strip(),
        subject=f"{spec.number} - {forms.circular}",
        fonts=st.fonts,
        created=issued_at,
    )


def _code_line(spec: FormSpec, code: str, st: Styles) -> list[Flowable]:
    if not code:
        return []
    return [Paragraph(f"<b>{spec.text('code', dossier_code=code)}</b>", st.center)]


def render_supplement(
    data: SupplementData, *, paper: str = "A4", form_set: str = "tt01-2018"
) -> bytes:
    """Form 02: the one-time, complete written list of what to supplement."""
    forms = load_form_set(form_set)
    spec = forms.form(FormKind.SUPPLEMENT)
    setup = page_setup(paper)
    # Form 02 has its "Số: …" line; a paper form leaves it blank for the unit to fill.
    document_number = data.document_number or "……………"
    story, st = _start(spec, forms, setup, data.agency, data.issued_at, document_number)
    values = _base_values(data.agency, data.applicant, data.request)
    phone = data.contact_phone or data.agency.phone
    values.update(reason=data.reason, officer=data.officer, contact_phone=phone)
    story += _code_line(spec, data.dossier_code, st)
    story += _lines(spec, ("applicant",), values, st)
    story += [Paragraph(line, st.body) for line in identity_line(forms, data.applicant)]
    story += _lines(spec, ("request", "address", "contact", "items"), values, st)
    for number, item in enumerate(data.items, start=1):
        key = "item_detail" if item.detail else "item"
        text = spec.text(key, no=number, name=item.name, detail=item.detail)
        story.append(Paragraph(text, st.body))
    # A line whose data the desk does not have is left out, never printed as
    # an empty label for the citizen to puzzle over.
    reason = ("reason",) if data.reason.strip() else ()
    closing = "closing" if phone else "closing_no_phone"
    story += _lines(spec, (*reason, closing), values, st)
    story.append(Spacer(1, st.size))
    hint = str(forms.common["sign_hint"])
    story.append(
        signature_block(
            [("", "", ""), (spec.texts["sign_right"], hint, data.officer)],
            st,
            setup.width,
            space=setup.signature_space,
            sign_at=1,
        )
    )
    return _finish(story, spec, forms, setup, st, data.dossier_code, data.issued_at)


def render_refusal(data: RefusalData, *, paper: str = "A4", form_set: str = "tt01-2018") -> bytes:
    """Form 03: refusal to accept the dossier, with the specific reason."""
    forms = load_form_set(form_set)
    spec = forms.form(FormKind.REFUSAL)
    setup = page_setup(paper)
    story, st = _start(spec, forms, setup, data.agency, data.issued_at, data.document_number)
    values = _base_values(data.agency, data.applicant, data.request)
    values.update(reason=data.reason)
    story += _code_line(spec, data.dossier_code, st)
    story += _lines(spec, ("applicant",), values, st)
    story += [Paragraph(line, st.body) for line in identity_line(forms, data.applicant)]
    story += _lines(spec, ("address", "contact", "request", "decision"), values, st)
    story.append(Paragraph(spec.text("reason", **values), st.body_justified))
    story += _lines(spec, ("closing",), values, st)
    story.append(Spacer(1, st.size))
    hint = str(forms.common["sign_hint"])
    story.append(
        signature_block(
            [
                (spec.texts["sign_left"], hint, data.applicant.signer),
                (spec.texts["sign_right"], hint, data.officer),
            ],
            st,
            setup.width,
            space=setup.signature_space,
            sign_at=1,
        )
    )
    return _finish(story, spec, forms, setup, st, data.dossier_code, data.issued_at)


def _letter_end(
    forms: FormSet,
    st: Styles,
    setup: PageSetup,
    signer: SignerInfo,
    recipients: Sequence[str],
) -> Flowable:
    """ "Nơi nhận" on the left, the signer (title, seal hint, name) on the right."""
    lines = list(recipients) or [str(line) for line in forms.common["recipients_default"]]
    left: list[Flowable] = [
        Paragraph(f"<b><i>{esc(str(forms.common['recipients_title']))}</i></b>", st.small)
    ]
    left += [Paragraph(esc(line), st.small) for line in lines]
    half = setup.width / 2
    right = signature_block(
        [(signer.title, str(forms.common["seal_hint"]), signer.name)],
        st,
        half,
        space=setup.signature_space,
        sign_at=0,
    )
    return plain_table(st.fonts.regular, [[left, right]], [half, half], padding=0)


def _render_letter(
    data: ApologyData | StopNoticeData,
    kind: FormKind,
    paper: str,
    form_set: str,
    extra: Mapping[str, object],
    body_keys: Sequence[str],
) -> bytes:
    """A letter signed for the agency: salutation, body, "Nơi nhận" and signer."""
    forms = load_form_set(form_set)
    spec = forms.form(kind)
    setup = page_setup(paper)
    story, st = _start(spec, forms, setup, data.agency, data.issued_at, data.document_number)
    values = _base_values(data.agency, data.applicant, data.request)
    values.update(
        dossier_code=data.dossier_code,
        received_date=short_date(data.received_at.date()),
        reason=data.reason,
        **extra,
    )
    story += [
        Spacer(1, st.size * 0.3),
        Paragraph(spec.text("salutation", **values), st.center),
        Spacer(1, st.size * 0.3),
    ]
    story += [Paragraph(spec.text(key, **values), st.body_justified) for key in body_keys]
    story.append(Spacer(1, st.size))
    story.append(_letter_end(forms, st, setup, data.signer, data.recipients))
    return _finish(story, spec, forms, setup, st, data.dossier_code, data.issued_at)


def render_apology(data: ApologyData, *, paper: str = "A4", form_set: str = "tt01-2018") -> bytes:
    """Form 04: apology and new appointment (TT01) or request to extend (TT03)."""
    forms = load_form_set(form_set)
    extra = {
        "appointment": short_date(data.appointment.date()),
        "new_appointment": datetime_text(forms, data.new_appointment),
    }
    keys = ("intro", "code", "request", "appointment", "late", "reason", "apology", "closing")
    return _render_letter(data, FormKind.APOLOGY, paper, form_set, extra, keys)


def render_stop_notice(
    data: StopNoticeData, *, paper: str = "A4", form_set: str = "tt03-2025"
) -> bytes:
    """Form 05 of TT03/2025: notice that handling of the dossier stops.

    Form sets without this form (TT01/2018) raise UserError.
    """
    keys = ("intro", "code", "request", "decision", "reason", "closing")
    return _render_letter(data, FormKind.STOP_NOTICE, paper, form_set, {}, keys)
