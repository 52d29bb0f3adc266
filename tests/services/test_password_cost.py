"""The suite hashes most officials' passwords cheaply; a desk never does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import extract_parameters
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.errors import AuthenticationFailed
from counter_app.models import User
from counter_app.services import auth
from tests.conftest import PASSWORD, login

ROOT = Path(__file__).resolve().parents[2]
FULL_COST = "$argon2id$v=19$m=65536,t=2,p=1$"


def _hash_in_a_new_process(env: dict[str, str]) -> str:
    """A hash made the way a desk's process makes it, with ``env`` as its environment."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from counter_app.services import users; print(users.hash_password('mat-khau-123'))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()


def test_a_desk_hashes_at_full_cost_when_the_test_variable_is_not_set() -> None:
    env = {k: v for k, v in os.environ.items() if k != auth.TEST_FAST_HASH_ENV}
    hashed = _hash_in_a_new_process(env)
    assert hashed.startswith(FULL_COST), hashed


def test_any_other_value_of_the_variable_keeps_the_full_cost() -> None:
    hashed = _hash_in_a_new_process({**os.environ, auth.TEST_FAST_HASH_ENV: "yes"})
    assert hashed.startswith(FULL_COST), hashed


def test_the_variable_set_to_1_makes_cheap_hashes() -> None:
    # The switch the suite relies on for its speed (tests/conftest.py sets it).
    hashed = _hash_in_a_new_process({**os.environ, auth.TEST_FAST_HASH_ENV: "1"})
    assert hashed.startswith("$argon2id$v=19$m=8,t=1,p=1$"), hashed


def test_a_full_cost_hash_is_checked_at_its_own_cost_under_the_cheap_setting(
    counter: Runtime,
) -> None:
    # GIVEN an official whose hash was made at full cost (a desk's database)
    full = auth.password_hasher(auth.PASSWORD_COST).hash(PASSWORD)
    with counter.ctx.sessions.begin() as session:
        user = session.scalars(select(User).where(User.username == "thamdinh")).one()
        user.password_hash = full
    # THEN the cheap setting checks it with the cost written in it: the right
    # password passes, a wrong one is refused, and the hash is left as it was
    assert login(counter, "thamdinh").username == "thamdinh"
    with pytest.raises(AuthenticationFailed):
        auth.login(counter.ctx, "thamdinh", "mat-khau-sai")
    with counter.ctx.sessions() as session:
        stored = session.scalars(select(User.password_hash).where(User.username == "thamdinh"))
        assert stored.one() == full
    assert extract_parameters(full).memory_cost == 64 * 1024


@pytest.mark.real_password_cost
def test_the_tests_of_logging_in_use_the_full_cost(counter: Runtime) -> None:
    with counter.ctx.sessions() as session:
        hashes = session.scalars(select(User.password_hash)).all()
    assert len(hashes) == 5
    assert all(h.startswith(FULL_COST) for h in hashes), hashes
