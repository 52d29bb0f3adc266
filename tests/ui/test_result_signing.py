"""Issue 21 at the return (Decree 118/2025 Art. 22(1)): at 4 tại chỗ the
leader signs the result's electronic copy at the desk with THEIR OWN token
(a second SoftHSM token, its own PIN), not the official's window session;
the stored result is that signed file, audited with the signer; a wrong PIN
or an expired certificate keeps nothing; an imported result's signatures are
checked, a tampered one refused (tests/signing/pki's certomancer CA)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.papers import Origin, PaperData, PaperRole, ResultCopy
from counter_app.domain.workflow import Action, State
from counter_app.i18n import render
from counter_app.models import AuditEntry, SignatureExtension
from counter_app.services import dossiers, papers
from counter_app.services.auth import Actor
from counter_app.services.dossiers import StepRequest
from counter_app.services.signatures import set_pkcs11_module
from counter_app.services.views import DossierInfo
from counter_app.signing.verify import Verdict, trust_anchors, verify_pdf
from counter_app.ui.dossier_dialog import DossierDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.result_copy import ResultCopyRow
from counter_app.ui.step_dialog import StepDialog
from tests.conftest import PASSWORD, login
from tests.signing import token_support
from tests.signing.pki import fixtures
from tests.signing.pki.server import TestPki as CertomancerPki
from tests.signing.test_sign import scan
from tests.signing.token_support import LABEL, NOW, USER_PIN, TokenEnv, start_token
from tests.ui.conftest import wait_signal

Receive = Callable[..., DossierInfo]
CERTIFIED_COPY = "2.000815"  # on the "4 tại chỗ" list
LEADER_LABEL = "Token lanh dao"
LEADER_PIN = "246810"
LEADER = "Nông Văn Kính"
EXPIRED_LABEL = "Token het han"
REVOKED_LABEL = "Token bi thu hoi"
SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"
test_pki = fixtures.test_pki


@dataclasses.dataclass
class Tokens:
    env: TokenEnv
    leader_fingerprint: str


def _token_of(
    env: TokenEnv, label: str, roles: dict[str, token_support.Official], **pki_parts: object
) -> None:
    """Another token in the same SoftHSM: the leader's own, with its own PIN."""
    pki = dataclasses.replace(env.pki, officials=roles, **pki_parts)  # type: ignore[arg-type]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(token_support, "USER_PIN", LEADER_PIN)
        token_support.init_token(env.tmp, pki, env.module, label=label)


def _fingerprint(official: token_support.Official) -> str:
    return official.cert.fingerprint(token_support.hashes.SHA256()).hex()


def _revoked_token(env: TokenEnv, ca: CertomancerPki) -> None:
    """The certomancer CA's revoked official on a token of its own, with its CA's
    certificate: its OCSP responder answers on loopback."""

    def load(label: str) -> x509.Certificate:
        return x509.load_der_x509_certificate(ca.cert(label).dump())

    key = serialization.load_pem_private_key(ca.key_path("official-revoked").read_bytes(), None)
    revoked = token_support.Official("Tran Thi Binh", key, load("official-revoked"), b"\xb2")  # type: ignore[arg-type]
    _token_of(env, REVOKED_LABEL, {"revoked": revoked}, inter=load("gov-ca"))


@pytest.fixture(scope="module")
def tokens(tmp_path_factory: pytest.TempPathFactory, test_pki: CertomancerPki) -> Tokens:
    env = start_token(tmp_path_factory.mktemp("token"))
    pki = env.pki
    key = token_support._key()
    cert = token_support._cert(
        token_support._name(LEADER, "CCCD:001070009999"),
        key,
        pki.inter.subject,
        pki.inter_key,
        NOW - timedelta(days=10),
        NOW + timedelta(days=700),
        False,
    )
    leader = token_support.Official(LEADER, key, cert, b"\xb1")
    _token_of(env, LEADER_LABEL, {"leader": leader})
    _token_of(env, EXPIRED_LABEL, {"expired": pki.officials["expired"]})
    _revoked_token(env, test_pki)
    return Tokens(env, _fingerprint(leader))


@pytest.fixture
def configured(counter: Runtime, tokens: Tokens) -> Iterator[Tokens]:
    set_pkcs11_module(counter.ctx, login(counter, "quantri"), str(tokens.env.module))
    yield tokens


def _shot(widget, name: str) -> Path:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    assert widget.grab().save(str(path))
    return path


def _on_the_spot(qtbot: QtBot, dialog: DossierDialog) -> tuple[StepDialog, ResultCopyRow]:
    """4 tại chỗ: the vice-chairman logs in at the desk and approves; the return opens."""
    dialog.on_the_spot_button.click()
    approver = dialog.approver_dialog
    assert approver is not None
    approver.username.setText("phochutich")
    approver.password.setText(PASSWORD)
    with wait_signal(qtbot, dialog.dossier_changed, timeout=10_000):
        approver.ok.click()
    step = dialog.step_dialog
    assert step is not None and step.result_copy is not None and step.isVisible()
    return step, step.result_copy


def _dossier(qtbot: QtBot, dossier: DossierDialog, hold: list[object]) -> DossierDialog:
    qtbot.addWidget(dossier)
    hold.append(dossier)
    dossier.show()
    return dossier


def _choose(qtbot: QtBot, row: ResultCopyRow, path: Path) -> None:
    row.load(path)
    qtbot.waitUntil(
        lambda: row.checking is None and row.token_configured is not None, timeout=10_000
    )


def _pin(qtbot: QtBot, row: ResultCopyRow, label: str, pin: str) -> None:
    assert row.signer is not None
    qtbot.waitUntil(lambda: row.signer.pin_dialog is not None, timeout=10_000)  # type: ignore[union-attr]
    dialog = row.signer.pin_dialog
    assert dialog is not None and dialog.isVisible()
    # Several tokens plugged in: the signer says which is theirs
    assert dialog.tokens.isVisibleTo(dialog)
    dialog.tokens.setCurrentText(label)
    dialog.pin.setText(pin)
    _shot(dialog, "result_signer_pin.png")
    dialog.accept()


def _told(qtbot: QtBot) -> str:
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=20_000
    )
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    text = box.text()
    box.accept()
    return text


def _signed_results(counter: Runtime) -> list[AuditEntry]:
    with counter.ctx.sessions() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.event == "result.signed")))


def _result_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "ban-sao-chung-thuc.pdf"
    path.write_bytes(scan(2))
    return path


def test_at_4_on_the_spot_the_leader_signs_the_result_with_their_own_token(
    qtbot: QtBot,
    counter: Runtime,
    configured: Tokens,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Receive,
    tmp_path: Path,
) -> None:
    code = receive_dossier(CERTIFIED_COPY, username="motcua").code
    window = make_window("motcua")
    # GIVEN the official's window session is open on their own token
    own: list[object] = []
    window.signing.sign(scan(1), window, own.append, own.append)
    qtbot.waitUntil(lambda: window.signing.pin_dialog is not None, timeout=10_000)
    window.signing.pin_dialog.tokens.setCurrentText(LABEL)  # type: ignore[union-attr]
    window.signing.pin_dialog.pin.setText(USER_PIN)  # type: ignore[union-attr]
    window.signing.pin_dialog.accept()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.signing.certificate_dialog is not None, timeout=10_000)
    choice = window.signing.certificate_dialog
    assert choice is not None
    choice.choose(_fingerprint(configured.env.pki.officials["valid"]))
    choice.accept()
    qtbot.waitUntil(lambda: bool(own), timeout=20_000)
    assert window.signing.chosen is not None and window.signing.chosen.holder == "Nguyễn Thị Lan"

    # WHEN the leader approves at the desk and the return opens with the result's file
    dossier = window.open_dossier(code)
    assert dossier is not None
    step, row = _on_the_spot(qtbot, dossier)
    _choose(qtbot, row, _result_pdf(tmp_path))
    assert row.signatures.text().startswith("Tệp không có chữ ký số")
    assert row.sign_button.isVisible()
    assert row.sign_button.text() == "Người có thẩm quyền ký số kết quả"
    # AND the leader signs it with their own token and PIN
    row.sign_button.click()
    _pin(qtbot, row, LEADER_LABEL, LEADER_PIN)
    assert row.signer is not None
    qtbot.waitUntil(lambda: row.signer.certificate_dialog is not None, timeout=10_000)  # type: ignore[union-attr]
    certs = row.signer.certificate_dialog
    assert certs is not None
    assert [c.holder for c in certs.certs] == [LEADER]
    certs.choose(configured.leader_fingerprint)
    certs.accept()
    qtbot.waitUntil(lambda: row.signed_by is not None and row.checking is None, timeout=20_000)
    # THEN the row shows the leader's signature, intact; the button is gone
    assert row.signatures.text().startswith(f"Ký bởi {LEADER} (")
    assert "nguyên vẹn từ khi ký" in row.signatures.text()
    assert not row.sign_button.isVisible()
    shot = _shot(step, "result_signed_at_the_desk.png")
    assert shot.stat().st_size > 0
    # Still fits a 1366x768 screen at 125 % (1093x576 logical pixels, less the frame)
    assert step.sizeHint().width() <= 1093 and step.sizeHint().height() <= 576 - 30
    returned = step.return_form
    assert returned is not None
    with wait_signal(qtbot, dossier.dossier_changed, timeout=20_000):
        step.ok.click()

    # THEN the result stored by the return is that signed file, the leader's
    assert dossiers.get_dossier(counter.ctx, code).state is State.RETURNED
    (copy,) = papers.list_papers(counter.ctx, code)
    assert copy.role is PaperRole.RESULT and copy.origin is Origin.AUTHORITY
    # The papers tab names the leader as the copy's signer, and the round will extend it to B-LT
    assert copy.signer_name == LEADER
    with counter.ctx.sessions() as s:
        assert s.get(SignatureExtension, copy.uuid) is not None
    pdf = counter.ctx.files.read(copy.sha256)  # type: ignore[union-attr]
    (report,) = verify_pdf(pdf, [])
    assert report.intact and report.signer == LEADER and report.verdict is Verdict.UNTRUSTED
    configured.env.pki.write_trust_dir(counter.data_dir / "trust")
    (trusted,) = verify_pdf(pdf, trust_anchors(counter.data_dir / "trust"))
    assert trusted.verdict is Verdict.GOOD
    # AND the audit names the signer and the certificate
    (entry,) = _signed_results(counter)
    assert entry.entity == code and entry.username == "motcua"
    assert entry.details["signer"] == LEADER
    assert entry.details["fingerprint"] == configured.leader_fingerprint
    assert entry.details["sha256"] == copy.sha256

    # AND the official's window session is untouched: it signs without asking a PIN, as them
    again: list[object] = []
    window.signing.sign(scan(1), window, again.append, again.append)
    qtbot.waitUntil(lambda: bool(again), timeout=20_000)
    assert window.signing.pin_dialog is None
    signed, cert = again[0]  # type: ignore[misc]
    assert cert.holder == "Nguyễn Thị Lan"
    assert verify_pdf(signed, [])[0].signer == "Nguyễn Thị Lan"
    dossier.close()


def test_a_wrong_pin_an_expired_or_a_revoked_certificate_keeps_nothing(
    qtbot: QtBot,
    counter: Runtime,
    configured: Tokens,
    test_pki: CertomancerPki,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
    tmp_path: Path,
) -> None:
    code = receive_dossier(CERTIFIED_COPY, username="motcua").code
    dossier = _dossier(qtbot, DossierDialog(counter.ctx, official("motcua"), code), hold)
    step, row = _on_the_spot(qtbot, dossier)
    _choose(qtbot, row, _result_pdf(tmp_path))
    chosen = row.pdf
    # A wrong PIN: said in Vietnamese, the chosen file kept unsigned, nothing audited
    row.sign_button.click()
    _pin(qtbot, row, LEADER_LABEL, "000000")
    assert _told(qtbot).startswith("Sai mã PIN")
    assert row.pdf == chosen and row.signed_by is None and row.sign_button.isEnabled()
    # An expired certificate: refused with its date
    row.sign_button.click()
    _pin(qtbot, row, EXPIRED_LABEL, LEADER_PIN)
    text = _told(qtbot)
    assert "Lê Văn Cũ" in text and "15/03/2024" in text
    assert row.pdf == chosen and row.signed_by is None
    # A certificate its CA revoked (its OCSP responder says so): refused with the date
    test_pki.write_root(counter.data_dir / "trust")
    row.sign_button.click()
    _pin(qtbot, row, REVOKED_LABEL, LEADER_PIN)
    qtbot.waitUntil(lambda: row.signer.certificate_dialog is not None, timeout=10_000)  # type: ignore[union-attr]
    certs = row.signer.certificate_dialog  # type: ignore[union-attr]
    assert certs is not None
    certs.table.selectRow(0)
    certs.accept()
    text = _told(qtbot)
    assert "Tran Thi Binh" in text and "01/06/2025" in text and "thu hồi" in text
    assert row.pdf == chosen and row.signed_by is None
    assert _signed_results(counter) == []
    # The official returns without an electronic copy
    row.clear_button.click()
    assert row.result_copy() is None
    with wait_signal(qtbot, dossier.dossier_changed, timeout=20_000):
        step.ok.click()
    assert dossiers.get_dossier(counter.ctx, code).state is State.RETURNED
    assert papers.list_papers(counter.ctx, code) == []


def _sign_b_b(pki: CertomancerPki, pdf: bytes) -> bytes:
    meta = signers.PdfSignatureMetadata(field_name="Signature1", subfilter=SigSeedSubFilter.PADES)
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    return signers.sign_pdf(writer, meta, signer=pki.signer("official")).getvalue()


def test_an_imported_result_is_verified_and_a_tampered_one_refused(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], Actor],
    receive_dossier: Receive,
    hold: list[object],
    test_pki: CertomancerPki,
    tmp_path: Path,
) -> None:
    code = receive_dossier(CERTIFIED_COPY, username="motcua").code
    dossier = _dossier(qtbot, DossierDialog(counter.ctx, official("motcua"), code), hold)
    step, row = _on_the_spot(qtbot, dossier)
    signed = _sign_b_b(test_pki, scan(1))
    issued = tmp_path / "ket-qua-da-ky.pdf"
    issued.write_bytes(signed)
    # No root installed: taken, with the warning that no installed root vouches for it
    _choose(qtbot, row, issued)
    assert row.signatures.text().startswith("Ký bởi Nguyen Van An (")
    assert "chưa tin cậy" in row.signatures.text()
    assert row.pdf == signed
    # The province's roots installed: trusted
    test_pki.write_root(counter.data_dir / "trust")
    _choose(qtbot, row, issued)
    assert "nguyên vẹn từ khi ký" in row.signatures.text()
    assert "chưa tin cậy" not in row.signatures.text()
    assert "Test Government CA" in row.signatures.toolTip()
    # A byte of the signed content changed: refused, with what to do; nothing kept
    tampered = bytearray(signed)
    at = tampered.index(b"stream") + 40
    tampered[at] ^= 0xFF
    bad = tmp_path / "ket-qua-bi-sua.pdf"
    bad.write_bytes(bytes(tampered))
    row.load(bad)
    text = _told(qtbot)
    assert "“ket-qua-bi-sua.pdf” đã bị thay đổi sau khi Nguyen Van An ký" in text
    assert "quét bản giấy" in text
    assert row.pdf is None and row.result_copy() is None
    assert row.file_label.text() == "chưa có (chỉ trả kết quả bản giấy)"
    step.reject()
    # A script taking the return with that file is refused by the service itself
    holder = dossiers.get_dossier(counter.ctx, code).row.applicant_id_number
    data = PaperData(
        doc_type_code="KQ.TLKS", document_name="Trích lục khai sinh", holder_id_number=holder
    )
    with pytest.raises(UserError) as refused:
        dossiers.take_step(
            counter.ctx,
            official("motcua"),
            code,
            StepRequest(Action.RETURN_RESULT, result_copy=ResultCopy(bytes(tampered), data)),
        )
    assert "“Trích lục khai sinh” đã bị thay đổi sau khi Nguyen Van An ký" in render(
        refused.value.message
    )
    assert papers.list_papers(counter.ctx, code) == []
