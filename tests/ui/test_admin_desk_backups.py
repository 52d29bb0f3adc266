"""The backups dialog, driven as the administrator: a backup now, the second
place, and a restore behind a confirmation whose default does nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app import backup_files, database_checks
from counter_app.app_setup import Runtime, open_runtime
from counter_app.cli import main
from counter_app.cli_common import PASSWORD_ENV
from counter_app.domain.errors import Forbidden
from counter_app.domain.messages import UserError
from counter_app.domain.papers import Origin, PaperData
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.files.store import FileStore
from counter_app.i18n import render
from counter_app.models import Dossier
from counter_app.services import backups, papers
from counter_app.services.auth import Actor
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.services.papers import NewCopy
from counter_app.ui.admin.backups_dialog import BackupsDialog
from tests.conftest import PASSWORD, Clock, login, typed_fee
from tests.services.test_papers import scan_page
from tests.ui.conftest import CITIZEN, MARITAL_STATUS, Receive, wait_signal, written


@pytest.fixture
def dialog(
    qtbot: QtBot, counter: Runtime, official: Callable[[str], Actor], hold: list[object]
) -> BackupsDialog:
    d = BackupsDialog(counter.ctx, official("quantri"), counter.data_dir)
    qtbot.addWidget(d)
    hold.append(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def _codes(rt: Runtime) -> list[str]:
    with rt.ctx.sessions() as s:
        return sorted(s.scalars(select(Dossier.code)))


def test_back_up_now_writes_a_checked_backup_and_the_status_follows(
    dialog: BackupsDialog, counter: Runtime, qtbot: QtBot, receive_dossier: Receive
) -> None:
    receive_dossier()
    assert backups.last_good(counter.data_dir) is None
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.back_up_button.isEnabled(), timeout=20_000)
    last = backups.last_good(counter.data_dir)
    assert last is not None and database_checks.check(last.path).ok
    assert str(last.path) in dialog.outcome.text()
    assert "Đã sao lưu" in dialog.outcome.text()
    assert "Bản sao lưu tốt gần nhất" in dialog.status.text()


def test_a_second_place_is_kept_and_the_next_backup_goes_there(
    dialog: BackupsDialog, counter: Runtime, qtbot: QtBot, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog.place.setText(str(usb))
    dialog.keep.setValue(5)
    qtbot.mouseClick(dialog.save_place_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    assert backups.settings(counter.data_dir) == backup_files.BackupSettings(str(usb), 5)
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.back_up_button.isEnabled(), timeout=20_000)
    assert len(backup_files.generations(usb)) == 1


def test_a_missing_folder_is_refused_in_words(
    dialog: BackupsDialog, counter: Runtime, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog.place.setText(str(tmp_path / "unplugged"))
    qtbot.mouseClick(dialog.save_place_button, Qt.MouseButton.LeftButton)
    written(qtbot, dialog)
    assert "không tồn tại" in dialog.outcome.text()
    assert backups.settings(counter.data_dir).place == ""


def _confirmation(dialog: BackupsDialog, qtbot: QtBot, file: Path) -> QMessageBox:
    dialog.check_backup(file)
    qtbot.waitUntil(lambda: dialog.confirm_box is not None, timeout=20_000)
    box = dialog.confirm_box
    assert box is not None
    qtbot.waitExposed(box)
    return box


def test_the_restore_confirmation_defaults_to_not_restoring(
    dialog: BackupsDialog, counter: Runtime, qtbot: QtBot, receive_dossier: Receive
) -> None:
    receive_dossier()
    (copy,) = backups.back_up(counter.data_dir)
    receive_dossier()
    box = _confirmation(dialog, qtbot, copy)
    restore = box.findChild(type(dialog.restore_button), "confirmRestoreYes")
    keep = box.findChild(type(dialog.restore_button), "confirmRestoreNo")
    # THEN the default (Enter) and Escape keep the data, and restoring needs the box ticked
    assert box.defaultButton() is keep and box.escapeButton() is keep
    assert not restore.isEnabled()
    assert "Khôi phục" in restore.text() and "đóng" in restore.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    # AND nothing changed: both dossiers are there and the desk still writes
    assert len(_codes(counter)) == 2
    receive_dossier()


def test_a_damaged_file_never_reaches_the_confirmation(
    dialog: BackupsDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "counter-20261126-090000-manual.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    dialog.check_backup(bad)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
    assert dialog.confirm_box is None
    assert "không phải là bản sao lưu tốt" in dialog.outcome.text()


def test_a_confirmed_restore_brings_the_backup_back_and_the_desk_must_reopen(
    dialog: BackupsDialog,
    counter: Runtime,
    qtbot: QtBot,
    receive_dossier: Receive,
    clock: Clock,
) -> None:
    # GIVEN a backup holding one dossier, and a second dossier received after it
    first = receive_dossier().code
    (copy,) = backups.back_up(counter.data_dir)
    second = receive_dossier().code
    box = _confirmation(dialog, qtbot, copy)
    # WHEN the administrator ticks the box and restores
    box.checkBox().setChecked(True)
    restore = box.findChild(type(dialog.restore_button), "confirmRestoreYes")
    with wait_signal(qtbot, dialog.restored, timeout=20_000) as restored:
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    kept = restored.args[0]
    # THEN the dialog says the application closes, and the open desk writes nothing more
    assert "mở lại" in dialog.outcome.text()
    assert Path(kept).is_dir()
    with pytest.raises(UserError) as refused:
        receive_dossier()
    assert "mở lại" in render(refused.value.message)
    # AND opened again, the counter holds the backup's dossier and never reuses the second code
    counter.close()
    again = open_runtime(counter.data_dir)
    again.ctx.clock = clock
    try:
        assert _codes(again) == [first]
        third = receive(
            again.ctx,
            login(again, "tiepnhan"),
            ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=typed_fee(MARITAL_STATUS)),
        ).code
        assert third > second
    finally:
        again.close()


def test_only_an_administrator_backs_up_sets_the_place_or_restores(
    counter: Runtime, official: Callable[[str], Actor], tmp_path: Path, receive_dossier: Receive
) -> None:
    clerk = official("tiepnhan")
    receive_dossier()
    (copy,) = backups.back_up(counter.data_dir)
    with pytest.raises(Forbidden):
        backups.back_up_now(counter.ctx, clerk, counter.data_dir)
    with pytest.raises(Forbidden):
        backups.set_place(counter.ctx, clerk, counter.data_dir, tmp_path)
    with pytest.raises(Forbidden):
        backups.restore_while_open(counter.ctx, clerk, counter.data_dir, copy)
    assert backups.settings(counter.data_dir).place == ""
    assert len(_codes(counter)) == 1
    receive_dossier()  # still open for writes


def test_the_cli_sets_the_second_place_only_for_an_administrator(
    counter: Runtime,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    data = ["--data-dir", str(counter.data_dir), "backup", "--place", str(usb), "--keep", "4"]
    assert main(data) == 2
    assert "--by" in capsys.readouterr().err
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    assert main([*data, "--by", "tiepnhan"]) == 2
    assert backups.settings(counter.data_dir).place == ""
    assert main([*data, "--by", "quantri"]) == 0
    assert backups.settings(counter.data_dir) == backup_files.BackupSettings(str(usb), 4)
    assert len(backup_files.generations(usb)) == 1


def test_a_backup_missing_a_copy_the_desk_still_holds_reaches_the_confirmation(
    dialog: BackupsDialog, counter: Runtime, qtbot: QtBot, receive_dossier: Receive
) -> None:
    # GIVEN a dossier with an electronic copy, backed up, then the copy lost from
    # the backup place's store (a USB drive gone wrong) but whole on the desk
    code = receive_dossier().code
    pdf = images_to_pdf([scan_page()])
    info = papers.add_copy(
        counter.ctx,
        login(counter, "tiepnhan"),
        NewCopy(code, pdf, PaperData("GT.KS", "Giấy khai sinh", "020185000123"), Origin.SCAN),
    )
    (copy,) = backups.back_up(counter.data_dir)
    kept = FileStore(copy.parent / "files").path_of(info.sha256)
    assert kept.is_file()
    kept.unlink()
    # WHEN the administrator chooses it to restore
    box = _confirmation(dialog, qtbot, copy)
    # THEN it is offered (the desk's own copy completes it), not refused
    assert box.isVisible()
    box.reject()
