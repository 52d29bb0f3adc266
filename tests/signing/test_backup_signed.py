"""Issue 21, point 5: a signature survives backups. A copy signed on the
token (B-B) and one extended to B-LT are backed up, the data folder loses its
files, the backup is restored: the same bytes come back and still verify."""

from __future__ import annotations

from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from sqlalchemy import select

from counter_app.app_setup import Runtime, open_runtime
from counter_app.domain.papers import Origin
from counter_app.files.store import files_dir
from counter_app.models import DigitisedPaper
from counter_app.services import backups, papers
from counter_app.services.papers import NewCopy
from counter_app.services.signatures import SigningSession, sign_paper
from counter_app.signing import ltv
from counter_app.signing.ltv import Revocation
from counter_app.signing.verify import Verdict, verify_pdf
from counter_app.sync.signature_extension import extend_queued
from tests.conftest import login
from tests.services.test_papers import BIRTH, _dossier
from tests.signing.pki import fixtures
from tests.signing.pki.server import TestPki
from tests.signing.test_sign import scan
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, start_token

test_pki = fixtures.test_pki


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


def _copy(rt: Runtime) -> str:
    clerk = login(rt.ctx, "tiepnhan")
    return papers.add_copy(rt.ctx, clerk, NewCopy(_dossier(rt), scan(1), BIRTH, Origin.SCAN)).uuid


def _files(rt: Runtime) -> dict[str, bytes]:
    """Each paper's file as the desk holds it, by paper uuid."""
    with rt.ctx.sessions() as s:
        rows = s.execute(select(DigitisedPaper.uuid, DigitisedPaper.sha256)).all()
    return {uuid: rt.ctx.files.read(sha) for uuid, sha in rows}  # type: ignore[union-attr]


def test_signed_copies_come_back_from_a_backup_byte_for_byte_and_verify(
    counter: Runtime,
    env: TokenEnv,
    test_pki: TestPki,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = counter.data_dir
    clerk = login(counter.ctx, "tiepnhan")
    # On the official's token, offline: PAdES B-B.
    token = SigningSession(env.module)
    token.unlock(USER_PIN, LABEL)
    token.choose(next(c for c in token.certificates() if c.label == "valid").fingerprint)
    on_token = sign_paper(counter.ctx, clerk, _copy(counter), token).paper.uuid
    token.forget()
    # Signed offline, then extended to B-LT by a round's extension step.
    extended = sign_paper(counter.ctx, clerk, _copy(counter), test_pki.signer("official"))
    monkeypatch.setenv("COUNTER_APP_TSA_URL", test_pki.tsa_url)
    test_pki.write_root(tmp_path / "trust")
    assert extend_queued(counter.ctx, tmp_path).extended == 1
    before = _files(counter)
    assert ltv.is_extended(before[extended.paper.uuid])

    generation = backups.back_up(data, "manual")[0]
    counter.close()
    # WHEN the data folder lost every file and the backup is restored
    for path in files_dir(data).rglob("*"):
        if path.is_file():
            path.unlink()
    backups.restore(data, generation)

    rt = open_runtime(data)
    try:
        after = _files(rt)
    finally:
        rt.close()
    # THEN each signed copy is back with the very bytes that were signed
    assert after == before
    token_root = asn1_x509.Certificate.load(env.pki.der(env.pki.root))
    [on_token_report] = verify_pdf(after[on_token], [token_root])
    assert on_token_report.verdict is Verdict.GOOD, on_token_report
    assert on_token_report.signer == "Nguyễn Thị Lan"
    signature, *_stamp = verify_pdf(after[extended.paper.uuid], [test_pki.root()])
    assert signature.intact and not signature.changed_after, signature
    # and the B-LT copy still answers for its certificate with no network
    [state] = ltv.revocation_status(after[extended.paper.uuid], [test_pki.root()], online=False)
    assert state.status is Revocation.GOOD, state.detail
