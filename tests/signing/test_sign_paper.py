"""Decree 118/2025 Art. 17(1)(c): the receiving official signs a stored
electronic copy with the token. The signed PDF becomes the copy's file, the
unsigned one stays in the store, the signer is recorded and audited; a token
pulled out half-way changes nothing."""

from __future__ import annotations

import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.papers import Origin
from counter_app.models import AuditEntry, DigitisedPaper, OutboxEntry, StoredFile
from counter_app.services import papers
from counter_app.services.papers import NewCopy
from counter_app.services.signatures import (
    SigningSession,
    pkcs11_module_setting,
    set_pkcs11_module,
    sign_paper,
)
from counter_app.signing.token import TokenGone
from tests.conftest import login
from tests.services.test_papers import BIRTH, _dossier
from tests.signing.test_sign import scan
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, remove_tokens, start_token


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


@pytest.fixture
def signing(env: TokenEnv):
    session = SigningSession(env.module)
    session.unlock(USER_PIN, LABEL)
    session.choose(next(c for c in session.certificates() if c.label == "valid").fingerprint)
    yield session
    session.forget()


def _copy(counter: Runtime) -> papers.PaperInfo:
    code = _dossier(counter)
    clerk = login(counter.ctx, "tiepnhan")
    return papers.add_copy(counter.ctx, clerk, NewCopy(code, scan(2), BIRTH, Origin.SCAN))


def test_a_signed_copy_keeps_its_unsigned_file_and_names_its_signer(
    counter: Runtime, signing: SigningSession
) -> None:
    info = _copy(counter)
    unsigned = counter.ctx.files.read(info.sha256)  # type: ignore[union-attr]
    clerk = login(counter.ctx, "tiepnhan")
    signed = sign_paper(counter.ctx, clerk, info.uuid, signing)

    assert signed.unsigned_sha256 == info.sha256 != signed.paper.sha256
    signed_pdf = counter.ctx.files.read(signed.paper.sha256)  # type: ignore[union-attr]
    assert signed_pdf.startswith(unsigned) and signed.paper.size == len(signed_pdf)
    (sig,) = PdfFileReader(io.BytesIO(signed_pdf)).embedded_signatures
    assert sig.signer_cert.subject.native["common_name"] == "Nguyễn Thị Lan"
    assert counter.ctx.files.read(info.sha256) == unsigned  # type: ignore[union-attr]
    with counter.ctx.sessions() as s:
        row = s.scalar(select(DigitisedPaper).where(DigitisedPaper.uuid == info.uuid))
        assert row is not None
        assert (row.unsigned_sha256, row.signer_name) == (info.sha256, "Nguyễn Thị Lan")
        assert row.signer_serial == signing.chosen.serial  # type: ignore[union-attr]
        assert row.signer_fingerprint == signing.chosen.fingerprint  # type: ignore[union-attr]
        assert row.signed_at is not None
        assert {info.sha256, signed.paper.sha256} <= set(s.scalars(select(StoredFile.sha256)))
        audit = s.scalar(select(AuditEntry).where(AuditEntry.event == "paper.signed"))
        assert audit is not None and audit.details["paper"] == info.uuid
        # The outbox carries the signed version: the centre first hears of it signed.
        last = s.scalar(
            select(OutboxEntry)
            .where(OutboxEntry.row_uuid == info.uuid)
            .order_by(OutboxEntry.seq.desc())
            .limit(1)
        )
        assert last is not None and last.payload["sha256"] == signed.paper.sha256
        assert last.payload["unsigned_sha256"] == info.sha256

    with pytest.raises(UserError, match="signed already by Nguyễn Thị Lan"):
        sign_paper(counter.ctx, clerk, info.uuid, signing)


def test_a_token_pulled_out_while_signing_a_copy_changes_nothing(
    counter: Runtime, signing: SigningSession, env: TokenEnv
) -> None:
    info = _copy(counter)
    before = sorted(p.name for p in counter.ctx.files.root.rglob("*") if p.is_file())  # type: ignore[union-attr]
    remove_tokens(env.tmp)  # gone for good: later tests of this module open no token
    with pytest.raises(TokenGone):
        sign_paper(counter.ctx, login(counter.ctx, "tiepnhan"), info.uuid, signing)
    after = sorted(p.name for p in counter.ctx.files.root.rglob("*") if p.is_file())  # type: ignore[union-attr]
    assert after == before
    with counter.ctx.sessions() as s:
        row = s.scalar(select(DigitisedPaper).where(DigitisedPaper.uuid == info.uuid))
        assert row is not None and row.sha256 == info.sha256 and row.signed_at is None


def test_the_token_driver_is_a_desk_setting_the_environment_overrides(
    counter: Runtime, env: TokenEnv, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COUNTER_APP_PKCS11_MODULE", raising=False)
    admin = login(counter.ctx, "quantri")
    with pytest.raises(UserError, match="No token driver"):
        SigningSession.configured(counter.ctx)
    with pytest.raises(UserError, match="was not found"):
        set_pkcs11_module(counter.ctx, admin, str(tmp_path / "vnptca_p11.dll"))
    assert pkcs11_module_setting(counter.ctx) == ""
    set_pkcs11_module(counter.ctx, admin, str(env.module))
    assert SigningSession.configured(counter.ctx).module == env.module
    monkeypatch.setenv("COUNTER_APP_PKCS11_MODULE", str(tmp_path / "other.so"))
    with pytest.raises(UserError, match="was not found"):
        SigningSession.configured(counter.ctx)  # the environment wins, and is checked
