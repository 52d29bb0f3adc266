"""Officials: creation by an administrator (or the first one at setup), and the list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.bounds import check_text
from counter_app.domain.errors import Conflict, Forbidden
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.text import nfc
from counter_app.domain.workflow import Role
from counter_app.models import User, UserRole
from counter_app.services import audit
from counter_app.services.auth import (
    Actor,
    acting_user,
    hash_password,
    load_user,
    roles_of,
)
from counter_app.services.context import ServiceContext

__all__ = [
    "MIN_PASSWORD",
    "UserInfo",
    "create_first_admin",
    "create_user",
    "hash_password",
    "list_users",
    "load_user",
    "roles_of",
]

_CTX = "Users"
MIN_PASSWORD = 8


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    title: str
    roles: frozenset[Role]


def _info(user: User) -> UserInfo:
    return UserInfo(user.username, user.full_name, user.title, roles_of(user))


def _error(source: str, field: str | None = None, **params: object) -> UserError:
    return UserError(Message(_CTX, source, dict(params)), field=field)


def _checked(
    username: str, full_name: str, password: str, roles: Iterable[Role]
) -> tuple[str, frozenset[Role]]:
    username = username.strip().lower()
    role_set = frozenset(roles)
    if not username or not username.replace(".", "").replace("_", "").isalnum():
        raise _error(
            QT_TRANSLATE_NOOP("Users", "The user name may contain only letters, digits, . and _."),
            "username",
        )
    check_text(username, "username", max_length=60)
    check_text(full_name, "full_name", max_length=120)
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
    return username, role_set


def check_first_admin(*, username: str, full_name: str, password: str, title: str = "") -> None:
    """The first administrator's details checked without saving anything: the
    setup checks them before it records the counter, so a refused password
    does not leave half a setup behind."""
    _checked(username, full_name, password, {Role.ADMIN})
    check_text(title, "title", max_length=120)


def create_user(
    ctx: ServiceContext,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    password: str,
    roles: Iterable[Role],
    title: str = "",
) -> UserInfo:
    """An administrator adds an official."""
    username, role_set = _checked(username, full_name, password, roles)
    check_text(title, "title", max_length=120)
    with ctx.sessions.begin() as session:
        acting_user(session, actor, role=Role.ADMIN)
        return _add(session, ctx, actor.username, username, full_name, title, password, role_set)


def create_first_admin(
    ctx: ServiceContext,
    *,
    username: str,
    full_name: str,
    password: str,
    roles: Iterable[Role] = (),
    title: str = "",
) -> UserInfo:
    """The counter's first official, always an administrator: nobody can log in
    yet to vouch for them, so this is refused once any official exists."""
    username, role_set = _checked(username, full_name, password, {Role.ADMIN, *roles})
    check_text(title, "title", max_length=120)
    with ctx.sessions.begin() as session:
        if session.scalars(select(User.id).limit(1)).first() is not None:
            raise Forbidden(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "Users",
                        "This counter already has officials; an administrator adds new ones.",
                    ),
                )
            )
        return _add(session, ctx, "setup", username, full_name, title, password, role_set)


def _add(
    session: Session,
    ctx: ServiceContext,
    by: str,
    username: str,
    full_name: str,
    title: str,
    password: str,
    role_set: frozenset[Role],
) -> UserInfo:
    if session.scalars(select(User).where(User.username == username)).first():
        raise Conflict(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Users", "The user name \u201c{username}\u201d is already taken."
                ),
                {"username": username},
            ),
            field="username",
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


def list_users(ctx: ServiceContext) -> list[UserInfo]:
    with ctx.sessions() as session:
        return [_info(u) for u in session.scalars(select(User).order_by(User.username))]
