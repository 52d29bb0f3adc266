"""Logging in: the only way to obtain an ``Actor``, the identity every action carries.

A password is checked against the local argon2id hash, so a login works with
no network. Wrong passwords are counted per user name on this counter; after
``LoginPolicy.max_failures`` of them the name is locked for
``LoginPolicy.lock_for`` by the service clock. Every failed login is audited
(and the audit log reaches the centre through the outbox).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, joinedload

from counter_app.domain.errors import AccountLocked, AuthenticationFailed, Forbidden, NotFound
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.domain.workflow import Role, role_label
from counter_app.models import LoginAttempt, LoginLockout, User
from counter_app.services import audit
from counter_app.services.context import ServiceContext, counter_identity

_CTX = "Users"


@dataclass(frozen=True)
class PasswordCost:
    time_cost: int
    memory_cost: int  # KiB
    parallelism: int


# argon2id with a memory cost that makes offline guessing of a stolen
# database slow, yet a login on a commune PC stays well under a second.
PASSWORD_COST = PasswordCost(time_cost=2, memory_cost=64 * 1024, parallelism=1)
# FOR THE TEST SUITE ONLY: with this variable set to 1 when the module is
# imported, new hashes are made at argon2's lowest cost, so the thousands of
# officials the tests create do not each cost a fifth of a second. It never
# weakens the check of an existing hash: argon2 verifies with the cost written
# in the hash itself. The tests of logging in run at PASSWORD_COST.
TEST_FAST_HASH_ENV = "COUNTER_APP_TEST_FAST_HASH"
TEST_COST = PasswordCost(time_cost=1, memory_cost=8, parallelism=1)


def password_hasher(cost: PasswordCost) -> PasswordHasher:
    return PasswordHasher(
        time_cost=cost.time_cost, memory_cost=cost.memory_cost, parallelism=cost.parallelism
    )


_HASHER = password_hasher(TEST_COST if os.environ.get(TEST_FAST_HASH_ENV) == "1" else PASSWORD_COST)
# Module-private: only ``login`` holds it, so no other code can build an Actor
# from a bare user name.
_LOGIN = object()
# Longest user name kept (the column's width); longer typing is cut for the record.
_NAME_MAX = 60


def hash_password(password: str) -> str:
    """The argon2id hash kept locally (and sent down by the centre) for offline login."""
    return _HASHER.hash(password)


def _password_matches(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class Actor:
    """An official who has just proved who they are, on this counter.

    Built only by ``login`` (its token is checked, then consumed, so
    ``dataclasses.replace`` cannot forge a copy with other roles either).
    """

    username: str
    full_name: str
    title: str
    roles: frozenset[Role]
    counter_uuid: str
    _token: object = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._token is not _LOGIN:
            raise TypeError("An Actor is created only by a successful login (services.auth.login).")
        object.__setattr__(self, "_token", None)


def _error(cls: type[Forbidden], source: str, **params: object) -> Forbidden:
    return cls(Message(_CTX, source, dict(params)), field="password")


# The roles in the same statement, built once: every write checks them (acting_user).
_ACTIVE_USER = (
    select(User)
    .options(joinedload(User.roles))
    .where(User.username == bindparam("username"), User.active)
)


def load_user(session: Session, username: str) -> User:
    user = session.scalars(_ACTIVE_USER, {"username": username}).unique().first()
    if user is None:
        raise NotFound(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Users", "The user \u201c{username}\u201d does not exist or is locked."
                ),
                {"username": username},
            )
        )
    return user


def roles_of(user: User) -> frozenset[Role]:
    return frozenset(Role(r.role) for r in user.roles)


def acting_user(session: Session, actor: Actor, *, role: Role | None = None) -> User:
    """The stored official behind ``actor``, checked again inside the caller's transaction.

    Refused when the login was made on another counter's database, when the
    official has been deactivated since, or (with ``role``) lacks that role.
    """
    if not isinstance(actor, Actor):
        # Untyped callers (scripts, plugins) passing a user name string.
        raise TypeError(f"expected an Actor from services.auth.login, got {type(actor).__name__}")
    if actor.counter_uuid != counter_identity(session).uuid:
        raise Forbidden(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Users", "This login belongs to another counter; log in again on this one."
                ),
            )
        )
    user = load_user(session, actor.username)
    if role is not None and role not in roles_of(user):
        raise Forbidden(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Users", "Only an official with the role \u201c{role}\u201d may do this."
                ),
                {"role": role_label(role)},
            )
        )
    return user


# A try still on record this long after it began was left by a process that
# died mid-check (a hash takes well under a second): it counts as a wrong
# password, the side that cannot help a guesser.
_ABANDONED_AFTER = timedelta(minutes=1)


@dataclass(frozen=True)
class _Attempt:
    id: int
    user: User | None
    counter_uuid: str


def _lock_row(session: Session, name: str) -> LoginLockout:
    lock = session.get(LoginLockout, name)
    if lock is None:
        lock = LoginLockout(username=name, failures=0)
        session.add(lock)
    return lock


def _lock_end(lock: LoginLockout | None, now: datetime) -> datetime | None:
    if lock is None or lock.locked_until is None or lock.locked_until <= now:
        return None
    return lock.locked_until


def _count_failure(ctx: ServiceContext, lock: LoginLockout, now: datetime) -> None:
    """One more wrong password; the name locks at the policy's count."""
    if _lock_end(lock, now) is not None:
        return
    lock.failures += 1
    if lock.failures >= ctx.login_policy.max_failures:
        lock.locked_until = now + ctx.login_policy.lock_for
        lock.failures = 0


def _audit_failure(
    session: Session, ctx: ServiceContext, name: str, reason: str, lock: LoginLockout | None
) -> datetime | None:
    """Every failed login is audited; the lock's end if the name is locked now."""
    until = _lock_end(lock, ctx.now())
    audit.log_event(
        session,
        ctx,
        name,
        "login.failed",
        f"user:{name}",
        {
            "reason": reason,
            "failures": lock.failures if lock is not None else 0,
            "locked_until": until.isoformat() if until else None,
        },
    )
    return until


def _take_try(ctx: ServiceContext, name: str) -> _Attempt | datetime:
    """Take one of the name's remaining tries before the hash; the lock's end if none is left.

    One write transaction (BEGIN IMMEDIATE: every process on this database
    waits its turn) reads the failures and the lock and records the try, so
    checks running at once count each other: with four failures on record
    and one check in flight, a sixth attempt finds no try left and locks the
    name at once, without a hash.
    """
    now = ctx.now()

    def take(session: Session) -> _Attempt | datetime:
        counter_uuid = counter_identity(session).uuid
        lock = session.get(LoginLockout, name)
        abandoned = session.scalars(
            select(LoginAttempt).where(
                LoginAttempt.username == name, LoginAttempt.started_at < now - _ABANDONED_AFTER
            )
        ).all()
        for row in abandoned:
            session.delete(row)
            lock = _lock_row(session, name)
            _count_failure(ctx, lock, now)
        if _lock_end(lock, now) is None:
            in_flight = session.scalar(
                select(func.count()).select_from(LoginAttempt).where(LoginAttempt.username == name)
            )
            failures = lock.failures if lock is not None else 0
            if failures + (in_flight or 0) >= ctx.login_policy.max_failures:
                # More checks at once than tries left: a burst, not a typist.
                lock = _lock_row(session, name)
                lock.locked_until = now + ctx.login_policy.lock_for
                lock.failures = 0
        if _lock_end(lock, now) is not None:
            until = _audit_failure(session, ctx, name, "locked", lock)
            assert until is not None
            return until
        # Disabled officials too: the right password then hears why it is refused.
        user = session.scalars(select(User).where(User.username == name)).first()
        attempt = LoginAttempt(username=name, started_at=now)
        session.add(attempt)
        session.flush()
        if user is not None:
            session.expunge(user)
        return _Attempt(attempt.id, user, counter_uuid)

    # On the window's writer, between its other writes; the hash runs after, off it.
    return ctx.sessions.write(take)


def _give_back(ctx: ServiceContext, name: str, attempt: _Attempt, outcome: str) -> datetime | None:
    """Record the check's outcome ("ok", "password", "disabled") and free its try.

    The lock is read again here: attempts that ran alongside may have locked
    the name while this one hashed, and then even the right password is
    refused. Returns the lock's end when the name is locked now.
    """
    now = ctx.now()

    def give_back(session: Session) -> datetime | None:
        row = session.get(LoginAttempt, attempt.id)
        if row is not None:
            session.delete(row)
        lock = session.get(LoginLockout, name)
        if outcome == "password":
            lock = _lock_row(session, name)
            if row is not None:
                # Else a later login already counted it as abandoned.
                _count_failure(ctx, lock, now)
            return _audit_failure(session, ctx, name, "password", lock)
        if _lock_end(lock, now) is not None:
            return _audit_failure(session, ctx, name, "locked", lock)
        if outcome == "disabled":
            _audit_failure(session, ctx, name, "disabled", lock)
            return None
        if lock is not None:
            # A good password clears the count: only consecutive failures lock.
            session.delete(lock)
        return None

    return ctx.sessions.write(give_back)


def _locked(until: datetime) -> AccountLocked:
    return AccountLocked(
        Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Users",
                "Too many wrong passwords: this account is locked until {time}; "
                "try again then or ask the administrator.",
            ),
            {"time": f"{until:%H:%M %d/%m/%Y}"},
        ),
        field="password",
    )


def login(ctx: ServiceContext, username: str, password: str) -> Actor:
    """Check a password against the local hash: works with no network at all."""
    name = username.strip().lower()[:_NAME_MAX]
    attempt = _take_try(ctx, name)
    if isinstance(attempt, datetime):
        raise _locked(attempt)
    # The slow hash runs outside any transaction: it must not hold the write lock.
    user = attempt.user
    if user is None or not _password_matches(user.password_hash, password):
        until = _give_back(ctx, name, attempt, "password")
        if until is not None:
            raise _locked(until)
        raise _error(
            AuthenticationFailed, QT_TRANSLATE_NOOP("Users", "Wrong user name or password.")
        )
    until = _give_back(ctx, name, attempt, "ok" if user.active else "disabled")
    if until is not None:
        raise _locked(until)
    if not user.active:
        # Said only after the right password: a guess learns nothing about the account.
        raise _error(
            AuthenticationFailed,
            QT_TRANSLATE_NOOP(
                "Users",
                "This account has been disabled; ask the administrator to enable it again.",
            ),
        )
    return Actor(
        user.username,
        user.full_name,
        user.title,
        roles_of(user),
        attempt.counter_uuid,
        _token=_LOGIN,
    )
