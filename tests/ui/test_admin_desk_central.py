"""The central connection dialog against the suite's real PostgreSQL: a
connection file from ``counter-app central register-counter`` imported by the
administrator, then tested with a real round trip."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from counter_app.app_setup import Runtime
from counter_app.cli import main
from counter_app.cli_common import PASSWORD_ENV
from counter_app.domain.errors import Forbidden
from counter_app.services import setup
from counter_app.services.auth import Actor
from counter_app.sync.service import check_connection, connect
from counter_app.ui.admin.central_dialog import CentralDialog
from counter_app.ui.sync_worker import SyncPhase
from counter_app.wire import connection_file as settings_file
from tests.conftest import PASSWORD
from tests.sync.conftest import Centre
from tests.sync.support import REGISTER_ARGS
from tests.sync.test_cli_sync import cli
from tests.ui.conftest import wait_signal, written


def register(centre: Centre, out: Path, counter_uuid: str | None) -> Path:
    """The IT staff's command, run as they run it."""
    own = ["--counter-uuid", counter_uuid] if counter_uuid else []
    done = cli(
        *REGISTER_ARGS,
        *own,
        "--out",
        str(out),
        url=centre.engine.url.render_as_string(hide_password=False),
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture
def own_file(centre: Centre, counter: Runtime, tmp_path: Path) -> Path:
    info = setup.get_counter(counter.ctx)
    assert info is not None
    return register(centre, tmp_path / "quay1.json", info.uuid)


@pytest.fixture
def dialog(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], Actor], hold: list[object]
) -> CentralDialog:
    d = CentralDialog(counter.ctx, official("quantri"), counter.data_dir)
    qtbot.addWidget(d)
    hold.append(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def _shown(dialog: CentralDialog) -> str:
    return " ".join(label.text() for label in dialog.labels.values())


@pytest.mark.slow
def test_an_imported_connection_is_shown_without_its_password_and_tested_for_real(
    dialog: CentralDialog, counter: Runtime, own_file: Path, qtbot: QtBot
) -> None:
    # GIVEN a counter working on its own
    assert "Chưa kết nối" in _shown(dialog) and not dialog.test_button.isEnabled()
    password = make_url(json.loads(own_file.read_text(encoding="utf-8"))["url"]).password
    assert password
    # WHEN the administrator imports the file the IT staff made for it
    with wait_signal(qtbot, dialog.connection_imported):
        dialog.import_file(own_file)
        written(qtbot, dialog)
    # THEN the connection is stored and shown, its password nowhere
    stored = settings_file.stored(counter.data_dir)
    assert stored is not None
    assert dialog.labels["counter"].text() == "Quầy số 1"
    assert dialog.labels["server"].text().startswith(make_url(stored.url).username or "?")
    assert password not in _shown(dialog) + dialog.outcome.text()
    assert dialog.sync_bar.connected
    # WHEN the connection is tested
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30_000)
    # THEN the centre answered and knows this counter
    assert "Trung tâm trả lời" in dialog.outcome.text(), dialog.outcome.text()
    assert "Quầy số 1" in dialog.outcome.text()
    assert dialog.sync_bar.phase is SyncPhase.ONLINE


@pytest.mark.slow
def test_the_dialog_shows_the_identity_and_its_request_becomes_this_counters_file(
    dialog: CentralDialog, counter: Runtime, centre: Centre, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN a counter working on its own: its identity is on screen
    info = setup.get_counter(counter.ctx)
    assert info is not None
    assert dialog.labels["identity"].text() == info.uuid
    # WHEN the administrator exports its registration request
    request = tmp_path / "yeu-cau.json"
    dialog.export_request(request)
    assert "Đã ghi yêu cầu đăng ký" in dialog.outcome.text()
    # AND the IT staff register it as it is
    out = tmp_path / "quay1.json"
    done = cli(
        "central",
        "register-counter",
        "--request",
        str(request),
        "--out",
        str(out),
        url=centre.engine.url.render_as_string(hide_password=False),
    )
    assert done.returncode == 0, done.stderr
    # THEN the file they hand back is this counter's: the dialog imports it
    with wait_signal(qtbot, dialog.connection_imported):
        dialog.import_file(out)
        written(qtbot, dialog)
    stored = settings_file.stored(counter.data_dir)
    assert stored is not None and stored.counter_uuid == info.uuid
    assert stored.unit_name == info.unit_name and stored.place == info.place


@pytest.mark.slow
def test_a_centre_out_of_reach_is_one_sentence_and_offline(
    dialog: CentralDialog, counter: Runtime, own_file: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN a connection file whose server does not answer (a port nobody listens on)
    moved = settings_file.parse(own_file)
    url = make_url(moved.url).set(host="127.0.0.1", port=9)
    away = tmp_path / "away.json"
    settings_file.write(
        away,
        settings_file.CentralSettings(
            **{**moved.__dict__, "url": url.render_as_string(hide_password=False)}
        ),
    )
    dialog.import_file(away)
    written(qtbot, dialog)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30_000)
    assert "Không liên lạc được" in dialog.outcome.text()
    assert dialog.sync_bar.phase is SyncPhase.OFFLINE


@pytest.mark.slow
def test_a_file_made_for_another_counter_is_refused_and_changes_nothing(
    qtbot: QtBot, dialog: CentralDialog, counter: Runtime, centre: Centre, tmp_path: Path
) -> None:
    other = register(centre, tmp_path / "other.json", None)
    dialog.import_file(other)
    written(qtbot, dialog)
    assert "quầy khác" in dialog.outcome.text()
    # The refusal names this counter's identity, what the IT staff need
    info = setup.get_counter(counter.ctx)
    assert info is not None and info.uuid in dialog.outcome.text()
    assert settings_file.stored(counter.data_dir) is None


@pytest.mark.slow
def test_only_an_administrator_imports_or_tests_a_connection(
    counter: Runtime, official: Callable[[str], Actor], own_file: Path
) -> None:
    clerk = official("tiepnhan")
    for actor in (clerk, None):
        with pytest.raises(Forbidden):
            connect(counter.ctx, counter.data_dir, own_file, actor)
    assert settings_file.stored(counter.data_dir) is None
    connect(counter.ctx, counter.data_dir, own_file, official("quantri"))
    with pytest.raises(Forbidden):
        check_connection(counter.ctx, clerk, counter.data_dir)


@pytest.mark.slow
def test_the_cli_imports_a_new_file_on_a_set_up_counter_only_with_its_administrator(
    counter: Runtime,
    own_file: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = ["--data-dir", str(counter.data_dir), "sync", "connect", str(own_file)]
    assert main(data) == 2
    assert "--by" in capsys.readouterr().err
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    assert main([*data, "--by", "tiepnhan"]) == 2
    assert settings_file.stored(counter.data_dir) is None
    assert main([*data, "--by", "quantri"]) == 0
    assert "Quầy số 1" in capsys.readouterr().out
    assert settings_file.stored(counter.data_dir) is not None
