"""Issue 21, point 2: a wrong PIN three times on a real token interface
(SoftHSM2): the token's own flags and the app's message each time.

SoftHSM2 never locks a user PIN: after a wrong PIN it raises
CKF_USER_PIN_COUNT_LOW ("few tries left"), never CKF_USER_PIN_FINAL_TRY nor
CKF_USER_PIN_LOCKED, and a right PIN clears it. So the right PIN still opens
it after three wrong ones, and the "locked" path is one a CA's token takes
(docs/signatures.md); it is not faked here."""

from __future__ import annotations

import re
from pathlib import Path

import pkcs11
import pytest
from pkcs11 import TokenFlag

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.services.signatures import (
    MAX_WRONG_PINS,
    TSA_URL_ENV,
    SigningSession,
    set_tsa_url,
    tsa_url,
)
from counter_app.signing.token import MODULE_ENV, TokenLocked, WrongPin, list_tokens, module_path
from tests.conftest import login
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, start_token

PIN_FLAGS = TokenFlag.USER_PIN_COUNT_LOW | TokenFlag.USER_PIN_FINAL_TRY | TokenFlag.USER_PIN_LOCKED


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


def _pin_flags(env: TokenEnv) -> TokenFlag:
    """What the token itself says of its PIN (C_GetTokenInfo), read afresh."""
    return TokenFlag(pkcs11.lib(str(env.module)).get_token(token_label=LABEL).flags) & PIN_FLAGS


def test_three_wrong_pins_say_so_each_time_and_softhsm_does_not_lock(env: TokenEnv) -> None:
    signing = SigningSession(env.module)
    assert _pin_flags(env) == TokenFlag(0)
    for _ in range(MAX_WRONG_PINS):
        with pytest.raises(WrongPin) as wrong:
            signing.unlock("000000", LABEL)
        assert not isinstance(wrong.value, TokenLocked)
        # The token's word, as the official reads it.
        assert render(wrong.value.message) == (
            "Sai mã PIN. Token báo chỉ còn ít lần thử trước khi tự khóa; hãy kiểm tra mã PIN "
            "trước khi thử lại."
        )
        assert _pin_flags(env) == TokenFlag.USER_PIN_COUNT_LOW
    # The desk stops before the token would count a fourth.
    with pytest.raises(UserError) as stopped:
        signing.unlock(USER_PIN, LABEL)
    assert render(stopped.value.message).startswith("Đã nhập sai mã PIN ba lần liên tiếp")
    assert _pin_flags(env) == TokenFlag.USER_PIN_COUNT_LOW
    # SoftHSM2 did not lock: the token list says so, and the right PIN opens it.
    assert [t.locked for t in list_tokens(env.module)] == [False]
    signing.forget()
    certs = signing.unlock(USER_PIN, LABEL)
    assert signing.unlocked and {c.label for c in certs} >= {"valid"}
    assert _pin_flags(env) == TokenFlag(0)  # a good login clears "few tries left"
    signing.forget()


ROOT = Path(__file__).resolve().parents[2] / "counter_app"
# What a Linux-only path looks like written into code.
_LINUX_PATH = re.compile(r"""["'](/usr/|/lib/|/etc/|/opt/|/home/|~/\.)|\.so["']""")


def test_nothing_in_the_signing_code_assumes_linux_paths(
    env: TokenEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = [*sorted((ROOT / "signing").glob("*.py")), ROOT / "services" / "signatures.py"]
    written = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sources
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _LINUX_PATH.search(line)
    ]
    assert written == []
    # No default driver: the path comes from the environment or the desk only.
    monkeypatch.delenv(MODULE_ENV, raising=False)
    with pytest.raises(UserError, match="No token driver is configured"):
        module_path("")
    # A Windows path is taken as the official typed it and named when missing.
    dll = r"C:\Windows\System32\vnpt-ca_csp11.dll"
    with pytest.raises(UserError) as missing:
        module_path(dll)
    assert dll in render(missing.value.message)
    # Any folder and name will do: the driver copied under a Windows-like name.
    copied = tmp_path / "Program Files" / "CA token" / "ca_p11.dll"
    copied.parent.mkdir(parents=True)
    copied.write_bytes(env.module.read_bytes())
    monkeypatch.setenv(MODULE_ENV, str(copied))
    assert module_path("") == copied


def test_the_timestamp_server_is_a_desk_setting_checked_when_saved(
    counter: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TSA_URL_ENV, raising=False)
    admin = login(counter.ctx, "quantri")
    assert tsa_url(counter.ctx) == ""
    with pytest.raises(UserError) as refused:
        set_tsa_url(counter.ctx, admin, r"C:\tsa")
    assert "phải là một địa chỉ web" in render(refused.value.message)
    assert tsa_url(counter.ctx) == ""
    assert set_tsa_url(counter.ctx, admin, " http://tsa.ca.vn/tsa ") == "http://tsa.ca.vn/tsa"
    assert tsa_url(counter.ctx) == "http://tsa.ca.vn/tsa"
    monkeypatch.setenv(TSA_URL_ENV, "http://127.0.0.1:9/tsa")
    assert tsa_url(counter.ctx) == "http://127.0.0.1:9/tsa"  # the environment wins
