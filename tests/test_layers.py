"""The house's layers point one way (README, "Layers"): a module imports only
from its own layer or the ones below it, the counter's sync client and the
centre share only the wire, and migrations import no live code. Read from the
source (every import, a function's own and a type checker's included), so a
back edge fails here before it tangles anything."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "counter_app"

# Lowest first. A module may import from its own rank or a lower one.
RANKS: dict[str, int] = {
    "domain": 0,
    "resources_path": 0,
    "private_files": 0,
    "config": 1,
    "wire": 1,
    "models": 1,
    "paper": 1,
    "files": 1,
    "scanning": 1,
    "signing": 1,
    "i18n": 1,
    "catalogue_files": 1,
    "high_water": 2,
    "backup_files": 2,
    "database_checks": 2,
    "storage": 2,
    "schema_upgrade": 2,
    "writer": 2,
    "migrations": 2,
    "services": 3,
    "reports": 3,
    "sync": 4,
    "centre": 4,
    # The runtime's composition root: opens storage with its hooks, asks the centre.
    "app_setup": 5,
    "ui": 6,
    "devtools": 7,
    "cli": 8,
    "__main__": 8,
}
# Same rank, still apart: the desk's client and the centre meet only in the wire.
APART = {("sync", "centre"), ("centre", "sync")}


def _area(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    area = parts[1]
    return "cli" if area.startswith("cli") else area


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts)
        found.append((name.removesuffix(".__init__"), path))
    return found


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "counter_app":
                out += [
                    (node.lineno, f"counter_app.{a.name}")
                    for a in node.names
                    if (PACKAGE / a.name).is_dir() or (PACKAGE / f"{a.name}.py").exists()
                ]
            elif node.module.startswith("counter_app."):
                out.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.startswith("counter_app")]
    return out


def test_every_area_has_a_rank() -> None:
    areas = {_area(name) for name, _ in _modules()} - {"__init__"}
    assert areas <= set(RANKS), sorted(areas - set(RANKS))


def test_imports_point_down_the_layers() -> None:
    back = []
    for name, path in _modules():
        here = _area(name)
        if here == "__init__":
            continue
        for line, target in _imports(path):
            there = _area(target)
            if there == "__init__":
                continue
            if RANKS[there] > RANKS[here] or (here, there) in APART:
                back.append(f"{path.relative_to(PACKAGE.parent)}:{line} {here} -> {target}")
    assert back == [], "\n".join(back)


def test_migrations_import_no_live_code() -> None:
    live = [
        f"{path.relative_to(PACKAGE.parent)}:{line} {target}"
        for name, path in _modules()
        if ".versions." in name
        for line, target in _imports(path)
    ]
    assert live == [], "\n".join(live)


def _all_imports(path: Path) -> set[str]:
    """Everything a module imports, as it loads or later inside a function (a
    cycle kept alive by an import inside a function is still a cycle); not
    what only a type checker reads (``if TYPE_CHECKING:``), which never runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("counter_app")
        ):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("counter_app"))
    # Importing a.b.c runs the package a.b's __init__ first: that is imported too.
    parents = {".".join(m.split(".")[:i]) for m in found for i in range(2, m.count(".") + 1)}
    return found | parents


def test_no_module_imports_itself_round_a_cycle() -> None:
    modules = dict(_modules())
    graph = {
        # A module reaching its own package's __init__ (which gathers the
        # package) is no cycle between layers or modules.
        name: sorted(
            t
            for t in _all_imports(path)
            if t in modules and t != name and not name.startswith(t + ".")
        )
        for name, path in modules.items()
    }
    cycles = []
    for start in graph:
        stack = [(start, [start])]
        seen = set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start and len(trail) > 1:
                    if not all(
                        m.startswith(start + ".") or start.startswith(m + ".") for m in trail[1:]
                    ):
                        cycles.append(" -> ".join([*trail, start]))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
    assert cycles == [], "\n".join(sorted(set(cycles))[:20])
