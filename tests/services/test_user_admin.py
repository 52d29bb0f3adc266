"""An administrator disables, enables, re-passwords and re-roles officials."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.errors import Forbidden, NotFound
from counter_app.domain.messages import UserError
from counter_app.domain.workflow import Role
from counter_app.models import AuditEntry, User
from counter_app.services import users
from counter_app.services.auth import login as authenticate
from tests.conftest import PASSWORD, login

NEW_PASSWORD = "mat-khau-moi-456"


def _last_audit(rt: Runtime) -> tuple[str, str, str, dict[str, object]]:
    with rt.ctx.sessions() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None
        return last.event, last.entity, last.username, dict(last.details or {})


def _user_row(rt: Runtime, username: str) -> tuple[bool, str]:
    with rt.ctx.sessions() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        return user.active, user.password_hash


def test_a_disabled_official_cannot_log_in_and_is_told_why(counter: Runtime) -> None:
    # GIVEN an official who can log in
    admin = login(counter, "quantri")
    # WHEN the administrator disables them
    info = users.set_active(counter.ctx, admin, "thamdinh", False)
    # THEN the list shows it, the right password hears the account is disabled
    assert not info.active
    assert [u.active for u in users.list_users(counter.ctx) if u.username == "thamdinh"] == [False]
    assert _last_audit(counter)[:3] == ("user.disable", "user:thamdinh", "quantri")
    with pytest.raises(UserError, match="disabled; ask the administrator") as err:
        authenticate(counter.ctx, "thamdinh", PASSWORD)
    assert err.value.field == "password"
    event, entity, _by, details = _last_audit(counter)
    assert (event, entity, details["reason"]) == ("login.failed", "user:thamdinh", "disabled")
    # and a wrong password says no more than for anyone else
    with pytest.raises(UserError, match="Wrong user name or password"):
        authenticate(counter.ctx, "thamdinh", "sai-mat-khau")
    # WHEN enabled again THEN they log in
    users.set_active(counter.ctx, admin, "thamdinh", True)
    assert _last_audit(counter)[0] == "user.enable"
    assert authenticate(counter.ctx, "thamdinh", PASSWORD).username == "thamdinh"


def test_an_earlier_login_of_a_disabled_official_acts_no_more(counter: Runtime) -> None:
    clerk = login(counter, "tiepnhan")
    users.set_active(counter.ctx, login(counter, "quantri"), "tiepnhan", False)
    with pytest.raises(NotFound):
        users.set_active(counter.ctx, clerk, "thamdinh", False)


def test_the_administrator_cannot_disable_themselves_or_the_last_admin(counter: Runtime) -> None:
    admin = login(counter, "quantri")
    with pytest.raises(Forbidden, match="your own account"):
        users.set_active(counter.ctx, admin, "quantri", False)
    # WHEN there are two administrators, one may disable the other
    users.set_roles(counter.ctx, admin, "motcua", {Role.RECEIVER, Role.ADMIN})
    second = authenticate(counter.ctx, "motcua", PASSWORD)
    users.set_active(counter.ctx, second, "quantri", False)
    users.set_active(counter.ctx, second, "quantri", True)
    # THEN with the second disabled, the first is the last one and keeps the role
    users.set_active(counter.ctx, admin, "motcua", False)
    with pytest.raises(Forbidden, match="last active administrator"):
        users.set_roles(counter.ctx, admin, "quantri", {Role.RECEIVER})
    assert _user_row(counter, "quantri")[0]


def test_removing_the_last_admin_role_is_refused(counter: Runtime) -> None:
    admin = login(counter, "quantri")
    with pytest.raises(Forbidden, match="last active administrator") as err:
        users.set_roles(counter.ctx, admin, "quantri", {Role.RECEIVER})
    assert err.value.field == "roles"
    assert Role.ADMIN in authenticate(counter.ctx, "quantri", PASSWORD).roles


def test_roles_change_what_the_official_may_do(counter: Runtime) -> None:
    admin = login(counter, "quantri")
    with pytest.raises(UserError) as err:
        users.set_roles(counter.ctx, admin, "thamdinh", [])
    assert err.value.field == "roles"
    info = users.set_roles(counter.ctx, admin, "thamdinh", {Role.RECEIVER, Role.APPRAISER})
    assert info.roles == {Role.RECEIVER, Role.APPRAISER}
    event, entity, by, details = _last_audit(counter)
    assert (event, entity, by) == ("user.roles", "user:thamdinh", "quantri")
    assert details == {"before": ["appraiser"], "after": ["appraiser", "receiver"]}
    assert authenticate(counter.ctx, "thamdinh", PASSWORD).roles == {
        Role.RECEIVER,
        Role.APPRAISER,
    }


def test_reset_password_checks_both_typings(counter: Runtime) -> None:
    admin = login(counter, "quantri")
    before = _user_row(counter, "tiepnhan")[1]
    with pytest.raises(UserError, match="not the same") as err:
        users.reset_password(counter.ctx, admin, "tiepnhan", NEW_PASSWORD, NEW_PASSWORD + "x")
    assert err.value.field == "confirm"
    with pytest.raises(UserError, match="at least 8") as err:
        users.reset_password(counter.ctx, admin, "tiepnhan", "ngan", "ngan")
    assert err.value.field == "password"
    assert _user_row(counter, "tiepnhan")[1] == before
    users.reset_password(counter.ctx, admin, "tiepnhan", NEW_PASSWORD, NEW_PASSWORD)
    assert _last_audit(counter) == ("user.password_reset", "user:tiepnhan", "quantri", {})
    with pytest.raises(UserError, match="Wrong user name or password"):
        authenticate(counter.ctx, "tiepnhan", PASSWORD)
    assert authenticate(counter.ctx, "tiepnhan", NEW_PASSWORD).username == "tiepnhan"


def test_only_an_administrator_manages_officials(counter: Runtime) -> None:
    clerk = login(counter, "tiepnhan")
    for attempt in (
        lambda: users.set_active(counter.ctx, clerk, "thamdinh", False),
        lambda: users.set_roles(counter.ctx, clerk, "tiepnhan", {Role.ADMIN}),
        lambda: users.reset_password(counter.ctx, clerk, "thamdinh", NEW_PASSWORD, NEW_PASSWORD),
    ):
        with pytest.raises(Forbidden, match="Administrator"):
            attempt()
    assert _user_row(counter, "thamdinh")[0]
    with pytest.raises(NotFound, match="no official"):
        users.set_active(counter.ctx, login(counter, "quantri"), "khongco", False)


def test_create_user_checks_the_password_typed_twice(counter: Runtime) -> None:
    with pytest.raises(UserError, match="not the same") as err:
        users.create_user(
            counter.ctx,
            login(counter, "quantri"),
            username="moi",
            full_name="Lò Văn Mới",
            password=PASSWORD,
            confirm="mat-khau-124",
            roles=[Role.RECEIVER],
        )
    assert err.value.field == "confirm"
    assert "moi" not in {u.username for u in users.list_users(counter.ctx)}
