"""Issue 21 points 1 and 4: the forms the desk issues, signed with the
official's own token (SoftHSM2, the test CA) when they choose. The visible
block sits in the form's signature place for the official, the signed PDF is
kept in the dossier as a form (not a citizen's paper), and a receipt's paper
names its signed copy by hash in its QR code, read back by a real decoder."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pikepdf
import pypdf
import pytest
from PIL import Image
from sqlalchemy import func, select

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.papers import Origin, PaperRole
from counter_app.domain.workflow import Action
from counter_app.models import DigitisedPaper, PrintJob, SignatureExtension
from counter_app.paper import FormKind, parse_qr_payload
from counter_app.paper.places import SignaturePlace, place_of
from counter_app.reports.definitions import Period
from counter_app.reports.digitisation import TOTAL
from counter_app.services import papers
from counter_app.services.digitisation_reports import counter_digitisation
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    receive,
    resolve_on_the_spot,
    take_step,
)
from counter_app.services.print_jobs import (
    PrintResult,
    form_pdf,
    print_form,
    signed_form,
    step_with_form,
    token_signer,
)
from counter_app.services.signatures import SigningSession
from counter_app.signing.token import TokenGone
from counter_app.signing.verify import Verdict, trust_anchors, verify_pdf
from tests.conftest import PROVINCE_FEE, Clock, login
from tests.printing import conftest as printing_fixtures
from tests.printing.conftest import decode
from tests.printing.test_dossier_forms import CITIZEN, to_file
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, remove_tokens, start_token

# The printing tests' fixtures: each page as a scanner sees it, each page's text.
pages_as_images = printing_fixtures.pages_as_images
pdf_text = printing_fixtures.pdf_text


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


def _session(env: TokenEnv, label: str = "valid") -> SigningSession:
    session = SigningSession(env.module)
    session.unlock(USER_PIN, LABEL)
    session.choose(next(c for c in session.certificates() if c.label == label).fingerprint)
    return session


@pytest.fixture
def signing(env: TokenEnv):
    session = _session(env)
    yield session
    session.forget()


def _received(counter: Runtime, who: str = "tiepnhan", procedure: str = "1.004873") -> str:
    fee = PROVINCE_FEE if procedure == "1.004873" else None
    request = ReceiveRequest(procedure, CITIZEN, fee_amount=fee) if fee else None
    return receive(
        counter.ctx, login(counter.ctx, who), request or ReceiveRequest(procedure, CITIZEN)
    ).code


def _refused(counter: Runtime, clock: Clock) -> str:
    ctx = counter.ctx
    code = _received(counter)
    clock.now = datetime(2026, 11, 27, 10, 0)
    for who, action in (("thamdinh", Action.START_APPRAISAL), ("thamdinh", Action.APPRAISE)):
        take_step(ctx, login(ctx, who), code, StepRequest(action))
    take_step(ctx, login(ctx, "phochutich"), code, StepRequest(Action.REFUSE, note="Không đủ"))
    return code


def _slip_ready(counter: Runtime, clock: Clock) -> str:
    code = _received(counter, "motcua", "2.000815")
    clock.now = datetime(2026, 11, 26, 9, 10)
    ctx = counter.ctx
    resolve_on_the_spot(ctx, login(ctx, "motcua"), code, approver=login(ctx, "phochutich"))
    return code


def _withdrawn(counter: Runtime, clock: Clock) -> str:
    code = _received(counter)
    take_step(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        code,
        StepRequest(Action.WITHDRAW, note="Xin rút"),
    )
    return code


_STEPS = {
    FormKind.SUPPLEMENT: StepRequest(
        Action.REQUEST_SUPPLEMENT, note="Thiếu giấy tờ", items=("Giấy xác nhận cư trú",)
    ),
    FormKind.APOLOGY: StepRequest(
        Action.APOLOGISE, note="Cần xác minh thêm", new_appointment=datetime(2026, 12, 4, 16, 0)
    ),
}


def _sign_kind(
    counter: Runtime, clock: Clock, signing: SigningSession, kind: FormKind, path: Path
) -> tuple[PrintResult, bytes]:
    """Print form ``kind`` of a dossier it belongs to, signed; with the unsigned form."""
    ctx, clerk = counter.ctx, login(counter.ctx, "tiepnhan")
    sign = token_signer(signing)
    if kind in _STEPS:
        code = _received(counter)
        if kind is FormKind.APOLOGY:
            clock.now = datetime(2026, 12, 2, 8, 0)
        result = step_with_form(ctx, clerk, code, _STEPS[kind], kind, to_file(path), sign=sign)
        return result, result.pdf
    make = {
        FormKind.RECEIPT: lambda: _received(counter),
        FormKind.REFUSAL: lambda: _refused(counter, clock),
        FormKind.CONTROL_SLIP: lambda: _slip_ready(counter, clock),
        FormKind.STOP_NOTICE: lambda: _withdrawn(counter, clock),
    }
    code = make[kind]()
    unsigned = form_pdf(ctx, code, kind)
    return print_form(ctx, clerk, code, kind, to_file(path), sign=sign), unsigned


def _rect(pdf: bytes) -> tuple[int, list[float], list[float]]:
    """The signature widget's page, its /Rect and that page's MediaBox."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages):
            for annot in page.obj.get("/Annots", []):
                if annot.get("/FT") == "/Sig":
                    return number, [float(v) for v in annot.Rect], [float(v) for v in page.MediaBox]
    raise AssertionError("no signature widget")


def _name_below(pdf: bytes, page: int, name: str) -> tuple[float, float]:
    """Where the official's printed name is (x, y in page points): under the signature place."""
    found: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if name in text:
            # The text matrix in the current matrix: the name's start on the page.
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append((x, y))

    pypdf.PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    assert found, f"{name} is not on the page"
    return found[0]


@pytest.mark.parametrize(
    "kind",
    [
        FormKind.RECEIPT,
        FormKind.SUPPLEMENT,
        FormKind.REFUSAL,
        FormKind.APOLOGY,
        FormKind.CONTROL_SLIP,
        FormKind.STOP_NOTICE,
    ],
)
def test_each_form_is_signed_in_its_officials_place_and_kept_as_a_form(
    counter: Runtime,
    clock: Clock,
    env: TokenEnv,
    signing: SigningSession,
    tmp_path: Path,
    kind: FormKind,
) -> None:
    result, unsigned = _sign_kind(counter, clock, signing, kind, tmp_path / "form.pdf")
    kept = result.signed
    assert kept is not None
    assert (kept.role, kept.origin) == (PaperRole.FORM, Origin.ISSUED)
    assert kept.signer_name == "Nguyễn Thị Lan" and kept.component is None
    with counter.ctx.sessions() as s:  # the sync round extends it to B-LT when it can
        assert s.get(SignatureExtension, kept.uuid) is not None
    assert kept.data.doc_type_code.startswith("BM.") and kept.data.document_name
    stored = counter.ctx.files.read(kept.sha256)  # type: ignore[union-attr]
    assert hashlib.sha256(stored).hexdigest() == kept.sha256
    # The electronic form is the very form, signed: its first revision is the unsigned PDF
    assert stored.startswith(unsigned)
    (report,) = verify_pdf(stored, trust_anchors(env.trust_dir))
    assert report.intact and report.verdict is Verdict.GOOD
    assert report.signer == "Nguyễn Thị Lan"
    # The visible block lies on the page, over the official's signature place
    page, rect, media = _rect(stored)
    place = place_of(unsigned)
    assert isinstance(place, SignaturePlace) and page == place.page
    assert media[0] <= rect[0] < rect[2] <= media[2] and media[1] <= rect[1] < rect[3] <= media[3]
    assert [abs(a - b) <= 1 for a, b in zip(rect, place_box(place), strict=True)] == [True] * 4
    official = "Nông Văn Kính" if kind in (FormKind.APOLOGY, FormKind.STOP_NOTICE) else None
    name = official or ("Lê Thị Hạnh" if kind is FormKind.CONTROL_SLIP else "Hoàng Thị Mai")
    x, y = _name_below(stored, page, name)
    # The official's name is printed just under the block, within its width
    assert rect[0] - 5 <= x <= rect[2] and rect[1] - 30 <= y <= rect[1]


def place_box(place: SignaturePlace) -> list[float]:
    return [place.x1, place.y1, place.x2, place.y2]


def test_a_signed_receipts_paper_names_its_signed_copy_in_its_qr_code(
    counter: Runtime,
    clock: Clock,
    signing: SigningSession,
    tmp_path: Path,
    pages_as_images: Callable[[bytes, int], list[Image.Image]],
    pdf_text: Callable[[bytes], list[str]],
) -> None:
    result, _unsigned = _sign_kind(counter, clock, signing, FormKind.RECEIPT, tmp_path / "01.pdf")
    assert result.signed is not None
    stored = counter.ctx.files.read(result.signed.sha256)  # type: ignore[union-attr]
    sha = hashlib.sha256(stored).hexdigest()
    # The paper that went to the printer (the file sink) is the receipt with KS
    printed = (tmp_path / "01.pdf").read_bytes()
    assert printed == result.pdf
    qrs = [
        text
        for page in pages_as_images(printed, 200)
        for fmt, text in decode(page)
        if fmt == "QRCode"
    ]
    assert len(qrs) == 2  # one on each copy
    for text in qrs:
        payload = parse_qr_payload(text)
        assert payload.signed_sha256 == sha and payload.dossier_code == result.code
        assert "020185000123" not in text and "Đoàn" not in text
    assert f"Bản điện tử đã ký số: {sha[:16]}…" in " ".join(pdf_text(printed))
    # The signed original's own QR names no hash (a file cannot hold its own)
    with_ks = [t for page in pages_as_images(stored, 200) for _f, t in decode(page) if "KS:" in t]
    assert with_ks == []
    # The desk finds the signed copy again from the hash a scanned receipt gives
    found = signed_form(counter.ctx, result.code, sha)
    assert found is not None and found.uuid == result.signed.uuid
    assert signed_form(counter.ctx, result.code, "0" * 64) is None


def test_signed_forms_are_not_citizens_papers(
    counter: Runtime, clock: Clock, signing: SigningSession, tmp_path: Path
) -> None:
    result, _ = _sign_kind(counter, clock, signing, FormKind.RECEIPT, tmp_path / "01.pdf")
    ctx = counter.ctx
    period = Period(date(2026, 11, 1), date(2026, 11, 30))
    figures = counter_digitisation(ctx, period)[TOTAL]
    assert (figures.papers_added, figures.digitised_at_reception) == (0, 0)
    # Not offered for reuse, not found as a paper
    assert papers.held_for(ctx, CITIZEN.id_number) == []
    assert papers.search(ctx, "giấy tiếp nhận") == []
    # In the dossier's list, as a form
    listed = papers.list_papers(ctx, result.code)
    assert [(p.role, p.origin) for p in listed] == [(PaperRole.FORM, Origin.ISSUED)]


def _counts(counter: Runtime) -> tuple[int, int]:
    with counter.ctx.sessions() as s:
        jobs = s.scalar(select(func.count(PrintJob.id))) or 0
        rows = s.scalar(select(func.count(DigitisedPaper.id))) or 0
    return jobs, rows


def test_a_refused_signature_prints_and_records_nothing(
    counter: Runtime, clock: Clock, env: TokenEnv, tmp_path: Path
) -> None:
    code = _received(counter)
    expired = _session(env, "expired")
    sink_path = tmp_path / "01.pdf"
    before = _counts(counter)
    with pytest.raises(UserError, match="expired on 15/03/2024"):
        print_form(
            counter.ctx,
            login(counter.ctx, "tiepnhan"),
            code,
            FormKind.RECEIPT,
            to_file(sink_path),
            sign=token_signer(expired),
        )
    expired.forget()
    supplement = _STEPS[FormKind.SUPPLEMENT]
    pulled = _session(env)
    remove_tokens(env.tmp)  # the token pulled out: later tests of this module open none
    with pytest.raises(TokenGone):
        step_with_form(
            counter.ctx,
            login(counter.ctx, "tiepnhan"),
            code,
            supplement,
            FormKind.SUPPLEMENT,
            to_file(sink_path),
            sign=token_signer(pulled),
        )
    assert not sink_path.exists()
    assert _counts(counter) == before
