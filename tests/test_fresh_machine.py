"""What the tests read from the system comes from a Debian package that `make`
installs (APT_PACKAGES in the Makefile): a file or a tool put on this machine
by hand passes here and fails on a fresh one."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# System paths and command-line tools the tests (and the code they run) use.
_PATH = re.compile(r'Path\("(/usr/(?:share|lib)/[^"]+)"\)')
_TOOL = re.compile(
    r'(?:\[\s*|which\()"(pdftotext|pdftoppm|pdffonts|pdfinfo|pdfimages|zbarimg|fc-list|xvfb-run'
    r'|softhsm2-util|tesseract)"'
)


def _apt_packages() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    block = re.search(r"^APT_PACKAGES := (.*?)(?:\n(?!\t)|\Z)", text, re.M | re.S)
    assert block is not None, "APT_PACKAGES not found in the Makefile"
    return set(block.group(1).replace("\\\n", " ").split())


def _installed_with(packages: set[str]) -> set[str]:
    """The packages and what apt installs with them: their dependencies, taking
    only the first of alternatives ("a | b" installs a), as apt does."""
    seen = set(packages)
    todo = set(packages)
    while todo:
        out = subprocess.run(
            ["apt-cache", "depends", "--no-recommends", "--no-suggests", "--no-conflicts",
             "--no-breaks", "--no-replaces", "--no-enhances", *sorted(todo)],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        todo = set()
        in_alternatives = False
        for line in out.splitlines():
            kind, _, name = line.strip().partition(": ")
            if kind not in ("Depends", "|Depends", "PreDepends", "|PreDepends"):
                in_alternatives = False
                continue
            first = not in_alternatives
            in_alternatives = kind.startswith("|")
            if first and not name.startswith("<") and name not in seen:
                seen.add(name)
                todo.add(name)
    return seen


def _owners(path: str) -> set[str]:
    found = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
    assert found.returncode == 0, f"{path} belongs to no Debian package: {found.stderr}"
    return {
        name.strip().split(":")[0]
        for line in found.stdout.splitlines()
        for name in line.rsplit(": ", 1)[0].split(",")
    }


def _used() -> tuple[set[str], set[str]]:
    paths: set[str] = set()
    tools: set[str] = set()
    for source in [*ROOT.glob("tests/**/*.py"), *ROOT.glob("counter_app/**/*.py")]:
        text = source.read_text(encoding="utf-8")
        paths |= set(_PATH.findall(text))
        tools |= set(_TOOL.findall(text))
    return paths, tools


def test_every_system_file_and_tool_the_tests_use_is_installed_by_make() -> None:
    packages = _installed_with(_apt_packages())
    paths, tools = _used()
    # the scan itself found what it looks for
    assert paths and {"pdftotext", "softhsm2-util", "tesseract"} <= tools, tools
    missing: dict[str, set[str]] = {}
    for path in sorted(paths):
        owners = _owners(path)
        if not owners & packages:
            missing[path] = owners
    for tool in sorted(tools):
        located = shutil.which(tool)
        assert located is not None, f"{tool} is not installed"
        owners = _owners(str(Path(located).resolve()))
        if not owners & packages:
            missing[tool] = owners
    assert missing == {}, f"add these Debian packages to APT_PACKAGES: {missing}"
