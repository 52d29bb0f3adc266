"""UI fixtures: real windows over the real `counter` runtime, never run_gui's modal flow."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.validation import ApplicantInput
from counter_app.services import dossiers, setup, users
from counter_app.services.dossiers import ReceiveRequest
from counter_app.services.users import UserInfo
from counter_app.services.views import DossierInfo
from counter_app.ui.main_window import MainWindow

CERTIFIED_COPY = "2.000815"  # same day, per page, "4 tại chỗ"
MARITAL_STATUS = "1.004873"  # 3 working days, flat fee
CITIZEN = ApplicantInput(
    full_name="Nguyễn Thị Đoàn",
    id_number="020185000123",
    phone="0912 345 678",
    address="Phường Đông Kinh, Lạng Sơn",
)


def user_info(rt: Runtime, username: str) -> UserInfo:
    return next(u for u in users.list_users(rt.ctx) if u.username == username)


Receive = Callable[..., DossierInfo]


@pytest.fixture
def receive_dossier(counter: Runtime) -> Receive:
    """Receive through the service (not the UI): data for the windows to show."""

    def receive(
        procedure: str = MARITAL_STATUS,
        applicant: ApplicantInput = CITIZEN,
        username: str = "tiepnhan",
    ) -> DossierInfo:
        return dossiers.receive(counter.ctx, username, ReceiveRequest(procedure, applicant))

    return receive


@pytest.fixture
def official(counter: Runtime) -> Callable[[str], UserInfo]:
    return lambda username: user_info(counter, username)


class Printed:
    """What the window asked to print, in order: (kind, code)."""

    def __init__(self) -> None:
        self.jobs: list[tuple[str, str]] = []

    def receipt(self, code: str) -> None:
        self.jobs.append(("receipt", code))

    def form(self, code: str, kind: str) -> None:
        self.jobs.append((kind, code))


@pytest.fixture
def printed() -> Printed:
    return Printed()


@pytest.fixture
def hold() -> Iterator[list[object]]:
    """Strong references to widgets a test builds, kept until after pytest-qt has
    closed them: pytest-qt holds only weak ones, and a Python-owned dialog whose
    last reference dies mid-test is deleted under its own children."""
    kept: list[object] = []
    yield kept
    kept.clear()


@pytest.fixture
def make_window(
    qtbot: QtBot, counter: Runtime, printed: Printed, hold: list[object]
) -> Iterator[Callable[[str], MainWindow]]:
    def build(username: str = "tiepnhan") -> MainWindow:
        info = setup.get_counter(counter.ctx)
        assert info is not None
        window = MainWindow(
            counter.ctx,
            user_info(counter, username),
            info,
            print_receipt=printed.receipt,
            print_form=printed.form,
        )
        qtbot.addWidget(window)
        hold.append(window)
        qtbot.waitUntil(lambda: not window._refreshing)
        return window

    yield build
