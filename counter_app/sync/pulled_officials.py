"""An official from the centre's feed applied here.

The centre owns who exists, the name, the password and whether the account is
active; roles and the title belong to whoever granted them, so the desk keeps
the centre's last copy of each official to tell the two apart.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.workflow import Role
from counter_app.models import SyncState, User, UserRole
from counter_app.sync.pull_reasons import (
    ROLES_KEPT_AT_DESK,
    ROLES_REMOVED_AT_CENTRE,
    TITLE_CHANGED_AT_CENTRE,
    TITLE_KEPT_AT_DESK,
    UNREADABLE,
    Notice,
    Refused,
)
from counter_app.wire.feed import Change

# The centre's last copy of each official's roles and title as applied here
# (sync_state, key + the centre's uuid): what the centre granted, told apart
# from what this desk granted itself.
_CENTRE_GRANT_KEY = "central_user:"


def _centre_grant(session: Session, user_uuid: str) -> tuple[set[str], str] | None:
    row = session.get(SyncState, _CENTRE_GRANT_KEY + user_uuid)
    if row is None:
        return None
    data = json.loads(row.value)
    return set(data["roles"]), str(data["title"])


def _keep_centre_grant(session: Session, user_uuid: str, roles: set[str], title: str) -> None:
    value = json.dumps({"roles": sorted(roles), "title": title}, ensure_ascii=False)
    row = session.get(SyncState, _CENTRE_GRANT_KEY + user_uuid)
    if row is None:
        session.add(SyncState(key=_CENTRE_GRANT_KEY + user_uuid, value=value))
    else:
        row.value = value


def apply_user(session: Session, change: Change, central_code: str | None) -> list[Notice]:
    """The centre owns who exists, the name, the password and whether the
    account is active; roles and the title belong to whoever granted them.

    Against the centre's previous copy: a role or title the centre added or
    changed applies, one it took away is removed, and one this desk granted
    that the centre never sent stays. Whatever the desk keeps or loses of its
    own is said in a notice (a sync issue) the administrator and the official
    see, never silently.
    """
    b = change.body
    roles = {str(r) for r in b["roles"]}
    title = str(b.get("title", ""))
    if not all(r in {role.value for role in Role} for r in roles):
        raise Refused(UNREADABLE)
    user = session.scalars(select(User).where(User.username == b["username"])).first()
    previous = _centre_grant(session, change.row_uuid)
    _keep_centre_grant(session, change.row_uuid, roles, title)
    if user is None:
        # A new official is the centre's as sent.
        user = User(uuid=b["uuid"], username=b["username"], roles=[])
        session.add(user)
        held, held_title = set(), title
        previous = None
    else:
        held, held_title = {r.role for r in user.roles}, user.title
    before_roles, before_title = previous if previous is not None else (set(), None)
    new_roles = (held | (roles - before_roles)) - (before_roles - roles)
    # A title the centre changed applies; one it never touched leaves the desk's.
    new_title = title if title != before_title and (previous or not held_title) else held_title
    user.full_name = b["full_name"]
    user.password_hash = b["password_hash"]
    user.active = bool(b.get("active", True))
    if new_roles != held:
        user.roles = [UserRole(role=r) for r in sorted(new_roles)]
    user.title = new_title
    said = {"username": user.username, "title": new_title, "was": held_title}
    notices = []
    if lost := held - new_roles:
        notices.append(Notice(ROLES_REMOVED_AT_CENTRE, said | {"roles": sorted(lost)}))
    if held_title and new_title != held_title:
        notices.append(Notice(TITLE_CHANGED_AT_CENTRE, said))
    if kept := new_roles - roles:
        notices.append(Notice(ROLES_KEPT_AT_DESK, said | {"roles": sorted(kept)}))
    if new_title != title:
        notices.append(Notice(TITLE_KEPT_AT_DESK, {**said, "title": title, "was": new_title}))
    return notices
