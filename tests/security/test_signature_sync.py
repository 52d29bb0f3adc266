"""A signed copy reaches the centre as signed (issue 21, point 5): signed
before its first push, the centre takes the paper and its signed file whole
(checked by hash); a copy the centre already holds unsigned is not re-signed
at the desk, since the centre keeps a paper's file as it first arrived
(central c0010) and would refuse the change."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from asn1crypto import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from sqlalchemy import text

from counter_app.centre import files as central_files
from counter_app.domain.messages import UserError
from counter_app.services.signatures import SigningSession, sign_paper
from tests.conftest import Clock, login
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, start_token
from tests.sync.conftest import Centre
from tests.sync.paper_support import add_paper, small_pdf
from tests.sync.support import receive_many

DAY = datetime(2026, 11, 26, 8, 0)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


def _central_body(centre: Centre, uuid: str) -> dict:
    with centre.engine.connect() as conn:
        return conn.execute(
            text("SELECT body FROM central_records WHERE uuid = :u"), {"u": uuid}
        ).scalar_one()


def test_a_copy_signed_before_its_first_push_reaches_the_centre_signed(
    centre: Centre, env: TokenEnv
) -> None:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    early = add_paper(desk, code, small_pdf(90))
    late = add_paper(desk, code, small_pdf(150))
    signing = SigningSession(env.module)
    signing.unlock(USER_PIN, LABEL)
    signing.choose(next(c for c in signing.certificates() if c.label == "valid").fingerprint)
    clerk = login(desk.ctx, "tiepnhan")
    signed = sign_paper(desk.ctx, clerk, early.uuid, signing)

    report = desk.sync()
    assert report.push.refused == 0
    body = _central_body(centre, early.uuid)
    assert body["sha256"] == signed.paper.sha256
    assert body["unsigned_sha256"] == early.sha256 and body["signer_name"] == "Nguyễn Thị Lan"
    held = b"".join(central_files.PostgresFiles(centre.engine).read(signed.paper.sha256))
    assert held == desk.ctx.files.read(signed.paper.sha256)  # type: ignore[union-attr]
    (sig,) = PdfFileReader(io.BytesIO(held)).embedded_signatures
    roots = [x509.Certificate.load(env.pki.der(env.pki.root))]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=roots))
    assert status.intact and status.valid and status.trusted
    assert desk.ctx.files.has(early.sha256)  # type: ignore[union-attr]

    # The other copy went unsigned: the centre holds it so, and the desk says
    # why it will not sign it now, changing nothing.
    with pytest.raises(UserError, match="reached the centre unsigned"):
        sign_paper(desk.ctx, clerk, late.uuid, signing)
    assert _central_body(centre, late.uuid)["sha256"] == late.sha256
    again = desk.sync()
    assert again.push.refused == 0
    signing.forget()
