"""Officials: creation, roles and offline login (argon2id hashes kept locally)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.text import nfc
from counter_app.domain.workflow import Role
from counter_app.models import User, UserRole
from counter_app.services import audit
from counter_app.services.context import ServiceContext

_CTX = "Users"
# argon2id with a memory cost that makes offline guessing of a stolen
# database slow, yet a login on a commune PC stays well under a second.
_HASHER = PasswordHasher(time_cost=2, memory_cost=64 * 1024, parallelism=1)
MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    """The argon2id hash kept locally (and sent down by the centre) for offline login."""
    return _HASHER.hash(password)


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    title: str
    roles: frozenset[Role]


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.username, user.full_name, user.title, frozenset(Role(r.role) for r in user.roles)
    )


def _error(source: str, field: str | None = None, **params: object) -> UserError:
    return UserError(Message(_CTX, source, dict(params)), field=field)


def create_user(
    ctx: ServiceContext,
    *,
    username: str,
    full_name: str,
    password: str,
    roles: Iterable[Role],
    title: str = "",
    by: str = "setup",
) -> UserInfo:
    username = username.strip().lower()
    role_set = frozenset(roles)
    if not username or not username.replace(".", "").replace("_", "").isalnum():
        raise _error(
            QT_TRANSLATE_NOOP("Users", "The user name may contain only letters, digits, . and _."),
            "username",
        )
    if not nfc(full_name):
        raise _error(QT_TRANSLATE_NOOP("Users", "Enter the official's full name."), "full_name")
    if len(password) < MIN_PASSWORD:
        raise _error(
            QT_TRANSLATE_NOOP("Users", "The password must have at least {count} characters."),
            "password",
            count=MIN_PASSWORD,
        )
    if not role_set:
        raise _error(QT_TRANSLATE_NOOP("Users", "Give the user at least one role."), "roles")
    with ctx.sessions.begin() as session:
        if session.scalars(select(User).where(User.username == username)).first():
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Users", "The user name \u201c{username}\u201d is already taken."
                ),
                "username",
                username=username,
            )
        user = User(
            username=username,
            full_name=nfc(full_name),
            title=nfc(title),
            password_hash=hash_password(password),
            roles=[UserRole(role=r.value) for r in sorted(role_set)],
        )
        session.add(user)
        session.flush()
        audit.log_event(
            session,
            ctx,
            by,
            "user.create",
            f"user:{username}",
            {"roles": sorted(r.value for r in role_set)},
        )
        return _info(user)


def authenticate(ctx: ServiceContext, username: str, password: str) -> UserInfo:
    """Check a password against the local hash: works with no network at all."""
    with ctx.sessions() as session:
        user = session.scalars(
            select(User).where(User.username == username.strip().lower(), User.active)
        ).first()
        failed = _error(QT_TRANSLATE_NOOP("Users", "Wrong user name or password."), "password")
        if user is None:
            raise failed
        try:
            _HASHER.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise failed from None
        return _info(user)


def load_user(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == username, User.active)).first()
    if user is None:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Users", "The user \u201c{username}\u201d does not exist or is locked."
            ),
            username=username,
        )
    return user


def roles_of(user: User) -> frozenset[Role]:
    return frozenset(Role(r.role) for r in user.roles)


def list_users(ctx: ServiceContext) -> list[UserInfo]:
    with ctx.sessions() as session:
        return [_info(u) for u in session.scalars(select(User).order_by(User.username))]
