"""UI fixtures: real windows over the real `counter` runtime, never run_gui's modal flow."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.devtools.local_cluster import LocalCluster
from counter_app.domain.validation import ApplicantInput
from counter_app.models import PrintJob
from counter_app.services import dossiers, setup
from counter_app.services.auth import Actor
from counter_app.services.dossiers import ReceiveRequest
from counter_app.services.print_jobs import Sink, file_sink
from counter_app.services.views import DossierInfo
from counter_app.ui.form_print import Output, PrintPreviewDialog, StepPrint
from counter_app.ui.main_window import MainWindow
from counter_app.ui.sync_worker import SyncTiming
from tests.conftest import login, typed_fee
from tests.sync.conftest import Centre

CERTIFIED_COPY = "2.000815"  # same day, per page, "4 tại chỗ"
MARITAL_STATUS = "1.004873"  # 3 working days, flat fee
CITIZEN = ApplicantInput(
    full_name="Nguyễn Thị Đoàn",
    id_number="020185000123",
    phone="0912 345 678",
    address="Phường Đông Kinh, Lạng Sơn",
)


def user_info(rt: Runtime, username: str) -> Actor:
    """The official as the window holds them: logged in with their password."""
    return login(rt, username)


Receive = Callable[..., DossierInfo]


@pytest.fixture
def receive_dossier(counter: Runtime) -> Receive:
    """Receive through the service (not the UI): data for the windows to show."""

    def receive(
        procedure: str = MARITAL_STATUS,
        applicant: ApplicantInput = CITIZEN,
        username: str = "tiepnhan",
    ) -> DossierInfo:
        return dossiers.receive(
            counter.ctx,
            login(counter, username),
            ReceiveRequest(procedure, applicant, fee_amount=typed_fee(procedure)),
        )

    return receive


@pytest.fixture
def official(counter: Runtime) -> Callable[[str], Actor]:
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


class Emitted:
    """Every emission of ``signal`` while connected.

    Stands in for qtbot.waitSignal / assertNotEmitted: their cleanup calls
    ``signal.disconnect(slot)``, which under PySide6 6.12 releases a reference
    to ``True`` it never took; enough of them crash the interpreter at exit
    (``bool_dealloc``). Disconnecting through the connection object does not.
    """

    def __init__(self, signal: SignalInstance) -> None:
        self.emissions: list[list[object]] = []
        self._connection = signal.connect(self._record)

    def _record(self, *args: object) -> None:
        self.emissions.append(list(args))

    @property
    def args(self) -> list[object]:
        """The arguments of the first emission, like pytest-qt's blocker."""
        return self.emissions[0] if self.emissions else []

    def close(self) -> None:
        QObject.disconnect(self._connection)


@contextmanager
def wait_signal(qtbot: QtBot, signal: SignalInstance, timeout: int = 5_000) -> Iterator[Emitted]:
    """Run the block, then wait until ``signal`` has been emitted."""
    got = Emitted(signal)
    try:
        yield got
        qtbot.waitUntil(lambda: bool(got.emissions), timeout=timeout)
    finally:
        got.close()


@contextmanager
def not_emitted(signal: SignalInstance) -> Iterator[Emitted]:
    """Run the block and check that ``signal`` stayed silent."""
    got = Emitted(signal)
    try:
        yield got
    finally:
        got.close()
    assert got.emissions == [], got.emissions


class Chooser:
    """Stands in for the print and save dialogs: the official picks ``path``
    (or the suggested name in ``folder``); ``cancel`` closes the dialog instead."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path: Path | None = None
        self.cancel = False
        self.asked: list[tuple[Output, str]] = []

    def __call__(self, parent: QWidget, output: Output, file_name: str) -> Sink | None:
        self.asked.append((output, file_name))
        if self.cancel:
            return None
        path = self.path or self.folder / file_name
        return file_sink(path)


@pytest.fixture
def chooser(tmp_path: Path) -> Chooser:
    folder = tmp_path / "forms"
    folder.mkdir()
    return Chooser(folder)


def wait_preview(qtbot: QtBot, flow: StepPrint | None) -> PrintPreviewDialog:
    """The preview a step's form opened in, once built off the UI thread."""
    assert flow is not None
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible(), timeout=10_000)
    assert flow.preview is not None
    return flow.preview


def written(qtbot: QtBot, owner: QObject) -> None:
    """Wait until the writes ``owner`` queued on the window's one writer have answered."""
    qtbot.waitUntil(lambda: not owner.writes.busy)  # type: ignore[attr-defined]


def gone(*widgets: QWidget) -> bool:
    """Closed: hidden, or already deleted (a dialog that deletes itself on close)."""
    return all(not shiboken6.isValid(w) or not w.isVisible() for w in widgets)


def print_jobs(rt: Runtime) -> list[tuple[str, str]]:
    """(form kind, status) of every print recorded, oldest first."""
    with rt.ctx.sessions() as session:
        return [
            (j.form_kind, j.status) for j in session.scalars(select(PrintJob).order_by(PrintJob.id))
        ]


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
    qtbot: QtBot, counter: Runtime, printed: Printed, chooser: Chooser, hold: list[object]
) -> Iterator[Callable[..., MainWindow]]:
    def build(username: str = "tiepnhan", sync_timing: SyncTiming | None = None) -> MainWindow:
        info = setup.get_counter(counter.ctx)
        assert info is not None
        window = MainWindow(
            counter.ctx,
            user_info(counter, username),
            info,
            print_receipt=printed.receipt,
            print_form=printed.form,
            choose_sink=chooser,
            data_dir=counter.data_dir,
            sync_timing=sync_timing or SyncTiming(),
        )
        qtbot.addWidget(window)
        hold.append(window)
        qtbot.waitUntil(lambda: not window._refreshing)
        return window

    yield build


@pytest.fixture
def centre(pg_cluster: LocalCluster, tmp_path: Path) -> Iterator[Centre]:
    """A fresh central database on the suite's cluster, with the sync tests' helper."""
    name = f"central_{uuid.uuid4().hex[:12]}"
    pg_cluster.create_database(name)
    c = Centre(pg_cluster.superuser_url(name), tmp_path)
    try:
        yield c
    finally:
        c.close()
        pg_cluster.drop_database(name, force=True)
