"""The official's token under misuse and mishap (SoftHSM2, a token of this
module's own): wrong PINs, the PIN forgotten on lock, the token pulled out
half-way through signing."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from counter_app.domain.messages import UserError
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.services.signatures import SigningSession
from counter_app.signing.sign import sign_pdf
from counter_app.signing.token import TokenGone, WrongPin
from tests.signing.token_support import LABEL, USER_PIN, TokenEnv, remove_tokens, start_token


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> TokenEnv:
    return start_token(tmp_path_factory.mktemp("token"))


def _scan() -> bytes:
    out = io.BytesIO()
    Image.new("L", (120, 160), 200).save(out, "PNG")
    return images_to_pdf([out.getvalue()])


def _valid(certs):
    return next(c for c in certs if c.label == "valid")


def test_three_wrong_pins_then_the_desk_stops_before_the_token_locks(env: TokenEnv) -> None:
    signing = SigningSession(env.module)
    for _ in range(3):
        with pytest.raises(WrongPin) as wrong:
            signing.unlock("000000", LABEL)
        # What the token reports after a wrong PIN (SoftHSM: CKF_USER_PIN_COUNT_LOW).
        assert "Wrong PIN. The token says few tries are left" in str(wrong.value)
    # The fourth try never reaches the token, even with the right PIN.
    with pytest.raises(UserError, match="Three wrong PINs in a row") as stopped:
        signing.unlock(USER_PIN, LABEL)
    assert not isinstance(stopped.value, WrongPin)
    assert not signing.unlocked
    # Locking the window (forget) gives the official three more tries.
    signing.forget()
    certs = signing.unlock(USER_PIN, LABEL)
    assert signing.unlocked and _valid(certs).holder == "Nguyễn Thị Lan"
    signing.forget()


def test_the_pin_is_asked_once_and_forgotten_on_lock(env: TokenEnv) -> None:
    signing = SigningSession(env.module)
    with pytest.raises(UserError, match="Type the token's PIN"):
        signing.certificates()
    signing.unlock(USER_PIN)  # one token plugged in: the desk need not ask which
    signing.choose(_valid(signing.certificates()).fingerprint)
    first = signing.sign(_scan())
    second = signing.sign(_scan())  # no PIN asked again
    assert first.startswith(b"%PDF") and second.startswith(b"%PDF")
    signing.forget()
    assert not signing.unlocked
    with pytest.raises(UserError, match="Type the token's PIN"):
        signing.sign(_scan())


def test_a_token_removed_mid_signing_signs_nothing_and_says_so(env: TokenEnv) -> None:
    signing = SigningSession(env.module)
    signing.unlock(USER_PIN, LABEL)
    signing.choose(_valid(signing.certificates()).fingerprint)
    signer = signing.signer()
    # The official pulls the token out between choosing and signing.
    remove_tokens(env.tmp)
    with pytest.raises(TokenGone) as gone:
        sign_pdf(_scan(), signer)
    assert "nothing was signed" in str(gone.value)
    with pytest.raises(TokenGone):
        signing.sign(_scan())
    # Still gone: opening it again with the remembered PIN says so too.
    with pytest.raises(UserError, match="removed|No token"):
        signing.sign(_scan())
    signing.forget()
