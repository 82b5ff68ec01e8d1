"""The code's shape, checked: no import cycles anywhere in the project, no
module reaching into another's private names, and no module too long to
read. The layer contracts themselves are ``lint-imports`` (pyproject.toml),
run by ``.ci/run`` and by ``test_the_layer_contracts_hold`` below."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("console", "reports", "hq", "cli", "ui", "launcher", "resources")
MAX_LINES = 500


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.find_modules_directly_imported_by(v):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles_anywhere_in_the_project():
    sys.path.insert(0, str(ROOT))
    try:
        graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    finally:
        sys.path.remove(str(ROOT))
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for a, b in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=a, imported=b)
    assert _cycles(graph) == [["p.a", "p.b", "p.c"]]


def _sources():
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", ["console", "cli", "reports", "hq", "ui"])
def test_no_module_is_longer_than_it_should_be(package):
    long = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / package).rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def _project_modules(tree: ast.AST) -> dict[str, str]:
    """Names bound to the project's own modules by ``import``/``from ... import``."""
    bound = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] in PACKAGES:
                for alias in node.names:
                    bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in PACKAGES and alias.asname:
                    bound[alias.asname] = alias.name
    return bound


def test_no_module_reaches_into_another_modules_private_names():
    offences = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        here = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                    and node.module.split(".")[0] in PACKAGES:
                # ``_`` alone is gettext's name for "translate", public by convention.
                offences += [f"{here}: from {node.module} import {a.name}"
                             for a in node.names
                             if a.name.startswith("_") and not a.name.startswith("__")
                             and a.name != "_"]
        modules = _project_modules(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__") and isinstance(node.value, ast.Name)
                    and node.value.id in modules):
                offences.append(f"{here}: {node.value.id}.{node.attr}")
    assert offences == []


def test_the_layer_contracts_hold():
    tool = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    result = subprocess.run([tool, "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]


def _audit_actions() -> set[str]:
    """Every action the code writes to the audit chain: string constants
    passed to ``append``, ``audited_update`` or a service's ``_update``, and
    module constants named ``ACTION`` or ``..._ACTION``."""
    import re
    shape = re.compile(r"^[a-z]+\.[a-z_]+$")
    found = set()
    for path in (ROOT / "console").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                if name in ("append", "_update", "audited_update"):
                    values = list(node.args) + [k.value for k in node.keywords]
                    found |= {v.value for v in values if isinstance(v, ast.Constant)
                              and isinstance(v.value, str) and shape.match(v.value)}
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if (isinstance(target, ast.Name) and target.id.endswith("ACTION")
                            and isinstance(node.value, ast.Constant)
                            and isinstance(node.value.value, str)):
                        found.add(node.value.value)
    return found


def test_every_audit_action_has_a_right_in_the_one_table():
    """The chain's replay refuses an action the table of rights does not
    name, so every action the code writes must be in it (console/audit/roles.py)."""
    from console.audit import roles
    actions = _audit_actions()
    assert {"user.add", "subject.erase", "briefing.sign", "subject.status"} <= actions
    assert sorted(a for a in actions if roles.right_for(a) is None) == []
