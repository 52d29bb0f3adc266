"""Issue 21 points 1 and 5: a signed form kept in the dossier reaches the
centre (a real PostgreSQL) as a paper row of role 'form', origin 'issued',
and its file arrives byte for byte; the centre's SQL check and the desk's
enums name the same roles and origins."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.centre.migrations.versions import c0013_signed_forms as c0013
from counter_app.domain.papers import Origin, PaperRole
from counter_app.paper import FormKind
from counter_app.services.print_jobs import print_form, token_signer
from counter_app.services.signatures import SigningSession
from tests.conftest import Clock, login
from tests.printing.test_dossier_forms import to_file
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, start_token
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import Centre
from tests.sync.support import receive_many

# The sync tests' central database.
central_url, centre = sync_fixtures.central_url, sync_fixtures.centre
DAY = datetime(2026, 11, 26, 8, 0)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


def test_the_centres_check_and_the_desk_name_the_same_roles_and_origins() -> None:
    assert set(c0013.ROLES) == {r.value for r in PaperRole}
    assert set(c0013.ORIGINS) == {o.value for o in Origin}


def test_a_signed_receipt_syncs_with_its_file_unchanged(
    centre: Centre, env: TokenEnv, tmp_path: Path
) -> None:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    session = SigningSession(env.module)
    session.unlock(USER_PIN, LABEL)
    session.choose(next(c for c in session.certificates() if c.label == "valid").fingerprint)
    result = print_form(
        desk.ctx,
        login(desk.ctx, "tiepnhan"),
        code,
        FormKind.RECEIPT,
        to_file(tmp_path / "01.pdf"),
        sign=token_signer(session),
    )
    session.forget()
    assert result.signed is not None
    signed = desk.ctx.files.read(result.signed.sha256)  # type: ignore[union-attr]

    report = desk.sync()
    assert report.push.refused == 0 and report.files.confirmed == 1
    body = centre.scalar(
        "SELECT body FROM central_records WHERE kind = 'paper' AND uuid = :u",
        u=result.signed.uuid,
    )
    assert isinstance(body, dict)
    assert (body["role"], body["origin"]) == ("form", "issued")
    assert body["sha256"] == hashlib.sha256(signed).hexdigest()
    assert body["signer_name"] == "Nguyễn Thị Lan"
    held = centre.scalar(
        "SELECT string_agg(data, ''::bytea ORDER BY n) FROM central_file_chunks WHERE sha256 = :s",
        s=result.signed.sha256,
    )
    assert bytes(held) == signed  # type: ignore[arg-type]
