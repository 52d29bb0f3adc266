"""The checks a reviewer would run: lint everywhere, strict typing on the core layers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [str(BIN / "ruff"), "check", "counter_app", "tests", "bench", "tools"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout


def test_core_layers_type_check_strictly() -> None:
    result = subprocess.run(
        [
            str(BIN / "mypy"),
            "--strict",
            "--ignore-missing-imports",
            "counter_app/domain",
            "counter_app/catalogue_files",
            "counter_app/models",
            "counter_app/files",
            "counter_app/scanning",
            "counter_app/signing",
            "counter_app/services",
            "counter_app/sync",
            "counter_app/reports",
            "counter_app/storage.py",
            "counter_app/config.py",
            "counter_app/backup_files.py",
            "counter_app/database_checks.py",
            "counter_app/schema_upgrade.py",
            "counter_app/high_water.py",
            "counter_app/private_files.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout
