"""Shared fixtures: real SQLite files in tmp_path, a set-up counter, real officials."""

from __future__ import annotations

import gc
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Officials' passwords hashed at argon2's lowest cost (read once when
# counter_app.services.auth is imported, so before the imports below; the
# CLI processes the tests start inherit it). The tests of logging in itself
# run at the production cost (REAL_PASSWORD_COST below);
# COUNTER_APP_TEST_FAST_HASH=0 runs the whole suite at full cost.
os.environ.setdefault("COUNTER_APP_TEST_FAST_HASH", "1")

from counter_app import config  # noqa: E402
from counter_app.app_setup import Runtime, open_runtime  # noqa: E402
from counter_app.devtools.local_cluster import LocalCluster  # noqa: E402
from counter_app.domain.procedure import FeeKind  # noqa: E402
from counter_app.domain.workflow import Role  # noqa: E402
from counter_app.private_files import private_file  # noqa: E402
from counter_app.resources_path import resource  # noqa: E402
from counter_app.services import auth, catalogue, setup, users  # noqa: E402
from counter_app.services.auth import Actor  # noqa: E402
from counter_app.services.context import ServiceContext  # noqa: E402
from counter_app.storage import Sessions  # noqa: E402

PASSWORD = "mat-khau-123"
AGENCY = "000.00.37.H37"


# What an official types at reception for a fee the province sets (e.g. 1.004873).
PROVINCE_FEE = 15_000


def typed_fee(code: str) -> int | None:
    """The amount typed at reception for ``code``: only a province-set fee needs one."""
    with open(str(resource(*catalogue.SAMPLE_CATALOGUE)), encoding="utf-8") as sample:
        kinds = {p["code"]: p["fee"]["kind"] for p in json.load(sample)["procedures"]}
    return PROVINCE_FEE if kinds.get(code) == FeeKind.SET_BY_PROVINCE.value else None


class Clock:
    """A settable wall clock for services (the demo uses the same idea)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


# Logins already made, per database (the Sessions object is kept so its id is
# not reused by another test's database): argon2 is slow on purpose.
_ACTORS: dict[tuple[int, str], tuple[Sessions, Actor]] = {}


def login(where: Runtime | ServiceContext, username: str, password: str = PASSWORD) -> Actor:
    """A real login through the service, remembered for the test's database."""
    ctx = where.ctx if isinstance(where, Runtime) else where
    key = (id(ctx.sessions), username)
    known = _ACTORS.get(key)
    if known is not None and known[0] is ctx.sessions:
        return known[1]
    actor = auth.login(ctx, username, password)
    _ACTORS[key] = (ctx.sessions, actor)
    return actor


# A database file just as the first start leaves it (every migration run, no
# counter in it yet), made once per test process: see seed_database.
_FRESH_DATABASE: Path | None = None


def seed_database(data_dir: Path) -> None:
    """Put a freshly migrated, empty database into a new data dir.

    open_runtime then finds it at head and runs no migration, the work it
    would otherwise repeat identically for every test; everything after the
    migrations (the counter's identity, its uuid, officials) is still made
    per test. Does nothing outside a pytest session or where a database is.
    """
    if _FRESH_DATABASE is None:
        return
    target = config.database_path(config.data_dir(data_dir))
    if target.exists():
        return
    private_file(target)
    shutil.copyfile(_FRESH_DATABASE, target)


@pytest.fixture(scope="session", autouse=True)
def _fresh_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    global _FRESH_DATABASE
    directory = tmp_path_factory.mktemp("fresh-database")
    open_runtime(directory).close()
    database = config.database_path(directory)
    # Closed, so SQLite has checkpointed its WAL into the file: the file alone is the database.
    leftovers = [p.name for p in directory.iterdir() if p.name.startswith(database.name + "-")]
    assert not leftovers, leftovers
    _FRESH_DATABASE = database
    yield
    _FRESH_DATABASE = None


def make_counter(data_dir: Path, *, slot: int = 0, name: str = "Quầy số 1") -> Runtime:
    seed_database(data_dir)
    rt = open_runtime(data_dir)
    setup.setup_counter(
        rt.ctx,
        agency_id=AGENCY,
        agency_name="UBND xã Hoàng Văn Thụ",
        unit_name="Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
        parent_name="UBND TỈNH LẠNG SƠN",
        place="Lạng Sơn",
        phone="0205 3870 123",
        counter_name=name,
        code_slot=slot,
    )
    users.create_first_admin(
        rt.ctx, username="quantri", full_name="Lương Văn Hải", password=PASSWORD
    )
    admin = login(rt, "quantri")
    catalogue.import_sample(rt.ctx, admin)
    for username, full_name, roles in (
        ("tiepnhan", "Hoàng Thị Mai", (Role.RECEIVER, Role.RETURNER)),
        ("thamdinh", "Vi Văn Tùng", (Role.APPRAISER,)),
        ("phochutich", "Nông Văn Kính", (Role.APPROVER,)),
        ("motcua", "Lê Thị Hạnh", (Role.RECEIVER, Role.APPRAISER, Role.RETURNER)),
    ):
        users.create_user(
            rt.ctx, admin, username=username, full_name=full_name, password=PASSWORD, roles=roles
        )
    return rt


# The tests of logging in itself: their officials' hashes, and the checks
# against them, cost what they cost on a desk (a burst of logins racing the
# lockout needs the hash to take its real time).
REAL_PASSWORD_COST = (
    "tests/security/test_lockout_race.py",
    "tests/services/test_actor.py",
    "tests/services/test_users.py",
)
_ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.relative_to(_ROOT).as_posix() in REAL_PASSWORD_COST:
            item.add_marker(pytest.mark.real_password_cost)


@pytest.fixture(autouse=True)
def _password_cost(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Production's argon2 cost for a test marked ``real_password_cost``.

    Autouse, so it is in place before the test's counter makes its officials;
    the processes such a test starts do not inherit the cheap cost either."""
    if request.node.get_closest_marker("real_password_cost") is None:
        return
    monkeypatch.setattr(auth, "_HASHER", auth.password_hasher(auth.PASSWORD_COST))
    monkeypatch.delenv(auth.TEST_FAST_HASH_ENV, raising=False)


@pytest.fixture(scope="session", autouse=True)
def _qt_app_with_translations(qapp: object) -> None:
    """One QApplication for the whole run, with the Vietnamese translators, so
    in-process CLI calls and widgets both show what an official would see."""
    from counter_app import i18n
    from counter_app.ui import ui_thread

    i18n.install(qapp)  # type: ignore[arg-type]
    ui_thread.prefer_ui_thread()


def _busy_share(seconds: float) -> float:
    """The share of the machine's CPU time spent busy over ``seconds`` (Linux)."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat") as stat:
            fields = [int(v) for v in stat.readline().split()[1:]]
        idle = fields[3] + fields[4]  # idle + iowait
        return sum(fields) - idle, sum(fields)

    busy0, total0 = sample()
    time.sleep(seconds)
    busy1, total1 = sample()
    return (busy1 - busy0) / max(1, total1 - total0)


@pytest.fixture(autouse=True)
def _alone_on_a_quiet_machine(request: pytest.FixtureRequest) -> None:
    """A test marked "alone" measures how fast the window answers: it starts
    once what ran before it has finished (make test runs it right after the
    parallel part, whose workers and PostgreSQL clusters take a moment to
    wind down), never later than a minute."""
    if request.node.get_closest_marker("alone") is None or not os.path.exists("/proc/stat"):
        return
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _busy_share(0.5) > 0.2:
        pass


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_main_thread() -> Iterator[None]:
    """As in the window (ui/ui_thread.py): no collection on the writer's
    or a pool's thread while a test runs; the main thread collects after it."""
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture
def clock() -> Clock:
    # Thursday 26 Nov 2026, 09:00: a normal working morning.
    return Clock(datetime(2026, 11, 26, 9, 0))


@pytest.fixture
def counter(tmp_path: Path, clock: Clock) -> Iterator[Runtime]:
    rt = make_counter(tmp_path / "counter")
    rt.ctx.clock = clock
    yield rt
    rt.close()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[LocalCluster]:
    """One PostgreSQL cluster for the whole session (initdb takes seconds).

    Its folder is not under pytest's basetemp: another pytest session resets
    that tree to mode 0700, which locks the server (run as ``postgres``) out
    of its own data mid-run.
    """
    home = Path(tempfile.mkdtemp(prefix="counter-app-pg-"))
    cluster = LocalCluster(home / "data")
    cluster.init()
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(home, ignore_errors=True)
