"""Issue 21, point 1: a signature made offline (PAdES B-B) is extended once
the link returns, queued like other outgoing work. A real sync round against
a real PostgreSQL centre, the test PKI's timestamp server and OCSP responder
on loopback (tests/signing/pki)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.centre import files as central_files
from counter_app.domain.papers import Origin
from counter_app.models import DigitisedPaper, SignatureExtension, StoredFile
from counter_app.services import papers
from counter_app.services.papers import NewCopy
from counter_app.services.signatures import set_tsa_url, sign_paper
from counter_app.signing import ltv
from counter_app.signing.ltv import Revocation
from counter_app.sync.service import status
from counter_app.sync.signature_extension import extend_queued, waiting
from counter_app.ui.sync_status import SyncStatusBar
from tests.conftest import PASSWORD, Clock, login
from tests.services.test_papers import _dossier
from tests.signing.pki import fixtures
from tests.signing.pki.server import TestPki
from tests.signing.test_sign import scan
from tests.sync.conftest import Centre, Desk, central_url, centre
from tests.sync.paper_support import BIRTH, add_paper
from tests.sync.support import receive_many, run_cli

test_pki = fixtures.test_pki
# The sync tests' real PostgreSQL centre, a fresh database per test.
centre = centre
central_url = central_url
DAY = datetime(2026, 11, 26, 8, 0)


@pytest.fixture(autouse=True)
def _desk_trust(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each desk's own folder (<data dir>/trust) holds its roots, as installed.
    monkeypatch.delenv("COUNTER_APP_TRUST_DIR", raising=False)
    monkeypatch.delenv("COUNTER_APP_TSA_URL", raising=False)


def _linked_desk(centre: Centre, pki: TestPki, monkeypatch: pytest.MonkeyPatch) -> Desk:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    pki.write_root(desk.directory / "trust")
    # The centre's officials have no desk administrator: the environment names it.
    monkeypatch.setenv("COUNTER_APP_TSA_URL", pki.tsa_url)
    return desk


def _signed_paper(rt: Runtime, code: str, pki: TestPki, label: str) -> str:
    """A scanned copy signed at reception with no network: PAdES B-B."""
    clerk = login(rt.ctx, "tiepnhan")
    info = papers.add_copy(rt.ctx, clerk, NewCopy(code, scan(1), BIRTH, Origin.SCAN))
    return sign_paper(rt.ctx, clerk, info.uuid, pki.signer(label)).paper.uuid


def _row(desk_ctx, uuid: str) -> DigitisedPaper:  # type: ignore[no-untyped-def]
    with desk_ctx.sessions() as s:
        row = s.scalar(select(DigitisedPaper).where(DigitisedPaper.uuid == uuid))
        assert row is not None
        s.expunge(row)
        return row


def _at_centre(centre: Centre, uuid: str) -> tuple[str, bytes]:
    sha = str(
        centre.scalar("SELECT body ->> 'sha256' FROM central_records WHERE uuid = :u", u=uuid)
    )
    return sha, b"".join(central_files.PostgresFiles(centre.engine).read(sha))


def _b_lt_everywhere(centre: Centre, desk: Desk, uuid: str, pki: TestPki) -> bytes:
    row = _row(desk.ctx, uuid)
    here = desk.ctx.files.read(row.sha256)  # type: ignore[union-attr]
    assert ltv.is_extended(here) and hashlib.sha256(here).hexdigest() == row.sha256
    sha, there = _at_centre(centre, uuid)
    # The centre stores the bytes as sent: they hash to the row's sha256.
    assert sha == row.sha256 == hashlib.sha256(there).hexdigest()
    assert there == here
    # The file alone answers for the certificate: no network needed.
    [state] = ltv.revocation_status(there, [pki.root()], online=False)
    assert state.status is Revocation.GOOD, state.detail
    return here


def test_a_copy_signed_offline_is_b_lt_at_the_desk_and_the_centre_after_a_round(
    centre: Centre, test_pki: TestPki, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = _linked_desk(centre, test_pki, monkeypatch)
    (code,) = receive_many(desk, 1)
    uuid = _signed_paper(desk.rt, code, test_pki, "official")
    signed = desk.ctx.files.read(_row(desk.ctx, uuid).sha256)  # type: ignore[union-attr]
    assert not ltv.is_extended(signed)
    assert status(desk.ctx, desk.directory).signatures_waiting == 1

    report = desk.sync()

    assert (report.signatures.extended, report.signatures.waiting) == (1, 0)
    assert report.files.confirmed == 1
    extended = _b_lt_everywhere(centre, desk, uuid, test_pki)
    assert extended.startswith(signed)  # the B-B signature is intact inside
    assert status(desk.ctx, desk.directory).signatures_waiting == 0
    again = desk.sync()
    assert (again.signatures.extended, again.files.confirmed) == (0, 0)


def test_with_the_tsa_down_the_round_does_its_other_work_and_the_next_one_extends(
    centre: Centre, test_pki: TestPki, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = _linked_desk(centre, test_pki, monkeypatch)
    first, second = receive_many(desk, 2)
    uuid = _signed_paper(desk.rt, first, test_pki, "official")
    plain = add_paper(desk, second)
    b_b = _row(desk.ctx, uuid).sha256

    with test_pki.stopped():
        down = desk.sync()
    # The rows and both files went; the signature waits, unchanged.
    assert (down.signatures.extended, down.signatures.waiting) == (0, 1)
    assert down.files.confirmed == 2
    assert _at_centre(centre, uuid)[0] == b_b == _row(desk.ctx, uuid).sha256
    assert _at_centre(centre, plain.uuid)[0] == plain.sha256
    assert status(desk.ctx, desk.directory).signatures_waiting == 1
    with desk.ctx.sessions() as s:
        queued = s.get(SignatureExtension, uuid)
        assert queued is not None and queued.tried_at is not None and queued.settled_at is None
    # IT staff read the wait with `sync status`; the official in the status bar's tooltip.
    said = run_cli(
        "sync", "status", "--by", "tiepnhan", data_dir=desk.directory, COUNTER_APP_PASSWORD=PASSWORD
    )
    assert said.returncode == 0, said.stderr
    assert "chờ dấu thời gian (B-LT): 1" in said.stdout
    bar = SyncStatusBar()
    bar.show_status(status(desk.ctx, desk.directory))
    assert "1 chữ ký số tạo khi mất mạng" in bar.waiting_label.toolTip()

    up = desk.sync()

    # The centre had the B-B version: it takes the same paper's new file.
    assert (up.signatures.extended, up.signatures.waiting, up.push.refused) == (1, 0, 0)
    assert up.files.confirmed == 1
    _b_lt_everywhere(centre, desk, uuid, test_pki)
    assert centre.scalar("SELECT count(*) FROM central_quarantine WHERE row_uuid = :u", u=uuid) == 0
    with desk.ctx.sessions() as s:
        # The B-B file is left to the purge of orphans: no row names it now.
        assert s.get(StoredFile, b_b) is None
        assert s.get(SignatureExtension, uuid).outcome == "extended"  # type: ignore[union-attr]
    assert desk.ctx.files.has(b_b)  # type: ignore[union-attr]


def test_a_revoked_certificate_is_settled_and_never_tried_again(
    counter: Runtime, test_pki: TestPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "desk"
    test_pki.write_root(directory / "trust")
    set_tsa_url(counter.ctx, login(counter.ctx, "quantri"), test_pki.tsa_url)
    code = _dossier(counter)
    revoked = _signed_paper(counter, code, test_pki, "official-revoked")
    good = _signed_paper(counter, code, test_pki, "official")
    sha = _row(counter.ctx, revoked).sha256

    report = extend_queued(counter.ctx, directory)

    assert (report.extended, report.settled, report.waiting) == (1, 1, 0)
    assert _row(counter.ctx, revoked).sha256 == sha
    assert ltv.is_extended(counter.ctx.files.read(_row(counter.ctx, good).sha256))  # type: ignore[union-attr]
    with counter.ctx.sessions() as s:
        settled = s.get(SignatureExtension, revoked)
        assert settled is not None and settled.outcome == "revoked"
        when = settled.settled_at
    assert extend_queued(counter.ctx, directory) == type(report)()
    with counter.ctx.sessions() as s:
        assert s.get(SignatureExtension, revoked).settled_at == when  # type: ignore[union-attr]


def test_without_a_timestamp_server_or_roots_nothing_is_tried(
    counter: Runtime, test_pki: TestPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "desk"
    uuid = _signed_paper(counter, _dossier(counter), test_pki, "official")
    assert extend_queued(counter.ctx, directory).waiting == 1  # no TSA configured
    monkeypatch.setenv("COUNTER_APP_TSA_URL", test_pki.tsa_url)
    assert extend_queued(counter.ctx, directory).waiting == 1  # no roots installed
    with counter.ctx.sessions() as s:
        assert s.get(SignatureExtension, uuid).tried_at is None  # type: ignore[union-attr]
    assert waiting(counter.ctx) == 1
