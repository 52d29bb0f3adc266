"""A wheel built from the repository carries resources/ and works from anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("counter_app-*.whl")
    return built


def test_wheel_carries_resources_and_every_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "counter_app/resources/catalogue/commune_procedures.json",
        "counter_app/resources/forms/tt01-2018.json",
        "counter_app/resources/forms/tt03-2025.json",
        "counter_app/resources/translations/counter_app_vi.qm",
        "counter_app/resources/translations/qtbase_vi.qm",
        "counter_app/resources/guide/huong-dan-su-dung.md",
        "counter_app/resources/satisfaction/criteria-v1.json",
        "counter_app/resources/papers/document_types.json",
        "counter_app/resources/sane/dll.conf",
        "counter_app/migrations/versions/0001_initial_schema.py",
        "counter_app/migrations/script.py.mako",
    ):
        assert needed in names, needed
    source_modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "counter_app").rglob("*.py")}
    assert source_modules <= names, sorted(source_modules - names)


def test_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    probe = (
        "from counter_app.resources_path import resource_root;"
        "from counter_app.paper import load_form_set;"
        "root = resource_root(); print(root);"
        "assert (root / 'catalogue' / 'commune_procedures.json').is_file();"
        "print(load_form_set('tt03-2025').circular)"
    )
    # Run from an unrelated folder with only the unpacked wheel (and the
    # dependencies of this virtualenv) importable: no source checkout.
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {probe}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    assert "03/2025/TT-VPCP" in result.stdout
