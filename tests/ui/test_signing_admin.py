"""Administration > Digital signatures (issue 21): the administrator sets the
token driver the CA installed (a wrong path is refused in a sentence, the
setting unchanged), sees the trust folder, and tries the token: its
certificates are listed after the PIN."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.services.signatures import pkcs11_module_setting
from counter_app.ui.main_window import MainWindow
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, init_token, start_token

SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


def test_the_administrator_sets_the_token_driver_and_tries_the_token(
    qtbot: QtBot,
    counter: Runtime,
    env: TokenEnv,
    make_window: Callable[[str], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COUNTER_APP_PKCS11_MODULE", raising=False)
    monkeypatch.delenv("COUNTER_APP_TRUST_DIR", raising=False)
    window = make_window("quantri")
    assert window.admin_menu.signing_action.text() == "Chữ &ký số…"
    dialog = window.admin_menu.open_signing()
    qtbot.waitUntil(lambda: dialog.trust_label.text() != "", timeout=10_000)
    assert str(counter.data_dir / "trust") in dialog.trust_label.text()
    assert "đã cài 0 chứng thư gốc" in dialog.trust_label.text()

    # A path that is no driver: refused in a sentence, nothing set
    dialog.module.setText(str(counter.data_dir / "khong-co.dll"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "khong-co.dll" in dialog.error.text()
    assert pkcs11_module_setting(counter.ctx) == ""

    dialog.module.setText(str(env.module))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "Đã lưu.", timeout=10_000)
    assert pkcs11_module_setting(counter.ctx) == str(env.module)

    # A second token plugged in (the agency's): the PIN dialog asks which one
    init_token(env.tmp, env.pki, env.module, label="Token co quan")
    dialog.try_button.click()
    qtbot.waitUntil(lambda: window.signing.pin_dialog is not None, timeout=10_000)
    pin = window.signing.pin_dialog
    assert pin is not None
    labels = [pin.tokens.itemText(i) for i in range(pin.tokens.count())]
    assert sorted(labels) == sorted([LABEL, "Token co quan"])
    assert pin.tokens.isVisibleTo(pin)
    pin.tokens.setCurrentText(LABEL)
    pin.pin.setText(USER_PIN)
    pin.accept()
    qtbot.waitUntil(lambda: dialog.certificates.rowCount() == 3, timeout=10_000)
    holders = {dialog.certificates.item(r, 0).text() for r in range(3)}
    assert holders == {"Nguyễn Thị Lan", "Trần Văn Bình", "Lê Văn Cũ"}
    assert dialog.message.text() == "Token trả lời: 3 chứng thư số."
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "signing_admin.png"))
    dialog.close()
