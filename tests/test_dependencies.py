"""What the console depends on, as pyproject.toml declares it: only the Qt
parts the code imports, every version bounded above, the ones the tests run
on inside those bounds, and the licence in its current (SPDX) form."""

from __future__ import annotations

import ast
import functools
import importlib.metadata as metadata
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
REQUIREMENTS = [Requirement(r) for r in PROJECT["dependencies"]]
# What the PySide6-Essentials wheel provides (6.11).
ESSENTIALS = {"QtCore", "QtGui", "QtWidgets", "QtConcurrent", "QtDBus", "QtNetwork",
              "QtOpenGL", "QtOpenGLWidgets", "QtPrintSupport", "QtQml", "QtQuick",
              "QtQuickControls2", "QtQuickWidgets", "QtSql", "QtSvg", "QtSvgWidgets", "QtTest",
              "QtUiTools", "QtXml", "QtHelp", "QtDesigner"}


@functools.cache
def _qt_modules_imported() -> frozenset[str]:
    found = set()
    for folder in ("ui", "launcher", "tests", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                elif isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                for name in names:
                    parts = name.split(".")
                    if parts[0] == "PySide6" and len(parts) > 1 and parts[1].startswith("Qt"):
                        found.add(parts[1])
    return frozenset(found)


def test_only_pyside6_essentials():
    names = {r.name.lower() for r in REQUIREMENTS}
    # The meta-package brings Addons and WebEngine; Addons (QtPdf) is several
    # hundred megabytes for one preview, which PDFium draws instead.
    assert not names & {"pyside6", "pyside6-addons", "pyside6-pdf"}
    assert "pyside6-essentials" in names and "pypdfium2" in names
    assert _qt_modules_imported() <= ESSENTIALS


def test_every_dependency_is_bounded_and_met_by_what_the_tests_run_on():
    for requirement in REQUIREMENTS:
        operators = {spec.operator for spec in requirement.specifier}
        assert "<" in operators or "<=" in operators, f"{requirement} has no upper bound"
        assert ">=" in operators, f"{requirement} has no lower bound"
        installed = metadata.version(requirement.name)
        assert requirement.specifier.contains(installed, prereleases=True), (
            f"{requirement.name} {installed} is outside {requirement.specifier}")


def test_sqlite_utils_is_the_release_with_atomic_and_migrations():
    (sqlite_utils,) = [r for r in REQUIREMENTS if r.name == "sqlite-utils"]
    assert not sqlite_utils.specifier.contains("3.39")
    from sqlite_utils import Database
    assert hasattr(Database, "atomic")
    import sqlite_utils.migrations  # noqa: F401


def test_the_licence_is_an_spdx_expression():
    assert isinstance(PROJECT["license"], str)
    assert PROJECT["license"].startswith("LicenseRef-") or " " not in PROJECT["license"]
    for file in PROJECT.get("license-files", []):
        assert (ROOT / file).is_file()
