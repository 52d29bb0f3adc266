"""Officials log in offline against argon2id hashes kept on the counter."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.errors import Conflict
from counter_app.domain.messages import UserError
from counter_app.domain.workflow import Role
from counter_app.models import AuditEntry, User
from counter_app.services.auth import login as authenticate
from counter_app.services.users import create_user
from tests.conftest import PASSWORD, login


def test_password_is_stored_as_argon2id(counter: Runtime) -> None:
    with counter.ctx.sessions() as s:
        stored = s.scalars(select(User.password_hash).where(User.username == "tiepnhan")).one()
    assert stored.startswith("$argon2id$")
    assert "m=65536" in stored  # memory-hard: 64 MiB per guess
    assert PASSWORD not in stored


def test_login_works_with_no_network_and_gives_roles(counter: Runtime) -> None:
    user = authenticate(counter.ctx, " TiepNhan ", PASSWORD)
    assert user.username == "tiepnhan" and user.full_name == "Hoàng Thị Mai"
    assert user.roles == {Role.RECEIVER, Role.RETURNER}


@pytest.mark.parametrize(
    ("username", "password"), [("tiepnhan", "sai-mat-khau"), ("khongco", PASSWORD)]
)
def test_wrong_login_says_the_same_thing(counter: Runtime, username: str, password: str) -> None:
    with pytest.raises(UserError, match="Wrong user name or password") as err:
        authenticate(counter.ctx, username, password)
    assert err.value.field == "password"


def test_new_user_checks_and_audit(counter: Runtime) -> None:
    with pytest.raises(Conflict) as err:
        create_user(
            counter.ctx,
            login(counter, "quantri"),
            username="tiepnhan",
            full_name="X Y",
            password=PASSWORD,
            roles=[Role.RECEIVER],
        )
    assert err.value.field == "username"
    with pytest.raises(UserError) as err:
        create_user(
            counter.ctx,
            login(counter, "quantri"),
            username="moi",
            full_name="Lò Văn Mới",
            password="ngan",
            roles=[Role.RECEIVER],
        )
    assert err.value.field == "password"
    with pytest.raises(UserError) as err:
        create_user(
            counter.ctx,
            login(counter, "quantri"),
            username="moi",
            full_name="Lò Văn Mới",
            password=PASSWORD,
            roles=[],
        )
    assert err.value.field == "roles"
    create_user(
        counter.ctx,
        login(counter, "quantri"),
        username="moi",
        full_name="Lò Văn Mới",
        password=PASSWORD,
        roles=[Role.APPRAISER],
    )
    with counter.ctx.sessions() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None and (last.event, last.entity, last.username) == (
        "user.create",
        "user:moi",
        "quantri",
    )
