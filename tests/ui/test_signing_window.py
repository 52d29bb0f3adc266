"""Issue 21 at the desk (Decree 118/2025 Art. 17(1)(c)): the receiving
official signs each scanned copy with their own token, from the window, on a
real SoftHSM token. The PIN is asked once a session and again after a lock;
the certificate chosen the first time is remembered; the stored file is the
signed one; the papers tab names the signer and its check sees a file
altered on disk; no token configured saves unsigned and says so; a wrong PIN
stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.models import DigitisedPaper, OutboxEntry, SignatureExtension
from counter_app.services import papers
from counter_app.services.signatures import set_pkcs11_module
from counter_app.services.views import DossierInfo
from counter_app.signing.verify import Verdict, verify_pdf
from counter_app.ui.digitise_dialog import DigitiseDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.signing_dialogs import CertificateDialog, PinDialog
from tests.conftest import PASSWORD, login
from tests.scanning.support import DEVICE  # noqa: F401 - the project's SANE test scanner
from tests.signing.test_sign import scan
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, remove_tokens, start_token

Receive = Callable[..., DossierInfo]
SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


@pytest.fixture
def configured(counter: Runtime, env: TokenEnv) -> TokenEnv:
    set_pkcs11_module(counter.ctx, login(counter, "quantri"), str(env.module))
    return env


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / name))


def _digitise(qtbot: QtBot, window: MainWindow, code: str) -> DigitiseDialog:
    dossier = window.dossier_dialog
    if dossier is None or dossier.code != code or not dossier.isVisible():
        dossier = window.open_dossier(code)
    assert dossier is not None
    qtbot.waitUntil(lambda: dossier.papers.info is not None and not dossier.papers.busy)
    dialog = dossier.papers.digitise(1)
    dialog.pages.add_pdf(scan(1))
    qtbot.waitUntil(lambda: dialog.signing.configured is not None, timeout=10_000)
    return dialog


def _pin(qtbot: QtBot, window: MainWindow, pin: str = USER_PIN, shot: str = "") -> None:
    qtbot.waitUntil(lambda: window.signing.pin_dialog is not None, timeout=10_000)
    dialog = window.signing.pin_dialog
    assert isinstance(dialog, PinDialog) and dialog.isVisible()
    assert dialog.pin.echoMode() == dialog.pin.EchoMode.Password
    token = dialog.findChild(QLabel, "tokenLabel")
    assert token is not None and LABEL in token.text()
    dialog.pin.setText(pin)
    if shot:
        _shot(dialog, shot)
    dialog.accept()


def _stored(counter: Runtime, code: str) -> list[papers.PaperInfo]:
    return [p for p in papers.list_papers(counter.ctx, code) if not p.removed]


def test_the_pin_is_asked_once_a_session_and_the_certificate_choice_is_remembered(
    qtbot: QtBot,
    counter: Runtime,
    configured: TokenEnv,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Receive,
) -> None:
    code = receive_dossier().code
    window = make_window("tiepnhan")
    # First copy: the PIN, then the certificate (expired ones cannot be chosen)
    dialog = _digitise(qtbot, window, code)
    assert dialog.save_button.text() == "&Ký số và lưu"
    dialog.save_button.click()
    _pin(qtbot, window, shot="signing_pin.png")
    qtbot.waitUntil(lambda: window.signing.certificate_dialog is not None, timeout=10_000)
    choice = window.signing.certificate_dialog
    assert isinstance(choice, CertificateDialog)
    rows = {choice.table.item(r, 0).text(): r for r in range(choice.table.rowCount())}
    assert set(rows) == {"Nguyễn Thị Lan", "Trần Văn Bình", "Lê Văn Cũ"}
    expired = rows["Lê Văn Cũ"]
    assert not choice.table.item(expired, 0).flags() & Qt.ItemFlag.ItemIsSelectable
    choice.table.selectRow(expired)
    assert choice.chosen() is None and not choice.ok.isEnabled()
    assert choice.table.item(rows["Nguyễn Thị Lan"], 1).text() == "001190012345"
    choice.table.selectRow(rows["Nguyễn Thị Lan"])
    # Not the logged-in official's name (Hoàng Thị Mai): said before anything is signed
    assert choice.mismatch.isVisibleTo(choice)
    assert "cấp cho Nguyễn Thị Lan, không phải Hoàng Thị Mai" in choice.mismatch.text()
    _shot(choice, "signing_certificate.png")
    choice.accept()
    qtbot.waitUntil(lambda: len(_stored(counter, code)) == 1, timeout=20_000)
    assert window.signing.status_label.text().startswith("Ký bởi: Nguyễn Thị Lan, hết hạn ")
    (first,) = _stored(counter, code)
    assert first.signer_name == "Nguyễn Thị Lan" and first.signed_at is not None
    # The stored file is the signed one, intact, by the chosen official
    pdf = counter.ctx.files.read(first.sha256)  # type: ignore[union-attr]
    (report,) = verify_pdf(pdf, [])
    assert report.intact and report.signer == "Nguyễn Thị Lan"
    with counter.ctx.sessions() as session:
        row = session.scalar(select(DigitisedPaper).where(DigitisedPaper.uuid == first.uuid))
        assert row is not None and row.signer_fingerprint and row.version == 1
        # Its one outgoing version is the signed one: it never leaves unsigned.
        (entry,) = session.scalars(select(OutboxEntry).where(OutboxEntry.row_uuid == first.uuid))
        assert entry.payload["sha256"] == first.sha256
        assert entry.payload["signer_name"] == "Nguyễn Thị Lan"
        # Signed offline (B-B): queued for the sync round to extend to B-LT
        assert session.get(SignatureExtension, first.uuid) is not None

    # Second copy, same session: neither PIN nor certificate asked
    dialog = _digitise(qtbot, window, code)
    qtbot.waitUntil(lambda: dialog.signing.label.text().startswith("Ký bởi: Nguyễn Thị Lan"))
    _shot(dialog, "signing_digitise.png")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(_stored(counter, code)) == 2, timeout=20_000)
    assert window.signing.pin_dialog is None and window.signing.certificate_dialog is None

    # A lock forgets the PIN; the certificate choice stays remembered
    lock = window.session.lock()
    assert window.signing.chosen is None
    lock.username.setText("tiepnhan")
    lock.password.setText(PASSWORD)
    lock.ok.click()
    qtbot.waitUntil(lambda: not window.session.locked, timeout=10_000)
    dialog = _digitise(qtbot, window, code)
    dialog.save_button.click()
    _pin(qtbot, window)
    qtbot.waitUntil(lambda: len(_stored(counter, code)) == 3, timeout=20_000)
    assert window.signing.certificate_dialog is None
    assert {p.signer_name for p in _stored(counter, code)} == {"Nguyễn Thị Lan"}

    # The papers tab names the signer; its check sees a file altered on disk
    tab = window.dossier_dialog.papers  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3, timeout=10_000)
    assert tab.table.item(0, 7).text().startswith("Nguyễn Thị Lan, ")
    tab.table.selectRow(0)
    check = tab.check_selected()
    assert check is not None
    qtbot.waitUntil(lambda: check.checked is not None, timeout=20_000)
    assert [c.report.verdict for c in check.checked] == [Verdict.UNTRUSTED]
    assert check.table.item(3, 0).text() == "nguyên vẹn từ khi ký"
    assert check.table.item(4, 0).text().startswith("chưa tin cậy")
    check.close()
    # The province's roots installed: trusted, the chain shown, revocation asked
    configured.pki.write_trust_dir(counter.data_dir / "trust")
    check = tab.check_selected()
    assert check is not None
    qtbot.waitUntil(lambda: check.checked is not None, timeout=20_000)
    assert [c.report.verdict for c in check.checked] == [Verdict.GOOD]
    assert check.table.item(2, 0).text().startswith("Nguyễn Thị Lan → ")
    assert check.checked[0].revocation is not None
    # Offline, a B-B signature carries no revocation data: said, not guessed
    assert check.table.item(5, 0).text().startswith("Chưa rõ tình trạng thu hồi")
    _shot(check, "signing_check.png")
    check.close()
    path = papers.file_path(counter.ctx, tab.copies[0].sha256)
    data = bytearray(path.read_bytes())
    at = data.index(b"stream") + 40  # inside the scanned image, covered by the signature
    data[at] ^= 0xFF
    path.chmod(0o600)
    path.write_bytes(bytes(data))
    check = tab.check_selected()
    assert check is not None
    qtbot.waitUntil(lambda: check.checked is not None, timeout=20_000)
    assert check.checked[0].report.verdict in (Verdict.BROKEN, Verdict.CHANGED)
    assert check.table.item(3, 0).text().startswith("đã bị thay đổi sau khi ký")
    assert "thay đổi sau khi ký" in check.summary.text()
    check.close()
    window.dossier_dialog.close()  # type: ignore[union-attr]


def test_a_wrong_pin_stores_nothing_and_says_so(
    qtbot: QtBot,
    counter: Runtime,
    configured: TokenEnv,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Receive,
) -> None:
    code = receive_dossier().code
    window = make_window("tiepnhan")
    dialog = _digitise(qtbot, window, code)
    dialog.save_button.click()
    _pin(qtbot, window, pin="000000")
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text().startswith("Sai mã PIN")
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert _stored(counter, code) == []
    dialog.close()
    window.dossier_dialog.close()  # type: ignore[union-attr]


def test_without_a_token_configured_the_copy_is_saved_unsigned_and_the_dialog_says_so(
    qtbot: QtBot,
    counter: Runtime,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Receive,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COUNTER_APP_PKCS11_MODULE", raising=False)
    code = receive_dossier().code
    window = make_window("tiepnhan")
    dialog = _digitise(qtbot, window, code)
    assert dialog.signing.label.text().startswith("Chưa cấu hình chữ ký số")
    assert dialog.save_button.text() == "&Lưu bản điện tử"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(_stored(counter, code)) == 1, timeout=20_000)
    (copy,) = _stored(counter, code)
    assert copy.signer_name == "" and copy.signed_at is None
    with counter.ctx.sessions() as session:  # nothing to extend
        assert session.get(SignatureExtension, copy.uuid) is None
    assert window.signing.pin_dialog is None
    assert verify_pdf(counter.ctx.files.read(copy.sha256), []) == []  # type: ignore[union-attr]
    window.dossier_dialog.close()  # type: ignore[union-attr]


def _choose(qtbot: QtBot, window: MainWindow, holder: str) -> None:
    qtbot.waitUntil(lambda: window.signing.certificate_dialog is not None, timeout=10_000)
    choice = window.signing.certificate_dialog
    assert choice is not None
    row = next(
        r for r in range(choice.table.rowCount()) if choice.table.item(r, 0).text() == holder
    )
    choice.table.selectRow(row)
    choice.accept()


def test_a_token_pulled_out_stores_nothing_and_the_dialog_says_so(
    qtbot: QtBot,
    counter: Runtime,
    configured: TokenEnv,
    make_window: Callable[[str], MainWindow],
    receive_dossier: Receive,
) -> None:
    # Last in this module: the token is gone for good afterwards.
    code = receive_dossier().code
    window = make_window("tiepnhan")
    dialog = _digitise(qtbot, window, code)
    dialog.save_button.click()
    _pin(qtbot, window)
    _choose(qtbot, window, "Trần Văn Bình")
    qtbot.waitUntil(lambda: len(_stored(counter, code)) == 1, timeout=20_000)
    files = sorted(p.name for p in counter.ctx.files.root.rglob("*") if p.is_file())  # type: ignore[union-attr]
    remove_tokens(configured.tmp)
    dialog = _digitise(qtbot, window, code)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert dialog.error.text().startswith("Token đã bị rút ra hoặc không phản hồi")
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert len(_stored(counter, code)) == 1
    assert sorted(p.name for p in counter.ctx.files.root.rglob("*") if p.is_file()) == files  # type: ignore[union-attr]
    # The next session, the token still out: said before any PIN is asked
    window.signing.forget()
    dialog.save_button.click()
    assert dialog.error.text() == ""
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=20_000)
    assert dialog.error.text().startswith("Token đã bị rút ra hoặc không phản hồi")
    assert window.signing.pin_dialog is None and len(_stored(counter, code)) == 1
    dialog.close()
    window.dossier_dialog.close()  # type: ignore[union-attr]
