"""Officials: creation by an administrator (or the first one at setup), the list,
and what an administrator changes later: disable/enable, password, roles.

Officials may also arrive from the centre's feed (sync/pulled_officials.py), which
overwrites the row as the centre holds it; the changes made here are audited,
and the audit log reaches the centre through the outbox."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.bounds import check_text
from counter_app.domain.errors import Conflict, Forbidden, NotFound
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
    "reset_password",
    "roles_of",
    "set_active",
    "set_roles",
]

_CTX = "Users"
MIN_PASSWORD = 8


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    title: str
    roles: frozenset[Role]
    active: bool = True


def _info(user: User) -> UserInfo:
    return UserInfo(user.username, user.full_name, user.title, roles_of(user), user.active)


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
    _check_password(password)
    if not role_set:
        raise _error(QT_TRANSLATE_NOOP("Users", "Give the user at least one role."), "roles")
    return username, role_set


def _check_password(password: str, confirm: str | None = None) -> None:
    """``confirm``, when given, is the same password typed a second time."""
    if len(password) < MIN_PASSWORD:
        raise _error(
            QT_TRANSLATE_NOOP("Users", "The password must have at least {count} characters."),
            "password",
            count=MIN_PASSWORD,
        )
    if confirm is not None and confirm != password:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Users", "The two passwords are not the same; type the same password twice."
            ),
            "confirm",
        )


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
    confirm: str | None = None,
) -> UserInfo:
    """An administrator adds an official; ``confirm`` is the password typed again."""
    username, role_set = _checked(username, full_name, password, roles)
    _check_password(password, confirm)
    check_text(title, "title", max_length=120)
    # The slow hash runs before the write: it must not hold the writer up.
    hashed = hash_password(password)

    def add(session: Session) -> UserInfo:
        acting_user(session, actor, role=Role.ADMIN)
        return _add(session, ctx, actor.username, username, full_name, title, hashed, role_set)

    return ctx.sessions.write(add)


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
    hashed = hash_password(password)

    def add_first(session: Session) -> UserInfo:
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
        return _add(session, ctx, "setup", username, full_name, title, hashed, role_set)

    return ctx.sessions.write(add_first)


def _add(
    session: Session,
    ctx: ServiceContext,
    by: str,
    username: str,
    full_name: str,
    title: str,
    password_hash: str,
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
        password_hash=password_hash,
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


def _target(session: Session, username: str) -> User:
    """The official an administrator acts on, disabled ones included."""
    user = session.scalars(select(User).where(User.username == username.strip().lower())).first()
    if user is None:
        raise NotFound(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP("Users", "There is no official \u201c{username}\u201d."),
                {"username": username},
            )
        )
    return user


def _keep_an_admin(session: Session, user: User) -> None:
    """Refuse leaving the counter with no active administrator besides ``user``:
    nobody could then add officials, reset a password or import the catalogue."""
    others = session.scalars(
        select(User.id)
        .join(UserRole)
        .where(User.active, UserRole.role == Role.ADMIN.value, User.id != user.id)
        .limit(1)
    ).first()
    if others is None:
        raise Forbidden(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Users",
                    "\u201c{username}\u201d is the last active administrator; give another "
                    "official the administrator role first.",
                ),
                {"username": user.username},
            ),
            field="roles",
        )


def set_active(ctx: ServiceContext, actor: Actor, username: str, active: bool) -> UserInfo:
    """Disable an official (they can no longer log in; their dossiers and
    history stay) or enable them again. Never oneself: so the administrator
    acting stays, and the counter keeps an active administrator."""

    def change(session: Session) -> UserInfo:
        admin = acting_user(session, actor, role=Role.ADMIN)
        user = _target(session, username)
        if not active and user.id == admin.id:
            raise Forbidden(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "Users",
                        "You cannot disable your own account; another administrator may.",
                    ),
                )
            )
        if user.active != active:
            user.active = active
            audit.log_event(
                session,
                ctx,
                actor.username,
                "user.enable" if active else "user.disable",
                f"user:{user.username}",
                {},
            )
        return _info(user)

    return ctx.sessions.write(change)


def reset_password(
    ctx: ServiceContext, actor: Actor, username: str, password: str, confirm: str
) -> UserInfo:
    """The administrator gives an official a new password (typed twice)."""
    _check_password(password, confirm)
    # The slow hash runs before the write transaction: it must not hold the write lock.
    hashed = hash_password(password)

    def reset(session: Session) -> UserInfo:
        acting_user(session, actor, role=Role.ADMIN)
        user = _target(session, username)
        user.password_hash = hashed
        audit.log_event(
            session, ctx, actor.username, "user.password_reset", f"user:{user.username}", {}
        )
        return _info(user)

    return ctx.sessions.write(reset)


def set_roles(ctx: ServiceContext, actor: Actor, username: str, roles: Iterable[Role]) -> UserInfo:
    """Change what an official may do; at least one role, and an administrator left."""
    role_set = frozenset(roles)
    if not role_set:
        raise _error(QT_TRANSLATE_NOOP("Users", "Give the user at least one role."), "roles")

    def change(session: Session) -> UserInfo:
        acting_user(session, actor, role=Role.ADMIN)
        user = _target(session, username)
        before = roles_of(user)
        if Role.ADMIN in before and Role.ADMIN not in role_set and user.active:
            _keep_an_admin(session, user)
        if before != role_set:
            user.roles = [UserRole(role=r.value) for r in sorted(role_set)]
            audit.log_event(
                session,
                ctx,
                actor.username,
                "user.roles",
                f"user:{user.username}",
                {
                    "before": sorted(r.value for r in before),
                    "after": sorted(r.value for r in role_set),
                },
            )
            session.flush()
        return _info(user)

    return ctx.sessions.write(change)
