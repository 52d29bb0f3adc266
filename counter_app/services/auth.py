"""Logging in: the only way to obtain an ``Actor``, the identity every action carries.

A password is checked against the local argon2id hash, so a login works with
no network. Wrong passwords are counted per user name on this counter; after
``LoginPolicy.max_failures`` of them the name is locked for
``LoginPolicy.lock_for`` by the service clock. Every failed login is audited
(and the audit log reaches the centre through the outbox).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.errors import AccountLocked, AuthenticationFailed, Forbidden, NotFound
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.domain.workflow import Role, role_label
from counter_app.models import LoginLockout, User
from counter_app.services import audit
from counter_app.services.context import ServiceContext, counter_identity

_CTX = "Users"
# argon2id with a memory cost that makes offline guessing of a stolen
# database slow, yet a login on a commune PC stays well under a second.
_HASHER = PasswordHasher(time_cost=2, memory_cost=64 * 1024, parallelism=1)
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


def load_user(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == username, User.active)).first()
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


@dataclass(frozen=True)
class _Attempt:
    user: User | None
    counted: bool  # earlier failures are on record
    locked_until: datetime | None
    counter_uuid: str


def _read_attempt(ctx: ServiceContext, name: str) -> _Attempt:
    with ctx.sessions() as session:
        counter_uuid = counter_identity(session).uuid
        # Disabled officials too: the right password then hears why it is refused.
        user = session.scalars(select(User).where(User.username == name)).first()
        lock = session.get(LoginLockout, name)
        if user is not None:
            session.expunge(user)
        until = lock.locked_until if lock and lock.locked_until else None
        return _Attempt(user, lock is not None, until, counter_uuid)


def _record_failure(ctx: ServiceContext, name: str, *, reason: str) -> datetime | None:
    """Count a wrong password, audit every failure; the lock's end if now locked."""
    policy = ctx.login_policy
    now = ctx.now()
    with ctx.sessions.begin() as session:
        lock = session.get(LoginLockout, name)
        if lock is None:
            lock = LoginLockout(username=name, failures=0)
            session.add(lock)
        if reason == "password":
            lock.failures += 1
            if lock.failures >= policy.max_failures:
                lock.locked_until = now + policy.lock_for
                lock.failures = 0
        until = lock.locked_until if lock.locked_until and lock.locked_until > now else None
        audit.log_event(
            session,
            ctx,
            name,
            "login.failed",
            f"user:{name}",
            {
                "reason": reason,
                "failures": lock.failures,
                "locked_until": until.isoformat() if until else None,
            },
        )
        return until


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
    attempt = _read_attempt(ctx, name)
    if attempt.locked_until is not None and attempt.locked_until > ctx.now():
        _record_failure(ctx, name, reason="locked")
        raise _locked(attempt.locked_until)
    # The slow hash runs outside any transaction: it must not hold the write lock.
    user = attempt.user
    if user is None or not _password_matches(user.password_hash, password):
        until = _record_failure(ctx, name, reason="password")
        if until is not None:
            raise _locked(until)
        raise _error(
            AuthenticationFailed, QT_TRANSLATE_NOOP("Users", "Wrong user name or password.")
        )
    if not user.active:
        # Said only after the right password: a guess learns nothing about the account.
        _record_failure(ctx, name, reason="disabled")
        raise _error(
            AuthenticationFailed,
            QT_TRANSLATE_NOOP(
                "Users",
                "This account has been disabled; ask the administrator to enable it again.",
            ),
        )
    if attempt.counted:
        # A good password clears the count: only consecutive failures lock.
        with ctx.sessions.begin() as session:
            lock = session.get(LoginLockout, name)
            if lock is not None:
                session.delete(lock)
    return Actor(
        user.username,
        user.full_name,
        user.title,
        roles_of(user),
        attempt.counter_uuid,
        _token=_LOGIN,
    )
