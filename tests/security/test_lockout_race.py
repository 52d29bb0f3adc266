"""The login lockout holds when many passwords are tried at once.

Each attempt is a real process running the login service against one data
directory (one SQLite file), released together: the try is taken in a write
transaction before the slow argon2 check, so the burst cannot check more
passwords than the lockout allows, and the right password sent inside the
burst is refused.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.app_setup import open_runtime
from counter_app.domain.errors import AccountLocked, AuthenticationFailed
from counter_app.models import AuditEntry, LoginAttempt
from counter_app.services import auth
from counter_app.services.context import LoginPolicy
from tests.conftest import PASSWORD, make_counter

ROOT = Path(__file__).resolve().parents[2]
WRONG = 15
# The right password comes this long after the burst was released: its
# processes are then hashing (old code) or locked out (fixed code).
RIGHT_AFTER_S = 0.3

# One login attempt: open the counter, say "ready", wait for "go" on stdin,
# try the password, print the outcome.
ATTEMPT = """
import sys
from counter_app.app_setup import open_runtime
from counter_app.domain.errors import AccountLocked, AuthenticationFailed
from counter_app.services import auth

rt = open_runtime(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
try:
    auth.login(rt.ctx, sys.argv[2], sys.argv[3])
    outcome = "ok"
except AccountLocked:
    outcome = "locked"
except AuthenticationFailed:
    outcome = "wrong"
rt.close()
print(outcome, flush=True)
"""


def _attempt(directory: Path, username: str, password: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", ATTEMPT, str(directory), username, password],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )


def _go(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()


def _outcome(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return out.split()[-1]


def test_a_burst_of_wrong_passwords_checks_at_most_the_limit_and_locks_the_right_one_out(
    tmp_path: Path,
) -> None:
    # GIVEN a counter whose official "tiepnhan" has never failed a login
    # (the wall clock, as the processes use it)
    rt = make_counter(tmp_path / "counter")
    directory = rt.data_dir
    limit = LoginPolicy().max_failures
    # AND fifteen processes with a wrong password and one with the right one, ready
    burst = [_attempt(directory, "tiepnhan", f"sai-{i}") for i in range(WRONG)]
    right = _attempt(directory, "tiepnhan", PASSWORD)
    try:
        for proc in [*burst, right]:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready", proc.stderr
        # WHEN the wrong ones are sent at once, and the right one inside the burst
        for proc in burst:
            _go(proc)
        time.sleep(RIGHT_AFTER_S)
        _go(right)
        outcomes = [_outcome(p) for p in burst]
        right_outcome = _outcome(right)
    finally:
        for proc in [*burst, right]:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    # THEN no wrong password got in, and the right one was refused: locked
    assert "ok" not in outcomes
    assert right_outcome == "locked"
    # AND at most the lockout's count of passwords were checked at all: the
    # rest were refused before the hash
    with rt.ctx.sessions() as s:
        failed = s.scalars(
            select(AuditEntry).where(AuditEntry.event == "login.failed").order_by(AuditEntry.id)
        ).all()
        in_flight = s.scalars(select(LoginAttempt)).all()
    reasons = [e.details["reason"] for e in failed]
    assert len(failed) == WRONG + 1
    assert 1 <= reasons.count("password") <= limit
    assert reasons.count("locked") == WRONG + 1 - reasons.count("password")
    assert outcomes.count("wrong") <= limit - 1
    # AND no try is left on record, and the name stays locked for the right password
    assert in_flight == []
    with pytest.raises(AccountLocked):
        auth.login(rt.ctx, "tiepnhan", PASSWORD)
    rt.close()


def test_a_try_left_by_a_process_that_died_mid_check_counts_as_wrong(tmp_path: Path) -> None:
    # GIVEN four wrong passwords on record and a check whose process died
    # mid-hash two minutes ago (its try still on record)
    rt = make_counter(tmp_path / "counter")
    for i in range(LoginPolicy().max_failures - 1):
        with pytest.raises(AuthenticationFailed):
            auth.login(rt.ctx, "tiepnhan", f"sai-{i}")
    with rt.ctx.sessions.begin() as s:
        s.add(
            LoginAttempt(username="tiepnhan", started_at=rt.ctx.now() - auth._ABANDONED_AFTER * 2)
        )
    # WHEN the right password is tried
    # THEN the abandoned try counted as the fifth failure: the name is locked
    with pytest.raises(AccountLocked):
        auth.login(rt.ctx, "tiepnhan", PASSWORD)
    rt.close()
    again = open_runtime(tmp_path / "counter")
    with again.ctx.sessions() as s:
        assert s.scalars(select(LoginAttempt)).all() == []
    again.close()
